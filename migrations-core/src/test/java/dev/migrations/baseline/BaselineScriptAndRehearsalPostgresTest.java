package dev.migrations.baseline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.RevisionFiles;
import dev.migrations.rehearse.RehearsalOptions;
import dev.migrations.rehearse.RehearsalReport;
import dev.migrations.rehearse.RevisionRehearsal;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The script of {@code db upgrade --sql} and the rehearsal follow what the online upgrade does with a schema
 * that has tables and no recorded revision: the baseline is recorded without running, or they refuse.
 */
@ExtendWith(TestDatabaseExtension.class)
class BaselineScriptAndRehearsalPostgresTest {

	@TempDir
	Path directory;

	private RevisionFiles files;

	@BeforeEach
	void writeRevisions() {
		this.files = new RevisionFiles(this.directory);
		this.files.write("aaaa00000001", "none", "create customer and orders",
				"CREATE TABLE customer (id bigint PRIMARY KEY);\n"
						+ "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n"
						+ "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customer (id);",
				"DROP TABLE orders;\nDROP TABLE customer;");
		this.files.write("bbbb00000002", "aaaa00000001", "add customer email",
				"ALTER TABLE customer ADD COLUMN email varchar(200);", "ALTER TABLE customer DROP COLUMN email;");
	}

	/** What Hibernate's ddl-auto=create leaves: the schema of the first revision, without version tables. */
	private static void buildLikeHibernate(TestDatabase db) throws SQLException {
		execute(db, "CREATE TABLE customer (id bigint PRIMARY KEY)",
				"CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint)",
				"ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customer (id)",
				"INSERT INTO customer VALUES (7)");
	}

	@Test
	void theScriptStampsTheBaselineAndRunsWhatFollowsThroughPsql(TestDatabase db) throws Exception {
		Path psql = TestDatabases.psqlExecutable().orElse(null);
		Assumptions.assumeTrue(psql != null, "psql is not installed: the offline script cannot be run through it");
		buildLikeHibernate(db);
		Migrations migrations = configure(db).baseline("aaaa").failOnNonEmptySchema(true).load();
		String script = migrations.upgradeSql("head");
		assertThat(script).contains("-- Baseline: the schema has tables but no recorded revision, so aaaa00000001")
			.doesNotContain("CREATE TABLE customer")
			.contains("ALTER TABLE customer ADD COLUMN email");
		Path file = Files.createTempFile(this.directory, "upgrade", ".sql");
		Files.writeString(file, script);
		Process process = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(),
				db.psqlConnectionUri()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();

		assertThat(query(db, "SELECT revision || ' ' || state FROM migrations_version ORDER BY applied_seq"))
			.containsExactly("aaaa00000001 APPLIED", "bbbb00000002 APPLIED");
		assertThat(query(db, "SELECT operation FROM migrations_version_log ORDER BY id")).containsExactly("BASELINE", "UPGRADE");
		// one foreign key, as the online upgrade leaves it
		assertThat(query(db, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'f'"))
			.containsExactly("1");
		assertThat(query(db, "SELECT id || ':' || coalesce(email, '-') FROM customer")).containsExactly("7:-");
		assertThat(migrations.status().upToDate()).isTrue();
	}

	@Test
	void theScriptRefusesASchemaWithTablesWithoutBaselineAsTheUpgradeDoes(TestDatabase db) throws SQLException {
		buildLikeHibernate(db);
		Migrations migrations = configure(db).failOnNonEmptySchema(true).load();
		String online = messageOf(() -> migrations.upgrade("head"));
		assertThat(online).startsWith("Schema public has 2 tables (customer, orders) but no revision recorded");
		assertThatThrownBy(() -> migrations.upgradeSql("head")).isInstanceOf(NonEmptySchemaException.class)
			.hasMessage(online);
		// the offline range, without the database, is written as before
		assertThat(migrations.upgradeSql("base:head")).contains("CREATE TABLE customer");
	}

	@Test
	void theRehearsalSkipsTheBaselineOrRefusesAsTheUpgradeDoes(TestDatabase db) throws SQLException {
		buildLikeHibernate(db);
		RehearsalReport report = configure(db).baseline("aaaa00000001").failOnNonEmptySchema(true).load()
			.rehearse("head", RehearsalOptions.rollback());
		assertThat(report.failed()).as(report.toText()).isFalse();
		assertThat(report.revisions()).extracting(RevisionRehearsal::revision).containsExactly("bbbb00000002");

		Migrations unset = configure(db).failOnNonEmptySchema(true).load();
		assertThatThrownBy(() -> unset.rehearse("head", RehearsalOptions.rollback()))
			.isInstanceOf(NonEmptySchemaException.class)
			.hasMessageStartingWith("Schema public has 2 tables (customer, orders) but no revision recorded");
		assertThat(query(db, "SELECT to_regclass('migrations_version') IS NULL")).containsExactly("t");
	}

	private static String messageOf(Runnable command) {
		try {
			command.run();
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("expected a refusal");
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
