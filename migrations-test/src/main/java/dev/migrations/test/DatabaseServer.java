package dev.migrations.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.test.TestDatabase.Vendor;

/**
 * A server on which test databases are created and dropped, reached through an administrative connection.
 * Each call opens its own connection, so tests running in parallel threads can create databases at the same
 * time.
 */
final class DatabaseServer {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseServer.class);

	/** Databases of killed test runs older than this are dropped when a JVM first uses the server. */
	static final Duration STALE_AFTER = Duration.ofHours(6);

	static final String NAME_PREFIX = "mig_";

	// pg_database records no creation time, so the name carries it: mig_<epoch seconds>_<random>.
	private static final Pattern NAME_PATTERN = Pattern.compile("mig_(\\d{9,12})_[0-9a-f]{8}");

	private final Vendor vendor;

	private final Source source;

	private final String description;

	private final JdbcUrl adminUrl;

	private final String user;

	private final String password;

	private final int majorVersion;

	private final SpareDatabase spare = new SpareDatabase(this);

	DatabaseServer(Vendor vendor, Source source, String description, JdbcUrl adminUrl, String user,
			String password, int majorVersion) {
		this.vendor = vendor;
		this.source = source;
		this.description = description;
		this.adminUrl = adminUrl.withoutCredentials();
		this.user = user;
		this.password = password;
		this.majorVersion = majorVersion;
	}

	Vendor vendor() {
		return this.vendor;
	}

	Source source() {
		return this.source;
	}

	/** Where the server is and which version it runs, e.g. {@code local server at 127.0.0.1:5432 (PostgreSQL 15.2)}. */
	String description() {
		return this.description;
	}

	JdbcUrl adminUrl() {
		return this.adminUrl;
	}

	/**
	 * A fresh database. On PostgreSQL the next one is created on a background thread meanwhile (the server
	 * copies {@code template0} through its write-ahead log, which a test would otherwise wait for each time), so
	 * that the next call usually finds it ready; one still unused when the JVM exits is dropped then.
	 */
	TestDatabase createDatabase() {
		String name = (this.vendor == Vendor.POSTGRESQL) ? this.spare.take(this::createNamed) : createNamed();
		return new TestDatabase(this, name, this.adminUrl.withDatabase(name), this.user, this.password);
	}

	private String createNamed() {
		String name = newName(Instant.now());
		String sql = switch (this.vendor) {
			// template0 accepts no connections, so parallel creations never find it "being accessed by other users".
			case POSTGRESQL -> "CREATE DATABASE " + quote(name) + " TEMPLATE template0";
			case MARIADB -> "CREATE DATABASE " + quote(name) + " CHARACTER SET utf8mb4";
		};
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new TestDatabaseException("Could not create test database " + name + " on " + this.description
					+ ": " + ex.getMessage() + ". Check that user '" + this.user + "' may create databases there.", ex);
		}
		return name;
	}

	void dropDatabase(String name) {
		try (Connection connection = adminConnection()) {
			drop(connection, name);
		}
		catch (SQLException ex) {
			throw new TestDatabaseException("Could not drop test database " + name + " on " + this.description + ": "
					+ ex.getMessage() + ". Drop it by hand; it is dropped anyway by the first test run " + STALE_AFTER.toHours()
					+ " hours from now.", ex);
		}
	}

	/**
	 * Drops the test databases that runs killed before they could clean up left behind, recognised by a
	 * creation time in their name older than {@link #STALE_AFTER}.
	 * @return the names of the databases dropped
	 */
	List<String> dropStaleDatabases(Instant now) throws SQLException {
		String query = switch (this.vendor) {
			case POSTGRESQL -> "SELECT datname FROM pg_database WHERE datname LIKE 'mig%'";
			case MARIADB -> "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'mig%'";
		};
		List<String> dropped = new ArrayList<>();
		try (Connection connection = adminConnection()) {
			List<String> candidates = new ArrayList<>();
			try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
				while (rows.next()) {
					candidates.add(rows.getString(1));
				}
			}
			for (String name : candidates) {
				Optional<Instant> created = createdAt(name);
				if (created.isPresent() && created.get().isBefore(now.minus(STALE_AFTER))) {
					try {
						drop(connection, name);
						dropped.add(name);
					}
					catch (SQLException ex) {
						// Another run may be dropping it too, or it belongs to another user; neither should stop
						// this run.
						logger.warn("Could not drop stale test database {} on {}: {}", name, this.description,
								ex.getMessage());
					}
				}
			}
		}
		return dropped;
	}

	Connection adminConnection() throws SQLException {
		return DriverManager.getConnection(this.adminUrl.toString(), connectionProperties(this.vendor, this.user,
				this.password, Duration.ofMinutes(1)));
	}

	private void drop(Connection connection, String name) throws SQLException {
		switch (this.vendor) {
			case POSTGRESQL -> {
				if (this.majorVersion >= 13) {
					execute(connection, "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
				}
				else {
					try (PreparedStatement terminate = connection.prepareStatement(
							"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
						terminate.setString(1, name);
						terminate.executeQuery().close();
					}
					execute(connection, "DROP DATABASE IF EXISTS " + quote(name));
				}
			}
			case MARIADB -> {
				// An open transaction in a forgotten connection holds metadata locks that make DROP DATABASE wait.
				List<Long> sessions = new ArrayList<>();
				try (PreparedStatement select = connection.prepareStatement(
						"SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()")) {
					select.setString(1, name);
					try (ResultSet rows = select.executeQuery()) {
						while (rows.next()) {
							sessions.add(rows.getLong(1));
						}
					}
				}
				for (long session : sessions) {
					try {
						execute(connection, "KILL CONNECTION " + session);
					}
					catch (SQLException ex) {
						// The session ended on its own in the meantime.
					}
				}
				execute(connection, "DROP DATABASE IF EXISTS " + quote(name));
			}
		}
	}

	private String quote(String name) {
		return switch (this.vendor) {
			case POSTGRESQL -> "\"" + name + "\"";
			case MARIADB -> "`" + name + "`";
		};
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static String newName(Instant now) {
		byte[] random = new byte[4];
		ThreadLocalRandom.current().nextBytes(random);
		return NAME_PREFIX + now.getEpochSecond() + "_" + HexFormat.of().formatHex(random);
	}

	/** The creation time encoded in a test database's name, empty for names this module did not create. */
	static Optional<Instant> createdAt(String name) {
		Matcher matcher = NAME_PATTERN.matcher(name);
		return matcher.matches() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(matcher.group(1))))
				: Optional.empty();
	}

	static Properties connectionProperties(Vendor vendor, String user, String password, Duration connectTimeout) {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		switch (vendor) {
			case POSTGRESQL -> {
				properties.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
				properties.setProperty("loginTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
			}
			case MARIADB -> properties.setProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
		}
		return properties;
	}

	@Override
	public String toString() {
		return this.vendor.displayName() + " " + this.description;
	}

}
