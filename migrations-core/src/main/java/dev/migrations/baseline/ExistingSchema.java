package dev.migrations.baseline;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import dev.migrations.dialect.Dialect;

/**
 * What a schema holds before any revision is recorded in it: the tables that make it non-empty, and
 * the history other migration tools left there.
 * <p>
 * A schema <em>has tables</em> when the migrated schema (the configured one, else the connection's
 * current schema) holds at least one table or view (tables, partitioned and foreign tables, views,
 * materialized views) that counts. These do not count: the migrations version tables, Flyway's
 * {@code flyway_schema_history}, Liquibase's {@code databasechangelog} and
 * {@code databasechangeloglock} (and these tools' tables under the names configured for them, see
 * {@link OtherToolTables}), and tables left out by the configured table filter (the tables
 * autogenerate and drift consider). Other schemas, sequences, types and functions never count.
 *
 * @param schema the schema that was read
 * @param tables the tables that count, in the database's order
 * @param otherTools the bookkeeping of other migration tools found in the schema
 * @param managedBefore whether the version table records a revision (one under way too) or its log earlier
 * upgrades, downgrades or stamps (a database downgraded to {@code base} is not one to adopt)
 * @param dialect the database's dialect name (e.g. {@code postgresql}, {@code mariadb}), for advice that
 * differs by database; {@code null} when unknown
 */
public record ExistingSchema(String schema, List<String> tables, List<OtherToolHistory> otherTools,
		boolean managedBefore, String dialect) {

	static final String FLYWAY_TABLE = "flyway_schema_history";

	static final String LIQUIBASE_TABLE = "databasechangelog";

	static final String LIQUIBASE_LOCK_TABLE = "databasechangeloglock";

	private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "PARTITIONED TABLE", "VIEW",
			"MATERIALIZED VIEW", "FOREIGN TABLE");

	public ExistingSchema {
		tables = List.copyOf(tables);
		otherTools = List.copyOf(otherTools);
	}

	public ExistingSchema(String schema, List<String> tables, List<OtherToolHistory> otherTools, boolean managedBefore) {
		this(schema, tables, otherTools, managedBefore, null);
	}

	/** Whether the schema has tables that count (see the class description). */
	public boolean hasTables() {
		return !this.tables.isEmpty();
	}

	/** For messages: up to five table names, then how many more. */
	public String describeTables() {
		int shown = Math.min(5, this.tables.size());
		String names = String.join(", ", this.tables.subList(0, shown));
		return this.tables.size() + " table" + ((this.tables.size() == 1) ? "" : "s") + " (" + names
				+ ((this.tables.size() > shown) ? ", ..." : "") + ")";
	}

	/**
	 * Reads a schema, recognising other tools' history tables under their default names only.
	 * @see #read(Connection, Dialect, String, String, Predicate, OtherToolTables)
	 */
	public static ExistingSchema read(Connection connection, Dialect dialect, String schema, String versionTable,
			Predicate<String> counted) throws SQLException {
		return read(connection, dialect, schema, versionTable, counted, OtherToolTables.DEFAULTS);
	}

	/**
	 * Reads a schema.
	 * @param connection the connection to read with
	 * @param dialect the database's dialect
	 * @param schema the schema to read
	 * @param versionTable the name of the migrations version table (it and its log table never count)
	 * @param counted which other tables count (the configured table filter)
	 * @param otherToolTables the names other tools' history tables have besides their defaults
	 * @return what the schema holds
	 * @throws SQLException when the catalog or another tool's history cannot be read
	 */
	public static ExistingSchema read(Connection connection, Dialect dialect, String schema, String versionTable,
			Predicate<String> counted, OtherToolTables otherToolTables) throws SQLException {
		List<String> tables = new ArrayList<>();
		List<String> bookkeeping = new ArrayList<>();
		String ownTable = versionTable.toLowerCase(Locale.ROOT);
		boolean managedBefore = false;
		for (String table : listTables(connection, dialect, schema)) {
			String lower = table.toLowerCase(Locale.ROOT);
			if (lower.equals(ownTable + "_log") || lower.equals(ownTable)) {
				// a row of its own (the first revision another instance runs now, RUNNING before its log entry) or in
				// the log: a schema migrations manage, not one to adopt
				managedBefore = managedBefore || hasRows(connection, dialect.qualify(schema, table));
			}
			else if (otherToolTables.contains(table)) {
				bookkeeping.add(table);
			}
			else if (!lower.equals(ownTable) && !lower.equals(ownTable + "_log") && counted.test(table)) {
				tables.add(table);
			}
		}
		List<OtherToolHistory> otherTools = new ArrayList<>();
		for (String table : bookkeeping) {
			if (otherToolTables.isFlyway(table)) {
				otherTools.add(readFlyway(connection, dialect.qualify(schema, table), table));
			}
			else if (otherToolTables.isLiquibase(table)) {
				otherTools.add(readLiquibase(connection, dialect.qualify(schema, table), table));
			}
		}
		return new ExistingSchema(schema, tables, otherTools, managedBefore, dialect.name());
	}

	private static boolean hasRows(Connection connection, String qualified) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setMaxRows(1);
			try (ResultSet rs = statement.executeQuery("SELECT 1 FROM " + qualified)) {
				return rs.next();
			}
		}
	}

	private static List<String> listTables(Connection connection, Dialect dialect, String schema) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		// MariaDB calls its databases catalogs; the others have schemas inside the connection's catalog
		boolean catalogs = dialect.name().equals("mariadb");
		String pattern = escape(schema, metaData.getSearchStringEscape());
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = catalogs ? metaData.getTables(schema, null, "%", null)
				: metaData.getTables(connection.getCatalog(), pattern, "%", null)) {
			while (rs.next()) {
				String owner = catalogs ? rs.getString("TABLE_CAT") : rs.getString("TABLE_SCHEM");
				String type = rs.getString("TABLE_TYPE");
				if (schema.equals(owner) && type != null && TABLE_TYPES.contains(type.toUpperCase(Locale.ROOT))) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
		}
		return tables;
	}

	private static String escape(String name, String escape) {
		if (escape == null || escape.isEmpty()) {
			return name;
		}
		return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
	}

	private static OtherToolHistory readFlyway(Connection connection, String qualified, String table) {
		// the versioned migrations that succeeded; repeatable ones have no version
		OtherToolHistory history = readHistory(connection, "Flyway", table,
				" FROM " + qualified + " WHERE success AND version IS NOT NULL", "version, description", "installed_rank",
				(rs) -> "version " + rs.getString(1) + " (" + rs.getString(2) + ")");
		if (history.applied() == OtherToolHistory.UNREADABLE) {
			return history;
		}
		try {
			List<String> failed = new ArrayList<>();
			List<String> repeatables = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT version, description, script, success FROM " + qualified
							+ " ORDER BY installed_rank")) {
				while (rs.next()) {
					String version = rs.getString(1);
					boolean success = rs.getBoolean(4);
					if (!success) {
						failed.add(((version != null) ? "version " + version : "repeatable") + " (" + rs.getString(2) + ", "
								+ rs.getString(3) + ")");
					}
					else if (version == null) {
						String repeatable = rs.getString(2) + " (" + rs.getString(3) + ")";
						if (!repeatables.contains(repeatable)) {
							repeatables.add(repeatable);
						}
					}
				}
			}
			return new OtherToolHistory(history.tool(), table, history.applied(), history.latest(), failed, repeatables);
		}
		catch (SQLException ex) {
			return history;
		}
	}

	private static OtherToolHistory readLiquibase(Connection connection, String qualified, String table) {
		return readHistory(connection, "Liquibase", table, " FROM " + qualified, "id, author, filename", "orderexecuted",
				(rs) -> "change set " + rs.getString(1) + "::" + rs.getString(2) + " (" + rs.getString(3) + ")");
	}

	private static OtherToolHistory readHistory(Connection connection, String tool, String table, String from,
			String columns, String order, RowDescription latestRow) {
		try {
			int count;
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT count(*)" + from)) {
				rs.next();
				count = rs.getInt(1);
			}
			String latest = null;
			try (Statement statement = connection.createStatement()) {
				statement.setMaxRows(1);
				try (ResultSet rs = statement.executeQuery("SELECT " + columns + from + " ORDER BY " + order + " DESC")) {
					if (rs.next()) {
						latest = latestRow.describe(rs);
					}
				}
			}
			return new OtherToolHistory(tool, table, count, latest);
		}
		catch (SQLException ex) {
			// an older or customised layout: the table is still recognised, its contents are not
			return new OtherToolHistory(tool, table, OtherToolHistory.UNREADABLE, null);
		}
	}

	@FunctionalInterface
	private interface RowDescription {

		String describe(ResultSet row) throws SQLException;

	}

}
