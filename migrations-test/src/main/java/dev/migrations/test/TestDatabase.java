package dev.migrations.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * A fresh, empty database created for one test on a real server, dropped by {@link #close()}.
 * <p>
 * Obtain one from {@link TestDatabases#postgres()} or {@link TestDatabases#mariadb()}, or as a test method
 * parameter through {@link TestDatabaseExtension}. Its name has the form {@code mig_<epochSeconds>_<random>}
 * so that databases left behind by killed runs can be recognised and dropped later.
 */
public final class TestDatabase implements AutoCloseable {

	/** The database products a test database can be created on. */
	public enum Vendor {

		POSTGRESQL("PostgreSQL"),

		MARIADB("MariaDB");

		private final String displayName;

		Vendor(String displayName) {
			this.displayName = displayName;
		}

		/** The product's name as people write it, e.g. {@code PostgreSQL}. */
		public String displayName() {
			return this.displayName;
		}

	}

	private final DatabaseServer server;

	private final String name;

	private final JdbcUrl url;

	private final String username;

	private final String password;

	private final SimpleDataSource dataSource;

	private final AtomicBoolean closed = new AtomicBoolean();

	TestDatabase(DatabaseServer server, String name, JdbcUrl url, String username, String password) {
		this.server = server;
		this.name = name;
		this.url = url.withoutCredentials();
		this.username = username;
		this.password = password;
		this.dataSource = new SimpleDataSource(this.url.toString(), username, password);
	}

	/** The JDBC URL of this database, without credentials: use {@link #username()} and {@link #password()}. */
	public String jdbcUrl() {
		return this.url.toString();
	}

	public String username() {
		return this.username;
	}

	/** The password, or {@code null} when the server needs none. */
	public String password() {
		return this.password;
	}

	/**
	 * A data source of connections to this database. On MariaDB each call opens a new one; on PostgreSQL a
	 * connection closed is reset to the state of a new session ({@code DISCARD ALL}) and lent again.
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * From now on, {@link #dataSource()} opens a new session on each call and keeps none: the connections it
	 * kept are closed, and those lent now are closed when given back. For a test that needs no idle session on
	 * the database (a rehearsal on a copy: {@code CREATE DATABASE ... TEMPLATE} refuses while one is connected),
	 * or sessions that start with settings changed since ({@code ALTER DATABASE ... SET}).
	 */
	public void newSessionForEachConnection() {
		this.dataSource.stopKeeping();
	}

	/** A new connection to this database; the caller closes it. */
	public Connection connection() throws SQLException {
		if (this.closed.get()) {
			throw new IllegalStateException("Test database " + this.name + " was closed and dropped; "
					+ "ask for a new one instead of reusing it.");
		}
		return this.dataSource.getConnection();
	}

	public Vendor vendor() {
		return this.server.vendor();
	}

	/** The database's name on its server, e.g. {@code mig_1767225600_0a1b2c3d}. */
	public String name() {
		return this.name;
	}

	/**
	 * A {@code postgresql://user[:password]@host:port/database} URI that {@code psql} and other libpq tools
	 * accept as their connection argument; see {@link TestDatabases#psqlExecutable()}.
	 * @throws IllegalStateException for a database other than PostgreSQL
	 */
	public String psqlConnectionUri() {
		if (vendor() != Vendor.POSTGRESQL) {
			throw new IllegalStateException("psqlConnectionUri() is for PostgreSQL, but test database " + this.name
					+ " is on " + vendor().displayName() + ".");
		}
		StringBuilder uri = new StringBuilder("postgresql://").append(encode(this.username));
		if (this.password != null && !this.password.isEmpty()) {
			uri.append(':').append(encode(this.password));
		}
		String host = this.url.host();
		uri.append('@').append(host.contains(":") ? "[" + host + "]" : host);
		uri.append(':').append(this.url.port(5432)).append('/').append(encode(this.name));
		String sslMode = this.url.parameters().get("sslmode");
		if (sslMode != null) {
			uri.append("?sslmode=").append(sslMode);
		}
		return uri.toString();
	}

	/** Drops the database, ending connections still open to it. Calling it again does nothing. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.dataSource.stopKeeping();
			this.server.dropDatabase(this.name);
		}
	}

	/**
	 * Closes the database like {@link #close()} without waiting for it to be dropped: the {@code DROP DATABASE}
	 * runs on a background thread (PostgreSQL makes it wait for a checkpoint of the whole server) and is done
	 * before the JVM exits. {@link #connection()} refuses at once; connections still open are ended by the drop.
	 * For a test that is over, which no longer looks at the server; a drop that fails is logged, not thrown.
	 * Calling it again, or after {@link #close()}, does nothing.
	 */
	public void closeInBackground() {
		if (this.closed.compareAndSet(false, true)) {
			this.dataSource.stopKeeping();
			BackgroundDrops.instance().drop(this.server, this.name);
		}
	}

	/** Whether {@link #close()} or {@link #closeInBackground()} was called. */
	public boolean isClosed() {
		return this.closed.get();
	}

	DatabaseServer server() {
		return this.server;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Override
	public String toString() {
		return vendor().displayName() + " test database " + this.name + " on " + this.server.description();
	}

}
