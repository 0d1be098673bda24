package dev.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.dialect.PostgresLockTable;

/** Small JDBC helpers for assertions. */
public final class Sql {

	private Sql() {
	}

	/** The first column of every row, as strings. */
	public static List<String> column(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * More new tables than one transaction may create on this server: its budget (half the lock table,
	 * {@link PostgresLockTable#budget(Connection)}) over a create table's weight, plus {@code more}.
	 */
	public static int tablesBeyondOneTransaction(DataSource dataSource, int more) {
		try (Connection connection = dataSource.getConnection()) {
			return PostgresLockTable.budget(connection) / PostgresLockTable.TABLE_WEIGHT + more;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	public static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** Tables of the public schema, sorted. */
	public static List<String> postgresTables(DataSource dataSource) {
		return column(dataSource, "select table_name from information_schema.tables where table_schema = 'public' "
				+ "and table_type = 'BASE TABLE' order by 1");
	}

	/** A text dump of a PostgreSQL schema's shape: columns, constraints, indexes; for comparing two databases. */
	public static List<String> postgresSchemaDump(DataSource dataSource, String schema) {
		List<String> lines = new ArrayList<>();
		lines.addAll(column(dataSource, "select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
				+ " || ' ' || coalesce(column_default, '') from information_schema.columns where table_schema = '" + schema
				+ "' order by table_name, ordinal_position"));
		lines.addAll(column(dataSource, "select conrelid::regclass || ' ' || pg_get_constraintdef(oid) from pg_constraint"
				+ " where connamespace = '" + schema + "'::regnamespace order by 1"));
		lines.addAll(column(dataSource, "select indexdef from pg_indexes where schemaname = '" + schema + "' order by 1"));
		lines.addAll(column(dataSource, "select t.typname || ':' || string_agg(e.enumlabel, ',' order by e.enumsortorder)"
				+ " from pg_type t join pg_enum e on e.enumtypid = t.oid where t.typnamespace = '" + schema
				+ "'::regnamespace group by t.typname order by 1"));
		return lines;
	}

}
