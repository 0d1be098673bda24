package dev.migrations.boot.shell;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.Migrations;
import dev.migrations.rehearse.RehearsalOptions;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login a rehearsal's copy is made with, and the pools it empties, on a Hikari pool over a fresh
 * PostgreSQL database.
 */
@ExtendWith(TestDatabaseExtension.class)
class RehearsalConnectionsTests {

	@Test
	void theCopyIsMadeWithThePoolsLoginPasswordIncludedThroughWrappers(TestDatabase database) {
		// a server with trust authentication takes any password; one that asks for a password gets its own
		String password = (database.password() != null && !database.password().isEmpty()) ? database.password()
				: "a-password";
		try (HikariDataSource pool = pool(database, password)) {
			Migrations migrations = Migrations.configure().dataSource(new DelegatingDataSource(pool)).load();

			RehearsalOptions copy = RehearsalConnections.APPLICATION_POOLS_KEPT.copy(migrations);
			assertThat(copy.mode()).isEqualTo(RehearsalOptions.Mode.COPY);
			assertThat(copy.url()).isEqualTo(database.jdbcUrl());
			assertThat(copy.user()).isEqualTo(database.username());
			assertThat(copy.password()).isEqualTo(password);
		}
	}

	@Test
	void commandModeClosesThePoolsIdleConnectionsUntilTheRehearsalEndsAndTheShellKeepsThem(TestDatabase database)
			throws SQLException {
		try (HikariDataSource pool = pool(database, null)) {
			// as command mode sets it: the one connection in use is idle again after, with none being added
			pool.setMinimumIdle(1);
			Migrations migrations = Migrations.configure().dataSource(pool).load();
			try (Connection connection = pool.getConnection()) {
				assertThat(connection.isValid(5)).isTrue();
			}
			assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isPositive();

			Runnable kept = RehearsalConnections.APPLICATION_POOLS_KEPT.releaseIdle(migrations);
			assertThat(pool.getMinimumIdle()).isEqualTo(1);
			assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isPositive();
			kept.run();

			RehearsalConnections commandMode = RehearsalConnections.commandMode((rehearsed) -> List.of(pool));
			Runnable released = commandMode.releaseIdle(migrations);
			assertThat(pool.getMinimumIdle()).isZero();
			assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isZero();
			released.run();
			assertThat(pool.getMinimumIdle()).isEqualTo(1);
			try (Connection connection = pool.getConnection()) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
	}

	private static HikariDataSource pool(TestDatabase database, String password) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl());
		pool.setUsername(database.username());
		pool.setPassword((password != null) ? password : database.password());
		pool.setMaximumPoolSize(2);
		return pool;
	}

}
