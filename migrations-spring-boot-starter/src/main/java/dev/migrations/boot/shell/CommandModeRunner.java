package dev.migrations.boot.shell;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Runs the {@code db} command given as the application's arguments, in command mode (see
 * {@link CommandModeEnvironmentPostProcessor}), then ends the JVM with its status: 0 done, 1 differences
 * found by {@code db check}, 2 failed. Output goes to standard output; an error message to standard error.
 * <p>
 * It replaces Spring Shell's non-interactive runner, which would log a failed command and still exit
 * 0. It runs before the application's other runners, and by exiting keeps them from running in a
 * process that only came to run a command. With {@code migrations.shell.command-mode.exit=false} it
 * only records the status, which {@link SpringApplication#exit} then returns.
 */
final class CommandModeRunner implements ApplicationRunner, ExitCodeGenerator, Ordered {

	private final CommandRegistry registry;

	private final ConfigurableApplicationContext context;

	private final boolean exit;

	private volatile int exitCode;

	CommandModeRunner(CommandRegistry registry, ConfigurableApplicationContext context, boolean exit) {
		this.registry = registry;
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
		PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
		PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
		this.exitCode = execute(CommandLineInput.commandWords(arguments.getSourceArgs()), out, err);
		out.flush();
		err.flush();
		if (this.exit) {
			System.exit(SpringApplication.exit(this.context));
		}
	}

	int execute(List<String> words, PrintWriter out, PrintWriter err) {
		if (words.isEmpty()) {
			err.println("No command given: try `db` to list the db commands.");
			return DbCommand.FAILED;
		}
		if (this.registry.getCommandByName("db") == null) {
			err.println("The db commands are not available: the application has no Migrations bean (is a DataSource"
					+ " configured, and migrations.enabled and migrations.shell.enabled not false?).");
			return DbCommand.FAILED;
		}
		try {
			ParsedInput input = CommandLineInput.parse(words, this.registry);
			// Nobody answers in command mode: questions (db migrate's renames) keep their default.
			InputReader noInput = new InputReader() {
			};
			ExitStatus status = new CommandExecutor(this.registry)
				.execute(new CommandContext(input, this.registry, out, noInput));
			out.flush();
			if (status.code() == 0) {
				return 0;
			}
			err.println(status.description());
			return (status.code() > 0) ? status.code() : DbCommand.FAILED;
		}
		catch (CommandNotFoundException ex) {
			err.println("Unknown command `" + ex.getCommandName() + "`: try `db` to list the db commands.");
			return DbCommand.FAILED;
		}
		catch (CommandExecutionException ex) {
			err.println(DbCommand.describe((ex.getCause() != null) ? ex.getCause() : ex));
			return DbCommand.FAILED;
		}
	}

}
