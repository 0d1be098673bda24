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
		PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
		PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
		this.exitCode = execute(commandRegistry(), CommandLineInput.commandWords(arguments.getSourceArgs()), out, err);
		out.flush();
		err.flush();
		if (this.exit) {
			System.exit(SpringApplication.exit(this.context));
		}
	}

	/**
	 * Only the {@code db} commands, found without initializing other beans: Spring Shell's own registry
	 * would look at every bean's type, which starts factory beans such as JPA's, for nothing.
	 */
	private CommandRegistry commandRegistry() {
		CommandRegistry registry = new CommandRegistry();
		this.context.getBeansOfType(DbCommand.class, false, false).values().forEach(registry::registerCommand);
		this.context.getBeansOfType(DbGroupCommand.class, false, false).values().forEach(registry::registerCommand);
		return registry;
	}

	static int execute(CommandRegistry registry, List<String> words, PrintWriter out, PrintWriter err) {
		if (words.isEmpty()) {
			err.println("No command given: try `db` to list the db commands.");
			return DbCommand.FAILED;
		}
		if (registry.getCommandByName("db") == null) {
			err.println("The db commands are not available: the application has no Migrations bean (is a DataSource"
					+ " configured, and migrations.enabled and migrations.shell.enabled not false?).");
			return DbCommand.FAILED;
		}
		try {
			ParsedInput input = CommandLineInput.parse(words, registry);
			// Nobody answers in command mode: questions (db migrate's renames) keep their default.
			InputReader noInput = new InputReader() {
			};
			ExitStatus status = new CommandExecutor(registry)
				.execute(new CommandContext(input, registry, out, noInput));
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
