package dev.migrations.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.test.TestDatabases;
import dev.migrations.dialect.PostgresDialect;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a revision does to its session that the tool itself relies on, and settings whose values need quoting: the
 * session the run began with is what every revision starts from.
 */
@ExtendWith(TestDatabaseExtension.class)
class SessionStatePostgresTest {

	/** Fails the revision it runs in unless the session holds the migrations lock. */
	private static final String LOCK_HELD = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
			+ " AND pid = pg_backend_pid() AND objsubid = 2 AND granted) THEN RAISE EXCEPTION 'migrations lock not held';"
			+ " END IF; END $$;";

	@TempDir
	Path directory;

	@Test
	void theMigrationsLockARevisionReleasesIsTakenBackBeforeTheNextRevision(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "unlocks all", "SELECT pg_advisory_unlock_all();\nCREATE TABLE a (id int);",
				"DROP TABLE a;");
		files.write("bbbb00000002", "aaaa00000001", "checks", LOCK_HELD, "SELECT 1;");
		// enough revisions before it for the driver to prepare its own statements on the server, which DISCARD ALL drops
		String last = "bbbb00000002";
		for (int i = 10; i < 20; i++) {
			files.write("b0" + i + "00000000", last, "plain " + i, "CREATE TABLE p" + i + " (id int);", "DROP TABLE p" + i + ";");
			last = "b0" + i + "00000000";
		}
		files.write("cccc00000003", last, "discards", "-- transactional: false\n", "DISCARD ALL;", LOCK_HELD);
		files.write("dddd00000004", "cccc00000003", "checks again", LOCK_HELD + "\nCREATE TABLE d (id int);",
				"SELECT pg_advisory_unlock_all();\nDROP TABLE d;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		migrations.upgrade("head");

		assertThat(migrations.current()).containsExactly("dddd00000004");
		assertThat(Sql.postgresTables(db.dataSource())).contains("a", "d");
		// a downgrade's unlock as well: the revision after it runs under the lock
		migrations.downgrade(last);
		assertThat(migrations.current()).containsExactly(last);
	}

	@Test
	void aRevisionAfterWhichAnotherSessionTookTheMigrationsLockFails(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "a table", "CREATE TABLE a (id int);", "DROP TABLE a;");
		try (Connection other = db.dataSource().getConnection()) {
			LockTakingRevision.other = other;
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
				.javaRevisions(List.of(new LockTakingRevision())).load();

			assertThatThrownBy(() -> migrations.upgrade("head"))
				.hasMessageStartingWith("Could not commit revision java00000002")
				.hasMessageContaining("another session took it meanwhile");
			// rolled back: not recorded, its table not created
			assertThat(migrations.current()).containsExactly("aaaa00000001");
			assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("taken");
		}
		finally {
			LockTakingRevision.other = null;
		}
	}

	/** Releases the session's advisory locks, and another session takes the migrations lock before it ends. */
	static class LockTakingRevision extends SessionSettingsPostgresTest.SettingRevision {

		static Connection other;

		@Override
		public void upgrade(Connection connection) throws SQLException {
			List<String> lock = column(connection, "select 'select pg_advisory_lock(' || (classid::int8 - case when"
					+ " classid::int8 > 2147483647 then 4294967296 else 0 end) || ', ' || (objid::int8 - case when objid::int8"
					+ " > 2147483647 then 4294967296 else 0 end) || ')' from pg_locks where locktype = 'advisory'"
					+ " and pid = pg_backend_pid() and objsubid = 2");
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE taken (id int)");
				statement.execute("SELECT pg_advisory_unlock_all()");
			}
			try (Statement statement = other.createStatement()) {
				statement.execute(lock.get(0));
			}
		}

	}

	@Test
	void settingsWhoseValuesNeedQuotingArePutBackAsTheyWere(TestDatabase db) throws SQLException {
		Sql.execute(db.dataSource(), "CREATE SCHEMA \"app, x y\"");
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "changes them", "SET search_path TO public;\nSET TIME ZONE 'America/New_York';\n"
				+ "SET datestyle = 'ISO, DMY';\nCREATE TABLE in_public (id int);", "DROP TABLE public.in_public;");
		files.write("bbbb00000002", "aaaa00000001", "resets them", "RESET ALL;\nCREATE TABLE also_in_public (id int);",
				"DROP TABLE public.also_in_public;");
		files.write("cccc00000003", "bbbb00000002", "plain", "CREATE TABLE in_app (d date);", "DROP TABLE in_app;");
		try (Connection connection = db.dataSource().getConnection()) {
			String settings = "select current_setting('search_path') || ' | ' || current_setting('TimeZone') || ' | '"
					+ " || current_setting('DateStyle')";
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET search_path TO \"app, x y\", public");
				statement.execute("SET TIME ZONE 'Europe/Paris'");
				statement.execute("SET datestyle = 'ISO, YMD'");
			}
			List<String> before = column(connection, settings);
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
				.locations(files.location()).load();

			migrations.upgrade("head");

			assertThat(column(connection, settings)).isEqualTo(before);
			assertThat(Sql.column(db.dataSource(), "select table_schema || '.' || table_name from information_schema.tables"
					+ " where table_schema in ('public', 'app, x y') and table_name not like 'migrations%' order by 1"))
				.containsExactly("app, x y.in_app", "public.also_in_public", "public.in_public");
			assertThat(Sql.column(db.dataSource(), "select table_schema from information_schema.tables"
					+ " where table_name = 'migrations_version'")).containsExactly("app, x y");
		}
	}

	@Test
	void aSettingAfterACommentAndTheSessionsOwnTemporaryTables(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "commented", "CREATE SCHEMA other;\n-- the next tables go to other\n"
				+ "SET search_path TO other;\nCREATE TABLE in_other (id int);\n/* a temporary table of its own */"
				+ " CREATE TEMP TABLE staging (id int);\nINSERT INTO staging VALUES (1);\nINSERT INTO in_other SELECT id FROM staging;",
				"DROP SCHEMA other CASCADE;");
		files.write("bbbb00000002", "aaaa00000001", "plain", "CREATE TABLE in_public (id int);", "DROP TABLE in_public;");
		try (Connection connection = db.dataSource().getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TEMP TABLE pool_own (id int)");
			}
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
				.locations(files.location()).load();

			migrations.upgrade("head");

			assertThat(Sql.column(db.dataSource(), "select table_schema || '.' || table_name from information_schema.tables"
					+ " where table_schema in ('public', 'other') and table_name not like 'migrations%' order by 1"))
				.containsExactly("other.in_other", "public.in_public");
			assertThat(Sql.column(db.dataSource(), "select id from other.in_other")).containsExactly("1");
			// the application's own temporary table stays, the revision's is dropped
			assertThat(column(connection, "select relname from pg_class where relnamespace = pg_my_temp_schema()"
					+ " and relkind = 'r'")).containsExactly("pool_own");
		}
	}

	@Test
	void aSettingTheDriverCannotWorkWithFailsTheRevisionSayingSo(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "dates", "CREATE TABLE t (id int);\nSET datestyle = 'SQL, DMY';", "DROP TABLE t;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).hasMessageContaining("DateStyle")
			.hasMessageContaining("The JDBC driver closed the connection because the statement changed a setting the driver"
					+ " depends on")
			.hasMessageNotContaining("once the server accepts connections again");
		assertThat(Sql.postgresTables(db.dataSource())).containsExactly("migrations_version", "migrations_version_log");
	}

	@Test
	void aRevisionThatChangesNothingCostsNoStatement(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "plain", "CREATE TABLE plain (id int);", "DROP TABLE plain;");
		files.write("bbbb00000002", "aaaa00000001", "plain outside", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY plain_id ON plain (id);", "DROP INDEX CONCURRENTLY plain_id;");
		List<String> sql = Collections.synchronizedList(new ArrayList<>());
		Migrations migrations = Migrations.configure().dataSource(TestDataSources.recording(db.dataSource(), sql))
			.locations(files.location()).load();

		migrations.upgrade("head");

		assertThat(sql).noneMatch((text) -> text.contains("pg_settings") || text.contains("pg_catalog.set_config")
				|| text.contains("UNLISTEN") || text.contains("statement_timeout"));
	}

	@Test
	void anOfflineScriptPutsBackTheSessionUserARevisionSets(TestDatabase db) throws Exception {
		Path psql = TestDatabases.psqlExecutable().orElse(null);
		Assumptions.assumeTrue(psql != null, "psql is not installed: the offline script cannot be run through it");
		String role = "mig_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Sql.execute(db.dataSource(), "CREATE ROLE " + role);
		try {
			RevisionFiles files = new RevisionFiles(this.directory);
			files.write("aaaa00000001", "none", "as another session user", "GRANT CREATE ON SCHEMA public TO " + role
					+ ";\nSET SESSION AUTHORIZATION " + role + ";\nCREATE TABLE owned_by_session_user (id int);",
					"DROP TABLE owned_by_session_user;");
			files.write("bbbb00000002", "aaaa00000001", "plain", "CREATE TABLE after_session_user (id int);",
					"DROP TABLE after_session_user;");
			String script = Migrations.configure().dialect(new PostgresDialect()).locations(files.location()).load()
				.upgradeSql("base:head");
			Path file = Files.createTempFile("upgrade", ".sql");
			Files.writeString(file, script);
			Process process = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(),
					db.psqlConnectionUri()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
			Files.delete(file);
			assertThat(process.exitValue()).as(output).isZero();
			String user = Sql.column(db.dataSource(), "select current_user").get(0);
			assertThat(Sql.column(db.dataSource(), "select tablename || ' ' || tableowner from pg_tables"
					+ " where schemaname = 'public' order by 1")).containsExactly("after_session_user " + user,
							"migrations_version " + user, "migrations_version_log " + user,
							"owned_by_session_user " + role);
		}
		finally {
			Sql.execute(db.dataSource(), "DROP OWNED BY " + role);
			Sql.execute(db.dataSource(), "DROP ROLE " + role);
		}
	}

	private static List<String> column(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
