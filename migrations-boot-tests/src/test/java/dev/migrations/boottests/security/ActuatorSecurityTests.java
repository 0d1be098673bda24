package dev.migrations.boottests.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security in front of Actuator, as Spring Boot's documentation configures it, in the shop (web MVC, JPA,
 * PostgreSQL): {@code /actuator/migrations} and every path under it asks an anonymous caller to sign in, answers a
 * user in the role with the documented JSON, refuses writes (it has none) without touching the database; the
 * health details of {@code show-details=when-authorized} are the role's only; the startup upgrade still runs before
 * JPA; Spring Security's generated user and command mode are not in the way.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class ActuatorSecurityTests {

	private static final String CREATE_CUSTOMER = ShopApplication.CREATE_CUSTOMER;

	private static final String ADD_EMAIL = ShopApplication.ADD_EMAIL;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@RegisterExtension
	final Apps apps = new Apps();

	@TempDir
	Path directory;

	@Test
	void theEndpointIsTheRolesAndTheUpgradeRunsBeforeJpa(TestDatabase database) throws Exception {
		// ddl-auto=validate: Hibernate starts only on the upgraded schema
		String base = start(database, SecuredShopApplication.SOURCES);
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly(CREATE_CUSTOMER, ADD_EMAIL);

		for (String path : List.of("/actuator/migrations", "/actuator/migrations/revisions", "/actuator/migrations/nope")) {
			HttpResponse<String> anonymous = send("GET", base + path, null);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
					(challenge) -> assertThat(challenge).startsWith("Basic"));
			assertThat(anonymous.body()).as(path).doesNotContain(ADD_EMAIL);
			assertThat(send("GET", base + path, SecuredShopApplication.VIEWER).statusCode()).as(path).isEqualTo(403);
		}

		HttpResponse<String> operator = send("GET", base + "/actuator/migrations", SecuredShopApplication.OPS);
		assertThat(operator.statusCode()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(operator.body());
		assertThat(json.read("$", Map.class).keySet()).containsExactly("current", "heads", "upToDate", "pending",
				"revisions", "drift");
		assertThat(json.read("$.current", List.class)).containsExactly(ADD_EMAIL);
		assertThat(json.read("$.heads", List.class)).containsExactly(ADD_EMAIL);
		assertThat(json.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(json.read("$.pending", List.class)).isEmpty();
		assertThat(json.read("$.revisions[*].state", List.class)).containsExactly("APPLIED", "APPLIED");
		HttpResponse<String> every = send("GET", base + "/actuator/migrations/revisions", SecuredShopApplication.OPS);
		assertThat(every.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(every.body()).read("$.revisions[*].revision", List.class))
			.containsExactlyInAnyOrder(CREATE_CUSTOMER, ADD_EMAIL);
		assertThat(send("GET", base + "/actuator/migrations/nope", SecuredShopApplication.OPS).statusCode())
			.isEqualTo(404);

		HttpResponse<String> anonymousHealth = send("GET", base + "/actuator/health", null);
		assertThat(anonymousHealth.statusCode()).isEqualTo(200);
		assertThat(anonymousHealth.body()).doesNotContain("components").doesNotContain(ADD_EMAIL);
		// the probes need no credentials
		HttpResponse<String> readiness = send("GET", base + "/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
		HttpResponse<String> operatorHealth = send("GET", base + "/actuator/health", SecuredShopApplication.OPS);
		DocumentContext health = JsonPath.parse(operatorHealth.body());
		assertThat(health.read("$.components.migrations.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.migrations.details.current", List.class)).containsExactly(ADD_EMAIL);
		assertThat(health.read("$.components.migrations.details.pending", List.class)).isEmpty();
	}

	@Test
	void writesAreRefusedWithCsrfOnAndChangeNothing(TestDatabase database) throws Exception {
		String base = start(database, SecuredShopApplication.SOURCES, "migrations.target=" + CREATE_CUSTOMER,
				"spring.jpa.hibernate.ddl-auto=none");

		HttpResponse<String> anonymousHealth = send("GET", base + "/actuator/health", null);
		assertThat(anonymousHealth.statusCode()).isEqualTo(503);
		assertThat(JsonPath.parse(anonymousHealth.body()).read("$", Map.class)).doesNotContainKeys("components")
			.containsEntry("status", "OUT_OF_SERVICE");
		assertThat(anonymousHealth.body()).doesNotContain(CREATE_CUSTOMER).doesNotContain(ADD_EMAIL);
		HttpResponse<String> readiness = send("GET", base + "/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
		HttpResponse<String> operatorHealth = send("GET", base + "/actuator/health", SecuredShopApplication.OPS);
		assertThat(operatorHealth.statusCode()).isEqualTo(503);
		DocumentContext health = JsonPath.parse(operatorHealth.body());
		assertThat(health.read("$.components.migrations.status", String.class)).isEqualTo("OUT_OF_SERVICE");
		assertThat(health.read("$.components.migrations.details.current", List.class)).containsExactly(CREATE_CUSTOMER);
		assertThat(health.read("$.components.migrations.details.pending", List.class)).containsExactly(ADD_EMAIL);

		// CSRF protection refuses a write without its token before anyone signs in
		for (String method : List.of("POST", "DELETE")) {
			for (String path : List.of("/actuator/migrations", "/actuator/migrations/revisions")) {
				for (String user : Arrays.asList(null, SecuredShopApplication.OPS)) {
					HttpResponse<String> write = send(method, base + path, user);
					assertThat(write.statusCode()).as(method + " " + path + " by " + user).isEqualTo(403);
					assertThat(write.body()).as(method + " " + path + " by " + user).doesNotContain(ADD_EMAIL);
				}
			}
		}
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly(CREATE_CUSTOMER);
		DocumentContext json = JsonPath.parse(send("GET", base + "/actuator/migrations", SecuredShopApplication.OPS).body());
		assertThat(json.read("$.pending", List.class)).containsExactly(ADD_EMAIL);
	}

	@Test
	void theEndpointNamedByItsIdCoversTheTenantsPathsAndHasNoWriteOperation(TestDatabase database) throws Exception {
		String base = start(database,
				new Class<?>[] { ShopApplication.class, SecuredShopApplication.OpsOnlyMigrationsEndpoint.class },
				"migrations.tenants.schemas=t1,t2", "spring.jpa.hibernate.ddl-auto=none");

		for (String path : List.of("/actuator/migrations", "/actuator/migrations/revisions",
				"/actuator/migrations/tenants/t1", "/actuator/migrations/tenants/t9")) {
			assertThat(send("GET", base + path, null).statusCode()).as(path).isEqualTo(401);
			assertThat(send("GET", base + path, SecuredShopApplication.VIEWER).statusCode()).as(path).isEqualTo(403);
		}
		HttpResponse<String> summary = send("GET", base + "/actuator/migrations", SecuredShopApplication.OPS);
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(summary.body()).read("$.tenants.total", Integer.class)).isEqualTo(2);
		HttpResponse<String> one = send("GET", base + "/actuator/migrations/tenants/t1", SecuredShopApplication.OPS);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(one.body()).read("$.current", List.class)).containsExactly(ADD_EMAIL);

		for (String method : List.of("POST", "DELETE")) {
			for (String path : List.of("/actuator/migrations", "/actuator/migrations/tenants/t1")) {
				assertThat(send(method, base + path, SecuredShopApplication.OPS).statusCode()).as(method + " " + path)
					.isEqualTo(405);
			}
		}
		assertThat(Sql.query(database, "SELECT revision FROM t1.migrations_version ORDER BY applied_seq"))
			.containsExactly(CREATE_CUSTOMER, ADD_EMAIL);
		// health is not behind this chain: its details stay hidden from an anonymous caller
		HttpResponse<String> health = send("GET", base + "/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).doesNotContain("components");
	}

	@Test
	void springSecuritysGeneratedUserDoesNotStopTheStarter(TestDatabase database, CapturedOutput output)
			throws Exception {
		String base = start(database, new Class<?>[] { ShopApplication.class });
		Matcher generated = Pattern.compile("Using generated security password: (\\S+)").matcher(output.getOut());
		assertThat(generated.find()).as(output.getOut()).isTrue();

		assertThat(send("GET", base + "/actuator/migrations", null).statusCode()).isEqualTo(401);
		HttpResponse<String> user = send("GET", base + "/actuator/migrations", "user", generated.group(1));
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(user.body()).read("$.current", List.class)).containsExactly(ADD_EMAIL);
	}

	@Test
	void commandModeRunsWithSpringSecurityOnTheClassPath(TestDatabase database) throws Exception {
		// each JVM has this test's class path
		assertThat(ClassUtils.isPresent("org.springframework.security.web.SecurityFilterChain", null)).isTrue();
		JavaProcess.Finished upgrade = run(database, SecuredShopApplication.class, "db", "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.out()).contains("Upgraded to " + ADD_EMAIL + " from base: 2 revisions");

		JavaProcess.Finished current = run(database, SecuredShopApplication.class, "db", "current");
		assertThat(current.exitCode()).as(current.toString()).isZero();
		assertThat(current.out()).contains(ADD_EMAIL + " (head)");

		// the application without a security configuration of its own: Spring Security's generated user
		JavaProcess.Finished generated = run(database, ShopApplication.class, "db", "current");
		assertThat(generated.exitCode()).as(generated.toString()).isZero();
		assertThat(generated.out()).contains(ADD_EMAIL + " (head)");
		assertThat(generated.out() + generated.err()).doesNotContain("security password");
	}

	private String start(TestDatabase database, Class<?>[] sources, String... more) {
		List<String> properties = Apps.with(Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=when-authorized", "management.endpoint.health.roles=OPS",
				"migrations.actuator.status-cache-ttl=0", "migrations.drift.enabled=false");
		ConfigurableApplicationContext context = this.apps.start(sources, true, properties, more);
		return Apps.baseUrl(context);
	}

	private HttpResponse<String> send(String method, String url, String user) throws Exception {
		return send(method, url, user, SecuredShopApplication.PASSWORD);
	}

	private HttpResponse<String> send(String method, String url, String user, String password) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
		request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString("{}"));
		if (!method.equals("GET")) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Runs the words in a JVM of its own with the test database's settings. */
	private JavaProcess.Finished run(TestDatabase database, Class<?> main, String... words) throws Exception {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		for (String setting : Apps.with(Apps.database(database), ShopApplication.DEFAULTS)) {
			args.add("--" + setting);
		}
		try (JavaProcess process = JavaProcess.start(this.directory, main, args)) {
			return process.await();
		}
	}

}
