package dev.migrations.baseline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.RevisionFiles;
import dev.migrations.runner.BelowBaselineException;
import dev.migrations.runner.CommandResult;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adopting a schema built without these revisions: which tables make a schema non-empty, what the
 * baseline records, and what an upgrade onto a non-empty schema does without one.
 */
@ExtendWith(TestDatabaseExtension.class)
class BaselinePostgresTest {

	@TempDir
	Path directory;

	private RevisionFiles files;

	@BeforeEach
	void writeRevisions() {
		this.files = new RevisionFiles(this.directory);
		this.files.write("aaaa00000001", "none", "create customer", "CREATE TABLE customer (id bigint PRIMARY KEY);",
				"DROP TABLE customer;");
		this.files.write("bbbb00000002", "aaaa00000001", "add customer email",
				"ALTER TABLE customer ADD COLUMN email varchar(200);", "ALTER TABLE customer DROP COLUMN email;");
	}

	@Test
	void baselineRecordsTheRevisionOnASchemaWithTablesAndAppliesTheRest(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)", "INSERT INTO customer VALUES (7)");
		CommandResult result = configure(db).baseline("aaaa").load().upgrade("head");
		assertThat(result.currentBefore()).containsExactly("aaaa00000001");
		assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("bbbb00000002");
		assertThat(query(db, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly("aaaa00000001", "bbbb00000002");
		assertThat(query(db, "SELECT operation FROM migrations_version_log ORDER BY id")).containsExactly("BASELINE", "UPGRADE");
		assertThat(query(db, "SELECT id || ':' || coalesce(email, '-') FROM customer")).containsExactly("7:-");
	}

	@Test
	void aDowngradeBelowTheBaselineIsRefusedAndKeepsTheAdoptedTables(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)", "INSERT INTO customer VALUES (7)");
		Migrations migrations = configure(db).baseline("aaaa").load();
		migrations.upgrade("head");
		for (String target : List.of("base", "-2")) {
			assertThatThrownBy(() -> migrations.downgrade(target)).isInstanceOfSatisfying(BelowBaselineException.class,
					(ex) -> assertThat(ex.getMessage()).startsWith("Refusing to downgrade to " + target + ": it would revert"
							+ " aaaa00000001 (create customer), which the baseline recorded as applied without running it")
						.contains("Nothing was run", "`db downgrade aaaa00000001`", "`db stamp base`"));
			assertThatThrownBy(() -> migrations.downgradeSql(target)).isInstanceOf(BelowBaselineException.class);
		}
		assertThat(migrations.current()).containsExactly("bbbb00000002");
		assertThat(query(db, "SELECT id || ':' || coalesce(email, '-') FROM customer")).containsExactly("7:-");

		// down to the baseline is allowed: it reverts only what ran
		migrations.downgrade("-1");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThatThrownBy(() -> migrations.downgrade("-1")).isInstanceOf(BelowBaselineException.class);
		assertThat(query(db, "SELECT id FROM customer")).containsExactly("7");
		assertThat(query(db, "SELECT operation || ' ' || revision FROM migrations_version_log ORDER BY id"))
			.containsExactly("BASELINE aaaa00000001", "UPGRADE bbbb00000002", "DOWNGRADE bbbb00000002");
	}

	@Test
	void aStampThatAdoptsASchemaWithTablesIsNotDowngradedBelowEither(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)", "INSERT INTO customer VALUES (7)");
		Migrations migrations = configure(db).load();
		// what the refusal of a schema with tables advises besides the baseline: `db stamp <revision>` once
		migrations.stamp("aaaa00000001");
		migrations.upgrade("head");
		assertThatThrownBy(() -> migrations.downgrade("base")).isInstanceOf(BelowBaselineException.class)
			.hasMessageStartingWith("Refusing to downgrade to base: it would revert aaaa00000001 (create customer)");
		assertThat(query(db, "SELECT id FROM customer")).containsExactly("7");
		assertThat(query(db, "SELECT operation || ' ' || revision FROM migrations_version_log ORDER BY id"))
			.containsExactly("BASELINE aaaa00000001", "UPGRADE bbbb00000002");
	}

	@Test
	void aStampOnAnEmptySchemaIsAnOrdinaryStamp(TestDatabase db) throws SQLException {
		Migrations migrations = configure(db).load();
		migrations.stamp("aaaa00000001");
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)");
		assertThat(migrations.downgrade("base").steps()).hasSize(1);
		assertThat(query(db, "SELECT operation FROM migrations_version_log ORDER BY id"))
			.containsExactly("STAMP", "DOWNGRADE");
	}

	@Test
	void aRevisionRunAgainAfterTheBaselineCanBeDowngraded(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)");
		Migrations migrations = configure(db).baseline("aaaa").load();
		migrations.upgrade("head");
		// recorded as the user says: `db stamp` is the user's word that the revision's objects are its own
		migrations.stamp("base");
		execute(db, "DROP TABLE customer");
		migrations.upgrade("head");
		assertThat(migrations.downgrade("base").steps()).hasSize(2);
		assertThat(query(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'customer'"))
			.containsExactly("0");
	}

	@Test
	void baselineIsIgnoredOnAnEmptySchema(TestDatabase db) throws SQLException {
		CommandResult result = configure(db).baseline("bbbb00000002").failOnNonEmptySchema(true).load().upgrade("head");
		assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("aaaa00000001", "bbbb00000002");
		assertThat(query(db, "SELECT operation FROM migrations_version_log ORDER BY id")).containsExactly("UPGRADE", "UPGRADE");
	}

	@Test
	void baselineIsIgnoredOnceARevisionIsRecorded(TestDatabase db) throws SQLException {
		configure(db).load().upgrade("aaaa00000001");
		CommandResult result = configure(db).baseline("bbbb00000002").failOnNonEmptySchema(true).load().upgrade("head");
		assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("bbbb00000002");
		assertThat(query(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'customer'"
				+ " ORDER BY ordinal_position")).containsExactly("id", "email");
	}

	@Test
	void aDatabaseDowngradedToBaseIsNotAdopted(TestDatabase db) throws SQLException {
		Migrations first = configure(db).load();
		first.upgrade("head");
		first.downgrade("base");
		execute(db, "CREATE TABLE unrelated (id int)");
		CommandResult result = configure(db).baseline("bbbb00000002").failOnNonEmptySchema(true).load().upgrade("head");
		assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("aaaa00000001", "bbbb00000002");
	}

	@Test
	void nonEmptySchemaWithoutBaselineStopsBeforeRunningAnything(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)", "CREATE VIEW customer_ids AS SELECT id FROM customer");
		Migrations migrations = configure(db).failOnNonEmptySchema(true).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOfSatisfying(NonEmptySchemaException.class,
				(ex) -> {
					assertThat(ex.getMessage()).startsWith("Schema public has 2 tables (customer, customer_ids) but no"
							+ " revision recorded in migrations_version")
						.contains("migrations.baseline=<revision>", "`db stamp <revision>`", "'base'", "Nothing was run");
					assertThat(ex.firstRevisions()).containsExactly("aaaa00000001 (create customer)");
				});
		assertThat(query(db, "SELECT count(*) FROM migrations_version")).containsExactly("0");
	}

	@Test
	void withoutTheCheckAnUpgradeRunsOverExistingTablesAsBefore(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE unrelated (id int)");
		CommandResult result = configure(db).load().upgrade("head");
		assertThat(result.steps()).hasSize(2);
	}

	@Test
	void baseRunsEveryRevisionOverTheExistingTables(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE unrelated (id int)");
		CommandResult result = configure(db).baseline("base").failOnNonEmptySchema(true).load().upgrade("head");
		assertThat(result.steps()).hasSize(2);
		assertThat(query(db, "SELECT operation FROM migrations_version_log ORDER BY id")).containsExactly("UPGRADE", "UPGRADE");
	}

	@Test
	void otherToolsBookkeepingAndFilteredTablesDoNotCount(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),"
				+ " description varchar(200), success boolean)",
				"INSERT INTO flyway_schema_history VALUES (1, '1', 'init', true), (2, '2', 'add email', true),"
						+ " (3, '3', 'broken', false), (4, NULL, 'views', true)",
				"CREATE TABLE databasechangeloglock (id int)", "CREATE TABLE queue_jobs (id int)",
				"CREATE SEQUENCE lonely_seq", "CREATE SCHEMA elsewhere", "CREATE TABLE elsewhere.other (id int)");
		Migrations migrations = configure(db).tables(List.of(), List.of("queue_*")).failOnNonEmptySchema(true).load();
		ExistingSchema existing = migrations.existingSchema();
		assertThat(existing.tables()).isEmpty();
		assertThat(existing.otherTools()).containsExactly(
				new OtherToolHistory("Flyway", "flyway_schema_history", 2, "version 2 (add email)"));
		assertThat(migrations.upgrade("head").steps()).hasSize(2);
	}

	@Test
	void flywaysHistoryIsNamedWhenTheSchemaHasTables(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),"
				+ " description varchar(200), success boolean)",
				"INSERT INTO flyway_schema_history VALUES (1, '1', 'create customer', true)",
				"CREATE TABLE customer (id bigint PRIMARY KEY)");
		assertThatThrownBy(() -> configure(db).failOnNonEmptySchema(true).load().upgrade("head"))
			.hasMessageContaining("it has Flyway's history (flyway_schema_history, at version 1 (create customer))");
		CommandResult result = configure(db).baseline("aaaa00000001").load().upgrade("head");
		assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("bbbb00000002");
		assertThat(query(db, "SELECT count(*) FROM flyway_schema_history")).containsExactly("1");
	}

	@Test
	void aFailedFlywayMigrationInAnotherSchemaIsRefusedWithTheRepairStatementForThatSchema(TestDatabase db) throws SQLException {
		execute(db, "CREATE SCHEMA app", "CREATE TABLE app.flyway_schema_history (installed_rank int PRIMARY KEY,"
				+ " version varchar(50), description varchar(200), script varchar(1000), success boolean)",
				"INSERT INTO app.flyway_schema_history VALUES (1, '1', 'create customer', 'V1__create_customer.sql', true),"
						+ " (2, '2', 'add email', 'V2__add_email.sql', false)",
				"CREATE TABLE app.customer (id bigint PRIMARY KEY)");
		// a session of the user's own has public on its path: the statement names the history's schema
		assertThatThrownBy(() -> configure(db).schema("app").baseline("aaaa00000001").load().upgrade("head"))
			.isInstanceOf(FailedOtherToolMigrationException.class)
			.hasMessageStartingWith("Schema app was not adopted: Flyway's history (flyway_schema_history) records a failed"
					+ " migration")
			.hasMessageContaining("`flyway repair`, or DELETE FROM app.flyway_schema_history WHERE success = false; then");
		assertThat(query(db, "SELECT count(*) FROM app.customer")).containsExactly("0");
		execute(db, "DELETE FROM app.flyway_schema_history WHERE success = false");
		assertThat(configure(db).schema("app").baseline("aaaa00000001").load().upgrade("head").steps())
			.extracting((step) -> step.revision()).containsExactly("bbbb00000002");
	}

	@Test
	void historyTablesUnderConfiguredNamesAreReadAsTheOtherToolsAndDoNotCount(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE legacy_history (installed_rank int PRIMARY KEY, version varchar(50),"
				+ " description varchar(200), success boolean)",
				"INSERT INTO legacy_history VALUES (1, '1', 'create customer', true), (2, '2', 'add phone', true)",
				"CREATE TABLE app_changelog (id varchar(255), author varchar(255), filename varchar(255),"
						+ " orderexecuted int)",
				"INSERT INTO app_changelog VALUES ('1', 'ada', 'db/changelog.xml', 1)",
				"CREATE TABLE app_changelog_lock (id int)");
		OtherToolTables named = new OtherToolTables("legacy_history", "APP_CHANGELOG", " app_changelog_lock ");
		Migrations migrations = configure(db).otherToolTables(named).failOnNonEmptySchema(true).load();
		ExistingSchema existing = migrations.existingSchema();
		assertThat(existing.tables()).isEmpty();
		assertThat(existing.otherTools()).containsExactlyInAnyOrder(
				new OtherToolHistory("Flyway", "legacy_history", 2, "version 2 (add phone)"),
				new OtherToolHistory("Liquibase", "app_changelog", 1, "change set 1::ada (db/changelog.xml)"));
		// with the default names only, the same tables are the schema's own
		assertThat(configure(db).load().existingSchema().tables())
			.containsExactlyInAnyOrder("legacy_history", "app_changelog", "app_changelog_lock");

		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)");
		assertThatThrownBy(() -> configure(db).otherToolTables(named).failOnNonEmptySchema(true).load().upgrade("head"))
			.hasMessageContaining("1 table (customer)")
			.hasMessageContaining("Flyway's history (legacy_history, at version 2 (add phone))");
		CommandResult result = configure(db).otherToolTables(named).baseline("aaaa00000001").load().upgrade("head");
		assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("bbbb00000002");
		assertThat(query(db, "SELECT count(*) FROM legacy_history")).containsExactly("2");
	}

	@Test
	void aBaselineThatNamesNoRevisionIsRefusedBeforeConnecting(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)");
		for (String baseline : List.of("cccc00000003", "head", "aa")) {
			Migrations migrations = configure(db).baseline(baseline).load();
			assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOfSatisfying(BaselineException.class,
					(ex) -> assertThat(ex.getMessage()).startsWith("The baseline '" + baseline
							+ "' is not a revision of this application (no revision '" + baseline + "'"));
		}
		assertThat(query(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations_version'"))
			.containsExactly("0");
	}

	@Test
	void instancesStartingTogetherBaselineOnce(TestDatabase db) throws Exception {
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)");
		int instances = 4;
		CyclicBarrier start = new CyclicBarrier(instances);
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try {
			List<Future<CommandResult>> results = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				Migrations migrations = configure(db).baseline("aaaa00000001").failOnNonEmptySchema(true).load();
				Callable<CommandResult> upgrade = () -> {
					start.await(5, TimeUnit.MINUTES);
					return migrations.upgrade("head");
				};
				results.add(executor.submit(upgrade));
			}
			int applied = 0;
			for (Future<CommandResult> result : results) {
				applied += result.get(5, TimeUnit.MINUTES).steps().size();
			}
			assertThat(applied).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(query(db, "SELECT operation || ' ' || revision FROM migrations_version_log ORDER BY id"))
			.containsExactly("BASELINE aaaa00000001", "UPGRADE bbbb00000002");
	}

	private MigrationsConfiguration configure(TestDatabase db) {
		return Migrations.configure().dataSource(db.dataSource()).locations(this.files.location());
	}

	private static void execute(TestDatabase db, String... statements) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static List<String> query(TestDatabase db, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = db.connection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
