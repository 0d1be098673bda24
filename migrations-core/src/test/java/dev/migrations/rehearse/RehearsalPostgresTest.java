package dev.migrations.rehearse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.lint.LockMode;
import dev.migrations.revision.JavaRevision;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Rehearsals on a real PostgreSQL: the locks each statement takes (read in its transaction, or from a
 * second session for a statement that cannot run in one), the rows it touches, and that the target's
 * schema, version table and rows are unchanged afterwards with no copy left behind.
 */
@ExtendWith(TestDatabaseExtension.class)
class RehearsalPostgresTest {

	static final String BASE = "aaaa00000001";

	static final String CHANGE = "bbbb00000002";

	static final String BASE_SQL = "CREATE TABLE item (id int PRIMARY KEY, v text);\n"
			+ "INSERT INTO item SELECT g, 'v' || g FROM generate_series(1, 10000) g;\nCREATE SEQUENCE item_seq;";

	@TempDir
	Path directory;

	RevisionFiles files;

	Migrations upgradedToBase(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "items", BASE_SQL, "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(this.files.location()).load();
		migrations.upgrade("head");
		return migrations;
	}

	static RehearsalOptions copyOf(TestDatabase db) {
		// the copy (CREATE DATABASE ... TEMPLATE) refuses while an idle session of the test is on the database
		db.newSessionForEachConnection();
		return RehearsalOptions.copy(db.jdbcUrl(), db.username(), db.password());
	}

	@Test
	void nothingPendingMakesNoCopy(TestDatabase db) {
		Migrations migrations = upgradedToBase(db);

		RehearsalReport report = migrations.rehearse("head", copyOf(db));

		assertThat(report.copy()).isNull();
		assertThat(report.revisions()).isEmpty();
		assertThat(report.failed()).isFalse();
		assertThat(report.toText()).isEqualTo(
				"Nothing to rehearse: " + db.name() + " has no revision to apply up to head, so no copy was made.\n");
		// the rollback form reports the same empty plan as it always did
		assertThat(migrations.rehearse("head", RehearsalOptions.rollback()).toText()).startsWith("Rehearsed 0 revisions");
	}

	@Test
	void aTransactionalRevisionOnACopy(TestDatabase db) {
		Migrations migrations = upgradedToBase(db);
		this.files.write(CHANGE, BASE, "index and touch",
				"CREATE INDEX ix_item_v ON item (v);\nUPDATE item SET v = v || '!' WHERE id <= 100;\n"
						+ "SELECT nextval('item_seq');",
				"DROP INDEX ix_item_v;");
		migrations.reload();
		Snapshot before = Snapshot.of(db);

		RehearsalReport report = migrations.rehearse("head", copyOf(db));

		assertThat(report.mode()).isEqualTo(RehearsalOptions.Mode.COPY);
		assertThat(report.database()).isEqualTo(db.name());
		assertThat(report.copy()).startsWith(db.name() + "_rehearsal_");
		assertThat(report.revisions()).extracting(RevisionRehearsal::revision).containsExactly(CHANGE);
		List<StatementRehearsal> statements = report.revisions().get(0).statements();
		assertThat(statements).extracting(StatementRehearsal::line, StatementRehearsal::rows)
			.containsExactly(tuple(7, null), tuple(8, 100L), tuple(9, null));
		assertThat(statements.get(0).locks()).filteredOn((lock) -> !lock.newRelation())
			.extracting(LockTaken::relation, LockTaken::kind, LockTaken::mode)
			.containsExactly(tuple("public.item", "table", LockMode.SHARE));
		assertThat(statements.get(0).locks()).filteredOn(LockTaken::newRelation).extracting(LockTaken::kind)
			.containsOnly("index");
		assertThat(statements.get(1).locks()).extracting(LockTaken::relation, LockTaken::mode)
			.containsExactly(tuple("public.item", LockMode.ROW_EXCLUSIVE));
		LockTaken share = statements.get(0).locks().stream().filter((lock) -> !lock.newRelation()).findFirst().orElseThrow();
		assertThat(share.held()).isGreaterThanOrEqualTo(statements.get(0).time().plus(statements.get(1).time()));
		assertThat(report.longestBlockingLock()).contains(share);
		assertThat(report.failed()).isFalse();
		assertThat(report.exitStatus()).isZero();
		assertThat(report.toText()).startsWith("Rehearsed 1 revision (3 statements) up to head on " + report.copy()
				+ ", a copy of " + db.name() + " (dropped afterwards) in ")
			.contains("      SHARE on table public.item, held up to ")
			.contains(" (to the commit): INSERT, UPDATE and DELETE wait; reads go on\n")
			.contains("  [2] line 8, ")
			.contains(", 100 rows: UPDATE item SET v = v || '!' WHERE id <= 100\n")
			.contains("Longest lock that makes others wait: SHARE on public.item for up to ")
			.endsWith("The rehearsal ran every statement; nothing was kept.\n");

		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@Test
	void theCopysSessionsFindTheRevisionsWhereTheApplicationsSessionsDo(TestDatabase db) {
		// a database setting: the sessions of the database find the schema app first, a copy's would not
		Sql.execute(db.dataSource(), "CREATE SCHEMA app");
		Sql.execute(db.dataSource(), "ALTER DATABASE " + db.name() + " SET search_path = app");
		db.newSessionForEachConnection();
		Migrations migrations = upgradedToBase(db);
		assertThat(Sql.column(db.dataSource(), "SELECT table_schema FROM information_schema.tables WHERE table_name"
				+ " IN ('item', 'migrations_version') ORDER BY 1")).containsExactly("app", "app");
		this.files.write(CHANGE, BASE, "index", "CREATE INDEX ix_item_v ON item (v);", "DROP INDEX ix_item_v;");
		migrations.reload();

		RehearsalReport report = migrations.rehearse("head", copyOf(db));

		// only what is pending in app, run there: not the whole history into the copy's public schema
		assertThat(report.revisions()).extracting(RevisionRehearsal::revision).containsExactly(CHANGE);
		assertThat(report.revisions().get(0).statements().get(0).locks()).filteredOn((lock) -> !lock.newRelation())
			.extracting(LockTaken::relation, LockTaken::mode)
			.containsExactly(tuple("app.item", LockMode.SHARE));
		assertThat(report.failed()).isFalse();
	}

	@Test
	void aConcurrentIndexIsSeenFromASecondSessionAndHoldsNoBlockingLock(TestDatabase db) {
		Migrations migrations = upgradedToBase(db);
		this.files.write(CHANGE, BASE, "index concurrently", "-- transactional: false\n",
				"SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY ix_item_v ON item (v);", "DROP INDEX ix_item_v;");
		migrations.reload();
		Snapshot before = Snapshot.of(db);

		RehearsalReport report = migrations.rehearse("head", copyOf(db));

		List<StatementRehearsal> statements = report.revisions().get(0).statements();
		assertThat(report.revisions().get(0).transactional()).isFalse();
		StatementRehearsal index = statements.get(1);
		assertThat(index.line()).isEqualTo(9);
		assertThat(index.locks()).filteredOn((lock) -> !lock.newRelation())
			.extracting(LockTaken::relation, LockTaken::mode)
			.contains(tuple("public.item", LockMode.SHARE_UPDATE_EXCLUSIVE));
		assertThat(index.locks()).noneMatch(LockTaken::blocks);
		assertThat(index.observation()).startsWith("its locks were read from a second session while it waited for that"
				+ " session");
		assertThat(report.longestBlockingLock()).isEmpty();
		assertThat(report.toText()).contains("      SHARE UPDATE EXCLUSIVE on table public.item, held up to ")
			.contains("No lock made reads or writes of an existing table wait.");

		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aUserWithoutCreatedbIsToldHowToRehearseAndNothingChanges(TestDatabase db) {
		Migrations migrations = upgradedToBase(db);
		this.files.write(CHANGE, BASE, "index", "CREATE INDEX ix_item_v ON item (v);", "DROP INDEX ix_item_v;");
		migrations.reload();
		Snapshot before = Snapshot.of(db);
		String role = db.name() + "_nocreatedb";
		Sql.execute(db.dataSource(), "CREATE ROLE " + role + " LOGIN PASSWORD 'rehearse' NOCREATEDB");
		try {
			db.newSessionForEachConnection();
			assertThatThrownBy(() -> migrations.rehearse("head", RehearsalOptions.copy(db.jdbcUrl(), role, "rehearse")))
				.isInstanceOf(RehearsalException.class)
				.hasMessageStartingWith("Cannot copy database " + db.name() + " for the rehearsal: the user may not create"
						+ " databases (")
				.hasMessageContaining("Grant it CREATEDB")
				.hasMessageContaining("`db rehearse --rollback`");
			assertThat(Sql.column(db.dataSource(), "SELECT count(*) FROM pg_database WHERE datname LIKE '" + db.name()
					+ "\\_rehearsal\\_%'")).containsExactly("0");
			assertThat(Snapshot.of(db)).isEqualTo(before);
		}
		finally {
			Sql.execute(db.dataSource(), "DROP ROLE " + role);
		}
	}

	@Test
	void theCopyIsRefusedWhileAnotherSessionIsConnected(TestDatabase db) throws Exception {
		Migrations migrations = upgradedToBase(db);
		this.files.write(CHANGE, BASE, "index", "CREATE INDEX ix_item_v ON item (v);", "DROP INDEX ix_item_v;");
		migrations.reload();
		Snapshot before = Snapshot.of(db);

		try (Connection other = db.connection()) {
			assertThatThrownBy(() -> migrations.rehearse("head", copyOf(db)))
				.isInstanceOf(RehearsalException.class)
				.hasMessageStartingWith("Cannot copy database " + db.name() + " for the rehearsal: CREATE DATABASE ..."
						+ " TEMPLATE needs no other session connected to it, and 1 session is connected: pid ");

			RehearsalReport fallback = migrations.rehearse("head", copyOf(db).orRollback());
			assertThat(fallback.mode()).isEqualTo(RehearsalOptions.Mode.ROLLBACK);
			assertThat(fallback.copy()).isNull();
			assertThat(fallback.notes().get(0)).startsWith("No copy of " + db.name() + " could be made (1 session is"
					+ " connected: pid ");
			assertThat(fallback.revisions().get(0).statements().get(0).locks()).extracting(LockTaken::mode)
				.contains(LockMode.SHARE);
		}
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aSessionTheCallerWasStillOpeningWhenItReleasedItsOwnIsReleasedAgainAndTheCopyMade(TestDatabase db)
			throws Exception {
		Migrations migrations = upgradedToBase(db);
		this.files.write(CHANGE, BASE, "index", "CREATE INDEX ix_item_v ON item (v);", "DROP INDEX ix_item_v;");
		migrations.reload();
		// a pool that was opening a connection when it closed its idle ones: the connection arrives afterwards,
		// and goes only when the pool is asked again
		List<Connection> late = new ArrayList<>();
		List<String> calls = new ArrayList<>();
		RehearsalOptions.ConnectionRelease pool = () -> {
			calls.add("release");
			try {
				if (late.isEmpty()) {
					late.add(db.connection());
				}
				else {
					close(late);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return () -> calls.add("restore");
		};
		try {
			RehearsalReport report = migrations.rehearse("head", copyOf(db).releasing(pool));

			assertThat(report.mode()).isEqualTo(RehearsalOptions.Mode.COPY);
			assertThat(report.toText()).endsWith("The rehearsal ran every statement; nothing was kept.\n");
			assertThat(calls).containsExactly("release", "release", "restore");
		}
		finally {
			close(late);
		}
	}

	private static void close(List<Connection> connections) throws SQLException {
		for (Connection connection : connections) {
			connection.close();
		}
		connections.clear();
	}

	@Test
	void inARolledBackTransactionForTransactionalRevisionsOnly(TestDatabase db) {
		Migrations migrations = upgradedToBase(db);
		this.files.write(CHANGE, BASE, "add column", "SET LOCAL lock_timeout = '5s';\nALTER TABLE item ADD COLUMN n int;\n"
				+ "UPDATE item SET n = id;", "ALTER TABLE item DROP COLUMN n;");
		migrations.reload();
		Snapshot before = Snapshot.of(db);

		RehearsalReport report = migrations.rehearse("head", RehearsalOptions.rollback());

		assertThat(report.mode()).isEqualTo(RehearsalOptions.Mode.ROLLBACK);
		List<StatementRehearsal> statements = report.revisions().get(0).statements();
		assertThat(statements.get(1).locks()).extracting(LockTaken::relation, LockTaken::mode)
			.containsExactly(tuple("public.item", LockMode.ACCESS_EXCLUSIVE));
		assertThat(statements.get(2).rows()).isEqualTo(10_000L);
		assertThat(report.revisions().get(0).commit()).isZero();
		assertThat(report.toText()).contains("on " + db.name() + " in a transaction that was rolled back");
		assertThat(Snapshot.of(db)).isEqualTo(before);

		this.files.write("cccc00000003", CHANGE, "concurrently", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY ix_item_v ON item (v);", "DROP INDEX ix_item_v;");
		migrations.reload();
		assertThatThrownBy(() -> migrations.rehearse("head", RehearsalOptions.rollback()))
			.isInstanceOf(RehearsalException.class)
			.hasMessage("Cannot rehearse in a rolled-back transaction: revision cccc00000003 ("
					+ this.directory.resolve("cccc00000003_concurrently.sql") + ") is not transactional (`transactional:"
					+ " false`), so what it does cannot be rolled back. Rehearse on a copy instead: `db rehearse` without"
					+ " --rollback (RehearsalOptions.copy() in the Java API).");
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aFailingStatementIsReportedAndNothingIsKept(TestDatabase db) {
		Migrations migrations = upgradedToBase(db);
		this.files.write(CHANGE, BASE, "required column", "CREATE INDEX ix_item_v ON item (v);\n"
				+ "ALTER TABLE item ADD COLUMN code text NOT NULL;\nCREATE INDEX ix_item_code ON item (code);",
				"ALTER TABLE item DROP COLUMN code;");
		migrations.reload();
		Snapshot before = Snapshot.of(db);

		RehearsalReport report = migrations.rehearse("head", copyOf(db));

		assertThat(report.failed()).isTrue();
		assertThat(report.exitStatus()).isEqualTo(1);
		List<StatementRehearsal> statements = report.revisions().get(0).statements();
		assertThat(statements).hasSize(2);
		assertThat(statements.get(1).error()).contains("contains null values").endsWith("[SQLState 23502]");
		assertThat(report.toText()).contains("      FAILED: ")
			.endsWith("The rehearsal failed: the upgrade would fail at the statement marked FAILED.\n");
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aRevisionReachingOutsideTheDatabaseIsRefusedOnACopyAndRolledBackInATransaction(TestDatabase db) {
		Migrations migrations = upgradedToBase(db);
		String role = db.name() + "_reader";
		// the server, not the copy, would keep the role and the setting; the real upgrade would then fail on them
		this.files.write(CHANGE, BASE, "reader role", "CREATE INDEX ix_item_v ON item (v);\nCREATE ROLE " + role
				+ " NOLOGIN;\nALTER DATABASE " + db.name() + " SET work_mem = '7MB';", "DROP ROLE " + role + ";");
		migrations.reload();
		Snapshot before = Snapshot.of(db);
		String roles = "select count(*)::text from pg_roles where rolname = '" + role + "'";
		String settings = "select count(*)::text from pg_db_role_setting s join pg_database d on d.oid = s.setdatabase"
				+ " where d.datname = current_database()";

		assertThatThrownBy(() -> migrations.rehearse("head", copyOf(db))).isInstanceOf(RehearsalException.class)
			.hasMessageStartingWith("Cannot rehearse on a copy: what these statements do is outside the database, so the"
					+ " server would keep it, not the copy, and the real upgrade would then find it done:\n  "
					+ this.directory.resolve(CHANGE + "_reader_role.sql") + ":8 (revision " + CHANGE + "): CREATE ROLE changes"
					+ " a role, which every database of the server shares\n")
			.hasMessageContaining(":9 (revision " + CHANGE + "): ALTER DATABASE changes a database of the server\n")
			.hasMessageEndingWith("Rehearse in a transaction that is rolled back, where the server undoes it: `db rehearse"
					+ " --rollback` (RehearsalOptions.rollback()). Nothing was run.");
		assertThat(Sql.column(db.dataSource(), roles)).containsExactly("0");
		assertThat(Sql.column(db.dataSource(), settings)).containsExactly("0");
		assertThat(Snapshot.of(db)).isEqualTo(before);

		RehearsalReport report = migrations.rehearse("head", RehearsalOptions.rollback());
		assertThat(report.failed()).isFalse();
		assertThat(Sql.column(db.dataSource(), roles)).containsExactly("0");
		assertThat(Sql.column(db.dataSource(), settings)).containsExactly("0");

		// what a rollback does not undo is refused there too
		this.files.write("cccc00000003", CHANGE, "export", "COPY item TO '/tmp/" + db.name() + "_items.csv';",
				"SELECT 1;");
		migrations.reload();
		assertThatThrownBy(() -> migrations.rehearse("head", RehearsalOptions.rollback()))
			.isInstanceOf(RehearsalException.class)
			.hasMessageStartingWith("Cannot rehearse: what this statement does outside the database is not undone when the"
					+ " rehearsal's transaction is rolled back:\n")
			.hasMessageContaining("COPY ... TO a file writes on the server's file system");
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aRevisionThatCommitsItselfIsRefusedAsTheUpgradeRefusesItAndNothingIsKept(TestDatabase db) {
		Migrations migrations = upgradedToBase(db);
		Path file = this.files.write(CHANGE, BASE, "commits", "CREATE TABLE kept (id int);\nCOMMIT;",
				"DROP TABLE kept;");
		migrations.reload();
		Snapshot before = Snapshot.of(db);
		String refusal = "Cannot rehearse: the upgrade would refuse revision " + CHANGE + " (" + file + ") before running"
				+ " any of it: its upgrade statement 2 (line 8) is COMMIT";

		// in the rolled-back transaction, the COMMIT would keep the table on the database itself
		assertThatThrownBy(() -> migrations.rehearse("head", RehearsalOptions.rollback()))
			.isInstanceOf(RehearsalException.class)
			.hasMessageStartingWith(refusal)
			.hasMessageEndingWith("Nothing was rehearsed.");
		assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("kept");
		assertThat(Snapshot.of(db)).isEqualTo(before);
		assertThatThrownBy(() -> migrations.rehearse("head", copyOf(db))).isInstanceOf(RehearsalException.class)
			.hasMessageStartingWith(refusal);
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aJavaRevisionCannotCommitTheRolledBackRehearsal(TestDatabase db) {
		upgradedToBase(db);
		// a data migration committing in batches, as Java revisions often do
		JavaRevision batches = new JavaRevision() {

			@Override
			public String revision() {
				return CHANGE;
			}

			@Override
			public List<String> downRevisions() {
				return List.of(BASE);
			}

			@Override
			public String message() {
				return "backfill in batches";
			}

			@Override
			public void upgrade(Connection connection) throws Exception {
				try (java.sql.Statement statement = connection.createStatement()) {
					statement.executeUpdate("UPDATE item SET v = 'done' WHERE id <= 10");
				}
				connection.commit();
			}

			@Override
			public void downgrade(Connection connection) {
			}

		};
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(this.files.location())
			.javaRevisions(List.of(batches)).load();
		Snapshot before = Snapshot.of(db);

		RehearsalReport report = migrations.rehearse("head", RehearsalOptions.rollback());

		assertThat(report.failed()).isTrue();
		assertThat(report.revisions().get(0).statements().get(0).error())
			.startsWith("A rehearsal in a rolled-back transaction cannot commit: Java revision " + CHANGE
					+ " called Connection.commit()");
		assertThat(Sql.column(db.dataSource(), "select count(*) from item where v = 'done'")).containsExactly("0");
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	/** What must not change: the schema's shape, the version table, the rows, the databases on the server. */
	record Snapshot(List<String> schema, List<String> versions, List<String> rows, List<String> sequence,
			List<String> rehearsalDatabases) {

		static Snapshot of(TestDatabase db) {
			return new Snapshot(Sql.postgresSchemaDump(db.dataSource(), "public"),
					Sql.column(db.dataSource(), "SELECT revision || ' ' || checksum || ' ' || state FROM migrations_version"
							+ " ORDER BY applied_seq"),
					Sql.column(db.dataSource(), "SELECT count(*) || ' ' || md5(string_agg(id || v, ',' ORDER BY id)) FROM item"),
					Sql.column(db.dataSource(), "SELECT last_value || ' ' || is_called FROM item_seq"),
					Sql.column(db.dataSource(), "SELECT datname FROM pg_database WHERE datname LIKE '" + db.name()
							+ "\\_rehearsal\\_%'"));
		}

	}

}
