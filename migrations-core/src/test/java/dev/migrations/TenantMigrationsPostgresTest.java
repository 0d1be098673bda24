package dev.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.revision.JavaRevision;
import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.tenant.TenantState;
import dev.migrations.tenant.TenantsStatus;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TenantMigrations} on a real PostgreSQL: one schema per tenant. */
@ExtendWith(TestDatabaseExtension.class)
class TenantMigrationsPostgresTest {

	private static final String ACCOUNT = "aaaa00000001";

	private static final String UNIQUE_EMAIL = "bbbb00000002";

	private static final String INVOICE = "cccc00000003";

	@TempDir
	Path directory;

	@Test
	void aTenantWhoseDataBreaksARevisionFailsAloneAndARerunUpgradesOnlyIt(TestDatabase db) throws SQLException {
		writeAccountRevisions();
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", "t_b", "t_c").parallelism(2).build();
		assertThat(tenants.upgrade(ACCOUNT).succeeded()).isTrue();
		execute(db, "INSERT INTO t_b.account (id, email) VALUES (1, 'ada@example.com'), (2, 'ada@example.com')");

		TenantRun run = tenants.upgrade("head");

		assertThat(run.succeeded()).isFalse();
		assertThat(run.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.tenant()).isEqualTo("t_b");
			assertThat(failed.failedRevision()).isEqualTo(UNIQUE_EMAIL);
			assertThat(failed.error()).contains("bbbb00000002_unique_email.sql:7")
				.contains("could not create unique index \"account_email_key\"");
		});
		assertThat(run.summary().lines().toList()).first().asString().endsWith("2 changed (4 revision(s)), 0 already there, 1 failed.");
		assertThat(run.summary()).contains("\n  t_b: revision bbbb00000002 failed: ")
			.contains("only the tenants not yet at the target change (select them with --tenant t_b)");
		assertThat(tenants.current("t_a")).containsExactly(INVOICE);
		assertThat(tenants.current("t_c")).containsExactly(INVOICE);
		assertThat(tenants.current("t_b")).containsExactly(ACCOUNT);
		assertThat(tables(db, "t_b")).containsExactlyInAnyOrder("account", "migrations_version", "migrations_version_log");
		assertThat(tenants.state("t_b")).satisfies((state) -> {
			assertThat(state.state()).isEqualTo(TenantState.State.FAILED);
			assertThat(state.failedRevision()).isEqualTo(UNIQUE_EMAIL);
			assertThat(state.pending()).isEqualTo(2);
			assertThat(state.error()).contains("could not create unique index");
		});

		execute(db, "DELETE FROM t_b.account WHERE id = 2");
		TenantRun rerun = tenants.upgrade("head");

		assertThat(rerun.succeeded()).isTrue();
		assertThat(rerun.outcomes()).filteredOn(TenantOutcome::changed).extracting(TenantOutcome::tenant).containsExactly("t_b");
		assertThat(rerun.outcomes()).filteredOn(TenantOutcome::changed).singleElement()
			.satisfies((o) -> assertThat(o.result().steps()).extracting((s) -> s.revision()).containsExactly(UNIQUE_EMAIL, INVOICE));
		assertThat(tables(db, "t_b")).contains("invoice");
		assertThat(tenants.state("t_b").state()).isEqualTo(TenantState.State.UP_TO_DATE);
		assertThat(count(db, "SELECT count(*) FROM t_a.migrations_version")).isEqualTo(3);
	}

	@Test
	void aTenantBuiltBeforeMigrationsIsRefusedAloneAndWithABaselineAdoptedRunningOnlyWhatFollows(TestDatabase db)
			throws SQLException {
		writeAccountRevisions();
		// a tenant whose schema was built before migrations managed it (by hand, by Hibernate, by another tool)
		execute(db, "CREATE SCHEMA t_old; CREATE TABLE t_old.account (id int PRIMARY KEY, email text);"
				+ " INSERT INTO t_old.account VALUES (1, 'ada@example.com')");
		TenantRun refused = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.failOnNonEmptySchema(true).load().tenants().schemas("t_new", "t_old").build().upgrade("head");

		assertThat(refused.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.tenant()).isEqualTo("t_old");
			assertThat(failed.error()).contains("baseline");
		});
		// the summary's advice acts on that tenant when typed as written, not on the default schema
		assertThat(refused.summary()).contains("  t_old: ").contains("run `db stamp <revision> --tenant t_old` once")
			.doesNotContain("`db stamp <revision>` once");
		assertThat(tables(db, "t_new")).contains("account", "invoice");
		assertThat(tables(db, "t_old")).contains("account").doesNotContain("invoice");
		assertThat(count(db, "SELECT count(*) FROM t_old.migrations_version")).isZero();

		TenantMigrations adopting = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.baseline(ACCOUNT).load().tenants().schemas("t_new", "t_old").build();
		TenantRun run = adopting.upgrade("head");

		assertThat(run.succeeded()).isTrue();
		assertThat(run.outcomes()).filteredOn(TenantOutcome::changed).singleElement().satisfies((o) -> {
			assertThat(o.tenant()).isEqualTo("t_old");
			assertThat(o.result().steps()).extracting((s) -> s.revision()).contains(UNIQUE_EMAIL, INVOICE)
				.doesNotContain(ACCOUNT);
		});
		assertThat(adopting.current("t_old")).containsExactly(INVOICE);
		assertThat(count(db, "SELECT count(*) FROM t_old.account")).isEqualTo(1);
		assertThat(tables(db, "t_old")).contains("invoice");
	}

	@Test
	void aTenantRecordedAsFailedSaysWhyAfterARestart(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "account", "CREATE TABLE account (id int PRIMARY KEY, email text);", "DROP TABLE account;");
		java.nio.file.Files.writeString(this.directory.resolve(UNIQUE_EMAIL + "_unique_email.sql"), "-- revision: "
				+ UNIQUE_EMAIL + "\n-- down_revision: " + ACCOUNT + "\n-- message: unique email\n-- transactional: false\n\n"
				+ "-- upgrade\nCREATE UNIQUE INDEX CONCURRENTLY account_email_key ON account (email);\n\n"
				+ "-- downgrade\nDROP INDEX CONCURRENTLY account_email_key;\n");
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", "t_b").build();
		assertThat(tenants.upgrade(ACCOUNT).succeeded()).isTrue();
		execute(db, "INSERT INTO t_b.account (id, email) VALUES (1, 'ada@example.com'), (2, 'ada@example.com')");
		assertThat(tenants.upgrade("head").failed()).extracting(TenantOutcome::tenant).containsExactly("t_b");

		// another process (or this application restarted) reads the tenants: the row says why
		TenantMigrations restarted = migrations(db.dataSource()).tenants().schemas("t_a", "t_b").build();

		assertThat(restarted.state("t_b")).satisfies((state) -> {
			assertThat(state.state()).isEqualTo(TenantState.State.FAILED);
			assertThat(state.failedRevision()).isEqualTo(UNIQUE_EMAIL);
			assertThat(state.error()).contains(UNIQUE_EMAIL + "_unique_email.sql:7: ERROR: could not create unique index");
		});
		assertThat(restarted.status(TenantSelector.all(), 10).notUpToDate()).singleElement()
			.satisfies((state) -> assertThat(state.error()).contains("could not create unique index"));
	}

	@Test
	void theStatusCountsTenantsByStateAndListsOnlyThoseNotUpToDateUpToTheLimit(TestDatabase db) throws SQLException {
		writeAccountRevisions();
		TenantMigrations tenants = migrations(db.dataSource()).tenants()
			.schemas("s1", "s2", "s3", "s4", "s5").parallelism(2).build();
		tenants.upgrade("head", TenantSelector.of("s1", "s2", "s3"));
		tenants.upgrade(ACCOUNT, TenantSelector.of("s4"));

		TenantsStatus status = tenants.status(TenantSelector.all(), 1);

		assertThat(status.tenants()).isEqualTo(5);
		assertThat(status.counts()).containsEntry(TenantState.State.UP_TO_DATE, 3).containsEntry(TenantState.State.BEHIND, 2)
			.containsEntry(TenantState.State.FAILED, 0);
		assertThat(status.notUpToDate()).singleElement().satisfies((s) -> assertThat(s.state()).isEqualTo(TenantState.State.BEHIND));
		assertThat(status.notListed()).isEqualTo(1);
		assertThat(tenants.status("s4").pending()).containsExactly(UNIQUE_EMAIL, INVOICE);
	}

	@Test
	void schemaAndTenantPlaceholdersAreReplacedPerTenantWhileChecksumsStayTheSame(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "note", """
				CREATE TABLE "${schema}".note (id int PRIMARY KEY);
				COMMENT ON TABLE note IS 'notes of ${tenant}, price ${price}';""", "DROP TABLE note;");
		execute(db, "CREATE TABLE public.tenant (name text)");
		execute(db, "INSERT INTO public.tenant VALUES ('Acme-1'), ('globex')");
		Migrations migrations = migrations(db.dataSource());
		TenantMigrations tenants = migrations.tenants().schemaQuery("SELECT name FROM public.tenant ORDER BY name").build();

		assertThat(tenants.upgrade("head").succeeded()).isTrue();

		assertThat(text(db, "SELECT obj_description('\"Acme-1\".note'::regclass, 'pg_class')"))
			.isEqualTo("notes of Acme-1, price ${price}");
		assertThat(text(db, "SELECT obj_description('globex.note'::regclass, 'pg_class')")).isEqualTo("notes of globex, price ${price}");
		String checksum = migrations.graph().get(ACCOUNT).checksum();
		assertThat(text(db, "SELECT checksum FROM \"Acme-1\".migrations_version")).isEqualTo(checksum);
		assertThat(text(db, "SELECT checksum FROM globex.migrations_version")).isEqualTo(checksum);
		assertThat(tenants.status(TenantSelector.all(), 10).upToDate()).isTrue();
	}

	@Test
	void aTenantNameThatCouldEndAQuotedStringIsRefusedForThatTenantOnly(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "note", """
				CREATE TABLE note (id int PRIMARY KEY, owner text);
				INSERT INTO note VALUES (1, '${tenant}');""", "DROP TABLE note;");
		String hostile = "a'); DROP TABLE public.victim; --";
		execute(db, "CREATE TABLE public.victim (id int)");
		execute(db, "CREATE TABLE public.tenant (name text)");
		execute(db, "INSERT INTO public.tenant VALUES ('globex'), ('" + hostile.replace("'", "''") + "')");
		execute(db, "CREATE SCHEMA \"" + hostile + "\"");
		TenantMigrations tenants = migrations(db.dataSource()).tenants()
			.schemaQuery("SELECT name FROM public.tenant ORDER BY name")
			.build();

		TenantRun run = tenants.upgrade("head");

		assertThat(run.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.tenant()).isEqualTo(hostile);
			assertThat(failed.error()).startsWith("Tenant " + hostile + ": ${tenant} would be '" + hostile
					+ "', which the revisions' SQL cannot take as written");
		});
		assertThat(text(db, "SELECT owner FROM globex.note")).isEqualTo("globex");
		assertThat(text(db, "SELECT count(*) FROM public.victim")).isEqualTo("0");
		assertThat(text(db, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + hostile.replace("'", "''") + "'"))
			.isEqualTo("0");
	}

	@Test
	void aSchemaNameLongerThanPostgresKeepsFailsThatTenantInsteadOfSharingASchemaCutShort(TestDatabase db) throws SQLException {
		writeAccountRevisions();
		String stem = "t_" + "x".repeat(61);
		String first = stem + "a";
		String second = stem + "b";
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", first, second).parallelism(2).build();

		TenantRun run = tenants.upgrade("head");

		assertThat(run.failed()).extracting(TenantOutcome::tenant).containsExactly(first, second);
		assertThat(run.failed()).allSatisfy((failed) -> assertThat(failed.error()).startsWith("Tenant " + failed.tenant()
				+ ": its schema name has 64 bytes, and postgresql keeps at most 63 (longer names are cut or refused;"
				+ " cut, tenants whose names begin alike would share one schema). Nothing was run for this tenant."));
		assertThat(count(db, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_xxx%'")).isZero();
		assertThat(tenants.current("t_a")).containsExactly(INVOICE);
		assertThat(tenants.status(TenantSelector.all(), 10).notUpToDate()).extracting(TenantState::state)
			.containsExactly(TenantState.State.UNREACHABLE, TenantState.State.UNREACHABLE);
	}

	@Test
	void aTenantWhoseVersionTableLostAColumnIsNamedInTheSummaryWithWhatToDo(TestDatabase db) throws SQLException {
		writeAccountRevisions();
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", "t_b").build();
		assertThat(tenants.upgrade(ACCOUNT).succeeded()).isTrue();
		execute(db, "ALTER TABLE t_b.migrations_version DROP COLUMN checksum");

		TenantRun run = tenants.upgrade("head");

		assertThat(run.failed()).singleElement().satisfies((failed) -> assertThat(failed.error())
			.startsWith("Database error: ERROR: column \"checksum\" does not exist. t_b.migrations_version or"
					+ " migrations_version_log lacks a column this tool reads and writes"));
		assertThat(run.summary()).contains("\n  t_b: Database error: ERROR: column \"checksum\" does not exist. t_b.migrations_version");
		assertThat(tenants.current("t_a")).containsExactly(INVOICE);
	}

	@Test
	void aTargetNamingNoRevisionIsRefusedOnceBeforeAnyTenantIsTouched(TestDatabase db) throws SQLException {
		writeAccountRevisions();
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", "t_b", "t_new").parallelism(2).build();
		assertThat(tenants.upgrade(UNIQUE_EMAIL, TenantSelector.of("t_a", "t_b")).succeeded()).isTrue();

		assertThatThrownBy(() -> tenants.downgrade("zzzz", TenantSelector.all()))
			.hasMessageStartingWith("no revision 'zzzz' among the 3 known revisions");
		assertThatThrownBy(() -> tenants.stamp("zzzz", TenantSelector.all()))
			.hasMessageStartingWith("no revision 'zzzz' among the 3 known revisions");

		assertThat(tenants.lastRun().command()).isEqualTo("upgrade");
		assertThat(count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 't_new'")).isZero();
		assertThat(tenants.current("t_a")).containsExactly(UNIQUE_EMAIL);
		// a step counted from where each tenant is still runs per tenant
		assertThat(tenants.downgrade("-1", TenantSelector.of("t_a", "t_b")).succeeded()).isTrue();
		assertThat(tenants.current("t_b")).containsExactly(ACCOUNT);
	}

	@Test
	void atMostParallelismTenantsRunAtOnceEachOnOneConnection(TestDatabase db) {
		int parallelism = 3;
		CountDownLatch together = new CountDownLatch(parallelism);
		Set<String> threads = ConcurrentHashMap.newKeySet();
		CountingDataSource counting = new CountingDataSource(db.dataSource());
		Migrations migrations = Migrations.configure().dataSource(counting).locations("filesystem:" + this.directory)
			.javaRevisions(List.of(new Gathering(together, threads))).load();
		List<String> schemas = new ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			schemas.add("p" + i);
		}
		TenantMigrations tenants = migrations.tenants().schemas(schemas).parallelism(parallelism).build();

		TenantRun run = tenants.upgrade("head");

		assertThat(run.succeeded()).as(run.summary()).isTrue();
		// every revision waited until three ran at once: the pool really runs three, and never more
		assertThat(together.getCount()).isZero();
		assertThat(threads).hasSize(parallelism);
		assertThat(counting.peak()).isEqualTo(parallelism);
		assertThat(counting.open()).isZero();
	}

	@Test
	void anUnknownTenantInTheSelectorIsAnErrorNamingIt(TestDatabase db) {
		writeAccountRevisions();
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a").build();
		assertThatThrownBy(() -> tenants.upgrade("head", TenantSelector.parse("t_a,t_z")))
			.hasMessageStartingWith("No tenant named t_z among the 1 tenant(s) (t_a).");
	}

	@Test
	void aQueryThatFailsNamesItself(TestDatabase db) {
		writeAccountRevisions();
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemaQuery("SELECT name FROM nowhere").build();
		assertThatThrownBy(() -> tenants.upgrade("head"))
			.hasMessageStartingWith("Could not list the tenants with the query `SELECT name FROM nowhere`: ERROR: relation \"nowhere\" does not exist");
	}

	/** Waits in its upgrade until as many tenants as the pool has threads are upgrading. */
	private record Gathering(CountDownLatch together, Set<String> threads) implements JavaRevision {

		@Override
		public String revision() {
			return "dddd00000001";
		}

		@Override
		public List<String> downRevisions() {
			return List.of();
		}

		@Override
		public String message() {
			return "gather";
		}

		@Override
		public void upgrade(Connection connection) throws Exception {
			this.threads.add(Thread.currentThread().getName());
			this.together.countDown();
			if (!this.together.await(2, TimeUnit.MINUTES)) {
				throw new IllegalStateException("never " + this.together.getCount() + " more tenants at once");
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE gathered (id int)");
			}
		}

		@Override
		public void downgrade(Connection connection) {
		}

	}

	@Test
	void anInterruptedRunWaitsForTheTenantsUnderWayAndStartsNoOther(TestDatabase db) throws Exception {
		// two revisions, the first waiting for a lock this test holds: the interrupt arrives while two tenants run it
		java.nio.file.Files.writeString(this.directory.resolve("aaaa00000001_wait.sql"), "-- revision: aaaa00000001\n"
				+ "-- down_revision: none\n-- message: wait\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "SELECT pg_advisory_xact_lock(4246);\n\n-- downgrade\nDROP TABLE one;\n");
		java.nio.file.Files.writeString(this.directory.resolve("bbbb00000002_next.sql"), "-- revision: bbbb00000002\n"
				+ "-- down_revision: aaaa00000001\n-- message: next\n\n-- upgrade\nCREATE TABLE two (id int);\n\n"
				+ "-- downgrade\nDROP TABLE two;\n");
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", "t_b", "t_c").parallelism(2).build();
		java.util.concurrent.atomic.AtomicReference<Object> answer = new java.util.concurrent.atomic.AtomicReference<>();
		Thread caller;
		try (Connection holder = db.connection(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4246)");
			caller = new Thread(() -> {
				try {
					answer.set(tenants.upgrade("head"));
				}
				catch (RuntimeException ex) {
					answer.set(ex);
				}
			});
			caller.start();
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
			try {
				while (!waitingForTheTestsLock(db).equals("2")) {
					assertThat(System.nanoTime()).as("two tenants waiting for the test's lock").isLessThan(deadline);
					Thread.sleep(20);
				}
				caller.interrupt();
				// the lock is released once the run took the interrupt: waiting (timed) for the tenants under way
				while (caller.getState() != Thread.State.TIMED_WAITING && caller.getState() != Thread.State.TERMINATED) {
					assertThat(System.nanoTime()).as("the run taking the interrupt").isLessThan(deadline);
					Thread.sleep(20);
				}
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(4246)");
			}
		}
		// bounded: a run that never returns fails the test rather than hanging the build
		caller.join(java.util.concurrent.TimeUnit.MINUTES.toMillis(5));
		assertThat(caller.isAlive()).as("the interrupted run returned").isFalse();

		// the tenants under way stopped at the revision's boundary, recorded; the third was not started
		assertThat(answer.get()).isInstanceOf(TenantRun.class);
		TenantRun run = (TenantRun) answer.get();
		assertThat(run.outcomes()).extracting(TenantOutcome::tenant).containsExactly("t_a", "t_b", "t_c");
		assertThat(run.outcomes().get(0).error()).startsWith("Stopped before revision bbbb00000002");
		assertThat(run.outcomes().get(1).error()).startsWith("Stopped before revision bbbb00000002");
		assertThat(run.outcomes().get(2).error()).startsWith("not started: the run was stopped");
		assertThat(tenants.current("t_a")).containsExactly("aaaa00000001");
		assertThat(tenants.current("t_b")).containsExactly("aaaa00000001");
		assertThat(tables(db, "t_c")).isEmpty();
	}

	@Test
	void anInterruptedRunOneTenantAtATimeStartsNoOtherTenant(TestDatabase db) throws Exception {
		// the tenants run one after the other on the caller's thread: the interrupt arrives while the first runs
		java.nio.file.Files.writeString(this.directory.resolve("aaaa00000001_wait.sql"), "-- revision: aaaa00000001\n"
				+ "-- down_revision: none\n-- message: wait\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "SELECT pg_advisory_xact_lock(4247);\n\n-- downgrade\nDROP TABLE one;\n");
		java.nio.file.Files.writeString(this.directory.resolve("bbbb00000002_next.sql"), "-- revision: bbbb00000002\n"
				+ "-- down_revision: aaaa00000001\n-- message: next\n\n-- upgrade\nCREATE TABLE two (id int);\n\n"
				+ "-- downgrade\nDROP TABLE two;\n");
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", "t_b", "t_c").parallelism(1).build();
		java.util.concurrent.atomic.AtomicReference<Object> answer = new java.util.concurrent.atomic.AtomicReference<>();
		Thread caller;
		try (Connection holder = db.connection(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4247)");
			caller = new Thread(() -> {
				try {
					answer.set(tenants.upgrade("head"));
				}
				catch (RuntimeException ex) {
					answer.set(ex);
				}
			});
			caller.start();
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
			try {
				while (!waitingForTheTestsLock(db).equals("1")) {
					assertThat(System.nanoTime()).as("the first tenant waiting for the test's lock").isLessThan(deadline);
					Thread.sleep(20);
				}
				caller.interrupt();
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(4247)");
			}
		}
		// bounded: a run that never returns fails the test rather than hanging the build
		caller.join(java.util.concurrent.TimeUnit.MINUTES.toMillis(5));
		assertThat(caller.isAlive()).as("the interrupted run returned").isFalse();

		assertThat(answer.get()).isInstanceOf(TenantRun.class);
		TenantRun run = (TenantRun) answer.get();
		assertThat(run.outcomes()).extracting(TenantOutcome::tenant).containsExactly("t_a", "t_b", "t_c");
		assertThat(run.outcomes().get(0).error()).startsWith("Stopped before revision bbbb00000002");
		assertThat(run.outcomes().get(1).error()).startsWith("not started: the run was stopped");
		assertThat(run.outcomes().get(2).error()).startsWith("not started: the run was stopped");
		assertThat(tenants.current("t_a")).containsExactly("aaaa00000001");
		assertThat(tables(db, "t_b")).isEmpty();
		assertThat(tables(db, "t_c")).isEmpty();
	}

	@Test
	void aRunWhoseThreadIsInterruptedBeforeItStartsStartsNoTenant(TestDatabase db) throws Exception {
		writeAccountRevisions();
		for (int parallelism : new int[] { 1, 2 }) {
			TenantMigrations tenants = migrations(db.dataSource()).tenants()
				.schemas("t_" + parallelism + "_a", "t_" + parallelism + "_b", "t_" + parallelism + "_c")
				.parallelism(parallelism)
				.build();
			Thread.currentThread().interrupt();
			TenantRun run;
			try {
				run = tenants.upgrade("head");
			}
			finally {
				assertThat(Thread.interrupted()).as("the caller's interrupt kept").isTrue();
			}
			assertThat(run.outcomes()).extracting(TenantOutcome::error)
				.allSatisfy((error) -> assertThat(error).startsWith("not started: the run was stopped"));
			for (String tenant : List.of("a", "b", "c")) {
				assertThat(tables(db, "t_" + parallelism + "_" + tenant)).isEmpty();
			}
		}
	}

	private static String waitingForTheTestsLock(TestDatabase db) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type"
						+ " = 'Lock' AND wait_event = 'advisory' AND datname = current_database()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private void writeAccountRevisions() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "account", "CREATE TABLE account (id int PRIMARY KEY, email text);", "DROP TABLE account;");
		files.write(UNIQUE_EMAIL, ACCOUNT, "unique email", "ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE (email);",
				"ALTER TABLE account DROP CONSTRAINT account_email_key;");
		files.write(INVOICE, UNIQUE_EMAIL, "invoice", "CREATE TABLE invoice (id int PRIMARY KEY);", "DROP TABLE invoice;");
	}

	@Test
	void aRevisionsSessionSettingsReachNeitherItsTenantsNextRevisionsNorTheNextTenantOnTheSameSession(TestDatabase db)
			throws SQLException {
		String role = "mig_tenant_role_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		execute(db, "CREATE ROLE " + role);
		try (Connection connection = db.connection()) {
			RevisionFiles files = new RevisionFiles(this.directory);
			files.write(ACCOUNT, "none", "account", "CREATE TABLE account (id int);\nGRANT CREATE ON SCHEMA public TO " + role
					+ ";\nSET ROLE " + role + ";\nSET search_path TO public;\nCREATE TABLE IF NOT EXISTS shared_note (id int);",
					"DROP TABLE account;");
			files.write(INVOICE, ACCOUNT, "invoice", "CREATE TABLE invoice (id int);", "DROP TABLE invoice;");
			// one session for every tenant, one after the other, as a pool of one hands it out
			TenantMigrations tenants = migrations(TestDataSources.singleConnection(connection)).tenants()
				.schemas("t_a", "t_b").parallelism(1).build();

			assertThat(tenants.upgrade("head").succeeded()).isTrue();

			for (String tenant : List.of("t_a", "t_b")) {
				assertThat(tables(db, tenant)).containsExactlyInAnyOrder("account", "invoice", "migrations_version",
						"migrations_version_log");
				assertThat(tenants.current(tenant)).containsExactly(INVOICE);
			}
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT string_agg(tableowner, ',') FROM pg_tables"
							+ " WHERE schemaname IN ('t_a', 't_b') AND tableowner = '" + role + "'")) {
				rs.next();
				assertThat(rs.getString(1)).isNull();
			}
		}
		finally {
			execute(db, "DROP OWNED BY " + role);
			execute(db, "DROP ROLE " + role);
		}
	}

	private Migrations migrations(javax.sql.DataSource dataSource) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + this.directory).load();
	}

	private static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String text(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static int count(TestDatabase db, String sql) throws SQLException {
		return Integer.parseInt(text(db, sql));
	}

	private static List<String> tables(TestDatabase db, String schema) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = db.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

}
