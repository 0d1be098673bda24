package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands with {@code --tenant} in a JVM of their own, logging as an application does by default (warnings and
 * errors): standard error's first line is the failure's message, the summary is printed once.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantCommandModeProcessTests {

	/** 64 bytes: longer than PostgreSQL keeps, so this tenant fails before anything runs for it. */
	private static final String TOO_LONG = "t_" + "x".repeat(62);

	@TempDir
	Path directory;

	@Test
	void aFailedTenantsMessageIsStandardErrorsFirstLineInTextAndJson(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		Files.createDirectories(revisions);
		Files.writeString(revisions.resolve("7e0d00000001_bulletin.sql"), "-- revision: 7e0d00000001\n-- down_revision: none\n"
				+ "-- message: bulletin\n\n-- upgrade\nCREATE TABLE bulletin (id bigint PRIMARY KEY, title varchar(200) NOT NULL);\n"
				+ "CREATE INDEX ix_bulletin_title ON bulletin (title);\n\n-- downgrade\nDROP TABLE bulletin;\n",
				StandardCharsets.UTF_8);

		Finished upgrade = java(database, revisions, "db", "upgrade", "--tenant", "all");

		assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(2);
		assertThat(upgrade.err().lines().findFirst()).as(upgrade.toString())
			.hasValue("upgrade head failed for 1 of 2 tenant(s): " + TOO_LONG + ". The others are done; fix these, then run"
					+ " it again.");
		assertThat(upgrade.out().split("upgrade head on 2 tenant\\(s\\)", -1)).as(upgrade.toString()).hasSize(2);

		Finished json = java(database, revisions, "db", "check", "--tenant", "all", "--format", "json");

		assertThat(json.exitCode()).as(json.toString()).isEqualTo(2);
		assertThat(json.err().lines().findFirst()).as(json.toString())
			.hasValueSatisfying((line) -> assertThat(line).startsWith("check could not compare 1 of 2 tenant(s): " + TOO_LONG));
		assertThat(json.out().lines().toList()).as(json.toString()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("{\"tenants\":[{\"tenant\":\"t1\",\"status\":\"NONE\""));
	}

	private Finished java(TestDatabase database, Path revisions, String... words) throws IOException, InterruptedException {
		List<String> command = JavaProcess.javaCommand(ShellTestApplication.class);
		command.addAll(Arrays.asList(words));
		command.addAll(ShellSession.connectionArguments(database, revisions));
		command.add("--migrations.tenants.schemas=t1," + TOO_LONG);
		// as an application logs without a logback-test.xml: the test class path's logs everything at INFO
		command.add("--logging.level.root=warn");
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

	record Finished(int exitCode, String out, String err) {
	}

}
