package dev.migrations.runner;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A version table edited by hand: the message names the table, the row and the way back. */
@ExtendWith(TestDatabaseExtension.class)
class TamperedVersionTablePostgresTest {

	@TempDir
	Path directory;

	Migrations migrations(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "CREATE TABLE two (id int);", "DROP TABLE two;");
		return Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
	}

	@Test
	void aStateThisToolNeverWritesIsNamedWithTheRowToFix(TestDatabase db) {
		Migrations migrations = migrations(db);
		migrations.upgrade("head");
		Sql.execute(db.dataSource(), "UPDATE migrations_version SET state = 'WEIRD' WHERE revision = 'bbbb00000002'");

		for (Runnable command : new Runnable[] { migrations::status, () -> migrations.upgrade("head"),
				() -> migrations.downgrade("-1"), () -> migrations.stamp("aaaa00000001") }) {
			assertThatThrownBy(command::run).isInstanceOf(MigrationsException.class)
				.hasMessageStartingWith("migrations_version records revision bbbb00000002 in state 'WEIRD', which this tool"
						+ " never writes")
				.hasMessageContaining("UPDATE migrations_version SET state = 'APPLIED' WHERE revision = 'bbbb00000002'");
		}
		// the advice works
		Sql.execute(db.dataSource(), "UPDATE migrations_version SET state = 'APPLIED' WHERE revision = 'bbbb00000002'");
		assertThat(migrations.current()).containsExactly("bbbb00000002");
	}

	@Test
	void aVersionTableLackingAColumnIsNamed(TestDatabase db) {
		Migrations migrations = migrations(db);
		migrations.upgrade("aaaa00000001");
		Sql.execute(db.dataSource(), "ALTER TABLE migrations_version DROP COLUMN checksum");

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("Database error: ERROR: column \"checksum\" does not exist")
			.hasMessageContaining("migrations_version or migrations_version_log lacks a column this tool reads and writes")
			.hasMessageContaining("`db upgrade --sql` against an empty database prints the CREATE TABLE statements");
	}

	@Test
	void anotherTableUnderTheVersionTablesNameIsLeftAloneAndAnotherNameAdvised(TestDatabase db) {
		// the application's own table happens to carry the name
		Sql.execute(db.dataSource(), "CREATE TABLE migrations_version (id int PRIMARY KEY, name text)");
		Sql.execute(db.dataSource(), "INSERT INTO migrations_version VALUES (1, 'kept')");

		assertThatThrownBy(() -> migrations(db).upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("Database error: ERROR: column \"revision\" does not exist")
			.hasMessageContaining("or it is another table under the same name")
			.hasMessageContaining("leave it as it is and give migrations version tables of their own:"
					+ " migrations.version-table=<a name not taken>");
		assertThat(Sql.column(db.dataSource(), "SELECT id || ':' || name FROM migrations_version")).containsExactly("1:kept");
	}

}
