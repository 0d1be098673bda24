package dev.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run over tenants to a target counted from where each tenant stands ({@code -1}, {@code +1}) that fails in one
 * tenant: running the same command again would move the tenants already done one step more, so the summary says to
 * run it for the failed tenants only, and doing so leaves the others where they are.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantRelativeTargetPostgresTest {

	private static final String ACCOUNT = "dddd00000001";

	private static final String INVOICE = "dddd00000002";

	private static final String NOTE = "dddd00000003";

	@TempDir
	Path directory;

	@Test
	void aDowngradeByOneStepThatFailsInOneTenantAdvisesRunningItForThatTenantOnly(TestDatabase db) throws SQLException {
		writeRevisions();
		TenantMigrations tenants = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.load().tenants().schemas("t_a", "t_b", "t_c").parallelism(2).build();
		assertThat(tenants.upgrade("head").succeeded()).isTrue();
		execute(db, "CREATE TABLE t_b.blocker (note_id int REFERENCES t_b.note (id))");

		TenantRun run = tenants.downgrade("-1", TenantSelector.all());

		assertThat(run.failed()).extracting((o) -> o.tenant()).containsExactly("t_b");
		assertThat(run.summary().lines().reduce((first, second) -> second)).hasValue("The other tenants are done. Fix what"
				+ " failed, then run it for the failed tenants only (--tenant t_b): -1 counts from where each tenant stands,"
				+ " so the same command on every tenant would move those already done once more.");
		assertThat(run.countsFromEachTenant()).isTrue();

		execute(db, "DROP TABLE t_b.blocker");
		assertThat(tenants.downgrade("-1", TenantSelector.parse("t_b")).succeeded()).isTrue();
		for (String tenant : List.of("t_a", "t_b", "t_c")) {
			assertThat(tenants.current(tenant)).as(tenant).containsExactly(INVOICE);
			assertThat(tables(db, tenant)).as(tenant).contains("account", "invoice").doesNotContain("note");
		}
	}

	@Test
	void aDowngradeByTwoStepsThatFailsHalfWayInOneTenantAdvisesTheRevisionItWasGoingTo(TestDatabase db)
			throws SQLException {
		writeRevisions();
		TenantMigrations tenants = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.load().tenants().schemas("t_a", "t_b").build();
		assertThat(tenants.upgrade("head").succeeded()).isTrue();
		execute(db, "CREATE TABLE t_b.blocker (invoice_id int REFERENCES t_b.invoice (id))");

		TenantRun run = tenants.downgrade("-2", TenantSelector.all());

		assertThat(tenants.current("t_b")).containsExactly(INVOICE);
		assertThat(run.summary().lines().reduce((first, second) -> second)).hasValue("The other tenants are done. Fix what"
				+ " failed, then take each failed tenant (--tenant t_b) where -2 was taking it, with the command its error"
				+ " ends with (`db downgrade REVISION --tenant NAME`): -2 counts from where each tenant stands, so the same"
				+ " command again would move those already done, and a failed tenant that went part of the way, too far.");
		assertThat(run.failed()).singleElement().satisfies((failed) -> assertThat(failed.failure().getMessage())
			.endsWith("Fix the statement and run `db downgrade " + ACCOUNT + "` again."));
	}

	@Test
	void anUpgradeToARevisionStillAdvisesRunningTheSameCommandAgain(TestDatabase db) throws SQLException {
		writeRevisions();
		TenantMigrations tenants = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.load().tenants().schemas("t_a", "t_b").build();
		assertThat(tenants.upgrade(INVOICE).succeeded()).isTrue();
		execute(db, "CREATE TABLE t_b.note (id int)");

		TenantRun run = tenants.upgrade("+1", TenantSelector.all());

		assertThat(run.failed()).extracting((o) -> o.tenant()).containsExactly("t_b");
		assertThat(run.summary()).endsWith("then run it for the failed tenants only (--tenant t_b): +1 counts from where"
				+ " each tenant stands, so the same command on every tenant would move those already done once more.");

		TenantRun toHead = tenants.upgrade("head", TenantSelector.all());
		assertThat(toHead.countsFromEachTenant()).isFalse();
		assertThat(toHead.summary()).contains("then run the same command again: only the tenants not yet at the target"
				+ " change (select them with --tenant t_b).");
	}

	private void writeRevisions() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "account", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		files.write(INVOICE, ACCOUNT, "invoice", "CREATE TABLE invoice (id int PRIMARY KEY);", "DROP TABLE invoice;");
		files.write(NOTE, INVOICE, "note", "CREATE TABLE note (id int PRIMARY KEY);", "DROP TABLE note;");
	}

	private static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
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
