package dev.migrations.runner;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order numbers ({@code applied_seq}) of version-table rows, which a run counts on from the table's
 * maximum instead of reading it per row: the same numbers as the table's maximum plus one would give at
 * each insert, after downgrades, failures, rows written outside a transaction, and stamps.
 */
@ExtendWith(TestDatabaseExtension.class)
class AppliedSeqPostgresTest {

	static final String A = "aaaa00000001";

	static final String B = "bbbb00000002";

	static final String C = "cccc00000003";

	static final String ROWS = "select revision || ' ' || applied_seq || ' ' || state from migrations_version order by applied_seq";

	@TempDir
	Path directory;

	/** item → index on it, outside a transaction → tag. */
	private RevisionFiles line() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(A, "none", "create item", "CREATE TABLE item (id int PRIMARY KEY, name text);", "DROP TABLE item;");
		files.write(B, A, "index item name", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY ix_item_name ON item (name);", "DROP INDEX CONCURRENTLY ix_item_name;");
		files.write(C, B, "create tag", "CREATE TABLE tag (id int PRIMARY KEY);", "DROP TABLE tag;");
		return files;
	}

	private Migrations migrations(TestDatabase db, RevisionFiles files) {
		return Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
	}

	@Test
	void upgradesNumberRowsOnFromTheHighestLeftByDowngrades(TestDatabase db) {
		Migrations migrations = migrations(db, line());

		migrations.upgrade("head");
		assertThat(Sql.column(db.dataSource(), ROWS)).containsExactly(A + " 1 APPLIED", B + " 2 APPLIED", C + " 3 APPLIED");

		migrations.downgrade("-2");
		migrations.upgrade("head");
		assertThat(Sql.column(db.dataSource(), ROWS)).containsExactly(A + " 1 APPLIED", B + " 2 APPLIED", C + " 3 APPLIED");

		migrations.downgrade("base");
		migrations.upgrade(A);
		migrations.upgrade("head");
		assertThat(Sql.column(db.dataSource(), ROWS)).containsExactly(A + " 1 APPLIED", B + " 2 APPLIED", C + " 3 APPLIED");
	}

	@Test
	void stepsInOneSessionNumberRowsAsSeparateCommandsDo(TestDatabase db) {
		Migrations migrations = migrations(db, line());

		try (RevisionSteps steps = migrations.steps()) {
			for (String id : List.of(A, B, C)) {
				steps.upgrade(id);
				steps.downgrade(id);
				steps.upgrade(id);
			}
			steps.downgrade(C);
			steps.downgrade(B);
			steps.upgrade(B);
		}

		assertThat(Sql.column(db.dataSource(), ROWS)).containsExactly(A + " 1 APPLIED", B + " 2 APPLIED");
	}

	@Test
	void aRevisionRolledBackTakesNoNumber(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(A, "none", "create item", "CREATE TABLE item (id int PRIMARY KEY);", "DROP TABLE item;");
		files.write(B, A, "broken", "CREATE TABLE item (id int PRIMARY KEY);", "SELECT 1;");
		files.write(C, A, "create tag", "CREATE TABLE tag (id int PRIMARY KEY);", "DROP TABLE tag;");
		Migrations migrations = migrations(db, files);

		try (RevisionSteps steps = migrations.steps()) {
			steps.upgrade(A);
			assertThatThrownBy(() -> steps.upgrade(B)).hasMessageContaining("already exists");
			steps.upgrade(C);
		}

		assertThat(Sql.column(db.dataSource(), ROWS)).containsExactly(A + " 1 APPLIED", C + " 2 APPLIED");
	}

	@Test
	void stampsNumberRowsOnFromTheHighestLeft(TestDatabase db) {
		Migrations migrations = migrations(db, line());

		migrations.stamp(A);
		migrations.stamp("head");
		assertThat(Sql.column(db.dataSource(), ROWS)).containsExactly(A + " 1 APPLIED", B + " 2 APPLIED", C + " 3 APPLIED");

		migrations.stamp("base");
		migrations.upgrade("head");
		assertThat(Sql.column(db.dataSource(), ROWS)).containsExactly(A + " 1 APPLIED", B + " 2 APPLIED", C + " 3 APPLIED");

		migrations.stamp(A);
		migrations.stamp("head");
		assertThat(Sql.column(db.dataSource(), ROWS)).containsExactly(A + " 1 APPLIED", B + " 2 APPLIED", C + " 3 APPLIED");
	}

}
