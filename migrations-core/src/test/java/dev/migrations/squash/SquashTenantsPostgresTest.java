package dev.migrations.squash;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TenantMigrations;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A squashed history on many tenants (one schema each): a tenant at the squash point, one in the middle of the
 * replaced history and a new one all reach the head, as one schema does.
 */
@ExtendWith(TestDatabaseExtension.class)
class SquashTenantsPostgresTest {

	static final String R1 = "aaaa00000001";

	static final String R2 = "aaaa00000002";

	static final String R3 = "aaaa00000003";

	static final String R4 = "aaaa00000004";

	@TempDir
	Path directory;

	private void writeHistory() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(R1, "none", "create account", "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);",
				"DROP TABLE account;");
		files.write(R2, R1, "create invoice",
				"CREATE TABLE invoice (id bigint PRIMARY KEY, account_id bigint REFERENCES account (id));",
				"DROP TABLE invoice;");
		files.write(R3, R2, "name accounts", "ALTER TABLE account ADD COLUMN name text;",
				"ALTER TABLE account DROP COLUMN name;");
		files.write(R4, R3, "paid invoices", "ALTER TABLE invoice ADD COLUMN paid boolean NOT NULL DEFAULT false;",
				"ALTER TABLE invoice DROP COLUMN paid;");
	}

	private Migrations migrations(DataSource dataSource) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + this.directory).load();
	}

	private static List<String> rows(TestDatabase db, String schema) {
		return Sql.column(db.dataSource(), "select revision from " + schema + ".migrations_version order by applied_seq");
	}

	// the tenant's schema as the server prints it, without the version tables and the schema's name
	private static List<String> schema(TestDatabase db, String schema) {
		return Sql.postgresSchemaDump(db.dataSource(), schema).stream()
			.filter((line) -> !line.contains("migrations_version"))
			.map((line) -> line.replace(schema + ".", ""))
			.toList();
	}

	@Test
	void tenantsAtThePointInTheMiddleAndNewReachTheHeadThroughASquash(TestDatabase db) {
		writeHistory();
		TenantMigrations before = migrations(db.dataSource()).tenants().schemas("t_at", "t_mid", "t_new").build();
		assertThat(before.upgrade(R3, TenantSelector.of("t_at")).succeeded()).isTrue();
		assertThat(before.upgrade(R1, TenantSelector.of("t_mid")).succeeded()).isTrue();
		Sql.execute(db.dataSource(), "INSERT INTO t_mid.account (id, email) VALUES (1, 'ada@example.com')");

		SquashResult squash = migrations(db.dataSource()).squash(R3, null);

		TenantMigrations after = migrations(db.dataSource()).tenants().schemas("t_at", "t_mid", "t_new").build();
		assertThat(after.status("t_mid").pending()).containsExactly(R2, R3, R4);
		TenantRun run = after.upgrade("head");

		assertThat(run.failed()).isEmpty();
		assertThat(rows(db, "t_at")).containsExactly(squash.revision(), R4);
		assertThat(after.current("t_mid")).containsExactly(R4);
		assertThat(rows(db, "t_mid")).endsWith(R4);
		assertThat(rows(db, "t_new")).containsExactly(squash.revision(), R4);
		assertThat(schema(db, "t_mid")).isEqualTo(schema(db, "t_new")).isNotEmpty();
		assertThat(Sql.column(db.dataSource(), "select email from t_mid.account")).containsExactly("ada@example.com");
		assertThat(after.upgrade("head").failed()).isEmpty();
	}

}
