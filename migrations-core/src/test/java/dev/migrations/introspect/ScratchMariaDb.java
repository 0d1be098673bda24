package dev.migrations.introspect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away MariaDB database for one test: created on the server from
 * {@code MIGRATIONS_TEST_MARIADB_URL} or at {@code 127.0.0.1:3306}, dropped on close. Without a
 * reachable server the calling test is skipped, saying why.
 */
final class ScratchMariaDb implements AutoCloseable {

	private static final String SERVER_URL = System.getenv().getOrDefault("MIGRATIONS_TEST_MARIADB_URL",
			"jdbc:mariadb://127.0.0.1:3306/?user=root&password=");

	private final String name;

	private final Connection connection;

	private ScratchMariaDb(String name, Connection connection) {
		this.name = name;
		this.connection = connection;
	}

	static ScratchMariaDb create() throws SQLException {
		Connection connection;
		try {
			connection = DriverManager.getConnection(SERVER_URL);
		}
		catch (SQLException ex) {
			Assumptions.abort("No MariaDB server at " + SERVER_URL + " (" + ex.getMessage()
					+ "); set MIGRATIONS_TEST_MARIADB_URL to run these tests");
			throw ex;
		}
		String name = "intro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
			statement.execute("USE " + name);
		}
		return new ScratchMariaDb(name, connection);
	}

	String name() {
		return this.name;
	}

	/** A connection whose current database is the scratch database. */
	Connection connection() {
		return this.connection;
	}

	void execute(String... statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	@Override
	public void close() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			// Tests may leave foreign keys between databases behind.
			statement.execute("SET FOREIGN_KEY_CHECKS = 0");
			statement.execute("DROP DATABASE IF EXISTS " + this.name);
		}
		finally {
			this.connection.close();
		}
	}

}
