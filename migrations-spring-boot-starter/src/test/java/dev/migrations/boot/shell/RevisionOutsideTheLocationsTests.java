package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrations.Migrations;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db revision} writing to a directory the revisions are not read from (the application's jar reads its
 * class path; the command runs elsewhere): it says which revision the new one is on top of, and refuses when
 * the directory already holds a revision the history read does not, which the new one would fork from.
 */
@ExtendWith(TestDatabaseExtension.class)
class RevisionOutsideTheLocationsTests {

	@TempDir
	Path directory;

	@Test
	void theParentIsTheFilesAndAnEarlierUnreadRevisionIsWarnedAbout(TestDatabase database) throws Exception {
		Path read = Files.createDirectories(this.directory.resolve("read"));
		Path written = Files.createDirectories(this.directory.resolve("written"));
		ShellTestRevisions.write(read, "571f42eb7339_create.sql",
				"-- revision: 571f42eb7339\n-- down_revision: none\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n");
		Migrations migrations = Migrations.configure()
			.dataSource(database.dataSource())
			.locations("filesystem:" + read)
			.outputDirectory(written)
			.load();
		DbCommands commands = new DbCommands(() -> migrations, new ProgressPrinter(), Map.<String, String>of()::get);
		DbCommandLine commandLine = new DbCommandLine(List.of(commands.revision()), DbCommand::describe);

		StringWriter first = new StringWriter();
		assertThat(commandLine.run(List.of("db", "revision", "-m", "one", "--rev-id", "aaaa00000001"),
				new PrintWriter(first), new PrintWriter(new StringWriter()), null)).isZero();
		assertThat(first.toString()).contains("(revision aaaa00000001 on top of 571f42eb7339)")
			.doesNotContain("Warning:");

		// a second one would not follow the first, which the history read does not include: refused, nothing written
		StringWriter second = new StringWriter();
		StringWriter secondErr = new StringWriter();
		assertThat(commandLine.run(List.of("db", "revision", "-m", "two", "--rev-id", "bbbb00000002"),
				new PrintWriter(second), new PrintWriter(secondErr), null)).isEqualTo(2);
		assertThat(secondErr.toString()).startsWith(written + " holds 1 revision file(s) this application did not read"
				+ " (aaaa00000001_one.sql)");
		try (Stream<Path> files = Files.list(written)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("aaaa00000001_one.sql");
		}
	}

}
