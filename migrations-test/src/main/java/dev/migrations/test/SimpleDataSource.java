package dev.migrations.test;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Deque;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The {@link DataSource} of a test database. On MariaDB it opens a new driver connection on every call. On
 * PostgreSQL, where starting a server process for each connection costs the server tens of milliseconds of CPU
 * (more than most statements a test sends), a connection the test closes is kept, at most {@link #MAX_IDLE} of
 * them, and lent again in the state of a new one: closing rolls back a transaction left open, turns auto-commit
 * back on and sends {@code DISCARD ALL}, which gives the session back its initial state (settings and
 * {@code search_path}, temporary tables, prepared statements, advisory locks held by the session, listeners,
 * role). A connection whose client-side state was changed (read-only, network timeout, client info, catalog,
 * holdability, type map), or whose reset fails, is closed instead; one lent again is checked first, so one ended
 * by the server in the meantime is replaced. {@link #stopKeeping()} closes the ones kept and keeps no more.
 */
final class SimpleDataSource implements DataSource {

	private static final int MAX_IDLE = 4;

	// setters whose effect DISCARD ALL undoes on the server, with no state of their own in the driver
	private static final Set<String> RESET_BY_DISCARD = Set.of("setAutoCommit", "setSchema",
			"setTransactionIsolation");

	private final String url;

	private final String user;

	private final String password;

	private final boolean keepsConnections;

	private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

	private volatile boolean closed;

	private volatile int loginTimeoutSeconds;

	private volatile PrintWriter logWriter;

	SimpleDataSource(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.keepsConnections = url.startsWith("jdbc:postgresql:");
	}

	@Override
	public Connection getConnection() throws SQLException {
		return getConnection(this.user, this.password);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		if (!this.keepsConnections || this.closed || !Objects.equals(username, this.user)
				|| !Objects.equals(password, this.password)) {
			return open(username, password);
		}
		Connection kept;
		while ((kept = this.idle.pollFirst()) != null) {
			if (isUsable(kept)) {
				return lend(kept);
			}
			closeQuietly(kept);
		}
		return lend(open(username, password));
	}

	/**
	 * Closes the connections kept for lending again and keeps no more: from now on each call opens a new
	 * session, and a connection lent now is closed when it is given back.
	 */
	void stopKeeping() {
		this.closed = true;
		Connection kept;
		while ((kept = this.idle.pollFirst()) != null) {
			closeQuietly(kept);
		}
	}

	private Connection open(String username, String password) throws SQLException {
		Properties properties = new Properties();
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(this.url, properties);
	}

	private Connection lend(Connection connection) {
		return (Connection) Proxy.newProxyInstance(SimpleDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Lent(connection));
	}

	private static boolean isUsable(Connection connection) {
		try {
			return connection.isValid(10);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Called once for each connection lent, when the test closes it. */
	private void giveBack(Connection connection, boolean resettable) {
		if (!resettable || this.closed) {
			closeQuietly(connection);
			return;
		}
		try {
			if (connection.isClosed()) {
				return;
			}
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			try (Statement statement = connection.createStatement()) {
				// fails inside a transaction block opened by a BEGIN sent as SQL; the connection is then closed
				statement.execute("DISCARD ALL");
			}
			connection.clearWarnings();
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			return;
		}
		if (this.closed || this.idle.size() >= MAX_IDLE) {
			closeQuietly(connection);
			return;
		}
		this.idle.offerFirst(connection);
		// stopKeeping() may have run since the check: then it is closed here, if stopKeeping() did not close it
		if (this.closed && this.idle.remove(connection)) {
			closeQuietly(connection);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException | RuntimeException ex) {
			// the server may have ended it already; nothing is left to release
		}
	}

	/** A connection as a test holds it: closing it gives it back once; after that it behaves as closed. */
	private final class Lent implements InvocationHandler {

		private final Connection connection;

		private boolean closed;

		private boolean resettable = true;

		Lent(Connection connection) {
			this.connection = connection;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
			String name = method.getName();
			synchronized (this) {
				switch (name) {
					case "close" -> {
						if (!this.closed) {
							this.closed = true;
							giveBack(this.connection, this.resettable);
						}
						return null;
					}
					case "isClosed" -> {
						return this.closed || this.connection.isClosed();
					}
					case "equals" -> {
						return proxy == arguments[0];
					}
					case "hashCode" -> {
						return System.identityHashCode(proxy);
					}
					case "toString" -> {
						return "lent " + this.connection;
					}
					case "abort" -> {
						this.closed = true;
						this.resettable = false;
					}
					case "isValid" -> {
						if (this.closed) {
							return false;
						}
					}
					default -> {
						if (this.closed) {
							throw new SQLException("This connection has been closed.", "08003");
						}
						if (name.startsWith("set") && !RESET_BY_DISCARD.contains(name)) {
							this.resettable = false;
						}
					}
				}
			}
			try {
				return method.invoke(this.connection, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

	@Override
	public PrintWriter getLogWriter() {
		return this.logWriter;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
		this.logWriter = out;
	}

	@Override
	public void setLoginTimeout(int seconds) {
		this.loginTimeoutSeconds = seconds;
	}

	@Override
	public int getLoginTimeout() {
		return this.loginTimeoutSeconds;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException("SimpleDataSource does not log through java.util.logging");
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("SimpleDataSource is not a wrapper for " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

	@Override
	public String toString() {
		return "SimpleDataSource[" + this.url + ", user " + this.user + "]";
	}

}
