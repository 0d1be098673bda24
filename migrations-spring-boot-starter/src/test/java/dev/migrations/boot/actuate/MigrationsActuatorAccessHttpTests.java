package dev.migrations.boot.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Actuator's own access settings do to the migrations endpoint and health indicator over HTTP, as for Boot's
 * other endpoints: {@code show-details=when-authorized} with roles hides the details (pending, failed, drift) from an
 * anonymous caller and shows them to a user in the role on {@code /actuator/health}, while the readiness probe group
 * the indicator joins answers its status only, to anyone, as Boot's probe groups do; {@code management.endpoint.migrations.access} makes the endpoint read-only (it has no write
 * operation) or removes it. The user comes from the servlet request ({@code getUserPrincipal()},
 * {@code isUserInRole}), as a servlet container's security or Spring Security sets it.
 */
class MigrationsActuatorAccessHttpTests {

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
	void healthDetailsWhenAuthorizedAreShownOnlyToAUserInTheRole() throws Exception {
		String base = start("migrations.target=5a1e00000001", "management.endpoint.health.show-details=when-authorized",
				"management.endpoint.health.roles=OPS", "management.endpoint.health.probes.enabled=true",
				"migrations.drift.enabled=false");
		for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
			HttpResponse<String> anonymous = get(base + path, null);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(503);
			assertThat(JsonPath.parse(anonymous.body()).read("$", Map.class)).as(path)
				.doesNotContainKeys("components", "details")
				.containsEntry("status", "OUT_OF_SERVICE");
			assertThat(anonymous.body()).as(path).doesNotContain(SECOND);

			HttpResponse<String> notInTheRole = get(base + path, "VIEWER");
			assertThat(notInTheRole.statusCode()).as(path).isEqualTo(503);
			assertThat(notInTheRole.body()).as(path).doesNotContain(SECOND).doesNotContain("components");

		}
		HttpResponse<String> operator = get(base + "/actuator/health", "OPS");
		assertThat(operator.statusCode()).isEqualTo(503);
		DocumentContext json = JsonPath.parse(operator.body());
		assertThat(json.read("$.components.migrations.status", String.class)).isEqualTo("OUT_OF_SERVICE");
		assertThat(json.read("$.components.migrations.details.pending", List.class)).containsExactly(SECOND);
		// Boot's readiness probe group shows its status only, to anyone, as for its own members
		HttpResponse<String> probe = get(base + "/actuator/health/readiness", "OPS");
		assertThat(probe.statusCode()).isEqualTo(503);
		assertThat(probe.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
	}

	@Test
	void theEndpointsAccessIsActuatorsAsForAnyEndpoint() throws Exception {
		String readOnly = start("management.endpoint.migrations.access=read-only", "migrations.drift.enabled=false");
		assertThat(get(readOnly + "/actuator/migrations", null).statusCode()).isEqualTo(200);
		assertThat(get(readOnly + "/actuator/migrations/revisions", null).statusCode()).isEqualTo(200);

		String none = start("management.endpoint.migrations.access=none", "migrations.drift.enabled=false");
		assertThat(get(none + "/actuator/migrations", null).statusCode()).isEqualTo(404);
		assertThat(get(none + "/actuator/migrations/revisions", null).statusCode()).isEqualTo(404);
		// the health indicator is not the endpoint: it still answers
		HttpResponse<String> health = get(none + "/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(health.body()).read("$.components.migrations.status", String.class)).isEqualTo("UP");

		String defaultsNone = start("management.endpoints.access.default=none", "management.endpoint.health.access=read-only",
				"migrations.drift.enabled=false");
		assertThat(get(defaultsNone + "/actuator/migrations", null).statusCode()).isEqualTo(404);
		assertThat(get(defaultsNone + "/actuator/health", null).statusCode()).isEqualTo(200);
	}

	private String start(String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + this.database.jdbcUrl(),
				"spring.datasource.username=" + this.database.username(),
				"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
				"spring.jpa.hibernate.ddl-auto=none", "spring.jpa.open-in-view=false", "spring.main.banner-mode=off",
				"spring.shell.interactive.enabled=false", "server.port=0", "server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=migrations,health",
				"management.endpoint.health.show-details=always", "migrations.locations=classpath:db/library",
				"spring.autoconfigure.exclude=org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SecuredApplication.class)
			.properties(all.toArray(String[]::new))
			.run();
		this.applications.add(context);
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private HttpResponse<String> get(String url, String role) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET();
		if (role != null) {
			request.header(SecuredApplication.ROLE_HEADER, role);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = dev.migrations.boot.entities.library.LibraryMember.class)
	static class SecuredApplication {

		static final String ROLE_HEADER = "X-Test-Role";

		/** A signed-in user with the role the header names, as a container's authentication sets one. */
		@Bean
		Filter signedInUser() {
			return (request, response, chain) -> {
				String role = (request instanceof HttpServletRequest http) ? http.getHeader(ROLE_HEADER) : null;
				if (role == null) {
					chain.doFilter(request, response);
					return;
				}
				Principal user = () -> "operator";
				chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {

					@Override
					public Principal getUserPrincipal() {
						return user;
					}

					@Override
					public boolean isUserInRole(String name) {
						return role.equals(name);
					}

				}, response);
			};
		}

	}

}
