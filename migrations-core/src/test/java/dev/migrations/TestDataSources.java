package dev.migrations;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** Small DataSources for tests that need something other than a fresh test database's. */
public final class TestDataSources {

	private TestDataSources() {
	}

	/** New connections from DriverManager. */
	public static DataSource driverManager(String url, String username, String password) {
		return new Base() {
			@Override
			public Connection getConnection() throws SQLException {
				return DriverManager.getConnection(url, username, password);
			}
		};
	}

	/**
	 * Connections of {@code dataSource} that run {@code statement} first, as a pool's connection init SQL
	 * does (e.g. {@code SET TimeZone = ...}, which the JDBC driver otherwise sets to the JVM's).
	 */
	public static DataSource initialized(DataSource dataSource, String statement) {
		return new Base() {
			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = dataSource.getConnection();
				try (Statement init = connection.createStatement()) {
					init.execute(statement);
				}
				return connection;
			}
		};
	}

	/** Hands out one connection and ignores close(), like a pool of one. */
	public static DataSource singleConnection(Connection connection) {
		return new Base() {
			@Override
			public Connection getConnection() {
				return (Connection) Proxy.newProxyInstance(TestDataSources.class.getClassLoader(),
						new Class<?>[] { Connection.class },
						(proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
			}
		};
	}

	/**
	 * Connections of {@code dataSource} that add to {@code sql} the text of every statement sent through them:
	 * prepared, called, executed or batched, in the order the calls were made (from any thread).
	 */
	public static DataSource recording(DataSource dataSource, List<String> sql) {
		return new Base() {
			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = dataSource.getConnection();
				return (Connection) Proxy.newProxyInstance(TestDataSources.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String text) {
								sql.add(text);
							}
							Object result = invoke(method, connection, args);
							return (result instanceof Statement statement && method.getName().equals("createStatement"))
									? recordingStatement(statement, sql) : result;
						});
			}
		};
	}

	private static Statement recordingStatement(Statement statement, List<String> sql) {
		return (Statement) Proxy.newProxyInstance(TestDataSources.class.getClassLoader(), new Class<?>[] { Statement.class },
				(proxy, method, args) -> {
					if ((method.getName().startsWith("execute") || method.getName().equals("addBatch")) && args != null
							&& args.length > 0 && args[0] instanceof String text) {
						sql.add(text);
					}
					return invoke(method, statement, args);
				});
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private abstract static class Base implements DataSource {

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

}
