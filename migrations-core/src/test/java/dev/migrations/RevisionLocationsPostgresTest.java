package dev.migrations;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.revision.DuplicateRevisionException;
import dev.migrations.revision.MissingRevisionLocationsException;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionFileException;
import dev.migrations.runner.StepResult;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which revisions are read from the configured locations and the output directory. */
@ExtendWith(TestDatabaseExtension.class)
class RevisionLocationsPostgresTest {

	@TempDir
	Path directory;

	@Test
	void aMissingFilesystemLocationFailsEveryCommandThatReadsRevisionsUntilInitCreatesIt(TestDatabase db) {
		Path revisions = this.directory.resolve("revisions");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("filesystem:" + revisions).load();

		assertThatExceptionOfType(MissingRevisionLocationsException.class).isThrownBy(() -> migrations.upgrade("head"))
			.withMessageStartingWith("Revision location filesystem:" + revisions + " does not exist: create it (`db init`")
			.withMessageContaining("failOnMissingLocations(false)")
			.satisfies((ex) -> assertThat(ex.locations()).containsExactly("filesystem:" + revisions));
		assertThatExceptionOfType(MissingRevisionLocationsException.class).isThrownBy(migrations::status);
		assertThatExceptionOfType(MissingRevisionLocationsException.class).isThrownBy(migrations::current);
		assertThatExceptionOfType(MissingRevisionLocationsException.class).isThrownBy(() -> migrations.stamp("head"));
		assertThatExceptionOfType(MissingRevisionLocationsException.class).isThrownBy(() -> migrations.upgradeSql("head"));
		assertThat(Sql.postgresTables(db.dataSource())).as("nothing was created").isEmpty();

		assertThat(migrations.init()).isEqualTo(revisions);
		assertThat(migrations.upgrade("head").steps()).isEmpty();
	}

	@Test
	void aFilesystemLocationThatIsAFileIsNamedAsOne(TestDatabase db) throws Exception {
		Path file = Files.writeString(this.directory.resolve("1a2b3c4d_create.sql"), "-- revision: 1a2b3c4d\n");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("filesystem:" + file).load();

		assertThatExceptionOfType(MissingRevisionLocationsException.class).isThrownBy(() -> migrations.upgrade("head"))
			.withMessageStartingWith("Revision location filesystem:" + file + " is a file, not a directory: point"
					+ " migrations.locations at the directory holding the revision files (filesystem:" + this.directory
					+ ")");
		// db init, which creates a missing location, says the same instead of failing to create it
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(migrations::init)
			.withMessage("The revisions directory " + file + " is a file, not a directory: point migrations.locations"
					+ " (or migrations.generate.output-dir) at the directory holding the revision files ("
					+ this.directory + ").");
		assertThat(Sql.postgresTables(db.dataSource())).as("nothing was created").isEmpty();
	}

	@Test
	void aMissingClassPathLocationFailsTheFirstCommand(TestDatabase db) {
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("classpath:db/nowhere", "filesystem:" + this.directory).load();

		assertThatExceptionOfType(MissingRevisionLocationsException.class).isThrownBy(() -> migrations.upgrade("head"))
			.withMessageStartingWith("Revision location classpath:db/nowhere does not exist")
			.satisfies((ex) -> assertThat(ex.locations()).containsExactly("classpath:db/nowhere"));
	}

	@Test
	void aMissingLocationIsNoRevisionsWhenTheCheckIsOff(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("classpath:db/nowhere", files.location()).failOnMissingLocations(false).load();

		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("aaaa00000001");
	}

	@Test
	void aLocationNamingNoDirectoryIsRefused() {
		// read, it would be every .sql file under the working directory, or of the whole class path
		for (String location : List.of("filesystem:", "filesystem:  ", "classpath:", "classpath:/", "file:", " ")) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> Migrations.configure().locations("classpath:db/revisions", location))
				.withMessage("the location '" + location + "' names no directory: write filesystem:<directory> or"
						+ " classpath:<path>, e.g. classpath:db/revisions");
		}
	}

	@Test
	void aWildcardLocationIsRefused() {
		// classpath*: and * are Spring's and Flyway's; read literally, the location would be reported missing
		for (String location : List.of("classpath*:db/migration", "classpath:db/*/migration", "filesystem:revisions/*")) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> Migrations.configure().locations("classpath:db/revisions", location))
				.withMessageStartingWith("the location '" + location + "' has a wildcard, which is not read: name the"
						+ " directory, e.g. classpath:db/migration");
		}
	}

	@Test
	void revisionsAreWrittenWhereTheLocationsReadThem() {
		// without outputDirectory(...): the first filesystem: location, else the source directory of the first class
		// path one, as the starter's migrations.generate.output-dir
		assertThat(Migrations.configure().locations("classpath:db/migration").load().outputDirectory())
			.isEqualTo(Path.of("src/main/resources/db/migration"));
		assertThat(Migrations.configure().locations("/db/migration/").load().outputDirectory())
			.isEqualTo(Path.of("src/main/resources/db/migration"));
		assertThat(Migrations.configure().locations("classpath:db/migration", "file:revs").load().outputDirectory())
			.isEqualTo(Path.of("revs"));
		assertThat(MigrationsConfiguration.outputDirectoryOf(List.of("file:///srv/revs")))
			.isEqualTo(Path.of("/srv/revs"));
		assertThat(MigrationsConfiguration.outputDirectoryOf(List.of("classpath:db/{vendor}")))
			.isEqualTo(Path.of("src/main/resources/db/{vendor}"));
		assertThat(Migrations.configure().load().outputDirectory())
			.isEqualTo(Path.of(MigrationsConfiguration.DEFAULT_OUTPUT_DIRECTORY));
	}

	@Test
	void oneDirectoryListedTwiceUnderTwoSpellingsIsReadOnce(TestDatabase db) throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("revs"));
		Files.createSymbolicLink(this.directory.resolve("link"), revisions);
		RevisionFiles files = new RevisionFiles(revisions);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("filesystem:" + revisions, "filesystem:" + this.directory + "/revs/../revs",
					"filesystem:" + this.directory.resolve("link"))
			.load();

		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("aaaa00000001");
	}

	/**
	 * A revision file deleted from the source directory, whose copy stays in the build output
	 * ({@code target/classes}), is not a revision any more: the output directory is the whole
	 * truth for the class path location it mirrors while it exists.
	 */
	@Test
	void aRevisionOnlyInTheClassPathCopyOfTheOutputDirectoryIsIgnored(TestDatabase db) throws IOException {
		Path source = Files.createDirectories(this.directory.resolve("src/main/resources/db/revs"));
		Path classes = this.directory.resolve("classes");
		Path copy = Files.createDirectories(classes.resolve("db/revs"));
		RevisionFiles sourceFiles = new RevisionFiles(source);
		RevisionFiles copies = new RevisionFiles(copy);
		for (RevisionFiles files : List.of(sourceFiles, copies)) {
			files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
		}
		// deleted from the source directory, still in the build output
		copies.write("bbbb00000002", "aaaa00000001", "create stale", "CREATE TABLE stale (id int);", "DROP TABLE stale;");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
			MigrationsConfiguration configuration = Migrations.configure().dataSource(db.dataSource())
				.locations("classpath:db/revs").classLoader(classLoader).outputDirectory(source);
			Migrations migrations = configuration.load();

			assertThat(migrations.graph().revisions()).extracting(Revision::id).containsExactly("aaaa00000001");
			assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("aaaa00000001");
			assertThat(Sql.postgresTables(db.dataSource())).contains("item").doesNotContain("stale");

			// without the source directory (a deployed jar), the class path is the truth
			Path moved = Files.move(source, this.directory.resolve("moved"));
			assertThat(configuration.load().graph().revisions()).extracting(Revision::id)
				.containsExactly("aaaa00000001", "bbbb00000002");

			// a source directory made by `db init`, not yet copied to the class path, counts as the location
			Files.move(moved, source);
			Migrations notBuilt = Migrations.configure().dataSource(db.dataSource())
				.locations("classpath:db/revs/new").classLoader(classLoader).outputDirectory(source.resolve("new"))
				.load();
			Files.createDirectories(source.resolve("new"));
			notBuilt.reload();
			assertThat(notBuilt.status().pending()).isEmpty();
		}
	}

	/**
	 * A broken revision file deleted (or renamed) from the source directory to fix it, whose copy stays in the
	 * build output, is ignored like any stale copy, not read and reported as if it were still a revision.
	 */
	@Test
	void aStaleClassPathCopyThatDoesNotParseIsIgnoredToo(TestDatabase db) throws IOException {
		Path source = Files.createDirectories(this.directory.resolve("src/main/resources/db/revs"));
		Path classes = this.directory.resolve("classes");
		Path copy = Files.createDirectories(classes.resolve("db/revs"));
		for (RevisionFiles files : List.of(new RevisionFiles(source), new RevisionFiles(copy))) {
			files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
		}
		// a header misspelt, deleted from the source directory since, still in the build output
		Files.writeString(copy.resolve("bbbb00000002_typo.sql"),
				"-- revision: bbbb00000002\n-- down_revison: aaaa00000001\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
			Migrations migrations = Migrations.configure().dataSource(db.dataSource())
				.locations("classpath:db/revs").classLoader(classLoader).outputDirectory(source).load();

			assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("aaaa00000001");

			// fixed in the source directory, not copied to the build output yet: the fixed file is the revision
			Files.writeString(source.resolve("bbbb00000002_typo.sql"),
					"-- revision: bbbb00000002\n-- down_revision: aaaa00000001\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n");
			migrations.reload();
			assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("bbbb00000002");
		}
	}

	/**
	 * A revision file that does not parse in a jar on the class path (a dependency's revisions in the same
	 * location) is no copy of the output directory's files: it is reported, not ignored as a stale copy, also while
	 * the build output holds the location too.
	 */
	@Test
	void aFileThatDoesNotParseInAJarBesideTheBuildOutputIsReported(TestDatabase db) throws IOException {
		Path source = Files.createDirectories(this.directory.resolve("src/main/resources/db/revs"));
		Path classes = this.directory.resolve("classes");
		Path copy = Files.createDirectories(classes.resolve("db/revs"));
		for (RevisionFiles files : List.of(new RevisionFiles(source), new RevisionFiles(copy))) {
			files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
		}
		Path jar = this.directory.resolve("dependency.jar");
		try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
			for (String entry : List.of("db/", "db/revs/")) {
				out.putNextEntry(new java.util.jar.JarEntry(entry));
				out.closeEntry();
			}
			out.putNextEntry(new java.util.jar.JarEntry("db/revs/bbbb00000002_typo.sql"));
			out.write("-- revision: bbbb00000002\n-- down_revison: aaaa00000001\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			out.closeEntry();
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL(), jar.toUri().toURL() },
				null)) {
			assertThatExceptionOfType(RevisionFileException.class)
				.isThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations("classpath:db/revs")
					.classLoader(classLoader).outputDirectory(source).load().upgrade("head"))
				.withMessageStartingWith("db/revs/bbbb00000002_typo.sql:2: unknown header `down_revison`");
			assertThat(Sql.postgresTables(db.dataSource())).as("nothing ran").doesNotContain("item");
		}
	}

	/**
	 * A dependency's revisions in the same class path location as the build output (a module of revisions beside
	 * the application's own) are revisions of their own, not stale copies of files missing from the source directory.
	 */
	@Test
	void aRevisionOfAJarBesideTheBuildOutputIsApplied(TestDatabase db) throws IOException {
		Path source = Files.createDirectories(this.directory.resolve("src/main/resources/db/revs"));
		Path classes = this.directory.resolve("classes");
		Path copy = Files.createDirectories(classes.resolve("db/revs"));
		for (RevisionFiles files : List.of(new RevisionFiles(source), new RevisionFiles(copy))) {
			files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
		}
		Path jar = this.directory.resolve("dependency.jar");
		try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
			for (String entry : List.of("db/", "db/revs/")) {
				out.putNextEntry(new java.util.jar.JarEntry(entry));
				out.closeEntry();
			}
			out.putNextEntry(new java.util.jar.JarEntry("db/revs/bbbb00000002_audit.sql"));
			out.write(("-- revision: bbbb00000002\n-- down_revision: aaaa00000001\n-- message: audit\n\n-- upgrade\n"
					+ "CREATE TABLE audit (id int);\n\n-- downgrade\nDROP TABLE audit;\n")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			out.closeEntry();
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL(), jar.toUri().toURL() },
				null)) {
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations("classpath:db/revs")
				.classLoader(classLoader).outputDirectory(source).load();

			assertThat(migrations.graph().revisions()).extracting(Revision::id)
				.containsExactlyInAnyOrder("aaaa00000001", "bbbb00000002");
			migrations.upgrade("head");
			assertThat(Sql.postgresTables(db.dataSource())).contains("item", "audit");
		}
	}

	/**
	 * A packaged application's revisions are the jar's wherever it runs: a source directory where it
	 * happens to run (the project's, with a revision deleted since the jar was built and another not
	 * yet in it) is not read.
	 */
	@Test
	void aJarsRevisionsAreItsOwnWhateverTheDirectoryItRunsIn(TestDatabase db) throws IOException {
		Path source = Files.createDirectories(this.directory.resolve("src/main/resources/db/revs"));
		new RevisionFiles(source).write("cccc00000003", "none", "not packaged", "CREATE TABLE later (id int);",
				"DROP TABLE later;");
		Path built = Files.createDirectories(this.directory.resolve("built/db/revs"));
		new RevisionFiles(built).write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);",
				"DROP TABLE item;");
		Path jar = this.directory.resolve("app.jar");
		try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
			for (String entry : List.of("db/", "db/revs/")) {
				out.putNextEntry(new java.util.jar.JarEntry(entry));
				out.closeEntry();
			}
			try (java.util.stream.Stream<Path> files = Files.list(built)) {
				for (Path file : files.toList()) {
					out.putNextEntry(new java.util.jar.JarEntry("db/revs/" + file.getFileName()));
					out.write(Files.readAllBytes(file));
					out.closeEntry();
				}
			}
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations("classpath:db/revs")
				.classLoader(classLoader).outputDirectory(source).load();

			assertThat(migrations.graph().revisions()).extracting(Revision::id).containsExactly("aaaa00000001");

			// a revision written on top of the jar's head would be a second head beside the one the jar lacks
			assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> migrations.revision("add price"))
				.withMessageStartingWith(source + " holds 1 revision file(s) this application did not read"
						+ " (cccc00000003_not_packaged.sql)")
				.withMessageContaining("Nothing was written.");
			assertThat(Files.list(source).map((file) -> file.getFileName().toString()).toList())
				.containsExactly("cccc00000003_not_packaged.sql");
			// once the jar holds what the directory holds, writing goes on
			Files.delete(source.resolve("cccc00000003_not_packaged.sql"));
			Files.copy(built.resolve("aaaa00000001_create_item.sql"), source.resolve("aaaa00000001_create_item.sql"));
			Path written = migrations.revision("add price");
			assertThat(Files.readString(written)).contains("-- down_revision: aaaa00000001\n");
		}
	}

	/** Two files of one id are refused with or without the output directory, and wherever the second one is. */
	@Test
	void aDuplicateIdIsRefusedWhileTheOutputDirectoryStandsInForItsLocation(TestDatabase db) throws IOException {
		Path source = Files.createDirectories(this.directory.resolve("src/main/resources/db/revs"));
		Path classes = this.directory.resolve("classes");
		Path copy = Files.createDirectories(classes.resolve("db/revs"));
		for (Path directory : List.of(source, copy)) {
			RevisionFiles files = new RevisionFiles(directory);
			files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
			Files.writeString(directory.resolve("aaaa00000001_dup.sql"),
					Files.readString(directory.resolve("aaaa00000001_create_item.sql")).replace("CREATE TABLE item (id int)",
							"DROP TABLE customer"));
		}
		Path other = Files.createDirectories(this.directory.resolve("other"));
		new RevisionFiles(other).write("bbbb00000002", "none", "create other", "CREATE TABLE other (id int);", "");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
			// in the output directory, which stands in for the class path copy
			assertThatExceptionOfType(DuplicateRevisionException.class)
				.isThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations("classpath:db/revs")
					.classLoader(classLoader).outputDirectory(source).load().graph())
				.withMessageStartingWith("revision aaaa00000001 is defined twice: in ");
			// the deployed jar says the same
			assertThatExceptionOfType(DuplicateRevisionException.class)
				.isThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations("classpath:db/revs")
					.classLoader(classLoader).load().graph());

			// one file in the output directory and its id again in another location
			Files.delete(source.resolve("aaaa00000001_dup.sql"));
			Files.delete(copy.resolve("aaaa00000001_dup.sql"));
			new RevisionFiles(other).write("aaaa00000001", "none", "again", "CREATE TABLE again (id int);", "");
			assertThatExceptionOfType(DuplicateRevisionException.class)
				.isThrownBy(() -> Migrations.configure().dataSource(db.dataSource())
					.locations("classpath:db/revs", "filesystem:" + other).classLoader(classLoader).outputDirectory(source)
					.load().graph())
				.withMessageStartingWith("revision aaaa00000001 is defined twice: in ");
		}
		assertThat(Sql.postgresTables(db.dataSource())).isEmpty();
	}

	/**
	 * An output directory that mirrors none of the locations (a test's own revisions elsewhere, another
	 * vendor's directory) adds nothing and replaces nothing: the revisions are the locations' own.
	 */
	@Test
	void anOutputDirectoryMirroringNoLocationIsNotRead(TestDatabase db) throws IOException {
		Path source = Files.createDirectories(this.directory.resolve("src/main/resources/db/revisions"));
		RevisionFiles app = new RevisionFiles(source);
		app.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
		app.write("bbbb00000002", "aaaa00000001", "create other", "CREATE TABLE other (id int);", "DROP TABLE other;");
		Path classes = this.directory.resolve("classes");
		RevisionFiles own = new RevisionFiles(Files.createDirectories(classes.resolve("broken/drift")));
		own.write("aaaa00000001", "none", "create item as text", "CREATE TABLE item (id text);", "DROP TABLE item;");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
			Migrations migrations = Migrations.configure().dataSource(db.dataSource())
				.locations("classpath:broken/drift").classLoader(classLoader).outputDirectory(source).load();

			assertThat(migrations.graph().revisions()).extracting(Revision::message).containsExactly("create item as text");
			migrations.upgrade("head");
			assertThat(Sql.column(db.dataSource(), "SELECT data_type FROM information_schema.columns"
					+ " WHERE table_name = 'item'")).containsExactly("text");
			assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("other");
		}
	}

}
