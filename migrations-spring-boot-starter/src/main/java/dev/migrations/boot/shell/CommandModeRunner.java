package dev.migrations.boot.shell;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Runs the {@code db} command given as the application's arguments, in command mode (see
 * {@link CommandModeEnvironmentPostProcessor}), then ends the JVM with its status: 0 done, 1 differences
 * found by {@code db check}, 2 failed. Output goes to standard output; an error message to standard error.
 * Needs no Spring Shell: the commands are a {@link DbCommandLine}.
 * <p>
 * Being an {@code ApplicationRunner}, it keeps Spring Shell's runner (if Spring Shell is there) from
 * existing. The application's own runners are left out ({@link ApplicationRunnersLeftOut}): they do not
 * run, nor are they created, in a process that only came to run a command. With {@code migrations.shell.command-mode.exit=false} it
 * only records the status, which {@link SpringApplication#exit} then returns.
 */
final class CommandModeRunner implements ApplicationRunner, ExitCodeGenerator, Ordered {

	private final ConfigurableApplicationContext context;

	private final boolean exit;

	private volatile int exitCode;

	CommandModeRunner(ConfigurableApplicationContext context, boolean exit) {
		this.context = context;
		this.exit = exit;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		PrintWriter out = new PrintWriter(new OutputStreamWriter(CommandOutput.standardOutput(), Charset.defaultCharset()), true);
		PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
		DbCommandLine commands = this.context.getBeanProvider(DbCommandLine.class).getIfAvailable();
		if (commands == null) {
			err.println("The db commands are not available: the application has no Migrations bean (is a DataSource"
					+ " configured, and migrations.enabled and migrations.shell.enabled not false?).");
			this.exitCode = Outcome.FAILED;
		}
		else {
			java.util.List<String> words = CommandLineInput.commandWords(arguments.getSourceArgs());
			String refusal = InMemoryDatabaseGuard.refusal(this.context.getEnvironment(), words,
					() -> this.context.getBeanProvider(dev.migrations.Migrations.class).getIfAvailable());
			if (refusal != null) {
				err.println(refusal);
				this.exitCode = Outcome.FAILED;
			}
			else {
				// Nobody answers in command mode: questions (db migrate's renames) keep their default.
				this.exitCode = commands.run(words, out, err, null);
			}
		}
		out.flush();
		// after the command: standard error's first line stays a failure's message
		dev.migrations.boot.UnknownMigrationsProperties.warnings(this.context.getEnvironment())
			.forEach((warning) -> err.println("Warning: " + warning));
		err.flush();
		if (this.exit) {
			System.exit(SpringApplication.exit(this.context));
		}
	}

}
