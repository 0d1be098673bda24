package dev.migrations.runner;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An upgrade on a session that may not do what it asks: a read-only user ({@code default_transaction_read_only} set
 * on the role or the database, as a DBA sets it for a replica's or a reporting user) or a standby, or a user without
 * a privilege a revision needs. The statement is not at fault, so the message says what to connect as instead, and
 * nothing is half applied.
 */
@ExtendWith(TestDatabaseExtension.class)
class RestrictedSessionPostgresTest {

	@TempDir
	Path directory;

	@Test
	void aFreshDatabaseOnAReadOnlySessionIsToldToConnectToThePrimaryAsAWritingUser(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		db.newSessionForEachConnection();
		Sql.execute(db.dataSource(), "ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

		assertThat(failure).isInstanceOf(MigrationsException.class);
		assertThat(failure.getMessage().lines().findFirst().orElseThrow())
			.startsWith("Could not create the version table public.migrations_version: the session is read-only (ERROR:"
					+ " cannot execute CREATE TABLE in a read-only transaction)");
		assertThat(failure.getMessage()).contains("default_transaction_read_only")
			.contains("standby")
			.contains("migrations.url")
			.contains("Nothing was changed");
		assertThat(Sql.postgresTables(db.dataSource())).isEmpty();
	}

	/**
	 * A search_path naming no schema that exists (set on the role or the database, e.g. a schema per tenant not yet
	 * created) leaves the session nowhere to create the version tables: said so, with the search_path, before anything
	 * is created; migrations.schema then migrates a schema of its own.
	 */
	@Test
	void aSearchPathNamingNoSchemaThatExistsIsToldToSetTheSchema(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		db.newSessionForEachConnection();
		Sql.execute(db.dataSource(), "ALTER DATABASE " + db.name() + " SET search_path = tenant_one");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

		assertThat(failure).isInstanceOf(MigrationsException.class);
		assertThat(failure.getMessage().lines().findFirst().orElseThrow())
			.isEqualTo("Could not create the version table migrations_version: the session has no schema to create it in,"
					+ " as its search_path (tenant_one) names no schema that exists (the search_path is set by ALTER ROLE or"
					+ " ALTER DATABASE ... SET search_path, the URL's currentSchema or migrations.init-sqls). Nothing was"
					+ " changed.");
		assertThat(failure.getMessage()).contains("migrations.schema");
		assertThat(Sql.column(db.dataSource(), "select count(*)::text from pg_class c join pg_namespace n on n.oid ="
				+ " c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')"))
			.containsExactly("0");

		Migrations inItsSchema = Migrations.configure().dataSource(db.dataSource()).schema("tenant_one")
			.locations(files.location()).load();
		inItsSchema.upgrade("head");
		assertThat(inItsSchema.current()).containsExactly("aaaa00000001");
	}

	/**
	 * A connection its pool makes read-only (Connection.setReadOnly(true), as spring.datasource.hikari.read-only=true
	 * does): the driver makes only its transactions READ ONLY, so the version tables were created and each
	 * transactional revision then failed, blamed on the user or a standby. Now a command that writes is refused before
	 * anything is created, naming the connection's setting; a startup with nothing pending still reads as before.
	 */
	@Test
	void aConnectionMadeReadOnlyByItsPoolIsRefusedBeforeAnythingIsWritten(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		db.newSessionForEachConnection();
		DataSource readOnly = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					Object result = method.invoke(db.dataSource(), arguments);
					if (result instanceof Connection connection) {
						connection.setReadOnly(true);
					}
					return result;
				});

		Throwable failure = catchThrowable(() -> Migrations.configure().dataSource(readOnly).locations(files.location())
			.load()
			.upgrade("head"));

		assertThat(failure).isInstanceOf(WriteRefusedException.class);
		assertThat(((WriteRefusedException) failure).readOnly()).isTrue();
		assertThat(failure.getMessage().lines().findFirst().orElseThrow())
			.isEqualTo("The migrations' connection is read-only: its pool sets it so (Connection.setReadOnly(true), as"
					+ " spring.datasource.hikari.read-only=true does), and the server refuses the revisions' writes."
					+ " Nothing was changed.");
		assertThat(failure.getMessage()).contains("migrations.url");
		assertThat(Sql.postgresTables(db.dataSource())).isEmpty();

		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().upgrade("head");
		files.write("bbbb00000002", "aaaa00000001", "two", "INSERT INTO one VALUES (1);", "DELETE FROM one;");
		Migrations reading = Migrations.configure().dataSource(readOnly).locations(files.location()).load();
		assertThat(reading.upgrade("aaaa00000001").steps()).isEmpty();
		assertThat(catchThrowable(() -> reading.upgrade("head"))).isInstanceOf(WriteRefusedException.class);
		assertThat(reading.current()).containsExactly("aaaa00000001");
	}

	@Test
	void aRevisionFailingOnAReadOnlySessionIsNotToBeFixed(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "INSERT INTO one VALUES (1);", "DELETE FROM one;");
		db.newSessionForEachConnection();
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");
		Sql.execute(db.dataSource(), "ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on");

		Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("[SQLState 25006]")
			.hasMessageContaining("The revision was rolled back: nothing of it was applied")
			.hasMessageContaining("the session is read-only")
			.hasMessageContaining("default_transaction_read_only")
			.hasMessageEndingWith("run `db upgrade` again.")
			.hasMessageNotContaining("Fix the statement");
		assertThat(migrations.current()).containsExactly("aaaa00000001");
		assertThat(Sql.column(db.dataSource(), "select count(*)::text from one")).containsExactly("0");
	}

	@Test
	void aRevisionAUserMayNotRunIsToldToConnectAsTheOwner(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "ALTER TABLE one ADD COLUMN note text;", "ALTER TABLE one DROP COLUMN note;");
		String role = "mig_writer_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
		Sql.execute(db.dataSource(), "CREATE TABLE one (id int PRIMARY KEY)");
		Sql.execute(db.dataSource(), "CREATE ROLE " + role + " LOGIN PASSWORD 'writer'");
		try {
			// the schema's tables belong to another user; this one may create tables (the version tables) but not
			// alter a table it does not own
			Sql.execute(db.dataSource(), "GRANT CREATE, USAGE ON SCHEMA public TO " + role);
			PGSimpleDataSource writer = new PGSimpleDataSource();
			writer.setURL(db.jdbcUrl());
			writer.setUser(role);
			writer.setPassword("writer");
			Migrations migrations = Migrations.configure().dataSource(writer).locations(files.location()).load();

			Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

			assertThat(failure).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("must be owner of table one")
				.hasMessageContaining("[SQLState 42501]")
				.hasMessageContaining("The revision was rolled back: nothing of it was applied")
				.hasMessageContaining("the user migrations connect as lacks a privilege it needs")
				.hasMessageContaining("migrations.user")
				.hasMessageEndingWith("run `db upgrade` again.")
				.hasMessageNotContaining("Fix the statement");
			assertThat(Sql.column(db.dataSource(), "select count(*)::text from information_schema.columns where"
					+ " table_name = 'one' and column_name = 'note'")).containsExactly("0");
		}
		finally {
			Sql.execute(db.dataSource(), "DROP OWNED BY " + role + " CASCADE");
			Sql.execute(db.dataSource(), "DROP ROLE " + role);
		}
	}

}
