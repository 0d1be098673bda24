package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.boot.shell.jpaapp.TicketApplication;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db history}, {@code db show} and {@code db heads} as Alembic's: the graph from the revision files when the database
 * cannot be reached or none is configured (exit 0, said once on standard error with the URL), the states
 * when it can; a database that answers and refuses stays a failure, and so does a question only the
 * database answers ({@code --indicate-current}).
 */
@ExtendWith(TestDatabaseExtension.class)
class CommandModeWithoutDatabaseProcessTests {

	private static final String NOTHING_LISTENING = "jdbc:postgresql://127.0.0.1:1/none";

	@TempDir
	Path directory;

	@Test
	void historyAndShowPrintTheFilesWhenNothingListensAtTheUrl(TestDatabase database) throws Exception {
		JavaProcess.Finished history = run(database, "--spring.datasource.url=" + NOTHING_LISTENING, "db", "history");
		assertThat(history.exitCode()).as(history.toString()).isZero();
		assertThat(history.out().lines()).as(history.toString()).containsExactly(
				"1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), index bulletin titles",
				"<base> -> 1a2b3c4d5e6f, create bulletin");
		assertThat(history.err().lines().filter((line) -> line.startsWith("Showing"))).as(history.toString())
			.containsExactly("Showing the revision files without their state: the database cannot be reached ("
					+ NOTHING_LISTENING + ": Connection refused).");
		assertThat(JavaProcess.STACK_TRACE.matcher(history.out() + history.err()).find()).isFalse();

		JavaProcess.Finished json = run(database, "--spring.datasource.url=" + NOTHING_LISTENING, "db", "history",
				"--format=json");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		assertThat(json.out().lines()).hasSize(1).first().asString().startsWith("{\"revisions\":[{\"revision\":\"2b3c4d5e6f70\"")
			.doesNotContain("\"state\"");

		JavaProcess.Finished heads = run(database, "--spring.datasource.url=" + NOTHING_LISTENING, "db", "heads", "--format",
				"json");
		assertThat(heads.exitCode()).as(heads.toString()).isZero();
		assertThat(heads.out().lines()).hasSize(1).first().asString().startsWith("{\"heads\":[\"2b3c4d5e6f70\"]")
			.doesNotContain("\"state\"");

		JavaProcess.Finished show = run(database, "--spring.datasource.url=" + NOTHING_LISTENING, "db", "show", "head");
		assertThat(show.exitCode()).as(show.toString()).isZero();
		assertThat(show.out()).contains("Revision:   2b3c4d5e6f70 (head)").contains("CREATE INDEX ix_bulletin_title")
			.doesNotContain("State:");
		assertThat(show.firstErrorLine()).startsWith("Showing the revision files without their state: the database cannot"
				+ " be reached (" + NOTHING_LISTENING);
	}

	@Test
	void historyPrintsTheFilesWhenNoDatabaseIsConfigured(TestDatabase database) throws Exception {
		// no URL, and no embedded database made up in its place
		JavaProcess.Finished history = runWithoutUrl("db", "history");
		assertThat(history.exitCode()).as(history.toString()).isZero();
		assertThat(history.out().lines()).containsExactly("1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), index bulletin titles",
				"<base> -> 1a2b3c4d5e6f, create bulletin");
		assertThat(history.firstErrorLine()).isEqualTo("Showing the revision files without their state: no database is"
				+ " configured (spring.datasource.url or migrations.url).");

		// with an in-memory database Spring Boot would make up (H2 is on this class path): the files alone too
		JavaProcess.Finished madeUp = runWithoutUrl("db", "history", "--spring.datasource.embedded-database-connection=h2");
		assertThat(madeUp.exitCode()).as(madeUp.toString()).isZero();
		assertThat(madeUp.out()).doesNotContain("[pending]").contains("<base> -> 1a2b3c4d5e6f, create bulletin");
		assertThat(madeUp.firstErrorLine()).startsWith("Showing the revision files without their state: no database is"
				+ " configured");

		JavaProcess.Finished current = runWithoutUrl("db", "current");
		assertThat(current.exitCode()).as(current.toString()).isEqualTo(2);
		// said so that it works however the command was started: java -jar, the Maven goals, the shell
		assertThat(current.firstErrorLine()).isEqualTo("No database is configured: set spring.datasource.url (or"
				+ " migrations.url) to the database, e.g. spring.datasource.url=jdbc:postgresql://localhost:5432/app in the"
				+ " application's application.properties; for one run, -Dspring.datasource.url=... (java -D... -jar, or"
				+ " after a Maven goal) or SPRING_DATASOURCE_URL in the environment.");
		assertThat(JavaProcess.STACK_TRACE.matcher(current.out() + current.err()).find()).isFalse();

		JavaProcess.Finished indicate = runWithoutUrl("db", "history", "--indicate-current");
		assertThat(indicate.exitCode()).as(indicate.toString()).isEqualTo(2);
		assertThat(indicate.firstErrorLine()).startsWith("--indicate-current needs the database, and none is configured");
	}

	@Test
	void lintOfTheFilesRunsWhenNoDatabaseIsConfigured(TestDatabase database) throws Exception {
		// an application whose entities are scanned as Spring Boot does, and a DataSource it cannot create
		JavaProcess.Finished all = runWithoutUrl(TicketApplication.class, "db", "lint", "--all");
		assertThat(all.exitCode()).as(all.toString()).isZero();
		assertThat(all.out()).as(all.toString()).contains("Linted 2 revisions");
		assertThat(JavaProcess.STACK_TRACE.matcher(all.out() + all.err()).find()).as(all.toString()).isFalse();

		JavaProcess.Finished one = runWithoutUrl(TicketApplication.class, "db", "lint", "2b3c4d5e6f70");
		assertThat(one.exitCode()).as(one.toString()).isZero();
		assertThat(one.out()).as(one.toString()).contains("Linted 1 revision");
	}

	@Test
	void aScriptOfARangeWithoutAUrlIsWrittenForTheOneDatabaseWhoseDriverTheApplicationHas(TestDatabase database)
			throws Exception {
		JavaProcess.Finished mariaDb = runWithoutUrlOn(withoutDrivers("postgresql-", "h2-"), "db", "upgrade", "base:head",
				"--sql");
		assertThat(mariaDb.exitCode()).as(mariaDb.toString()).isZero();
		assertThat(mariaDb.out()).as(mariaDb.toString())
			.startsWith("-- Upgrade script for mariadb, from base to 2b3c4d5e6f70 (head): 2 revision(s).")
			.contains(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;")
			.contains("CREATE INDEX ix_bulletin_title");

		JavaProcess.Finished postgres = runWithoutUrlOn(withoutDrivers("mariadb-java-client-", "h2-"), "db", "upgrade",
				"base:head", "--sql");
		assertThat(postgres.exitCode()).as(postgres.toString()).isZero();
		assertThat(postgres.out()).as(postgres.toString())
			.startsWith("-- Upgrade script for postgresql, from base to 2b3c4d5e6f70 (head): 2 revision(s).")
			.doesNotContain("ENGINE=InnoDB");

		// PostgreSQL's and MariaDB's drivers (and H2's): which database the script is for is not known
		JavaProcess.Finished both = runWithoutUrlOn(System.getProperty("java.class.path"), "db", "upgrade", "base:head",
				"--sql");
		assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
		assertThat(both.out()).isEmpty();
		assertThat(both.firstErrorLine()).isEqualTo("A script's SQL depends on its database, and no URL is configured and"
				+ " the application has PostgreSQL's and MariaDB's drivers: give the database's URL, e.g."
				+ " --spring.datasource.url=jdbc:postgresql://localhost:5432/app (only its scheme is read for a script of"
				+ " a range; nothing connects).");
		assertThat(JavaProcess.STACK_TRACE.matcher(both.out() + both.err()).find()).as(both.toString()).isFalse();
	}

	private static String withoutDrivers(String... jarNamePrefixes) {
		return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter((entry) -> Arrays.stream(jarNamePrefixes)
				.noneMatch((prefix) -> Path.of(entry).getFileName().toString().startsWith(prefix)))
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	@Test
	void aDatabaseThatAnswersAndRefusesOrAQuestionForItRemainsAFailure(TestDatabase database) throws Exception {
		JavaProcess.Finished refused = run(database, "--spring.datasource.username=no_such_user_here", "db", "history");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		assertThat(refused.firstErrorLine()).contains("no_such_user_here");
		assertThat(refused.out()).isEmpty();

		JavaProcess.Finished indicate = run(database, "--spring.datasource.url=" + NOTHING_LISTENING, "db", "history",
				"--indicate-current");
		assertThat(indicate.exitCode()).as(indicate.toString()).isEqualTo(2);
		assertThat(indicate.firstErrorLine()).contains("127.0.0.1:1");

		JavaProcess.Finished reachable = run(database, null, "db", "history");
		assertThat(reachable.exitCode()).as(reachable.toString()).isZero();
		assertThat(reachable.out().lines()).containsExactly(
				"1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), index bulletin titles [pending]",
				"<base> -> 1a2b3c4d5e6f, create bulletin [pending]");
		assertThat(reachable.err()).doesNotContain("Showing the revision files");
	}

	private JavaProcess.Finished run(TestDatabase database, String setting, String... words)
			throws IOException, InterruptedException {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		List<String> args = new ArrayList<>(Arrays.asList(words));
		String replaced = (setting != null) ? setting.substring(0, setting.indexOf('=') + 1) : null;
		ShellSession.connectionArguments(database, revisions).stream()
			.filter((argument) -> replaced == null || !argument.startsWith(replaced))
			.forEach(args::add);
		if (setting != null) {
			args.add(setting);
		}
		args.add("--logging.level.root=WARN");
		try (JavaProcess process = JavaProcess.start(this.directory.resolve("runs"), ShellTestApplication.class, args)) {
			return process.await();
		}
	}

	private JavaProcess.Finished runWithoutUrl(String... words) throws IOException, InterruptedException {
		return runWithoutUrl(ShellTestApplication.class, words);
	}

	private JavaProcess.Finished runWithoutUrl(Class<?> application, String... words)
			throws IOException, InterruptedException {
		return runWithoutUrlOn(application, null, words);
	}

	private JavaProcess.Finished runWithoutUrlOn(String classPath, String... words) throws IOException, InterruptedException {
		return runWithoutUrlOn(ShellTestApplication.class, classPath, words);
	}

	private JavaProcess.Finished runWithoutUrlOn(Class<?> application, String classPath, String... words)
			throws IOException, InterruptedException {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.addAll(List.of("--migrations.locations=filesystem:" + revisions, "--migrations.generate.output-dir=" + revisions,
				"--logging.level.root=WARN"));
		if (args.stream().noneMatch((arg) -> arg.startsWith("--spring.datasource.embedded-database-connection="))) {
			args.add("--spring.datasource.embedded-database-connection=none");
		}
		try (JavaProcess process = (classPath != null)
				? JavaProcess.startOnClassPath(this.directory.resolve("runs"), classPath, application, args)
				: JavaProcess.start(this.directory.resolve("runs"), application, args)) {
			return process.await();
		}
	}

}
