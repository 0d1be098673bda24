package dev.migrations.squash;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.revision.TargetException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code db squash} naming a revision an earlier squash already replaces (squashing the same point twice, or a point
 * inside the squashed history): refused naming the squash that replaces it and what to name instead, nothing written.
 */
@ExtendWith(TestDatabaseExtension.class)
class SquashReplacedPointPostgresTest {

	static final String R1 = "cccc00000001";

	static final String R2 = "cccc00000002";

	static final String R3 = "cccc00000003";

	@TempDir
	Path directory;

	private Migrations migrations(DataSource dataSource) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + this.directory)
			.outputDirectory(this.directory).load();
	}

	@Test
	void squashingARevisionAnEarlierSquashReplacesNamesThatSquashAndWritesNothing(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(R1, "none", "account", "CREATE TABLE account (id bigint PRIMARY KEY);", "DROP TABLE account;");
		files.write(R2, R1, "invoice", "CREATE TABLE invoice (id bigint PRIMARY KEY);", "DROP TABLE invoice;");
		files.write(R3, R2, "note", "CREATE TABLE note (id bigint PRIMARY KEY);", "DROP TABLE note;");
		SquashResult first = migrations(db.dataSource()).squash(R2, "first");
		List<Path> written = listFiles();

		for (String again : List.of(R2, R1, "cccc00000001")) {
			assertThatThrownBy(() -> migrations(db.dataSource()).squash(again, null)).isInstanceOf(SquashException.class)
				.hasMessageStartingWith("Cannot squash up to " + again + ": squash " + first.revision() + " ("
						+ first.file() + ") already replaces it")
				.hasMessageEndingWith("Name a revision after " + first.revision() + " (`db squash " + R3
						+ "`): a squash replaces the earlier squash too.");
		}
		assertThat(listFiles()).isEqualTo(written);
	}

	@Test
	void squashingTheOnlyRevisionAfterNothingSaysThereIsNothingNewToSquash(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(R1, "none", "account", "CREATE TABLE account (id bigint PRIMARY KEY);", "DROP TABLE account;");
		files.write(R2, R1, "invoice", "CREATE TABLE invoice (id bigint PRIMARY KEY);", "DROP TABLE invoice;");
		SquashResult first = migrations(db.dataSource()).squash(R2, "first");

		assertThatThrownBy(() -> migrations(db.dataSource()).squash(R2, null)).isInstanceOf(SquashException.class)
			.hasMessageStartingWith("Cannot squash up to " + R2 + ": squash " + first.revision() + " (" + first.file()
					+ ") already replaces it")
			.hasMessageEndingWith("Nothing follows " + first.revision() + " yet: squash again once revisions after it"
					+ " are written.");
	}

	@Test
	void showingARevisionASquashReplacesNamesTheSquashAndTheFile(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		Path replacedFile = files.write(R1, "none", "account", "CREATE TABLE account (id bigint PRIMARY KEY);",
				"DROP TABLE account;");
		files.write(R2, R1, "invoice", "CREATE TABLE invoice (id bigint PRIMARY KEY);", "DROP TABLE invoice;");
		SquashResult squash = migrations(db.dataSource()).squash(R2, "first");
		Migrations migrations = migrations(db.dataSource());

		for (Runnable show : new Runnable[] { () -> migrations.show(R1), () -> migrations.showOfFile(R1) }) {
			assertThatThrownBy(show::run).isInstanceOf(TargetException.class)
				.hasMessage("'" + R1 + "' is revision " + R1 + " (" + replacedFile + "), which squash " + squash.revision()
						+ " (" + squash.file() + ") replaces: `db show " + squash.revision() + "` shows the squash.");
		}
	}

	@Test
	void aDowngradeInTheMiddleWithAReplacedFileGoneNamesTheSquashAndWhatToRestore(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(R1, "none", "account", "CREATE TABLE account (id bigint PRIMARY KEY);", "DROP TABLE account;");
		Path second = files.write(R2, R1, "invoice", "CREATE TABLE invoice (id bigint PRIMARY KEY);", "DROP TABLE invoice;");
		files.write(R3, R2, "note", "CREATE TABLE note (id bigint PRIMARY KEY);", "DROP TABLE note;");
		try (TestDatabase mid = dev.migrations.test.TestDatabases.postgres()) {
			migrations(mid.dataSource()).upgrade(R1);
			SquashResult squash = migrations(db.dataSource()).squash(R3, "squash");
			java.nio.file.Files.delete(second);

			assertThatThrownBy(() -> migrations(mid.dataSource()).downgrade("-1")).isInstanceOf(SquashException.class)
				.hasMessage("The database is in the middle of the history squashed into " + squash.revision() + " ("
						+ squash.file() + "): it goes up and down through the replaced revision files, and the file of "
						+ R2 + " is gone. Nothing was run. Put the replaced revision files back (e.g. `git checkout <commit"
						+ " before their deletion> -- <revisions directory>`), run the command again, and delete them once"
						+ " the database is at " + squash.revision() + " or beyond; or, if this database's schema is known to"
						+ " match " + R3 + ", record that with `db stamp " + squash.revision() + "`.");
			assertThat(dev.migrations.Sql.column(mid.dataSource(), "select revision from migrations_version"))
				.containsExactly(R1);
		}
	}

	private List<Path> listFiles() throws java.io.IOException {
		try (var stream = java.nio.file.Files.list(this.directory)) {
			return stream.sorted().toList();
		}
	}

}
