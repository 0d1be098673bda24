package dev.migrations.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table with everything that hangs off it.
 *
 * @param name table name
 * @param columns columns in their ordinal order
 * @param primaryKey the primary key, {@code null} when the table has none
 * @param uniqueConstraints unique constraints (not unique indexes), sorted by name
 * @param indexes indexes that do not back a primary key or unique constraint, sorted by name
 * @param foreignKeys foreign keys, sorted by name
 * @param checks check constraints (not NOT NULL), sorted by name
 * @param comment the table comment, {@code null} when none
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
		List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks, String comment) {

	public Table {
		columns = List.copyOf(columns);
		uniqueConstraints = List.copyOf(uniqueConstraints);
		indexes = List.copyOf(indexes);
		foreignKeys = List.copyOf(foreignKeys);
		checks = List.copyOf(checks);
	}

	public Optional<Column> column(String columnName) {
		return columns.stream().filter((c) -> c.name().equals(columnName)).findFirst();
	}

}
