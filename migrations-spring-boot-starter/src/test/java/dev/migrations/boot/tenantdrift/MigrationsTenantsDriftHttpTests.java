package dev.migrations.boot.tenantdrift;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.boot.tenant.TenantsStatusCache;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with JPA entities and tenants: one tenant's drift at
 * {@code /actuator/migrations/tenants/{name}}, and the {@code migrations.tenants} gauges.
 */
class MigrationsTenantsDriftHttpTests {

	private static final String LEDGER = "7e0d00000001";

	@TempDir
	Path revisions;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMinutes(1)).build();

	private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

	private TestDatabase database;

	@BeforeEach
	void createDatabase() throws IOException {
		this.database = TestDatabases.postgres();
		Files.writeString(this.revisions.resolve(LEDGER + "_ledger.sql"), "-- revision: " + LEDGER
				+ "\n-- down_revision: none\n-- message: ledger\n\n-- upgrade\n"
				+ "CREATE TABLE ledger (id bigint PRIMARY KEY, name varchar(80) NOT NULL);\n\n-- downgrade\nDROP TABLE ledger;\n",
				StandardCharsets.UTF_8);
	}

	@AfterEach
	void stopApplicationsAndDropDatabase() {
		this.applications.forEach(ConfigurableApplicationContext::close);
		this.database.close();
	}

	@Test
	void aTenantsDriftIsComparedWhenItIsAskedForAndKeptForItsTimeToLive() throws Exception {
		ConfigurableApplicationContext application = start("migrations.tenants.schemas=t1,t2");
		String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
		execute("ALTER TABLE t2.ledger ADD COLUMN note text");

		DocumentContext t2 = json(get(base + "/actuator/migrations/tenants/t2"));
		assertThat(t2.read("$.drift.status", String.class)).isEqualTo("DETECTED");
		assertThat(t2.read("$.drift.differences[*].kind", List.class)).containsExactly("COLUMN_EXTRA");
		assertThat(t2.read("$.drift.differences[0].object", String.class)).isEqualTo("ledger.note");
		assertThat(t2.read("$.drift.checkedAt", String.class)).isNotBlank();

		DocumentContext t1 = json(get(base + "/actuator/migrations/tenants/t1"));
		assertThat(t1.read("$.drift.status", String.class)).isEqualTo("NONE");

		// kept for migrations.tenants.drift.cache-ttl (5 minutes by default): the same report
		execute("ALTER TABLE t2.ledger DROP COLUMN note");
		DocumentContext again = json(get(base + "/actuator/migrations/tenants/t2"));
		assertThat(again.read("$.drift.status", String.class)).isEqualTo("DETECTED");
		assertThat(again.read("$.drift.checkedAt", String.class)).isEqualTo(t2.read("$.drift.checkedAt", String.class));

		MeterRegistry registry = application.getBean(MeterRegistry.class);
		// the gauges show the tenants as last read (as the health indicator or the summary reads them): never read on
		// a scrape
		application.getBean(TenantsStatusCache.class).status();
		assertThat(registry.get("migrations.tenants").tag("state", "UP_TO_DATE").gauge().value()).isEqualTo(2.0);
		assertThat(registry.get("migrations.tenants").tag("state", "BEHIND").gauge().value()).isZero();
	}

	@Test
	void withoutACacheEachReadComparesAgain() throws Exception {
		ConfigurableApplicationContext application = start("migrations.tenants.schemas=t1",
				"migrations.tenants.drift.cache-ttl=0s");
		String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
		execute("ALTER TABLE t1.ledger ADD COLUMN note text");
		assertThat(json(get(base + "/actuator/migrations/tenants/t1")).read("$.drift.status", String.class))
			.isEqualTo("DETECTED");

		execute("ALTER TABLE t1.ledger DROP COLUMN note");

		assertThat(json(get(base + "/actuator/migrations/tenants/t1")).read("$.drift.status", String.class))
			.isEqualTo("NONE");
	}

	@Test
	void withDriftOffTheTenantsDriftIsUnknownAndSaysWhy() throws Exception {
		ConfigurableApplicationContext application = start("migrations.tenants.schemas=t1", "migrations.drift.enabled=false");
		String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");

		DocumentContext t1 = json(get(base + "/actuator/migrations/tenants/t1"));

		assertThat(t1.read("$.drift.status", String.class)).isEqualTo("UNKNOWN");
		assertThat(t1.read("$.drift.reason", String.class)).isEqualTo("Drift detection is off (migrations.drift.enabled=false).");
	}

	private ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + this.database.jdbcUrl(),
				"spring.datasource.username=" + this.database.username(),
				"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
				"spring.jpa.hibernate.ddl-auto=none", "spring.jpa.open-in-view=false", "spring.main.banner-mode=off",
				"spring.shell.interactive.enabled=false", "server.port=0", "server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=migrations,health",
				"management.endpoint.health.show-details=always", "migrations.locations=filesystem:" + this.revisions,
				"spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
			.properties(all.toArray(String[]::new)).run();
		this.applications.add(context);
		return context;
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static DocumentContext json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage
	static class LedgerApplication {

	}

}
