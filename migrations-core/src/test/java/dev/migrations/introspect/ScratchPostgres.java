package dev.migrations.introspect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away PostgreSQL database for one test: created on the server from
 * {@code MIGRATIONS_TEST_POSTGRES_URL} or at {@code 127.0.0.1:5432}, dropped on close.
 */
final class ScratchPostgres implements AutoCloseable {

	private static final String ADMIN_URL = System.getenv().getOrDefault("MIGRATIONS_TEST_POSTGRES_URL",
			"jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

	private final String name;

	private final Connection connection;

	private ScratchPostgres(String name) throws SQLException {
		this.name = name;
		this.connection = DriverManager.getConnection(urlFor(name));
	}

	static ScratchPostgres create() throws SQLException {
		String name = "intro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		admin("CREATE DATABASE " + name);
		return new ScratchPostgres(name);
	}

	/** The connection to the scratch database, auto-commit on, search_path left at the default. */
	Connection connection() {
		return this.connection;
	}

	/** Another connection to the same database. */
	Connection newConnection() throws SQLException {
		return DriverManager.getConnection(urlFor(this.name));
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
		try {
			this.connection.close();
		}
		finally {
			admin("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
		}
	}

	private static void admin(String sql) throws SQLException {
		try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
	}

	// Swaps the database in the admin URL: jdbc:postgresql://host:port/db?params.
	private static String urlFor(String database) {
		int hostStart = ADMIN_URL.indexOf("//") + 2;
		int pathStart = ADMIN_URL.indexOf('/', hostStart);
		int queryStart = ADMIN_URL.indexOf('?', hostStart);
		String hostPart = ADMIN_URL.substring(0, (pathStart >= 0) ? pathStart
				: (queryStart >= 0) ? queryStart : ADMIN_URL.length());
		String query = (queryStart >= 0) ? ADMIN_URL.substring(queryStart) : "";
		return hostPart + "/" + database + query;
	}

}
