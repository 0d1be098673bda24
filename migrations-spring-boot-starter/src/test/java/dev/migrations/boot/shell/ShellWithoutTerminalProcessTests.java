package dev.migrations.boot.shell;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web application that carries Spring Shell, started as in a container: standard input from
 * {@code /dev/null}, no terminal, Spring properties as arguments. It must start and stay up, ready for
 * traffic, with or without Spring Shell's console enabled.
 */
@ExtendWith(TestDatabaseExtension.class)
class ShellWithoutTerminalProcessTests {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	@TempDir
	Path directory;

	@Test
	void startsAndStaysReadyWithoutATerminal(TestDatabase database) throws Exception {
		assertStaysReady(database);
	}

	@Test
	void propertiesGivenAsArgumentsAreNotRunAsAShellCommand(TestDatabase database) throws Exception {
		assertStaysReady(database, "--spring.shell.interactive.enabled=false");
	}

	private void assertStaysReady(TestDatabase database, String... more) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		List<String> args = new ArrayList<>(ShellSession.connectionArguments(database, revisions));
		args.add("--server.port=0");
		args.add("--management.endpoint.health.probes.enabled=true");
		args.add("--migrations.drift.enabled=false");
		args.addAll(Arrays.asList(more));
		try (JavaProcess app = JavaProcess.start(this.directory.resolve("runs"), ShellTestApplication.class, args)) {
			String port = app.awaitOutput(PORT);
			assertThat(port).as("the application ended before its web server started:\n" + app.out() + app.err()).isNotNull();
			// Ready for traffic comes after the application runners: a runner that ends the application, or
			// fails on an argument, never gets there.
			assertThat(awaitReadiness(app, "http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.as(() -> output(app))
				.isEqualTo(200);
			assertThat(app.isAlive()).as(() -> output(app)).isTrue();
			assertThat(app.out() + app.err()).doesNotContain("CommandNotFoundException")
				.doesNotContain("arguments will be ignored")
				.doesNotContain("dumb terminal");
		}
	}

	/** The status of the readiness probe once it answers 200, or the last one when the application ended. */
	private static int awaitReadiness(JavaProcess app, String url) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		int status = -1;
		while (System.nanoTime() < deadline && app.isAlive()) {
			try {
				status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status == 200) {
					return status;
				}
			}
			catch (IOException ex) {
				// not listening yet, or gone: the loop looks at the process again
			}
			// poll again shortly; the deadline, not this pause, bounds the wait
			TimeUnit.MILLISECONDS.sleep(200);
		}
		return status;
	}

	private static String output(JavaProcess app) {
		try {
			return app.out() + app.err();
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
