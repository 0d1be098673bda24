package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code db squash} in command mode: what it prints, its exit status, and how history shows the squash. */
@ExtendWith(TestDatabaseExtension.class)
class SquashCommandTests {

	@TempDir
	Path revisions;

	@Test
	void squashWritesTheRevisionAndHistoryShowsWhatItReplaces(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		ShellTestRevisions.write(this.revisions, "3c4d5e6f7081_bulletin_status.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 2b3c4d5e6f70
				-- message: bulletin status

				-- upgrade
				ALTER TABLE bulletin ADD COLUMN status varchar(20);

				-- downgrade
				ALTER TABLE bulletin DROP COLUMN status;
				""");
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade", "2b3c").status()).isZero();

		Result squash = db.run("squash", "2b3c", "-m", "squash the start");
		assertThat(squash.status()).as(squash.err()).isZero();
		assertThat(squash.lines().get(0)).startsWith("Wrote ").endsWith("(revision " + squashId(db)
				+ ", replacing the 2 revisions up to 2b3c4d5e6f70: 1 tables; checked against the schema they build).");

		assertThat(db.run("current").out()).contains(squashId(db));
		assertThat(db.run("history").lines()).containsExactly(squashId(db) + " -> 3c4d5e6f7081 (head), bulletin status [pending]",
				"<base> -> " + squashId(db) + " (squash of 2 up to 2b3c4d5e6f70), squash the start [applied]");
		assertThat(db.run("upgrade").status()).isZero();
		assertThat(db.run("show", squashId(db)).out()).contains("Replaces:   2 revisions, 1a2b3c4d5e6f to 2b3c4d5e6f70 (squash)");
	}

	@Test
	void aDatabaseInTheMiddleOfTheSquashedHistoryIsShownOnItsWayToTheSquash(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade", "1a2b").status()).isZero();
		assertThat(db.run("squash", "2b3c", "-m", "squash the start").status()).isZero();
		String squash = squashId(db);

		Result current = db.run("current");
		assertThat(current.status()).isZero();
		assertThat(current.lines()).containsExactly("1a2b3c4d5e6f create bulletin (replaced by squash " + squash + ")",
				// the squash is recorded in place of the replaced rows, not run: not pending
				"1 revision(s) pending: 2b3c4d5e6f70. Run `db upgrade`.");
		assertThat(db.run("history").lines()).containsExactly(
				"<base> -> " + squash + " (head) (squash of 2 up to 2b3c4d5e6f70), squash the start [pending]",
				"1a2b3c4d5e6f -> 2b3c4d5e6f70 (replaced by squash " + squash + "), index bulletin titles [pending]",
				"<base> -> 1a2b3c4d5e6f (replaced by squash " + squash + "), create bulletin [applied]");

		assertThat(db.run("upgrade").status()).isZero();
		assertThat(db.run("current").lines()).containsExactly(squash + " (head) squash the start");
	}

	@Test
	void aHistoryThatCannotBeSquashedExitsWithTwoAndSaysWhy(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		Result squash = db.run("squash", "1a2b");
		assertThat(squash.status()).isEqualTo(2);
		assertThat(squash.err()).startsWith("Nothing to squash: 1a2b3c4d5e6f");
		assertThat(db.run("squash").status()).isEqualTo(2);
	}

	private static String squashId(CommandLineRun db) {
		return db.migrations().graph().bases().get(0);
	}

}
