package dev.migrations.squash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.runner.CommandResult;
import dev.migrations.runner.StepResult;
import dev.migrations.MigrationsStatus;
import dev.migrations.RevisionFiles;
import dev.migrations.RevisionInfo;
import dev.migrations.Sql;
import dev.migrations.revision.TargetException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code db squash} on the real PostgreSQL: the squash rebuilds the schema of the history it replaces,
 * and databases at base, in the middle of that history and past it all reach the head with their rows.
 */
@ExtendWith(TestDatabaseExtension.class)
class SquashPostgresTest {

	static final String R1 = "aaaa00000001";

	static final String R2 = "aaaa00000002";

	static final String R3 = "aaaa00000003";

	static final String R4 = "aaaa00000004";

	@TempDir
	Path directory;

	@TempDir
	Path unsquashed;

	private void writeHistory(Path target) {
		RevisionFiles files = new RevisionFiles(target);
		files.write(R1, "none", "create account", """
				CREATE TYPE status AS ENUM ('new', 'done');
				CREATE TABLE account (id bigserial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE,
				    status status NOT NULL DEFAULT 'new', CONSTRAINT email_long_enough CHECK (length(email) > 3));
				COMMENT ON TABLE account IS 'people who pay';""", "DROP TABLE account; DROP TYPE status;");
		files.write(R2, R1, "create invoice", """
				CREATE SEQUENCE invoice_seq INCREMENT BY 50;
				CREATE TABLE invoice (id bigint PRIMARY KEY, account_id bigint REFERENCES account (id) ON DELETE CASCADE,
				    amount numeric(12,2));
				CREATE INDEX ix_invoice_account ON invoice (account_id);""", "DROP TABLE invoice; DROP SEQUENCE invoice_seq;");
		files.write(R3, R2, "name accounts", """
				ALTER TABLE account ADD COLUMN name text;
				COMMENT ON COLUMN account.name IS 'display name';
				ALTER TYPE status ADD VALUE 'archived';
				CREATE UNIQUE INDEX ux_account_lower_email ON account (lower(email)) WHERE status <> 'done';""",
				"DROP INDEX ux_account_lower_email; ALTER TABLE account DROP COLUMN name;");
		files.write(R4, R3, "paid invoices", "ALTER TABLE invoice ADD COLUMN paid boolean NOT NULL DEFAULT false;",
				"ALTER TABLE invoice DROP COLUMN paid;");
	}

	private Migrations migrations(DataSource dataSource, Path revisions) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + revisions)
			.outputDirectory(revisions).load();
	}

	private static List<String> dump(DataSource dataSource) {
		return Sql.postgresSchemaDump(dataSource, "public").stream()
			.filter((line) -> !line.contains("migrations_version"))
			.toList();
	}

	private static List<String> versionRows(DataSource dataSource) {
		return Sql.column(dataSource, "select revision from migrations_version order by applied_seq");
	}

	@Test
	void theSquashRebuildsTheSchemaOfTheHistoryItReplaces(TestDatabase db) throws IOException {
		writeHistory(this.directory);
		writeHistory(this.unsquashed);
		SquashResult result = migrations(db.dataSource(), this.directory).squash(R3, "squash the first three");

		String text = Files.readString(result.file());
		assertThat(text).contains("-- replaces: " + R1 + ", " + R2 + ", " + R3 + "\n").contains("-- down_revision: none\n");
		assertThat(text).contains("CREATE TYPE status AS ENUM ('new', 'done', 'archived')")
			.contains("COMMENT ON COLUMN account.name IS 'display name'");
		assertThat(result.replaces()).containsExactly(R1, R2, R3);
		assertThat(result.replacedSources()).hasSize(3);
		// the scratch schemas are gone
		assertThat(Sql.column(db.dataSource(), "select nspname from pg_namespace where nspname like 'migrations_squash_%'"))
			.isEmpty();
		// the database used for squashing was not touched
		assertThat(Sql.postgresTables(db.dataSource())).isEmpty();

		Migrations squashed = migrations(db.dataSource(), this.directory);
		assertThat(squashed.graph().bases()).containsExactly(result.revision());
		assertThat(squashed.graph().get(R4).downRevisions()).containsExactly(result.revision());
		assertThat(squashed.history()).extracting(RevisionInfo::revision).containsExactly(R4, result.revision());

		try (TestDatabase old = TestDatabases.postgres()) {
			migrations(old.dataSource(), this.unsquashed).upgrade("head");
			squashed.upgrade("head");
			assertThat(dump(db.dataSource())).isEqualTo(dump(old.dataSource())).isNotEmpty();
			assertThat(versionRows(db.dataSource())).containsExactly(result.revision(), R4);
		}
		squashed.downgrade("base");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
		assertThat(Sql.column(db.dataSource(), "select typname from pg_type where typname = 'status'")).isEmpty();
	}

	@Test
	void databasesAtBaseMidChainAndPastThePointAllReachTheHeadWithTheirRows(TestDatabase base) {
		writeHistory(this.directory);
		try (TestDatabase mid = TestDatabases.postgres(); TestDatabase past = TestDatabases.postgres();
				TestDatabase head = TestDatabases.postgres()) {
			migrations(mid.dataSource(), this.directory).upgrade(R2);
			Sql.execute(mid.dataSource(), "insert into account (email) values ('mid@example.com')");
			migrations(past.dataSource(), this.directory).upgrade(R3);
			Sql.execute(past.dataSource(), "insert into account (email, name) values ('past@example.com', 'Past')");
			migrations(head.dataSource(), this.directory).upgrade("head");
			Sql.execute(head.dataSource(), "insert into account (email) values ('head@example.com')");

			String squash = migrations(base.dataSource(), this.directory).squash(R3, null).revision();

			// read-only commands show the squash for a database that recorded the point, before anything is written
			Migrations atPast = migrations(past.dataSource(), this.directory);
			assertThat(atPast.current()).containsExactly(squash);
			assertThat(atPast.status().pending()).containsExactly(R4);
			assertThat(versionRows(past.dataSource())).containsExactly(R1, R2, R3);
			assertThat(migrations(head.dataSource(), this.directory).current()).containsExactly(R4);
			// one in the middle is at its last replaced revision, with the rest of the replaced history pending,
			// then what follows the squash (the squash is recorded in their place, not run); nothing is missing
			MigrationsStatus atMid = migrations(mid.dataSource(), this.directory).status();
			assertThat(atMid.current()).containsExactly(R2);
			assertThat(atMid.missing()).isEmpty();
			assertThat(atMid.failed()).isEmpty();
			assertThat(atMid.pending()).containsExactly(R3, R4);
			assertThat(atMid.revisions()).extracting(RevisionInfo::revision, RevisionInfo::state).containsExactly(
					tuple(R4, RevisionInfo.State.PENDING), tuple(squash, RevisionInfo.State.PENDING),
					tuple(R3, RevisionInfo.State.PENDING), tuple(R2, RevisionInfo.State.APPLIED),
					tuple(R1, RevisionInfo.State.APPLIED));
			assertThat(atMid.revisions().get(3).message()).isEqualTo("create invoice");
			assertThat(versionRows(mid.dataSource())).containsExactly(R1, R2);

			for (TestDatabase db : List.of(base, mid, past, head)) {
				Migrations migrations = migrations(db.dataSource(), this.directory);
				CommandResult upgraded = migrations.upgrade("head");
				if (db == mid) {
					// one upgrade from where it was: the rest of the replaced history, then what follows the squash
					assertThat(upgraded.currentBefore()).containsExactly(R2);
					assertThat(upgraded.steps()).extracting(StepResult::revision).containsExactly(R3, R4);
				}
				assertThat(migrations.current()).as(db.name()).containsExactly(R4);
				assertThat(versionRows(db.dataSource())).as(db.name()).containsExactly(squash, R4);
				assertThat(dump(db.dataSource())).as(db.name()).isEqualTo(dump(head.dataSource()));
			}
			assertThat(Sql.column(mid.dataSource(), "select email from account")).containsExactly("mid@example.com");
			assertThat(Sql.column(past.dataSource(), "select name from account")).containsExactly("Past");
			assertThat(Sql.column(head.dataSource(), "select email from account")).containsExactly("head@example.com");
			assertThat(Sql.column(past.dataSource(), "select operation from migrations_version_log where revision = '"
					+ squash + "'")).containsExactly("SQUASH");
			// a database past the point downgrades through the squash to base
			migrations(past.dataSource(), this.directory).downgrade("base");
			assertThat(versionRows(past.dataSource())).isEmpty();
			assertThat(Sql.postgresTables(past.dataSource())).containsExactly("migrations_version", "migrations_version_log");
		}
	}

	@Test
	void aDatabaseMidChainIsRefusedOnceTheReplacedFilesAreDeletedWhileOthersGoOn(TestDatabase base) throws IOException {
		writeHistory(this.directory);
		try (TestDatabase mid = TestDatabases.postgres(); TestDatabase past = TestDatabases.postgres()) {
			migrations(mid.dataSource(), this.directory).upgrade(R2);
			migrations(past.dataSource(), this.directory).upgrade(R3);
			SquashResult result = migrations(base.dataSource(), this.directory).squash(R3, "squash");
			try (Stream<Path> files = Files.list(this.directory)) {
				for (Path file : files.filter((f) -> !f.getFileName().toString().startsWith(result.revision())
						&& !f.getFileName().toString().startsWith(R4)).toList()) {
					Files.delete(file);
				}
			}
			Migrations atMid = migrations(mid.dataSource(), this.directory);
			// the status still reads the rows of the deleted files as the way to the squash, from the rows alone
			MigrationsStatus status = atMid.status();
			assertThat(status.missing()).isEmpty();
			assertThat(status.current()).containsExactly(R2);
			assertThat(status.pending()).containsExactly(R3, R4);
			assertThat(status.revisions()).extracting(RevisionInfo::revision, RevisionInfo::message).containsExactly(
					tuple(R4, "paid invoices"), tuple(result.revision(), "squash"), tuple(R3, ""),
					tuple(R2, "create invoice"), tuple(R1, "create account"));
			assertThatThrownBy(() -> atMid.upgrade("head")).isInstanceOf(SquashException.class)
				.hasMessageStartingWith("The database recorded 2 of the 3 revisions squashed into " + result.revision())
				.hasMessageContaining("files of 1 of them are gone (first: " + R3 + ")")
				.hasMessageContaining("db stamp " + result.revision());
			assertThat(versionRows(mid.dataSource())).containsExactly(R1, R2);
			// the way out when the schema is known to match: record the squash
			atMid.stamp(result.revision());
			assertThat(versionRows(mid.dataSource())).containsExactly(result.revision());
			assertThat(atMid.current()).containsExactly(result.revision());

			migrations(past.dataSource(), this.directory).upgrade("head");
			assertThat(versionRows(past.dataSource())).containsExactly(result.revision(), R4);
			migrations(base.dataSource(), this.directory).upgrade("head");
			assertThat(versionRows(base.dataSource())).containsExactly(result.revision(), R4);
			assertThat(dump(base.dataSource())).isEqualTo(dump(past.dataSource()));
		}
	}

	@Test
	void squashingAgainReplacesTheEarlierSquash(TestDatabase db) throws IOException {
		writeHistory(this.directory);
		try (TestDatabase past = TestDatabases.postgres(); TestDatabase early = TestDatabases.postgres();
				TestDatabase atFirst = TestDatabases.postgres()) {
			migrations(past.dataSource(), this.directory).upgrade(R3);
			migrations(early.dataSource(), this.directory).upgrade(R1);
			String first = migrations(db.dataSource(), this.directory).squash(R2, "first").revision();
			// recorded the first squash, which the second one replaces
			migrations(atFirst.dataSource(), this.directory).upgrade(first);
			assertThat(versionRows(atFirst.dataSource())).containsExactly(first);
			// head: the one head, R4
			SquashResult second = migrations(db.dataSource(), this.directory).squash("head", "second");
			assertThat(second.point()).isEqualTo(R4);
			assertThat(second.replaces()).containsExactly(R1, R2, first, R3, R4);
			Migrations migrations = migrations(past.dataSource(), this.directory);
			assertThat(migrations.graph().bases()).containsExactly(second.revision());
			migrations.upgrade("head");
			assertThat(versionRows(past.dataSource())).containsExactly(second.revision());
			migrations(db.dataSource(), this.directory).upgrade("head");
			assertThat(dump(db.dataSource())).isEqualTo(dump(past.dataSource()));

			// at the first squash: only what follows it runs, though the files it replaced are gone
			for (String replacedByFirst : List.of(R1, R2)) {
				try (Stream<Path> files = Files.list(this.directory)) {
					for (Path file : files.filter((f) -> f.getFileName().toString().startsWith(replacedByFirst)).toList()) {
						Files.delete(file);
					}
				}
			}
			Migrations fromFirst = migrations(atFirst.dataSource(), this.directory);
			assertThat(fromFirst.status().pending()).containsExactly(R3, R4);
			assertThat(fromFirst.upgrade("head").steps()).extracting(StepResult::revision).containsExactly(R3, R4);
			assertThat(versionRows(atFirst.dataSource())).containsExactly(second.revision());
			assertThat(dump(atFirst.dataSource())).isEqualTo(dump(past.dataSource()));
			// in the middle of both squashes, with those files gone: refused, nothing run
			assertThatThrownBy(() -> migrations(early.dataSource(), this.directory).upgrade("head"))
				.isInstanceOf(SquashException.class)
				.hasMessageContaining("the files of");
			assertThat(versionRows(early.dataSource())).containsExactly(R1);
		}
	}

	@Test
	void aDatabaseInTheMiddleGoesUpAndDownThroughTheReplacedFilesAndOthersAreToldTheRevisionIsReplaced(TestDatabase db) {
		writeHistory(this.directory);
		try (TestDatabase mid = TestDatabases.postgres()) {
			migrations(mid.dataSource(), this.directory).upgrade(R1);
			String squash = migrations(db.dataSource(), this.directory).squash(R3, "squash").revision();
			migrations(db.dataSource(), this.directory).upgrade("head");

			// to a revision of the squashed history: that far, no further
			Migrations atMid = migrations(mid.dataSource(), this.directory);
			assertThat(atMid.upgrade(R2).steps()).extracting(StepResult::revision).containsExactly(R2);
			assertThat(versionRows(mid.dataSource())).containsExactly(R1, R2);
			assertThat(atMid.status().current()).containsExactly(R2);
			// back through the replaced files' downgrades
			assertThat(atMid.downgrade("-1").steps()).extracting(StepResult::revision).containsExactly(R2);
			assertThat(versionRows(mid.dataSource())).containsExactly(R1);
			atMid.downgrade("base");
			assertThat(versionRows(mid.dataSource())).isEmpty();
			assertThat(Sql.postgresTables(mid.dataSource())).containsExactly("migrations_version", "migrations_version_log");

			// past the squash: the replaced revision is named as such, nothing run
			Migrations atHead = migrations(db.dataSource(), this.directory);
			for (Runnable command : new Runnable[] { () -> atHead.upgrade(R2), () -> atHead.downgrade(R2),
					() -> atHead.stamp(R2) }) {
				assertThatThrownBy(command::run).isInstanceOf(TargetException.class)
					.hasMessageStartingWith("'" + R2 + "' is revision " + R2 + ", which squash " + squash + " (")
					.hasMessageEndingWith("Name " + squash + " or a revision after it.");
			}
			assertThat(versionRows(db.dataSource())).containsExactly(squash, R4);
		}
	}

	@Test
	void aDatabaseInTheMiddleOfTwoNestedSquashesGoesOnThroughTheOriginalFiles(TestDatabase db) {
		writeHistory(this.directory);
		try (TestDatabase past = TestDatabases.postgres(); TestDatabase early = TestDatabases.postgres()) {
			migrations(early.dataSource(), this.directory).upgrade(R1);
			String first = migrations(db.dataSource(), this.directory).squash(R2, "first").revision();
			String second = migrations(db.dataSource(), this.directory).squash("head", "second").revision();
			migrations(past.dataSource(), this.directory).upgrade("head");

			Migrations fromEarly = migrations(early.dataSource(), this.directory);
			assertThat(fromEarly.status().current()).containsExactly(R1);
			assertThat(fromEarly.upgrade("head").steps()).extracting(StepResult::revision).containsExactly(R2, R3, R4);
			assertThat(versionRows(early.dataSource())).containsExactly(second);
			assertThat(dump(early.dataSource())).isEqualTo(dump(past.dataSource()));
			assertThat(first).isNotEqualTo(second);
		}
	}

	@Test
	void aDatabaseWhoseReplacedRevisionFailedIsStampedAsTheFailureSaysThenGoesOn(TestDatabase base) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("fafa00000001", "none", "a", "CREATE TABLE a (id int PRIMARY KEY);", "DROP TABLE a;");
		files.write("fafa00000002", "fafa00000001", "b and c", "-- transactional: false\n",
				"CREATE TABLE b (id int PRIMARY KEY);\nCREATE TABLE c (id int PRIMARY KEY);", "DROP TABLE c;\nDROP TABLE b;");
		files.write("fafa00000003", "fafa00000002", "d", "CREATE TABLE d (id int PRIMARY KEY);", "DROP TABLE d;");
		files.write("fafa00000004", "fafa00000003", "e", "CREATE TABLE e (id int PRIMARY KEY);", "DROP TABLE e;");
		try (TestDatabase mid = TestDatabases.postgres()) {
			// a table c of its own makes the second statement of the non-transactional revision fail
			Sql.execute(mid.dataSource(), "CREATE TABLE c (code text)");
			assertThatThrownBy(() -> migrations(mid.dataSource(), this.directory).upgrade("head"))
				.hasMessageContaining("run `db stamp fafa00000002` if you completed the upgrade, or `db stamp fafa00000001`"
						+ " if you undid it");
			String squash = migrations(base.dataSource(), this.directory).squash("fafa00000003", "squash").revision();

			Migrations atMid = migrations(mid.dataSource(), this.directory);
			assertThat(atMid.status().failed()).containsExactly("fafa00000002");
			// completed by hand, then stamped as the failure said, though a squash now replaces that revision
			Sql.execute(mid.dataSource(), "DROP TABLE c; CREATE TABLE c (id int PRIMARY KEY)");
			atMid.stamp("fafa00000002");
			assertThat(atMid.status().failed()).isEmpty();
			assertThat(atMid.upgrade("head").steps()).extracting(StepResult::revision)
				.containsExactly("fafa00000003", "fafa00000004");
			assertThat(versionRows(mid.dataSource())).containsExactly(squash, "fafa00000004");
			migrations(base.dataSource(), this.directory).upgrade("head");
			assertThat(dump(mid.dataSource())).isEqualTo(dump(base.dataSource())).isNotEmpty();
		}
	}

	@Test
	void refusesAHistoryWithTenantPlaceholdersNamingTheRevision(TestDatabase db) throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("fbfb00000001", "none", "a", "CREATE TABLE a (id int PRIMARY KEY);", "DROP TABLE a;");
		files.write("fbfb00000002", "fbfb00000001", "b", "CREATE TABLE ${schema}.b (id int PRIMARY KEY);",
				"DROP TABLE ${schema}.b;");
		files.write("fbfb00000003", "fbfb00000002", "c", "CREATE TABLE c (id int PRIMARY KEY);", "DROP TABLE c;");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash("fbfb00000003", "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to fbfb00000003: fbfb00000002 (")
			.hasMessageContaining("uses ${schema} or ${tenant}")
			.hasMessageEndingWith("Squash up to a revision before it.");
		try (Stream<Path> list = Files.list(this.directory)) {
			assertThat(list).hasSize(3);
		}
	}

	@Test
	void aHistoryThatDoesNotRunOnAnEmptySchemaIsRefusedNamingTheRevisionNotAdvisingAStamp(TestDatabase db)
			throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("fcfc00000001", "none", "a", "CREATE TABLE a (id int PRIMARY KEY);", "DROP TABLE a;");
		files.write("fcfc00000002", "fcfc00000001", "index a table made by hand",
				"CREATE INDEX ix_made_by_hand ON made_by_hand (id);", "DROP INDEX ix_made_by_hand;");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash("fcfc00000002", "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to fcfc00000002: the history does not run from base on an empty"
					+ " schema")
			.hasMessageContaining("Revision fcfc00000002 (")
			.hasMessageContaining("relation \"made_by_hand\" does not exist")
			.hasMessageNotContaining("db stamp")
			.hasMessageNotContaining("db upgrade");
		try (Stream<Path> list = Files.list(this.directory)) {
			assertThat(list).hasSize(2);
		}
		assertThat(Sql.column(db.dataSource(), "select nspname from pg_namespace where nspname like 'migrations_squash_%'"))
			.isEmpty();
	}

	@Test
	void refusesABranchInsideTheHistory(TestDatabase db) {
		writeHistory(this.directory);
		new RevisionFiles(this.directory).write("bbbb00000001", R2, "side branch", "CREATE TABLE side (id int);",
				"DROP TABLE side;");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash(R3, "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to " + R3 + ": the history branches at " + R2);
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash("head", "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to head: there are 2 heads ");
	}

	private static final String A = "cccc00000001";

	private static final String B = "cccc00000002";

	private static final String C = "cccc00000003";

	private static final String M = "cccc00000004";

	private static final String D = "cccc00000005";

	/** A root, two branches from it, their merge (the squash point in the tests), and a revision after it. */
	private void writeBranchedHistory(Path target) {
		RevisionFiles files = new RevisionFiles(target);
		files.write(A, "none", "a", "CREATE TABLE a (id int PRIMARY KEY);", "DROP TABLE a;");
		files.write(B, A, "b", "CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));", "DROP TABLE b;");
		files.write(C, A, "c", "CREATE TABLE c (id int PRIMARY KEY);", "DROP TABLE c;");
		files.write(M, B + ", " + C, "merge b and c", "ALTER TABLE b ADD COLUMN c_id int REFERENCES c (id);",
				"ALTER TABLE b DROP COLUMN c_id;");
		files.write(D, M, "d", "CREATE TABLE d (id int PRIMARY KEY);", "DROP TABLE d;");
	}

	@Test
	void aHistoryThatBranchesAndMergesIsSquashedAndDatabasesOnEitherBranchGoOnThroughTheirRest(TestDatabase base) {
		writeBranchedHistory(this.directory);
		try (TestDatabase onB = TestDatabases.postgres(); TestDatabase onC = TestDatabases.postgres();
				TestDatabase atRoot = TestDatabases.postgres(); TestDatabase past = TestDatabases.postgres();
				TestDatabase head = TestDatabases.postgres()) {
			migrations(onB.dataSource(), this.directory).upgrade(B);
			Sql.execute(onB.dataSource(), "insert into a values (1); insert into b (id, a_id) values (10, 1)");
			migrations(onC.dataSource(), this.directory).upgrade(C);
			Sql.execute(onC.dataSource(), "insert into c values (7)");
			migrations(atRoot.dataSource(), this.directory).upgrade(A);
			migrations(past.dataSource(), this.directory).upgrade(M);
			migrations(head.dataSource(), this.directory).upgrade("head");

			SquashResult result = migrations(base.dataSource(), this.directory).squash(M, "squash the branches");
			String squash = result.revision();
			assertThat(result.replaces()).containsExactly(A, B, C, M);

			Migrations squashed = migrations(base.dataSource(), this.directory);
			assertThat(squashed.graph().bases()).containsExactly(squash);
			assertThat(squashed.graph().get(D).downRevisions()).containsExactly(squash);
			// each database in the middle has the revisions of the other branch, the merge and what follows to run
			assertThat(migrations(onB.dataSource(), this.directory).status().pending()).containsExactly(C, M, D);
			assertThat(migrations(onC.dataSource(), this.directory).status().pending()).containsExactly(B, M, D);
			assertThat(migrations(atRoot.dataSource(), this.directory).status().pending()).containsExactly(B, C, M, D);
			assertThat(migrations(past.dataSource(), this.directory).current()).containsExactly(squash);

			assertThat(migrations(onB.dataSource(), this.directory).upgrade("head").steps()).extracting(StepResult::revision)
				.containsExactly(C, M, D);
			assertThat(migrations(onC.dataSource(), this.directory).upgrade("head").steps()).extracting(StepResult::revision)
				.containsExactly(B, M, D);
			for (TestDatabase db : List.of(base, onB, onC, atRoot, past, head)) {
				Migrations migrations = migrations(db.dataSource(), this.directory);
				migrations.upgrade("head");
				assertThat(migrations.current()).as(db.name()).containsExactly(D);
				assertThat(versionRows(db.dataSource())).as(db.name()).containsExactly(squash, D);
				assertThat(dump(db.dataSource())).as(db.name()).isEqualTo(dump(head.dataSource())).isNotEmpty();
			}
			assertThat(Sql.column(onB.dataSource(), "select a_id from b")).containsExactly("1");
			assertThat(Sql.column(onC.dataSource(), "select id from c")).containsExactly("7");
			// a new database downgrades through the squash to base
			squashed.downgrade("base");
			assertThat(Sql.postgresTables(base.dataSource())).containsExactly("migrations_version", "migrations_version_log");
		}
	}

	@Test
	void refusesABranchThatDoesNotMergeAgainByThePoint(TestDatabase db) {
		writeBranchedHistory(this.directory);
		new RevisionFiles(this.directory).write("cccc00000009", A, "e", "CREATE TABLE e (id int);", "DROP TABLE e;");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash(M, "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to " + M + ": the history branches at " + A)
			.hasMessageContaining("[cccc00000009] do(es) not lead to " + M)
			.hasMessageContaining("merge the branches first (`db merge`)");
		assertThat(Sql.postgresTables(db.dataSource())).isEmpty();
	}

	@Test
	void refusesWhatTheSchemaModelDoesNotCarryAndWritesNothing(TestDatabase db) throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("dddd00000001", "none", "tables", "CREATE TABLE account (id int PRIMARY KEY, email text);",
				"DROP TABLE account;");
		files.write("dddd00000002", "dddd00000001", "materialized view, rule, domain and rows", """
				CREATE MATERIALIZED VIEW account_emails AS SELECT email FROM account;
				CREATE RULE no_delete AS ON DELETE TO account DO INSTEAD NOTHING;
				CREATE DOMAIN email_address AS text CHECK (value LIKE '%@%');
				CREATE AGGREGATE longest (text) (SFUNC = textcat, STYPE = text);
				INSERT INTO account VALUES (1, 'root@example.com');""",
				"DROP MATERIALIZED VIEW account_emails; DROP RULE no_delete ON account; DROP DOMAIN email_address;"
						+ " DROP AGGREGATE longest (text);");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash("dddd00000002", "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to dddd00000002: the history creates what the schema model does not"
					+ " carry")
			.hasMessageContaining("materialized view account_emails")
			.hasMessageContaining("rule no_delete on account")
			.hasMessageContaining("domain email_address")
			.hasMessageContaining("aggregate longest(text)")
			.hasMessageContaining("rows in table account");
		try (Stream<Path> list = Files.list(this.directory)) {
			assertThat(list).hasSize(2);
		}
		assertThat(Sql.column(db.dataSource(), "select nspname from pg_namespace where nspname like 'migrations_squash_%'"))
			.isEmpty();
	}

	/** Functions, views and triggers as the server prints them, whatever the schema: what a squash must rebuild. */
	private static List<String> routinesAndViews(DataSource dataSource) {
		return Sql.column(dataSource, """
				select kind || ' ' || name || ': ' || definition from (
				  select 'function' kind, p.proname::text name, pg_get_functiondef(p.oid) definition from pg_proc p
				  where p.pronamespace = 'public'::regnamespace
				  union all select 'view', c.relname, pg_get_viewdef(c.oid) || coalesce(' ' || c.reloptions::text, '')
				  from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'v'
				  union all select 'trigger', t.tgname, pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text from pg_trigger t
				  join pg_class c on c.oid = t.tgrelid where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
				  union all select 'comment', coalesce(p.proname, c.relname, t.tgname), d.description from pg_description d
				  left join pg_proc p on d.classoid = 'pg_proc'::regclass and p.oid = d.objoid
				  left join pg_class c on d.classoid = 'pg_class'::regclass and c.oid = d.objoid and c.relkind = 'v'
				  left join pg_trigger t on d.classoid = 'pg_trigger'::regclass and t.oid = d.objoid
				  where coalesce(p.pronamespace, c.relnamespace, (select relnamespace from pg_class where oid = t.tgrelid))
				    = 'public'::regnamespace) objects order by 1""");
	}

	@Test
	void functionsViewsAndTriggersAreWrittenAgainAfterTheTablesAndDroppedBeforeThem(TestDatabase db) throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("eeee00000001", "none", "tables", """
				CREATE TYPE state AS ENUM ('open', 'closed');
				CREATE TABLE account (id int PRIMARY KEY, email text NOT NULL, state state NOT NULL DEFAULT 'open',
				    updated_at timestamptz);""", "DROP TABLE account; DROP TYPE state;");
		files.write("eeee00000002", "eeee00000001", "trigger and views", """
				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  NEW.updated_at := now();
				  RETURN NEW;
				END $$;
				CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE TRIGGER account_audit AFTER DELETE ON account FOR EACH ROW EXECUTE FUNCTION touch();
				ALTER TABLE account DISABLE TRIGGER account_audit;
				COMMENT ON TRIGGER account_touch ON account IS 'keeps updated_at';
				CREATE VIEW open_accounts WITH (security_barrier = true) AS SELECT id, email FROM account WHERE state = 'open';
				COMMENT ON VIEW open_accounts IS 'accounts still open';""",
				"DROP VIEW open_accounts; DROP TRIGGER account_audit ON account; DROP TRIGGER account_touch ON account;"
						+ " DROP FUNCTION touch();");
		// a function created after the view it reads, and a view on that function, created after both
		files.write("eeee00000003", "eeee00000002", "function on a view, view on a function", """
				CREATE FUNCTION open_count(state state DEFAULT 'open') RETURNS bigint LANGUAGE sql STABLE
				    BEGIN ATOMIC SELECT count(*) FROM open_accounts; END;
				COMMENT ON FUNCTION open_count(state) IS 'how many are open';
				CREATE PROCEDURE close_all() LANGUAGE sql AS $$ UPDATE account SET state = 'closed' $$;
				CREATE VIEW summary AS SELECT open_count() AS open, (SELECT count(*) FROM open_accounts) AS listed;""",
				"DROP VIEW summary; DROP PROCEDURE close_all(); DROP FUNCTION open_count(state);");
		files.write("eeee00000004", "eeee00000003", "after", "CREATE TABLE later (id int);", "DROP TABLE later;");
		writeFilesTo(this.unsquashed);

		SquashResult result = migrations(db.dataSource(), this.directory).squash("eeee00000003", "squash");
		String text = Files.readString(result.file());
		assertThat(text).contains("CREATE OR REPLACE FUNCTION touch()").contains("CREATE VIEW open_accounts WITH (")
			.doesNotContain("migrations_squash_");
		assertThat(text.indexOf("CREATE TABLE")).isLessThan(text.indexOf("CREATE OR REPLACE FUNCTION touch()"));
		assertThat(text.indexOf("CREATE VIEW open_accounts")).isLessThan(text.indexOf("FUNCTION open_count"));
		assertThat(text.indexOf("FUNCTION open_count")).isLessThan(text.indexOf("CREATE VIEW summary"));

		try (TestDatabase old = TestDatabases.postgres()) {
			migrations(old.dataSource(), this.unsquashed).upgrade("head");
			Migrations squashed = migrations(db.dataSource(), this.directory);
			squashed.upgrade("head");
			assertThat(versionRows(db.dataSource())).containsExactly(result.revision(), "eeee00000004");
			assertThat(routinesAndViews(db.dataSource())).isEqualTo(routinesAndViews(old.dataSource())).hasSize(10);
			assertThat(dump(db.dataSource())).isEqualTo(dump(old.dataSource()));
			// the trigger works in the rebuilt schema
			Sql.execute(db.dataSource(), "insert into account (id, email) values (1, 'a@example.com');"
					+ " update account set email = 'b@example.com'");
			assertThat(Sql.column(db.dataSource(), "select count(*) from account where updated_at is not null"))
				.containsExactly("1");
			Sql.execute(db.dataSource(), "delete from account");
			squashed.downgrade("base");
			assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
			assertThat(routinesAndViews(db.dataSource())).isEmpty();
		}
	}

	@Test
	void aFunctionATableCallsIsCreatedBeforeTheTables(TestDatabase db) throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("ffff00000001", "none", "functions", """
				CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'C-' || floor(random() * 1000)::int $$;
				CREATE FUNCTION is_code(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT value LIKE 'C-%' $$;
				CREATE FUNCTION normalized(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(value) $$;""",
				"DROP FUNCTION normalized(text); DROP FUNCTION is_code(text); DROP FUNCTION next_code();");
		files.write("ffff00000002", "ffff00000001", "table calling them", """
				CREATE TABLE item (id int PRIMARY KEY, code text NOT NULL DEFAULT next_code() CHECK (is_code(code)));
				CREATE UNIQUE INDEX ux_item_code ON item (normalized(code));""", "DROP TABLE item;");
		files.write("ffff00000003", "ffff00000002", "a function reading the table, and a table calling it", """
				CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM item $$;
				CREATE TABLE report (id int, items bigint DEFAULT item_count());""",
				"DROP TABLE report; DROP FUNCTION item_count();");
		writeFilesTo(this.unsquashed);

		SquashResult result = migrations(db.dataSource(), this.directory).squash("ffff00000003", "squash");
		String text = Files.readString(result.file());
		int table = text.indexOf("CREATE TABLE");
		assertThat(text.indexOf("FUNCTION next_code()")).isBetween(0, table);
		assertThat(text.indexOf("FUNCTION is_code(")).isBetween(0, table);
		assertThat(text.indexOf("FUNCTION normalized(")).isBetween(0, table);
		// called by a table too, it comes first; its body is checked when it runs, not when it is created
		assertThat(text.indexOf("FUNCTION item_count()")).isBetween(0, table);
		assertThat(text.indexOf("SET check_function_bodies = false;")).isBetween(0, text.indexOf("FUNCTION next_code()"));
		try (TestDatabase old = TestDatabases.postgres()) {
			migrations(old.dataSource(), this.unsquashed).upgrade("head");
			Migrations squashed = migrations(db.dataSource(), this.directory);
			squashed.upgrade("head");
			assertThat(routinesAndViews(db.dataSource())).isEqualTo(routinesAndViews(old.dataSource())).hasSize(4);
			assertThat(dump(db.dataSource())).isEqualTo(dump(old.dataSource()));
			squashed.downgrade("base");
			assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
			assertThat(routinesAndViews(db.dataSource())).isEmpty();
		}
	}

	@Test
	void aSquashThatDoesNotApplyToAnEmptySchemaIsRefusedNamingTheStatement(TestDatabase db) throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		// a function whose body the server resolves at once (BEGIN ATOMIC) reads a table, and a later table's default
		// calls it: the squash creates the functions tables call before all tables
		files.write("ffff00000011", "none", "table", "CREATE TABLE setting (value int);", "DROP TABLE setting;");
		files.write("ffff00000012", "ffff00000011", "function on it", """
				CREATE FUNCTION current_setting_value() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT max(value) FROM setting; END;""",
				"DROP FUNCTION current_setting_value();");
		files.write("ffff00000013", "ffff00000012", "a table calling it", """
				CREATE TABLE item (id int, setting int DEFAULT current_setting_value());""", "DROP TABLE item;");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash("ffff00000013", "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("The squash up to ffff00000013 does not apply to an empty schema; nothing was written."
					+ " Its statement ")
			.hasMessageContaining("relation \"setting\" does not exist");
		try (Stream<Path> list = Files.list(this.directory)) {
			assertThat(list).hasSize(3);
		}
		assertThat(Sql.column(db.dataSource(), "select nspname from pg_namespace where nspname like 'migrations_squash_%'"))
			.isEmpty();
	}

	private void writeFilesTo(Path target) throws IOException {
		try (Stream<Path> list = Files.list(this.directory)) {
			for (Path file : list.toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
	}

	@Test
	void refusesWhatTheModelLeavesOutOfTheObjectsItCarriesAndWritesNothing(TestDatabase db) throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("eeee00000001", "none", "parent", """
				CREATE TABLE parent (id int PRIMARY KEY, code text COLLATE "C" UNIQUE NULLS NOT DISTINCT,
				    total numeric GENERATED ALWAYS AS (id * 2) STORED);
				CREATE UNLOGGED TABLE cache (k int) WITH (fillfactor = 70);""", "DROP TABLE cache; DROP TABLE parent;");
		files.write("eeee00000002", "eeee00000001", "child", """
				CREATE TABLE child (id int GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 10) PRIMARY KEY,
				    parent_id int, CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) DEFERRABLE
				    INITIALLY DEFERRED);
				ALTER TABLE child ADD CONSTRAINT child_positive CHECK (parent_id > 0) NOT VALID;
				COMMENT ON CONSTRAINT child_positive ON child IS 'new rows only';""", "DROP TABLE child;");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash("eeee00000002", "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to eeee00000002: the squash would not rebuild everything its 2"
					+ " revisions create, as the server prints it; nothing was written.")
			.hasMessageContaining("column parent.code: text collate C")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("parent.total"))
			.hasMessageContaining("constraint parent_code_key on parent: UNIQUE NULLS NOT DISTINCT (code)")
			.hasMessageContaining("table cache: persistence u options {fillfactor=70}")
			.hasMessageContaining("column child.id: integer not null identity a start 100 increment 10")
			.hasMessageContaining("constraint child_parent on child: FOREIGN KEY (parent_id) REFERENCES parent(id)"
					+ " DEFERRABLE INITIALLY DEFERRED")
			.hasMessageContaining("constraint child_positive on child: CHECK ((parent_id > 0)) NOT VALID")
			.hasMessageContaining("comment on constraint child_positive on child: new rows only (the squash does not build it)");
		try (Stream<Path> list = Files.list(this.directory)) {
			assertThat(list).hasSize(2);
		}
		assertThat(Sql.column(db.dataSource(), "select nspname from pg_namespace where nspname like 'migrations_squash_%'"))
			.isEmpty();
	}

}
