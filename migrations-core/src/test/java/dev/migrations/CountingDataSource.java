package dev.migrations;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** The connections of a real DataSource, counting how many are open at once (the peak) and in all. */
final class CountingDataSource implements DataSource {

	private final DataSource dataSource;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicInteger opened = new AtomicInteger();

	CountingDataSource(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	int peak() {
		return this.peak.get();
	}

	int opened() {
		return this.opened.get();
	}

	int open() {
		return this.open.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		this.opened.incrementAndGet();
		this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
		boolean[] closed = { false };
		return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().equals("close")) {
						synchronized (closed) {
							if (!closed[0]) {
								closed[0] = true;
								this.open.decrementAndGet();
							}
						}
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() {
		return Logger.getGlobal();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException("not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

}
