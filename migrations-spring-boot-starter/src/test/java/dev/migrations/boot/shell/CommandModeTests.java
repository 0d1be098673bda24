package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.boot.MigrationsInitializer;
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
 * The application started with {@code db ...} arguments, as {@code java -jar app.jar db upgrade +1}
 * would start it, in this JVM: the command runs instead of the application, and its status is the
 * application's exit code.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class CommandModeTests {

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
	void runsTheCommandInsteadOfTheStartupUpgradeAndTheInteractiveShell() throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		Run run = run((context) -> {
			assertThat(context.getBeansOfType(MigrationsInitializer.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("spring.main.web-application-type")).isEqualTo("none");
			assertThat(context.getEnvironment().getProperty("spring.shell.interactive.enabled")).isEqualTo("false");
			assertThat(context.getEnvironment().getProperty("migrations.drift.enabled")).isEqualTo("false");
		}, "db", "upgrade", "+1");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).containsPattern("  \\[1/1] upgrade 1a2b3c4d5e6f create bulletin \\.\\.\\. done in \\d+ ms\n")
			.containsPattern("Upgraded to 1a2b3c4d5e6f from base: 1 revision in \\d+ ms\\.\n");
		assertThat(appliedRevisions()).containsExactly(CREATE);
	}

	@Test
	void checkExitsWithOneWhileTheDatabaseDiffersFromTheEntitiesAndZeroOnceInSync() {
		ShellTestRevisions.writeBulletin(this.revisions);
		run(null, "db", "upgrade", "+1");

		Run drifted = run(null, "db", "check");
		assertThat(drifted.exitCode()).isEqualTo(1);
		assertThat(drifted.out()).contains("1 difference between the entities and the database:\n"
				+ "  INDEX_MISSING  bulletin: the database lacks index ix_bulletin_title on (title)\n");
		// the revision not applied yet is the way forward, not a new one (which `db migrate` would refuse to write)
		assertThat(drifted.err()).contains("the database differs from the entities, and 1 revision(s) are not applied yet"
				+ " (2b3c4d5e6f70): apply them with `db upgrade`, then check again");

		run(null, "db", "upgrade");
		Run inSync = run(null, "db", "check");
		assertThat(inSync.exitCode()).isZero();
		assertThat(inSync.out()).contains("No differences: the database matches the entities.\n");
	}

	@Test
	void aRevisionIsWrittenToTheFilesystemLocationTheRevisionsAreReadFrom() throws IOException {
		// as Flyway's users set spring.flyway.locations=filesystem:..., without migrations.generate.output-dir
		ShellTestRevisions.writeBulletin(this.revisions);
		Run run = runWithoutOutputDirectory("filesystem:" + this.revisions, "db", "revision", "-m", "add note",
				"--rev-id", "4d5e6f7a8b9c");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Wrote " + this.revisions.resolve("4d5e6f7a8b9c_add_note.sql")
				+ " (revision 4d5e6f7a8b9c on top of 2b3c4d5e6f70)").doesNotContain("Note:");
		assertThat(newRevisionFile().getFileName()).hasToString("4d5e6f7a8b9c_add_note.sql");
	}

	@Test
	void aRevisionIsWrittenToTheDatabasesOwnDirectoryOfAVendorLocation() throws IOException {
		ShellTestRevisions.writeBulletin(Files.createDirectories(this.revisions.resolve("postgresql")));
		Run run = runWithoutOutputDirectory("filesystem:" + this.revisions + "/{vendor}", "db", "revision", "-m",
				"add note", "--rev-id", "4d5e6f7a8b9c");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Wrote " + this.revisions.resolve("postgresql/4d5e6f7a8b9c_add_note.sql")
				+ " (revision 4d5e6f7a8b9c on top of 2b3c4d5e6f70)").doesNotContain("Note:");
		assertThat(this.revisions.resolve("postgresql/4d5e6f7a8b9c_add_note.sql")).exists();
	}

	@Test
	void checkWithTwoHeadsAfterAGitMergeSuggestsUpgradingEveryHeadOrMergingThem() {
		// two feature branches each wrote a revision on 1a2b3c4d5e6f; after the git merge the database has neither
		ShellTestRevisions.writeBulletin(this.revisions);
		ShellTestRevisions.write(this.revisions, "3c4d5e6f7a8b_note_on_bulletin.sql", """
				-- revision: 3c4d5e6f7a8b
				-- down_revision: 1a2b3c4d5e6f

				-- upgrade
				COMMENT ON TABLE bulletin IS 'news';

				-- downgrade
				COMMENT ON TABLE bulletin IS NULL;
				""");
		run(null, "db", "upgrade", CREATE);

		Run check = run(null, "db", "check");
		assertThat(check.exitCode()).isEqualTo(1);
		// `db upgrade` would fail on the two heads
		assertThat(check.err()).contains("the database differs from the entities, and 2 revision(s) are not applied yet"
				+ " (2b3c4d5e6f70, 3c4d5e6f7a8b): apply them with `db upgrade heads` (there are 2 heads, 2b3c4d5e6f70,"
				+ " 3c4d5e6f7a8b: `db upgrade` needs one; or join them with `db merge -m MESSAGE` first), then check again");
	}

	@Test
	void upgradeWithTwoHeadsFailsWithTheOneMessageThatSaysHowToJoinThem() {
		ShellTestRevisions.writeBulletin(this.revisions);
		ShellTestRevisions.write(this.revisions, "3c4d5e6f7a8b_note_on_bulletin.sql", """
				-- revision: 3c4d5e6f7a8b
				-- down_revision: 1a2b3c4d5e6f

				-- upgrade
				COMMENT ON TABLE bulletin IS 'news';

				-- downgrade
				COMMENT ON TABLE bulletin IS NULL;
				""");

		Run upgrade = run(null, "db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		// the message names both ways on: the startup failure's analysis (start the application again, set
		// migrations.target) would only repeat them, about a start that is not happening
		assertThat(upgrade.err()).isEqualTo("the revisions have 2 heads: 2b3c4d5e6f70 (index bulletin titles), 3c4d5e6f7a8b;"
				+ " `head` needs exactly one: run `db merge -m \"merge heads\"` to join them, or `db upgrade heads` to upgrade"
				+ " every branch\n");
	}

	@Test
	void anAppliedRevisionDeletedAndGeneratedAgainAfterARebaseIsToldAndUndoneFromItsRestoredFile() throws Exception {
		// a developer applied a revision, then rebased: deleted it and wrote it again on the new head
		ShellTestRevisions.writeBulletin(this.revisions);
		Path index = this.revisions.resolve(ShellTestRevisions.INDEX + "_index_bulletin_titles.sql");
		String indexText = Files.readString(index);
		Files.delete(index);
		String before = """
				-- revision: 3c4d5e6f7a8b
				-- down_revision: 1a2b3c4d5e6f

				-- upgrade
				CREATE INDEX ix_bulletin_titles ON bulletin (title);

				-- downgrade
				DROP INDEX ix_bulletin_titles;
				""";
		Path rebased = this.revisions.resolve("3c4d5e6f7a8b_index_titles.sql");
		Files.writeString(rebased, before);
		run(null, "db", "upgrade");
		Files.delete(rebased);
		Files.writeString(index, indexText);

		Run current = run(null, "db", "current");
		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).contains("1 revision(s) pending: 2b3c4d5e6f70. `db upgrade` refuses while applied"
				+ " revisions have no file (below).\n")
			.contains("Applied but without a revision file: 3c4d5e6f7a8b. The database went another way: bring its file into"
					+ " this code (merge the branch that has it) and join the heads with `db merge -m MESSAGE`")
			.contains("restore it and `db downgrade` it")
			.doesNotContain("Run `db upgrade`");
		Run upgrade = run(null, "db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith("the database has revision 3c4d5e6f7a8b applied, which is not among this"
				+ " code's revisions, while this code's revision 2b3c4d5e6f70 is not applied: the database went another way");
		Run check = run(null, "db", "check");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.err()).contains("1 revision(s) are not applied yet (2b3c4d5e6f70), but `db upgrade` refuses to"
				+ " apply them while the database has 3c4d5e6f7a8b applied, which this code has no file for")
			.doesNotContain("apply them with `db upgrade`");

		// the way out the message gives: the old file back, downgraded, deleted again
		Files.writeString(rebased, before);
		assertThat(run(null, "db", "downgrade", "3c4d5e6f7a8b@base").exitCode()).isZero();
		Files.delete(rebased);
		assertThat(run(null, "db", "upgrade").exitCode()).isZero();
		assertThat(appliedRevisions()).containsExactly(CREATE, ShellTestRevisions.INDEX);
	}

	@Test
	void migrateKeepsAProbableRenameWithItsAlternativeWhenNobodyCanAnswer() throws IOException {
		ShellTestRevisions.write(this.revisions, CREATE + "_create_bulletin.sql", """
				-- revision: 1a2b3c4d5e6f
				-- down_revision: none
				-- message: create bulletin

				-- upgrade
				CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, headline varchar(200) NOT NULL);

				-- downgrade
				DROP TABLE bulletin;
				""");
		run(null, "db", "upgrade");

		Run noRenames = run(null, "db", "migrate", "-m", "retitle bulletin", "--no-renames");
		assertThat(noRenames.exitCode()).isZero();
		Path dropAndAdd = newRevisionFile();
		assertThat(DbCommandsTests.section(Files.readString(dropAndAdd), "upgrade"))
			.contains("ALTER TABLE bulletin DROP COLUMN IF EXISTS headline;").doesNotContain("RENAME");
		Files.delete(dropAndAdd);

		Run kept = run(null, "db", "migrate", "-m", "retitle bulletin");
		assertThat(kept.exitCode()).isZero();
		Path file = newRevisionFile();
		assertThat(file.getFileName().toString()).endsWith("_retitle_bulletin.sql");
		assertThat(kept.out()).contains("Wrote " + file + " (revision " + DbCommandsTests.idOf(file) + "):\n"
				+ "  rename column bulletin.headline to title (probable rename)\n"
				+ "  create index ix_bulletin_title on bulletin(title)\n")
			.contains("Pass --no-renames to write drops and adds instead");
		String upgrade = DbCommandsTests.section(Files.readString(file), "upgrade");
		assertThat(upgrade).contains("-- WARNING: probable rename")
			.contains("ALTER TABLE bulletin RENAME COLUMN headline TO title;");
		assertThat(upgrade.lines().filter((line) -> line.startsWith("-- WARNING: probable rename")).findFirst().orElseThrow())
			.contains("DROP COLUMN IF EXISTS headline").contains("ADD COLUMN IF NOT EXISTS title");

		Files.delete(file);
		Run explicit = run(null, "db", "migrate", "-m", "retitle bulletin", "--no-renames", "--rename",
				"bulletin.headline=title");
		assertThat(explicit.exitCode()).isZero();
		assertThat(DbCommandsTests.section(Files.readString(newRevisionFile()), "upgrade"))
			.contains("ALTER TABLE bulletin RENAME COLUMN headline TO title;").doesNotContain("probable rename");
	}

	@Test
	void readsTheArgumentsAsTheOperatingSystemShellSplitThem() throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		Run revision = run(null, "db", "revision", "--message", "add status index", "--head", "2b3c4d5e6f70");
		assertThat(revision.exitCode()).isZero();
		assertThat(newRevisionFile().getFileName().toString()).endsWith("_add_status_index.sql");

		run(null, "db", "upgrade", "2b3c4d5e6f70");
		Run downgrade = run(null, "db", "downgrade", "-1");
		assertThat(downgrade.exitCode()).isZero();
		assertThat(downgrade.out()).containsPattern("Downgraded to 1a2b3c4d5e6f from 2b3c4d5e6f70: 1 revision in \\d+ ms");

		Run script = run(null, "db", "upgrade", "--sql", "+1");
		assertThat(script.exitCode()).isZero();
		assertThat(script.out()).contains("CREATE INDEX ix_bulletin_title ON bulletin (title);")
			.doesNotContain("add status index")
			// the revision it leaves the database at, with the target as asked
			.contains("-- Upgrade script for postgresql, from 1a2b3c4d5e6f to 2b3c4d5e6f70 (+1): 1 revision(s).");
		assertThat(run(null, "db", "downgrade", "--sql", "-1").out())
			.contains("-- Downgrade script for postgresql, from 1a2b3c4d5e6f to base (-1): 1 revision(s).");
	}

	@Test
	void aRangeStartingWithMinusIsNotReadAsStepsBack() throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		run(null, "db", "upgrade", "head");

		// before, "-1:base" was read as the option -1 and downgraded one revision
		Run downgrade = run(null, "db", "downgrade", "-1:base");
		assertThat(downgrade.exitCode()).isEqualTo(2);
		assertThat(downgrade.err()).startsWith("'-1:base' is a range (FROM:TO), which only a script takes (--sql)");
		assertThat(appliedRevisions()).containsExactlyInAnyOrder(ShellTestRevisions.CREATE, ShellTestRevisions.INDEX);

		Run script = run(null, "db", "downgrade", "-1:base", "--sql");
		assertThat(script.exitCode()).isEqualTo(2);
		assertThat(script.out()).doesNotContain("Downgrade script");
		assertThat(script.err()).startsWith("'-1:base' starts from -1, which counts from the database's current revisions");
	}

	@Test
	void failuresExitWithTwoAndTheMessageOnStandardError() {
		ShellTestRevisions.writeBulletin(this.revisions);
		Run unknownTarget = run(null, "db", "upgrade", "nonsense");
		assertThat(unknownTarget.exitCode()).isEqualTo(2);
		assertThat(unknownTarget.err()).contains("no revision 'nonsense' among the 2 known revisions");
		assertThat(unknownTarget.out()).doesNotContain("Exception");

		Run unknownCommand = run(null, "db", "frobnicate");
		assertThat(unknownCommand.exitCode()).isEqualTo(2);
		assertThat(unknownCommand.err()).startsWith("Unknown command `db frobnicate`: `db` lists the db commands.\n")
			.contains("  db upgrade ");

		Run unknownOption = run(null, "db", "current", "--bogus");
		assertThat(unknownOption.exitCode()).isEqualTo(2);
		assertThat(unknownOption.err()).contains("Unknown option --bogus for db current");
	}

	@Test
	void aMistypedCommandOrOptionIsAnsweredWithTheNearestOnesAndExitsWithTwoWithoutRunningAnything() throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		run(null, "db", "upgrade", "+1");
		assertMistyped("Unknown command `db upgrd`: did you mean `db upgrade`?", "db", "upgrd");
		assertMistyped("Unknown command `db curent`: did you mean `db current`?", "db", "curent");
		assertMistyped("Unknown command `db hist`: did you mean `db history`?", "db", "hist");
		assertMistyped("Unknown command `db migrte`: did you mean `db migrate`?", "db", "migrte");
		assertMistyped("Unknown command `db dwngrade`: did you mean `db downgrade`?", "db", "dwngrade", "-1");
		// a prefix of several commands names each of them
		assertMistyped("Unknown command `db re`: did you mean `db rehearse` or `db revision`?", "db", "re");
		// the words of Flyway and Alembic for what a db command does
		assertMistyped("Unknown command `db status`: did you mean `db current` or `db history`?", "db", "status");
		assertMistyped("Unknown command `db validate`: did you mean `db check`?", "db", "validate");
		assertMistyped("Unknown command `db frobnicate`: `db` lists the db commands.", "db", "frobnicate");
		assertMistyped("Unknown option --sq for db upgrade: did you mean --sql? (see `db upgrade --help`)", "db", "upgrade",
				"--sq");
		assertMistyped("Unknown option --rehaerse for db upgrade: did you mean --rehearse? (see `db upgrade --help`)", "db",
				"upgrade", "--rehaerse");
		// nothing near: the options it takes (Alembic's upgrade takes --tag)
		assertMistyped("Unknown option --tag for db upgrade, which takes --sql, --rehearse, --tenant TENANTS (see `db"
				+ " upgrade --help`)", "db",
				"upgrade", "head", "--tag", "v2");
		assertMistyped("Unknown option -s for db upgrade: did you mean --sql? (see `db upgrade --help`)", "db", "upgrade",
				"-s");
		assertThat(appliedRevisions()).containsExactly(CREATE);

		// what is typed right runs as typed
		Run history = run(null, "db", "history");
		assertThat(history.exitCode()).as(history.err()).isZero();
		assertThat(history.err()).doesNotContain("did you mean");
		Run upgrade = run(null, "db", "upgrade", "--sql");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(appliedRevisions()).containsExactly(CREATE);
	}

	private void assertMistyped(String firstLine, String... words) {
		Run run = run(null, words);
		assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
		assertThat(run.err().lines().findFirst().orElse("")).isEqualTo(firstLine);
	}

	@Test
	void aRevisionFileLeftAsALinkToAMissingFileFailsTheUpgradeBeforeAnythingRuns() throws IOException, SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		// the newest revision, a head: nothing else would miss it, and the upgrade would end "up to date" without it
		Path link = Files.createSymbolicLink(this.revisions.resolve("3c4d5e6f7081_add_status.sql"),
				this.revisions.resolveSibling("not-copied").resolve("3c4d5e6f7081_add_status.sql"));
		Run upgrade = run(null, "db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith(link + ": a symbolic link to " + this.revisions.resolveSibling("not-copied")
				.resolve("3c4d5e6f7081_add_status.sql") + ", which does not exist, so the revision it stands for cannot be read;");
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT to_regclass('bulletin') IS NULL")) {
			rows.next();
			assertThat(rows.getBoolean(1)).as("nothing was applied").isTrue();
		}
	}

	@Test
	void rehearseCopiesTheDatabaseThoughTheApplicationsPoolIsConnectedAndGivesThePoolItsMinimumBack()
			throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		// CREATE DATABASE ... TEMPLATE refuses while any other session is on the database, the test's own too
		this.database.newSessionForEachConnection();
		assertThat(run(null, "db", "upgrade", "+1").exitCode()).isZero();

		Run rehearse = run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			assertThat(pool.isRunning()).isTrue();
			// the minimum command mode gives it, 0 only while the copy was made and rehearsed
			assertThat(pool.getMinimumIdle()).isEqualTo(1);
		}, "db", "rehearse");
		assertThat(rehearse.exitCode()).as(rehearse.err()).isZero();
		assertThat(rehearse.out()).contains("Rehearsed 1 revision (1 statement) up to head on " + this.database.name()
				+ "_rehearsal_")
			.contains("CREATE INDEX ix_bulletin_title ON bulletin (title)", "SHARE on table ")
			.contains("The rehearsal ran every statement; nothing was kept.");
		assertThat(appliedRevisions()).containsExactly(CREATE);
		assertThat(SafetyCommandsTests.rehearsalCopies(this.database)).isEmpty();
	}

	@Test
	void currentOnASchemaWithTablesAndNoRevisionRecordedSaysTheUpgradeNeedsABaseline() throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE customer (id bigint PRIMARY KEY)");
		}
		Run current = run(null, "db", "current");
		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).contains("2 revision(s) pending: ")
			.contains("But the schema already holds 1 table (customer), so `db upgrade` refuses to run them over it: if it"
					+ " is what a revision creates, set migrations.baseline=<that revision> (first: " + CREATE)
			.doesNotContain("Run `db upgrade`");

		Run baselined = run(null, "db", "current", "--migrations.baseline=" + CREATE);
		assertThat(baselined.out()).contains("`db upgrade` records " + CREATE + " (migrations.baseline) and its ancestors");
	}

	@Test
	void upgradeWithABaselineSaysItRecordedTheBaselineWithoutRunningIt() throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			// what Hibernate's ddl-auto=create leaves: the first revision's schema, no version table
			statement.execute("CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL)");
		}
		Run adopted = run(null, "db", "upgrade", "--migrations.baseline=" + CREATE);
		assertThat(adopted.exitCode()).as(adopted.err()).isZero();
		assertThat(adopted.out()).contains("upgrade " + ShellTestRevisions.INDEX + " index bulletin titles ... done")
			.containsPattern("Upgraded to " + ShellTestRevisions.INDEX + " from the baseline " + CREATE + " \\(create"
					+ " bulletin\\), recorded with its ancestors as applied without running them \\(migrations.baseline:"
					+ " the schema had tables and no recorded revision\\): 1 revision in \\d+ ms\\.");
		assertThat(appliedRevisions()).containsExactlyInAnyOrder(CREATE, ShellTestRevisions.INDEX);

		// once anything is recorded the baseline is not read again, and nothing is said of it
		Run again = run(null, "db", "upgrade", "--migrations.baseline=" + CREATE);
		assertThat(again.out()).contains("Nothing to upgrade: the database is at " + ShellTestRevisions.INDEX
				+ " (target head).").doesNotContain("baseline");

		// the adopted table is not dropped by a downgrade below the baseline: refused, status 2, nothing run
		Run below = run(null, "db", "downgrade", "base");
		assertThat(below.exitCode()).isEqualTo(2);
		assertThat(below.err()).startsWith("Refusing to downgrade to base: it would revert " + CREATE + " (create bulletin),"
				+ " which the baseline recorded as applied without running it");
		assertThat(below.err()).doesNotContain("\tat ");
		assertThat(appliedRevisions()).containsExactlyInAnyOrder(CREATE, ShellTestRevisions.INDEX);
		Run toBaseline = run(null, "db", "downgrade", CREATE);
		assertThat(toBaseline.exitCode()).as(toBaseline.err()).isZero();
		assertThat(appliedRevisions()).containsExactly(CREATE);
	}

	@Test
	void currentOnASchemaWithAFailedFlywayMigrationSaysTheUpgradeRefusesUntilItIsRepaired() throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL)");
			// Flyway's history as Flyway writes it, its V2 failed half-way
			statement.execute("CREATE TABLE flyway_schema_history (installed_rank integer NOT NULL PRIMARY KEY,"
					+ " version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL, script"
					+ " varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp"
					+ " NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)");
			statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
					+ " checksum, installed_by, execution_time, success) VALUES (1, '1', 'create bulletin', 'SQL',"
					+ " 'V1__create_bulletin.sql', 0, 'postgres', 1, true), (2, '2', 'index titles', 'SQL',"
					+ " 'V2__index_titles.sql', 0, 'postgres', 1, false)");
		}
		Run current = run(null, "db", "current", "--migrations.baseline=" + CREATE);
		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).contains("2 revision(s) pending: ")
			.contains("But Flyway's history (flyway_schema_history) records a failed migration, version 2 (index titles,"
					+ " V2__index_titles.sql), so `db upgrade` refuses to take the schema over",
					"`flyway repair` or DELETE FROM public.flyway_schema_history WHERE success = false")
			.doesNotContain("Run `db upgrade`");

		Run upgrade = run(null, "db", "upgrade", "--migrations.baseline=" + CREATE);
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith("Schema public was not adopted: Flyway's history (flyway_schema_history)"
				+ " records a failed migration, version 2 (index titles, V2__index_titles.sql)")
			.contains("DELETE FROM public.flyway_schema_history WHERE success = false; then start the application, or run the"
					+ " command, again.");

		// the differences are the revisions not applied yet, which `db upgrade` refuses until the failure is repaired
		Run check = run(null, "db", "check", "--migrations.baseline=" + CREATE);
		assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
		assertThat(check.err()).contains("the database differs from the entities, and 2 revision(s) are not applied yet,"
				+ " but Flyway's history (flyway_schema_history) records a failed migration, version 2 (index titles,"
				+ " V2__index_titles.sql), so `db upgrade` refuses to take the schema over (it may be half-changed):"
				+ " finish or undo that migration by hand, then run `flyway repair` or DELETE FROM public.flyway_schema_history"
				+ " WHERE success = false, apply the revisions with `db upgrade` and check again")
			.doesNotContain("apply them with `db upgrade`");
	}

	@Test
	void checkOnASchemaWithTablesAndNoRevisionRecordedSaysToAdoptItNotToUpgrade() throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE customer (id bigint PRIMARY KEY)");
		}
		Run check = run(null, "db", "check");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.err()).contains("the database differs from the entities, and no revision is recorded while the"
				+ " schema already holds 1 table (customer), so `db upgrade` refuses to run the 2 revision(s) not applied"
				+ " yet over it: if it is what a revision creates, set migrations.baseline=<that revision> (first: " + CREATE)
			.doesNotContain("apply them with `db upgrade`");
	}

	@Test
	void theUpgradeScriptAndTheRehearsalFollowTheBaselineAsTheUpgradeDoes() throws SQLException {
		ShellTestRevisions.writeBulletin(this.revisions);
		// CREATE DATABASE ... TEMPLATE refuses while any other session is on the database, the test's own too
		this.database.newSessionForEachConnection();
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			// what Hibernate's ddl-auto=create leaves: the first revision's schema, no version table
			statement.execute("CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL)");
		}
		String refusal = "Schema public has 1 table (bulletin) but no revision recorded in migrations_version";
		Run script = run(null, "db", "upgrade", "--sql");
		assertThat(script.exitCode()).isEqualTo(2);
		assertThat(script.err()).startsWith(refusal);
		Run rehearse = run(null, "db", "rehearse");
		assertThat(rehearse.exitCode()).isEqualTo(2);
		assertThat(rehearse.err()).startsWith(refusal);

		Run baselined = run(null, "db", "upgrade", "--sql", "--migrations.baseline=" + CREATE);
		assertThat(baselined.exitCode()).as(baselined.err()).isZero();
		assertThat(baselined.out()).contains("-- Baseline: the schema has tables but no recorded revision, so " + CREATE)
			.doesNotContain("CREATE TABLE bulletin")
			.contains("CREATE INDEX ix_bulletin_title ON bulletin (title)");
		Run rehearsed = run(null, "db", "rehearse", "--migrations.baseline=" + CREATE);
		assertThat(rehearsed.exitCode()).as(rehearsed.err()).isZero();
		assertThat(rehearsed.out()).contains("Rehearsed 1 revision (1 statement) up to head");
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT to_regclass('migrations_version') IS NULL")) {
			rows.next();
			assertThat(rows.getBoolean(1)).as("nothing was recorded").isTrue();
		}
	}

	@Test
	void aPasswordInTheUrlIsNotPrintedWhereTheDriverOrTheMessageRepeatsTheUrl() {
		// PostgreSQL's driver reads no user:password@ (libpq's URIs have it): it says the whole of it is an unknown host
		String userInfo = "jdbc:postgresql://app:s3cretH9@127.0.0.1:5432/postgres";
		Run unknownHost = runWithUrl(userInfo, "db", "current");
		assertThat(unknownHost.exitCode()).isEqualTo(2);
		assertThat(unknownHost.err()).contains("unknown host app:******@127.0.0.1");
		assertThat(unknownHost.out() + unknownHost.err()).doesNotContain("s3cretH9");
		Run debug = runWithUrl(userInfo, "db", "current", "--debug");
		assertThat(debug.err()).contains("\tat ");
		assertThat(debug.out() + debug.err()).doesNotContain("s3cretH9");

		Run noDriver = runWithUrl("jdbc:postgres://127.0.0.1:5432/postgres?user=app&password=s3cretH9", "db", "current");
		assertThat(noDriver.exitCode()).isEqualTo(2);
		assertThat(noDriver.err())
			.contains("accepts spring.datasource.url=jdbc:postgres://127.0.0.1:5432/postgres?user=app&password=******:");
		assertThat(noDriver.out() + noDriver.err()).doesNotContain("s3cretH9");
	}

	@Test
	void aCommonPasswordIsNotMaskedInsideTheWordsOfAFailure() {
		// the password of many a development database is "postgres": the failed statement and the URL stay readable
		ShellTestRevisions.write(this.revisions, "1a2b3c4d5e6f_fails.sql", """
				-- revision: 1a2b3c4d5e6f
				-- down_revision: none

				-- upgrade
				INSERT INTO postgres_things VALUES (1);

				-- downgrade
				""");
		String url = this.database.jdbcUrl() + (this.database.jdbcUrl().contains("?") ? "&" : "?") + "user="
				+ this.database.username() + "&password=postgres";
		Run upgrade = runWithUrl(url, "db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err()).contains("    INSERT INTO postgres_things VALUES (1)\n")
			.contains("relation \"postgres_things\" does not exist");
	}

	@Test
	void aPasswordThatIsTheUsersNameIsNotMaskedWhereTheFailureNamesTheUser() {
		// the development default postgres/postgres/postgres: the failure says which database and user it could not reach
		Run refused = runWithUrl("jdbc:postgresql://127.0.0.1:1/postgres", "db", "current",
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains("Could not connect to jdbc:postgresql://127.0.0.1:1/postgres as user 'postgres'");
	}

	@Test
	void whatARevisionFileOrTheDatabaseHoldsReachesTheTerminalWithItsControlCharactersEscaped() {
		// a message that recolours the screen, sets the window's title, rings the bell and reads backwards, and SQL
		// whose failure echoes an escape sequence
		ShellTestRevisions.write(this.revisions, "1a2b3c4d5e6f_hostile.sql", """
				-- revision: 1a2b3c4d5e6f
				-- down_revision: none
				-- message: red \u001b[31mRED\u001b[0m title \u001b]0;pwned\u0007 rlo \u202egpj.exe "q" back\\slash

				-- upgrade
				CREATE TABLE bulletin (id bigint PRIMARY KEY);

				-- downgrade
				DROP TABLE bulletin;
				""");
		ShellTestRevisions.write(this.revisions, "2b3c4d5e6f70_fails.sql", """
				-- revision: 2b3c4d5e6f70
				-- down_revision: 1a2b3c4d5e6f

				-- upgrade
				SELECT 1/0 AS "\u001b[2Jboom";

				-- downgrade
				""");
		String shown = "red \\u001b[31mRED\\u001b[0m title \\u001b]0;pwned\\u0007 rlo \\u202egpj.exe \"q\" back\\slash";
		Run history = run(null, "db", "history");
		assertThat(history.exitCode()).isZero();
		assertThat(history.out()).contains("<base> -> 1a2b3c4d5e6f, " + shown + " [pending]");
		Run show = run(null, "db", "show", "1a2b3c4d5e6f");
		assertThat(show.out()).contains("Message:    " + shown + "\n");
		Run upgrade = run(null, "db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.out()).contains("upgrade 1a2b3c4d5e6f " + shown + " ... done");
		assertThat(upgrade.err()).contains("SELECT 1/0 AS \"\\u001b[2Jboom\"");
		for (Run run : List.of(history, show, upgrade)) {
			assertThat(run.out() + run.err()).doesNotContain("\u001b", "\u0007", "\u202e");
		}
		// JSON is for programs: its strings escape the control characters themselves, and keep the text as it is
		Run json = run(null, "db", "history", "--format", "json");
		assertThat(json.out()).contains("\"message\":\"red \\u001b[31mRED").doesNotContain("\u001b");
	}

	@Test
	void debugAddsTheStackTraceAfterTheMessage() {
		ShellTestRevisions.writeBulletin(this.revisions);
		Run quiet = run(null, "db", "upgrade", "nonsense");
		assertThat(quiet.err()).doesNotContain("\tat dev.migrations.");

		Run debug = run(null, "db", "upgrade", "nonsense", "--debug");
		assertThat(debug.exitCode()).isEqualTo(2);
		assertThat(debug.err()).contains("no revision 'nonsense' among the 2 known revisions").contains("\tat dev.migrations.");
	}

	@Test
	void aFailedUpgradeSqlDoesNotAdviseTheCommandThatFailed() {
		ShellTestRevisions.writeBulletin(this.revisions);
		ShellTestRevisions.write(this.revisions, "3c4d5e6f7081_open_quote.sql", """
				-- revision: 3c4d5e6f7081
				-- down_revision: 2b3c4d5e6f70
				-- message: open quote

				-- upgrade
				INSERT INTO bulletin VALUES (1, 'open);

				-- downgrade
				DELETE FROM bulletin;
				""");
		Run script = run(null, "db", "upgrade", "--sql");
		assertThat(script.exitCode()).isEqualTo(2);
		assertThat(script.err()).contains("3c4d5e6f7081_open_quote.sql:6: the upgrade section cannot be split into"
				+ " statements").contains("No script was printed: fix the file, then run the command again.")
			.doesNotContain("`db upgrade --sql`").doesNotContain("Nothing was run");
	}

	@Test
	void misspeltPropertiesAreWarnedOfAfterTheCommand() {
		ShellTestRevisions.writeBulletin(this.revisions);
		Run heads = run(null, "db", "heads", "--migrations.basline=x");
		assertThat(heads.exitCode()).isZero();
		assertThat(heads.err()).contains("Warning: migrations.basline is not a property of migrations and is ignored: did you"
				+ " mean migrations.baseline?");

		Run failing = run(null, "db", "upgrade", "nonsense", "--migrations.upgrade-on-start=false");
		assertThat(failing.exitCode()).isEqualTo(2);
		// the failure's message stays first
		assertThat(failing.err().lines().findFirst().orElse("")).contains("no revision 'nonsense'");
		assertThat(failing.err()).contains("Warning: migrations.upgrade-on-start is not a property of migrations and is"
				+ " ignored: did you mean migrations.upgrade-on-startup?");

		assertThat(run(null, "db", "heads").err()).doesNotContain("Warning:");
	}

	@Test
	void aBadPropertyValueIsToldByItsNameValueAndWhatIsExpected() {
		ShellTestRevisions.writeBulletin(this.revisions);
		Run notADuration = run(null, "db", "current", "--migrations.lock-timeout=abc");
		assertThat(notADuration.exitCode()).isEqualTo(2);
		assertThat(notADuration.err().lines().findFirst().orElse("")).startsWith("Invalid value for migrations.lock-timeout: 'abc'")
			.contains("Expected a duration such as 30s");

		Run negative = run(null, "db", "current", "--migrations.lock-timeout=-1s");
		assertThat(negative.exitCode()).isEqualTo(2);
		assertThat(negative.err().lines().findFirst().orElse("")).startsWith("Invalid value for migrations.lock-timeout: '-1s'")
			.contains("a lock timeout is 0 or more, not negative");

		// an empty path would read every .sql file under the working directory (or the whole class path)
		Run noDirectory = run(null, "db", "current", "--migrations.locations=filesystem:");
		assertThat(noDirectory.exitCode()).isEqualTo(2);
		assertThat(noDirectory.err().lines().findFirst().orElse(""))
			.startsWith("Invalid value for migrations.locations: 'filesystem:")
			.contains("the location 'filesystem:' names no directory: write filesystem:<directory> or classpath:<path>,"
					+ " e.g. classpath:db/revisions");
	}

	/**
	 * An embedded H2 file database lets one process at a time open it: a command run while the application (or an H2
	 * console) has it open is told that, not to check that a server is running and reachable.
	 */
	@Test
	void anH2FileDatabaseAnotherProcessHasOpenIsToldSo(@TempDir Path h2) throws Exception {
		ShellTestRevisions.writeBulletin(this.revisions);
		String url = "jdbc:h2:file:" + h2.resolve("shop");
		try (Connection connection = java.sql.DriverManager.getConnection(url)) {
			// the database file exists
		}
		Run current;
		// another process's H2 holds the lock on the file, as H2 itself takes it
		try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(h2.resolve("shop.mv.db"),
				java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
				java.nio.channels.FileLock lock = file.lock()) {
			current = runWithUrl(url, "db", "current");
		}

		assertThat(current.exitCode()).isEqualTo(2);
		assertThat(current.err()).contains("Database may be already in use")
			.contains("Another process has this H2 database open")
			.contains("AUTO_SERVER=TRUE")
			.doesNotContain("reachable from this host");
	}

	@Test
	void refusesTheInMemoryDatabaseSpringBootMakesUpWhenNoUrlIsSet() {
		ShellTestRevisions.writeBulletin(this.revisions);
		Run upgrade = runWithoutUrl("db", "upgrade");
		assertThat(upgrade.exitCode()).isEqualTo(2);
		assertThat(upgrade.err().lines().findFirst().orElse("")).startsWith("`db upgrade` refuses to run on jdbc:h2:mem:")
			.contains("neither spring.datasource.url nor migrations.url is set")
			.contains("Set spring.datasource.url (or migrations.url)");
		assertThat(upgrade.out()).doesNotContain("Upgraded");

		Run explicit = runWithUrl("jdbc:h2:mem:ci", "db", "current");
		assertThat(explicit.exitCode()).isEqualTo(2);
		assertThat(explicit.err().lines().findFirst().orElse(""))
			.startsWith("`db current` refuses to run on jdbc:h2:mem:ci: spring.datasource.url names an in-memory database");

		// the files alone need no database
		Run heads = runWithoutUrl("db", "heads");
		assertThat(heads.exitCode()).isZero();

		Run allowed = runWithoutUrl("db", "upgrade", "--migrations.shell.command-mode.allow-in-memory=true");
		assertThat(allowed.exitCode()).isZero();
		assertThat(allowed.out()).contains("Upgraded to");
	}

	private Run runWithoutUrl(String... words) {
		return runWithUrl("", words);
	}

	private Run runWithUrl(String url, String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.add("--spring.datasource.url=" + url);
		args.add("--spring.jpa.open-in-view=false");
		args.add("--migrations.locations=filesystem:" + this.revisions);
		args.add("--migrations.shell.command-mode.exit=false");
		int out = this.output.getOut().length();
		int err = this.output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(ShellTestApplication.class, args.toArray(String[]::new));
		int exitCode = SpringApplication.exit(context);
		return new Run(exitCode, this.output.getOut().substring(out), this.output.getErr().substring(err));
	}

	/** As {@link #run}, with the locations given and no {@code migrations.generate.output-dir}. */
	private Run runWithoutOutputDirectory(String locations, String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		ShellSession.connectionArguments(this.database, this.revisions)
			.stream()
			.filter((arg) -> !arg.startsWith("--migrations.generate.output-dir=") && !arg.startsWith("--migrations.locations="))
			.forEach(args::add);
		args.add("--migrations.locations=" + locations);
		args.add("--migrations.shell.command-mode.exit=false");
		int out = this.output.getOut().length();
		int err = this.output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(ShellTestApplication.class, args.toArray(String[]::new));
		int exitCode = SpringApplication.exit(context);
		return new Run(exitCode, this.output.getOut().substring(out), this.output.getErr().substring(err));
	}

	/** Starts the test application with the command's words, then the database settings, as arguments. */
	private Run run(Consumer<ConfigurableApplicationContext> inspect, String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.addAll(ShellSession.connectionArguments(this.database, this.revisions));
		args.add("--migrations.shell.command-mode.exit=false");
		int out = this.output.getOut().length();
		int err = this.output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(ShellTestApplication.class, args.toArray(String[]::new));
		if (inspect != null) {
			try {
				inspect.accept(context);
			}
			catch (RuntimeException | Error ex) {
				context.close();
				throw ex;
			}
		}
		int exitCode = SpringApplication.exit(context);
		return new Run(exitCode, this.output.getOut().substring(out), this.output.getErr().substring(err));
	}

	private Path newRevisionFile() throws IOException {
		try (Stream<Path> files = Files.list(this.revisions)) {
			List<Path> added = files.filter((file) -> !file.getFileName().toString().startsWith(CREATE)
					&& !file.getFileName().toString().startsWith(ShellTestRevisions.INDEX)).toList();
			assertThat(added).hasSize(1);
			return added.get(0);
		}
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

	/**
	 * One start of the application.
	 *
	 * @param exitCode what {@code SpringApplication.exit} returned
	 * @param out what it wrote to standard output
	 * @param err what it wrote to standard error
	 */
	record Run(int exitCode, String out, String err) {
	}

}
