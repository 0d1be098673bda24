package dev.migrations;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantState;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TenantMigrations} with a database per tenant: named PostgreSQL data sources, and MariaDB,
 * where a schema is a database.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantMigrationsDatabasesTest {

	@TempDir
	Path directory;

	@Test
	void eachNamedDataSourceIsATenantWithItsOwnVersionTable(TestDatabase north, TestDatabase south) throws SQLException {
		writeRevisions("text");
		Sql.execute(south.dataSource(), "CREATE TABLE invoice (id int)");
		Map<String, DataSource> databases = new LinkedHashMap<>();
		databases.put("north", north.dataSource());
		databases.put("south", south.dataSource());
		TenantMigrations tenants = Migrations.configure().dataSource(north.dataSource())
			.locations("filesystem:" + this.directory).load().tenants().dataSources(databases).build();

		TenantRun run = tenants.upgrade("head");

		assertThat(run.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.tenant()).isEqualTo("south");
			assertThat(failed.failedRevision()).isEqualTo("bbbb00000002");
			assertThat(failed.error()).contains("relation \"invoice\" already exists");
		});
		assertThat(tenants.current("north")).containsExactly("bbbb00000002");
		assertThat(tenants.current("south")).containsExactly("aaaa00000001");
		assertThat(tenants.state("south").state()).isEqualTo(TenantState.State.FAILED);

		Sql.execute(south.dataSource(), "DROP TABLE invoice");
		assertThat(tenants.upgrade("head").outcomes()).filteredOn(TenantOutcome::changed)
			.extracting(TenantOutcome::tenant).containsExactly("south");
	}

	@Test
	void onMariaDbEachTenantSchemaIsADatabase(@MariaDb TestDatabase first, @MariaDb TestDatabase second) throws SQLException {
		writeRevisions("varchar(50)");
		Sql.execute(second.dataSource(), "CREATE TABLE invoice (id int)");
		TenantMigrations tenants = Migrations.configure().dataSource(first.dataSource())
			.locations("filesystem:" + this.directory).load().tenants().schemas(first.name(), second.name()).build();

		TenantRun run = tenants.upgrade("head");

		assertThat(run.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.tenant()).isEqualTo(second.name());
			assertThat(failed.failedRevision()).isEqualTo("bbbb00000002");
			assertThat(failed.error()).contains("Table 'invoice' already exists");
		});
		assertThat(tenants.current(first.name())).containsExactly("bbbb00000002");
		// without transactional DDL the failed revision is recorded as failed, and stays so until resolved
		assertThat(tenants.state(second.name())).satisfies((state) -> {
			assertThat(state.state()).isEqualTo(TenantState.State.FAILED);
			assertThat(state.failedRevision()).isEqualTo("bbbb00000002");
		});
		TenantRun rerun = tenants.upgrade("head");
		assertThat(rerun.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.tenant()).isEqualTo(second.name());
			assertThat(failed.failedRevision()).isEqualTo("bbbb00000002");
			assertThat(failed.error()).startsWith("it did not complete in an earlier run");
		});
		assertThat(Sql.column(first.dataSource(), "SELECT revision FROM " + first.name() + ".migrations_version"))
			.containsExactlyInAnyOrder("aaaa00000001", "bbbb00000002");
		assertThat(run.summary()).contains("\n  " + second.name() + ": revision bbbb00000002 failed: ");
	}

	private void writeRevisions(String textType) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "account", "CREATE TABLE account (id int PRIMARY KEY, email " + textType + ");",
				"DROP TABLE account;");
		files.write("bbbb00000002", "aaaa00000001", "invoice", "CREATE TABLE invoice (id int PRIMARY KEY);",
				"DROP TABLE invoice;");
	}

}
