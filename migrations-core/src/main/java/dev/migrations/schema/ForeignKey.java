package dev.migrations.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name constraint name
 * @param columns referencing columns
 * @param referencedSchema schema of the referenced table, {@code null} when the same schema
 * @param referencedTable referenced table
 * @param referencedColumns referenced columns, in the order matching {@code columns}
 * @param onDelete action on delete
 * @param onUpdate action on update
 */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
		List<String> referencedColumns, Action onDelete, Action onUpdate) {

	public ForeignKey {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
	}

	/** Referential actions. */
	public enum Action {

		NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
		SET_DEFAULT("SET DEFAULT");

		private final String sql;

		Action(String sql) {
			this.sql = sql;
		}

		public String sql() {
			return this.sql;
		}

	}

}
