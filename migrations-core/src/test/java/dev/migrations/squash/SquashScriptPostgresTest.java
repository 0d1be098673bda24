package dev.migrations.squash;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.Psql;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.dialect.PostgresDialect;
import dev.migrations.revision.TargetException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scripts ({@code --sql}) and squashed histories: a database whose version table still holds the replaced
 * revisions' rows (at the squash point, not yet recorded as the squash; or in the middle of the replaced history) is
 * refused with the online command to run first, instead of a script whose version-table statements miss those rows
 * or a message saying the database went another way; a range naming a replaced revision names the squash.
 */
@ExtendWith(TestDatabaseExtension.class)
class SquashScriptPostgresTest {

	static final String R1 = "dddd00000001";

	static final String R2 = "dddd00000002";

	static final String R3 = "dddd00000003";

	static final String R4 = "dddd00000004";

	@TempDir
	Path directory;

	private RevisionFiles files;

	@BeforeEach
	void writeHistory() {
		this.files = new RevisionFiles(this.directory);
		this.files.write(R1, "none", "account", "CREATE TABLE account (id bigint PRIMARY KEY);", "DROP TABLE account;");
		this.files.write(R2, R1, "invoice", "CREATE TABLE invoice (id bigint PRIMARY KEY);", "DROP TABLE invoice;");
		this.files.write(R3, R2, "note", "CREATE TABLE note (id bigint PRIMARY KEY);", "DROP TABLE note;");
	}

	private Migrations migrations(DataSource dataSource) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + this.directory)
			.outputDirectory(this.directory).load();
	}

	@Test
	void aDowngradeScriptFromADatabaseAtThePointIsRefusedUntilAnOnlineStampRecordsTheSquash(TestDatabase db)
			throws Exception {
		Psql.executable();
		try (TestDatabase at = TestDatabases.postgres()) {
			migrations(at.dataSource()).upgrade("head");
			SquashResult squash = migrations(db.dataSource()).squash(R3, "squash");

			// the script would drop the tables and delete a row of the squash the table does not hold, leaving the
			// three replaced rows recorded as applied over an empty schema
			assertThatThrownBy(() -> migrations(at.dataSource()).downgradeSql("base"))
				.isInstanceOf(MigrationsException.class)
				.hasMessageStartingWith("Cannot write the script (db downgrade ... --sql): migrations_version holds the 3"
						+ " revision(s) squash " + squash.revision() + " (" + squash.file() + ") replaces, up to " + R3
						+ ", and not the squash itself")
				.hasMessageEndingWith("Run `db stamp " + squash.revision() + "` online first (the revision the database is"
						+ " at: it changes nothing but these rows), then write the script again.");

			migrations(at.dataSource()).stamp(squash.revision());
			assertThat(Sql.column(at.dataSource(), "select revision from migrations_version"))
				.containsExactly(squash.revision());
			Psql.run(migrations(at.dataSource()).downgradeSql("base"), at);
			assertThat(Sql.postgresTables(at.dataSource())).containsExactly("migrations_version", "migrations_version_log");
			assertThat(Sql.column(at.dataSource(), "select revision from migrations_version")).isEmpty();
		}
	}

	@Test
	void anUpgradeScriptFromADatabaseInTheMiddleIsRefusedUntilAnOnlineUpgradeToTheSquash(TestDatabase db)
			throws Exception {
		Psql.executable();
		try (TestDatabase mid = TestDatabases.postgres()) {
			migrations(mid.dataSource()).upgrade(R1);
			SquashResult squash = migrations(db.dataSource()).squash(R3, "squash");
			this.files.write(R4, R3, "memo", "CREATE TABLE memo (id bigint PRIMARY KEY);", "DROP TABLE memo;");

			for (String target : new String[] { "head", "+1" }) {
				assertThatThrownBy(() -> migrations(mid.dataSource()).upgradeSql(target))
					.isInstanceOf(MigrationsException.class)
					.hasMessageStartingWith("Cannot write the script (db upgrade ... --sql): the database is in the middle of"
							+ " the history squashed into " + squash.revision() + " (" + squash.file() + "): it recorded 1 of"
							+ " the 3 revisions the squash replaces, but not the last, " + R3)
					.hasMessageContaining("Run `db upgrade " + squash.revision() + "` online first");
			}
			assertThatThrownBy(() -> migrations(mid.dataSource()).downgradeSql("base"))
				.hasMessageStartingWith("Cannot write the script (db downgrade ... --sql): the database is in the middle of");
			assertThat(Sql.column(mid.dataSource(), "select revision from migrations_version")).containsExactly(R1);

			migrations(mid.dataSource()).upgrade(squash.revision());
			String script = migrations(mid.dataSource()).upgradeSql("head");
			assertThat(script.lines().findFirst()).hasValue("-- Upgrade script for postgresql, from " + squash.revision()
					+ " to " + R4 + " (head): 1 revision(s).");
			Psql.run(script, mid);
			assertThat(migrations(mid.dataSource()).current()).containsExactly(R4);
			assertThat(Sql.postgresTables(mid.dataSource())).containsExactly("account", "invoice", "memo",
					"migrations_version", "migrations_version_log", "note");
		}
	}

	@Test
	void aScriptNamingAReplacedRevisionNamesTheSquash(TestDatabase db) {
		SquashResult squash = migrations(db.dataSource()).squash(R3, "squash");
		Migrations offline = Migrations.configure().dialect(new PostgresDialect()).locations("filesystem:" + this.directory)
			.load();

		assertThatThrownBy(() -> offline.upgradeSql(R1 + ":head")).isInstanceOf(TargetException.class)
			.hasMessage("'" + R1 + "' is revision " + R1 + ", which squash " + squash.revision() + " (" + squash.file()
					+ ") replaces: a script (--sql) neither starts nor ends in the middle of a squashed history. Name "
					+ squash.revision() + " or a revision after it (a database at the last revision the squash replaces is"
					+ " at " + squash.revision() + "); for a database in the middle of that history, run `db upgrade "
					+ squash.revision() + "` online first.");
		assertThatThrownBy(() -> offline.downgradeSql("head:" + R2)).isInstanceOf(TargetException.class)
			.hasMessageStartingWith("'" + R2 + "' is revision " + R2 + ", which squash ");
		assertThatThrownBy(() -> offline.upgradeSql(R2)).isInstanceOf(TargetException.class)
			.hasMessageStartingWith("'" + R2 + "' is revision " + R2 + ", which squash ");
		assertThat(offline.upgradeSql(squash.revision() + ":head").lines().findFirst())
			.hasValue("-- Upgrade script for postgresql, from " + squash.revision() + " to " + squash.revision()
					+ " (head): 0 revision(s).");
	}

}
