package dev.migrations.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.Secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The {@link DataSource} migrations connect with: it waits for a database that is not reachable yet
 * ({@code migrations.connect-retries}), runs {@code migrations.init-sqls} on every connection, and
 * names the database in connection errors ({@link DatabaseConnectionException}).
 * <p>
 * Retries only happen until a first connection succeeds: they are for a database starting together
 * with the application, not for outages later, which the health indicator should report at once.
 */
final class RetryingDataSource extends DelegatingDataSource {

	private static final Logger logger = LoggerFactory.getLogger(RetryingDataSource.class);

	private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

	private final DataSourceDescription description;

	private final int retries;

	private final Duration maxWait;

	private final List<String> initSqls;

	private final DataSource derivedFrom;

	private volatile boolean connected;

	RetryingDataSource(DataSource target, DataSourceDescription description, int retries, Duration maxWait,
			List<String> initSqls) {
		this(target, null, description, retries, maxWait, initSqls);
	}

	/**
	 * @param derivedFrom the application's data source whose database {@code target} connects to with
	 * connections of its own (another user, session settings), or {@code null}
	 */
	RetryingDataSource(DataSource target, DataSource derivedFrom, DataSourceDescription description, int retries,
			Duration maxWait, List<String> initSqls) {
		super(target);
		this.derivedFrom = derivedFrom;
		this.description = description;
		this.retries = Math.max(0, retries);
		this.maxWait = (maxWait != null && !maxWait.isNegative()) ? maxWait : Duration.ZERO;
		this.initSqls = List.copyOf(initSqls);
	}

	/**
	 * Whether this data source connects to the database of {@code dataSource}: it is its target, its
	 * connections of their own were derived from it, or both name the same URL.
	 */
	boolean connectsTo(DataSource dataSource) {
		if (dataSource == null) {
			return false;
		}
		if (dataSource == getTargetDataSource() || dataSource == this.derivedFrom) {
			return true;
		}
		String url = this.description.url();
		return url != null && url.equals(DataSourceDescription.of(dataSource).url());
	}

	/** What this data source connects to, for messages. */
	DataSourceDescription description() {
		return this.description;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return initialize(connect());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return initialize(obtainTargetDataSource().getConnection(username, password));
	}

	private Connection connect() throws SQLException {
		Duration wait = FIRST_WAIT;
		for (int attempt = 1;; attempt++) {
			try {
				Connection connection = obtainTargetDataSource().getConnection();
				this.connected = true;
				return connection;
			}
			catch (SQLException | RuntimeException ex) {
				if (ex instanceof RuntimeException && !causedBySqlException(ex)) {
					throw ex;
				}
				if (this.connected || attempt > this.retries) {
					throw new DatabaseConnectionException(this.description.url(), this.description.user(), attempt, ex,
							DataSourceDescription.passwords(obtainTargetDataSource()));
				}
				Duration pause = (wait.compareTo(this.maxWait) > 0) ? this.maxWait : wait;
				logger.warn("Could not connect to {} (attempt {} of {}): {}; retrying in {} ms",
						this.description.url(), attempt, this.retries + 1,
						Secrets.mask(ex.getMessage(), DataSourceDescription.passwords(obtainTargetDataSource())),
						pause.toMillis());
				pause(pause, ex);
				wait = wait.multipliedBy(2);
			}
		}
	}

	private static boolean causedBySqlException(Throwable ex) {
		// connection pools wrap the driver's SQLException when their first connection fails
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	private static void pause(Duration pause, Exception failure) throws SQLException {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting to connect again", failure);
		}
	}

	private Connection initialize(Connection connection) throws SQLException {
		if (this.initSqls.isEmpty()) {
			return connection;
		}
		String current = null;
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.initSqls) {
				current = sql;
				statement.execute(sql);
			}
			return connection;
		}
		catch (SQLException ex) {
			close(connection, ex);
			throw new SQLException("migrations.init-sqls statement failed on a new connection to " + this.description.url()
					+ ": " + current + ": " + ex.getMessage(), ex.getSQLState(), ex);
		}
	}

	private static void close(Connection connection, SQLException failure) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

}
