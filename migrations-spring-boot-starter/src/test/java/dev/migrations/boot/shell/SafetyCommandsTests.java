package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrations.boot.shell.ShellTestRevisions.CREATE;
import static dev.migrations.boot.shell.ShellTestRevisions.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db lint}, {@code db rehearse}, {@code db upgrade --rehearse} and {@code db migrate --online},
 * run as command mode runs them, on a fresh PostgreSQL database.
 */
@ExtendWith(TestDatabaseExtension.class)
class SafetyCommandsTests {

	@TempDir
	Path revisions;

	@Test
	void lintExitsWithOneOnErrorsAndNamesRuleRevisionLineAndSafeForm(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		ShellTestRevisions.write(this.revisions, "3c4d5e6f7081_concurrent_index.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 2b3c4d5e6f70
				-- message: concurrent index

				-- upgrade
				CREATE INDEX CONCURRENTLY ix_bulletin_id_title ON bulletin (id, title);

				-- downgrade
				DROP INDEX ix_bulletin_id_title;
				""");
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		db.run("upgrade", INDEX);

		Result lint = db.run("lint");
		assertThat(lint.status()).isEqualTo(1);
		assertThat(lint.out()).containsPattern(
				"3c4d5e6f7081_concurrent_index\\.sql:6: error \\[concurrently-in-transaction] in revision 3c4d5e6f7081\n")
			.contains("  Why: ", "  Safe: ")
			.contains("Lint failed");
		assertThat(lint.err()).startsWith("lint found 1 error(s)");

		Result applied = db.run("lint", CREATE);
		assertThat(applied.status()).as(applied.out()).isZero();
		assertThat(applied.out()).contains("Linted 1 revision (1 statement): 0 errors");

		assertThat(db.run("lint", "--all").out()).contains("Linted 3 revisions");
		assertThat(db.run("lint", "--all", CREATE).status()).isEqualTo(2);
	}

	@Test
	void rehearseReportsEachStatementAndLeavesNothingBehind(TestDatabase database) throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		// the copy (CREATE DATABASE ... TEMPLATE) refuses while an idle session of the test is on the database
		database.newSessionForEachConnection();

		Result copy = db.run("upgrade", "--rehearse");
		assertThat(copy.status()).as(copy.err()).isZero();
		assertThat(copy.out()).startsWith("Rehearsed 2 revisions (2 statements) up to head on ")
			.contains("1a2b3c4d5e6f create bulletin (one transaction)", "  [1] line 6, ",
					"CREATE INDEX ix_bulletin_title ON bulletin (title)", "SHARE on table ")
			.contains("The rehearsal ran every statement; nothing was kept.");
		assertThat(DbCommandsTests.tables(database)).doesNotContain("bulletin");
		assertThat(rehearsalCopies(database)).isEmpty();

		Result rollback = db.run("rehearse", "+1", "--rollback");
		assertThat(rollback.status()).as(rollback.err()).isZero();
		assertThat(rollback.out()).contains("in a transaction that was rolled back").contains("create bulletin")
			.doesNotContain("index bulletin titles");
		assertThat(DbCommandsTests.tables(database)).doesNotContain("bulletin");
		assertThat(db.run("current").lines()).first().isEqualTo("No revision is applied: the database is at base.");

		ShellTestRevisions.write(this.revisions, "3c4d5e6f7081_broken.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 2b3c4d5e6f70
				-- message: broken

				-- upgrade
				ALTER TABLE bulletin ADD COLUMN body text;
				ALTER TABLE nowhere ADD COLUMN body text;

				-- downgrade
				""");
		db.migrations().reload();
		Result failed = db.run("rehearse");
		assertThat(failed.status()).isEqualTo(2);
		assertThat(failed.out()).as(failed.err()).contains("FAILED: ").contains("nowhere");
		assertThat(failed.err()).startsWith("the rehearsal failed: the upgrade to head would fail at the statement marked"
				+ " FAILED");
		assertThat(DbCommandsTests.tables(database)).doesNotContain("bulletin");
		assertThat(rehearsalCopies(database)).isEmpty();

		Result failedInRollback = db.run("rehearse", "--rollback");
		assertThat(failedInRollback.status()).isEqualTo(2);
		assertThat(failedInRollback.out()).as(failedInRollback.err()).contains("in a transaction that was rolled back",
				"FAILED: ", "nowhere");
		assertThat(DbCommandsTests.tables(database)).doesNotContain("bulletin");
	}

	@Test
	void migrateOnlineWritesTheChainAndNamesEveryFile(TestDatabase database) throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		Files.delete(this.revisions.resolve(INDEX + "_index_bulletin_titles.sql"));
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		db.migrations().reload();
		db.run("upgrade");

		Result online = db.run("migrate", "-m", "index titles", "--online");
		assertThat(online.status()).as(online.err()).isZero();
		List<Path> written = newFiles();
		assertThat(written).isNotEmpty();
		assertThat(online.lines().get(0)).isEqualTo("Wrote " + written.size()
				+ (written.size() == 1 ? " revision" : " revisions") + " in the online form, run in this order:");
		for (Path file : written) {
			assertThat(online.out()).contains("  " + file + " (revision " + DbCommandsTests.idOf(file));
		}
		String all = String.join("\n", written.stream().map(SafetyCommandsTests::read).toList());
		assertThat(all).contains("CREATE INDEX CONCURRENTLY", "-- transactional: false");

		assertThat(db.run("upgrade").status()).isZero();
		assertThat(db.run("check").status()).isZero();
	}

	@Test
	void migratePrintsTheLintFindingsOfTheRevisionItWrote(TestDatabase database) throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		Files.delete(this.revisions.resolve(INDEX + "_index_bulletin_titles.sql"));
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		db.migrations().reload();
		db.run("upgrade");

		Result plain = db.run("migrate", "-m", "index titles");
		assertThat(plain.status()).as(plain.err()).isZero();
		Path file = newFiles().get(0);
		assertThat(plain.out()).contains("Review the file, then apply it with `db upgrade`.\n\nLint of the new revision:\n")
			.contains(file.getFileName() + ":")
			.contains("[index-without-concurrently] in revision " + DbCommandsTests.idOf(file));
	}

	private List<Path> newFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.revisions)) {
			return files.filter((file) -> !file.getFileName().toString().startsWith(CREATE)).sorted().toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The copies rehearsals left on the server, by name. */
	static List<String> rehearsalCopies(TestDatabase database) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
						+ database.name() + "_rehearsal_%'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

}
