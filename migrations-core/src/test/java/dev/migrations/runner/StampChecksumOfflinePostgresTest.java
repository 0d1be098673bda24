package dev.migrations.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.Psql;
import dev.migrations.RevisionFiles;
import dev.migrations.RevisionInfo;
import dev.migrations.Sql;
import dev.migrations.dialect.LockTimeoutException;
import dev.migrations.dialect.PostgresDialect;
import dev.migrations.fixtures.java.BackfillGreeting;
import dev.migrations.revision.Revision;
import dev.migrations.revision.TargetException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static dev.migrations.runner.UpgradeDowngradePostgresTest.A;
import static dev.migrations.runner.UpgradeDowngradePostgresTest.B;
import static dev.migrations.runner.UpgradeDowngradePostgresTest.C;
import static dev.migrations.runner.UpgradeDowngradePostgresTest.E;
import static dev.migrations.runner.UpgradeDowngradePostgresTest.M;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stamp, checksum validation, offline scripts, the lock timeout and Java revisions. */
@ExtendWith(TestDatabaseExtension.class)
class StampChecksumOfflinePostgresTest {

	@TempDir
	Path directory;

	RevisionFiles files;

	@BeforeEach
	void writeGraph() {
		this.files = new RevisionFiles(this.directory);
		UpgradeDowngradePostgresTest.writeBranchAndMerge(this.files);
	}

	Migrations migrations(TestDatabase db) {
		return Migrations.configure().dataSource(db.dataSource()).locations(this.files.location()).load();
	}

	@Test
	void stampRecordsRevisionsWithoutRunningThem(TestDatabase db) {
		Migrations migrations = migrations(db);
		CommandResult stamped = migrations.stamp("head");
		assertThat(stamped.steps()).extracting(StepResult::revision).containsExactly(A, B, C, M, E);
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
		assertThat(migrations.current()).containsExactly(E);
		assertThat(migrations.status().upToDate()).isTrue();

		// B's descendants (M, E) are un-recorded; C, of the other branch, stays recorded (as Alembic)
		CommandResult toB = migrations.stamp(B);
		assertThat(toB.steps()).extracting(StepResult::revision).containsExactlyInAnyOrder(M, E);
		assertThat(migrations.current()).containsExactlyInAnyOrder(B, C);
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version order by revision"))
			.containsExactly(A, B, C);

		migrations.stamp("base");
		assertThat(migrations.current()).isEmpty();
		assertThat(Sql.column(db.dataSource(), "select operation from migrations_version_log order by id"))
			.containsExactly("STAMP", "STAMP", "STAMP", "STAMP", "STAMP", "UNSTAMP", "UNSTAMP", "UNSTAMP", "UNSTAMP", "UNSTAMP");
	}

	@Test
	void stampingOneBranchKeepsTheAppliedRevisionsOfAnother(TestDatabase db) {
		Migrations migrations = migrations(db);
		migrations.upgrade(B);
		CommandResult stamped = migrations.stamp(C);
		assertThat(stamped.steps()).extracting(StepResult::direction).containsOnly(Direction.UPGRADE);
		assertThat(stamped.currentAfter()).containsExactlyInAnyOrder(B, C);
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version order by revision"))
			.containsExactly(A, B, C);
		// B, whose table exists, is not pending again
		assertThat(migrations.status().pending()).containsExactly(M, E);
	}

	@Test
	void anEmptyStampTargetIsRefusedAndKeepsEveryRow(TestDatabase db) {
		Migrations migrations = migrations(db);
		migrations.stamp("head");
		for (String empty : List.of("", " ", ",", B + ",")) {
			assertThatThrownBy(() -> migrations.stamp(empty)).isInstanceOf(TargetException.class)
				.hasMessageStartingWith("'" + empty + "' is not a target");
		}
		assertThat(migrations.current()).containsExactly(E);
	}

	@Test
	void modifiedAppliedRevisionStopsTheUpgradeNamingTheFile(TestDatabase db) throws Exception {
		Migrations migrations = migrations(db);
		migrations.upgrade(B);
		Path bFile = this.directory.resolve(B + "_create_bulletin.sql");
		String original = Files.readString(bFile);

		// editing the message or the downgrade is not a modification
		Files.writeString(bFile, original.replace("-- message: create bulletin", "-- message: create the bulletin table")
			.replace("DROP TABLE bulletin;", "DROP TABLE IF EXISTS bulletin;"));
		assertThat(migrations(db).status().modified()).isEmpty();

		Files.writeString(bFile, original.replace("meta jsonb", "meta jsonb, extra text"));
		Migrations changed = migrations(db);
		assertThat(changed.status().modified()).containsExactly(B);
		assertThat(changed.history()).filteredOn((r) -> r.revision().equals(B)).extracting(RevisionInfo::state)
			.containsExactly(RevisionInfo.State.MODIFIED);
		assertThatThrownBy(() -> changed.upgrade("head")).isInstanceOf(ChecksumMismatchException.class)
			.hasMessageContaining(bFile.toString())
			.hasMessageContaining("revision " + B)
			.hasMessageContaining("validate-checksums");
		assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("contact");

		// the override lets it through
		Migrations lenient = Migrations.configure().dataSource(db.dataSource()).locations(this.files.location())
			.validateChecksums(false).load();
		assertThat(lenient.upgrade("head").steps()).hasSize(3);

		// stamping the revision records the new checksum
		changed.stamp("head");
		assertThat(migrations(db).status().modified()).isEmpty();
	}

	@Test
	void theAdviceForAModifiedRevisionStampsWhereTheDatabaseIsAndKeepsTheRevisionsAfterIt(TestDatabase db) throws Exception {
		Migrations migrations = migrations(db);
		migrations.upgrade(M);
		List<String> rows = Sql.column(db.dataSource(), "select revision from migrations_version order by revision");
		Path bFile = this.directory.resolve(B + "_create_bulletin.sql");
		Files.writeString(bFile, Files.readString(bFile).replace("meta jsonb", "meta jsonb, extra text"));
		Migrations changed = migrations(db);
		assertThatThrownBy(() -> changed.upgrade("head")).isInstanceOf(ChecksumMismatchException.class)
			.hasMessageContaining("record that with `db stamp " + M + "`")
			.satisfies((ex) -> assertThat(((ChecksumMismatchException) ex).stampTarget()).isEqualTo(M));

		// followed as written: every revision stays recorded, the edited checksum is taken, nothing is pending again
		changed.stamp(M);
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version order by revision")).isEqualTo(rows);
		assertThat(changed.status().modified()).isEmpty();
		assertThat(changed.current()).containsExactly(M);
	}

	@Test
	void offlineScriptThroughPsqlGivesTheSameSchemaAsOnlineUpgrade(TestDatabase online, TestDatabase offline) throws Exception {
		Path psql = TestDatabases.psqlExecutable().orElse(null);
		Assumptions.assumeTrue(psql != null, "psql is not installed: the offline script cannot be run through it");
		migrations(online).upgrade("head");

		String script = Migrations.configure().dialect(new PostgresDialect()).locations(this.files.location()).load()
			.upgradeSql("base:head");
		assertThat(script).contains("CREATE TABLE IF NOT EXISTS migrations_version")
			.contains("BEGIN;")
			.contains("INSERT INTO bulletin VALUES (1, 1, '{\"key\":true, \"at\":\"12:30\"}');")
			.contains("INSERT INTO migrations_version_log");
		Path file = Files.createTempFile("upgrade", ".sql");
		Files.writeString(file, script);
		Process process = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(),
				offline.psqlConnectionUri()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();

		assertThat(Sql.postgresSchemaDump(offline.dataSource(), "public"))
			.isEqualTo(Sql.postgresSchemaDump(online.dataSource(), "public"));
		String versions = "select revision || ' ' || state || ' ' || coalesce(checksum, '') from migrations_version order by applied_seq";
		assertThat(Sql.column(offline.dataSource(), versions)).isEqualTo(Sql.column(online.dataSource(), versions));
		assertThat(migrations(offline).current()).containsExactly(E);

		// the downgrade script from the database's own state goes back to base
		String down = migrations(offline).downgradeSql("base");
		Files.writeString(file, down);
		Process downProcess = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(),
				offline.psqlConnectionUri()).redirectErrorStream(true).start();
		String downOutput = new String(downProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(downProcess.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(downProcess.exitValue()).as(downOutput).isZero();
		assertThat(Sql.postgresTables(offline.dataSource())).containsExactly("migrations_version", "migrations_version_log");
	}

	@Test
	void anOfflineRangeStartsFromEveryHeadTheDatabaseIsAt(TestDatabase db) throws Exception {
		Psql.executable();
		Migrations migrations = migrations(db);
		migrations.upgrade(B);
		migrations.upgrade(C);
		assertThat(migrations.current()).containsExactly(B, C);
		Migrations files = Migrations.configure().dialect(new PostgresDialect()).locations(this.files.location()).load();

		// the range starts where `db current` says the database is: both branches, before the merge
		String up = files.upgradeSql(B + "," + C + ":head");
		assertThat(up.lines().findFirst()).hasValue("-- Upgrade script for postgresql, from " + B + "," + C + " to " + E
				+ " (head): 2 revision(s).");
		Psql.run(up, db);
		assertThat(migrations(db).current()).containsExactly(E);

		// and from a keyword: the head, back to one branch point
		String down = files.downgradeSql("head:" + A);
		assertThat(down.lines().findFirst()).hasValue("-- Downgrade script for postgresql, from " + E + " to " + A
				+ ": 4 revision(s).");
		Psql.run(down, db);
		assertThat(migrations(db).current()).containsExactly(A);
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("account", "migrations_version",
				"migrations_version_log");
	}

	@Test
	void anOfflineRangeFromATargetThatCountsFromTheDatabaseSaysWhatToGive() {
		Migrations files = Migrations.configure().dialect(new PostgresDialect()).locations(this.files.location()).load();
		assertThatThrownBy(() -> files.downgradeSql("-1:base")).isInstanceOf(TargetException.class)
			.hasMessageStartingWith("'-1:base' starts from -1, which counts from the database's current revisions; a script"
					+ " of a range starts from revisions named without the database");
	}

	@Test
	void anOfflineRangeGivenTheWrongWayRoundNamesTheCommandThatWritesIt() {
		Migrations files = Migrations.configure().dialect(new PostgresDialect()).locations(this.files.location()).load();
		// before, the upgrade printed a script of no revision and the downgrade said B was "not applied"
		assertThatThrownBy(() -> files.upgradeSql(E + ":" + B)).isInstanceOf(TargetException.class)
			.hasMessage("'" + E + ":" + B + "' goes back: " + B + " comes before " + E + "; the script of that downgrade is"
					+ " `db downgrade " + E + ":" + B + " --sql`");
		assertThatThrownBy(() -> files.downgradeSql(B + ":" + E)).isInstanceOf(TargetException.class)
			.hasMessage("'" + B + ":" + E + "' goes forward: " + E + " comes after " + B + "; the script of that upgrade is"
					+ " `db upgrade " + B + ":" + E + " --sql`");
		// a range already at its end is a script of nothing, as `db upgrade` at the head does nothing
		assertThat(files.upgradeSql(E + ":head")).contains("0 revision(s)");
	}

	@Test
	void anOfflineScriptPutsBackTheSessionSettingsARevisionChanges(TestDatabase online, TestDatabase offline)
			throws Exception {
		Path psql = TestDatabases.psqlExecutable().orElse(null);
		Assumptions.assumeTrue(psql != null, "psql is not installed: the offline script cannot be run through it");
		RevisionFiles own = new RevisionFiles(Files.createDirectories(this.directory.resolve("settings")));
		own.write("aaaa00000001", "none", "elsewhere", "CREATE SCHEMA s2;\nSET search_path = s2;\nCREATE TABLE t_in_s2 (i int);",
				"DROP SCHEMA s2 CASCADE;");
		own.write("bbbb00000002", "aaaa00000001", "hurried", "SET statement_timeout = '20ms';\nCREATE TABLE t_hurried (i int);",
				"DROP TABLE t_hurried;");
		own.write("cccc00000003", "bbbb00000002", "slow", "-- transactional: false\n",
				"CREATE TABLE t_next (i int);\nSELECT pg_sleep(0.2);", "DROP TABLE t_next;");
		Migrations.configure().dataSource(online.dataSource()).locations(own.location()).load().upgrade("head");

		String script = Migrations.configure().dialect(new PostgresDialect()).locations(own.location()).load()
			.upgradeSql("base:head");
		assertThat(script).contains("RESET ALL;");
		Path file = Files.createTempFile("upgrade", ".sql");
		Files.writeString(file, script);
		Process process = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(),
				offline.psqlConnectionUri()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		// before, the row's insert looked for the version table in s2, and the 20 ms timeout cancelled pg_sleep
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(Sql.postgresSchemaDump(offline.dataSource(), "public"))
			.isEqualTo(Sql.postgresSchemaDump(online.dataSource(), "public"));
		assertThat(Sql.column(offline.dataSource(), "select revision from migrations_version order by applied_seq"))
			.containsExactly("aaaa00000001", "bbbb00000002", "cccc00000003");
		assertThat(Sql.column(offline.dataSource(), "select count(*)::text from s2.t_in_s2")).containsExactly("0");
	}

	@Test
	void offlineScriptFromTheDatabaseStateContainsOnlyPendingRevisions(TestDatabase db) {
		Migrations migrations = migrations(db);
		migrations.upgrade(M);
		String script = migrations.upgradeSql("head");
		assertThat(script).contains("CREATE INDEX ix_deal_contact ON deal (contact_id);")
			.doesNotContain("CREATE TABLE deal")
			.contains("from " + M + " to " + E + " (head)");
		// writing the script does not apply anything
		assertThat(migrations.current()).containsExactly(M);
	}

	@Test
	void lockTimeoutNamesTheSessionHoldingTheLock(TestDatabase db) throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		BlockingRevision.inside = inside;
		BlockingRevision.release = release;
		Migrations holder = Migrations.configure().dataSource(db.dataSource()).locations(this.files.location())
			.javaRevisions(List.of(new BlockingRevision())).load();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<CommandResult> first = pool.submit(() -> holder.upgrade("heads"));
			assertThat(inside.await(5, TimeUnit.MINUTES)).isTrue();

			Migrations waiter = Migrations.configure().dataSource(db.dataSource()).locations(this.files.location())
				.javaRevisions(List.of(new BlockingRevision())).lockTimeout(java.time.Duration.ofMillis(300)).load();
			assertThatThrownBy(() -> waiter.upgrade("heads")).isInstanceOf(LockTimeoutException.class)
				.hasMessageContaining("Timed out after 300 ms")
				.hasMessageContaining("pid ")
				.hasMessageContaining("migrations.lock-timeout");
			release.countDown();
			assertThat(first.get(5, TimeUnit.MINUTES).steps()).hasSize(6);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void javaRevisionsFromAPackageLiveInTheSameGraph(TestDatabase db) {
		RevisionFiles javaFiles = new RevisionFiles(this.directory.resolve("java"));
		try {
			Files.createDirectories(javaFiles.directory());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		javaFiles.write("aaaa00000001", "none", "greeting table", "CREATE TABLE greeting (text text);", "DROP TABLE greeting;");
		javaFiles.write("cccc00000003", "java000backfill", "after backfill", "CREATE INDEX ix_greeting ON greeting (text);",
				"DROP INDEX ix_greeting;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(javaFiles.location())
			.javaPackages("dev.migrations.fixtures.java").load();
		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision)
			.containsExactly("aaaa00000001", "java000backfill", "cccc00000003");
		assertThat(Sql.column(db.dataSource(), "select text from greeting order by 1")).containsExactly("bonjour", "hello");
		assertThat(Sql.column(db.dataSource(), "select kind from migrations_version order by applied_seq"))
			.containsExactly("SQL", "JAVA", "SQL");
		migrations.downgrade("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "select count(*) from greeting")).containsExactly("0");
	}

	@Test
	void aJavaRevisionOfThePackagesAlsoGivenAsAnInstanceIsOneRevisionTheInstance(TestDatabase db) {
		// a class of migrations.java-packages that is also a Spring bean (@Component): the bean has its injected beans
		RevisionFiles javaFiles = new RevisionFiles(this.directory.resolve("java"));
		try {
			Files.createDirectories(javaFiles.directory());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		javaFiles.write("aaaa00000001", "none", "greeting table", "CREATE TABLE greeting (text text);", "DROP TABLE greeting;");
		BackfillGreeting bean = new BackfillGreeting();
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(javaFiles.location())
			.javaPackages("dev.migrations.fixtures.java").javaRevisions(List.of(bean)).load();
		assertThat(migrations.graph().find("java000backfill")).get()
			.extracting((revision) -> ((Revision.JavaBody) revision.body()).implementation()).isSameAs(bean);
		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision)
			.containsExactly("aaaa00000001", "java000backfill");
		assertThat(Sql.column(db.dataSource(), "select text from greeting order by 1")).containsExactly("bonjour", "hello");
	}

	/** Holds the lock by blocking inside a revision until told to go on (after the waiter gave up). */
	static class BlockingRevision implements dev.migrations.revision.JavaRevision {

		static volatile CountDownLatch inside;

		static volatile CountDownLatch release;

		@Override
		public String revision() {
			return "block0000001";
		}

		@Override
		public List<String> downRevisions() {
			return new ArrayList<>(List.of(E));
		}

		@Override
		public String message() {
			return "wait";
		}

		@Override
		public void upgrade(java.sql.Connection connection) throws Exception {
			inside.countDown();
			release.await(10, TimeUnit.MINUTES);
		}

		@Override
		public void downgrade(java.sql.Connection connection) {
		}

	}

}
