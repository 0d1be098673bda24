package dev.migrations.baseline;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.runner.BelowBaselineException;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adopting a MariaDB schema that Flyway built: the baseline is recorded, what follows runs, and a
 * downgrade stops at the baseline, where DDL would commit table by table and lose the adopted rows.
 */
@ExtendWith(TestDatabaseExtension.class)
class BaselineMariaDbTest {

	@TempDir
	Path directory;

	@Test
	void aFlywaySchemaIsAdoptedAndADowngradeStopsAtTheBaseline(@MariaDb TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create customer", "CREATE TABLE customer (id bigint PRIMARY KEY);",
				"DROP TABLE customer;");
		files.write("bbbb00000002", "aaaa00000001", "add customer email",
				"ALTER TABLE customer ADD COLUMN email varchar(200);", "ALTER TABLE customer DROP COLUMN email;");
		Sql.execute(db.dataSource(), "CREATE TABLE customer (id bigint PRIMARY KEY)");
		Sql.execute(db.dataSource(), "INSERT INTO customer VALUES (7)");
		Sql.execute(db.dataSource(), "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version"
				+ " varchar(50), description varchar(200), type varchar(20), script varchar(1000), success tinyint(1))");
		Sql.execute(db.dataSource(), "INSERT INTO flyway_schema_history VALUES (1, '1', '<< Flyway Baseline >>',"
				+ " 'BASELINE', '<< Flyway Baseline >>', 1)");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.baseline("aaaa00000001").failOnNonEmptySchema(true).load();

		assertThat(migrations.upgrade("head").steps()).extracting((step) -> step.revision()).containsExactly("bbbb00000002");
		migrations.downgrade("aaaa00000001");
		assertThatThrownBy(() -> migrations.downgrade("base")).isInstanceOf(BelowBaselineException.class)
			.hasMessageStartingWith("Refusing to downgrade to base: it would revert aaaa00000001 (create customer)");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "SELECT id FROM customer")).isEqualTo(List.of("7"));
	}

}
