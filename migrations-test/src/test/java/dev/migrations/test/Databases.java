package dev.migrations.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Looks at test databases and at their server's catalog. */
final class Databases {

	private Databases() {
	}

	/** Whether a database of the given name exists on the server. */
	static boolean exists(DatabaseServer server, String name) throws SQLException {
		String sql = switch (server.vendor()) {
			case POSTGRESQL -> "SELECT count(*) FROM pg_database WHERE datname = ?";
			case MARIADB -> "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?";
		};
		try (Connection connection = server.adminConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getInt(1) == 1;
			}
		}
	}

	static DatabaseServer postgresServer() {
		return TestDatabases.server(SourceSettings.fromEnvironment(TestDatabase.Vendor.POSTGRESQL));
	}

	static String queryString(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connection();
				ResultSet row = connection.createStatement().executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
	}

}
