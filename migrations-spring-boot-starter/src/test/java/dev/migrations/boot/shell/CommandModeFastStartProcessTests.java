package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.boot.shell.fastapp.FastStartApplication;
import dev.migrations.boot.shell.fastcallbackapp.CallbackApplication;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java ... App db ...} without the application context when nothing the command uses comes from
 * it, each command a JVM of its own: the same results and exit statuses as with the context, the
 * application's own start skipped, and the context started after all when the application declares a bean
 * the command takes (a callback that must run), or when told to.
 */
@ExtendWith(TestDatabaseExtension.class)
class CommandModeFastStartProcessTests {

	@TempDir
	Path directory;

	@Test
	void commandsRunWithoutTheApplicationContextWhenNothingTheyUseComesFromIt(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);

		JavaProcess.Finished upgrade = run(FastStartApplication.class, database, revisions, "db", "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.out()).containsPattern("Upgraded to 2b3c4d5e6f70 from base: 2 revisions in \\d+ ms\\.");
		assertThat(upgrade.err()).doesNotContain(FastStartApplication.CONTEXT_STARTED);

		JavaProcess.Finished current = run(FastStartApplication.class, database, revisions, "db", "current");
		assertThat(current.exitCode()).as(current.toString()).isZero();
		assertThat(current.out()).contains("2b3c4d5e6f70 (head)");
		assertThat(current.err()).doesNotContain(FastStartApplication.CONTEXT_STARTED);

		// the entities come from @EntityScan's package, with Spring Boot's naming strategies
		JavaProcess.Finished clean = run(FastStartApplication.class, database, revisions, "db", "check");
		assertThat(clean.exitCode()).as(clean.toString()).isZero();
		assertThat(clean.out()).contains("No differences");
		assertThat(clean.err()).doesNotContain(FastStartApplication.CONTEXT_STARTED);

		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP INDEX ix_bulletin_title");
		}
		JavaProcess.Finished drift = run(FastStartApplication.class, database, revisions, "db", "check");
		assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
		assertThat(drift.out()).contains("  INDEX_MISSING  bulletin: the database lacks index ix_bulletin_title on (title)");
		assertThat(drift.err()).doesNotContain(FastStartApplication.CONTEXT_STARTED);

		JavaProcess.Finished failing = run(FastStartApplication.class, database, revisions, "db", "downgrade", "ffffffffffff");
		assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(2);
		assertThat(failing.firstErrorLine()).contains("ffffffffffff");
		assertThat(failing.out() + failing.err()).doesNotContainPattern(JavaProcess.STACK_TRACE);

		JavaProcess.Finished withContext = run(FastStartApplication.class, database, revisions, "db", "current",
				"--migrations.shell.command-mode.fast-start=false");
		assertThat(withContext.exitCode()).as(withContext.toString()).isZero();
		assertThat(withContext.out()).contains("2b3c4d5e6f70 (head)");
		assertThat(withContext.err()).contains(FastStartApplication.CONTEXT_STARTED);
	}

	@Test
	void anInMemoryDatabaseIsRefusedWithoutTheContext(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		JavaProcess.Finished upgrade = run(FastStartApplication.class, database, revisions, "db", "upgrade",
				"--spring.datasource.url=jdbc:h2:mem:ci", "--spring.datasource.username=sa", "--spring.datasource.password=");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(2);
		assertThat(upgrade.firstErrorLine()).as(upgrade.toString())
			.startsWith("`db upgrade` refuses to run on jdbc:h2:mem:ci: spring.datasource.url names an in-memory database");
		assertThat(upgrade.out()).doesNotContain("Upgraded");
		assertThat(upgrade.err()).doesNotContain(FastStartApplication.CONTEXT_STARTED);
	}

	@Test
	void failuresKeepTheExitContractWithoutTheContext(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		JavaProcess.Finished unreachable = run(FastStartApplication.class, database, revisions, "db", "current",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
		assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(2);
		assertThat(unreachable.firstErrorLine()).as(unreachable.toString()).contains("Could not connect to the database");
		assertThat(unreachable.out() + unreachable.err()).doesNotContainPattern(JavaProcess.STACK_TRACE);
		assertThat(unreachable.err()).doesNotContain(FastStartApplication.CONTEXT_STARTED);

		Path typo = this.directory.resolve("typo");
		ShellTestRevisions.write(typo, "1a2b3c4d5e6f_create.sql",
				"-- revison: 1a2b3c4d5e6f\n-- down_revision: none\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n");
		JavaProcess.Finished badFile = run(FastStartApplication.class, database, typo, "db", "upgrade");
		assertThat(badFile.exitCode()).as(badFile.toString()).isEqualTo(2);
		assertThat(badFile.firstErrorLine()).as(badFile.toString()).contains("unknown header `revison`");
		assertThat(badFile.out() + badFile.err()).doesNotContainPattern(JavaProcess.STACK_TRACE);
	}

	@Test
	void theScriptOfARangeNeedsNoDatabase(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		JavaProcess.Finished script = run(FastStartApplication.class, database, revisions, "db", "upgrade",
				"1a2b3c4d5e6f:2b3c4d5e6f70", "--sql", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
		assertThat(script.exitCode()).as(script.toString()).isZero();
		assertThat(script.out()).startsWith("-- Upgrade script for postgresql, from 1a2b3c4d5e6f to 2b3c4d5e6f70")
			.contains("CREATE INDEX");
		// without a range, the script starts where the database is: it needs the database
		JavaProcess.Finished fromTheDatabase = run(FastStartApplication.class, database, revisions, "db", "upgrade",
				"--sql", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
		assertThat(fromTheDatabase.exitCode()).as(fromTheDatabase.toString()).isEqualTo(2);
		assertThat(fromTheDatabase.firstErrorLine()).contains("Could not connect to the database");
	}

	@Test
	void theCommandsThatWriteRevisionFilesNeedNoDatabase(TestDatabase database) throws Exception {
		// a new project, or a laptop whose database is not running: as Alembic's init, revision and merge
		Path revisions = this.directory.resolve("revisions");
		String unreachable = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none";
		JavaProcess.Finished init = run(FastStartApplication.class, database, revisions, "db", "init", unreachable);
		assertThat(init.exitCode()).as(init.toString()).isZero();
		assertThat(revisions).isDirectory();
		JavaProcess.Finished first = run(FastStartApplication.class, database, revisions, "db", "revision", "-m", "first",
				"--rev-id", "aaaa1111", unreachable);
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(revisions.resolve("aaaa1111_first.sql")).isRegularFile();
		JavaProcess.Finished second = run(FastStartApplication.class, database, revisions, "db", "revision", "-m", "second",
				"--head", "base", "--rev-id", "bbbb2222", unreachable);
		assertThat(second.exitCode()).as(second.toString()).isZero();
		JavaProcess.Finished merge = run(FastStartApplication.class, database, revisions, "db", "merge", "-m", "join",
				unreachable);
		assertThat(merge.exitCode()).as(merge.toString()).isZero();
		assertThat(merge.out()).contains("joining aaaa1111, bbbb2222");
		JavaProcess.Finished heads = run(FastStartApplication.class, database, revisions, "db", "heads", unreachable);
		assertThat(heads.exitCode()).as(heads.toString()).isZero();
		assertThat(heads.out()).contains("(head) join");
		JavaProcess.Finished branches = run(FastStartApplication.class, database, revisions, "db", "branches", unreachable);
		assertThat(branches.exitCode()).as(branches.toString()).isZero();
		assertThat(init.out() + init.err() + first.err() + second.err() + merge.err()).doesNotContain("Could not connect");
	}

	@Test
	void lintOfTheFilesNeedsNoDatabase(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.write(revisions, "1a2b3c4d5e6f_create.sql", "-- revision: 1a2b3c4d5e6f\n-- down_revision: none\n\n"
				+ "-- upgrade\nCREATE TABLE t (id int);\n\n-- downgrade\nDROP TABLE t;\n");
		ShellTestRevisions.write(revisions, "2b3c4d5e6f70_commit.sql", "-- revision: 2b3c4d5e6f70\n-- down_revision: 1a2b3c4d5e6f\n\n"
				+ "-- upgrade\nCREATE TABLE u (id int);\nCOMMIT;\n\n-- downgrade\nDROP TABLE u;\n");
		String unreachable = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none";
		JavaProcess.Finished all = run(FastStartApplication.class, database, revisions, "db", "lint", "--all", unreachable);
		assertThat(all.exitCode()).as(all.toString()).isEqualTo(1);
		assertThat(all.out()).contains("transaction-control").contains("2b3c4d5e6f70_commit.sql:6");
		assertThat(all.firstErrorLine()).as(all.toString()).startsWith("lint found 1 error(s)");
		JavaProcess.Finished named = run(FastStartApplication.class, database, revisions, "db", "lint", "1a2b3c4d5e6f",
				unreachable);
		assertThat(named.exitCode()).as(named.toString()).isZero();
		assertThat(named.out() + named.err()).doesNotContainPattern(JavaProcess.STACK_TRACE);
		// the pending revisions are the database's: they need it
		JavaProcess.Finished pending = run(FastStartApplication.class, database, revisions, "db", "lint", unreachable);
		assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(2);
		assertThat(pending.firstErrorLine()).contains("Could not connect to the database");
	}

	@Test
	void thePoolPropertiesOfTheApplicationApplyWithoutTheContext(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA fast_start_side");
		}
		JavaProcess.Finished upgrade = run(FastStartApplication.class, database, revisions, "db", "upgrade",
				"--spring.datasource.hikari.schema=fast_start_side");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet tables = statement.executeQuery("SELECT table_schema FROM information_schema.tables"
						+ " WHERE table_name = 'bulletin'")) {
			assertThat(tables.next()).isTrue();
			assertThat(tables.getString(1)).isEqualTo("fast_start_side");
			assertThat(tables.next()).isFalse();
		}
	}

	@Test
	void rehearseCopiesTheDatabaseThoughTheCommandsOwnPoolIsConnected(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		// CREATE DATABASE ... TEMPLATE refuses while any other session is on the database, the test's own too
		database.newSessionForEachConnection();
		assertThat(run(FastStartApplication.class, database, revisions, "db", "upgrade", "+1").exitCode()).isZero();

		JavaProcess.Finished rehearse = run(FastStartApplication.class, database, revisions, "db", "rehearse");
		assertThat(rehearse.exitCode()).as(rehearse.toString()).isZero();
		assertThat(rehearse.out()).startsWith("Rehearsed 1 revision (1 statement) up to head on " + database.name()
				+ "_rehearsal_")
			.contains("The rehearsal ran every statement; nothing was kept.");
		assertThat(rehearse.err()).doesNotContain(FastStartApplication.CONTEXT_STARTED);
		assertThat(SafetyCommandsTests.rehearsalCopies(database)).isEmpty();
	}

	@Test
	void theApplicationContextStartsWhenTheApplicationDeclaresABeanTheCommandTakes(TestDatabase database)
			throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);

		JavaProcess.Finished upgrade = run(CallbackApplication.class, database, revisions, "db", "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.out()).contains(CallbackApplication.BEFORE_UPGRADE + "head");

		JavaProcess.Finished current = run(CallbackApplication.class, database, revisions, "db", "current", "--debug");
		assertThat(current.exitCode()).as(current.toString()).isZero();
		assertThat(current.out()).contains("2b3c4d5e6f70 (head)");
		assertThat(current.out()).contains("db current starts the application context: "
				+ CallbackApplication.class.getName() + ".announcingCallback() declares a bean of type"
				+ " dev.migrations.MigrationsCallback\n");
		assertThat(current.err()).isEmpty();

		// with JSON or a script on standard output, the reason goes with the log to standard error
		JavaProcess.Finished json = run(CallbackApplication.class, database, revisions, "db", "current", "--debug",
				"--format", "json");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		assertThat(json.out().lines()).as(json.toString()).hasSize(1).first().asString().startsWith("{\"current\":[");
		assertThat(json.err()).contains("db current starts the application context: ");
		JavaProcess.Finished script = run(CallbackApplication.class, database, revisions, "db", "downgrade", "head:base",
				"--sql", "--debug");
		assertThat(script.exitCode()).as(script.toString()).isZero();
		assertThat(script.out()).as(script.toString()).startsWith("-- ").doesNotContain("starts the application context");
	}

	private JavaProcess.Finished run(Class<?> application, TestDatabase database, Path revisions, String... words)
			throws Exception {
		List<String> arguments = new ArrayList<>(Arrays.asList(words));
		// a property given twice would have both values: the words' replace the database's
		ShellSession.connectionArguments(database, revisions)
			.stream()
			.filter((setting) -> Arrays.stream(words).noneMatch((word) -> word.startsWith(setting.substring(0, setting.indexOf('=') + 1))))
			.forEach(arguments::add);
		try (JavaProcess process = JavaProcess.start(this.directory.resolve("jvm"), application, arguments)) {
			return process.await();
		}
	}

}
