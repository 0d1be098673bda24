package dev.migrations.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.dialect.LockTimeoutException;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single-revision steps run as one command leave what the same steps as separate commands leave. */
@ExtendWith(TestDatabaseExtension.class)
class RevisionStepsTest {

	private static final String ROWS = "select revision, down_revisions, message, kind, source, checksum, state, applied_seq,"
			+ " applied_by, error from migrations_version order by applied_seq";

	private static final String LOG = "select revision, operation, message, checksum, performed_by from migrations_version_log"
			+ " order by id";

	@TempDir
	Path directory;

	private RevisionFiles stairway() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int PRIMARY KEY, name varchar(50));",
				"DROP TABLE item;");
		files.write("bbbb00000002", "aaaa00000001", "index item name", "CREATE INDEX ix_item_name ON item (name);",
				"DROP INDEX ix_item_name ON item;");
		files.write("cccc00000003", "bbbb00000002", "create tag", "CREATE TABLE tag (id int PRIMARY KEY);",
				"DROP TABLE tag;");
		return files;
	}

	@Test
	void stairwayInOneSessionRecordsWhatSeparateCommandsRecordOnPostgres(TestDatabase commands, TestDatabase session) {
		sameRecordsAsSeparateCommands(commands, session, "DROP INDEX ix_item_name;");
	}

	@Test
	void stairwayInOneSessionRecordsWhatSeparateCommandsRecordOnMariaDb(@MariaDb TestDatabase commands,
			@MariaDb TestDatabase session) {
		sameRecordsAsSeparateCommands(commands, session, "DROP INDEX ix_item_name ON item;");
	}

	private void sameRecordsAsSeparateCommands(TestDatabase commandsDb, TestDatabase sessionDb, String dropIndex) {
		RevisionFiles files = stairway();
		files.write("bbbb00000002", "aaaa00000001", "index item name", "CREATE INDEX ix_item_name ON item (name);", dropIndex);
		Migrations commands = Migrations.configure().dataSource(commandsDb.dataSource()).locations(files.location())
			.installedBy("tester").load();
		Migrations session = Migrations.configure().dataSource(sessionDb.dataSource()).locations(files.location())
			.installedBy("tester").load();
		List<String> ids = List.of("aaaa00000001", "bbbb00000002", "cccc00000003");

		for (String id : ids) {
			commands.upgrade(id);
			commands.downgrade("-1");
			commands.upgrade(id);
		}
		long changesBefore = session.changeCount();
		try (RevisionSteps steps = session.steps()) {
			for (String id : ids) {
				assertThat(steps.upgrade(id).steps()).extracting(StepResult::revision).containsExactly(id);
				CommandResult down = steps.downgrade(id);
				assertThat(down.steps()).extracting(StepResult::direction).containsExactly(Direction.DOWNGRADE);
				assertThat(down.currentAfter()).doesNotContain(id);
				assertThat(steps.upgrade(id).currentAfter()).containsExactly(id);
			}
			assertThat(steps.current()).containsExactly("cccc00000003");
		}

		assertThat(Sql.column(sessionDb.dataSource(), ROWS)).hasSize(3)
			.containsExactlyElementsOf(Sql.column(commandsDb.dataSource(), ROWS));
		assertThat(Sql.column(sessionDb.dataSource(), LOG)).hasSize(9)
			.containsExactlyElementsOf(Sql.column(commandsDb.dataSource(), LOG));
		assertThat(session.current()).containsExactly("cccc00000003");
		assertThat(session.changeCount()).isEqualTo(changesBefore + 9);
		// the session's lock is gone: a command runs
		assertThat(session.downgrade("base").steps()).hasSize(3);
	}

	@Test
	void stepsRefuseARevisionWhoseParentsAreNotAppliedOrWhoseChildIs(TestDatabase db) {
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(stairway().location()).load();
		try (RevisionSteps steps = migrations.steps()) {
			assertThatThrownBy(() -> steps.upgrade("bbbb00000002")).isInstanceOf(MigrationsException.class)
				.hasMessageContaining("its parent(s) [aaaa00000001] are not applied");
			steps.upgrade("aaaa00000001");
			steps.upgrade("bbbb00000002");
			assertThatThrownBy(() -> steps.upgrade("aaaa00000001")).hasMessageContaining("is already applied");
			assertThatThrownBy(() -> steps.downgrade("aaaa00000001")).isInstanceOf(MigrationsException.class)
				.hasMessageContaining("its children [bbbb00000002] are applied");
			assertThatThrownBy(() -> steps.downgrade("cccc00000003")).hasMessageContaining("is not applied");
		}
		assertThat(migrations.current()).containsExactly("bbbb00000002");
	}

	@Test
	void failingStepInATransactionIsLoggedAndTheLockIsReleasedOnClose(TestDatabase db) {
		RevisionFiles files = stairway();
		files.write("cccc00000003", "bbbb00000002", "create tag", "CREATE TABLE tag (id int PRIMARY KEY);\nINSERT INTO missing VALUES (1);",
				"DROP TABLE tag;");
		files.write("bbbb00000002", "aaaa00000001", "index item name", "CREATE INDEX ix_item_name ON item (name);",
				"DROP INDEX ix_item_name;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		Migrations other = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.lockTimeout(Duration.ofMillis(300)).load();
		try (RevisionSteps steps = migrations.steps()) {
			steps.upgrade("aaaa00000001");
			steps.upgrade("bbbb00000002");
			assertThatThrownBy(() -> steps.upgrade("cccc00000003")).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("statement 2 of 2")
				.hasMessageContaining("rolled back");
			assertThatThrownBy(() -> other.upgrade("head")).isInstanceOf(LockTimeoutException.class);
			// rolled back: the steps go on as the next command would
			steps.downgrade("bbbb00000002");
		}
		assertThat(Sql.column(db.dataSource(), "select revision || ' ' || state from migrations_version order by applied_seq"))
			.containsExactly("aaaa00000001 APPLIED");
		assertThat(Sql.column(db.dataSource(), "select revision || ' ' || operation from migrations_version_log order by id"))
			.containsExactly("aaaa00000001 UPGRADE", "bbbb00000002 UPGRADE", "cccc00000003 FAILED", "bbbb00000002 DOWNGRADE");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("item", "migrations_version", "migrations_version_log");
		assertThat(other.stamp("base").currentAfter()).isEmpty();
	}

	@Test
	void failingStepOutsideATransactionIsRecordedAsFailedAndStopsTheNextStepOnPostgres(TestDatabase db) {
		RevisionFiles files = stairway();
		files.write("bbbb00000002", "aaaa00000001", "index item name", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY ix_item_name ON item (name);\nCREATE INDEX CONCURRENTLY ix_broken ON item (missing);",
				"DROP INDEX CONCURRENTLY IF EXISTS ix_item_name;");
		failingStepIsRecordedAsFailed(db, files);
	}

	@Test
	void failingStepIsRecordedAsFailedAndStopsTheNextStepOnMariaDb(@MariaDb TestDatabase db) {
		RevisionFiles files = stairway();
		files.write("bbbb00000002", "aaaa00000001", "index item name",
				"CREATE INDEX ix_item_name ON item (name);\nCREATE INDEX ix_broken ON item (missing);",
				"DROP INDEX ix_item_name ON item;");
		failingStepIsRecordedAsFailed(db, files);
	}

	private void failingStepIsRecordedAsFailed(TestDatabase db, RevisionFiles files) {
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		Migrations other = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.lockTimeout(Duration.ofMillis(300)).load();
		try (RevisionSteps steps = migrations.steps()) {
			steps.upgrade("aaaa00000001");
			assertThatThrownBy(() -> steps.upgrade("bbbb00000002")).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("statement 2 of 2")
				.hasMessageContaining("recorded as FAILED");
			assertThatThrownBy(() -> steps.downgrade("aaaa00000001")).isInstanceOf(FailedRevisionException.class)
				.hasMessageContaining("bbbb00000002")
				.hasMessageContaining("FAILED");
			assertThatThrownBy(() -> other.stamp("aaaa00000001")).isInstanceOf(LockTimeoutException.class);
		}
		assertThat(Sql.column(db.dataSource(), "select concat(revision, ' ', state) from migrations_version order by applied_seq"))
			.containsExactly("aaaa00000001 APPLIED", "bbbb00000002 FAILED");
		assertThat(Sql.column(db.dataSource(), "select concat(revision, ' ', operation) from migrations_version_log order by id"))
			.containsExactly("aaaa00000001 UPGRADE", "bbbb00000002 FAILED");
		// the lock is released on close: the operator's stamp runs
		assertThat(other.stamp("aaaa00000001").currentAfter()).containsExactly("aaaa00000001");
	}

}
