package dev.migrations.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema as the revisions build it, statement by statement, along each branch (a revision sees what its
 * ancestors built, not what a sibling branch did): which revision
 * created each table and index, the columns' types and nullability, and the constraints that
 * prove a column holds no {@code NULL}. It is what "existing table" and "old type" mean to the
 * rules; tables no revision created (made by hand, or before adoption) are unknown and count as
 * existing.
 */
final class KnownSchema {

	private final Map<String, List<Table>> tables = new HashMap<>();

	private final Map<String, List<Index>> indexes = new HashMap<>();

	/** A table some revision created. */
	static final class Table {

		Name name;

		final String createdBy;

		final Map<String, Column> columns = new LinkedHashMap<>();

		final Map<String, Check> checks = new HashMap<>();

		Table(Name name, String createdBy) {
			this.name = name;
			this.createdBy = createdBy;
		}

	}

	/** A column's type and whether it is declared {@code NOT NULL}. */
	static final class Column {

		ColumnType type;

		boolean notNull;

		Column(ColumnType type, boolean notNull) {
			this.type = type;
			this.notNull = notNull;
		}

	}

	/** A check constraint; only {@code column IS NOT NULL} checks are told apart. */
	static final class Check {

		final String notNullColumn;

		boolean validated;

		Check(String notNullColumn, boolean validated) {
			this.notNullColumn = notNullColumn;
			this.validated = validated;
		}

	}

	private record Index(Name name, Name table, String createdBy, List<String> columns) {
	}

	/** A copy to go on from along another branch: later changes to either do not show in the other. */
	KnownSchema copy() {
		KnownSchema copy = new KnownSchema();
		copy.mergeFrom(this);
		return copy;
	}

	/**
	 * Adds what another branch's schema knows and this one does not (a merge revision runs after both of its
	 * parents): tables and indexes by name, copied.
	 */
	void mergeFrom(KnownSchema other) {
		for (List<Table> list : other.tables.values()) {
			for (Table table : list) {
				if (table(table.name) == null) {
					Table copy = new Table(table.name, table.createdBy);
					table.columns.forEach((name, column) -> copy.columns.put(name, new Column(column.type, column.notNull)));
					table.checks.forEach((name, check) -> copy.checks.put(name, new Check(check.notNullColumn, check.validated)));
					this.tables.computeIfAbsent(table.name.key(), (key) -> new ArrayList<>()).add(copy);
				}
			}
		}
		for (List<Index> list : other.indexes.values()) {
			for (Index index : list) {
				if (index(index.name()) == null) {
					this.indexes.computeIfAbsent(index.name().key(), (key) -> new ArrayList<>()).add(index);
				}
			}
		}
	}

	Table table(Name name) {
		List<Table> candidates = this.tables.get(name.key());
		if (candidates == null) {
			return null;
		}
		for (Table table : candidates) {
			if (table.name.matches(name)) {
				return table;
			}
		}
		return null;
	}

	/** Whether the table was created by {@code revision} itself, so it is new and empty while it runs. */
	boolean isNew(Name table, String revision) {
		Table known = table(table);
		return known != null && known.createdBy.equals(revision);
	}

	/** The table an index was created on, {@code null} when no revision created it. */
	Name indexTable(Name index) {
		Index known = index(index);
		return (known != null) ? known.table() : null;
	}

	/** Whether the index was created by {@code revision} itself. */
	boolean isNewIndex(Name index, String revision) {
		Index known = index(index);
		return known != null && known.createdBy().equals(revision);
	}

	private Index index(Name name) {
		List<Index> candidates = this.indexes.get(name.key());
		if (candidates == null) {
			return null;
		}
		for (Index index : candidates) {
			if (index.name().matches(name)) {
				return index;
			}
		}
		return null;
	}

	Table createTable(Name name, String revision) {
		dropTable(name);
		Table table = new Table(name, revision);
		this.tables.computeIfAbsent(name.key(), (key) -> new ArrayList<>()).add(table);
		return table;
	}

	/** The table, tracked from now on as if created by an unknown revision when no revision created it. */
	Table tableOrUnknown(Name name) {
		Table table = table(name);
		return (table != null) ? table : createTable(name, "");
	}

	void dropTable(Name name) {
		Table table = table(name);
		if (table == null) {
			return;
		}
		this.tables.get(name.key()).remove(table);
		this.indexes.values().forEach((list) -> list.removeIf((index) -> index.table().matches(table.name)));
	}

	void renameTable(Name from, String to) {
		Table table = table(from);
		if (table == null) {
			return;
		}
		this.tables.get(from.key()).remove(table);
		Name renamed = new Name(table.name.schema(), to);
		table.name = renamed;
		this.tables.computeIfAbsent(renamed.key(), (key) -> new ArrayList<>()).add(table);
		for (List<Index> list : this.indexes.values()) {
			list.replaceAll((index) -> index.table().matches(from) ? new Index(index.name(), renamed, index.createdBy(), index.columns())
					: index);
		}
	}

	void createIndex(Name index, Name table, List<String> columns, String revision) {
		if (index == null) {
			return;
		}
		dropIndex(index);
		this.indexes.computeIfAbsent(index.key(), (key) -> new ArrayList<>()).add(new Index(index, table, revision, columns));
	}

	/** The columns of an index a revision created, empty when not known (an expression, or no revision created it). */
	List<String> indexColumns(Name index) {
		Index known = index(index);
		return (known != null) ? known.columns() : List.of();
	}

	void dropIndex(Name name) {
		Index index = index(name);
		if (index != null) {
			this.indexes.get(name.key()).remove(index);
		}
	}

}
