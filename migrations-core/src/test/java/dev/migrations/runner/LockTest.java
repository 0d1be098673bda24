package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.dialect.LockTimeoutException;
import dev.migrations.revision.JavaRevision;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations lock: one per version table the database actually writes, and waiting for it is logged. */
@ExtendWith(TestDatabaseExtension.class)
class LockTest {

	static final String FIRST = "aaaa00000001";

	@TempDir
	Path directory;

	RevisionFiles files() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(FIRST, "none", "first", "CREATE TABLE first_table (id int PRIMARY KEY);", "DROP TABLE first_table;");
		return files;
	}

	@Test
	@SuppressWarnings("try")
	void aLockTimeoutOnPostgresGivesTheStatementThatEndsTheHoldingSession(TestDatabase db) throws Exception {
		RevisionFiles files = files();
		try (Connection holder = db.connection();
				dev.migrations.dialect.DatabaseLock lock = new dev.migrations.dialect.PostgresDialect().lock(holder,
						"public.migrations_version", Duration.ofSeconds(5))) {
			int pid;
			try (java.sql.Statement statement = holder.createStatement();
					java.sql.ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
				rs.next();
				pid = rs.getInt(1);
			}
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
				.lockTimeout(Duration.ofMillis(300)).load();
			assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(LockTimeoutException.class)
				.hasMessageContaining("held by pid " + pid + " ")
				.hasMessageContaining("end it (SELECT pg_terminate_backend(" + pid + "))");
		}
	}

	@Test
	void runsWithAndWithoutTheSchemaSettingTakeTheSameLockOnPostgres(TestDatabase db) throws Exception {
		sameLockWithAndWithoutTheSchemaSetting(db, "public");
	}

	@Test
	void runsWithAndWithoutTheSchemaSettingTakeTheSameLockOnMariaDb(@MariaDb TestDatabase db) throws Exception {
		sameLockWithAndWithoutTheSchemaSetting(db, Sql.column(db.dataSource(), "select database()").get(0));
	}

	private void sameLockWithAndWithoutTheSchemaSetting(TestDatabase db, String schema) throws Exception {
		RevisionFiles files = files();
		Blocking blocking = new Blocking();
		Migrations holder = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).schema(schema)
			.javaRevisions(List.of(blocking)).load();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<CommandResult> first = pool.submit(() -> holder.upgrade("heads"));
			assertThat(blocking.inside.await(2, TimeUnit.MINUTES)).isTrue();

			Migrations unset = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
				.javaRevisions(List.of(new Blocking())).lockTimeout(Duration.ofMillis(300)).load();
			assertThatThrownBy(() -> unset.upgrade("heads")).isInstanceOf(LockTimeoutException.class)
				.hasMessageStartingWith("Timed out after 300 ms waiting for the migrations lock");
			blocking.release.countDown();
			assertThat(first.get(2, TimeUnit.MINUTES).steps()).hasSize(2);
		}
		finally {
			blocking.release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void upgradesConfiguredWithAndWithoutTheSchemaAtOnceApplyEachRevisionOnce() throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		String parent = "none";
		int revisions = 4;
		for (int i = 1; i <= revisions; i++) {
			String id = "rev" + i + "000000000";
			// CREATE TABLE without IF NOT EXISTS: running a revision twice fails
			files.write(id, parent, "table " + i, "CREATE TABLE t" + i + " (id int PRIMARY KEY);", "DROP TABLE t" + i + ";");
			parent = id;
		}
		int threads = 4;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 3; round++) {
				try (TestDatabase db = TestDatabases.postgres()) {
					CountDownLatch start = new CountDownLatch(1);
					List<Future<CommandResult>> results = new ArrayList<>();
					for (int t = 0; t < threads; t++) {
						Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
							.schema((t % 2 == 0) ? "public" : null).load();
						results.add(pool.submit(() -> {
							start.await();
							return migrations.upgrade("head");
						}));
					}
					start.countDown();
					int applied = 0;
					for (Future<CommandResult> result : results) {
						applied += result.get(5, TimeUnit.MINUTES).steps().size();
					}
					assertThat(applied).as("revisions applied across all threads in round %d", round).isEqualTo(revisions);
					assertThat(Sql.column(db.dataSource(),
							"select count(*) from migrations_version_log where operation = 'UPGRADE'"))
						.containsExactly(String.valueOf(revisions));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void waitingForTheLockIsLoggedNamingTheHolderOnPostgres(TestDatabase db) throws Exception {
		waitingIsLogged(db, "pid ");
	}

	@Test
	void waitingForTheLockIsLoggedNamingTheHolderOnMariaDb(@MariaDb TestDatabase db) throws Exception {
		waitingIsLogged(db, "connection ");
	}

	private void waitingIsLogged(TestDatabase db, String holderText) throws Exception {
		RevisionFiles files = files();
		Blocking blocking = new Blocking();
		Migrations holder = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(blocking)).load();
		Migrations waiter = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.javaRevisions(List.of(new Blocking())).load();
		CountDownLatch waiting = new CountDownLatch(1);
		List<String> lines = new CopyOnWriteArrayList<>();
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				if (event.getLoggerName().startsWith("dev.migrations.dialect")) {
					lines.add(event.getFormattedMessage());
					if (event.getFormattedMessage().startsWith("Waiting for the migrations lock")) {
						waiting.countDown();
					}
				}
			}
		};
		Logger logger = (Logger) LoggerFactory.getLogger("dev.migrations.dialect");
		appender.start();
		logger.addAppender(appender);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<CommandResult> first = pool.submit(() -> holder.upgrade("heads"));
			assertThat(blocking.inside.await(2, TimeUnit.MINUTES)).isTrue();
			Future<CommandResult> second = pool.submit(() -> waiter.upgrade("heads"));
			// the holder goes on only once the waiter said it waits
			assertThat(waiting.await(2, TimeUnit.MINUTES)).isTrue();
			blocking.release.countDown();
			assertThat(first.get(2, TimeUnit.MINUTES).steps()).hasSize(2);
			assertThat(second.get(2, TimeUnit.MINUTES).steps()).isEmpty();
			assertThat(lines.get(0)).startsWith("Waiting for the migrations lock").contains("it is held by " + holderText);
			assertThat(lines).last().asString().startsWith("Took the migrations lock");
		}
		finally {
			blocking.release.countDown();
			logger.detachAppender(appender);
			pool.shutdownNow();
		}
	}

	/** Holds the lock by blocking inside a revision until released. */
	static class Blocking implements JavaRevision {

		final CountDownLatch inside = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public String revision() {
			return "block0000001";
		}

		@Override
		public List<String> downRevisions() {
			return List.of(FIRST);
		}

		@Override
		public String message() {
			return "wait";
		}

		@Override
		public void upgrade(Connection connection) throws Exception {
			this.inside.countDown();
			// until the test releases it (also when it fails), not for a time a slow machine could outlast
			this.release.await(10, TimeUnit.MINUTES);
		}

		@Override
		public void downgrade(Connection connection) {
		}

	}


	@Test
	void aLockTimeoutOnPostgresNamesTheStatementTheHolderIsRunning(TestDatabase db) throws Exception {
		// the holder runs a statement until the test lets it go: as a revision under way does, or the statement of a
		// killed process that the server goes on running, holding the lock, until it ends
		holderRunningAStatement(db, new dev.migrations.dialect.PostgresDialect(), "public.migrations_version",
				"select pg_advisory_lock(4343)", "select pg_advisory_unlock(4343)",
				"select pid from pg_stat_activity where query = 'select pg_advisory_lock(4343)' and wait_event_type = 'Lock'"
						+ " and datname = current_database()",
				"state active, running for ");
	}

	@Test
	void aLockTimeoutOnMariaDbNamesTheStatementTheHolderIsRunning(@MariaDb TestDatabase db) throws Exception {
		// named after the database: MariaDB's named locks are server-wide, and another build may run this test too
		String other = "lock_test_" + db.name();
		holderRunningAStatement(db, new dev.migrations.dialect.MariaDbDialect(),
				Sql.column(db.dataSource(), "select database()").get(0) + ".migrations_version",
				"select get_lock('" + other + "', 600)", "select release_lock('" + other + "')",
				"select id from information_schema.processlist where info = 'select get_lock(''" + other + "'', 600)'",
				"Query for ");
	}

	@SuppressWarnings("try")
	private void holderRunningAStatement(TestDatabase db, dev.migrations.dialect.Dialect dialect, String lockName,
			String blocked, String release, String waitingQuery, String holderState) throws Exception {
		RevisionFiles files = files();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection blocker = db.connection(); Connection holder = db.connection();
				dev.migrations.dialect.DatabaseLock lock = dialect.lock(holder, lockName, Duration.ofSeconds(5))) {
			CrashRecoveryTest.query(blocker, blocked);
			Future<?> running = pool.submit(() -> {
				CrashRecoveryTest.query(holder, blocked);
				return null;
			});
			CrashRecoveryTest.awaitValue(db.dataSource(), waitingQuery);
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
				.lockTimeout(Duration.ofMillis(300)).load();
			assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(LockTimeoutException.class)
				.hasMessageContaining(holderState)
				.hasMessageContaining(" s: " + blocked + ")");
			CrashRecoveryTest.query(blocker, release);
			running.get(2, TimeUnit.MINUTES);
			CrashRecoveryTest.query(holder, release);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anUpgradeWithNothingPendingDoesNotWaitForTheLockOnPostgres(TestDatabase db) throws Exception {
		noWaitWithNothingPending(db, new dev.migrations.dialect.PostgresDialect(), "public.migrations_version");
	}

	@Test
	void anUpgradeWithNothingPendingDoesNotWaitForTheLockOnMariaDb(@MariaDb TestDatabase db) throws Exception {
		noWaitWithNothingPending(db, new dev.migrations.dialect.MariaDbDialect(),
				Sql.column(db.dataSource(), "select database()").get(0) + ".migrations_version");
	}

	@SuppressWarnings("try")
	private void noWaitWithNothingPending(TestDatabase db, dev.migrations.dialect.Dialect dialect, String lockName)
			throws Exception {
		RevisionFiles files = files();
		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().upgrade("head");
		try (Connection holder = db.connection();
				dev.migrations.dialect.DatabaseLock lock = dialect.lock(holder, lockName, Duration.ofSeconds(5))) {
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
				.lockTimeout(Duration.ofMillis(300)).load();
			// many instances starting with nothing to do: none queues behind the one holding the lock
			CommandResult result = migrations.upgrade("head");
			assertThat(result.steps()).isEmpty();
			assertThat(result.currentAfter()).containsExactly(FIRST);
			// anything pending still waits for the lock
			files.write("aaaa00000002", FIRST, "second", "CREATE TABLE second_table (id int);", "DROP TABLE second_table;");
			Migrations next = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
				.lockTimeout(Duration.ofMillis(300)).load();
			assertThatThrownBy(() -> next.upgrade("head")).isInstanceOf(LockTimeoutException.class);
		}
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version order by applied_seq"))
			.containsExactly(FIRST);
	}

	@Test
	@SuppressWarnings("try")
	void aModifiedOrFailedRevisionIsReportedUnderTheLockEvenWithNothingPending(TestDatabase db) throws Exception {
		RevisionFiles files = files();
		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().upgrade("head");
		files.write(FIRST, "none", "first", "CREATE TABLE first_table (id bigint PRIMARY KEY);", "DROP TABLE first_table;");
		Migrations modified = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThatThrownBy(() -> modified.upgrade("head")).isInstanceOf(ChecksumMismatchException.class)
			.hasMessageStartingWith("Applied revisions were modified after they were applied; nothing was run:");
		Sql.execute(db.dataSource(), "update migrations_version set state = 'FAILED'");
		Migrations failed = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.validateChecksums(false).load();
		assertThatThrownBy(() -> failed.upgrade("head")).isInstanceOf(FailedRevisionException.class)
			.hasMessageStartingWith("The database has revisions that did not complete; nothing was run:");
	}

}
