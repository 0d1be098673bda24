package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsStatus;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * On MariaDB, whose DDL commits implicitly, a revision of data statements only (a backfill) commits
 * together with its version-table row or not at all, as every revision does on PostgreSQL; a revision
 * with DDL is recorded as running first, as before.
 */
@ExtendWith(TestDatabaseExtension.class)
class MariaDbDataRevisionsTest {

	static final String BASE = "aaaa00000001";

	static final String DATA = "bbbb00000002";

	@TempDir
	Path directory;

	final ExecutorService pool = Executors.newSingleThreadExecutor();

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	RevisionFiles revisions(String upgrade, String downgrade) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name varchar(50));", "DROP TABLE item;");
		files.write(DATA, BASE, "backfill", upgrade, downgrade);
		return files;
	}

	@Test
	void aDataRevisionWhoseSecondStatementFailsLeavesNothingAppliedAsOnPostgres(@MariaDb TestDatabase mariaDb,
			TestDatabase postgres) {
		RevisionFiles files = revisions("INSERT INTO item VALUES (1, 'one');\nINSERT INTO item VALUES (1, 'again');",
				"DELETE FROM item;");
		Throwable onMariaDb = catchThrowable(() -> migrations(mariaDb, files).upgrade("head"));
		Throwable onPostgres = catchThrowable(() -> migrations(postgres, files).upgrade("head"));

		assertThat(onMariaDb).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("The revision was rolled back: nothing of it was applied; revisions before it stay"
					+ " applied. Fix the statement and run `db upgrade` again.");
		assertThat(((MigrationFailedException) onMariaDb).partlyApplied()).isFalse();
		// the same message but for the database's own error
		assertThat(withoutDatabaseError(onMariaDb.getMessage())).isEqualTo(withoutDatabaseError(onPostgres.getMessage()));
		assertThat(Sql.column(mariaDb.dataSource(), "select count(*) from item")).containsExactly("0");
		assertThat(Sql.column(mariaDb.dataSource(), "select concat(revision, ' ', state) from migrations_version"))
			.containsExactly(BASE + " APPLIED");
		assertThat(Sql.column(mariaDb.dataSource(), "select operation from migrations_version_log where revision = '"
				+ DATA + "'")).containsExactly("FAILED");
		MigrationsStatus status = migrations(mariaDb, files).status();
		assertThat(status.failed()).isEmpty();
		assertThat(status.pending()).containsExactly(DATA);
	}

	@Test
	void aCommitInARevisionWithoutTheHeaderIsNotBlamedOnTransactionalFalse(@MariaDb TestDatabase db) {
		RevisionFiles files = revisions("INSERT INTO item VALUES (1, 'one');\nCOMMIT;\nINSERT INTO item VALUES (2, 'two');",
				"DELETE FROM item;");

		assertThatThrownBy(() -> migrations(db, files).upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith("Revision " + DATA + " (" + this.directory.resolve(DATA + "_backfill.sql")
					+ ") cannot run: its upgrade statement 2 (line 8) is COMMIT, which opens or ends a transaction in a"
					+ " revision that runs outside one (on MariaDB and MySQL only a revision of data statements alone runs"
					+ " in one, on H2 none does)")
			.hasMessageNotContaining("transactional: false`)");
		assertThat(Sql.column(db.dataSource(), "select count(*) from information_schema.tables where table_schema ="
				+ " database() and table_name = 'item'")).containsExactly("0");
	}

	@Test
	void aDataDowngradeThatFailsIsRolledBackAndStaysApplied(@MariaDb TestDatabase db) {
		RevisionFiles files = revisions("INSERT INTO item VALUES (1, 'one');\nINSERT INTO item VALUES (2, 'two');",
				"DELETE FROM item WHERE id = 2;\nDELETE FROM no_such_table;");
		Migrations migrations = migrations(db, files);
		migrations.upgrade("head");
		assertThatThrownBy(() -> migrations.downgrade("-1")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("failed at downgrade statement 2 of 2")
			.hasMessageContaining("The revision was rolled back: nothing of it was applied. Fix the statement and run"
					+ " `db downgrade " + BASE + "` again.");
		assertThat(Sql.column(db.dataSource(), "select id from item order by id")).containsExactly("1", "2");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = '" + DATA + "'"))
			.containsExactly("APPLIED");
		assertThat(migrations.status().failed()).isEmpty();
	}

	/**
	 * What a process killed during the revision leaves: its session ends, here by {@code KILL} while the
	 * revision waits for a row the test holds locked.
	 */
	@Test
	void aDataRevisionWhoseSessionDiesLeavesNoRunningRowAndRunsOnceNextTime(@MariaDb TestDatabase db) throws Exception {
		RevisionFiles files = revisions(
				"UPDATE item SET name = 'first' WHERE id = 1;\nUPDATE item SET name = 'second' WHERE id = 2;\n"
						+ "INSERT INTO item VALUES (3, 'third');",
				"DELETE FROM item WHERE id = 3;");
		Migrations migrations = migrations(db, files);
		migrations.upgrade(BASE);
		Sql.execute(db.dataSource(), "INSERT INTO item VALUES (1, 'a'), (2, 'b')");
		Throwable failure;
		try (Connection blocker = db.dataSource().getConnection()) {
			blocker.setAutoCommit(false);
			CrashRecoveryTest.query(blocker, "SELECT * FROM item WHERE id = 2 FOR UPDATE");
			Future<CommandResult> upgrade = this.pool.submit(() -> migrations.upgrade("head"));
			String waiting = CrashRecoveryTest.awaitValue(db.dataSource(), "select id from information_schema.processlist"
					+ " where db = '" + db.name() + "' and info like 'UPDATE item SET name = ''second''%'");
			// while it waits, nothing says it is under way but the open transaction
			assertThat(Sql.column(db.dataSource(), "select count(*) from migrations_version where revision = '" + DATA
					+ "'")).containsExactly("0");
			CrashRecoveryTest.query(blocker, "KILL CONNECTION " + waiting);
			failure = catchThrowable(() -> upgrade.get(2, TimeUnit.MINUTES)).getCause();
			blocker.rollback();
		}
		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("The revision was rolled back: nothing of it was applied")
			// the statement was right: it is to be run again, not fixed
			.hasMessageContaining("The session ended (the server was restarted, or the session terminated) or the"
					+ " connection was lost")
			.hasMessageEndingWith("run `db upgrade` again.")
			.hasMessageNotContaining("Fix the statement");
		assertThat(Sql.column(db.dataSource(), "select concat(revision, ' ', state) from migrations_version"))
			.containsExactly(BASE + " APPLIED");
		assertThat(Sql.column(db.dataSource(), "select concat(id, name) from item order by id")).containsExactly("1a", "2b");

		// the next start is not refused: the revision is pending and runs once
		Migrations next = migrations(db, files);
		assertThat(next.status().failed()).isEmpty();
		assertThat(next.upgrade("head").steps()).extracting(StepResult::revision).containsExactly(DATA);
		assertThat(Sql.column(db.dataSource(), "select concat(id, name) from item order by id"))
			.containsExactly("1first", "2second", "3third");
		assertThat(Sql.column(db.dataSource(), "select operation from migrations_version_log where revision = '" + DATA
				+ "' order by id")).containsExactly("FAILED", "UPGRADE");
	}

	@Test
	void aRevisionWithDdlIsStillRecordedAsRunningFirstAndFailedHalfApplied(@MariaDb TestDatabase db) {
		RevisionFiles files = revisions("INSERT INTO item VALUES (1, 'one');\nCREATE TABLE broken (id nonsense);",
				"DROP TABLE IF EXISTS broken;\nDELETE FROM item;");
		assertThatThrownBy(() -> migrations(db, files).upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 2 of 2")
			.hasMessageContaining("It ran outside a transaction: statement 1 was applied and stays applied:\n    1 (line ")
			.hasMessageContaining("The revision is recorded as FAILED in migrations_version");
		assertThat(Sql.column(db.dataSource(), "select name from item")).containsExactly("one");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = '" + DATA + "'"))
			.containsExactly("FAILED");
	}

	@Test
	void aDataRevisionOnAMyIsamTableSaysWhatTheRollbackCouldNotUndo(@MariaDb TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name varchar(50)) ENGINE=MyISAM;",
				"DROP TABLE item;");
		files.write(DATA, BASE, "backfill", "INSERT INTO item VALUES (1, 'one');\nINSERT INTO item VALUES (1, 'again');",
				"DELETE FROM item;");
		assertThatThrownBy(() -> migrations(db, files).upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("The revision was rolled back and is not recorded as applied, but the database could"
					+ " not undo what statements 1 to 2 changed in tables without transactions (MyISAM, Aria: warning 1196):"
					+ " those changes stay.")
			.satisfies((ex) -> {
				assertThat(((MigrationFailedException) ex).partlyApplied()).isTrue();
				assertThat(((MigrationFailedException) ex).recordedUnfinished()).isFalse();
			});
		assertThat(Sql.column(db.dataSource(), "select name from item")).containsExactly("one");
		assertThat(Sql.column(db.dataSource(), "select concat(revision, ' ', state) from migrations_version"))
			.containsExactly(BASE + " APPLIED");
	}

	@Test
	void theVersionTablesAreInnoDb(@MariaDb TestDatabase db) {
		migrations(db, revisions("INSERT INTO item VALUES (1, 'one');", "DELETE FROM item;")).upgrade("head");
		assertThat(Sql.column(db.dataSource(), "select concat(table_name, ' ', engine) from information_schema.tables"
				+ " where table_schema = database() and table_name like 'migrations%' order by table_name"))
			.containsExactly("migrations_version InnoDB", "migrations_version_log InnoDB");
	}

	@Test
	void anOfflineScriptRunsADataRevisionInATransactionAndADdlOneRecordedAsRunning(@MariaDb TestDatabase db)
			throws Exception {
		RevisionFiles files = revisions("SET @next = 0;\nINSERT INTO item VALUES (1, 'one');\nUPDATE item SET name = 'uno';\n"
				+ "SELECT SLEEP(0.3);", "DELETE FROM item;");
		Migrations migrations = migrations(db, files);
		String script = migrations.upgradeSql("base:head");
		assertThat(script).contains("_item.sql] (not in a transaction)\nINSERT INTO migrations_version")
			.contains("START TRANSACTION;\nSET @migrations_started = UTC_TIMESTAMP(6);\nSET @next = 0;\n"
					+ "INSERT INTO item VALUES (1, 'one');\nUPDATE item SET name = 'uno';\nSELECT SLEEP(0.3);\n"
					+ "INSERT INTO migrations_version");
		assertThat(script.substring(script.indexOf("SELECT SLEEP(0.3);"))).contains("COMMIT;");

		OfflineExecutionTimeTest.run(db.dataSource(), script, SqlSyntax.MARIADB);
		assertThat(Sql.column(db.dataSource(), "select name from item")).containsExactly("uno");
		assertThat(migrations.current()).containsExactly(DATA);
		// how long the transaction took, by the server's clock when the script ran
		assertThat(Sql.column(db.dataSource(), "select execution_millis >= 300 from migrations_version where revision = '"
				+ DATA + "'")).containsExactly("1");
		assertThat(Sql.column(db.dataSource(), "select execution_millis >= 300 from migrations_version_log where revision = '"
				+ DATA + "'")).containsExactly("1");
		String downgrade = migrations.downgradeSql(DATA + ":" + BASE);
		assertThat(downgrade).contains("START TRANSACTION;\nSET @migrations_started = UTC_TIMESTAMP(6);\n"
				+ "DELETE FROM item;\nDELETE FROM migrations_version");
	}

	static Migrations migrations(TestDatabase db, RevisionFiles files) {
		return Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
	}

	/** The message without the database's error, which differs per database: what comes before it and the last line. */
	static List<String> withoutDatabaseError(String message) {
		List<String> lines = message.lines().toList();
		return List.of(lines.get(0), lines.get(1), lines.get(lines.size() - 1));
	}

}
