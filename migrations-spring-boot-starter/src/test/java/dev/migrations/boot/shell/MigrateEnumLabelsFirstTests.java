package dev.migrations.boot.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.migrations.Migrations;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db migrate} of a change that uses a new enum label writes two revisions, the labels first, and
 * names both files.
 */
@ExtendWith(TestDatabaseExtension.class)
class MigrateEnumLabelsFirstTests {

	@TempDir
	Path revisions;

	@Test
	void bothFilesAreNamedTheLabelsFirst(TestDatabase database) throws IOException {
		Migrations v1 = migrations(database, dev.migrations.boot.shell.enumsplit.v1.Ticket.class);
		assertThat(v1.migrate("create tickets").written()).isTrue();
		v1.reload();
		v1.upgrade("head");
		Set<Path> before = files();

		Migrations v2 = migrations(database, dev.migrations.boot.shell.enumsplit.v2.Ticket.class);
		DbCommands commands = new DbCommands(() -> v2, new ProgressPrinter(), (name) -> null);
		DbCommandLine commandLine = new DbCommandLine(List.of(commands.migrate(), commands.upgrade(), commands.check()),
				DbCommand::describe);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = commandLine.run(List.of("db", "migrate", "-m", "urgent tickets"), new PrintWriter(out),
				new PrintWriter(err), null);

		assertThat(status).as(err.toString()).isZero();
		List<Path> written = files().stream().filter((file) -> !before.contains(file)).sorted().toList();
		assertThat(written).hasSize(2);
		Path labels = written.stream().filter((file) -> read(file).contains("ADD VALUE")).findFirst().orElseThrow();
		Path change = written.stream().filter((file) -> !file.equals(labels)).findFirst().orElseThrow();
		List<String> lines = out.toString().lines().toList();
		assertThat(lines.get(0)).isEqualTo("Wrote " + labels + " (revision " + DbCommandsTests.idOf(labels)
				+ ": the new enum labels, applied first in a revision of their own):");
		// each operation is listed under the file that holds it
		assertThat(lines.get(1)).startsWith("  add value '");
		int changeLine = lines.indexOf("Wrote " + change + " (revision " + DbCommandsTests.idOf(change) + "):");
		assertThat(changeLine).isPositive();
		assertThat(lines.subList(changeLine, lines.size())).noneMatch((line) -> line.startsWith("  add value '"));
		assertThat(read(change)).contains("-- down_revision: " + DbCommandsTests.idOf(labels));

		v2.reload();
		assertThat(commandLine.run(List.of("db", "upgrade"), new PrintWriter(new StringWriter()), new PrintWriter(err),
				null)).as(err.toString()).isZero();
		assertThat(commandLine.run(List.of("db", "check"), new PrintWriter(new StringWriter()), new PrintWriter(err),
				null)).as(err.toString()).isZero();
	}

	private Migrations migrations(TestDatabase database, Class<?> entity) {
		return Migrations.configure()
			.dataSource(database.dataSource())
			.locations("filesystem:" + this.revisions)
			.outputDirectory(this.revisions)
			.entities(EntitySource.of(entity))
			.load();
	}

	private Set<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.revisions)) {
			return Set.copyOf(files.toList());
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
