package dev.migrations.introspect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;

/** A table's pieces, collected across an introspector's bulk queries. */
final class TableParts {

	final String name;

	final String comment;

	final List<Column> columns = new ArrayList<>();

	PrimaryKey primaryKey;

	final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();

	final List<Index> indexes = new ArrayList<>();

	final List<ForeignKey> foreignKeys = new ArrayList<>();

	final List<CheckConstraint> checks = new ArrayList<>();

	TableParts(String name, String comment) {
		this.name = name;
		this.comment = comment;
	}

	/** The table, with its lists sorted by name as the model documents. */
	Table toTable() {
		this.uniqueConstraints.sort(Comparator.comparing(UniqueConstraint::name));
		this.indexes.sort(Comparator.comparing(Index::name));
		this.foreignKeys.sort(Comparator.comparing(ForeignKey::name));
		this.checks.sort(Comparator.comparing(CheckConstraint::name));
		return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, this.indexes,
				this.foreignKeys, this.checks, this.comment);
	}

	/** Reads one row of a bulk query. */
	@FunctionalInterface
	interface RowHandler {

		void handle(ResultSet rs) throws SQLException;

	}

}
