package dev.migrations.runner;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A revision's session settings end with it: the tool's statements and the next revisions run as they would alone. */
@ExtendWith(TestDatabaseExtension.class)
class SessionSettingsPostgresTest {

	@TempDir
	Path directory;

	@Test
	void settingsARevisionChangesDoNotReachTheVersionTableOrTheNextRevisions(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		// without public on the path, the version table's row could not be written after it
		files.write("aaaa00000001", "none", "other schema", "CREATE SCHEMA other;\nSET search_path TO other;\n"
				+ "CREATE TABLE in_other (id int);", "SET search_path TO other;\nDROP TABLE in_other;\nDROP SCHEMA other;");
		files.write("bbbb00000002", "aaaa00000001", "impatient", "SET statement_timeout = 100;\nSET ROLE NONE;\n"
				+ "SELECT pg_catalog.set_config('application_name', 'changed by a revision', false);", "SELECT 1;");
		files.write("cccc00000003", "bbbb00000002", "plain", "SELECT pg_sleep(0.5);\nCREATE TABLE in_public (id int);",
				"DROP TABLE in_public;");
		files.write("dddd00000004", "cccc00000003", "outside a transaction", "-- transactional: false\n",
				"SET search_path TO other;\nCREATE TABLE also_in_other (id int);", "DROP TABLE other.also_in_other;");
		files.write("eeee00000005", "dddd00000004", "after it", "CREATE TABLE last_in_public (id int);",
				"DROP TABLE last_in_public;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		migrations.upgrade("head");

		assertThat(Sql.column(db.dataSource(), "select table_schema || '.' || table_name from information_schema.tables"
				+ " where table_schema in ('public', 'other') and table_name not like 'migrations%' order by 1"))
			.containsExactly("other.also_in_other", "other.in_other", "public.in_public", "public.last_in_public");
		assertThat(migrations.current()).containsExactly("eeee00000005");

		migrations.downgrade("base");
		assertThat(Sql.column(db.dataSource(), "select nspname from pg_namespace where nspname = 'other'")).isEmpty();
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
	}

}
