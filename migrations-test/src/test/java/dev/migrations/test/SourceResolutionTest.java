package dev.migrations.test;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import dev.migrations.test.ServerResolver.Available;
import dev.migrations.test.ServerResolver.Resolution;
import dev.migrations.test.ServerResolver.Unavailable;
import dev.migrations.test.TestDatabase.Vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SourceResolutionTest {

	private static final String UNREACHABLE_POSTGRES = "jdbc:postgresql://127.0.0.1:1/postgres?user=alice&password=secret";

	@Test
	void postgresWithUnreachableConfiguredUrlFailsListingWhatWasTriedWithoutThePassword() {
		SourceSettings settings = settings(Vendor.POSTGRESQL,
				Map.of("MIGRATIONS_TEST_POSTGRES_URL", UNREACHABLE_POSTGRES));

		assertThatExceptionOfType(TestDatabaseException.class).isThrownBy(() -> TestDatabases.server(settings))
			.withMessageStartingWith("No PostgreSQL server for test databases. Tried, in order:\n"
					+ "  - configured URL jdbc:postgresql://127.0.0.1:1/postgres?user=alice&password=*** "
					+ "(environment variable MIGRATIONS_TEST_POSTGRES_URL): cannot connect as user 'alice' with the given password")
			.withMessageContaining("A configured URL is used alone; fix it, or unset it")
			.withMessageContaining("start PostgreSQL on 127.0.0.1:5432 with user 'postgres'")
			.withMessageNotContaining("secret");
	}

	@Test
	void mariadbWithoutServerAbortsTheTestInsteadOfFailing() {
		SourceSettings settings = settings(Vendor.MARIADB, Map.of("MIGRATIONS_TEST_MARIADB_SOURCE", "local"))
			.withLocalPort(1);

		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> TestDatabases.server(settings))
			.withMessageStartingWith("Skipped: No MariaDB server for test databases. Tried, in order:\n"
					+ "  - local server at 127.0.0.1:1 (user root): nothing listening")
			.withMessageContaining("MIGRATIONS_TEST_MARIADB_SOURCE is 'local'; unset it to try all sources in order")
			.withMessageContaining("set MIGRATIONS_TEST_MARIADB_URL (or -Dmigrations.test.mariadb.url)");
	}

	@Test
	void withoutLocalServerPostgresFallsBackToContainerOrEmbeddedServer() {
		SourceSettings settings = settings(Vendor.POSTGRESQL, Map.of()).withLocalPort(1);

		Resolution resolution = ServerResolver.resolve(settings);

		assertThat(resolution).isInstanceOf(Available.class);
		Available available = (Available) resolution;
		boolean docker = available.tried().stream().noneMatch((line) -> line.startsWith("Testcontainers"));
		assertThat(available.server().source()).isEqualTo(docker ? Source.TESTCONTAINERS : Source.EMBEDDED);
		assertThat(available.tried().get(0)).startsWith("configured URL (MIGRATIONS_TEST_POSTGRES_URL").endsWith(": not set");
		assertThat(available.tried().get(1)).startsWith("local server at 127.0.0.1:1 (user postgres): nothing listening");
	}

	@Test
	void mariadbHasNoEmbeddedFallback() {
		SourceSettings settings = settings(Vendor.MARIADB, Map.of()).withLocalPort(1);

		Resolution resolution = ServerResolver.resolve(settings);

		if (resolution instanceof Unavailable unavailable) {
			assertThat(unavailable.tried()).hasSize(3);
			assertThat(unavailable.tried().get(2)).startsWith("Testcontainers (mariadb:");
		}
		else {
			assertThat(((Available) resolution).server().source()).isEqualTo(Source.TESTCONTAINERS);
		}
	}

	@Test
	void unknownForcedSourceIsRejectedWithTheAcceptedValues() {
		assertThatExceptionOfType(TestDatabaseException.class)
			.isThrownBy(() -> SourceSettings.from(Vendor.MARIADB, Map.of("migrations.test.mariadb", "embedded")::get,
					Map.<String, String>of()::get))
			.withMessage("Unknown MariaDB test database source 'embedded' in migrations.test.mariadb / "
					+ "MIGRATIONS_TEST_MARIADB_SOURCE; use one of url, local, testcontainers, or leave it unset to try "
					+ "them in that order.");
	}

	@Test
	void systemPropertiesWinOverEnvironmentVariables() {
		SourceSettings settings = SourceSettings.from(Vendor.POSTGRESQL,
				Map.of("migrations.test.postgres.url", "jdbc:postgresql://a/db", "migrations.test.postgres", "URL")::get,
				Map.of("MIGRATIONS_TEST_POSTGRES_URL", "jdbc:postgresql://b/db", "MIGRATIONS_TEST_POSTGRES_USER", "bob",
						"MIGRATIONS_TEST_POSTGRES_PASSWORD", " pw ")::get);

		assertThat(settings.url()).isEqualTo("jdbc:postgresql://a/db");
		assertThat(settings.urlOrigin()).isEqualTo("system property migrations.test.postgres.url");
		assertThat(settings.forcedSource()).isEqualTo(Source.URL);
		assertThat(settings.user()).isEqualTo("bob");
		assertThat(settings.password()).isEqualTo(" pw ");
	}

	@Test
	void localServerIsUsedWhenItAnswers() {
		SourceSettings settings = settings(Vendor.POSTGRESQL, Map.of("MIGRATIONS_TEST_POSTGRES_SOURCE", "local"));

		try (TestDatabase db = TestDatabases.server(settings).createDatabase()) {
			assertThat(db.server().source()).isEqualTo(Source.LOCAL);
			assertThat(db.server().description()).startsWith("local server at 127.0.0.1:5432 (PostgreSQL ");
			assertThat(db.psqlConnectionUri()).isEqualTo("postgresql://postgres@127.0.0.1:5432/" + db.name());
		}
		catch (TestDatabaseException ex) {
			org.junit.jupiter.api.Assumptions.abort("no local PostgreSQL on 127.0.0.1:5432: " + ex.getMessage());
		}
	}

	private static SourceSettings settings(Vendor vendor, Map<String, String> environment) {
		return SourceSettings.from(vendor, (name) -> null, environment::get);
	}

}
