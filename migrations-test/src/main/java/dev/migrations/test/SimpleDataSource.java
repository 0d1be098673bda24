package dev.migrations.test;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A non-pooling {@link DataSource} opening a new driver connection on every call. A test database lives for
 * one test, so a pool would only keep connections open that block dropping it.
 */
final class SimpleDataSource implements DataSource {

	private final String url;

	private final String user;

	private final String password;

	private volatile int loginTimeoutSeconds;

	private volatile PrintWriter logWriter;

	SimpleDataSource(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return getConnection(this.user, this.password);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		Properties properties = new Properties();
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(this.url, properties);
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
