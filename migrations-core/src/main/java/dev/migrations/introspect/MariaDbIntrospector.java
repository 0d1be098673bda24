package dev.migrations.introspect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;

/**
 * Reads a MariaDB database from {@code information_schema} in five statements, plus one for the
 * values of all its sequences when it has any, whatever the number of tables.
 *
 * <h2>What the model holds</h2>
 * <ul>
 * <li>Tables: base and system-versioned tables; views and sequences are not tables.</li>
 * <li>Columns in ordinal order. {@code type} is {@code COLUMN_TYPE} ({@code varchar(255)},
 * {@code int(11)}, {@code enum('A','B')}, {@code bigint(20) unsigned}; a {@code JSON} column is a
 * {@code longtext} with a {@code json_valid} check, as MariaDB stores it). The default is
 * {@code COLUMN_DEFAULT} ({@code 'x'}, {@code 0}, {@code current_timestamp(6)}); MariaDB's
 * {@code NULL} default of a nullable column reads as none. {@code AUTO_INCREMENT} reads as
 * {@link Column.Identity#BY_DEFAULT}, since explicit values may still be inserted. Generated columns
 * have no default, and {@code ON UPDATE} clauses are not part of the model.</li>
 * <li>The primary key is named {@code PRIMARY}. MariaDB does not tell a unique constraint from a
 * unique index: a unique index over whole columns in ascending order reads as a
 * {@link UniqueConstraint}, one with a prefix length or a descending column as a unique
 * {@link Index}.</li>
 * <li>Index elements are printed as {@code SHOW CREATE TABLE} prints them: the backquoted column, a
 * prefix length, {@code DESC}; e.g. {@code `name`(10) DESC}. {@code method} is {@code btree},
 * {@code hash}, {@code fulltext} or {@code spatial}. The index MariaDB creates for a foreign key is
 * an index like any other.</li>
 * <li>Check constraints with {@code CHECK_CLAUSE} as the expression; a column-level check is named
 * after its column.</li>
 * <li>Sequences, with data type {@code bigint}. MariaDB has no named enum types.</li>
 * </ul>
 * Names are exactly as stored. Nothing on the connection is changed. Written for MariaDB 10.3 and
 * later; MySQL is not covered (its {@code CHECK_CONSTRAINTS} has no table name).
 */
public final class MariaDbIntrospector implements SchemaIntrospector {

	private static final String TABLES = """
			SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT
			FROM information_schema.TABLES
			WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'SEQUENCE')""";

	private static final String COLUMNS = """
			SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, IS_GENERATED, COLUMN_COMMENT
			FROM information_schema.COLUMNS
			WHERE TABLE_SCHEMA = ?
			ORDER BY TABLE_NAME, ORDINAL_POSITION""";

	private static final String INDEXES = """
			SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE
			FROM information_schema.STATISTICS
			WHERE TABLE_SCHEMA = ?
			ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""";

	private static final String FOREIGN_KEYS = """
			SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,
				k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
			FROM information_schema.KEY_COLUMN_USAGE k
			JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
				AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
			WHERE k.TABLE_SCHEMA = ? AND r.CONSTRAINT_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
			ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

	// Check names are unique per table, not per database, so the table comes from CHECK_CONSTRAINTS.
	private static final String CHECKS = """
			SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE
			FROM information_schema.CHECK_CONSTRAINTS
			WHERE CONSTRAINT_SCHEMA = ?""";

	private volatile int lastQueryCount;

	@Override
	public int lastQueryCount() {
		return this.lastQueryCount;
	}

	@Override
	public SchemaModel introspect(Connection connection, String schema, Predicate<String> includeTable) {
		Objects.requireNonNull(connection, "connection");
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(includeTable, "includeTable");
		Reader reader = new Reader(connection, schema, includeTable);
		try {
			return reader.read();
		}
		catch (SQLException ex) {
			throw new SchemaIntrospectionException("Could not read database '" + schema
					+ "' from the MariaDB information_schema (" + reader.currentQuery + "): " + ex.getMessage()
					+ ". Check that the connection is open and its user may read information_schema.", ex);
		}
		finally {
			this.lastQueryCount = reader.queries;
		}
	}

	/** One introspection: the connection, the database and what has been read so far. */
	private static final class Reader {

		private final Connection connection;

		private final String schema;

		private final Predicate<String> includeTable;

		private final Map<String, TableParts> tables = new LinkedHashMap<>();

		private final List<String> sequenceNames = new ArrayList<>();

		private int queries;

		private String currentQuery = "tables query";

		Reader(Connection connection, String schema, Predicate<String> includeTable) {
			this.connection = connection;
			this.schema = schema;
			this.includeTable = includeTable;
		}

		SchemaModel read() throws SQLException {
			query("tables", TABLES, 1, this::readTable);
			query("columns", COLUMNS, 1, this::readColumn);
			Map<String, IndexParts> indexes = new LinkedHashMap<>();
			query("indexes", INDEXES, 1, (rs) -> readIndexColumn(rs, indexes));
			indexes.values().forEach(IndexParts::addToTable);
			Map<String, ForeignKeyParts> foreignKeys = new LinkedHashMap<>();
			query("foreign keys", FOREIGN_KEYS, 2, (rs) -> readForeignKeyColumn(rs, foreignKeys));
			foreignKeys.values().forEach(ForeignKeyParts::addToTable);
			query("checks", CHECKS, 1, this::readCheck);
			List<Sequence> sequences = readSequences();
			List<Table> tables = this.tables.values().stream().map(TableParts::toTable)
				.sorted(Comparator.comparing(Table::name)).toList();
			sequences.sort(Comparator.comparing(Sequence::name));
			return new SchemaModel(this.schema, tables, sequences, List.of());
		}

		private void query(String description, String sql, int schemaParameters, TableParts.RowHandler handler)
				throws SQLException {
			this.currentQuery = description + " query";
			this.queries++;
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				for (int i = 1; i <= schemaParameters; i++) {
					statement.setString(i, this.schema);
				}
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						handler.handle(rs);
					}
				}
			}
		}

		private void readTable(ResultSet rs) throws SQLException {
			String name = rs.getString("TABLE_NAME");
			if ("SEQUENCE".equals(rs.getString("TABLE_TYPE"))) {
				this.sequenceNames.add(name);
			}
			else if (this.includeTable.test(name)) {
				this.tables.put(name, new TableParts(name, emptyToNull(rs.getString("TABLE_COMMENT"))));
			}
		}

		private void readColumn(ResultSet rs) throws SQLException {
			TableParts table = this.tables.get(rs.getString("TABLE_NAME"));
			if (table == null) {
				return;
			}
			String extra = rs.getString("EXTRA").toLowerCase(Locale.ROOT);
			boolean autoIncrement = extra.contains("auto_increment");
			String defaultExpression = rs.getString("COLUMN_DEFAULT");
			if ("NULL".equals(defaultExpression) || autoIncrement || "ALWAYS".equals(rs.getString("IS_GENERATED"))) {
				defaultExpression = null;
			}
			table.columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getString("COLUMN_TYPE"),
					"YES".equals(rs.getString("IS_NULLABLE")), defaultExpression,
					autoIncrement ? Column.Identity.BY_DEFAULT : null, emptyToNull(rs.getString("COLUMN_COMMENT"))));
		}

		private void readIndexColumn(ResultSet rs, Map<String, IndexParts> indexes) throws SQLException {
			TableParts table = this.tables.get(rs.getString("TABLE_NAME"));
			if (table == null) {
				return;
			}
			String name = rs.getString("INDEX_NAME");
			IndexParts index = indexes.computeIfAbsent(table.name + "\u0000" + name,
					(key) -> new IndexParts(table, name));
			index.unique = !rs.getBoolean("NON_UNIQUE");
			index.method = rs.getString("INDEX_TYPE").toLowerCase(Locale.ROOT);
			String column = rs.getString("COLUMN_NAME");
			int prefixLength = rs.getInt("SUB_PART");
			boolean prefixed = !rs.wasNull();
			index.columns.add(column);
			boolean descending = "D".equals(rs.getString("COLLATION"));
			index.wholeColumnsAscending &= !prefixed && !descending;
			index.elements.add(quote(column) + (prefixed ? "(" + prefixLength + ")" : "") + (descending ? " DESC" : ""));
		}

		private void readForeignKeyColumn(ResultSet rs, Map<String, ForeignKeyParts> foreignKeys) throws SQLException {
			TableParts table = this.tables.get(rs.getString("TABLE_NAME"));
			if (table == null) {
				return;
			}
			String name = rs.getString("CONSTRAINT_NAME");
			ForeignKeyParts foreignKey = foreignKeys.computeIfAbsent(table.name + "\u0000" + name,
					(key) -> new ForeignKeyParts(table, name));
			String referencedSchema = rs.getString("REFERENCED_TABLE_SCHEMA");
			foreignKey.referencedSchema = this.schema.equals(referencedSchema) ? null : referencedSchema;
			foreignKey.referencedTable = rs.getString("REFERENCED_TABLE_NAME");
			foreignKey.onDelete = action(rs.getString("DELETE_RULE"));
			foreignKey.onUpdate = action(rs.getString("UPDATE_RULE"));
			foreignKey.columns.add(rs.getString("COLUMN_NAME"));
			foreignKey.referencedColumns.add(rs.getString("REFERENCED_COLUMN_NAME"));
		}

		private void readCheck(ResultSet rs) throws SQLException {
			TableParts table = this.tables.get(rs.getString("TABLE_NAME"));
			if (table != null) {
				table.checks.add(new CheckConstraint(rs.getString("CONSTRAINT_NAME"), rs.getString("CHECK_CLAUSE")));
			}
		}

		// A sequence is a one-row table; one UNION ALL reads them all.
		private List<Sequence> readSequences() throws SQLException {
			List<Sequence> sequences = new ArrayList<>();
			if (this.sequenceNames.isEmpty()) {
				return sequences;
			}
			StringBuilder sql = new StringBuilder();
			for (int i = 0; i < this.sequenceNames.size(); i++) {
				if (i > 0) {
					sql.append("\nUNION ALL ");
				}
				sql.append("SELECT ? AS sequence_name, start_value, increment, minimum_value, maximum_value, cache_size, "
						+ "cycle_option FROM ")
					.append(quote(this.schema))
					.append('.')
					.append(quote(this.sequenceNames.get(i)));
			}
			this.currentQuery = "sequences query";
			this.queries++;
			try (PreparedStatement statement = this.connection.prepareStatement(sql.toString())) {
				for (int i = 0; i < this.sequenceNames.size(); i++) {
					statement.setString(i + 1, this.sequenceNames.get(i));
				}
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						sequences.add(new Sequence(rs.getString("sequence_name"), "bigint", rs.getLong("start_value"),
								rs.getLong("increment"), rs.getLong("minimum_value"), rs.getLong("maximum_value"),
								rs.getLong("cache_size"), rs.getBoolean("cycle_option")));
					}
				}
			}
			return sequences;
		}

		private static ForeignKey.Action action(String rule) {
			return switch (rule) {
				case "CASCADE" -> ForeignKey.Action.CASCADE;
				case "SET NULL" -> ForeignKey.Action.SET_NULL;
				case "SET DEFAULT" -> ForeignKey.Action.SET_DEFAULT;
				case "RESTRICT" -> ForeignKey.Action.RESTRICT;
				default -> ForeignKey.Action.NO_ACTION;
			};
		}

		private static String emptyToNull(String text) {
			return (text == null || text.isEmpty()) ? null : text;
		}

		private static String quote(String identifier) {
			return "`" + identifier.replace("`", "``") + "`";
		}

	}


	/** The rows of one index, one per key column. */
	private static final class IndexParts {

		private final TableParts table;

		private final String name;

		private final List<String> columns = new ArrayList<>();

		private final List<String> elements = new ArrayList<>();

		private boolean unique;

		private boolean wholeColumnsAscending = true;

		private String method;

		IndexParts(TableParts table, String name) {
			this.table = table;
			this.name = name;
		}

		void addToTable() {
			if ("PRIMARY".equals(this.name)) {
				this.table.primaryKey = new PrimaryKey(this.name, this.columns);
			}
			else if (this.unique && this.wholeColumnsAscending) {
				this.table.uniqueConstraints.add(new UniqueConstraint(this.name, this.columns));
			}
			else {
				this.table.indexes.add(new Index(this.name, this.elements, this.unique, this.method, null, List.of()));
			}
		}

	}

	/** The rows of one foreign key, one per column pair. */
	private static final class ForeignKeyParts {

		private final TableParts table;

		private final String name;

		private final List<String> columns = new ArrayList<>();

		private final List<String> referencedColumns = new ArrayList<>();

		private String referencedSchema;

		private String referencedTable;

		private ForeignKey.Action onDelete;

		private ForeignKey.Action onUpdate;

		ForeignKeyParts(TableParts table, String name) {
			this.table = table;
			this.name = name;
		}

		void addToTable() {
			this.table.foreignKeys.add(new ForeignKey(this.name, this.columns, this.referencedSchema,
					this.referencedTable, this.referencedColumns, this.onDelete, this.onUpdate));
		}

	}

}
