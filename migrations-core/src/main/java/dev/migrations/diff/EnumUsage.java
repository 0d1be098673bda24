package dev.migrations.diff;

import java.util.Objects;

/**
 * A column whose type is an enum type (or an array of it), as it exists when an enum operation runs.
 * Recreating an enum type must convert every such column and put its default back, so the operation
 * carries them and needs no database to render.
 *
 * @param table the table, as named when the operation runs
 * @param column the column
 * @param array whether the column is an array of the enum type ({@code status[]})
 * @param defaultExpression the column default as the database prints it, {@code null} when none
 */
public record EnumUsage(String table, String column, boolean array, String defaultExpression) {

	public EnumUsage {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

}
