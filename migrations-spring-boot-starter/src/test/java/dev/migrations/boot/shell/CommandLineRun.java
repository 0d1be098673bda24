package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.Migrations;
import dev.migrations.boot.shell.app.Bulletin;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;

/**
 * The {@code db} commands as command mode runs them ({@link DbCommandLine}), on a {@link Migrations}
 * over a test database, the {@code Bulletin} entity and a revisions directory, without starting an
 * application.
 */
final class CommandLineRun {

	private final DbCommandLine commandLine;

	private final Migrations migrations;

	CommandLineRun(TestDatabase database, Path revisions, Map<String, String> environment) {
		this(Migrations.configure()
			.dataSource(database.dataSource())
			.locations("filesystem:" + revisions)
			.outputDirectory(revisions)
			.entities(EntitySource.of(Bulletin.class))
			.load(), environment);
	}

	/** The commands on {@code migrations} configured by the test, e.g. as the starter does it. */
	CommandLineRun(Migrations migrations, Map<String, String> environment) {
		this.migrations = migrations;
		DbCommands commands = new DbCommands(() -> this.migrations, new ProgressPrinter(), environment::get);
		this.commandLine = new DbCommandLine(List.of(commands.init(), commands.revision(), commands.migrate(),
				commands.upgrade(), commands.downgrade(), commands.current(), commands.heads(), commands.history(),
				commands.show(), commands.stamp(), commands.check(), commands.merge(), commands.createDb(), commands.edit(),
				commands.branches(), commands.lint(), commands.rehearse(), commands.squash()), DbCommand::describe);
	}

	Migrations migrations() {
		return this.migrations;
	}

	/** Runs {@code db} with these words, e.g. {@code run("history", "-r", "base:current")}. */
	Result run(String... words) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		List<String> line = new ArrayList<>(List.of("db"));
		line.addAll(List.of(words));
		int status = this.commandLine.run(line, new PrintWriter(out), new PrintWriter(err), null);
		return new Result(status, out.toString(), err.toString());
	}

	/**
	 * What a command did.
	 *
	 * @param status its exit status
	 * @param out what it printed on standard output
	 * @param err what it printed on standard error
	 */
	record Result(int status, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

	}

}
