package dev.migrations.boot.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrations.boot.shell.ShellTestRevisions.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web application with Spring Shell's console, started in a terminal as a developer starts it (a
 * pseudo-terminal made by {@code script}): it becomes ready for traffic and checks drift while the
 * console is open, the console edits lines, recalls history and completes with TAB, and {@code exit}
 * ends the application.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(TestDatabaseExtension.class)
class ShellConsoleProcessTests {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final String PROMPT = "shell:>";

	private static final String HEADS = INDEX + " (head) index bulletin titles";

	private static final long MINUTES = 5;

	@TempDir
	Path directory;

	@Test
	void theApplicationIsReadyAndChecksDriftWhileTheConsoleIsOpenAndExitEndsIt(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		List<String> command = JavaProcess.javaCommand(ShellTestApplication.class);
		command.addAll(ShellSession.connectionArguments(database, revisions));
		command.add("--server.port=0");
		command.add("--management.endpoint.health.probes.enabled=true");
		command.add("--management.endpoints.web.exposure.include=health,migrations");
		command.add("--spring.shell.history.name=" + this.directory.resolve("history.log"));
		Path output = this.directory.resolve("terminal.txt");
		// script runs the command with a pseudo-terminal as its standard input and output, of the size a
		// window would give it (without one it has no columns)
		ProcessBuilder terminal = new ProcessBuilder("script", "-qfec", "stty cols 120 rows 40; exec " + shellCommand(command),
				"/dev/null");
		terminal.environment().put("TERM", "xterm");
		Process process = terminal.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try (OutputStream keyboard = process.getOutputStream()) {
			String port = await(process, output, PORT);
			String base = "http://127.0.0.1:" + port;
			awaitText(process, output, (text) -> text.contains(PROMPT), "the console's prompt");

			HttpResponse<String> readiness = awaitAnswer(process, base + "/actuator/health/readiness",
					(r) -> r.statusCode() == 200);
			assertThat((readiness != null) ? readiness.statusCode() : -1).as("readiness while the console is open")
				.isEqualTo(200);
			HttpResponse<String> migrations = awaitAnswer(process, base + "/actuator/migrations",
					(r) -> r.statusCode() == 200 && !r.body().contains("Not checked yet"));
			assertThat((migrations != null) ? migrations.body() : "no answer").as("the drift report while the console is open")
				.contains("drift")
				.doesNotContain("Not checked yet");

			// TAB completes the command's name
			type(keyboard, "db hea\t\r");
			awaitText(process, output, (text) -> count(text, HEADS) >= 1 && text.lastIndexOf(PROMPT) > text.indexOf(HEADS),
					"the heads, then the prompt again");
			// Up recalls the line before, which Enter runs again; the keys send ESC O A, as a terminal does once the
			// console switched it to application cursor keys (ESC [ ? 1 h)
			type(keyboard, "\u001bOA\r");
			awaitText(process, output, (text) -> count(text, HEADS) >= 2 && text.lastIndexOf(PROMPT) > text.lastIndexOf(HEADS),
					"the heads a second time");
			assertThat(Files.readString(output)).doesNotContain("^[[A").doesNotContain("^[OA").doesNotContain("Command db hea")
				.doesNotContain("not found");

			type(keyboard, "exit\r");
			assertThat(process.waitFor(MINUTES, TimeUnit.MINUTES)).as(() -> "the application did not end after `exit`:\n"
					+ read(output)).isTrue();
			assertThat(process.exitValue()).as(() -> read(output)).isZero();
		}
		finally {
			if (process.isAlive()) {
				process.descendants().forEach(ProcessHandle::destroy);
				process.destroy();
				process.waitFor(2, TimeUnit.MINUTES);
			}
		}
	}

	private static void type(OutputStream keyboard, String keys) throws IOException {
		keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
		keyboard.flush();
	}

	private static String shellCommand(List<String> command) {
		StringBuilder line = new StringBuilder();
		for (String word : command) {
			line.append(line.isEmpty() ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
		}
		return line.toString();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private static String await(Process process, Path output, Pattern pattern) throws Exception {
		String text = awaitText(process, output, (t) -> pattern.matcher(t).find(), pattern.pattern());
		Matcher matcher = pattern.matcher(text);
		matcher.find();
		return matcher.group(1);
	}

	/** Waits, for minutes, until the terminal shows what is expected; fails when the application ended first. */
	private static String awaitText(Process process, Path output, Predicate<String> expected, String what)
			throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MINUTES);
		while (System.nanoTime() < deadline) {
			boolean ended = !process.isAlive();
			String text = read(output);
			if (expected.test(text)) {
				return text;
			}
			assertThat(ended).as(() -> "the application ended before " + what + ":\n" + text).isFalse();
			process.waitFor(200, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("No " + what + " within " + MINUTES + " minutes:\n" + read(output));
	}

	/** Asks until the answer is the expected one, for minutes; the last answer otherwise. */
	private static HttpResponse<String> awaitAnswer(Process process, String url, Predicate<HttpResponse<String>> expected)
			throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MINUTES);
		HttpResponse<String> last = null;
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				last = client.send(request, HttpResponse.BodyHandlers.ofString());
				if (expected.test(last)) {
					return last;
				}
			}
			catch (IOException ex) {
				// not listening yet: asked again
			}
			// poll again shortly; the deadline, not this pause, bounds the wait
			process.waitFor(200, TimeUnit.MILLISECONDS);
		}
		return last;
	}

	private static String read(Path output) {
		try {
			return Files.readString(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
