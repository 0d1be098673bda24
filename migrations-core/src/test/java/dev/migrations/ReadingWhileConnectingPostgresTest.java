package dev.migrations;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.revision.MissingRevisionException;
import dev.migrations.revision.RevisionFileException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code load()} with a data source and no dialect reads the revision files on a second thread while it
 * connects to find the dialect: what a caller sees must be what reading them one after the other gives.
 */
@ExtendWith(TestDatabaseExtension.class)
class ReadingWhileConnectingPostgresTest {

	@TempDir
	Path directory;

	@AfterEach
	void noReadingThreadOutlivesLoad() throws InterruptedException {
		for (Thread thread : readingThreads()) {
			// it has handed its result over when load() returns: it ends, rather than waiting for more work
			thread.join(60_000);
			assertThat(thread.isAlive()).as(thread + " still running").isFalse();
		}
	}

	@Test
	void theRevisionsAreReadAndTheUpgradeRuns(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "notes", "CREATE TABLE note (body text);", "DROP TABLE note;");
		files.write("aaaa00000002", "aaaa00000001", "tags", "CREATE TABLE tag (name text);", "DROP TABLE tag;");

		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		assertThat(migrations.dialect().name()).isEqualTo("postgresql");
		assertThat(migrations.upgrade("head").steps()).hasSize(2);
		assertThat(Sql.postgresTables(db.dataSource())).contains("note", "tag");
	}

	@Test
	void aBrokenFileIsReportedWithItsLineOnTheCallingThread(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "notes", "CREATE TABLE note (body text);", "DROP TABLE note;");
		Path broken = RevisionFiles.writeText(this.directory.resolve("bbbb00000002_broken.sql"),
				"-- revision: bbbb00000002\n-- down_revison: aaaa00000001\n\n-- upgrade\nSELECT 1;\n");

		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load())
			.withMessageStartingWith(broken + ":2: ")
			.withMessageContaining("down_revison");
	}

	@Test
	void aRevisionNamingAMissingParentIsReportedByLoad(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		Path orphan = files.write("aaaa00000002", "aaaa00000001", "tags", "CREATE TABLE tag (name text);", "DROP TABLE tag;");

		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load())
			.withMessageStartingWith(orphan + " (revision aaaa00000002) names down_revision aaaa00000001, which does not exist");
	}

	@Test
	void whenTheDatabaseCannotBeReachedThatIsReportedRatherThanABrokenFile() {
		RevisionFiles.writeText(this.directory.resolve("bbbb00000002_broken.sql"),
				"-- revision: bbbb00000002\n-- down_revison: none\n\n-- upgrade\nSELECT 1;\n");
		PGSimpleDataSource unreachable = new PGSimpleDataSource();
		// nothing listens on port 1: refused at once
		unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/none");

		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> Migrations.configure().dataSource(unreachable).locations("filesystem:" + this.directory).load())
			.withMessageStartingWith("Could not connect to the database to detect its dialect: ");
	}

	@Test
	void classPathLocationsAreFoundThroughTheCallersContextClassLoader(TestDatabase db) throws IOException {
		Path root = this.directory.resolve("classes");
		Files.createDirectories(root.resolve("db/revisions"));
		new RevisionFiles(root.resolve("db/revisions")).write("aaaa00000001", "none", "notes", "CREATE TABLE note (body text);",
				"DROP TABLE note;");
		Thread current = Thread.currentThread();
		ClassLoader original = current.getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() }, original)) {
			current.setContextClassLoader(loader);
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).load();

			assertThat(migrations.graph().get("aaaa00000001").source()).endsWith("db/revisions/aaaa00000001_notes.sql");
			assertThat(migrations.upgrade("head").steps()).hasSize(1);
		}
		finally {
			current.setContextClassLoader(original);
		}
	}

	@Test
	void anInterruptDuringLoadIsKeptForTheCaller(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "notes", "CREATE TABLE note (body text);", "DROP TABLE note;");
		Migrations migrations;
		boolean interrupted;
		Thread.currentThread().interrupt();
		try {
			migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		}
		finally {
			interrupted = Thread.interrupted();
		}

		assertThat(interrupted).isTrue();
		assertThat(migrations.graph().get("aaaa00000001")).isNotNull();
	}

	private static List<Thread> readingThreads() {
		List<Thread> found = new ArrayList<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().equals("migrations-read-revisions")) {
				found.add(thread);
			}
		}
		return found;
	}

}
