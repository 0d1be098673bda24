package dev.migrations.rehearse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** A new connection per call, through {@link DriverManager}: for the copy a rehearsal creates and drops. */
final class UrlDataSource implements DataSource {

	private final String url;

	private final String user;

	private final String password;

	private final String searchPath;

	UrlDataSource(String url, String user, String password) {
		this(url, user, password, null);
	}

	private UrlDataSource(String url, String user, String password, String searchPath) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.searchPath = searchPath;
	}

	/**
	 * @param path a {@code search_path} every connection starts with, {@code null} for the server's
	 * @return a copy setting it
	 */
	UrlDataSource withSearchPath(String path) {
		return new UrlDataSource(this.url, this.user, this.password, path);
	}

	String url() {
		return this.url;
	}

	UrlDataSource withDatabase(String database) {
		return new UrlDataSource(JdbcUrls.withDatabase(this.url, database), this.user, this.password, this.searchPath);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Properties properties = new Properties();
		if (this.user != null) {
			properties.setProperty("user", this.user);
		}
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		properties.setProperty("ApplicationName", "migrations rehearsal");
		Connection connection = DriverManager.getConnection(this.url, properties);
		if (this.searchPath != null) {
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT pg_catalog.set_config('search_path', ?, false)")) {
				statement.setString(1, this.searchPath);
				statement.executeQuery().close();
			}
			catch (SQLException ex) {
				connection.close();
				throw ex;
			}
		}
		return connection;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return new UrlDataSource(this.url, username, password, this.searchPath).getConnection();
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
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("Not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

}
