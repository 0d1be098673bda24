package dev.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.diff.Difference;
import dev.migrations.entity.EntitySource;
import dev.migrations.tenant.TenantCheck;
import dev.migrations.tenant.TenantChecks;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.tenantcheck.Ledger;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the single-schema commands tell about one tenant, and {@code check} over many tenants, on a
 * real PostgreSQL.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantMigrationsCheckTest {

	private static final String LEDGER = "eeee00000001";

	private static final String NOTE = "eeee00000002";

	@TempDir
	Path directory;

	@Test
	void checkComparesEachTenantsSchemaWithTheEntitiesAndNamesTheOneThatDiffers(TestDatabase db) throws SQLException {
		writeRevisions();
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", "t_b", "t_c").parallelism(2).build();
		assertThat(tenants.upgrade("head").succeeded()).isTrue();
		execute(db, "ALTER TABLE t_b.ledger ADD COLUMN note text");

		TenantChecks checks = tenants.check(TenantSelector.all());

		assertThat(checks.checks()).extracting(TenantCheck::tenant).containsExactly("t_a", "t_b", "t_c");
		assertThat(checks.inSync()).isFalse();
		assertThat(checks.failed()).isEmpty();
		assertThat(checks.differing()).singleElement().satisfies((check) -> {
			assertThat(check.tenant()).isEqualTo("t_b");
			assertThat(check.differences()).extracting(Difference::detail).singleElement().asString().contains("note");
		});
		assertThat(checks.summary()).endsWith("2 match the entities, 1 differ, 0 could not be compared.");
		assertThat(tenants.check("t_a")).isEmpty();
		assertThat(tenants.check(TenantSelector.parse("t_a,t_c")).inSync()).isTrue();
	}

	@Test
	void aTenantThatCannotBeComparedIsReportedAndTheOthersAreChecked(TestDatabase db) throws SQLException {
		writeRevisions();
		PGSimpleDataSource unreachable = new PGSimpleDataSource();
		unreachable.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
		unreachable.setConnectTimeout(5);
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a")
			.dataSources(Map.of("gone", unreachable)).build();
		tenants.upgrade("head", TenantSelector.of("t_a"));

		TenantChecks checks = tenants.check(TenantSelector.all());

		assertThat(checks.failed()).singleElement().satisfies((check) -> {
			assertThat(check.tenant()).isEqualTo("gone");
			assertThat(check.error()).isNotBlank();
		});
		assertThat(checks.differing()).isEmpty();
		assertThat(checks.summary()).endsWith("1 match the entities, 0 differ, 1 could not be compared.");
	}

	@Test
	void historyAndShowGiveTheTenantsStateAndItsSqlWithPlaceholdersReplaced(TestDatabase db) {
		writeRevisions();
		TenantMigrations tenants = migrations(db.dataSource()).tenants().schemas("t_a", "t_b").build();
		tenants.upgrade(LEDGER, TenantSelector.of("t_a"));

		assertThat(tenants.history("t_a")).extracting(RevisionInfo::revision, RevisionInfo::state)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(NOTE, RevisionInfo.State.PENDING),
					org.assertj.core.groups.Tuple.tuple(LEDGER, RevisionInfo.State.APPLIED));
		assertThat(tenants.show("t_b", LEDGER).state()).isEqualTo(RevisionInfo.State.PENDING);
		Migrations one = tenants.forTenant("t_b");
		assertThat(one.schema()).isEqualTo("t_b");
		assertThat(one.upgradeSql("head")).contains("SELECT 't_b'");
		assertThat(one.status().pending()).containsExactly(LEDGER, NOTE);
	}

	private void writeRevisions() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(LEDGER, "none", "ledger", "CREATE TABLE ledger (id bigint PRIMARY KEY, name varchar(80) NOT NULL);",
				"DROP TABLE ledger;");
		files.write(NOTE, LEDGER, "owner", "CREATE FUNCTION ledger_owner() RETURNS text LANGUAGE sql AS $$ SELECT"
				+ " '${tenant}' $$;", "DROP FUNCTION ledger_owner();");
	}

	private Migrations migrations(DataSource dataSource) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + this.directory)
			.entities(EntitySource.of(Ledger.class)).load();
	}

	private static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
