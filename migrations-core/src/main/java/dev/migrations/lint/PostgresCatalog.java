package dev.migrations.lint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.MigrationsException;
import dev.migrations.dialect.PostgresIdentifiers;

/**
 * What lint reads from the live database, over one connection in a few queries: table sizes, the
 * settings a session of this database starts with ({@code lock_timeout}, {@code TimeZone}), and which
 * functions are volatile.
 */
final class PostgresCatalog {

	/** Time zones with a fixed zero offset: {@code timestamp} to {@code timestamptz} needs no rewrite in them. */
	private static final Set<String> UTC_ZONES = Set.of("utc", "etc/utc", "uct", "etc/uct", "gmt", "etc/gmt", "gmt0",
			"etc/gmt0", "gmt+0", "etc/gmt+0", "gmt-0", "etc/gmt-0", "greenwich", "etc/greenwich", "universal",
			"etc/universal", "zulu", "etc/zulu");

	private static final String SIZES = "SELECT n.name, c.relkind, c.reltuples, c.relpages, pg_relation_size(c.oid),"
			+ " pg_total_relation_size(c.oid), current_setting('block_size')::bigint"
			+ " FROM unnest(?::text[]) AS n(name) JOIN pg_class c ON c.oid = to_regclass(n.name)";

	private PostgresCatalog() {
	}

	/**
	 * @param sizes table sizes by the name the statement used; tables not found are absent
	 * @param volatileFunctions the asked-for functions that have a volatile overload
	 * @param lockTimeout the {@code lock_timeout} a new session has, {@code null} when none
	 * @param utc whether a new session's time zone is UTC
	 */
	record Facts(Map<Name, TableSize> sizes, Set<String> volatileFunctions, String lockTimeout, boolean utc) {
	}

	static Facts read(DataSource dataSource, String schema, Collection<Name> tables, Collection<String> functions,
			long countLimit) {
		try (Connection connection = dataSource.getConnection()) {
			String lockTimeout;
			boolean utc;
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT current_setting('lock_timeout'), current_setting('TimeZone')")) {
				rs.next();
				lockTimeout = rs.getString(1);
				utc = UTC_ZONES.contains(rs.getString(2).toLowerCase(Locale.ROOT));
			}
			boolean noLimit = lockTimeout == null || lockTimeout.equals("0");
			return new Facts(sizes(connection, schema, tables, countLimit), volatileFunctions(connection, functions),
					noLimit ? null : lockTimeout, utc);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read table sizes and settings for lint from the database: "
					+ ex.getMessage() + ". Check the connection, or lint without the database"
					+ " (LintOptions.useDatabase(false)).", ex);
		}
	}

	private static Map<Name, TableSize> sizes(Connection connection, String schema, Collection<Name> tables,
			long countLimit) throws SQLException {
		Map<Name, TableSize> sizes = new HashMap<>();
		if (tables.isEmpty()) {
			return sizes;
		}
		Map<String, Name> byText = new HashMap<>();
		for (Name table : tables) {
			byText.put(relation(table, schema), table);
		}
		try (PreparedStatement statement = connection.prepareStatement(SIZES)) {
			Array names = connection.createArrayOf("text", byText.keySet().toArray());
			statement.setArray(1, names);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String text = rs.getString(1);
					if (!"r".equals(rs.getString(2))) {
						// a partitioned table has no storage of its own: its size is unknown here
						continue;
					}
					double reltuples = rs.getDouble(3);
					long relpages = rs.getLong(4);
					long bytes = rs.getLong(5);
					long totalBytes = rs.getLong(6);
					long pages = bytes / Math.max(1, rs.getLong(7));
					long rows;
					if (pages == 0) {
						rows = 0;
					}
					else if (reltuples >= 0 && relpages > 0) {
						// the planner's estimate, scaled to the table's current size as the planner does; one of no rows
						// (analyzed when every row was deleted) is counted, as rows written since fail a required column
						rows = Math.round(reltuples / relpages * pages);
						rows = (rows == 0) ? -1 : rows;
					}
					else {
						rows = -1;
					}
					sizes.put(byText.get(text), new TableSize(byText.get(text).sql(), rows, totalBytes));
				}
			}
		}
		for (Map.Entry<Name, TableSize> entry : sizes.entrySet()) {
			if (entry.getValue().rows() < 0) {
				// never analyzed, or estimated empty: count, but no further than the error threshold
				String text = relation(entry.getKey(), schema);
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + text + " LIMIT "
								+ countLimit + ") AS limited")) {
					rs.next();
					entry.setValue(new TableSize(entry.getValue().table(), rs.getLong(1), entry.getValue().bytes()));
				}
			}
		}
		return sizes;
	}

	/** The table as {@code to_regclass} reads it: qualified by the configured schema when the statement did not qualify it. */
	private static String relation(Name table, String schema) {
		return (table.schema() != null || schema == null) ? table.sql() : PostgresIdentifiers.qualified(schema, table.name());
	}

	private static Set<String> volatileFunctions(Connection connection, Collection<String> functions) throws SQLException {
		Set<String> found = new HashSet<>();
		if (functions.isEmpty()) {
			return found;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT DISTINCT proname FROM pg_proc WHERE proname = ANY (?) AND provolatile = 'v'")) {
			statement.setArray(1, connection.createArrayOf("text", functions.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					found.add(rs.getString(1));
				}
			}
		}
		return found;
	}

}
