package dev.migrations.entity;

import java.util.List;
import java.util.Optional;

/**
 * A table the entities map to.
 *
 * @param schema the schema as the catalog stores it: the one named in the mapping
 * ({@code @Table(schema = ...)}), else the configured default schema, else {@code null} for the
 * connection's current schema
 * @param name the table name as the catalog stores it ({@code orders}, {@code customer_order}, or
 * {@code Order} for a quoted mixed-case name)
 * @param columns columns in Hibernate's order (the order of its {@code create table})
 */
public record EntityTable(String schema, String name, List<EntityColumn> columns) {

	public EntityTable {
		columns = List.copyOf(columns);
	}

	public List<String> columnNames() {
		return this.columns.stream().map(EntityColumn::name).toList();
	}

	public Optional<EntityColumn> column(String columnName) {
		return this.columns.stream().filter((c) -> c.name().equals(columnName)).findFirst();
	}

}
