package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

/**
 * The connection that loading opened to learn the database's dialect, kept for the first command instead
 * of being closed and opened again: on a data source that opens a new server session for every
 * connection, that second session is a good part of a cold no-op startup (a fork of a PostgreSQL backend
 * and its first catalog reads).
 * <p>
 * Only for the data sources known to open a new physical connection each time and to hand out the same
 * database whatever thread asks ({@link #keepsFor}): a pool has its connection ready anyway, and a routing
 * data source may give another database to another caller. The first command takes it, once; unused, it is
 * closed after {@link #LIFETIME_MILLIS} by a daemon thread, so an instance that never runs a command holds
 * no session.
 */
public final class SpareConnection {

	/** How long an unused spare stays open: an application's startup upgrade follows loading at once. */
	static final long LIFETIME_MILLIS = 2_000;

	/** {@link #LIFETIME_MILLIS}, longer in tests that must not depend on how fast the machine is. */
	static volatile long lifetimeMillis = LIFETIME_MILLIS;

	/** Data sources that open a new connection per call, to one database named by their own settings. */
	private static final Set<String> NON_POOLING = Set.of("org.postgresql.ds.PGSimpleDataSource",
			"org.mariadb.jdbc.MariaDbDataSource", "com.mysql.cj.jdbc.MysqlDataSource",
			"org.springframework.jdbc.datasource.DriverManagerDataSource",
			"org.springframework.jdbc.datasource.SimpleDriverDataSource");

	private final AtomicReference<Connection> connection;

	private SpareConnection(Connection connection) {
		this.connection = new AtomicReference<>(connection);
	}

	/**
	 * Whether a connection of this data source may be kept for the first command (its exact class is listed).
	 * Asked before connecting at a cold startup: this class logs nothing, so asking starts no logging system.
	 */
	public static boolean keepsFor(DataSource dataSource) {
		return dataSource != null && NON_POOLING.contains(dataSource.getClass().getName());
	}

	/** Keeps the connection, and closes it if no command has taken it after {@link #LIFETIME_MILLIS}. */
	static SpareConnection keep(Connection connection) {
		SpareConnection spare = new SpareConnection(connection);
		Thread expiry = new Thread(new Expiry(spare), "migrations-spare-connection");
		expiry.setDaemon(true);
		expiry.start();
		return spare;
	}

	/** The connection if no one took it yet and it is still open, else {@code null}; only once. */
	Connection take() {
		Connection taken = this.connection.getAndSet(null);
		try {
			if (taken != null && taken.isClosed()) {
				return null;
			}
		}
		catch (SQLException ex) {
			close(taken);
			return null;
		}
		return taken;
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// an unused session the server or the network already ended: nothing is lost
		}
	}

	private static final class Expiry implements Runnable {

		private final SpareConnection spare;

		private final long lifetime = lifetimeMillis;

		Expiry(SpareConnection spare) {
			this.spare = spare;
		}

		@Override
		public void run() {
			try {
				Thread.sleep(this.lifetime);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Connection unused = this.spare.connection.getAndSet(null);
			if (unused != null) {
				close(unused);
			}
		}

	}

}
