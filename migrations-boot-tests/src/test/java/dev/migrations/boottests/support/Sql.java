package dev.migrations.boottests.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.test.TestDatabase;

/** Plain JDBC on a test database, outside any application. */
public final class Sql {

	private Sql() {
	}

	public static void execute(TestDatabase database, String... statements) {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first column of every row, as strings. */
	public static List<String> query(TestDatabase database, String sql) {
		List<String> values = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return values;
	}

	/** The tables of a schema, sorted. */
	public static List<String> tables(TestDatabase database, String schema) {
		return query(database, "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "' ORDER BY tablename");
	}

}
