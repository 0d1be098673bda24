package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import dev.migrations.Migrations;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `db current` with a configured schema that does not exist: at base until the first upgrade creates it, and said
 * so, for a misspelt name reads the same.
 */
@ExtendWith(TestDatabaseExtension.class)
class MissingSchemaCommandTests {

	@TempDir
	Path revisions;

	@Test
	void currentOnMariaDbSaysTheSchemaDoesNotExistYetUntilTheFirstUpgradeCreatesIt(@MariaDb TestDatabase database)
			throws Exception {
		String schema = database.name() + "_later";
		try {
			assertSaidUntilCreated(database, schema);
		}
		finally {
			try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + schema);
			}
		}
	}

	@Test
	void currentOnPostgresSaysTheSchemaDoesNotExistYetUntilTheFirstUpgradeCreatesIt(TestDatabase database) {
		assertSaidUntilCreated(database, "later");
	}

	private void assertSaidUntilCreated(TestDatabase database, String schema) {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(Migrations.configure().dataSource(database.dataSource())
			.locations("filesystem:" + this.revisions).schema(schema).load(), Map.of());

		CommandLineRun.Result current = db.run("current");

		assertThat(current.status()).isZero();
		assertThat(current.out().lines()).containsExactly("No revision is applied: the database is at base.",
				"Schema " + schema + " does not exist yet: the first `db upgrade` creates it. If the database should"
						+ " have it already, check migrations.schema.",
				"2 revision(s) pending: 1a2b3c4d5e6f, 2b3c4d5e6f70. Run `db upgrade`.");

		assertThat(db.run("upgrade", "+1").status()).isZero();
		assertThat(db.run("downgrade", "base").status()).isZero();
		// created: at base again, and nothing more to say
		assertThat(db.run("current").out().lines()).containsExactly("No revision is applied: the database is at base.",
				"2 revision(s) pending: 1a2b3c4d5e6f, 2b3c4d5e6f70. Run `db upgrade`.");
	}

}
