package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsStatus;
import dev.migrations.RevisionInfo;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.revision.JavaRevision;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a revision running outside a transaction leaves recorded when its session is ended from
 * elsewhere or its process dies, in each direction.
 */
@ExtendWith(TestDatabaseExtension.class)
class CrashRecoveryTest {

	static final String BASE = "aaaa00000001";

	static final String INDEX = "bbbb00000002";

	@TempDir
	Path directory;

	@TempDir
	Path olderDirectory;

	final ExecutorService pool = Executors.newSingleThreadExecutor();

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	/** Revisions whose non-transactional one waits for advisory lock 4242 in the given direction. */
	RevisionFiles postgresRevisions(boolean blockUpgrade) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		String block = "SELECT pg_advisory_lock(4242);\nSELECT pg_advisory_unlock(4242);";
		files.write(INDEX, BASE, "index", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY ix_item_name ON item (name);\n" + (blockUpgrade ? block : ""),
				"DROP INDEX CONCURRENTLY IF EXISTS ix_item_name;\n" + (blockUpgrade ? "" : block));
		return files;
	}

	@Test
	void upgradeWhoseSessionIsTerminatedIsRecordedAsFailedOnAFreshConnection(TestDatabase db) throws Exception {
		RevisionFiles files = postgresRevisions(true);
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		Throwable failure;
		try (Connection blocker = db.dataSource().getConnection()) {
			query(blocker, "select pg_advisory_lock(4242)");
			Future<CommandResult> upgrade = this.pool.submit(() -> migrations.upgrade("head"));
			query(blocker, "select pg_terminate_backend(" + waitingPostgresPid(db.dataSource()) + ")");
			failure = catchThrowable(() -> upgrade.get(2, TimeUnit.MINUTES)).getCause();
		}
		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 1 was applied")
			.hasMessageContaining("The revision is recorded as FAILED in migrations_version")
			.hasMessageContaining("`db stamp " + INDEX + "` if you completed the upgrade, or `db stamp " + BASE
					+ "` if you undid it");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = '" + INDEX + "'"))
			.containsExactly("FAILED");
		assertThat(Sql.column(db.dataSource(), "select error from migrations_version where revision = '" + INDEX + "'").get(0))
			.contains("terminating connection");
		assertThat(Sql.column(db.dataSource(), "select operation from migrations_version_log where revision = '" + INDEX
				+ "'")).containsExactly("FAILED");
	}

	/**
	 * An instance waiting for the migrations lock whose session a DBA ends (clearing "stuck" sessions while another
	 * instance upgrades) says what happened and to run again, not a bare "Database error"; the other goes on.
	 */
	@Test
	void anUpgradeWhoseSessionIsTerminatedWhileItWaitsForTheLockIsToldToRunAgain(TestDatabase db) throws Exception {
		RevisionFiles files = postgresRevisions(true);
		Migrations first = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		Migrations second = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.lockTimeout(java.time.Duration.ofMinutes(2)).load();
		ExecutorService other = Executors.newSingleThreadExecutor();
		Throwable failure;
		try (Connection blocker = db.dataSource().getConnection()) {
			query(blocker, "select pg_advisory_lock(4242)");
			Future<CommandResult> holding = this.pool.submit(() -> first.upgrade("head"));
			String holder = waitingPostgresPid(db.dataSource());
			Future<CommandResult> waiting = other.submit(() -> second.upgrade("head"));
			String waiter = awaitValue(db.dataSource(), "select pid from pg_stat_activity where datname = current_database()"
					+ " and pid not in (pg_backend_pid(), " + holder + ") and query like '%pg_try_advisory_lock%'");
			query(blocker, "select pg_terminate_backend(" + waiter + ")");
			failure = catchThrowable(() -> waiting.get(2, TimeUnit.MINUTES)).getCause();
			query(blocker, "select pg_advisory_unlock(4242)");
			holding.get(2, TimeUnit.MINUTES);
		}
		finally {
			other.shutdownNow();
		}

		assertThat(failure).isInstanceOf(dev.migrations.MigrationsException.class)
			// the server's message, or the driver's "This connection has been closed." when it saw the end first
			.hasMessageStartingWith("Database error: ")
			.hasMessageNotContaining("..")
			.hasMessageContaining("The session ended (the server was restarted, or the session terminated)")
			.hasMessageEndingWith("run `db upgrade` again.");
		assertThat(first.current()).containsExactly(INDEX);
	}

	@Test
	void anUpgradeUnderWayOutsideATransactionIsPendingNotFailedWhileItsCommandHoldsTheLock(TestDatabase db) throws Exception {
		RevisionFiles files = postgresRevisions(true);
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		// the release before it, which does not know the revision under way
		RevisionFiles older = new RevisionFiles(this.olderDirectory);
		older.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations previous = Migrations.configure().dataSource(db.dataSource()).locations(older.location()).load();
		previous.upgrade("head");
		try (Connection blocker = db.dataSource().getConnection()) {
			query(blocker, "select pg_advisory_lock(4242)");
			Future<CommandResult> upgrade = this.pool.submit(() -> migrations.upgrade("head"));
			waitingPostgresPid(db.dataSource());
			assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = '" + INDEX + "'"))
				.containsExactly("RUNNING");

			// another instance of the new release: the revision is pending, nothing failed
			MigrationsStatus status = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load()
				.status();
			assertThat(status.failed()).isEmpty();
			assertThat(status.pending()).containsExactly(INDEX);
			assertThat(status.current()).containsExactly(BASE);
			assertThat(status.revisions()).extracting(RevisionInfo::revision, RevisionInfo::state)
				.containsExactly(tuple(INDEX, RevisionInfo.State.PENDING), tuple(BASE, RevisionInfo.State.APPLIED));
			// an instance of the previous release: up to date, at what it knows, nothing missing yet
			MigrationsStatus old = previous.status();
			assertThat(old.failed()).isEmpty();
			assertThat(old.missing()).isEmpty();
			assertThat(old.current()).containsExactly(BASE);
			assertThat(old.upToDate()).isTrue();

			query(blocker, "select pg_advisory_unlock(4242)");
			assertThat(upgrade.get(2, TimeUnit.MINUTES).steps()).hasSize(1);
		}
		assertThat(migrations.status().revisions()).extracting(RevisionInfo::state)
			.containsExactly(RevisionInfo.State.APPLIED, RevisionInfo.State.APPLIED);
		assertThat(previous.status().missing()).containsExactly(INDEX);
	}

	@Test
	void aDowngradeUnderWayOutsideATransactionIsNotFailedAndItsRowSaysHowFarItGot(TestDatabase db) throws Exception {
		RevisionFiles files = postgresRevisions(false);
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("head");
		try (Connection blocker = db.dataSource().getConnection()) {
			query(blocker, "select pg_advisory_lock(4242)");
			Future<CommandResult> downgrade = this.pool.submit(() -> migrations.downgrade("-1"));
			waitingPostgresPid(db.dataSource());
			assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = '" + INDEX + "'"))
				.containsExactly("REVERTING");
			assertThat(Sql.column(db.dataSource(), "select error from migrations_version where revision = '" + INDEX + "'")
				.get(0)).startsWith("Its downgrade started at ")
				.contains(" Statement 1 of 3 completed; statement 2 (line ")
				.endsWith(": SELECT pg_advisory_lock(4242)");

			// another instance sees a downgrade under way, not a failure
			MigrationsStatus status = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load()
				.status();
			assertThat(status.failed()).isEmpty();
			assertThat(status.current()).containsExactly(INDEX);

			query(blocker, "select pg_advisory_unlock(4242)");
			assertThat(downgrade.get(2, TimeUnit.MINUTES).steps()).hasSize(1);
		}
		assertThat(migrations.current()).containsExactly(BASE);
	}

	@Test
	void anUpgradeWhoseProcessDiedBetweenStatementsSaysWhichCompletedAndWhichStarted(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text, code text, kind text);",
				"DROP TABLE item;");
		files.write(INDEX, BASE, "indexes", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY ix_item_name ON item (name);\n"
						+ "CREATE INDEX CONCURRENTLY ix_item_code\n    ON item (code);\n"
						+ "CREATE INDEX CONCURRENTLY ix_item_kind ON item (kind);",
				"DROP INDEX CONCURRENTLY IF EXISTS ix_item_kind;\nDROP INDEX CONCURRENTLY IF EXISTS ix_item_code;\n"
						+ "DROP INDEX CONCURRENTLY IF EXISTS ix_item_name;");
		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().upgrade(BASE);
		// the process dies as the second statement is sent
		Migrations dying = Migrations.configure().dataSource(diesAt(db.dataSource(), "ix_item_code"))
			.locations(files.location()).load();
		assertThatThrownBy(() -> dying.upgrade("head")).isInstanceOf(ProcessDeath.class);
		assertThat(Sql.column(db.dataSource(), "select indexname from pg_indexes where tablename = 'item' and indexname like 'ix%'"))
			.containsExactly("ix_item_name");

		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThat(migrations.status().failed()).containsExactly(INDEX);
		List<String> lines = java.nio.file.Files.readAllLines(files.directory().resolve(INDEX + "_indexes.sql"));
		int line = lines.indexOf("CREATE INDEX CONCURRENTLY ix_item_code") + 1;
		assertThat(line).isPositive();
		String progress = "Statement 1 of 3 completed; statement 2 (line " + line + ") started at ";
		assertThat(migrations.failures()).singleElement().asString().startsWith(INDEX + " (")
			.contains("is recorded as RUNNING since ",
					": it ran outside a transaction and never recorded completion (the process may have died). " + progress)
			.contains(": CREATE INDEX CONCURRENTLY ix_item_code ON item (code)\n")
			.contains("`db stamp " + INDEX + "` if you completed the upgrade, or `db stamp " + BASE + "` if you undid it");
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(FailedRevisionException.class)
			.hasMessageContaining(progress);

		// what the note says is what to finish by hand before recording the revision as completed
		Sql.execute(db.dataSource(), "CREATE INDEX ix_item_code ON item (code)");
		Sql.execute(db.dataSource(), "CREATE INDEX ix_item_kind ON item (kind)");
		migrations.stamp(INDEX);
		assertThat(migrations.status().failed()).isEmpty();
		assertThat(Sql.column(db.dataSource(), "select error from migrations_version where revision = '" + INDEX + "'"))
			.containsExactly((String) null);
	}

	@Test
	void aJavaRevisionInATransactionCannotCommitHalfOfItself(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(new CommitsInBatches())).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("Java revision batch0000001 (" + CommitsInBatches.class.getName() + ") called"
					+ " Connection.commit() in the transaction it runs in")
			.hasMessageContaining("It was rolled back: nothing of it was applied");
		// what the batch before the commit inserted is gone with the rest, and the revision is not recorded
		assertThat(Sql.column(db.dataSource(), "select count(*) from item")).containsExactly("0");
		assertThat(migrations.current()).containsExactly(BASE);
	}

	/** A Java revision in a transaction running the given statements, then those after the session it ran on ended. */
	static JavaRevision javaRevision(String id, String parent, List<String> statements, DataSource observer,
			List<String> afterItsSessionEnded) {
		return new JavaRevision() {

			@Override
			public String revision() {
				return id;
			}

			@Override
			public List<String> downRevisions() {
				return List.of(parent);
			}

			@Override
			public String message() {
				return "backfill";
			}

			@Override
			public void upgrade(Connection connection) throws Exception {
				for (String sql : statements) {
					query(connection, sql);
				}
				if (!afterItsSessionEnded.isEmpty()) {
					String pid;
					try (Statement statement = connection.createStatement();
							var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
						rs.next();
						pid = rs.getString(1);
					}
					// its code works on (no statement running) until the server has ended the idle transaction
					awaitValue(observer, "select 1 where not exists (select 1 from pg_stat_activity where pid = " + pid + ")");
					for (String sql : afterItsSessionEnded) {
						query(connection, sql);
					}
				}
			}

			@Override
			public void downgrade(Connection connection) {
			}

		};
	}

	/**
	 * A Java revision (a JdbcTemplate backfill) stopped by what the session does, not by its own mistake, is told what
	 * stopped it and to run the upgrade again, as a SQL revision is: here its lock_timeout, while a read holds the table.
	 */
	@Test
	void aJavaRevisionStoppedByItsLockTimeoutIsToldToRunAgainNotToBeFixed(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(javaRevision("javafill0001", BASE, List.of("INSERT INTO item VALUES (1, 'one')",
					"SET LOCAL lock_timeout = '10ms'", "ALTER TABLE item ADD COLUMN note text"), db.dataSource(), List.of())))
			.load();
		migrations.upgrade(BASE);

		Throwable failure;
		try (Connection reader = db.dataSource().getConnection()) {
			reader.setAutoCommit(false);
			query(reader, "SELECT * FROM item");
			failure = catchThrowable(() -> migrations.upgrade("head"));
			reader.rollback();
		}

		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("Revision javafill0001 (class ")
			.hasMessageContaining("It was rolled back: nothing of it was applied")
			.hasMessageContaining("lock_timeout ran out while it waited for a lock another session holds")
			.hasMessageEndingWith("run `db upgrade` again.")
			.hasMessageNotContaining("Fix it");
		assertThat(migrations.current()).containsExactly(BASE);
		assertThat(Sql.column(db.dataSource(), "select count(*)::text from item")).containsExactly("0");
		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("javafill0001");
	}

	/**
	 * A Java revision whose code works on between statements longer than idle_in_transaction_session_timeout (set on
	 * the role or the database) has its session ended by the server: the message names the setting and how to give
	 * the migrations' sessions longer, not "fix it".
	 */
	@Test
	void aJavaRevisionWhoseTransactionStaysIdleTooLongIsToldWhichSettingEndedIt(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(javaRevision("javafill0001", BASE, List.of("INSERT INTO item VALUES (1, 'one')",
					"SET LOCAL idle_in_transaction_session_timeout = '10ms'"), db.dataSource(),
					List.of("INSERT INTO item VALUES (2, 'two')"))))
			.load();

		Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("Revision javafill0001 (class ")
			.hasMessageContaining("idle-in-transaction timeout")
			.hasMessageContaining("It was rolled back: nothing of it was applied")
			.hasMessageContaining("idle_in_transaction_session_timeout")
			.hasMessageContaining("migrations.init-sqls")
			.hasMessageEndingWith("run `db upgrade` again.")
			.hasMessageNotContaining("Fix it");
		assertThat(migrations.current()).containsExactly(BASE);
		assertThat(Sql.column(db.dataSource(), "select count(*)::text from item")).containsExactly("0");
	}

	@Test
	void aJavaRevisionRunningAStatementThatCannotRunInATransactionIsToldToRunOutsideOne(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		JavaRevision concurrently = new JavaRevision() {

			@Override
			public String revision() {
				return "javaindex001";
			}

			@Override
			public List<String> downRevisions() {
				return List.of(BASE);
			}

			@Override
			public String message() {
				return "index by name";
			}

			@Override
			public void upgrade(Connection connection) throws SQLException {
				query(connection, "SELECT 1");
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE INDEX CONCURRENTLY ix_item_name ON item (name)");
				}
			}

			@Override
			public void downgrade(Connection connection) {
			}

		};
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(concurrently)).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("Revision javaindex001 (class ")
			.hasMessageContaining("It was rolled back: nothing of it was applied")
			.hasMessageContaining("A statement it ran cannot run inside a transaction (SQLState 25001): make its"
					+ " transactional() return false");
		assertThat(migrations.current()).containsExactly(BASE);
	}

	/**
	 * A backfill outside a transaction that commits its batches with auto-commit off, as JDBC code usually does,
	 * and leaves it off: the revision's row is still marked applied for good, not rolled back with the
	 * connection's open transaction when the connection is closed (which left it RUNNING, and the next start refused).
	 */
	@Test
	void aJavaRevisionOutsideATransactionLeavingAutoCommitOffIsRecordedAsApplied(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(new BatchesLeavingAutoCommitOff())).load();

		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly(BASE, "batch0000001");

		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = 'batch0000001'"))
			.containsExactly("APPLIED");
		assertThat(Sql.column(db.dataSource(), "select operation from migrations_version_log where revision = 'batch0000001'"))
			.containsExactly("UPGRADE");
		assertThat(Sql.column(db.dataSource(), "select name from item order by id")).containsExactly("n0", "n1");
		Migrations next = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(new BatchesLeavingAutoCommitOff())).load();
		assertThat(next.status().failed()).isEmpty();
		assertThat(next.upgrade("head").steps()).isEmpty();
	}

	/** Failing after a committed batch, with auto-commit left off, it is recorded as FAILED, not left RUNNING. */
	@Test
	void aJavaRevisionOutsideATransactionFailingWithAutoCommitOffIsRecordedAsFailed(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(new BatchesLeavingAutoCommitOff() {

				@Override
				public void upgrade(Connection connection) throws Exception {
					super.upgrade(connection);
					try (Statement statement = connection.createStatement()) {
						statement.executeUpdate("insert into item values (2, 'n2')");
					}
					throw new IllegalStateException("the third batch failed");
				}

			})).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("the third batch failed")
			.hasMessageContaining("The revision is recorded as FAILED");

		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = 'batch0000001'"))
			.containsExactly("FAILED");
		// the committed batches stay, the failed one's uncommitted row does not
		assertThat(Sql.column(db.dataSource(), "select name from item order by id")).containsExactly("n0", "n1");
	}

	/** Commits each batch itself, outside a transaction, and leaves the connection with auto-commit off. */
	static class BatchesLeavingAutoCommitOff extends CommitsInBatches {

		@Override
		public boolean transactional() {
			return false;
		}

		@Override
		public void upgrade(Connection connection) throws Exception {
			connection.setAutoCommit(false);
			super.upgrade(connection);
		}

	}

	/** A backfill committing after each batch, in a revision that runs in a transaction. */
	static class CommitsInBatches implements JavaRevision {

		@Override
		public String revision() {
			return "batch0000001";
		}

		@Override
		public String message() {
			return "backfill in batches";
		}

		@Override
		public List<String> downRevisions() {
			return List.of(BASE);
		}

		@Override
		public void upgrade(Connection connection) throws Exception {
			for (int batch = 0; batch < 2; batch++) {
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("insert into item values (" + batch + ", 'n" + batch + "')");
				}
				connection.commit();
			}
		}

		@Override
		public void downgrade(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("delete from item");
			}
		}

	}

	/** A data source whose process "dies" (an error no code catches) when a statement naming the marker is sent. */
	static DataSource diesAt(DataSource dataSource, String marker) {
		return (DataSource) java.lang.reflect.Proxy.newProxyInstance(CrashRecoveryTest.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(dataSource, method, args);
					return (result instanceof Connection connection) ? dyingConnection(connection, marker) : result;
				});
	}

	private static Connection dyingConnection(Connection connection, String marker) {
		return (Connection) java.lang.reflect.Proxy.newProxyInstance(CrashRecoveryTest.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					Object result = invoke(connection, method, args);
					if (!(result instanceof Statement statement) || result instanceof java.sql.PreparedStatement) {
						return result;
					}
					return java.lang.reflect.Proxy.newProxyInstance(CrashRecoveryTest.class.getClassLoader(),
							new Class<?>[] { Statement.class }, (p, m, a) -> {
								if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql
										&& sql.contains(marker)) {
									throw new ProcessDeath();
								}
								return invoke(statement, m, a);
							});
				});
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (java.lang.reflect.InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@Test
	void anUpgradeOfANewerReleaseThatDiedIsFailedNotAppliedInTheReleaseWithoutItsFile(TestDatabase db) throws Exception {
		RevisionFiles older = new RevisionFiles(this.olderDirectory);
		older.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations previous = Migrations.configure().dataSource(db.dataSource()).locations(older.location()).load();
		previous.upgrade("head");
		// what a newer release leaves when its process dies in a revision run outside a transaction
		Sql.execute(db.dataSource(), "INSERT INTO migrations_version (revision, down_revisions, message, kind, source,"
				+ " checksum, state, applied_seq, applied_at, execution_millis, applied_by, error) VALUES ('g00000000001', '"
				+ BASE + "', 'gauge', 'sql', 'g00000000001_gauge.sql', 'x', 'RUNNING', 2, now(), 0, 'newer', NULL)");

		MigrationsStatus status = previous.status();
		assertThat(status.missing()).isEmpty();
		assertThat(status.failed()).containsExactly("g00000000001");
		assertThat(status.current()).containsExactly(BASE);
		assertThat(status.revisions()).extracting(RevisionInfo::revision, RevisionInfo::state)
			.containsExactly(tuple("g00000000001", RevisionInfo.State.FAILED), tuple(BASE, RevisionInfo.State.APPLIED));
		assertThat(previous.failures()).singleElement().asString()
			.contains("This release has no file for g00000000001: run the release that has it")
			.contains("`db stamp " + BASE + "` (its parent)")
			.doesNotContain("`db stamp g00000000001` if you completed the upgrade");

		// the advice this release can follow: after undoing it by hand, stamp its parent
		previous.stamp(BASE);
		assertThat(previous.status().failed()).isEmpty();
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version")).containsExactly(BASE);
	}

	@Test
	void downgradeWhoseSessionIsTerminatedIsRecordedAsRevertingWithDowngradeInstructions(TestDatabase db) throws Exception {
		RevisionFiles files = postgresRevisions(false);
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("head");
		Throwable failure;
		try (Connection blocker = db.dataSource().getConnection()) {
			query(blocker, "select pg_advisory_lock(4242)");
			Future<CommandResult> downgrade = this.pool.submit(() -> migrations.downgrade("-1"));
			query(blocker, "select pg_terminate_backend(" + waitingPostgresPid(db.dataSource()) + ")");
			failure = catchThrowable(() -> downgrade.get(2, TimeUnit.MINUTES)).getCause();
		}
		String instructions = "`db stamp " + BASE + "` if you completed the downgrade, or `db stamp " + INDEX
				+ "` if you undid it";
		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("The revision is recorded as REVERTING in migrations_version")
			.hasMessageContaining(instructions);
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = '" + INDEX + "'"))
			.containsExactly("REVERTING");

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(FailedRevisionException.class)
			.hasMessageContaining(INDEX + " (" + files.directory().resolve(INDEX + "_index.sql") + ") is recorded as REVERTING")
			.hasMessageContaining("its downgrade did not complete. Its downgrade started at ")
			.hasMessageContaining("terminating connection")
			.hasMessageContaining(instructions);

		// the operator finishes the downgrade by hand and records it
		Sql.execute(db.dataSource(), "DROP INDEX IF EXISTS ix_item_name");
		migrations.stamp(BASE);
		assertThat(migrations.current()).containsExactly(BASE);
	}

	@Test
	void anIndexThatAConcurrentBuildLeftInvalidIsNamedWithTheStatementThatDropsIt(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);\n"
				+ "INSERT INTO item VALUES (1, 'a'), (2, 'a');", "DROP TABLE item;");
		// the build fails on the duplicate once the index is in the catalog, as a killed or terminated one does
		files.write(INDEX, BASE, "index", "-- transactional: false\n",
				"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_item_name ON item (name);",
				"DROP INDEX CONCURRENTLY IF EXISTS ux_item_name;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("The revision is recorded as FAILED")
			.hasMessageContaining("The index public.ux_item_name (on public.item) is INVALID")
			.hasMessageContaining("DROP INDEX CONCURRENTLY IF EXISTS public.ux_item_name;");
		assertThat(Sql.column(db.dataSource(), "select indisvalid::text from pg_index where indexrelid = 'ux_item_name'::regclass"))
			.containsExactly("false");

		// the next start names the index left behind, since running the statement again would keep it invalid
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(FailedRevisionException.class)
			.hasMessageContaining(INDEX + " (")
			.hasMessageContaining("`db stamp " + INDEX + "` if you completed the upgrade, or `db stamp " + BASE + "` if you undid it")
			.hasMessageContaining("The index public.ux_item_name (on public.item) is INVALID")
			.hasMessageContaining("drop it first, whether you finish the revision or undo it:\n"
					+ "    DROP INDEX CONCURRENTLY IF EXISTS public.ux_item_name;");

		// `db current` says it too, after the revision
		assertThat(migrations.failures()).hasSize(2).last().asString()
			.startsWith("The index public.ux_item_name (on public.item) is INVALID")
			.endsWith("DROP INDEX CONCURRENTLY IF EXISTS public.ux_item_name;");

		// following it: drop the index, undo the revision's cause, record it as undone, upgrade again
		Sql.execute(db.dataSource(), "DROP INDEX CONCURRENTLY IF EXISTS public.ux_item_name");
		Sql.execute(db.dataSource(), "UPDATE item SET name = 'b' WHERE id = 2");
		migrations.stamp(BASE);
		assertThat(migrations.upgrade("head").steps()).hasSize(1);
		assertThat(Sql.column(db.dataSource(), "select indisvalid::text from pg_index where indexrelid = 'ux_item_name'::regclass"))
			.containsExactly("true");
	}

	/**
	 * Not INVALID in the sense that a build left it so: an index another role's session is building right now
	 * (its progress row shows a role without pg_read_all_stats no index), the new index of a REINDEX CONCURRENTLY
	 * under way (its progress row names the index it replaces), and a partitioned table's index created
	 * ON ONLY, which is valid once each partition's index is attached (DROP INDEX CONCURRENTLY refuses it anyway).
	 */
	@Test
	void anIndexBeingBuiltByAnotherRoleAndAPartitionedIndexBeingAssembledAreNotInvalid(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);\n"
				+ "CREATE TABLE event (id int, at date) PARTITION BY RANGE (at);\n"
				+ "CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\n"
				+ "CREATE INDEX ix_event_at ON ONLY event (at);", "DROP TABLE event;\nDROP TABLE item;");
		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().upgrade("head");
		String role = "checker_" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffffL);
		Sql.execute(db.dataSource(), "CREATE ROLE " + role + " LOGIN");
		try (Connection blocker = db.dataSource().getConnection()) {
			Sql.execute(db.dataSource(), "GRANT SELECT ON migrations_version, migrations_version_log TO " + role);
			org.postgresql.ds.PGSimpleDataSource checker = new org.postgresql.ds.PGSimpleDataSource();
			checker.setURL(db.jdbcUrl());
			checker.setUser(role);
			Migrations asChecker = Migrations.configure().dataSource(checker).locations(files.location()).load();
			assertThat(asChecker.invalidIndexes()).isEmpty();

			// the build waits for the blocker's transaction once its index is in the catalog
			blocker.setAutoCommit(false);
			query(blocker, "LOCK TABLE item IN ROW EXCLUSIVE MODE");
			Future<?> build = this.pool.submit(() -> {
				Sql.execute(db.dataSource(), "CREATE INDEX CONCURRENTLY ix_item_name ON item (name)");
				return null;
			});
			awaitValue(db.dataSource(), "select 1 from pg_index where indexrelid = to_regclass('ix_item_name')");
			assertThat(asChecker.invalidIndexes()).isEmpty();
			blocker.commit();
			build.get(2, TimeUnit.MINUTES);

			// a REINDEX CONCURRENTLY's new index, while its progress row names the index it replaces
			query(blocker, "LOCK TABLE item IN ROW EXCLUSIVE MODE");
			Future<?> reindex = this.pool.submit(() -> {
				Sql.execute(db.dataSource(), "REINDEX INDEX CONCURRENTLY ix_item_name");
				return null;
			});
			awaitValue(db.dataSource(), "select 1 from pg_index where indexrelid = to_regclass('ix_item_name_ccnew')");
			assertThat(Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().invalidIndexes())
				.isEmpty();
			blocker.commit();
			reindex.get(2, TimeUnit.MINUTES);
		}
		finally {
			Sql.execute(db.dataSource(), "DROP OWNED BY " + role + " CASCADE");
			Sql.execute(db.dataSource(), "DROP ROLE " + role);
		}
	}

	@Test
	void downgradeWhoseProcessDiedIsReportedWithItsStartAndDowngradeInstructions(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(new DiesInDowngrade())).load();
		migrations.upgrade("head");

		assertThatThrownBy(() -> migrations.downgrade("-1")).isInstanceOf(ProcessDeath.class);

		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = 'died00000001'"))
			.containsExactly("REVERTING");
		// no session holds the lock: the process died, and the revision is failed
		assertThat(migrations.status().failed()).containsExactly("died00000001");
		assertThat(migrations.failures()).singleElement().asString().startsWith("died00000001 (")
			.contains("its downgrade did not complete", "the process may have died",
					"`db stamp " + BASE + "` if you completed the downgrade, or `db stamp died00000001` if you undid it");
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(FailedRevisionException.class)
			.hasMessageContaining("died00000001 (")
			.hasMessageContaining("is recorded as REVERTING (applied at ")
			.hasMessageContaining("its downgrade did not complete. Its downgrade started at ")
			.hasMessageContaining("never recorded completion (the process may have died)")
			.hasMessageContaining("`db stamp " + BASE + "` if you completed the downgrade, or `db stamp died00000001` if you"
					+ " undid it");
	}

	@Test
	void revisionWhoseConnectionIsKilledIsRecordedAsFailedOnMariaDb(@MariaDb TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name varchar(50));", "DROP TABLE item;");
		// named after the database: MariaDB's named locks are server-wide, and another build may run this test too
		String lock = "crash_recovery_" + db.name();
		files.write(INDEX, BASE, "index",
				"CREATE INDEX ix_item_name ON item (name);\nSELECT get_lock('" + lock + "', 600);",
				"DROP INDEX ix_item_name ON item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		Throwable failure;
		try (Connection blocker = db.dataSource().getConnection()) {
			query(blocker, "select get_lock('" + lock + "', 0)");
			Future<CommandResult> upgrade = this.pool.submit(() -> migrations.upgrade("head"));
			String waiting = awaitValue(db.dataSource(), "select id from information_schema.processlist"
					+ " where info like 'SELECT get_lock(''" + lock + "'', 600)%'");
			query(blocker, "kill connection " + waiting);
			failure = catchThrowable(() -> upgrade.get(2, TimeUnit.MINUTES)).getCause();
		}
		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("The revision is recorded as FAILED in migrations_version");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version where revision = '" + INDEX + "'"))
			.containsExactly("FAILED");
	}

	/** The backend waiting for advisory lock 4242. */
	static String waitingPostgresPid(DataSource dataSource) throws Exception {
		// in this database only: another build on the same server may be running this test too
		return awaitValue(dataSource, "select pid from pg_locks where locktype = 'advisory' and objid = 4242 and not granted"
				+ " and database = (select oid from pg_database where datname = current_database())");
	}

	/** Waits for a condition in the database (a statement reaching a point), not for time to pass. */
	static String awaitValue(DataSource dataSource, String sql) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline) {
			List<String> values = Sql.column(dataSource, sql);
			if (!values.isEmpty()) {
				return values.get(0);
			}
			Thread.sleep(20);
		}
		throw new AssertionError("Nothing returned by " + sql + " within 2 minutes");
	}

	static void query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** A Java revision's own error (here endless recursion) is a failed revision, named, and rolled back. */
	@Test
	void aJavaRevisionThatOverflowsItsStackFailsNamingTheRevision(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(BASE, "none", "item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(new Recurses())).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith("Revision recurse000001 (")
			.hasMessageContaining("failed in its upgrade: java.lang.StackOverflowError")
			.hasMessageContaining("It was rolled back");
		assertThat(migrations.current()).containsExactly(BASE);
	}

	/** Recurses without end in its upgrade. */
	static class Recurses implements JavaRevision {

		@Override
		public String revision() {
			return "recurse000001";
		}

		@Override
		public List<String> downRevisions() {
			return List.of(BASE);
		}

		@Override
		public String message() {
			return "recurses";
		}

		@Override
		public void upgrade(Connection connection) {
			depth(0);
		}

		private static int depth(int n) {
			return depth(n + 1) + 1;
		}

		@Override
		public void downgrade(Connection connection) {
		}

	}

	/** Stands for the process dying: nothing after it runs in the runner. */
	static class ProcessDeath extends Error {

		private static final long serialVersionUID = 1L;

	}

	/** A revision run outside a transaction whose downgrade never returns normally. */
	static class DiesInDowngrade implements JavaRevision {

		@Override
		public String revision() {
			return "died00000001";
		}

		@Override
		public List<String> downRevisions() {
			return List.of(BASE);
		}

		@Override
		public String message() {
			return "dies";
		}

		@Override
		public boolean transactional() {
			return false;
		}

		@Override
		public void upgrade(Connection connection) {
		}

		@Override
		public void downgrade(Connection connection) {
			throw new ProcessDeath();
		}

	}

}
