package dev.migrations.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;

/** Terse builders for hand-made schema models, spelled as PostgreSQL prints them. */
public final class TestTables {

	private TestTables() {
	}

	public static Column column(String name, String type) {
		return new Column(name, type, true, null, null, null);
	}

	public static Column notNull(String name, String type) {
		return new Column(name, type, false, null, null, null);
	}

	public static Column column(String name, String type, boolean nullable, String defaultExpression) {
		return new Column(name, type, nullable, defaultExpression, null, null);
	}

	public static Column identity(String name, String type) {
		return new Column(name, type, false, null, Column.Identity.BY_DEFAULT, null);
	}

	public static TableBuilder table(String name) {
		return new TableBuilder(name);
	}

	public static SchemaModel schema(Table... tables) {
		return new SchemaModel("public", Arrays.asList(tables), List.of(), List.of());
	}

	public static SchemaModel schema(List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {
		return new SchemaModel("public", tables, sequences, enumTypes);
	}

	public static EnumType enumType(String name, String... values) {
		return new EnumType(name, List.of(values));
	}

	public static Sequence sequence(String name, long increment) {
		return new Sequence(name, "bigint", 1, increment, 1, Long.MAX_VALUE, 1, false);
	}

	public static ForeignKey foreignKey(String name, String column, String referencedTable, String referencedColumn) {
		return new ForeignKey(name, List.of(column), null, referencedTable, List.of(referencedColumn),
				ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
	}

	public static Index index(String name, String... elements) {
		return new Index(name, List.of(elements), false, "btree", null, List.of());
	}

	/** Builds a table; everything is optional except the name. */
	public static final class TableBuilder {

		private final String name;

		private final List<Column> columns = new ArrayList<>();

		private PrimaryKey primaryKey;

		private final List<UniqueConstraint> uniques = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<CheckConstraint> checks = new ArrayList<>();

		private String comment;

		TableBuilder(String name) {
			this.name = name;
		}

		public TableBuilder columns(Column... columns) {
			this.columns.addAll(Arrays.asList(columns));
			return this;
		}

		public TableBuilder primaryKey(String name, String... columns) {
			this.primaryKey = new PrimaryKey(name, List.of(columns));
			return this;
		}

		public TableBuilder unique(String name, String... columns) {
			this.uniques.add(new UniqueConstraint(name, List.of(columns)));
			return this;
		}

		public TableBuilder index(Index index) {
			this.indexes.add(index);
			return this;
		}

		public TableBuilder foreignKey(ForeignKey foreignKey) {
			this.foreignKeys.add(foreignKey);
			return this;
		}

		public TableBuilder check(String name, String expression) {
			this.checks.add(new CheckConstraint(name, expression));
			return this;
		}

		public TableBuilder comment(String comment) {
			this.comment = comment;
			return this;
		}

		public Table build() {
			return new Table(this.name, this.columns, this.primaryKey, this.uniques, this.indexes, this.foreignKeys,
					this.checks, this.comment);
		}

	}

}
