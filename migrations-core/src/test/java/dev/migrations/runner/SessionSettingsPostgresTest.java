package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.revision.JavaRevision;
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

	@Test
	void aRoleOrSessionUserARevisionSetsOwnsNeitherTheNextRevisionsTablesNorTheVersionTableRows(TestDatabase db)
			throws SQLException {
		String role = "mig_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Sql.execute(db.dataSource(), "CREATE ROLE " + role);
		try {
			RevisionFiles files = new RevisionFiles(this.directory);
			files.write("aaaa00000001", "none", "as another role", "GRANT CREATE ON SCHEMA public TO " + role + ";\nSET ROLE "
					+ role + ";\nCREATE TABLE owned_by_role (id int);", "DROP TABLE owned_by_role;");
			files.write("bbbb00000002", "aaaa00000001", "plain", "CREATE TABLE after_role (id int);", "DROP TABLE after_role;");
			files.write("cccc00000003", "bbbb00000002", "as another session user", "-- transactional: false\n",
					"SET SESSION AUTHORIZATION " + role + ";\nCREATE TABLE owned_by_session_user (id int);",
					"DROP TABLE owned_by_session_user;");
			files.write("dddd00000004", "cccc00000003", "plain again", "CREATE TABLE after_session_user (id int);",
					"DROP TABLE after_session_user;");
			try (Connection connection = db.dataSource().getConnection()) {
				String user = Sql.column(db.dataSource(), "select current_user").get(0);
				Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
					.locations(files.location()).load();

				migrations.upgrade("head");

				assertThat(Sql.column(db.dataSource(), "select tablename || ' ' || tableowner from pg_tables"
						+ " where schemaname = 'public' order by 1")).containsExactly("after_role " + user,
								"after_session_user " + user, "migrations_version " + user, "migrations_version_log " + user,
								"owned_by_role " + role, "owned_by_session_user " + role);
				// the connection goes back to the pool as it came
				assertThat(column(connection, "select current_user || ' ' || session_user"))
					.containsExactly(user + " " + user);
				migrations.downgrade("base");
			}
		}
		finally {
			Sql.execute(db.dataSource(), "DROP OWNED BY " + role);
			Sql.execute(db.dataSource(), "DROP ROLE " + role);
		}
	}

	@Test
	void temporaryTablesListensPreparedStatementsAndAdvisoryLocksARevisionLeavesEndWithIt(TestDatabase db)
			throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "leaves things in the session", "CREATE TEMP TABLE staging (id int);\n"
				+ "INSERT INTO staging VALUES (0);\nLISTEN changes;\nPREPARE lookup AS SELECT 1;\n"
				+ "SELECT pg_advisory_lock(4242);\nSELECT pg_advisory_lock_shared(1, 2);", "SELECT 1;");
		// a table of the same name as the temporary one, and a statement of the same name
		files.write("bbbb00000002", "aaaa00000001", "plain", "-- transactional: false\n", "CREATE TABLE staging (id int);\n"
				+ "INSERT INTO staging VALUES (1);\nPREPARE lookup AS SELECT 2;\nDEALLOCATE lookup;", "DROP TABLE staging;");
		try (Connection connection = db.dataSource().getConnection()) {
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
				.locations(files.location()).load();

			migrations.upgrade("head");

			assertThat(Sql.column(db.dataSource(), "select id from public.staging")).containsExactly("1");
			// the connection goes back to the pool as it came
			assertThat(column(connection, "select count(*) from pg_class where relnamespace = pg_my_temp_schema()"
					+ " union all select count(*) from pg_listening_channels()"
					+ " union all select count(*) from pg_prepared_statements where from_sql"
					+ " union all select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()"))
				.containsExactly("0", "0", "0", "0");
		}
	}

	@Test
	void settingsAJavaRevisionChangesEndWithIt(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "other schema", "CREATE SCHEMA other;", "DROP SCHEMA other;");
		files.write("cccc00000003", "java00000002", "plain", "SELECT pg_sleep(0.3);\nCREATE TABLE in_public (id int);",
				"DROP TABLE in_public;");
		try (Connection connection = db.dataSource().getConnection()) {
			List<String> before = column(connection, "select current_setting('search_path') || ' '"
					+ " || current_setting('statement_timeout')");
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
				.locations(files.location()).javaRevisions(List.of(new SettingRevision())).load();

			migrations.upgrade("head");

			assertThat(Sql.column(db.dataSource(), "select table_schema || '.' || table_name from information_schema.tables"
					+ " where table_schema in ('public', 'other') and table_name not like 'migrations%' order by 1"))
				.containsExactly("other.in_other", "public.in_public");
			assertThat(column(connection, "select current_setting('search_path') || ' '"
					+ " || current_setting('statement_timeout')")).isEqualTo(before);
		}
	}

	@Test
	void aTransactionAJavaRevisionOutsideOneOpensAndLeavesOpenIsCommittedWithIt(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "first", "CREATE TABLE first (id int);", "DROP TABLE first;");
		try (Connection connection = db.dataSource().getConnection()) {
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
				.locations(files.location()).javaRevisions(List.of(new BeginningRevision())).load();

			migrations.upgrade("head");

			// another session sees the revision's table and its row as applied: nothing was left uncommitted
			assertThat(Sql.column(db.dataSource(), "select revision || ' ' || state from migrations_version order by 1"))
				.containsExactly("aaaa00000001 APPLIED", "java00000002 APPLIED");
			assertThat(Sql.column(db.dataSource(), "select count(*) from begun")).containsExactly("1");
			// and the connection goes back to the pool out of it
			String pid = column(connection, "select pg_backend_pid()").get(0);
			assertThat(Sql.column(db.dataSource(), "select state from pg_stat_activity where pid = " + pid))
				.containsExactly("idle");
		}
	}

	/** Runs outside a transaction, opens one with BEGIN and leaves it open. */
	static class BeginningRevision extends SettingRevision {

		@Override
		public boolean transactional() {
			return false;
		}

		@Override
		public void upgrade(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("BEGIN");
				statement.execute("CREATE TABLE begun (id int)");
				statement.execute("INSERT INTO begun VALUES (1)");
			}
		}

	}

	/** Sets the session's search_path and statement_timeout, as a Java revision may. */
	static class SettingRevision implements JavaRevision {

		@Override
		public String revision() {
			return "java00000002";
		}

		@Override
		public List<String> downRevisions() {
			return List.of("aaaa00000001");
		}

		@Override
		public String message() {
			return "sets the session";
		}

		@Override
		public void upgrade(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET search_path TO other");
				statement.execute("SET statement_timeout = 100");
				statement.execute("CREATE TABLE in_other (id int)");
			}
		}

		@Override
		public void downgrade(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE other.in_other");
			}
		}

	}

	private static List<String> column(Connection connection, String sql) throws SQLException {
		List<String> values = new java.util.ArrayList<>();
		try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
