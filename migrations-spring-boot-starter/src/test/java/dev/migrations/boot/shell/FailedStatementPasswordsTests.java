package dev.migrations.boot.shell;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.boot.shell.app.Bulletin;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A revision whose failing statement holds a password (a role's, a user mapping's): what the command, the startup
 * failure, the version table and the endpoint show of it has the password masked, the statement otherwise as written.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class FailedStatementPasswordsTests {

	private static final String SECRET = "Tr0ub4dor-s3cret";

	private static final String FAILING = "3c4d5e6f7081";

	@TempDir
	Path revisions;

	@Test
	void theCommandTheVersionTableAndTheEndpointShowTheFailedStatementWithItsPasswordMasked(TestDatabase database,
			CapturedOutput output) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		ShellTestRevisions.write(this.revisions, FAILING + "_reporting_role_password.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 2b3c4d5e6f70
				-- message: reporting role password
				-- transactional: false

				-- upgrade
				CREATE TABLE report_grant (id bigint);
				ALTER ROLE mig_no_such_reporter WITH LOGIN PASSWORD '%s';

				-- downgrade
				DROP TABLE IF EXISTS report_grant;
				""".formatted(SECRET));
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());

		Result upgrade = db.run("upgrade");
		assertThat(upgrade.status()).isEqualTo(2);
		assertThat(upgrade.err()).contains("ALTER ROLE mig_no_such_reporter WITH LOGIN PASSWORD '******'")
			.contains("role \"mig_no_such_reporter\" does not exist");
		assertThat(recordedError(database)).contains("ALTER ROLE mig_no_such_reporter WITH LOGIN PASSWORD '******'");
		assertThat(db.run("history", "--format", "json").out()).contains("PASSWORD '******'");
		Result current = db.run("current");
		assertThat(current.out()).contains("Recorded as failed: " + FAILING + ".");
		// the revision file itself, as written: what the repository holds
		assertThat(db.run("show", FAILING).out()).contains("State:      failed at ");
		Result again = db.run("upgrade");
		assertThat(again.status()).isEqualTo(2);
		assertThat(again.err()).contains("PASSWORD '******'");

		// a row an earlier release recorded with the statement as written
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET error = replace(error, '******', '" + SECRET + "')");
		}
		assertThat(recordedError(database)).contains(SECRET);
		Result history = db.run("history", "--format", "json");
		assertThat(history.out()).contains("PASSWORD '******'");
		Result oldRow = db.run("upgrade");
		assertThat(oldRow.err()).contains("PASSWORD '******'");

		try (ConfigurableApplicationContext application = application(database, "migrations.upgrade-on-startup=false")
			.run()) {
			String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> migrations = get(base + "/actuator/migrations");
			assertThat(migrations.statusCode()).isEqualTo(200);
			assertThat(JsonPath.parse(migrations.body())
				.read("$.revisions[?(@.revision == '" + FAILING + "')].error", List.class))
				.singleElement()
				.asString()
				.contains("ALTER ROLE mig_no_such_reporter WITH LOGIN PASSWORD '******'");
			HttpResponse<String> all = get(base + "/actuator/migrations/revisions");
			HttpResponse<String> health = get(base + "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(migrations.body() + all.body() + health.body()).doesNotContain(SECRET);
		}
		for (Result result : new Result[] { upgrade, current, history, again, oldRow }) {
			assertThat(result.out() + result.err()).doesNotContain(SECRET);
		}
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	@Test
	void theStartupFailureShowsTheFailedStatementAndTheDatabasesMessageWithThePasswordMasked(TestDatabase database,
			CapturedOutput output) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		// PL/pgSQL's message quotes the statement it ran
		ShellTestRevisions.write(this.revisions, FAILING + "_reporting_role_password.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 2b3c4d5e6f70
				-- message: reporting role password
				-- transactional: false

				-- upgrade
				CREATE TABLE report_grant (id bigint);
				DO $$ BEGIN EXECUTE 'ALTER ROLE mig_no_such_reporter WITH LOGIN PASSWORD ''%s'''; END $$;

				-- downgrade
				DROP TABLE IF EXISTS report_grant;
				""".formatted(SECRET));

		Throwable failure = catchThrowable(() -> application(database).run().close());
		assertThat(failure).isNotNull();
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("EXECUTE 'ALTER ROLE mig_no_such_reporter WITH LOGIN PASSWORD ''******''';")
			.contains("SQL statement \"ALTER ROLE mig_no_such_reporter WITH LOGIN PASSWORD '******'\"")
			.doesNotContain(SECRET);
		assertThat(recordedError(database)).contains("PASSWORD ''******''").doesNotContain(SECRET);

		// the next start refuses with what was recorded
		Throwable refused = catchThrowable(() -> application(database).run().close());
		assertThat(refused).isNotNull();
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	@Test
	void onMariaDbAUsersIdentifiedByPasswordIsMasked(@MariaDb TestDatabase database, CapturedOutput output)
			throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		ShellTestRevisions.write(this.revisions, FAILING + "_reporting_user_password.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 2b3c4d5e6f70
				-- message: reporting user password
				-- transactional: false

				-- upgrade
				CREATE TABLE report_grant (id bigint);
				ALTER USER 'mig_no_such_reporter'@'%%' IDENTIFIED BY '%s';

				-- downgrade
				DROP TABLE IF EXISTS report_grant;
				""".formatted(SECRET));
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());

		Result upgrade = db.run("upgrade");
		assertThat(upgrade.status()).isEqualTo(2);
		assertThat(upgrade.err()).contains("ALTER USER 'mig_no_such_reporter'@'%' IDENTIFIED BY '******'")
			.contains("Operation ALTER USER failed for 'mig_no_such_reporter'@'%'");
		assertThat(recordedError(database)).contains("IDENTIFIED BY '******'");
		Result history = db.run("history", "--format", "json");
		assertThat(history.out()).contains("IDENTIFIED BY '******'");
		assertThat(upgrade.err() + history.out() + recordedError(database) + output.getAll()).doesNotContain(SECRET);
	}

	private SpringApplicationBuilder application(TestDatabase database, String... properties) {
		return new SpringApplicationBuilder(BulletinApplication.class)
			.properties("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + ((database.password() != null) ? database.password() : ""),
					"spring.jpa.hibernate.ddl-auto=none", "spring.jpa.open-in-view=false", "spring.main.banner-mode=off",
					"spring.shell.interactive.enabled=false", "server.port=0", "server.address=127.0.0.1",
					"management.endpoints.web.exposure.include=migrations,health",
					"management.endpoint.health.show-details=always", "migrations.locations=filesystem:" + this.revisions,
					"migrations.drift.enabled=false",
					"spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
			.properties(properties);
	}

	private static String recordedError(TestDatabase database) throws Exception {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT error FROM migrations_version WHERE revision = '" + FAILING
						+ "'")) {
			assertThat(row.next()).isTrue();
			return row.getString(1);
		}
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = Bulletin.class)
	static class BulletinApplication {

	}

}
