package dev.migrations;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
