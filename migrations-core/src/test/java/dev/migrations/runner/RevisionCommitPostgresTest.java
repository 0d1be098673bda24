package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * On PostgreSQL a revision's version-table row and log entry go to the server together with its
 * commit: whichever of the three fails, the revision is rolled back with its row, the failure is
 * logged, and the connection is left as it was for the next revision or its next user.
 */
@ExtendWith(TestDatabaseExtension.class)
class RevisionCommitPostgresTest {

	@TempDir
	Path directory;

	@Test
	void aRevisionWhoseCommitFailsIsRolledBackWithItsRow(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		// the foreign key is checked at the commit, so every statement of the revision succeeds
		files.write("bbbb00000002", "aaaa00000001", "child",
				"CREATE TABLE child (id int, one_id int REFERENCES one DEFERRABLE INITIALLY DEFERRED);\n"
						+ "INSERT INTO child VALUES (1, 42);",
				"DROP TABLE child;");
		files.write("cccc00000003", "bbbb00000002", "three", "CREATE TABLE three (id int);", "DROP TABLE three;");
		try (Connection connection = db.connection()) {
			DataSource pooled = TestDataSources.singleConnection(connection);
			Migrations migrations = Migrations.configure().dataSource(pooled).locations(files.location()).load();

			MigrationsException failure = catchThrowableOfType(MigrationsException.class, () -> migrations.upgrade("head"));

			assertThat(failure.getMessage().lines().findFirst().orElseThrow())
				.startsWith("Could not commit revision bbbb00000002 (")
				.contains("violates foreign key constraint");
			assertThat(failure.getMessage()).contains("The revision was rolled back; run `db upgrade` again.");
			assertThat(Sql.postgresTables(pooled)).containsExactly("migrations_version", "migrations_version_log", "one");
			assertThat(Sql.column(pooled, "select revision from migrations_version order by applied_seq"))
				.containsExactly("aaaa00000001");
			assertThat(Sql.column(pooled, "select operation from migrations_version_log where revision = 'bbbb00000002'"))
				.containsExactly("FAILED");
			// the connection goes back in auto-commit mode, with the server's durability setting
			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(Sql.column(pooled, "SHOW synchronous_commit")).containsExactly("on");
			assertThat(migrations.current()).containsExactly("aaaa00000001");
		}
	}

	@Test
	void aVersionRowThatCannotBeWrittenRollsTheRevisionBack(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "CREATE TABLE two (id int PRIMARY KEY);", "DROP TABLE two;");
		files.write("cccc00000003", "bbbb00000002", "three", "CREATE TABLE three (id int);", "DROP TABLE three;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");
		Sql.execute(db.dataSource(), "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "IF NEW.revision = 'bbbb00000002' THEN RAISE EXCEPTION 'no row for %', NEW.revision; END IF; RETURN NEW; END $$");
		Sql.execute(db.dataSource(), "CREATE TRIGGER refuse BEFORE INSERT ON migrations_version FOR EACH ROW EXECUTE FUNCTION refuse()");

		MigrationsException failure = catchThrowableOfType(MigrationsException.class, () -> migrations.upgrade("head"));

		assertThat(failure.getMessage()).startsWith("Could not commit revision bbbb00000002 (").contains("no row for bbbb00000002");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log", "one");
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version order by applied_seq"))
			.containsExactly("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "select operation from migrations_version_log order by id"))
			.containsExactly("UPGRADE", "FAILED");

		Sql.execute(db.dataSource(), "DROP TRIGGER refuse ON migrations_version");
		migrations.upgrade("head");

		assertThat(Sql.column(db.dataSource(), "select revision || ' ' || applied_seq from migrations_version order by applied_seq"))
			.containsExactly("aaaa00000001 1", "bbbb00000002 2", "cccc00000003 3");
	}

	@Test
	void aDowngradeWhoseRowCannotBeRemovedIsRolledBack(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "CREATE TABLE two (id int PRIMARY KEY);", "DROP TABLE two;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("head");
		Sql.execute(db.dataSource(), "CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "RAISE EXCEPTION 'keeping %', OLD.revision; END $$");
		Sql.execute(db.dataSource(), "CREATE TRIGGER keep BEFORE DELETE ON migrations_version FOR EACH ROW EXECUTE FUNCTION keep()");

		MigrationsException failure = catchThrowableOfType(MigrationsException.class, () -> migrations.downgrade("base"));

		assertThat(failure.getMessage()).startsWith("Could not commit the downgrade of revision bbbb00000002 (")
			.contains("keeping bbbb00000002");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log", "one",
				"two");
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version order by applied_seq"))
			.containsExactly("aaaa00000001", "bbbb00000002");
		assertThat(Sql.column(db.dataSource(), "select operation from migrations_version_log order by id"))
			.containsExactly("UPGRADE", "UPGRADE", "FAILED");
	}

}
