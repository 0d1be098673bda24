package dev.migrations.runner;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.revision.UnknownAppliedRevisionException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An upgrade with nothing pending, as at most startups: it creates the version tables only where they are
 * missing, and reads the version table in one row, with the same outcome as reading it row by row.
 */
@ExtendWith(TestDatabaseExtension.class)
class NoOpUpgradePostgresTest {

	static final String A = "aaaa00000001";

	static final String B = "bbbb00000002";

	@TempDir
	Path directory;

	private RevisionFiles line() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(A, "none", "create item", "CREATE TABLE item (id int PRIMARY KEY);", "DROP TABLE item;");
		files.write(B, A, "create tag", "CREATE TABLE tag (id int PRIMARY KEY);", "DROP TABLE tag;");
		return files;
	}

	private static Migrations migrations(javax.sql.DataSource dataSource, RevisionFiles files) {
		return Migrations.configure().dataSource(dataSource).locations(files.location()).load();
	}

	@Test
	void upToDateDatabaseUpgradesAsARoleThatMayNotCreateTables(TestDatabase db) {
		RevisionFiles files = line();
		migrations(db.dataSource(), files).upgrade("head");
		String role = "noop_reader_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
		Sql.execute(db.dataSource(), "CREATE ROLE " + role + " LOGIN");
		try {
			Sql.execute(db.dataSource(), "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			Sql.execute(db.dataSource(), "GRANT USAGE ON SCHEMA public TO " + role);
			Sql.execute(db.dataSource(), "GRANT SELECT ON migrations_version, migrations_version_log TO " + role);
			PGSimpleDataSource reader = new PGSimpleDataSource();
			reader.setURL(db.jdbcUrl());
			reader.setUser(role);

			CommandResult result = migrations(reader, files).upgrade("head");

			assertThat(result.steps()).isEmpty();
			assertThat(result.currentAfter()).containsExactly(B);
		}
		finally {
			Sql.execute(db.dataSource(), "DROP OWNED BY " + role + " CASCADE");
			Sql.execute(db.dataSource(), "DROP ROLE " + role);
		}
	}

	@Test
	void missingLogTableIsCreatedAgainByTheNextUpgradeThatWrites(TestDatabase db) {
		RevisionFiles files = line();
		migrations(db.dataSource(), files).upgrade("head");
		Sql.execute(db.dataSource(), "DROP TABLE migrations_version_log");

		// nothing pending: one read of the version table, no lock and no DDL
		assertThat(migrations(db.dataSource(), files).upgrade("head").steps()).isEmpty();
		assertThat(Sql.postgresTables(db.dataSource())).contains("migrations_version").doesNotContain("migrations_version_log");

		files.write("cccc00000003", B, "create note", "CREATE TABLE note (id int PRIMARY KEY);", "DROP TABLE note;");
		assertThat(migrations(db.dataSource(), files).upgrade("head").steps()).hasSize(1);
		assertThat(Sql.postgresTables(db.dataSource())).contains("migrations_version", "migrations_version_log");
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version_log")).containsExactly("cccc00000003");
	}

	@Test
	void versionTablesInAConfiguredSchemaAreCreatedOnceAndFoundAfter(TestDatabase db) {
		RevisionFiles files = line();
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.schema("App Schema").load();

		assertThat(migrations.upgrade("head").steps()).hasSize(2);
		assertThat(migrations.upgrade("head").steps()).isEmpty();

		assertThat(Sql.column(db.dataSource(), "select revision from \"App Schema\".migrations_version order by applied_seq"))
			.containsExactly(A, B);
	}

	@Test
	void aDatabaseAheadOfTheCodeIsAtTheNewerRevisionAndAStampSaysWhatItForgets(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(A, "none", "create item", "CREATE TABLE item (id int PRIMARY KEY);", "DROP TABLE item;");
		java.nio.file.Path newer = files.write(B, A, "create tag", "CREATE TABLE tag (id int PRIMARY KEY);", "DROP TABLE tag;");
		migrations(db.dataSource(), files).upgrade("head");
		// B's file is gone: this code is a release behind the database
		java.nio.file.Files.delete(newer);
		Migrations behind = migrations(db.dataSource(), files);

		assertThat(behind.status().current()).containsExactly(B);
		CommandResult stamped = behind.stamp("head");
		assertThat(stamped.currentBefore()).containsExactly(B);
		assertThat(stamped.currentAfter()).containsExactly(A);
		assertThat(stamped.steps()).extracting(StepResult::revision).containsExactly(B);
	}

	@Test
	void checksumRecordedAsNullIsNotAModification(TestDatabase db) {
		RevisionFiles files = line();
		migrations(db.dataSource(), files).upgrade("head");
		Sql.execute(db.dataSource(), "UPDATE migrations_version SET checksum = NULL WHERE revision = '" + A + "'");

		assertThat(migrations(db.dataSource(), files).upgrade("head").steps()).isEmpty();
	}

	@Test
	void rowWhoseRevisionHoldsATabOrNewlineIsReportedAsItIs(TestDatabase db) {
		RevisionFiles files = line();
		migrations(db.dataSource(), files).upgrade("head");
		Sql.execute(db.dataSource(), "INSERT INTO migrations_version (revision, down_revisions, kind, checksum, state,"
				+ " applied_seq, applied_at, execution_millis, applied_by) VALUES (E'odd\\tone\\nrow', '', 'SQL', 'x', 'APPLIED',"
				+ " 3, now(), 0, 'test')");

		assertThatThrownBy(() -> migrations(db.dataSource(), files).upgrade("head"))
			.isInstanceOf(UnknownAppliedRevisionException.class)
			.hasMessageStartingWith("the database has revision odd\tone\nrow applied, which is not among this code's revisions");
	}

}
