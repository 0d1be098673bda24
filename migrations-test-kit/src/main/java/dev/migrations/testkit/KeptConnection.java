package dev.migrations.testkit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source that hands out one connection, opened on first use and kept open until {@link #close()}, so
 * that the hundreds of commands of a stairway do not each open a connection (a new server process on
 * PostgreSQL) when the application's data source is not a pool. Closing a handed-out connection leaves the
 * real one open; once no handed-out connection is open, a transaction left open is rolled back and
 * auto-commit put back, as a pool would.
 */
final class KeptConnection implements DataSource, AutoCloseable {

	private final DataSource target;

	private final List<String> setup;

	private final List<String> teardown;

	private Connection connection;

	private int open;

	/**
	 * @param setup statements run on the connection when it is opened, e.g. session settings
	 * @param teardown statements run on it before it is closed (a pool's connection goes back to the pool), e.g.
	 * resetting those settings
	 */
	KeptConnection(DataSource target, List<String> setup, List<String> teardown) {
		this.target = target;
		this.setup = setup;
		this.teardown = teardown;
	}

	@Override
	public synchronized Connection getConnection() throws SQLException {
		if (this.connection == null || this.connection.isClosed()) {
			Connection opened = this.target.getConnection();
			try (var statement = opened.createStatement()) {
				for (String sql : this.setup) {
					statement.execute(sql);
				}
			}
			catch (SQLException ex) {
				opened.close();
				throw ex;
			}
			this.connection = opened;
			this.open = 0;
		}
		Connection real = this.connection;
		this.open++;
		boolean[] closed = { false };
		return (Connection) Proxy.newProxyInstance(KeptConnection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, arguments) -> {
					switch (method.getName()) {
						case "close" -> {
							if (!closed[0]) {
								closed[0] = true;
								release(real);
							}
							return null;
						}
						case "isClosed" -> {
							return closed[0] || real.isClosed();
						}
						case "equals" -> {
							return proxy == arguments[0];
						}
						case "hashCode" -> {
							return System.identityHashCode(proxy);
						}
						default -> {
							try {
								return method.invoke(real, arguments);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						}
					}
				});
	}

	private synchronized void release(Connection real) throws SQLException {
		this.open--;
		if (this.open == 0 && !real.isClosed() && !real.getAutoCommit()) {
			real.rollback();
			real.setAutoCommit(true);
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			try (Connection closing = this.connection) {
				if (!closing.getAutoCommit()) {
					closing.rollback();
					closing.setAutoCommit(true);
				}
				try (var statement = closing.createStatement()) {
					for (String sql : this.teardown) {
						statement.execute(sql);
					}
				}
			}
			catch (SQLException ex) {
				// the stairway's result stands; the connection is gone either way
			}
			this.connection = null;
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		return this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.target.isWrapperFor(type);
	}

}
