package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.RevisionInfo;
import dev.migrations.Sql;
import dev.migrations.revision.JavaRevision;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a failing statement leaves behind, in and out of a transaction. */
@ExtendWith(TestDatabaseExtension.class)
class FailurePostgresTest {

	@TempDir
	Path directory;

	@Test
	void failingStatementInRevisionKeepsEarlierRevisionsAndLeavesNoTraceOfItself(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "CREATE TABLE two (id int PRIMARY KEY);", "DROP TABLE two;");
		Path third = files.write("cccc00000003", "bbbb00000002", "three",
				"CREATE TABLE three (id int PRIMARY KEY);\nINSERT INTO three VALUES (1);\n\n"
						+ "INSERT INTO three VALUES (1);\nCREATE TABLE never (id int);",
				"DROP TABLE three;");
		files.write("dddd00000004", "cccc00000003", "four", "CREATE TABLE four (id int);", "DROP TABLE four;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
				() -> migrations.upgrade("head"));

		assertThat(failure.revision()).isEqualTo("cccc00000003");
		assertThat(failure.statementNumber()).isEqualTo(3);
		// headers (4) + blank + "-- upgrade" = line 7 is the first statement; the failing one is 3 lines further down
		assertThat(failure.line()).isEqualTo(10);
		assertThat(failure.getMessage()).contains(third.toString())
			.contains("statement 3 of 4 (line 10)")
			.contains("INSERT INTO three VALUES (1)")
			.contains("duplicate key")
			.contains("23505")
			.contains("rolled back");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log", "one",
				"two");
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version order by applied_seq"))
			.containsExactly("aaaa00000001", "bbbb00000002");
		// the log has the failure, written after the rollback
		assertThat(Sql.column(db.dataSource(), "select operation from migrations_version_log where revision = 'cccc00000003'"))
			.containsExactly("FAILED");
		assertThat(migrations.current()).containsExactly("bbbb00000002");
	}

	@Test
	void aRevisionEndingItsTransactionItselfIsRefusedBeforeAnyOfItRuns(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);\nINSERT INTO one VALUES (1), (2);",
				"DROP TABLE one;");
		// a COMMIT would keep the DELETE although the division fails and the revision reads as rolled back
		Path second = files.write("bbbb00000002", "aaaa00000001", "purge", "DELETE FROM one;\n-- keep it\ncommit /* now */;\n"
				+ "ALTER TABLE one ADD COLUMN j int;\nSELECT 1/0;", "ALTER TABLE one DROP COLUMN j;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
				() -> migrations.upgrade("head"));

		assertThat(failure.getMessage()).startsWith("Revision bbbb00000002 (" + second + ") cannot run: its upgrade statement"
				+ " 2 (line 9) is COMMIT, which ends the transaction the revision runs in")
			.contains("mark this one `-- transactional: false`")
			.endsWith("Nothing of this revision was run.");
		assertThat(failure.partlyApplied()).isFalse();
		assertThat(Sql.column(db.dataSource(), "select id::text from one order by id")).containsExactly("1", "2");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "select count(*)::text from migrations_version where revision = 'bbbb00000002'"))
			.containsExactly("0");
	}

	@Test
	void aRevisionOutsideATransactionOpeningOneIsRefusedBeforeItIsRecorded(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "grouped", "-- transactional: false\n",
				"CREATE TABLE nb0 (i int);\nBEGIN;\nCREATE TABLE nb1 (i int);", "DROP TABLE nb1;\nDROP TABLE nb0;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("cannot run: its upgrade statement 2 (line")
			.hasMessageContaining("is BEGIN, which opens or ends a transaction in a revision that runs outside one")
			.hasMessageEndingWith("Nothing of this revision was run.");
		// not started: no RUNNING or FAILED row to stamp away, nothing of it in the schema
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log", "one");
		assertThat(migrations.status().failed()).isEmpty();
		assertThat(migrations.current()).containsExactly("aaaa00000001");
	}

	@Test
	void aRevisionThatCannotRunStopsTheUpgradeBeforeTheRevisionsAheadOfItAreApplied(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "CREATE TABLE two (id int PRIMARY KEY);", "DROP TABLE two;");
		Path third = files.write("cccc00000003", "bbbb00000002", "note", "INSERT INTO two VALUES (1);\n"
				+ "COMMENT ON TABLE two IS 'left open;", "COMMENT ON TABLE two IS NULL;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		// a release that cannot start must not leave the database halfway to it
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith(third + ":")
			.hasMessageContaining("the upgrade section cannot be split into statements")
			.hasMessageEndingWith("Nothing was run: the 3 revisions to apply are all checked before the first one runs.");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
		assertThat(migrations.current()).isEmpty();
	}

	@Test
	void aDowngradeThatCannotRunStopsTheCommandBeforeTheRevisionsAheadOfItAreReverted(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);",
				"DROP TABLE one;\n\\echo dropped");
		files.write("bbbb00000002", "aaaa00000001", "two", "CREATE TABLE two (id int PRIMARY KEY);", "DROP TABLE two;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("head");

		assertThatThrownBy(() -> migrations.downgrade("base")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("aaaa00000001")
			.hasMessageEndingWith("Nothing was run: the 2 revisions to revert are all checked before the first one runs.");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log", "one",
				"two");
		assertThat(migrations.current()).containsExactly("bbbb00000002");
	}

	@Test
	void anInterruptedUpgradeEndsAtTheRevisionsBoundaryAndStartsNoOther(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "CREATE TABLE two (id int PRIMARY KEY);", "DROP TABLE two;");
		Path third = files.write("cccc00000003", "bbbb00000002", "three", "CREATE TABLE three (id int);", "DROP TABLE three;");
		// what a shutdown hook does while the first revision runs (ShutdownGuard): interrupt the command's thread
		MigrationsListener interruptAfterTheFirst = new MigrationsListener() {
			@Override
			public void finished(StepResult step, int index, int total) {
				if (index == 1) {
					Thread.currentThread().interrupt();
				}
			}
		};
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.listener(interruptAfterTheFirst).load();

		try {
			assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class)
				.hasMessage("Stopped before revision bbbb00000002 (" + this.directory.resolve("bbbb00000002_two.sql")
						+ "): the command's thread was interrupted (the process is shutting down). 1 of 3"
						+ " revisions applied and recorded; the rest were not started. Run `db upgrade` again (or start the"
						+ " application again) to go on.");
		}
		finally {
			Thread.interrupted();
		}
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log", "one");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(third).exists();
	}

	@Test
	void aStatementThatCannotRunInATransactionIsToldToGoOutsideOne(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY, name text);", "DROP TABLE one;");
		Path second = files.write("bbbb00000002", "aaaa00000001", "two", "ALTER TABLE one ADD COLUMN code text;\n"
				+ "CREATE UNIQUE INDEX /* by code */ CONCURRENTLY ux_one_code ON one (code);", "ALTER TABLE one DROP COLUMN code;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		// it could never run: refused before the revisions ahead of it are applied, as a COMMIT is
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith("Revision bbbb00000002 (" + second + ") cannot run: its upgrade statement 2 (line 8) is"
					+ " CREATE UNIQUE INDEX CONCURRENTLY, which PostgreSQL cannot run inside a transaction")
			.hasMessageContaining("Mark the revision `-- transactional: false` in its headers")
			.hasMessageEndingWith("Nothing was run: the 2 revisions to apply are all checked before the first one runs.");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");

		// a statement the check does not recognise is refused by the server, with the same advice
		files.write("cccc00000003", "bbbb00000002", "three", "REINDEX (VERBOSE) TABLE CONCURRENTLY one;", "SELECT 1;");
		files.write("bbbb00000002", "aaaa00000001", "two", "-- transactional: false\n", "ALTER TABLE one ADD COLUMN code text;\n"
				+ "CREATE UNIQUE INDEX CONCURRENTLY ux_one_code ON one (code);", "ALTER TABLE one DROP COLUMN code;");
		Migrations again = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThatThrownBy(() -> again.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 1 of 1")
			.hasMessageContaining("[SQLState 25001]")
			.hasMessageContaining("This statement cannot run inside a transaction: mark the revision `-- transactional: false`")
			.hasMessageNotContaining("Fix the statement");
		assertThat(again.current()).containsExactly("bbbb00000002");
	}

	/**
	 * A name starting with a keyword (an index named concurrently_..., a prepared statement named transaction_...)
	 * and a nested comment holding one are not the statements that cannot run in a transaction: they run.
	 * REINDEX SCHEMA is one.
	 */
	@Test
	void namesAndNestedCommentsHoldingTransactionWordsRunInTheTransaction(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY, name text, code text);\n"
				+ "CREATE INDEX concurrently_by_name ON one (name);\n"
				+ "CREATE INDEX /* was: /* nested */ CONCURRENTLY */ ix_one_code ON one (code);\n"
				+ "PREPARE transaction_count AS SELECT count(*) FROM one;\nDEALLOCATE transaction_count;", "DROP TABLE one;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		migrations.upgrade("head");

		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "select indexname from pg_indexes where tablename = 'one' order by 1"))
			.containsExactly("concurrently_by_name", "ix_one_code", "one_pkey");

		// REINDEX SCHEMA cannot run in one, CONCURRENTLY or not
		Path second = files.write("bbbb00000002", "aaaa00000001", "reindex", "-- after the load\nREINDEX SCHEMA public;",
				"SELECT 1;");
		Migrations again = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThatThrownBy(() -> again.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith("Revision bbbb00000002 (" + second + ") cannot run: its upgrade statement 1 (line 8) is"
					+ " REINDEX SCHEMA, which PostgreSQL cannot run inside a transaction");
	}

	@Test
	void aBackfillCommittingItsBatchesIsToldToGoOutsideATransactionAndRunsThere(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY, code text);\n"
				+ "INSERT INTO one SELECT g, NULL FROM generate_series(1, 25) g;", "DROP TABLE one;");
		String backfill = "DO $$\nDECLARE last int := 0;\nBEGIN\n  WHILE last < 25 LOOP\n"
				+ "    UPDATE one SET code = 'c' || id WHERE id > last AND id <= last + 10 AND code IS NULL;\n"
				+ "    COMMIT;\n    last := last + 10;\n  END LOOP;\nEND $$;";
		files.write("bbbb00000002", "aaaa00000001", "backfill", backfill, "UPDATE one SET code = NULL;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 1 of 1")
			.hasMessageContaining("[SQLState 2D000]")
			.hasMessageContaining("A COMMIT or ROLLBACK in a DO block or procedure cannot run in the revision's transaction:"
					+ " mark the revision `-- transactional: false`")
			.hasMessageNotContaining("Fix the statement");
		assertThat(migrations.current()).containsExactly("aaaa00000001");

		// outside a transaction each batch commits on its own
		files.write("bbbb00000002", "aaaa00000001", "backfill", "-- transactional: false\n", backfill,
				"UPDATE one SET code = NULL;");
		Migrations outside = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		outside.upgrade("head");
		assertThat(Sql.column(db.dataSource(), "select count(*)::text from one where code = 'c' || id")).containsExactly("25");
		assertThat(outside.current()).containsExactly("bbbb00000002");
	}

	@Test
	void aNewEnumValueUsedInTheTransactionThatAddedItIsToldToGoInARevisionOfItsOwn(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TYPE mood AS ENUM ('a');\nCREATE TABLE one (id int, m mood);",
				"DROP TABLE one;\nDROP TYPE mood;");
		files.write("bbbb00000002", "aaaa00000001", "two", "ALTER TYPE mood ADD VALUE 'b';\nINSERT INTO one VALUES (1, 'b');",
				"");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 2 of 2")
			.hasMessageContaining("[SQLState 55P04]")
			.hasMessageContaining("put the ALTER TYPE ... ADD VALUE in a revision of its own before this one, or mark the"
					+ " revision `-- transactional: false`")
			.hasMessageNotContaining("Fix the statement");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
	}

	@Test
	void savepointsAndTheirRollbackRunInATransactionalRevision(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);\nSAVEPOINT before_rows;\n"
				+ "INSERT INTO one VALUES (1);\nROLLBACK TO SAVEPOINT before_rows;\nINSERT INTO one VALUES (2);\n"
				+ "RELEASE SAVEPOINT before_rows;", "DROP TABLE one;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		migrations.upgrade("head");

		assertThat(Sql.column(db.dataSource(), "select id::text from one")).containsExactly("2");
	}

	@Test
	void aRevisionRunningOutOfTheLockTableIsToldToBeSplit(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		// the server's own error for a full lock table, raised without filling the shared lock table
		files.write("bbbb00000002", "aaaa00000001", "many tables", "CREATE TABLE two (id int PRIMARY KEY);\n"
				+ "DO $$ BEGIN RAISE EXCEPTION 'out of shared memory' USING ERRCODE = '53200',"
				+ " HINT = 'You might need to increase max_locks_per_transaction.'; END $$;", "DROP TABLE two;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 2 of 2")
			.hasMessageContaining("[SQLState 53200]")
			.hasMessageContaining("The revision was rolled back")
			.hasMessageContaining("lock table ran out")
			.hasMessageContaining("Split the revision")
			.hasMessageNotContaining("Fix the statement");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log", "one");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
	}

	/**
	 * A statement stopped by the session rather than by its own mistake (here a lock the test holds and the
	 * revision's lock_timeout) is not "fixed": the message says what stopped it and to run the upgrade again.
	 */
	@Test
	void aRevisionStoppedByItsLockTimeoutIsToldToRunAgainNotToBeFixed(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "INSERT INTO one VALUES (1);\nSET LOCAL lock_timeout = '10ms';\n"
				+ "ALTER TABLE one ADD COLUMN name text;", "ALTER TABLE one DROP COLUMN name;\nDELETE FROM one;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");

		Throwable failure;
		String readerPid;
		try (Connection reader = db.dataSource().getConnection()) {
			// a long read of the table: the ALTER TABLE waits for it until its lock_timeout
			reader.setAutoCommit(false);
			CrashRecoveryTest.query(reader, "SELECT * FROM one");
			try (Statement statement = reader.createStatement();
					ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
				rs.next();
				readerPid = rs.getString(1);
			}
			failure = catchThrowable(() -> migrations.upgrade("head"));
			reader.rollback();
		}

		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 3 of 3")
			.hasMessageContaining("[SQLState 55P03]")
			.hasMessageContaining("The revision was rolled back: nothing of it was applied")
			.hasMessageContaining("lock_timeout ran out while it waited for a lock another session holds")
			// the session that held it, still in its transaction when the revision gave up
			.hasMessageContaining("Sessions in a transaction holding locks on tables when it gave up: pid " + readerPid
					+ " (user ")
			.hasMessageContaining("idle in transaction")
			.hasMessageEndingWith("run `db upgrade` again.")
			.hasMessageNotContaining("Fix the statement");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("bbbb00000002");
	}

	@Test
	void aRevisionCancelledByItsStatementTimeoutIsToldHowToGiveItLonger(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "INSERT INTO one VALUES (1);\nSET LOCAL statement_timeout = '10ms';\n"
				+ "SELECT pg_advisory_xact_lock(4711);", "DELETE FROM one;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		Throwable failure;
		try (Connection holder = db.dataSource().getConnection()) {
			// the revision's last statement waits for this lock until its statement_timeout cancels it
			CrashRecoveryTest.query(holder, "SELECT pg_advisory_lock(4711)");
			failure = catchThrowable(() -> migrations.upgrade("head"));
			CrashRecoveryTest.query(holder, "SELECT pg_advisory_unlock(4711)");
		}

		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("[SQLState 57014]")
			.hasMessageContaining("The revision was rolled back: nothing of it was applied")
			.hasMessageContaining("It was cancelled: statement_timeout ran out")
			.hasMessageContaining("SET LOCAL statement_timeout = 0")
			.hasMessageNotContaining("Fix the statement");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "select count(*)::text from one")).containsExactly("0");
	}

	@Test
	void aRevisionOutsideATransactionCancelledByItsStatementTimeoutIsToldToSetItForTheSession(TestDatabase db)
			throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		// SET LOCAL does nothing outside a transaction: the advice for a transactional revision would not help here
		files.write("bbbb00000002", "aaaa00000001", "two", "-- transactional: false\n", "INSERT INTO one VALUES (1);\n"
				+ "SET statement_timeout = '10ms';\nSELECT pg_advisory_lock(4711);", "DELETE FROM one;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		Throwable failure;
		try (Connection holder = db.dataSource().getConnection()) {
			CrashRecoveryTest.query(holder, "SELECT pg_advisory_lock(4711)");
			failure = catchThrowable(() -> migrations.upgrade("head"));
			CrashRecoveryTest.query(holder, "SELECT pg_advisory_unlock(4711)");
		}

		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("[SQLState 57014]")
			.hasMessageContaining("It ran outside a transaction: statements 1 to 2 were applied and stay applied:\n    1 (line ")
			.hasMessageContaining("It was cancelled: statement_timeout ran out")
			.hasMessageContaining("start the revision's section with `SET statement_timeout = 0` (a session setting,"
					+ " put back after the revision: outside a transaction SET LOCAL does nothing)")
			.hasMessageContaining("`db stamp aaaa00000001` if you undid it");
		assertThat(migrations.status().failed()).containsExactly("bbbb00000002");
	}

	/** The session ending mid-revision (a server restart, pg_terminate_backend) rolls it back: it is to be run again. */
	@Test
	void aRevisionWhoseSessionEndsIsToldToRunAgainNotToBeFixed(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);\n"
				+ "SELECT pg_terminate_backend(pg_backend_pid());", "DROP TABLE one;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 2 of 2")
			.hasMessageContaining("[SQLState 57P01]")
			.hasMessageContaining("The revision was rolled back: nothing of it was applied")
			.hasMessageContaining("The session ended (the server was restarted, or the session terminated) or the"
					+ " connection was lost")
			.hasMessageEndingWith("run `db upgrade` again.")
			.hasMessageNotContaining("Fix the statement");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
		assertThat(migrations.current()).isEmpty();
	}

	/**
	 * A revision outside a transaction whose statements all ran but whose row could not be marked applied (here a
	 * trigger refuses it; a lost connection does the same) says that its statements completed and to stamp it.
	 */
	@Test
	void aRevisionOutsideATransactionThatRanButCouldNotBeRecordedSaysToStampIt(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "-- transactional: false\n",
				"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no applied rows'; END $$;\n"
						+ "CREATE TRIGGER refuse BEFORE UPDATE ON migrations_version FOR EACH ROW"
						+ " WHEN (NEW.state = 'APPLIED') EXECUTE FUNCTION refuse();",
				"DROP TRIGGER refuse ON migrations_version;\nDROP FUNCTION refuse();");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("Revision bbbb00000002 (" + files.directory().resolve("bbbb00000002_two.sql")
					+ ") ran all its statements (outside a transaction), but recording it as applied in migrations_version"
					+ " failed: ")
			.hasMessageContaining("no applied rows")
			.hasMessageEndingWith("It stays recorded as RUNNING, and further upgrades and downgrades stop until it is"
					+ " resolved: its statements completed, so run `db stamp bbbb00000002` once the database is reachable.");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = 'bbbb00000002'"))
			.containsExactly("RUNNING");
	}

	/**
	 * The failure of a revision outside a transaction whose session ended is recorded on a new connection, when the
	 * lock its command held is gone: a row another session changed meanwhile (here the revision itself, as `db stamp`
	 * would record it) keeps what that session recorded.
	 */
	@Test
	void aFailureRecordedOnANewConnectionLeavesARowAnotherSessionChanged(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "-- transactional: false\n",
				"CREATE TABLE two (id int PRIMARY KEY);\n"
						+ "UPDATE migrations_version SET state = 'APPLIED', error = NULL WHERE revision = 'bbbb00000002';\n"
						+ "SELECT pg_terminate_backend(pg_backend_pid());",
				"DROP TABLE two;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 3 of 3")
			.hasMessageContaining("It was not recorded as FAILED: its row in migrations_version was no longer RUNNING"
					+ " (another session, e.g. `db stamp`, changed it after the revision's connection was lost), and what"
					+ " that session recorded stands: check with `db current` that it matches what the database holds.");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = 'bbbb00000002'"))
			.containsExactly("APPLIED");
		assertThat(migrations.current()).containsExactly("bbbb00000002");
	}

	/**
	 * With standard_conforming_strings off (a setting of the role, the database or migrations.init-sqls) a backslash
	 * in '...' escapes the next character, where revision files are read with it on: a revision with such a string
	 * is refused before anything runs; one whose backslashes are in E'...' strings runs.
	 */
	@Test
	void aBackslashInAStringIsRefusedWhenStandardConformingStringsIsOff(TestDatabase db) {
		Sql.execute(db.dataSource(), "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET standard_conforming_strings = off',"
				+ " current_database()); END $$");
		db.newSessionForEachConnection();
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "note", "CREATE TABLE note (body text);\nINSERT INTO note VALUES (E'C:\\\\temp');",
				"DROP TABLE note;");
		files.write("bbbb00000002", "aaaa00000001", "quote", "INSERT INTO note VALUES ('it''s');\nINSERT INTO note VALUES ('it\\'s');",
				"DELETE FROM note;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "select body from note")).containsExactly("C:\\temp");

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith(files.directory().resolve("bbbb00000002_quote.sql") + ":")
			.hasMessageContaining(": the upgrade section has a backslash in a '...' string, and standard_conforming_strings"
					+ " is off on the migrations' connection")
			.hasMessageEndingWith("Nothing of this revision was run.");
		assertThat(Sql.column(db.dataSource(), "select body from note")).containsExactly("C:\\temp");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
	}

	@Test
	void aJavaRevisionsFailureQuotingItsStatementIsToldWithThePasswordMasked(TestDatabase db) {
		// as Spring's JdbcTemplate words a failed statement: "StatementCallback; ... for SQL [...]"
		JavaRevision role = new JavaRevision() {

			@Override
			public String revision() {
				return "cccc00000001";
			}

			@Override
			public List<String> downRevisions() {
				return List.of();
			}

			@Override
			public String message() {
				return "reporting role";
			}

			@Override
			public void upgrade(Connection connection) throws Exception {
				String sql = "ALTER ROLE mig_no_such_reporter PASSWORD 'Tr0ub4dor-s3cret'";
				try (Statement statement = connection.createStatement()) {
					statement.execute(sql);
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException("StatementCallback; uncategorized SQLException for SQL [" + sql + "]; "
							+ ex.getMessage(), ex);
				}
			}

			@Override
			public void downgrade(Connection connection) {
			}

		};
		Migrations migrations = Migrations.configure()
			.dataSource(db.dataSource())
			.failOnMissingLocations(false)
			.javaRevisions(List.of(role))
			.load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith("Revision cccc00000001 (")
			.hasMessageContaining("for SQL [ALTER ROLE mig_no_such_reporter PASSWORD '******']")
			.hasMessageContaining("role \"mig_no_such_reporter\" does not exist")
			.message()
			.doesNotContain("Tr0ub4dor-s3cret");
	}

	@Test
	void aFailedStatementWithALongPasswordIsToldAndRecordedWithItMasked(TestDatabase db) {
		// an access token used as a password (a cloud database's) runs to a few thousand characters on one line
		String token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + "Tr0ub4dor".repeat(400);
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "reporting server", "-- transactional: false\n",
				"CREATE TABLE report (id int);\nCREATE USER MAPPING FOR CURRENT_USER SERVER mig_no_such_server"
						+ " OPTIONS (user 'reporter', password '" + token + "');",
				"DROP TABLE report;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith("Revision aaaa00000001 (")
			.hasMessageContaining("failed at upgrade statement 2 of 2 (line 9)")
			.hasMessageContaining("OPTIONS (user 'reporter', password '******')")
			.hasMessageContaining("server \"mig_no_such_server\" does not exist")
			.message()
			.doesNotContain("Tr0ub4dor");
		assertThat(Sql.column(db.dataSource(), "select error from migrations_version where revision = 'aaaa00000001'"))
			.singleElement().asString().contains("password '******'").doesNotContain("Tr0ub4dor");
		assertThat(migrations.history().get(0).error()).contains("password '******'").doesNotContain("Tr0ub4dor");
	}

	@Test
	void nonTransactionalFailureIsRecordedAndBlocksUntilStamped(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "base table", "CREATE TABLE item (id int PRIMARY KEY, name text);",
				"DROP TABLE item;");
		files.write("bbbb00000002", "aaaa00000001", "concurrent index", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY ix_item_name ON item (name);\nCREATE INDEX CONCURRENTLY ix_broken ON item (missing);",
				"DROP INDEX CONCURRENTLY IF EXISTS ix_broken;\nDROP INDEX CONCURRENTLY IF EXISTS ix_item_name;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 2 of 2")
			.hasMessageContaining("outside a transaction")
			.hasMessageContaining("statement 1 was applied")
			.hasMessageContaining("db stamp bbbb00000002")
			.hasMessageContaining("db stamp aaaa00000001");
		// the first index exists: the state is recorded, not hidden
		assertThat(Sql.column(db.dataSource(), "select indexname from pg_indexes where tablename = 'item' order by 1"))
			.containsExactly("item_pkey", "ix_item_name");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = 'bbbb00000002'"))
			.containsExactly("FAILED");
		assertThat(migrations.history().get(0).state()).isEqualTo(RevisionInfo.State.FAILED);
		// not applied: the database is at its parent, the failed revision is still to do
		var status = migrations.status();
		assertThat(status.current()).containsExactly("aaaa00000001");
		assertThat(status.pending()).containsExactly("bbbb00000002");
		assertThat(status.failed()).containsExactly("bbbb00000002");

		// nothing runs until it is resolved
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(FailedRevisionException.class)
			.hasMessageContaining("bbbb00000002")
			.hasMessageContaining("FAILED")
			.hasMessageContaining("column \"missing\" does not exist");

		// the operator undoes the partial work and stamps the parent; fixing the file lets it run again
		Sql.execute(db.dataSource(), "DROP INDEX ix_item_name");
		assertThat(migrations.stamp("aaaa00000001").currentBefore()).containsExactly("aaaa00000001");
		files.write("bbbb00000002", "aaaa00000001", "concurrent index", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY ix_item_name ON item (name);",
				"DROP INDEX CONCURRENTLY IF EXISTS ix_item_name;");
		Migrations fixed = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThat(fixed.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("bbbb00000002");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version order by applied_seq"))
			.containsExactly("APPLIED", "APPLIED");
		assertThat(fixed.downgrade("-1").steps()).hasSize(1);
		assertThat(Sql.column(db.dataSource(), "select indexname from pg_indexes where tablename = 'item' order by 1"))
			.containsExactly("item_pkey");
	}

}
