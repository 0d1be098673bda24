package dev.migrations.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source that counts what each tool sends to the server: statements that read (SELECT, WITH,
 * SHOW, and {@link DatabaseMetaData} calls, which the driver turns into catalog queries) apart from
 * everything else (DDL, transaction control, writes), and how long each kind kept the caller
 * waiting. Counting at the JDBC boundary treats every tool alike, whatever it reports about itself.
 */
final class CountingDataSource implements DataSource {

	private final DataSource delegate;

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicInteger others = new AtomicInteger();

	private final AtomicLong readNanos = new AtomicLong();

	private final AtomicLong otherNanos = new AtomicLong();

	CountingDataSource(DataSource delegate) {
		this.delegate = delegate;
	}

	void reset() {
		this.reads.set(0);
		this.others.set(0);
		this.readNanos.set(0);
		this.otherNanos.set(0);
	}

	int reads() {
		return this.reads.get();
	}

	int others() {
		return this.others.get();
	}

	/** Time spent waiting for reads, in milliseconds. */
	double readMillis() {
		return this.readNanos.get() / 1e6;
	}

	/** Time spent waiting for everything else (DDL, commits, rollbacks), in milliseconds. */
	double otherMillis() {
		return this.otherNanos.get() / 1e6;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(this.delegate.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(this.delegate.getConnection(username, password));
	}

	private Connection wrap(Connection connection) {
		return proxy(Connection.class, connection, (method, args) -> {
			if (method.getName().equals("rollback") || method.getName().equals("commit")) {
				return timed(this.otherNanos, connection, method, args);
			}
			Object result = invoke(connection, method, args);
			return switch (method.getName()) {
				case "createStatement" -> statement(Statement.class, (Statement) result, null);
				case "prepareStatement" -> statement(PreparedStatement.class, (PreparedStatement) result, (String) args[0]);
				case "getMetaData" -> metaData((DatabaseMetaData) result);
				default -> result;
			};
		});
	}

	private <S extends Statement> S statement(Class<S> type, S statement, String preparedSql) {
		return proxy(type, statement, (method, args) -> {
			String name = method.getName();
			if (name.startsWith("execute")) {
				if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
					this.others.incrementAndGet();
					return timed(this.otherNanos, statement, method, args);
				}
				String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : preparedSql;
				boolean read = isRead(sql);
				(read ? this.reads : this.others).incrementAndGet();
				return timed(read ? this.readNanos : this.otherNanos, statement, method, args);
			}
			return invoke(statement, method, args);
		});
	}

	private DatabaseMetaData metaData(DatabaseMetaData metaData) {
		return proxy(DatabaseMetaData.class, metaData, (method, args) -> {
			if (method.getReturnType() == ResultSet.class) {
				this.reads.incrementAndGet();
				return timed(this.readNanos, metaData, method, args);
			}
			return invoke(metaData, method, args);
		});
	}

	private static boolean isRead(String sql) {
		if (sql == null) {
			return false;
		}
		String start = sql.stripLeading().toLowerCase(Locale.ROOT);
		return start.startsWith("select") || start.startsWith("with") || start.startsWith("show")
				|| start.startsWith("(select");
	}

	private interface Handler {

		Object handle(Method method, Object[] args) throws Throwable;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.handle(method, args);
		return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type }, invocation);
	}

	// Result sets are read by the caller afterwards; for catalog queries the server has done its work
	// by the time execute returns, so the wait measured here is the server's.
	private static Object timed(AtomicLong total, Object target, Method method, Object[] args) throws Throwable {
		long start = System.nanoTime();
		try {
			return invoke(target, method, args);
		}
		finally {
			total.addAndGet(System.nanoTime() - start);
		}
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.delegate.isWrapperFor(iface);
	}

}
