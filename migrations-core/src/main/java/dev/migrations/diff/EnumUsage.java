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
 * @param defaultAfter the default the column gets once the type is recreated: its default, or the one the
 *        entities give it when the same change sets another (which may name a label only the new type has)
 */
public record EnumUsage(String table, String column, boolean array, String defaultExpression, String defaultAfter) {

	public EnumUsage {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
	}

	/** A column that keeps its default. */
	public EnumUsage(String table, String column, boolean array, String defaultExpression) {
		this(table, column, array, defaultExpression, defaultExpression);
	}

	/** The same column the other way round: the default it gets is the one it had. */
	public EnumUsage reversed() {
		return new EnumUsage(this.table, this.column, this.array, this.defaultAfter, this.defaultExpression);
	}

}
