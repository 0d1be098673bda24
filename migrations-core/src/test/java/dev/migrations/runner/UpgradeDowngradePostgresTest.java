package dev.migrations.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.RevisionInfo;
import dev.migrations.Sql;
import dev.migrations.revision.MultipleHeadsException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Upgrade, downgrade and relative targets on a graph with a branch and a merge, against PostgreSQL. */
@ExtendWith(TestDatabaseExtension.class)
class UpgradeDowngradePostgresTest {

	static final String A = "aaaa00000001";

	static final String B = "bbbb00000002";

	static final String C = "cccc00000003";

	static final String M = "dddd00000004";

	static final String E = "eeee00000005";

	@TempDir
	Path directory;

	RevisionFiles files;

	@BeforeEach
	void writeGraph() {
		this.files = new RevisionFiles(this.directory);
		writeBranchAndMerge(this.files);
	}

	/** account → (bulletin | contact) → merge: deal → index on deal. */
	static void writeBranchAndMerge(RevisionFiles files) {
		files.write(A, "none", "create account", "CREATE TABLE account (id int PRIMARY KEY, name text NOT NULL);",
				"DROP TABLE account;");
		files.write(B, A, "create bulletin",
				"CREATE TABLE bulletin (id int PRIMARY KEY, account_id int REFERENCES account (id), meta jsonb);\n"
						+ "INSERT INTO account VALUES (1, 'first');\n"
						+ "INSERT INTO bulletin VALUES (1, 1, '{\"key\":true, \"at\":\"12:30\"}');",
				"DROP TABLE bulletin;\nDELETE FROM account WHERE id = 1;");
		files.write(C, A, "create contact", "CREATE TABLE contact (id int PRIMARY KEY);", "DROP TABLE contact;");
		files.write(M, B + ", " + C, "merge with deal",
				"CREATE TABLE deal (id int PRIMARY KEY, contact_id int REFERENCES contact (id));", "DROP TABLE deal;");
		files.write(E, M, "index deal contact", "CREATE INDEX ix_deal_contact ON deal (contact_id);",
				"DROP INDEX ix_deal_contact;");
	}

	Migrations migrations(TestDatabase db) {
		return Migrations.configure().dataSource(db.dataSource()).locations(this.files.location()).load();
	}

	@Test
	void upgradesToHeadThroughBranchAndMerge(TestDatabase db) {
		Migrations migrations = migrations(db);
		CommandResult result = migrations.upgrade("head");

		assertThat(result.steps()).extracting(StepResult::revision).containsExactly(A, B, C, M, E);
		assertThat(result.currentBefore()).isEmpty();
		assertThat(result.currentAfter()).containsExactly(E);
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("account", "bulletin", "contact", "deal",
				"migrations_version", "migrations_version_log");
		assertThat(Sql.column(db.dataSource(), "select meta::text from bulletin")).containsExactly("{\"at\": \"12:30\", \"key\": true}");
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version order by applied_seq"))
			.containsExactly(A, B, C, M, E);
		assertThat(Sql.column(db.dataSource(), "select operation || ' ' || revision from migrations_version_log order by id"))
			.containsExactly("UPGRADE " + A, "UPGRADE " + B, "UPGRADE " + C, "UPGRADE " + M, "UPGRADE " + E);
		assertThat(migrations.current()).containsExactly(E);
		assertThat(migrations.status().upToDate()).isTrue();
		// nothing left to do
		assertThat(migrations.upgrade("head").steps()).isEmpty();
	}

	@Test
	void stepsUpAndDownOneAtATime(TestDatabase db) {
		Migrations migrations = migrations(db);
		assertThat(migrations.upgrade("+1").steps()).extracting(StepResult::revision).containsExactly(A);
		assertThat(migrations.upgrade("+2").steps()).extracting(StepResult::revision).containsExactly(B, C);
		assertThat(migrations.current()).containsExactlyInAnyOrder(B, C);
		assertThat(migrations.status().pending()).containsExactly(M, E);

		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly(M, E);
		assertThat(migrations.downgrade("-1").steps()).extracting(StepResult::revision).containsExactly(E);
		assertThat(Sql.column(db.dataSource(), "select indexname from pg_indexes where tablename = 'deal'"))
			.containsExactly("deal_pkey");
		assertThat(migrations.current()).containsExactly(M);

		assertThat(migrations.downgrade("-2").steps()).extracting(StepResult::revision).containsExactly(M, C);
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("account", "bulletin", "migrations_version",
				"migrations_version_log");
		assertThat(migrations.current()).containsExactly(B);

		assertThat(migrations.upgrade("+1").steps()).extracting(StepResult::revision).containsExactly(C);
	}

	@Test
	void roundTripsFromBaseToHeadAndBack(TestDatabase db) {
		Migrations migrations = migrations(db);
		migrations.upgrade("head");
		List<String> atHead = Sql.postgresSchemaDump(db.dataSource(), "public");

		CommandResult down = migrations.downgrade("base");
		assertThat(down.steps()).extracting(StepResult::revision).containsExactly(E, M, C, B, A);
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
		assertThat(Sql.column(db.dataSource(), "select count(*) from migrations_version")).containsExactly("0");
		assertThat(migrations.current()).isEmpty();

		migrations.upgrade("head");
		assertThat(Sql.postgresSchemaDump(db.dataSource(), "public")).isEqualTo(atHead);
		assertThat(Sql.column(db.dataSource(), "select count(*) from migrations_version_log")).containsExactly("15");
	}

	@Test
	void downgradesToARevisionUndoingItsDescendantsOnly(TestDatabase db) {
		Migrations migrations = migrations(db);
		migrations.upgrade("head");
		CommandResult result = migrations.downgrade(B.substring(0, 6));
		// M and E descend from B; C is on the other branch and stays.
		assertThat(result.steps()).extracting(StepResult::revision).containsExactly(E, M);
		assertThat(migrations.current()).containsExactlyInAnyOrder(B, C);
		assertThat(Sql.postgresTables(db.dataSource())).contains("bulletin", "contact").doesNotContain("deal");
	}

	@Test
	void upgradesToAnIdPrefixAndRelativeToARevision(TestDatabase db) {
		Migrations migrations = migrations(db);
		assertThat(migrations.upgrade("bbbb").steps()).extracting(StepResult::revision).containsExactly(A, B);
		assertThat(migrations.upgrade(M).steps()).extracting(StepResult::revision).containsExactly(C, M);
		assertThat(migrations.upgrade(M + "+1").steps()).extracting(StepResult::revision).containsExactly(E);
	}

	@Test
	void refusesHeadWithTwoHeadsAndMergeJoinsThem(TestDatabase db) {
		this.files.write("ffff00000006", E, "branch one", "CREATE TABLE one (id int);", "DROP TABLE one;");
		this.files.write("abab00000007", E, "branch two", "CREATE TABLE two (id int);", "DROP TABLE two;");
		Migrations migrations = migrations(db);

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MultipleHeadsException.class)
			.hasMessageContaining("ffff00000006")
			.hasMessageContaining("abab00000007")
			.hasMessageContaining("db merge");
		assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("account");

		Path merge = Migrations.configure().dataSource(db.dataSource()).locations(this.files.location())
			.outputDirectory(this.directory).load().merge("merge heads", List.of());
		assertThat(merge.getFileName().toString()).endsWith("_merge_heads.sql");
		Migrations reloaded = migrations(db);
		assertThat(reloaded.graph().heads()).hasSize(1);
		CommandResult result = reloaded.upgrade("head");
		assertThat(result.steps()).hasSize(8);
		assertThat(Sql.postgresTables(db.dataSource())).contains("one", "two");
	}

	@Test
	void upgradeHeadsUpgradesEveryBranch(TestDatabase db) {
		this.files.write("ffff00000006", E, "branch one", "CREATE TABLE one (id int);", "DROP TABLE one;");
		this.files.write("abab00000007", E, "branch two", "CREATE TABLE two (id int);", "DROP TABLE two;");
		Migrations migrations = migrations(db);
		migrations.upgrade("heads");
		assertThat(migrations.current()).containsExactlyInAnyOrder("ffff00000006", "abab00000007");
		assertThat(migrations.heads()).extracting(RevisionInfo::revision).containsExactlyInAnyOrder("ffff00000006", "abab00000007");
	}

	@Test
	void writesRevisionFilesOnTopOfTheHead(TestDatabase db) throws Exception {
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(this.files.location())
			.outputDirectory(this.directory).load();
		Path file = migrations.revision("add custom GIN index");
		String text = Files.readString(file);
		assertThat(file.getFileName().toString()).matches("[0-9a-f]{12}_add_custom_gin_index\\.sql");
		assertThat(text).startsWith("-- revision: " + file.getFileName().toString().substring(0, 12) + "\n-- down_revision: " + E
				+ "\n-- message: add custom GIN index\n-- created: ");
		assertThat(text).contains("\n-- upgrade\n").contains("\n-- downgrade\n");
		// the instance sees its own new revision
		assertThat(migrations.graph().heads()).containsExactly(file.getFileName().toString().substring(0, 12));
	}

	@Test
	void showAndHistoryReportStates(TestDatabase db) {
		Migrations migrations = migrations(db);
		migrations.upgrade(C);
		List<RevisionInfo> history = migrations.history();
		assertThat(history).extracting(RevisionInfo::revision).containsExactly(E, M, C, B, A);
		assertThat(history).extracting(RevisionInfo::state).containsExactly(RevisionInfo.State.PENDING,
				RevisionInfo.State.PENDING, RevisionInfo.State.APPLIED, RevisionInfo.State.PENDING, RevisionInfo.State.APPLIED);
		RevisionInfo shown = migrations.show("dddd");
		assertThat(shown.downRevisions()).containsExactly(B, C);
		assertThat(shown.message()).isEqualTo("merge with deal");
		assertThat(shown.source()).endsWith(M + "_merge_with_deal.sql");
	}

	@Test
	void keepsVersionTablesAndRevisionsInTheConfiguredSchema(TestDatabase db) throws Exception {
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(this.files.location())
			.schema("crm").versionTable("schema_revisions").load();
		migrations.upgrade("head");
		assertThat(Sql.column(db.dataSource(), "select table_name from information_schema.tables where table_schema = 'crm'"
				+ " order by 1")).containsExactly("account", "bulletin", "contact", "deal", "schema_revisions",
						"schema_revisions_log");
		assertThat(Sql.postgresTables(db.dataSource())).isEmpty();
		assertThat(migrations.current()).containsExactly(E);
		// a connection handed back to a pool keeps its own search_path
		try (java.sql.Connection connection = db.connection()) {
			connection.createStatement().execute("set search_path to public, pg_catalog");
			javax.sql.DataSource single = dev.migrations.TestDataSources.singleConnection(connection);
			Migrations.configure().dataSource(single).locations(this.files.location()).schema("crm")
				.versionTable("schema_revisions").load().downgrade("-1");
			try (java.sql.ResultSet rs = connection.createStatement().executeQuery("show search_path")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("public, pg_catalog");
			}
		}
		assertThat(migrations.current()).containsExactly(M);
	}

	@Test
	void reportsUnknownTargetsClearly(TestDatabase db) {
		Migrations migrations = migrations(db);
		assertThatThrownBy(() -> migrations.upgrade("zzzz9999")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("zzzz9999");
		assertThatThrownBy(() -> migrations.downgrade("-1")).isInstanceOf(MigrationsException.class);
		assertThat(Sql.column(db.dataSource(), "select count(*) from migrations_version")).containsExactly("0");
	}

}
