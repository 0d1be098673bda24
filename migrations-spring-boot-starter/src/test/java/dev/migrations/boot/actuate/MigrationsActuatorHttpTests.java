package dev.migrations.boot.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.Migrations;
import dev.migrations.boot.entities.drifted.LibraryMember;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Whole applications with a web server on a random port, read over HTTP as an operator's tools
 * read them: {@code /actuator/migrations} and {@code /actuator/health} while the database is up to
 * date, behind, edited and drifted.
 */
class MigrationsActuatorHttpTests {

	private static final String FIRST = "5a1e00000001";

	private static final String SECOND = "5a1e00000002";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMinutes(1)).build();

	private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
	}

	@AfterEach
	void stopApplicationsAndDropDatabase() {
		this.applications.forEach(ConfigurableApplicationContext::close);
		this.database.close();
	}

	@Test
	void upToDate() throws Exception {
		String base = start(LibraryApplication.class);
		DocumentContext json = awaitDriftChecked(base);
		assertThat(json.read("$", Map.class).keySet()).containsExactlyInAnyOrder("current", "heads", "upToDate", "pending",
				"revisions", "drift");
		assertThat(json.read("$.current", List.class)).containsExactly(SECOND);
		assertThat(json.read("$.heads", List.class)).containsExactly(SECOND);
		assertThat(json.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(json.read("$.pending", List.class)).isEmpty();
		assertThat(json.read("$.revisions[*].revision", List.class)).containsExactly(SECOND, FIRST);
		assertThat(json.read("$.revisions[0]", Map.class).keySet()).containsExactlyInAnyOrder("revision", "downRevisions",
				"message", "state", "appliedAt", "executionMillis", "checksum");
		assertThat(json.read("$.revisions[0].downRevisions", List.class)).containsExactly(FIRST);
		assertThat(json.read("$.revisions[1].downRevisions", List.class)).isEmpty();
		assertThat(json.read("$.revisions[0].message", String.class)).isEqualTo("create loan");
		assertThat(json.read("$.revisions[*].state", List.class)).containsExactly("APPLIED", "APPLIED");
		assertThat(Instant.parse(json.read("$.revisions[0].appliedAt", String.class)))
			.isAfter(Instant.now().minus(Duration.ofHours(1)));
		assertThat(json.read("$.revisions[0].executionMillis", Integer.class)).isNotNegative();
		assertThat(json.read("$.revisions[0].checksum", String.class)).matches("[0-9a-f]{64}");
		assertThat(json.read("$.drift", Map.class).keySet()).containsExactlyInAnyOrder("status", "checkedAt",
				"differences");
		assertThat(json.read("$.drift.status", String.class)).isEqualTo("NONE");
		assertThat(Instant.parse(json.read("$.drift.checkedAt", String.class)))
			.isAfter(Instant.now().minus(Duration.ofHours(1)));
		assertThat(json.read("$.drift.differences", List.class)).isEmpty();

		HttpResponse<String> health = get(base + "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		DocumentContext healthJson = JsonPath.parse(health.body());
		assertThat(healthJson.read("$.components.migrations.status", String.class)).isEqualTo("UP");
		assertThat(healthJson.read("$.components.migrations.details.pending", List.class)).isEmpty();
		assertThat(healthJson.read("$.components.migrations.details.drift.status", String.class)).isEqualTo("NONE");
	}

	@Test
	void aSmallHistoryIsAnsweredAsActuatorWritesTheResponseInBothContentTypes() throws Exception {
		ConfigurableApplicationContext application = application(LibraryApplication.class).run();
		this.applications.add(application);
		String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
		awaitDriftChecked(base);
		HttpResponse<String> actuatorJson = get(base + "/actuator/migrations");
		HttpResponse<String> json = this.http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/migrations"))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(actuatorJson.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.spring-boot.actuator.v3+json");
		assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(json.body()).isEqualTo(actuatorJson.body());
		// the fields in the documented order, null values left out, instants as ISO-8601
		assertThat(actuatorJson.body()).startsWith("{\"current\":[\"" + SECOND + "\"],\"heads\":[\"" + SECOND
				+ "\"],\"upToDate\":true,\"pending\":[],\"revisions\":[{\"revision\":\"" + SECOND
				+ "\",\"downRevisions\":[\"" + FIRST
				+ "\"],\"message\":\"create loan\",\"state\":\"APPLIED\",\"appliedAt\":\"")
			.contains("],\"drift\":{\"status\":\"NONE\",\"checkedAt\":\"")
			.doesNotContain("revisionsNotListed")
			.doesNotContain("null");
		// what actuator's JSON mapper writes for the endpoint's response
		MigrationsEndpoint endpoint = application.getBean(MigrationsEndpoint.class);
		String written = application.getBean(EndpointJsonMapper.class).get().writeValueAsString(endpoint.migrations());
		assertThat(actuatorJson.body()).isEqualTo(written);
	}

	@Test
	void aLongHistoryListsWhatIsNotAppliedAndAllOnRequest() throws Exception {
		String base = start(LibraryApplication.class, "migrations.target=" + FIRST,
				"migrations.actuator.revisions-listed=1");
		DocumentContext json = awaitDriftChecked(base);
		assertThat(json.read("$.pending", List.class)).containsExactly(SECOND);
		assertThat(json.read("$.revisions[*].revision", List.class)).containsExactly(SECOND);
		assertThat(json.read("$.revisions[0].state", String.class)).isEqualTo("PENDING");
		assertThat(json.read("$.revisionsNotListed", Integer.class)).isEqualTo(1);

		HttpResponse<String> all = get(base + "/actuator/migrations/revisions");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.headers().firstValue("Content-Type")).hasValue("application/vnd.spring-boot.actuator.v3+json");
		DocumentContext allJson = JsonPath.parse(all.body());
		assertThat(allJson.read("$", Map.class).keySet()).containsExactlyInAnyOrder("current", "heads", "upToDate",
				"pending", "revisions", "drift");
		assertThat(allJson.read("$.revisions[*].revision", List.class)).containsExactly(SECOND, FIRST);
		assertThat(allJson.read("$.revisions[*].state", List.class)).containsExactly("PENDING", "APPLIED");

		HttpResponse<String> unknown = get(base + "/actuator/migrations/revision");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JsonPath.parse(unknown.body()).read("$.message", String.class)).isEqualTo(
				"No 'revision' under /actuator/migrations: /actuator/migrations/revisions lists every revision.");
	}

	@Test
	void pendingRevision() throws Exception {
		String base = start(LibraryApplication.class, "migrations.target=" + FIRST);
		DocumentContext json = awaitDriftChecked(base);
		assertThat(json.read("$.current", List.class)).containsExactly(FIRST);
		assertThat(json.read("$.heads", List.class)).containsExactly(SECOND);
		assertThat(json.read("$.upToDate", Boolean.class)).isFalse();
		assertThat(json.read("$.pending", List.class)).containsExactly(SECOND);
		assertThat(json.read("$.revisions[*].state", List.class)).containsExactly("PENDING", "APPLIED");
		// nothing recorded yet for the pending revision: no appliedAt, no executionMillis
		assertThat(json.read("$.revisions[0]", Map.class).keySet()).containsExactlyInAnyOrder("revision", "downRevisions",
				"message", "state", "checksum");
		// the entities map the loan table the pending revision creates
		assertThat(json.read("$.drift.status", String.class)).isEqualTo("DETECTED");
		assertThat(json.read("$.drift.differences[*].kind", List.class)).contains("TABLE_MISSING");
		assertThat(json.read("$.drift.differences[?(@.kind == 'TABLE_MISSING')].object", List.class)).containsExactly("loan");

		HttpResponse<String> health = get(base + "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		DocumentContext healthJson = JsonPath.parse(health.body());
		assertThat(healthJson.read("$.status", String.class)).isEqualTo("OUT_OF_SERVICE");
		assertThat(healthJson.read("$.components.migrations.status", String.class)).isEqualTo("OUT_OF_SERVICE");
		assertThat(healthJson.read("$.components.migrations.details.pending", List.class)).containsExactly(SECOND);
	}

	@Test
	void aDatabaseThatCannotBeReachedIsAnsweredWith503AndWhy() throws Exception {
		String base = start(LibraryApplication.class, "migrations.actuator.status-cache-ttl=0",
				"spring.datasource.hikari.connection-timeout=250", "migrations.drift.enabled=false");
		assertThat(get(base + "/actuator/migrations").statusCode()).isEqualTo(200);
		// an outage of this database only: no new sessions, the pool's closed
		try (Connection admin = maintenanceConnection(); Statement sql = admin.createStatement()) {
			sql.execute("ALTER DATABASE \"" + this.database.name() + "\" WITH ALLOW_CONNECTIONS false");
			sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + this.database.name()
					+ "' AND pid <> pg_backend_pid()");
		}
		try {
			HttpResponse<String> response = get(base + "/actuator/migrations");
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).contains("json"));
			assertThat(JsonPath.parse(response.body()).read("$.error", String.class))
				.startsWith("Could not read where the database stands: ")
				// the server's own words: a pooled session it ended, or a new one it refused
				.containsAnyOf("terminating connection due to administrator command", "not currently accepting connections");
			HttpResponse<String> health = get(base + "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(JsonPath.parse(health.body()).read("$.components.migrations.status", String.class)).isEqualTo("DOWN");
		}
		finally {
			try (Connection admin = maintenanceConnection(); Statement sql = admin.createStatement()) {
				sql.execute("ALTER DATABASE \"" + this.database.name() + "\" WITH ALLOW_CONNECTIONS true");
			}
		}
		// back once the database is (and the pool has a session again): nothing kept from the outage
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		HttpResponse<String> back = get(base + "/actuator/migrations");
		while (back.statusCode() == 503 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			back = get(base + "/actuator/migrations");
		}
		assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
		assertThat(JsonPath.parse(back.body()).read("$.upToDate", Boolean.class)).isTrue();
	}

	@Test
	void anUpgradeByTheApplicationShowsInTheNextResponse() throws Exception {
		ConfigurableApplicationContext application = application(LibraryApplication.class, "migrations.target=" + FIRST)
			.run();
		this.applications.add(application);
		String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
		assertThat(JsonPath.parse(get(base + "/actuator/migrations").body()).read("$.pending", List.class))
			.containsExactly(SECOND);
		assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(503);

		application.getBean(Migrations.class).upgrade("head");
		DocumentContext json = JsonPath.parse(get(base + "/actuator/migrations").body());
		assertThat(json.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(json.read("$.revisions[*].state", List.class)).containsExactly("APPLIED", "APPLIED");
		assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void modifiedRevision(@TempDir Path revisions) throws Exception {
		for (String name : List.of(FIRST + "_create_library_member.sql", SECOND + "_create_loan.sql")) {
			Files.copy(new ClassPathResource("db/library/" + name).getInputStream(), revisions.resolve(name));
		}
		String location = "migrations.locations=filesystem:" + revisions.toAbsolutePath();
		this.applications.add(application(LibraryApplication.class, location).run());
		this.applications.remove(0).close();
		// an applied revision edited afterwards, as happens when someone "fixes" a file in place
		Path first = revisions.resolve(FIRST + "_create_library_member.sql");
		Files.writeString(first, Files.readString(first).replace("character varying(120)", "character varying(150)"));

		String base = start(LibraryApplication.class, location, "migrations.validate-checksums=false",
				"migrations.health.modified-status=DOWN");
		DocumentContext json = awaitDriftChecked(base);
		assertThat(json.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(json.read("$.revisions[*].state", List.class)).containsExactly("APPLIED", "MODIFIED");
		assertThat(json.read("$.drift.status", String.class)).isEqualTo("NONE");
		// the modified one carries what was applied beside what the file holds now; the others only the file's
		assertThat(json.read("$.revisions[1].appliedChecksum", String.class)).isNotBlank()
			.isNotEqualTo(json.read("$.revisions[1].checksum", String.class));
		assertThat(json.read("$.revisions[0]", java.util.Map.class)).doesNotContainKey("appliedChecksum");

		HttpResponse<String> health = get(base + "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		DocumentContext healthJson = JsonPath.parse(health.body());
		assertThat(healthJson.read("$.components.migrations.status", String.class)).isEqualTo("DOWN");
		assertThat(healthJson.read("$.components.migrations.details.modified", List.class)).containsExactly(FIRST);
	}

	@Test
	void driftedEntities() throws Exception {
		String base = start(DriftedApplication.class);
		DocumentContext json = awaitDriftChecked(base);
		assertThat(json.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(json.read("$.drift.status", String.class)).isEqualTo("DETECTED");
		assertThat(json.read("$.drift.differences", List.class)).hasSize(1);
		assertThat(json.read("$.drift.differences[0]", Map.class)).containsEntry("kind", "COLUMN_MISSING")
			.containsEntry("object", "library_member.nickname")
			.containsEntry("detail", "library_member.nickname: missing from the database (entities want character varying(40))");

		HttpResponse<String> health = get(base + "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		DocumentContext healthJson = JsonPath.parse(health.body());
		assertThat(healthJson.read("$.components.migrations.status", String.class)).isEqualTo("UP");
		assertThat(healthJson.read("$.components.migrations.details.drift.status", String.class)).isEqualTo("DETECTED");
		assertThat(healthJson.read("$.components.migrations.details.drift.differences[0].object", String.class))
			.isEqualTo("library_member.nickname");
	}

	@Test
	void theEndpointAcceptsNoWrites() throws Exception {
		String base = start(LibraryApplication.class);
		for (String method : List.of("POST", "PUT", "DELETE")) {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/migrations"))
				.method(method, HttpRequest.BodyPublishers.ofString("{\"target\":\"base\"}"))
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method).isIn(404, 405);
		}
		assertThat(JsonPath.parse(get(base + "/actuator/migrations").body()).read("$.current", List.class))
			.containsExactly(SECOND);
	}

	private String start(Class<?> application, String... properties) {
		ConfigurableApplicationContext context = application(application, properties).run();
		this.applications.add(context);
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private SpringApplicationBuilder application(Class<?> application, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + this.database.jdbcUrl(),
				"spring.datasource.username=" + this.database.username(),
				"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
				"spring.jpa.hibernate.ddl-auto=none", "spring.jpa.open-in-view=false", "spring.main.banner-mode=off",
				"spring.shell.interactive.enabled=false", "server.port=0", "server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=migrations,health",
				"management.endpoint.health.show-details=always", "migrations.locations=classpath:db/library",
				// Spring Shell (on the test class path for the shell tests) needs a @SpringBootApplication class
				"spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(application).properties(all.toArray(String[]::new));
	}

	/** The endpoint's JSON once the background drift check has run. */
	private DocumentContext awaitDriftChecked(String base) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (true) {
			HttpResponse<String> response = get(base + "/actuator/migrations");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).contains("json"));
			DocumentContext json = JsonPath.parse(response.body());
			if (!"UNKNOWN".equals(json.read("$.drift.status", String.class))) {
				return json;
			}
			if (System.nanoTime() > deadline) {
				fail("The drift check did not finish in time: " + response.body());
			}
			Thread.sleep(100);
		}
	}

	/** A session on the server's {@code postgres} database, which the outage of the test's database leaves alone. */
	private Connection maintenanceConnection() throws SQLException {
		String url = this.database.jdbcUrl().replaceFirst("/" + Pattern.quote(this.database.name()) + "(?=$|\\?)", "/postgres");
		return DriverManager.getConnection(url, this.database.username(), this.database.password());
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = dev.migrations.boot.entities.library.LibraryMember.class)
	static class LibraryApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = LibraryMember.class)
	static class DriftedApplication {

	}

}
