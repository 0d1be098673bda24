package dev.migrations.boot.tenant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Applications with {@code migrations.tenants.*}: the startup upgrade of every tenant, and
 * {@code /actuator/migrations} and {@code /actuator/health} read over HTTP.
 */
class MigrationsTenantsHttpTests {

	private static final String ACCOUNT = "7e0a00000001";

	private static final String INVOICE = "7e0a00000002";

	@TempDir
	Path revisions;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMinutes(1)).build();

	private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

	private TestDatabase database;

	@BeforeEach
	void createDatabase() throws IOException {
		this.database = TestDatabases.postgres();
		write(ACCOUNT, "none", "CREATE TABLE account (id int PRIMARY KEY);\nCOMMENT ON TABLE account IS '${tenant}';",
				"DROP TABLE account;");
		write(INVOICE, ACCOUNT, "CREATE TABLE invoice (id int PRIMARY KEY);", "DROP TABLE invoice;");
	}

	@AfterEach
	void stopApplicationsAndDropDatabase() {
		this.applications.forEach(ConfigurableApplicationContext::close);
		this.database.close();
	}

	@Test
	void theStartupUpgradesEveryTenantAndTheEndpointSummarisesThem() throws Exception {
		String base = start("migrations.tenants.schemas=t1,t2,t3", "migrations.tenants.parallelism=2");

		DocumentContext json = json(get(base + "/actuator/migrations"));

		assertThat(json.read("$", Map.class).keySet()).containsExactlyInAnyOrder("heads", "upToDate", "tenants", "lastRun");
		assertThat(json.read("$.heads", List.class)).containsExactly(INVOICE);
		assertThat(json.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(json.read("$.tenants.total", Integer.class)).isEqualTo(3);
		assertThat(json.read("$.tenants.parallelism", Integer.class)).isEqualTo(2);
		assertThat(json.read("$.tenants.counts", Map.class)).containsEntry("UP_TO_DATE", 3).containsEntry("BEHIND", 0)
			.containsEntry("FAILED", 0);
		assertThat(json.read("$.tenants.notUpToDate", List.class)).isEmpty();
		assertThat(json.read("$.lastRun.command", String.class)).isEqualTo("upgrade");
		assertThat(json.read("$.lastRun.changed", Integer.class)).isEqualTo(3);
		assertThat(comment("t2")).isEqualTo("t2");

		DocumentContext one = json(get(base + "/actuator/migrations/tenants/t2"));
		assertThat(one.read("$", Map.class).keySet()).containsExactlyInAnyOrder("current", "heads", "upToDate", "pending",
				"revisions", "drift");
		assertThat(one.read("$.current", List.class)).containsExactly(INVOICE);
		assertThat(one.read("$.revisions[*].state", List.class)).containsExactly("APPLIED", "APPLIED");
		assertThat(get(base + "/actuator/migrations/tenants/t9").statusCode()).isEqualTo(404);

		HttpResponse<String> health = get(base + "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(health.body()).read("$.components.migrations.details.UP_TO_DATE", Integer.class))
			.isEqualTo(3);
	}

	/** Names needing quotes in SQL, and the word all: each answered for at its own URL, the name percent-encoded. */
	@Test
	void eachTenantIsAnsweredForAtItsNameEncodedInThePath() throws Exception {
		write(ACCOUNT, "none", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		String base = start("migrations.tenants.query=SELECT unnest(ARRAY['Acme Corp', 'a.b', 'all', 'a,b', 'it''s',"
				+ " 'Order', 'x\"y', '株式'])", "migrations.target=" + ACCOUNT);

		assertThat(json(get(base + "/actuator/migrations")).read("$.tenants.counts.BEHIND", Integer.class)).isEqualTo(8);
		for (String name : List.of("Acme Corp", "a.b", "all", "a,b", "it's", "Order", "x\"y", "株式")) {
			HttpResponse<String> one = get(base + "/actuator/migrations/tenants/"
					+ java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
			DocumentContext json = json(one);
			assertThat(json.read("$.current", List.class)).as(name).containsExactly(ACCOUNT);
			assertThat(json.read("$.pending", List.class)).as(name).containsExactly(INVOICE);
		}
		assertThat(get(base + "/actuator/migrations/tenants/acme%20corp").statusCode()).isEqualTo(404);
	}

	@Test
	void theEndpointListsTenantsBehindUpToItsLimitAndCountsTheRest() throws Exception {
		String base = start("migrations.tenants.query=SELECT 'q' || n FROM generate_series(1, 4) n",
				"migrations.tenants.listed=1", "migrations.target=" + ACCOUNT);

		DocumentContext json = json(get(base + "/actuator/migrations"));

		assertThat(json.read("$.upToDate", Boolean.class)).isFalse();
		assertThat(json.read("$.tenants.total", Integer.class)).isEqualTo(4);
		assertThat(json.read("$.tenants.counts.BEHIND", Integer.class)).isEqualTo(4);
		assertThat(json.read("$.tenants.notUpToDate[*].state", List.class)).containsExactly("BEHIND");
		assertThat(json.read("$.tenants.notUpToDate[0].pending", Integer.class)).isEqualTo(1);
		assertThat(json.read("$.tenants.notUpToDate[0].current", List.class)).containsExactly(ACCOUNT);
		assertThat(json.read("$.tenants.notListed", Integer.class)).isEqualTo(3);
		assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(503);
	}

	@Test
	void tenantsAheadOfTheCodeDoNotStopTheStartupWhenEveryRevisionOfTheCodeIsApplied() throws Exception {
		// a newer release (with INVOICE) upgraded the tenants; this release (without it) restarts
		start("migrations.tenants.schemas=t1,t2");
		this.applications.remove(0).close();
		Files.delete(this.revisions.resolve(INVOICE + "_tenant.sql"));

		String base = start("migrations.tenants.schemas=t1,t2");

		DocumentContext json = json(get(base + "/actuator/migrations"));
		assertThat(json.read("$.tenants.counts.UP_TO_DATE", Integer.class)).isEqualTo(2);
		DocumentContext one = json(get(base + "/actuator/migrations/tenants/t1"));
		assertThat(one.read("$.revisions[?(@.revision == '" + INVOICE + "')].state", List.class))
			.containsExactly("MISSING_FILE");
		assertThat(revisions("t1")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
		this.applications.remove(0).close();

		assertThatThrownBy(() -> start("migrations.tenants.schemas=t1,t2", "migrations.fail-on-database-ahead=true"))
			.rootCause()
			.hasMessageContaining("t1")
			.hasMessageContaining("t2");
	}

	@Test
	void aTenantThatCannotBeReadAnswers503WithTheReason() throws Exception {
		String gone = this.database.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/no_such_database_h4$1");
		String base = start("migrations.tenants.schemas=t1", "migrations.tenants.databases.gone.url=" + gone,
				"migrations.upgrade-on-startup=false");

		HttpResponse<String> one = get(base + "/actuator/migrations/tenants/gone");

		assertThat(one.statusCode()).as(one.body()).isEqualTo(503);
		assertThat(JsonPath.parse(one.body()).read("$.error", String.class))
			.startsWith("Could not read where tenant gone stands: ")
			.contains("no_such_database_h4");
		assertThat(get(base + "/actuator/migrations/tenants/t1").statusCode()).isEqualTo(200);
	}

	@Test
	void tenantsThatCannotBeListedAnswer503WithTheReason() throws Exception {
		String base = start("migrations.tenants.query=SELECT schema_name FROM no_such_tenant_table",
				"migrations.upgrade-on-startup=false");

		HttpResponse<String> summary = get(base + "/actuator/migrations");
		HttpResponse<String> one = get(base + "/actuator/migrations/tenants/t1");

		assertThat(summary.statusCode()).as(summary.body()).isEqualTo(503);
		assertThat(JsonPath.parse(summary.body()).read("$.error", String.class))
			.startsWith("Could not read where the tenants stand: ")
			.contains("no_such_tenant_table");
		assertThat(one.statusCode()).as(one.body()).isEqualTo(503);
		assertThat(JsonPath.parse(one.body()).read("$.error", String.class)).contains("no_such_tenant_table");
	}

	@Test
	void aTenantThatFailsFailsTheStartupAfterTheOthersAreUpgraded() throws Exception {
		// a sequence in the way of the table (a table would make the schema one to adopt, not to upgrade)
		execute("CREATE SCHEMA t2; CREATE SEQUENCE t2.invoice");

		assertThatThrownBy(() -> start("migrations.tenants.schemas=t1,t2,t3"))
			.hasRootCauseInstanceOf(TenantsFailedException.class)
			.rootCause()
			.hasMessageContaining("The startup upgrade failed for 1 of 3 tenant(s): upgrade head on 3 tenant(s)")
			.hasMessageContaining("\n  t2: revision " + INVOICE + " failed: ")
			.hasMessageContaining("relation \"invoice\" already exists");
		assertThat(revisions("t1")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
		assertThat(revisions("t3")).containsExactlyInAnyOrder(ACCOUNT, INVOICE);
		assertThat(revisions("t2")).containsExactly(ACCOUNT);
	}

	private String start(String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + this.database.jdbcUrl(),
				"spring.datasource.username=" + this.database.username(),
				"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
				"spring.jpa.hibernate.ddl-auto=none", "spring.jpa.open-in-view=false", "spring.main.banner-mode=off",
				"spring.shell.interactive.enabled=false", "server.port=0", "server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=migrations,health",
				"management.endpoint.health.show-details=always", "migrations.locations=filesystem:" + this.revisions,
				"migrations.drift.enabled=false",
				"spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TenantsApplication.class)
			.properties(all.toArray(String[]::new)).run();
		this.applications.add(context);
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private void write(String id, String parent, String upgrade, String downgrade) throws IOException {
		Files.writeString(this.revisions.resolve(id + "_tenant.sql"), "-- revision: " + id + "\n-- down_revision: " + parent
				+ "\n-- message: tenant " + id + "\n\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n",
				StandardCharsets.UTF_8);
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

	private List<String> revisions(String schema) throws SQLException {
		return column("SELECT revision FROM " + schema + ".migrations_version");
	}

	private String comment(String schema) throws SQLException {
		return column("SELECT obj_description('" + schema + ".account'::regclass, 'pg_class')").get(0);
	}

	private List<String> column(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage
	static class TenantsApplication {

	}

}
