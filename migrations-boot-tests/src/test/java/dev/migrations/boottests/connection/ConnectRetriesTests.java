package dev.migrations.boottests.connection;

import java.io.IOException;

import dev.migrations.Migrations;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.TcpProxy;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.connect-retries}: waiting for a database that starts with the application
 * (Docker Compose, Kubernetes). The database sits behind a proxy that refuses the first connections
 * and lets the later ones through, whatever time they arrive.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class ConnectRetriesTests {

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void waitsForADatabaseThatRefusesTheFirstConnections(TestDatabase database, CapturedOutput output) throws IOException {
		try (TcpProxy starting = TcpProxy.to(database, 3)) {
			String url = starting.jdbcUrl(database.jdbcUrl());
			ConfigurableApplicationContext context = this.apps.start(ShopApplication.class,
					Apps.with(Apps.database(url, database.username(), database.password()),
							ShopApplication.DEFAULTS),
					"migrations.connect-retries=10", "migrations.connect-retries-interval=10ms");
			assertThat(starting.refusedSoFar()).isEqualTo(3);
			assertThat(context.getBean(Migrations.class).current()).containsExactly(ShopApplication.ADD_EMAIL);
			assertThat(output).contains("WARN", "Could not connect to " + url, "(attempt 1 of 11)", "retrying in 10 ms");
		}
	}

	@Test
	void givesUpAfterTheRetriesAndSaysHowManyAttemptsWereMade(TestDatabase database, CapturedOutput output) throws IOException {
		try (TcpProxy down = TcpProxy.to(database, Integer.MAX_VALUE)) {
			String url = down.jdbcUrl(database.jdbcUrl());
			Apps.failToStart(ShopApplication.class,
					Apps.with(Apps.database(url, database.username(), database.password()),
							ShopApplication.DEFAULTS),
					"migrations.connect-retries=2", "migrations.connect-retries-interval=1ms");
			assertThat(output).contains("(attempt 2 of 3)", "APPLICATION FAILED TO START", "after 3 attempts");
		}
	}

	@Test
	void withoutRetriesTheFirstFailureStopsTheStartup(TestDatabase database, CapturedOutput output) throws IOException {
		try (TcpProxy down = TcpProxy.to(database, Integer.MAX_VALUE)) {
			String url = down.jdbcUrl(database.jdbcUrl());
			Apps.failToStart(ShopApplication.class,
					Apps.with(Apps.database(url, database.username(), database.password()),
							ShopApplication.DEFAULTS));
			assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("retrying in");
		}
	}

}
