package dev.migrations.revision;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding revision files in directories and jars, and Java revisions in packages. */
class RevisionSourcesTest {

	@TempDir
	Path directory;

	static String revision(String id, String parent) {
		return "-- revision: " + id + "\n-- down_revision: " + parent + "\n-- message: m " + id + "\n\n-- upgrade\nSELECT 1;\n";
	}

	@Test
	void flywaysScriptsInTheLocationsAreNamedAsSuchWithTheWayOn() throws IOException {
		// a team moving from Flyway points migrations.locations at Flyway's own directory
		Files.writeString(this.directory.resolve("V1__create_customer.sql"),
				"-- customer table\nCREATE TABLE customer (id bigint PRIMARY KEY, name varchar(255));\n");
		assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
			.isInstanceOf(RevisionFileException.class)
			.hasMessageStartingWith(this.directory.resolve("V1__create_customer.sql") + ":1: expected a header `-- key: value`"
					+ " or the `-- upgrade` line, found `-- customer table`")
			.hasMessageContaining("V1__create_customer.sql is named as a Flyway migration, which is not a revision file:"
					+ " point migrations.locations at the revisions' own directory, and carry what Flyway's scripts"
					+ " created into a revision (`db migrate -m \"initial schema\"` against an empty database, or the"
					+ " scripts' SQL after a revision's `-- upgrade` line), as the README's Moving from Flyway or"
					+ " Liquibase says");
	}

	@Test
	void readsFilesFromAJarOnTheClassPath() throws IOException {
		Path jar = this.directory.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			// directory entries, as Maven, Gradle and Spring Boot write them
			for (String dir : List.of("db/", "db/revisions/", "db/revisions/nested/", "db/other/")) {
				out.putNextEntry(new JarEntry(dir));
				out.closeEntry();
			}
			put(out, "db/revisions/aaaa00000001_first.sql", revision("aaaa00000001", "none"));
			put(out, "db/revisions/nested/bbbb00000002_second.sql", revision("bbbb00000002", "aaaa00000001"));
			put(out, "db/revisions/README.txt", "not a revision");
			put(out, "db/other/cccc00000003_elsewhere.sql", revision("cccc00000003", "none"));
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<Revision> revisions = RevisionSources.loadSql(List.of("classpath:db/revisions"), loader);
			assertThat(revisions).extracting(Revision::id).containsExactly("aaaa00000001", "bbbb00000002");
			assertThat(revisions.get(1).source()).isEqualTo("db/revisions/nested/bbbb00000002_second.sql");
			assertThat(RevisionSources.exists("classpath:db/revisions", loader)).isTrue();
			assertThat(RevisionSources.exists("classpath:db/missing", loader)).isFalse();
		}
	}

	@Test
	void namesFilesEndingInSqlInAnotherCaseInAWarningAndDoesNotReadThem() throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.createDirectories(revisions.resolve("sub"));
		Files.writeString(revisions.resolve("aaaa00000001_first.sql"), revision("aaaa00000001", "none"));
		Files.writeString(revisions.resolve("bbbb00000002_second.SQL"), revision("bbbb00000002", "aaaa00000001"));
		Files.writeString(revisions.resolve("sub/cccc00000003_third.Sql"), revision("cccc00000003", "bbbb00000002"));
		Files.writeString(revisions.resolve("notes.txt"), "not a revision");
		Path jar = this.directory.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String dir : List.of("db/", "db/revisions/")) {
				out.putNextEntry(new JarEntry(dir));
				out.closeEntry();
			}
			put(out, "db/revisions/aaaa00000001_first.sql", revision("aaaa00000001", "none"));
			put(out, "db/revisions/bbbb00000002_second.SQL", revision("bbbb00000002", "aaaa00000001"));
		}
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		Logger logger = (Logger) LoggerFactory.getLogger(RevisionSources.class);
		logger.addAppender(events);
		try (URLClassLoader directoryLoader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, null);
				URLClassLoader jarLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			assertThat(RevisionSources.loadSql(List.of("filesystem:" + revisions), getClass().getClassLoader()))
				.extracting(Revision::id).containsExactly("aaaa00000001");
			assertThat(RevisionSources.loadSql(List.of("classpath:revisions"), directoryLoader))
				.extracting(Revision::id).containsExactly("aaaa00000001");
			assertThat(RevisionSources.loadSql(List.of("classpath:db/revisions"), jarLoader))
				.extracting(Revision::id).containsExactly("aaaa00000001");
		}
		finally {
			logger.detachAppender(events);
		}
		assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
				"2 file(s) in the revisions location filesystem:" + revisions + " are not read as revisions, because"
						+ " only names ending in lower-case .sql are: " + revisions + "/bbbb00000002_second.SQL, "
						+ revisions + "/sub/cccc00000003_third.Sql; rename them to end in .sql",
				"2 file(s) in the revisions location classpath:revisions are not read as revisions, because only names"
						+ " ending in lower-case .sql are: revisions/bbbb00000002_second.SQL,"
						+ " revisions/sub/cccc00000003_third.Sql; rename them to end in .sql",
				"1 file(s) in the revisions location classpath:db/revisions are not read as revisions, because only"
						+ " names ending in lower-case .sql are: db/revisions/bbbb00000002_second.SQL; rename them to"
						+ " end in .sql");
	}

	@Test
	void readsFilesFromTheFileSystemRecursively() throws IOException {
		Files.createDirectories(this.directory.resolve("sub"));
		Files.writeString(this.directory.resolve("aaaa00000001_first.sql"), revision("aaaa00000001", "none"));
		Files.writeString(this.directory.resolve("sub/bbbb00000002_second.sql"), revision("bbbb00000002", "aaaa00000001"));
		List<Revision> revisions = RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader());
		assertThat(revisions).extracting(Revision::id).containsExactly("aaaa00000001", "bbbb00000002");
	}

	@Test
	void followsLinksToFilesNotToDirectoriesAndDescendsIntoDirectoriesNamedLikeFiles() throws IOException {
		Path elsewhere = Files.createDirectories(this.directory.resolve("elsewhere"));
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(elsewhere.resolve("cccc00000003_linked.sql"), revision("cccc00000003", "bbbb00000002"));
		Files.writeString(elsewhere.resolve("dddd00000004_behind_a_linked_directory.sql"), revision("dddd00000004", "none"));
		Files.writeString(revisions.resolve("aaaa00000001_first.sql"), revision("aaaa00000001", "none"));
		Files.writeString(revisions.resolve("README.md"), "not a revision");
		Files.createDirectories(revisions.resolve("odd.sql"));
		Files.writeString(revisions.resolve("odd.sql/bbbb00000002_second.sql"), revision("bbbb00000002", "aaaa00000001"));
		Files.createSymbolicLink(revisions.resolve("cccc00000003_linked.sql"), elsewhere.resolve("cccc00000003_linked.sql"));
		Files.createSymbolicLink(revisions.resolve("linked"), elsewhere);
		List<Revision> loaded = RevisionSources.loadSql(List.of("filesystem:" + revisions), getClass().getClassLoader());
		assertThat(loaded).extracting(Revision::source).containsExactly(revisions + "/aaaa00000001_first.sql",
				revisions + "/cccc00000003_linked.sql", revisions + "/odd.sql/bbbb00000002_second.sql");
	}

	@Test
	void aLinkNamedLikeARevisionWhoseFileIsMissingIsAnErrorNamingItNotARevisionLeftOut() throws IOException {
		Files.writeString(this.directory.resolve("aaaa00000001_first.sql"), revision("aaaa00000001", "none"));
		Path link = Files.createSymbolicLink(this.directory.resolve("bbbb00000002_second.sql"),
				this.directory.resolve("elsewhere/bbbb00000002_second.sql"));
		assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
			.isInstanceOf(RevisionFileException.class)
			.hasMessage(link + ": a symbolic link to " + this.directory.resolve("elsewhere/bbbb00000002_second.sql")
					+ ", which does not exist, so the revision it stands for cannot be read; point the link at the"
					+ " revision file (or put the file in its place), or delete the link");
	}

	@Test
	void theLinkAnEditorMarksAFileBeingEditedWithIsNotARevision() throws IOException {
		Files.writeString(this.directory.resolve("aaaa00000001_first.sql"), revision("aaaa00000001", "none"));
		// Emacs's lock: a link to "user@host.pid:boot-time", which is no file
		Files.createSymbolicLink(this.directory.resolve(".#aaaa00000001_first.sql"), Path.of("root@host.4242:1700000000"));
		assertThat(RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
			.extracting(Revision::id)
			.containsExactly("aaaa00000001");
	}

	@Test
	void aFileThatCannotBeReadIsNamedWithTheSystemsReason() throws IOException {
		// reading /proc/self/mem from its start fails with an input/output error, even for root (whom permissions
		// do not stop)
		Path memory = Path.of("/proc/self/mem");
		Assumptions.assumeTrue(Files.isRegularFile(memory), "a Linux /proc");
		Files.writeString(this.directory.resolve("aaaa00000001_first.sql"), revision("aaaa00000001", "none"));
		Path link = Files.createSymbolicLink(this.directory.resolve("bbbb00000002_second.sql"), memory);
		assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
			.isInstanceOf(RevisionFileException.class)
			.hasMessage(link + ": the file cannot be read (Input/output error), so the revisions of the location are"
					+ " not known; give the user running the command read access to it, or move it out of the revision"
					+ " locations");
	}

	@Test
	void reportsAFileThatIsNotUtf8BeforeAnotherFilesMistake() throws IOException {
		Files.writeString(this.directory.resolve("aaaa00000001_first.sql"), "-- revison: aaaa00000001\n-- upgrade\n");
		Path file = this.directory.resolve("bbbb00000002_latin1.sql");
		Files.write(file, (revision("bbbb00000002", "none") + "-- caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
		assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
			.isInstanceOf(RevisionFileException.class)
			.hasMessageStartingWith(file + ":7: the file is not valid UTF-8");
	}

	@Test
	void rejectsFilesThatAreNotUtf8NamingThem() throws IOException {
		Path file = this.directory.resolve("aaaa00000001_latin1.sql");
		Files.write(file, (revision("aaaa00000001", "none") + "-- caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
		assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
			.isInstanceOf(RevisionFileException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("UTF-8");
	}

	@Test
	void aFileSavedAsUtf16IsNamedAsSuchWithOrWithoutItsByteOrderMark() throws IOException {
		// what Windows PowerShell's `>` and Out-File write, and Notepad's "Unicode"
		Path file = this.directory.resolve("aaaa00000001_utf16.sql");
		for (Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
				StandardCharsets.UTF_16BE)) {
			byte[] text = revision("aaaa00000001", "none").getBytes(charset);
			if (charset.equals(StandardCharsets.UTF_16LE)) {
				byte[] marked = new byte[text.length + 2];
				marked[0] = (byte) 0xFF;
				marked[1] = (byte) 0xFE;
				System.arraycopy(text, 0, marked, 2, text.length);
				Files.write(file, marked);
				assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory),
						getClass().getClassLoader()))
					.isInstanceOf(RevisionFileException.class)
					.hasMessage(file + ":1: the file is UTF-16, not UTF-8: save it as UTF-8 (in PowerShell,"
							+ " `Set-Content -Encoding utf8` or `Out-File -Encoding utf8`)");
			}
			Files.write(file, text);
			assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory),
					getClass().getClassLoader()))
				.isInstanceOf(RevisionFileException.class)
				.hasMessage(file + ":1: the file is UTF-16, not UTF-8: save it as UTF-8 (in PowerShell,"
						+ " `Set-Content -Encoding utf8` or `Out-File -Encoding utf8`)");
		}
	}

	@Test
	void aNulByteIsNamedWithItsLineBeforeAnyDatabaseSeesIt() throws IOException {
		Path file = this.directory.resolve("aaaa00000001_nul.sql");
		Files.writeString(file, revision("aaaa00000001", "none") + "INSERT INTO t VALUES ('a\u0000b');\n");
		assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
			.isInstanceOf(RevisionFileException.class)
			.hasMessageStartingWith(file + ":7: the file holds a NUL byte (0x00) at byte 25 of line 7");
		// anywhere in the file: a header, a comment, the downgrade
		for (String text : List.of("-- message: a\u0000\n-- revision: aaaa00000001\n-- down_revision: none\n\n-- upgrade\nSELECT 1;\n",
				revision("aaaa00000001", "none") + "-- a comment \u0000\n",
				revision("aaaa00000001", "none") + "\n-- downgrade\nSELECT '\u0000';\n")) {
			Files.writeString(file, text);
			assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
				.isInstanceOf(RevisionFileException.class)
				.hasMessageContaining("the file holds a NUL byte (0x00)");
		}
	}

	@Test
	void givesTheLineAndByteOffsetOfTheFirstByteThatIsNotUtf8() throws IOException {
		Path file = this.directory.resolve("aaaa00000001_latin1.sql");
		String before = revision("aaaa00000001", "none") + "-- caf";
		Files.write(file, (before + "\u00e9 au lait\n").getBytes(StandardCharsets.ISO_8859_1));
		assertThatThrownBy(() -> RevisionSources.loadSql(List.of("filesystem:" + this.directory), getClass().getClassLoader()))
			.isInstanceOf(RevisionFileException.class)
			.hasMessageStartingWith(file + ":7: the file is not valid UTF-8: byte 0xE9 at byte offset " + before.length()
					+ " (byte 7 of line 7)")
			.hasMessageContaining("save it as UTF-8");
	}

	@Test
	void findsJavaRevisionsInAPackage() {
		List<Revision> revisions = RevisionSources.loadJava(List.of("dev.migrations.fixtures.java"), getClass().getClassLoader());
		assertThat(revisions).extracting(Revision::id).containsExactly("java000backfill");
		assertThat(revisions.get(0).source()).isEqualTo("class dev.migrations.fixtures.java.BackfillGreeting");
		assertThat(revisions.get(0).downRevisions()).containsExactly("aaaa00000001");
	}

	@Test
	void aJavaRevisionCompiledForANewerJavaIsAnErrorNamingItNotARevisionLeftOut() throws IOException {
		// the fixture's class file as a build with a newer --release writes it: only the version bytes differ
		String name = "dev/migrations/fixtures/java/BackfillGreeting.class";
		byte[] bytes;
		try (var in = getClass().getClassLoader().getResourceAsStream(name)) {
			bytes = in.readAllBytes();
		}
		int newer = Runtime.version().feature() + 1;
		bytes[6] = 0;
		bytes[7] = (byte) (newer + 44);
		Path file = this.directory.resolve(name);
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, getClass().getClassLoader()) {
			@Override
			protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
				if (!className.startsWith("dev.migrations.fixtures.java.")) {
					return super.loadClass(className, resolve);
				}
				synchronized (getClassLoadingLock(className)) {
					Class<?> loaded = findLoadedClass(className);
					return (loaded != null) ? loaded : findClass(className);
				}
			}
		}) {
			assertThatThrownBy(() -> RevisionSources.loadJava(List.of("dev.migrations.fixtures.java"), loader))
				.isInstanceOf(RevisionException.class)
				.hasMessageStartingWith("Java revision class dev.migrations.fixtures.java.BackfillGreeting is compiled for Java "
						+ newer + " (class file version " + (newer + 44) + ") and this JVM is Java " + Runtime.version().feature())
				.hasMessageContaining("run the application on Java " + newer + " or newer, or compile the revisions with --release "
						+ Runtime.version().feature());
		}
	}

	private static void put(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		OutputStream stream = out;
		stream.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

}
