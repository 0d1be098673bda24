package dev.migrations.runner;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A downgrade whose revision fails says which command to run again, with its target: {@code db downgrade} alone
 * takes none, and steps ({@code -2}) would count again from where the downgrade stopped, so the target advised is
 * where the downgrade was going.
 */
@ExtendWith(TestDatabaseExtension.class)
class DowngradeAdvicePostgresTest {

	static final String R1 = "eeee00000001";

	static final String R2 = "eeee00000002";

	static final String R3 = "eeee00000003";

	@TempDir
	Path directory;

	@Test
	void aFailedDowngradeByStepsAdvisesTheRevisionItWasGoingTo(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(R1, "none", "account", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		files.write(R2, R1, "invoice", "CREATE TABLE invoice (id int PRIMARY KEY);", "DROP TABLE invoice;");
		files.write(R3, R2, "note", "CREATE TABLE note (id int PRIMARY KEY);", "DROP TABLE note;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("head");
		Sql.execute(db.dataSource(), "CREATE TABLE blocker (invoice_id int REFERENCES invoice (id))");

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
				() -> migrations.downgrade("-2"));

		assertThat(failure.revision()).isEqualTo(R2);
		assertThat(failure.getMessage().lines().reduce((first, second) -> second))
			.hasValue("The revision was rolled back: nothing of it was applied. Fix the statement and run `db downgrade "
					+ R1 + "` again.");
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version")).containsExactlyInAnyOrder(R1, R2);

		// as advised: no further than -2 was going
		Sql.execute(db.dataSource(), "DROP TABLE blocker");
		migrations.downgrade(R1);
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version")).containsExactly(R1);
	}

	@Test
	void aFailedUpgradeByStepsAdvisesTheRevisionItWasGoingToAndOneToTheHeadTheCommandAlone(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(R1, "none", "account", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		files.write(R2, R1, "invoice", "CREATE TABLE invoice (id int PRIMARY KEY);", "DROP TABLE invoice;");
		files.write(R3, R2, "note", "CREATE TABLE note (id int PRIMARY KEY);", "DROP TABLE note;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		Sql.execute(db.dataSource(), "CREATE TABLE invoice (id int)");

		MigrationFailedException steps = catchThrowableOfType(MigrationFailedException.class, () -> migrations.upgrade("+2"));
		assertThat(steps.getMessage()).endsWith("Fix the statement and run `db upgrade " + R2 + "` again.");
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version")).containsExactly(R1);

		MigrationFailedException head = catchThrowableOfType(MigrationFailedException.class, () -> migrations.upgrade("head"));
		assertThat(head.getMessage()).endsWith("Fix the statement and run `db upgrade` again.");
	}

	@Test
	void aFailedDowngradeToBaseAdvisesBase(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(R1, "none", "account", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("head");
		Sql.execute(db.dataSource(), "CREATE TABLE blocker (account_id int REFERENCES account (id))");

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
				() -> migrations.downgrade("-1"));

		assertThat(failure.getMessage()).endsWith("Fix the statement and run `db downgrade base` again.");
		assertThat(Sql.column(db.dataSource(), "select revision from migrations_version")).isEqualTo(List.of(R1));
	}

}
