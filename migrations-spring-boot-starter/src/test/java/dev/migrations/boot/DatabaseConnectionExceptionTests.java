package dev.migrations.boot;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each database's driver says when the database named in the URL does not exist, told apart from the rest. */
class DatabaseConnectionExceptionTests {

	@Test
	void anUnknownDatabaseIsToldByEachDatabasesAnswer() {
		assertThat(failure(new SQLException("database \"shop\" does not exist", "3D000")).isUnknownDatabase()).isTrue();
		assertThat(failure(new SQLException("Unknown database 'shop'", "42000", 1049)).isUnknownDatabase()).isTrue();
		assertThat(failure(new SQLException("Database \"shop\" not found", "90146", 90146)).isUnknownDatabase()).isTrue();
		assertThat(failure(new SQLException("Connection refused", "08001")).isUnknownDatabase()).isFalse();
		assertThat(failure(new SQLException("Access denied", "28000", 1045)).isAuthenticationFailure()).isTrue();
	}

	private static DatabaseConnectionException failure(SQLException cause) {
		return new DatabaseConnectionException("jdbc:test://host/shop", "app", 1, new RuntimeException(cause));
	}

}
