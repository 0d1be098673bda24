package dev.migrations.lint;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source whose connections run one {@code SET} first, as an application's pool does with its
 * connection init SQL; the JDBC driver sends the JVM's time zone itself, so a test sets another this way.
 */
final class SessionSettingDataSource implements DataSource {

	private final DataSource delegate;

	private final String set;

	SessionSettingDataSource(DataSource delegate, String set) {
		this.delegate = delegate;
		this.set = set;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.delegate.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute(this.set);
		}
		return connection;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException();
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
		throw new SQLException("not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

}
