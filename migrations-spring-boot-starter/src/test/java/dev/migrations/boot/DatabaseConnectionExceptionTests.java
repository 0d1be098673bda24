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

	@Test
	void theUserTheUrlNamesIsTheOneTold() {
		org.springframework.jdbc.datasource.DriverManagerDataSource dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:5432/postgres?user=nobody_from_url", "postgres", "");
		RetryingDataSource retrying = new RetryingDataSource(dataSource, DataSourceDescription.ofConnection(dataSource), 0,
				java.time.Duration.ZERO, java.util.List.of());
		Throwable failure = org.assertj.core.api.Assertions.catchThrowable(retrying::getConnection);
		assertThat(failure).isInstanceOf(DatabaseConnectionException.class);
		assertThat(failure.getMessage()).contains("as user 'nobody_from_url'").doesNotContain("'postgres'");

		assertThat(DataSourceDescription.user("jdbc:mariadb://127.0.0.1:3306/shop?user=other", "root")).isNull();
		assertThat(DataSourceDescription.user("jdbc:mariadb://127.0.0.1:3306/shop", "root")).isEqualTo("root");
	}

	@Test
	void aPasswordTheDriverRepeatsFromTheUrlIsMasked() {
		// MariaDB's driver reads no user:password@ (nor PostgreSQL's): it repeats the password as the port
		org.springframework.jdbc.datasource.DriverManagerDataSource dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				"jdbc:mariadb://app:s3cretH9@127.0.0.1:3306/shop", "app", "");
		RetryingDataSource retrying = new RetryingDataSource(dataSource, DataSourceDescription.ofConnection(dataSource), 0,
				java.time.Duration.ZERO, java.util.List.of());
		Throwable failure = org.assertj.core.api.Assertions.catchThrowable(retrying::getConnection);
		assertThat(failure).isInstanceOf(DatabaseConnectionException.class);
		assertThat(failure.getMessage()).startsWith("Could not connect to jdbc:mariadb://app:******@127.0.0.1:3306/shop")
			.contains("******@127.0.0.1")
			.doesNotContain("s3cretH9");
	}

	@Test
	void aPasswordThatIsTheUsersNameIsNotMaskedInTheDriversMessage() {
		// postgres/postgres: the message names the user anyway, and masking its name would only hide who was refused
		DatabaseConnectionException failure = new DatabaseConnectionException("jdbc:postgresql://db:5432/shop", "postgres", 1,
				new SQLException("FATAL: password authentication failed for user \"postgres\""), java.util.Set.of("postgres"));
		assertThat(failure.getMessage()).isEqualTo("Could not connect to jdbc:postgresql://db:5432/shop as user 'postgres':"
				+ " FATAL: password authentication failed for user \"postgres\"");
	}

	private static DatabaseConnectionException failure(SQLException cause) {
		return new DatabaseConnectionException("jdbc:test://host/shop", "app", 1, new RuntimeException(cause));
	}

}
