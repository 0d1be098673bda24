package dev.migrations.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample's REST API answers a client's mistakes with a 4xx and a problem detail, never a 500. */
@ExtendWith(TestDatabaseExtension.class)
class SampleRestApiTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void duplicateEmailIsAConflictAndMissingRequiredFieldsAreBadRequests(TestDatabase database) throws Exception {
		// Boot's logging sets system properties (the console threshold) that would outlive this app and change the
		// output of the command-mode apps other tests start in this JVM
		Properties systemProperties = (Properties) System.getProperties().clone();
		// no arguments, which the shell would take for a command
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
			.properties(Map.of("spring.datasource.url", database.jdbcUrl(), "spring.datasource.username", database.username(),
					"spring.datasource.password", (database.password() != null) ? database.password() : "", "server.port", "0",
					"spring.shell.interactive.enabled", "false", "migrations.drift.enabled", "false"))
			.run()) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

			HttpResponse<String> created = post(base + "/contacts", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

			HttpResponse<String> duplicate = post(base + "/contacts", "{\"name\":\"Ada L.\",\"email\":\"ada@example.com\"}");
			assertProblem(duplicate, 409, "A contact with the email ada@example.com exists already");

			assertProblem(post(base + "/contacts", "{\"email\":\"bob@example.com\"}"), 400, "The field 'name' is required");
			assertProblem(post(base + "/bulletins", "{\"description\":\"no title\"}"), 400, "The field 'title' is required");
			assertProblem(post(base + "/deals", "{\"amount\":10}"), 400, "The field 'title' is required");

			HttpResponse<String> contacts = this.http.send(HttpRequest.newBuilder(URI.create(base + "/contacts")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(json.readTree(contacts.body())).hasSize(1);
		}
		finally {
			System.setProperties(systemProperties);
		}
	}

	private HttpResponse<String> post(String uri, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
	}

}
