package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import dev.migrations.Migrations;
import dev.migrations.baseline.NonEmptySchemaException;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * `db upgrade` refusing a MariaDB schema with tables and no baseline: what command mode prints on stderr
 * must be advice that works there, and `db check` compares on PostgreSQL only.
 */
@ExtendWith(TestDatabaseExtension.class)
class NonEmptySchemaMariaDbCommandTests {

	@TempDir
	Path revisions;

	/**
	 * `db current` while another instance runs the first revision outside a transaction (its row RUNNING, the lock
	 * held, its table already created): the revision is under way, not a schema to adopt with a baseline or a stamp.
	 */
	@Test
	void currentWhileAnotherInstanceRunsTheFirstRevisionGivesNoAdviceToAdoptTheSchema(@MariaDb TestDatabase database)
			throws Exception {
		ShellTestRevisions.write(this.revisions, "1a2b3c4d5e6f_create_bulletin.sql", """
				-- revision: 1a2b3c4d5e6f
				-- down_revision: none
				-- message: create bulletin

				-- upgrade
				CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL);
				SELECT 1;

				-- downgrade
				DROP TABLE bulletin;
				""");
		// as the starter configures it: a schema with tables and nothing recorded is refused
		CommandLineRun db = new CommandLineRun(Migrations.configure().dataSource(database.dataSource())
			.locations("filesystem:" + this.revisions).failOnNonEmptySchema(true).load(), Map.of());
		assertThat(db.run("stamp", "1a2b3c4d5e6f").status()).isZero();
		try (Connection instance = database.connection(); Statement statement = instance.createStatement()) {
			// what another instance's upgrade has done when it is between the revision's two statements
			// its first row: RUNNING, nothing in the log yet
			statement.execute("UPDATE migrations_version SET state = 'RUNNING' WHERE revision = '1a2b3c4d5e6f'");
			statement.execute("DELETE FROM migrations_version_log");
			statement.execute("CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL)");
			statement.executeQuery("SELECT GET_LOCK('migrations:" + database.name() + ".migrations_version', 0)").close();

			CommandLineRun.Result current = db.run("current");

			assertThat(current.status()).isZero();
			assertThat(current.out()).contains("1 revision(s) pending: 1a2b3c4d5e6f")
				.doesNotContain("already holds")
				.doesNotContain("migrations.baseline");
		}
	}

	@Test
	void theRefusalOnMariaDbSaysToCompareByHandThenBaseline(@MariaDb TestDatabase database) throws Exception {
		ShellTestRevisions.write(this.revisions, "1a2b3c4d5e6f_create_bulletin.sql", """
				-- revision: 1a2b3c4d5e6f
				-- down_revision: none
				-- message: create bulletin

				-- upgrade
				CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL);

				-- downgrade
				DROP TABLE bulletin;
				""");
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL)");
		}
		Migrations migrations = Migrations.configure()
			.dataSource(database.dataSource())
			.locations("filesystem:" + this.revisions)
			.failOnNonEmptySchema(true)
			.load();
		NonEmptySchemaException refused = catchThrowableOfType(NonEmptySchemaException.class,
				() -> migrations.upgrade("head"));

		String stderr = CommandFailures.describe(refused);
		assertThat(stderr.lines().findFirst().orElseThrow())
			.startsWith("Schema " + database.name() + " has 1 table (bulletin) but no revision recorded");
		assertThat(stderr).contains("`db check` compares on PostgreSQL only",
				"`db upgrade <revision>`", "migrations.baseline=<revision>")
			.doesNotContain("exit 0: no differences");
	}

}
