package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

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
