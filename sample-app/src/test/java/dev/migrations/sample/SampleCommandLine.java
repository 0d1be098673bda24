package dev.migrations.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.test.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/sample-app.jar db ...} in this JVM: the sample application started with the
 * command's words as its arguments, which puts it in command mode (no web server, no startup upgrade),
 * pointed at a test database and, when given, a revisions directory that the commands read and write
 * instead of the revisions shipped in the jar.
 */
final class SampleCommandLine {

	private final TestDatabase database;

	private final Path revisions;

	private final CapturedOutput output;

	/**
	 * @param database the database every command works on
	 * @param revisions the directory to read revisions from and write them to; {@code null} for the
	 * revisions shipped with the sample ({@code classpath:db/revisions})
	 * @param output the captured standard output and error of this JVM
	 */
	SampleCommandLine(TestDatabase database, Path revisions, CapturedOutput output) {
		this.database = database;
		this.revisions = revisions;
		this.output = output;
	}

	/** The arguments after the command words: what a user passes as {@code --name=value} or environment. */
	List<String> settings() {
		List<String> settings = new ArrayList<>();
		settings.add("--spring.datasource.url=" + this.database.jdbcUrl());
		settings.add("--spring.datasource.username=" + this.database.username());
		settings.add("--spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""));
		if (this.revisions != null) {
			settings.add("--migrations.locations=filesystem:" + this.revisions);
			settings.add("--migrations.generate.output-dir=" + this.revisions);
		}
		return settings;
	}

	/** Runs one command, e.g. {@code run("db", "upgrade", "+1")}, and returns its exit code and output. */
	Run run(String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.addAll(settings());
		// CommandModeRunner would end the JVM with the command's status: keep it, for SpringApplication.exit
		args.add("--migrations.shell.command-mode.exit=false");
		int out = this.output.getOut().length();
		int err = this.output.getErr().length();
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args.toArray(String[]::new));
		int exitCode = SpringApplication.exit(context);
		return new Run(String.join(" ", words), exitCode, this.output.getOut().substring(out),
				this.output.getErr().substring(err));
	}

	/** Runs one command that must succeed (exit code 0); its output is in the failure message otherwise. */
	Run ok(String... words) {
		Run run = run(words);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		return run;
	}

	/**
	 * One command that ran.
	 *
	 * @param command the words typed, e.g. {@code db upgrade +1}
	 * @param exitCode the process's exit status: 0 done, 1 {@code db check} found differences, 2 failed
	 * @param out what it printed on standard output
	 * @param err what it printed on standard error
	 */
	record Run(String command, int exitCode, String out, String err) {

		/** The lines of standard output. */
		List<String> lines() {
			return this.out.lines().toList();
		}

		@Override
		public String toString() {
			return "$ " + this.command + " (exit " + this.exitCode + ")\n" + this.out + this.err;
		}

	}

}
