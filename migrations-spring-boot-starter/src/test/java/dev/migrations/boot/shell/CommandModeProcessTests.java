package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java ... ShellTestApplication db check} as CI would run it: a JVM of its own that ends with
 * the command's status.
 */
@ExtendWith(TestDatabaseExtension.class)
class CommandModeProcessTests {

	@TempDir
	Path directory;

	@Test
	void theJvmEndsWithTheStatusOfTheCommand(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);

		Finished upgrade = java(database, revisions, "db", "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.out()).containsPattern("Upgraded to 2b3c4d5e6f70 from base: 2 revisions in \\d+ ms\\.");

		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP INDEX ix_bulletin_title");
		}
		Finished check = java(database, revisions, "db", "check");
		assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
		assertThat(check.out()).contains("  INDEX_MISSING  bulletin: the database lacks index ix_bulletin_title on (title)");
		assertThat(check.err()).contains("the database differs from the entities");

		Finished json = java(database, revisions, "db", "check", "--format", "json");
		assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
		// one line of JSON on standard output; the log (this test class path's logback-test.xml logs at INFO) goes to
		// standard error
		List<String> lines = json.out().lines().toList();
		assertThat(lines).hasSize(1);
		assertThat(json.err().lines()).anyMatch((line) -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d+ .*"));
		JsonNode drift = JsonMapper.builder().build().readTree(lines.get(0));
		assertThat(drift.get("status").asString()).isEqualTo("DETECTED");
		assertThat(drift.get("differences").get(0).get("kind").asString()).isEqualTo("INDEX_MISSING");
	}

	@Test
	void standardOutputOfAScriptIsTheScriptAlone(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);

		Finished script = java(database, revisions, "db", "upgrade", "--sql", "--spring.main.banner-mode=console");
		assertThat(script.exitCode()).as(script.toString()).isZero();
		// what psql -f would read: SQL and comments only; the banner and the log are on standard error
		assertThat(script.out().lines().filter((line) -> !line.isBlank())).isNotEmpty()
			.allMatch((line) -> line.startsWith("--") || line.matches("^[A-Z(\\s].*|^\\);?$|^.*;$|^\\s.*"), "SQL");
		assertThat(script.out()).contains("CREATE TABLE bulletin").doesNotContain(" INFO ").doesNotContain(":: Spring Boot ::");
		assertThat(script.err()).contains(":: Spring Boot ::");
	}

	@Test
	void aCommandInAnApplicationWithMigrationsTurnedOffIsAFailureNotAStartup(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);

		Finished check = java(database, revisions, "db", "check", "--migrations.enabled=false");
		assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
		assertThat(check.err()).startsWith("`db check` was not run: migrations.enabled=false turns the db commands off");
		assertThat(check.out()).isEmpty();
	}

	private Finished java(TestDatabase database, Path revisions, String... words)
			throws IOException, InterruptedException, SQLException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ShellTestApplication.class.getName());
		command.addAll(Arrays.asList(words));
		command.addAll(ShellSession.connectionArguments(database, revisions));
		Path out = Files.createTempFile(this.directory, "out", ".txt");
		Path err = Files.createTempFile(this.directory, "err", ".txt");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("`" + String.join(" ", words) + "` did not end within 5 minutes:\n" + Files.readString(out)
					+ Files.readString(err));
		}
		return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	/**
	 * A JVM that ended.
	 *
	 * @param exitCode its exit status
	 * @param out its standard output
	 * @param err its standard error
	 */
	record Finished(int exitCode, String out, String err) {
	}

}
