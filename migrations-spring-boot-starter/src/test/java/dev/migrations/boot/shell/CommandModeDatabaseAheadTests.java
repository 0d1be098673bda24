package dev.migrations.boot.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.migrations.boot.shell.ShellTestRevisions.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The previous release's jar in command mode against a database a newer release upgraded (a rolling deploy,
 * or a roll-back of the deploy): the newer release's revision file is removed from the revisions after it was
 * applied, as the previous release's jar does not have it.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class CommandModeDatabaseAheadTests {

	@TempDir
	Path revisions;

	private TestDatabase database;

	private CapturedOutput output;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) {
		this.database = database;
		this.output = output;
	}

	@Test
	void aDowngradeThroughANewerReleasesRevisionsIsRefusedNamingTheReleaseToRunItWithAndTheTarget() throws Exception {
		// the newer release upgraded the database; the deploy is rolled back and the older release's jar is at hand
		ShellTestRevisions.writeBulletin(this.revisions);
		run("db", "upgrade");
		Path newer = this.revisions.resolve(ShellTestRevisions.INDEX + "_index_bulletin_titles.sql");
		String newerText = Files.readString(newer);
		Files.delete(newer);

		Run older = run("db", "downgrade", "-1");
		assertThat(older.exitCode()).isEqualTo(2);
		assertThat(older.err()).startsWith("Cannot downgrade with this code: the database has revision "
				+ ShellTestRevisions.INDEX + " applied, which is not among this code's revisions (a newer release applied"
				+ " it), so it has no downgrade for it. Nothing was run.")
			.contains("    java -jar <the newer release>.jar db downgrade " + CREATE + "\n")
			.doesNotContain("Deploy the version");
		assertThat(appliedRevisions()).containsExactly(CREATE, ShellTestRevisions.INDEX);

		// the way the message gives: the newer release (its files) downgrades, then the older one runs
		Files.writeString(newer, newerText);
		assertThat(run("db", "downgrade", CREATE).exitCode()).isZero();
		Files.delete(newer);
		assertThat(run("db", "current").out()).contains(CREATE + " (head) create bulletin\n");
		assertThat(appliedRevisions()).containsExactly(CREATE);
	}

	@Test
	void theOlderReleasesUpgradeOnADatabaseAheadHasNothingToDoAsItsStartupUnlessFailOnDatabaseAhead() throws Exception {
		// a roll-back of the deploy runs the older release's upgrade job against the database the newer one upgraded
		ShellTestRevisions.writeBulletin(this.revisions);
		run("db", "upgrade");
		Files.delete(this.revisions.resolve(ShellTestRevisions.INDEX + "_index_bulletin_titles.sql"));

		Run upgrade = run("db", "upgrade");
		assertThat(upgrade.exitCode()).isZero();
		assertThat(upgrade.out()).contains("Nothing to upgrade: the database is ahead of this code, with revision "
				+ ShellTestRevisions.INDEX + " applied, which is not among its revisions (a newer release upgraded it); every"
				+ " revision of this code is applied. To go back to this code's head, run `db downgrade " + CREATE + "` with"
				+ " the release that has it.");
		Run current = run("db", "current");
		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).contains("Applied but without a revision file: " + ShellTestRevisions.INDEX + ". The"
				+ " database is ahead of this code (a newer release upgraded it; every revision of this code is applied)");
		assertThat(run("db", "current", "--format", "json").out())
			.contains("\"pending\":[],\"missing\":[\"" + ShellTestRevisions.INDEX + "\"]}");
		Run downgradeScript = run("db", "downgrade", CREATE, "--sql");
		assertThat(downgradeScript.exitCode()).isEqualTo(2);
		assertThat(downgradeScript.err()).startsWith("Cannot downgrade with this code: the database has revision "
				+ ShellTestRevisions.INDEX + " applied");
		// what the newer release's revision did, as `db check` with this code sees it
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE bulletin ADD COLUMN summary text");
		}
		Run check = run("db", "check");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.err()).startsWith("the database differs from the entities, but it is ahead of this code: it has "
				+ ShellTestRevisions.INDEX + " applied, which this code has no file for").doesNotContain("db migrate");
		Run upgradeScript = run("db", "upgrade", "--sql");
		assertThat(upgradeScript.exitCode()).isZero();
		assertThat(upgradeScript.out()).endsWith("-- Nothing to upgrade: the database is ahead of this code, with revision "
				+ ShellTestRevisions.INDEX + " applied, which is not among its revisions (a newer release upgraded it); every"
				+ " revision of this code is applied. To go back to this code's head, run `db downgrade " + CREATE + "` with"
				+ " the release that has it.\n");
		Run refused = run("db", "upgrade", "--migrations.fail-on-database-ahead=true");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).startsWith("the database has revision " + ShellTestRevisions.INDEX + " applied, which is"
				+ " not among this code's revisions: the database is ahead of this code");
		assertThat(appliedRevisions()).containsExactly(CREATE, ShellTestRevisions.INDEX);
	}

	@Test
	void aRevisionOfThisCodeChangedAfterItWasAppliedIsToldAsSuchOnADatabaseAheadAndNoStampUnrecordsTheNewerOnes()
			throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		run("db", "upgrade");
		Path newer = this.revisions.resolve(ShellTestRevisions.INDEX + "_index_bulletin_titles.sql");
		String newerText = Files.readString(newer);
		Files.delete(newer);
		// this release's own revision edited after it ran: the database lacks what the edit adds
		Path create = this.revisions.resolve(CREATE + "_create_bulletin.sql");
		String applied = Files.readString(create);
		Files.writeString(create, applied.replace("title varchar(200) NOT NULL", "title varchar(200) NOT NULL, note text"));
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE bulletin ADD COLUMN summary text");
		}

		Run upgrade = run("db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith("Applied revisions were modified after they were applied; nothing was run:")
			.contains("The database is also ahead of this code: it has revision " + ShellTestRevisions.INDEX + " applied,"
					+ " which this code has no file for (a newer release applied it), so `db stamp` with this code would"
					+ " un-record it.")
			// the newer release's stamp records its own file's checksum: it settles the edit only if that file has it
			.contains("record that with the release that has it, once its file has the same edit (its `db stamp` where the"
					+ " database is records its files' checksums)")
			.doesNotContain("`db stamp " + CREATE + "`");
		Run check = run("db", "check");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.err()).startsWith("the database differs from the entities, and revision " + CREATE + " of this"
				+ " code was changed after it was applied: the database has what ran, not what its file now says")
			.contains("The database is also ahead of this code: it has " + ShellTestRevisions.INDEX + " applied")
			.doesNotContain("most likely that release's");

		// what the message warns of: a stamp with this code drops the newer release's revision from the record
		assertThat(run("db", "stamp", CREATE).exitCode()).isZero();
		assertThat(appliedRevisions()).containsExactly(CREATE);
		Files.writeString(newer, newerText);
		assertThat(run("db", "stamp", ShellTestRevisions.INDEX).exitCode()).isZero();
		assertThat(appliedRevisions()).containsExactly(CREATE, ShellTestRevisions.INDEX);
	}

	@Test
	void aRevisionOfThisCodeThatDidNotCompleteOnADatabaseAheadIsWhatCurrentSaysStopsTheUpgrade() throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		run("db", "upgrade");
		Files.delete(this.revisions.resolve(ShellTestRevisions.INDEX + "_index_bulletin_titles.sql"));
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET state = 'FAILED', error = 'Statement 1 of 1 failed: boom'"
					+ " WHERE revision = '" + CREATE + "'");
		}

		Run upgrade = run("db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith("The database has revisions that did not complete; nothing was run:");
		Run current = run("db", "current");
		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).contains("1 revision(s) pending: " + CREATE + ".\n")
			.contains("Applied but without a revision file: " + ShellTestRevisions.INDEX + ". The database is ahead of this"
					+ " code (a newer release upgraded it), or their files were removed; what stops `db upgrade` is the"
					+ " revision of this code recorded as failed (below).")
			.contains("Recorded as failed: " + CREATE + ".")
			.doesNotContain("went another way").doesNotContain("refuses while applied revisions have no file");
	}

	@Test
	void aFailedRevisionOfThisCodeOnADatabaseAheadIsToldThatAStampWithThisCodeWouldUnrecordTheNewerOnes() throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		run("db", "upgrade");
		Files.delete(this.revisions.resolve(ShellTestRevisions.INDEX + "_index_bulletin_titles.sql"));
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET state = 'FAILED', error = 'Statement 1 of 1 failed: boom'"
					+ " WHERE revision = '" + CREATE + "'");
		}

		Run upgrade = run("db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith("The database has revisions that did not complete; nothing was run:")
			.contains("`db stamp " + CREATE + "` if you completed the upgrade")
			.contains("The database is also ahead of this code: it has revision " + ShellTestRevisions.INDEX + " applied,"
					+ " which this code has no file for (a newer release applied it), so a `db stamp` with this code would"
					+ " un-record it: run the `db stamp` with the release that has it.");
		assertThat(appliedRevisions()).containsExactly(CREATE, ShellTestRevisions.INDEX);
	}

	@Test
	void aFailedRevisionDoesNotHideARevisionOfThisCodeChangedAfterItWasAppliedWhichAStampWouldRecordAsApplied()
			throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		run("db", "upgrade");
		Files.delete(this.revisions.resolve(ShellTestRevisions.INDEX + "_index_bulletin_titles.sql"));
		// the newer release's upgrade stopped half-way, and this release's own revision was edited after it ran
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE migrations_version SET state = 'FAILED', error = 'Statement 1 of 1 failed: boom'"
					+ " WHERE revision = '" + ShellTestRevisions.INDEX + "'");
		}
		Path create = this.revisions.resolve(CREATE + "_create_bulletin.sql");
		Files.writeString(create, Files.readString(create)
			.replace("title varchar(200) NOT NULL", "title varchar(200) NOT NULL, note text"));

		Run upgrade = run("db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith("The database has revisions that did not complete; nothing was run:")
			.contains("run `db stamp " + CREATE + "` (its parent), here or with it.")
			.contains("Revision " + CREATE + " of this code was also changed after it was applied (its file differs from"
					+ " what ran): restore its applied content (e.g. `git checkout` the file) before any `db stamp`, which"
					+ " would record the edited file as applied without running it.");
	}

	/** Starts the test application with the command's words, then the database settings, as arguments. */
	private Run run(String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.addAll(ShellSession.connectionArguments(this.database, this.revisions));
		args.add("--migrations.shell.command-mode.exit=false");
		int out = this.output.getOut().length();
		int err = this.output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(ShellTestApplication.class, args.toArray(String[]::new));
		int exitCode = SpringApplication.exit(context);
		return new Run(exitCode, this.output.getOut().substring(out), this.output.getErr().substring(err));
	}

	private List<String> appliedRevisions() throws SQLException {
		List<String> applied = new ArrayList<>();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT revision FROM migrations_version ORDER BY applied_seq")) {
			while (rows.next()) {
				applied.add(rows.getString(1));
			}
		}
		return applied;
	}

	record Run(int exitCode, String out, String err) {
	}

}
