package dev.migrations.squash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code db squash} of histories with functions, views and triggers on the real PostgreSQL: the squash builds the
 * schema the history builds, as the server prints it, and downgrades to nothing; what it cannot carry is refused.
 */
@ExtendWith(TestDatabaseExtension.class)
class SquashRoutinesPostgresTest {

	@TempDir
	Path directory;

	@TempDir
	Path unsquashed;

	private static Migrations migrations(DataSource dataSource, Path revisions) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + revisions)
			.outputDirectory(revisions).load();
	}

	/** The schema public as the server prints it: tables, constraints, indexes, types, functions, views, triggers. */
	private static List<String> schema(DataSource dataSource) {
		List<String> lines = new ArrayList<>(Sql.postgresSchemaDump(dataSource, "public"));
		lines.addAll(Sql.column(dataSource, """
				select kind || ' ' || name || ': ' || definition from (
				  select 'function' kind, p.proname::text name, pg_get_functiondef(p.oid) definition from pg_proc p
				  where p.pronamespace = 'public'::regnamespace
				  union all select 'view', c.relname, pg_get_viewdef(c.oid) || coalesce(' ' || c.reloptions::text, '')
				  from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'v'
				  union all select 'trigger', t.tgname, pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text from pg_trigger t
				  join pg_class c on c.oid = t.tgrelid where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
				) objects order by 1"""));
		return lines.stream().filter((line) -> !line.contains("migrations_version")).toList();
	}

	/** What is left in public but the version tables: relations, functions, types. */
	private static List<String> leftInPublic(DataSource dataSource) {
		return Sql.column(dataSource, """
				select relname from pg_class where relnamespace = 'public'::regnamespace
				  and relname not like 'migrations\\_version%'
				union all select proname from pg_proc where pronamespace = 'public'::regnamespace
				union all select typname from pg_type where typnamespace = 'public'::regnamespace and typrelid = 0
				  and typelem = 0""");
	}

	@Test
	void aFunctionATableCallsMayTakeAndReturnAnEnumTypeOfTheSchema(TestDatabase db) throws IOException {
		for (Path target : List.of(this.directory, this.unsquashed)) {
			RevisionFiles files = new RevisionFiles(target);
			files.write("abab00000001", "none", "orders with a status", """
					CREATE TYPE status AS ENUM ('new', 'done');
					CREATE FUNCTION default_status() RETURNS status LANGUAGE sql IMMUTABLE AS $$ SELECT 'new'::status $$;
					CREATE FUNCTION open_status(s status) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s <> 'done' $$;
					CREATE TABLE orders (id int PRIMARY KEY, status status NOT NULL DEFAULT default_status(),
					    CONSTRAINT orders_open CHECK (open_status(status)));""",
					"DROP TABLE orders; DROP FUNCTION open_status, default_status; DROP TYPE status;");
			files.write("abab00000002", "abab00000001", "note", "ALTER TABLE orders ADD COLUMN note text;",
					"ALTER TABLE orders DROP COLUMN note;");
		}
		SquashResult result = migrations(db.dataSource(), this.directory).squash("abab00000002", "squash");

		String text = Files.readString(result.file());
		assertThat(text.indexOf("CREATE TYPE status")).isLessThan(text.indexOf("FUNCTION default_status()"));
		assertThat(text.indexOf("DROP FUNCTION IF EXISTS default_status()")).isLessThan(text.indexOf("DROP TYPE IF EXISTS status"));
		try (TestDatabase history = TestDatabases.postgres()) {
			migrations(history.dataSource(), this.unsquashed).upgrade("head");
			Migrations squashed = migrations(db.dataSource(), this.directory);
			squashed.upgrade("head");
			assertThat(schema(db.dataSource())).isEqualTo(schema(history.dataSource())).isNotEmpty();
			squashed.downgrade("base");
			assertThat(leftInPublic(db.dataSource())).isEmpty();
		}
	}

	@Test
	void refusesAnEventTriggerWhichIsNotPartOfTheSchemaAndWritesNothing(TestDatabase db) throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("acac00000001", "none", "audit ddl", """
				CREATE TABLE account (id int PRIMARY KEY);
				CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
				CREATE EVENT TRIGGER squash_test_note_ddl ON ddl_command_end EXECUTE FUNCTION note_ddl();""",
				"DROP EVENT TRIGGER squash_test_note_ddl; DROP FUNCTION note_ddl; DROP TABLE account;");
		files.write("acac00000002", "acac00000001", "email", "ALTER TABLE account ADD COLUMN email text;",
				"ALTER TABLE account DROP COLUMN email;");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash("acac00000002", "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to acac00000002: the history creates what the schema model does not"
					+ " carry")
			.hasMessageContaining("event trigger squash_test_note_ddl (database-wide, on ddl_command_end)");
		try (Stream<Path> list = Files.list(this.directory)) {
			assertThat(list).hasSize(2);
		}
		assertThat(Sql.column(db.dataSource(), "select evtname from pg_event_trigger where evtname = 'squash_test_note_ddl'"))
			.isEmpty();
	}

	@Test
	void aViewColumnsDefaultIsCarried(TestDatabase db) throws IOException {
		for (Path target : List.of(this.directory, this.unsquashed)) {
			RevisionFiles files = new RevisionFiles(target);
			files.write("adad00000001", "none", "notes", """
					CREATE TABLE note (id int PRIMARY KEY, body text, kind text);
					CREATE VIEW "Plain Note" AS SELECT id, body, kind FROM note;
					ALTER VIEW "Plain Note" ALTER COLUMN kind SET DEFAULT 'plain';""", "DROP VIEW \"Plain Note\"; DROP TABLE note;");
			files.write("adad00000002", "adad00000001", "author", "ALTER TABLE note ADD COLUMN author text;",
					"ALTER TABLE note DROP COLUMN author;");
		}
		SquashResult result = migrations(db.dataSource(), this.directory).squash("adad00000002", "squash");

		assertThat(Files.readString(result.file()))
			.contains("ALTER VIEW \"Plain Note\" ALTER COLUMN kind SET DEFAULT 'plain'::text;");
		try (TestDatabase history = TestDatabases.postgres()) {
			migrations(history.dataSource(), this.unsquashed).upgrade("head");
			Migrations squashed = migrations(db.dataSource(), this.directory);
			squashed.upgrade("head");
			assertThat(schema(db.dataSource())).isEqualTo(schema(history.dataSource()))
				.contains("Plain Note.kind text YES 'plain'::text");
			Sql.execute(db.dataSource(), "INSERT INTO \"Plain Note\" (id, body) VALUES (1, 'hello')");
			assertThat(Sql.column(db.dataSource(), "SELECT kind FROM note")).containsExactly("plain");
			Sql.execute(db.dataSource(), "DELETE FROM note");
			squashed.downgrade("base");
			assertThat(leftInPublic(db.dataSource())).isEmpty();
		}
	}

	@Test
	void refusesARuleOnAViewAndWritesNothing(TestDatabase db) throws IOException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aeae00000001", "none", "writable view", """
				CREATE TABLE note (id int PRIMARY KEY, body text);
				CREATE VIEW note_view AS SELECT id, body FROM note;
				CREATE RULE note_view_insert AS ON INSERT TO note_view DO INSTEAD INSERT INTO note VALUES (NEW.id, NEW.body);""",
				"DROP VIEW note_view; DROP TABLE note;");
		files.write("aeae00000002", "aeae00000001", "author", "ALTER TABLE note ADD COLUMN author text;",
				"ALTER TABLE note DROP COLUMN author;");
		assertThatThrownBy(() -> migrations(db.dataSource(), this.directory).squash("aeae00000002", "squash"))
			.isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to aeae00000002: the history creates what the schema model does not"
					+ " carry")
			.hasMessageContaining("rule note_view_insert on note_view");
		try (Stream<Path> list = Files.list(this.directory)) {
			assertThat(list).hasSize(2);
		}
	}

	@Test
	void aFunctionRewrittenToReadAViewCreatedAfterItIsSquashed(TestDatabase db)
			throws IOException {
		for (Path target : List.of(this.directory, this.unsquashed)) {
			RevisionFiles files = new RevisionFiles(target);
			files.write("afaf00000001", "none", "count", """
					CREATE TABLE account (id int PRIMARY KEY, active boolean NOT NULL DEFAULT true);
					CREATE FUNCTION active_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM account $$;""",
					"DROP FUNCTION active_count(); DROP TABLE account;");
			files.write("afaf00000002", "afaf00000001", "active view", """
					CREATE VIEW active_account AS SELECT id FROM account WHERE active;
					CREATE OR REPLACE FUNCTION active_count() RETURNS bigint LANGUAGE sql STABLE
					    AS $$ SELECT count(*) FROM active_account $$;""",
					"CREATE OR REPLACE FUNCTION active_count() RETURNS bigint LANGUAGE sql STABLE"
							+ " AS $$ SELECT count(*) FROM account $$; DROP VIEW active_account;");
		}
		SquashResult result = migrations(db.dataSource(), this.directory).squash("afaf00000002", "squash");

		assertThat(Files.readString(result.file())).contains("RESET check_function_bodies;");
		try (TestDatabase history = TestDatabases.postgres()) {
			migrations(history.dataSource(), this.unsquashed).upgrade("head");
			Migrations squashed = migrations(db.dataSource(), this.directory);
			squashed.upgrade("head");
			assertThat(schema(db.dataSource())).isEqualTo(schema(history.dataSource())).isNotEmpty();
			assertThat(Sql.column(db.dataSource(), "SELECT active_count()")).containsExactly("0");
			squashed.downgrade("base");
			assertThat(leftInPublic(db.dataSource())).isEmpty();
		}
	}

}
