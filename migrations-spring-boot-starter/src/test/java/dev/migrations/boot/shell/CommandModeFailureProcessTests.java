package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exit contract of {@code java -jar app.jar db ...} under failures, each case a JVM of its own as
 * CI runs it: exit status 2, the message's sentence as the first line of standard error, no stack trace
 * anywhere unless {@code --debug} asks for one. The revision files' errors, the database's, a failing
 * revision and a failure of the application's own start all keep it.
 */
@ExtendWith(TestDatabaseExtension.class)
class CommandModeFailureProcessTests {

	@TempDir
	Path directory;

	@Test
	void everyFailureExitsWithTwoAndItsMessageOnStandardErrorWithoutAStackTrace(TestDatabase database) throws Exception {
		Map<String, Case> cases = new LinkedHashMap<>();
		cases.put("header typo", revisions("typo", Map.of("1a2b3c4d5e6f_create.sql",
				file("-- revison: 1a2b3c4d5e6f\n-- down_revision: none\n"))).expect("unknown header `revison`"));
		cases.put("bad id", revisions("badid", Map.of("1a2b-3c_create.sql", file("-- revision: 1a2b-3c\n-- down_revision: none\n")))
			.expect("1a2b-3c"));
		cases.put("cycle", revisions("cycle", Map.of("aaaaaaaaaaaa_a.sql", file("-- revision: aaaaaaaaaaaa\n-- down_revision: bbbbbbbbbbbb\n"),
				"bbbbbbbbbbbb_b.sql", file("-- revision: bbbbbbbbbbbb\n-- down_revision: aaaaaaaaaaaa\n")))
			.expect("cycle"));
		cases.put("duplicate id", revisions("duplicate", Map.of("1a2b3c4d5e6f_one.sql", file("-- revision: 1a2b3c4d5e6f\n-- down_revision: none\n"),
				"1a2b3c4d5e6f_two.sql", file("-- revision: 1a2b3c4d5e6f\n-- down_revision: none\n")))
			.expect("1a2b3c4d5e6f"));
		cases.put("missing parent", revisions("parent", Map.of("1a2b3c4d5e6f_create.sql",
				file("-- revision: 1a2b3c4d5e6f\n-- down_revision: ffffffffffff\n"))).expect("ffffffffffff"));
		cases.put("id not matching the file name", revisions("name", Map.of("1a2b3c4d5e6f_create.sql",
				file("-- revision: 9f9f9f9f9f9f\n-- down_revision: none\n"))).expect("1a2b3c4d5e6f_create.sql"));
		Path notUtf8 = this.directory.resolve("encoding");
		Files.createDirectories(notUtf8);
		Files.write(notUtf8.resolve("1a2b3c4d5e6f_create.sql"), file("-- revision: 1a2b3c4d5e6f\n-- down_revision: none\n-- message: caf\u00e9\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		cases.put("not UTF-8", new Case(notUtf8, List.of(), "1a2b3c4d5e6f_create.sql"));
		Path good = this.directory.resolve("good");
		ShellTestRevisions.writeBulletin(good);
		cases.put("nothing listening", new Case(good, List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none"),
				"Could not connect to the database"));
		cases.put("unknown host", new Case(good, List.of("--spring.datasource.url=jdbc:postgresql://no-such-host.invalid:5432/none"),
				"unknown host"));
		cases.put("no driver for the URL", new Case(good, List.of("--spring.datasource.url=jdbc:postgresq://127.0.0.1:5432/none"),
				"No JDBC driver on the class path accepts spring.datasource.url=jdbc:postgresq://127.0.0.1:5432/none"));
		// an environment variable that is not set, named by the URL (spring.datasource.url=${DB_URL})
		cases.put("unresolved placeholder", new Case(good, List.of("--spring.datasource.url=${MIGRATIONS_TEST_UNSET_URL}"),
				"Could not resolve placeholder 'MIGRATIONS_TEST_UNSET_URL'"));
		cases.put("unknown user", new Case(good, List.of("--spring.datasource.username=no_such_user_here"), "no_such_user_here"));
		Path failing = this.directory.resolve("failing");
		ShellTestRevisions.write(failing, "1a2b3c4d5e6f_create.sql",
				file("-- revision: 1a2b3c4d5e6f\n-- down_revision: none\n").replace("SELECT 1;", "SELECT * FROM no_such_table;"));
		cases.put("failing revision", new Case(failing, List.of(), "1a2b3c4d5e6f"));
		cases.put("application failing to start", new Case(good, List.of("--shell-test.fail-on-start=true"),
				"The shell test application was told to fail on start"));

		// a few JVMs at a time: each case is independent, and one after the other takes long on a busy machine
		ExecutorService runs = Executors.newFixedThreadPool(3);
		Map<String, Future<JavaProcess.Finished>> finished = new LinkedHashMap<>();
		try {
			cases.forEach((name, given) -> finished.put(name, runs.submit(() -> run(database, given, "db", "upgrade"))));
			List<String> problems = new ArrayList<>();
			for (Map.Entry<String, Case> entry : cases.entrySet()) {
				Case given = entry.getValue();
				JavaProcess.Finished run = finished.get(entry.getKey()).get();
				String problem = "";
				if (run.exitCode() != 2) {
					problem += " exit status " + run.exitCode() + ";";
				}
				if (!run.firstErrorLine().contains(given.expected())) {
					problem += " first line of stderr not about " + given.expected() + ";";
				}
				if (JavaProcess.STACK_TRACE.matcher(run.out() + run.err()).find()) {
					problem += " a stack trace;";
				}
				if (!problem.isEmpty()) {
					problems.add(entry.getKey() + ":" + problem + "\n" + run);
				}
			}
			assertThat(problems).isEmpty();
		}
		finally {
			runs.shutdownNow();
		}
	}

	@Test
	void aConfigurationFileThatCannotBeReadExitsWithTwoAndNamesTheFile(TestDatabase database) throws Exception {
		// Spring Boot fails while it reads the configuration, before command mode is on: `db check` must still not
		// exit with 1, which says the entities differ from the database
		Path revisions = this.directory.resolve("good");
		ShellTestRevisions.writeBulletin(revisions);
		Path missing = this.directory.resolve("no-such.properties");
		Path broken = this.directory.resolve("broken.yml");
		Files.writeString(broken, "spring:\n  datasource:\n    url: [unclosed\n");
		Map<String, Case> cases = new LinkedHashMap<>();
		cases.put("imported file missing", new Case(revisions, List.of("--spring.config.import=file:" + missing),
				"The application's configuration could not be read: Config data resource 'file [" + missing + "]'"));
		cases.put("YAML that does not parse", new Case(revisions, List.of("--spring.config.import=file:" + broken),
				"The application's configuration could not be read: while parsing a flow sequence"));
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, Case> entry : cases.entrySet()) {
			JavaProcess.Finished run = run(database, entry.getValue(), "db", "check");
			if (run.exitCode() != 2 || !run.firstErrorLine().contains(entry.getValue().expected())
					|| JavaProcess.STACK_TRACE.matcher(run.out() + run.err()).find()) {
				problems.add(entry.getKey() + ":\n" + run);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aFailedRevisionSaysWhatToDoOnce(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("failing");
		ShellTestRevisions.write(revisions, "1a2b3c4d5e6f_create.sql", "-- revision: 1a2b3c4d5e6f\n-- down_revision: none\n"
				+ "-- message: create one\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "ALTER TABLE no_such_table ADD COLUMN x int;\n\n-- downgrade\nDROP TABLE one;\n");
		Path file = revisions.resolve("1a2b3c4d5e6f_create.sql");
		JavaProcess.Finished run = run(database, new Case(revisions, List.of("--logging.level.root=WARN"), ""), "db",
				"upgrade");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.out().lines()).as(run.toString()).containsExactly("  [1/1] upgrade 1a2b3c4d5e6f create one ... failed");
		assertThat(run.err().lines()).as(run.toString()).containsExactly(
				"Revision 1a2b3c4d5e6f (" + file + ") failed at upgrade statement 2 of 2 (line 7):",
				"    ALTER TABLE no_such_table ADD COLUMN x int",
				"ERROR: relation \"no_such_table\" does not exist [SQLState 42P01]",
				"The revision was rolled back: nothing of it was applied; revisions before it stay applied. Fix the statement"
						+ " and run `db upgrade` again.");
	}

	@Test
	void aFailedStatementsPasswordIsMaskedInTheMessageAndTheDebugTrace(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("password");
		// PL/pgSQL's message, which the driver's exception in the trace holds, quotes the statement it ran
		ShellTestRevisions.write(revisions, "1a2b3c4d5e6f_create.sql", "-- revision: 1a2b3c4d5e6f\n-- down_revision: none\n"
				+ "-- message: reporting role\n-- transactional: false\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "DO $$ BEGIN EXECUTE 'ALTER ROLE mig_no_such_reporter PASSWORD ''Tr0ub4dor-s3cret'''; END $$;\n\n"
				+ "-- downgrade\nDROP TABLE one;\n");
		JavaProcess.Finished run = run(database, new Case(revisions, List.of("--debug"), ""), "db", "upgrade");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.firstErrorLine()).as(run.toString()).startsWith("Revision 1a2b3c4d5e6f (")
			.endsWith(") failed at upgrade statement 2 of 2 (line 8):");
		assertThat(run.err()).as(run.toString())
			.contains("    DO $$ BEGIN EXECUTE 'ALTER ROLE mig_no_such_reporter PASSWORD ''******'''; END $$")
			.contains("PSQLException")
			.contains("SQL statement \"ALTER ROLE mig_no_such_reporter PASSWORD '******'\"")
			.doesNotContain("Tr0ub4dor-s3cret");
		assertThat(run.out()).doesNotContain("Tr0ub4dor-s3cret");
	}

	@Test
	void debugAddsTheStackTraceAndKeepsTheExitStatus(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("typo");
		ShellTestRevisions.write(revisions, "1a2b3c4d5e6f_create.sql", file("-- revison: 1a2b3c4d5e6f\n-- down_revision: none\n"));
		JavaProcess.Finished run = run(database, new Case(revisions, List.of("--debug"), ""), "db", "current");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.firstErrorLine()).as(run.toString()).contains("unknown header `revison`");
		assertThat(run.err()).contains("RevisionFileException");
	}

	@Test
	void helpListsTheCommandsAndAMistypedOneIsNamed(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("good");
		ShellTestRevisions.writeBulletin(revisions);
		JavaProcess.Finished help = run(database, new Case(revisions, List.of(), ""), "db", "help");
		assertThat(help.exitCode()).as(help.toString()).isZero();
		assertThat(help.out()).contains("Schema migrations. `db <command> --help` explains a command.").contains("  db upgrade ");

		JavaProcess.Finished mistyped = run(database, new Case(revisions, List.of(), ""), "db", "upgarde");
		assertThat(mistyped.exitCode()).as(mistyped.toString()).isEqualTo(2);
		assertThat(mistyped.firstErrorLine()).isEqualTo("Unknown command `db upgarde`: did you mean `db upgrade`?");
		assertThat(mistyped.err()).contains("  db upgrade ");
	}

	private JavaProcess.Finished run(TestDatabase database, Case given, String... words)
			throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		// a property given twice would have both values: the case's replace the database's
		ShellSession.connectionArguments(database, given.revisions()).stream()
			.filter((argument) -> given.arguments().stream().noneMatch((own) -> own.startsWith(name(argument))))
			.forEach(args::add);
		args.addAll(given.arguments());
		try (JavaProcess process = JavaProcess.start(this.directory.resolve("runs"), ShellTestApplication.class, args)) {
			return process.await();
		}
	}

	private static String name(String argument) {
		return argument.substring(0, argument.indexOf('=') + 1);
	}

	private Case revisions(String name, Map<String, String> files) {
		Path revisions = this.directory.resolve(name);
		files.forEach((file, text) -> ShellTestRevisions.write(revisions, file, text));
		return new Case(revisions, List.of(), "");
	}

	private static String file(String headers) {
		return headers + "\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n";
	}

	/**
	 * One way to fail.
	 *
	 * @param revisions the revisions directory
	 * @param arguments more arguments, after the database's
	 * @param expected what the first line of standard error names
	 */
	record Case(Path revisions, List<String> arguments, String expected) {

		Case expect(String expected) {
			return new Case(this.revisions, this.arguments, expected);
		}

	}

}
