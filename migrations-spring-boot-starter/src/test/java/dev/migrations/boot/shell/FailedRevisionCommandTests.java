package dev.migrations.boot.shell;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** `db current` on a database where a revision did not complete: what happened, and the stamps that record it. */
@ExtendWith(TestDatabaseExtension.class)
class FailedRevisionCommandTests {

	@TempDir
	java.nio.file.Path revisions;

	@Test
	void currentSaysWhatDidNotCompleteAndHowToRecordIt(TestDatabase database) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		// as a process that died half way through a revision run outside a transaction leaves it
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET state = 'RUNNING' WHERE revision = '2b3c4d5e6f70'");
		}

		Result current = db.run("current");
		assertThat(current.status()).isZero();
		assertThat(current.out()).contains("Recorded as failed: 2b3c4d5e6f70.")
			.contains("  2b3c4d5e6f70 (")
			.contains("is recorded as RUNNING since ")
			.contains("never recorded completion (the process may have died)")
			.contains("`db stamp 2b3c4d5e6f70` if you completed the upgrade, or `db stamp 1a2b3c4d5e6f` if you undid it");
		assertThat(db.run("current", "--format", "json").out()).contains("\"upToDate\":false")
			.contains("\"failed\":[\"2b3c4d5e6f70\"]");

		// what command mode prints for the upgrade's failure: the revision's own advice, last, and no general line
		String described = CommandFailures.describe(catchThrowable(() -> db.migrations().upgrade("head")));
		assertThat(described.lines().toList()).last().asString()
			.isEqualTo("  Finish or undo its upgrade's statements by hand, then run `db stamp 2b3c4d5e6f70` if you completed"
					+ " the upgrade, or `db stamp 1a2b3c4d5e6f` if you undid it.");
		assertThat(described).doesNotContain("record the outcome with the `db stamp` command given above")
			.doesNotContain("start the application");
	}

	@Test
	void checkOnAFailedRevisionSaysToResolveItNotToUpgrade(TestDatabase database) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		// as a CREATE INDEX CONCURRENTLY of a `transactional: false` revision that failed leaves it
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP INDEX ix_bulletin_title");
			statement.execute("UPDATE migrations_version SET state = 'FAILED', error = 'Statement 1 of 1 failed: ERROR: boom'"
					+ " WHERE revision = '2b3c4d5e6f70'");
		}

		Result check = db.run("check");
		assertThat(check.status()).isOne();
		assertThat(check.out()).contains("INDEX_MISSING");
		// `db upgrade` refuses while a revision is recorded as failed: the way on is what `db current` says
		assertThat(check.err()).startsWith("the database differs from the entities, but revision 2b3c4d5e6f70 did not"
				+ " complete, so `db upgrade` refuses to run until it is resolved:")
			.contains("2b3c4d5e6f70 (").contains("is recorded as FAILED")
			.contains("`db stamp 2b3c4d5e6f70` if you completed the upgrade, or `db stamp 1a2b3c4d5e6f` if you undid it")
			.doesNotContain("apply them with `db upgrade`");
	}

	@Test
	void checkNamesAnIndexLeftInvalidByAConcurrentBuildThatDidNotFinish(TestDatabase database) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		assertThat(db.run("check").status()).isZero();
		// as a CREATE INDEX CONCURRENTLY that failed or was killed leaves it, its revision then stamped as applied
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'ix_bulletin_title'::regclass");
		}

		Result check = db.run("check");
		assertThat(check.status()).isOne();
		assertThat(check.lines()).contains("1 difference between the entities and the database:",
				"  INDEX_INVALID  public.bulletin: index public.ix_bulletin_title is INVALID (a CREATE or REINDEX INDEX CONCURRENTLY that"
						+ " did not finish left it so): queries do not use it; once what made the build fail is fixed, rebuild it"
						+ " with `REINDEX INDEX CONCURRENTLY public.ix_bulletin_title;`, or drop it with `DROP INDEX CONCURRENTLY"
						+ " IF EXISTS public.ix_bulletin_title;` and create it again");
		assertThat(check.err()).startsWith("the database has 1 index left INVALID: drop it and run its CREATE INDEX again");
		assertThat(db.run("check", "--format", "json").out()).contains("\"kind\":\"INDEX_INVALID\"");
	}

	@Test
	void currentAsJsonNamesARevisionChangedSinceItWasAppliedAsTheTextDoes(TestDatabase database) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		assertThat(db.run("current", "--format", "json").out()).doesNotContain("\"modified\"");
		// as an applied revision's upgrade edited afterwards leaves it: `db upgrade` refuses until it is resolved
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET checksum = '0000' WHERE revision = '2b3c4d5e6f70'");
		}

		assertThat(db.run("current").out()).contains("Changed since applied: 2b3c4d5e6f70.");
		// the health indicator's field name
		assertThat(db.run("current", "--format", "json").out()).contains("\"modified\":[\"2b3c4d5e6f70\"]");
	}

	@Test
	void historyAsJsonSaysWhatFailedAsTheEndpointDoes(TestDatabase database) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET state = 'FAILED', error = 'Statement 2 of 2 failed: ERROR: boom'"
					+ " WHERE revision = '2b3c4d5e6f70'");
		}
		String history = db.run("history", "--format", "json").out();
		assertThat(history).contains("\"state\":\"FAILED\"").contains("\"error\":\"Statement 2 of 2 failed: ERROR: boom\"");
		// only the failed revision has one
		assertThat(history.split("\"error\"", -1)).hasSize(2);
	}

	@Test
	void stampSaysWhichIncompleteRowsItCleared(TestDatabase database) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET state = 'FAILED' WHERE revision = '2b3c4d5e6f70'");
		}
		Result completed = db.run("stamp", "2b3c4d5e6f70");
		assertThat(completed.status()).isZero();
		assertThat(completed.lines()).containsExactly("Stamped 2b3c4d5e6f70 (was 1a2b3c4d5e6f); no revision was run.",
				"Cleared the incomplete row(s): 2b3c4d5e6f70 (FAILED, now recorded as applied).");

		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET state = 'REVERTING' WHERE revision = '2b3c4d5e6f70'");
		}
		// a downgrade that stopped half-way, completed by hand and stamped as the message says: its changes are not
		// "still there", only the cleared row is named
		Result undone = db.run("stamp", "1a2b3c4d5e6f");
		assertThat(undone.lines()).containsExactly("Stamped 1a2b3c4d5e6f (was 2b3c4d5e6f70); no revision was run.",
				"Cleared the incomplete row(s): 2b3c4d5e6f70 (REVERTING, now un-recorded).");

		// an upgrade that failed and was undone by hand was never recorded as applied: only the cleared row is named
		assertThat(db.run("stamp", "2b3c4d5e6f70").status()).isZero();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET state = 'FAILED' WHERE revision = '2b3c4d5e6f70'");
		}
		assertThat(db.run("stamp", "1a2b3c4d5e6f").lines()).containsExactly(
				"Stamped 1a2b3c4d5e6f (was 1a2b3c4d5e6f); no revision was run.",
				"Cleared the incomplete row(s): 2b3c4d5e6f70 (FAILED, now un-recorded).");
	}

}
