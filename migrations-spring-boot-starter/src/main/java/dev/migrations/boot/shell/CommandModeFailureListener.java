package dev.migrations.boot.shell;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import dev.migrations.TerminalText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Keeps the exit contract of command mode when the application fails before the command runs (a
 * revision file that does not parse, a database that cannot be reached, while the context starts, or a
 * configuration file that cannot be read, before command mode is on): the
 * message on standard error, its first line the sentence that names the file, line or revision, and
 * exit status 2, instead of Spring Boot's report and stack trace and status 1. With {@code --debug} (or
 * {@code logging.level.dev.migrations.boot.shell=debug}) the stack trace follows the message.
 * <p>
 * Runs after Spring Boot's own listener, so the application's {@code ApplicationFailedEvent} listeners
 * have run. Does nothing outside command mode, and leaves the failure to Spring Boot when
 * {@code migrations.shell.command-mode.exit=false} (commands run in-process, in tests).
 */
public final class CommandModeFailureListener implements SpringApplicationRunListener, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(CommandModeFailureListener.class);

	private final String[] args;

	private volatile ConfigurableEnvironment environment;

	public CommandModeFailureListener(SpringApplication application, String[] args) {
		this.args = args;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public void failed(ConfigurableApplicationContext context, Throwable exception) {
		ConfigurableEnvironment environment = this.environment;
		if (environment == null) {
			// The configuration itself could not be read (a spring.config.import whose file is missing, a YAML file
			// that does not parse): Spring Boot failed before command mode was on. The arguments, system properties
			// and environment variables tell whether this was a command; no database is asked, its URL may be
			// in the configuration that failed.
			environment = argumentsOnly(this.args);
			if (environment != null) {
				exit(environment, exception, false);
			}
			return;
		}
		if (!environment.getProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY, Boolean.class, false)
				|| !environment.getProperty("migrations.shell.command-mode.exit", Boolean.class, true)) {
			return;
		}
		exit(environment, exception);
	}

	/** The environment of the arguments alone, when they start a command that exits; {@code null} otherwise. */
	private static ConfigurableEnvironment argumentsOnly(String[] args) {
		if (!CommandModeFastStart.isDbCommand(args)) {
			return null;
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		if (!environment.getProperty("migrations.shell.command-mode.enabled", Boolean.class, true)
				|| !environment.getProperty("migrations.shell.command-mode.exit", Boolean.class, true)) {
			return null;
		}
		return environment;
	}

	/**
	 * Ends the process as a command that failed: the failure's message on standard error (with the stack trace
	 * under {@code --debug}), exit status 2. Also for a failure before this listener has the environment (in
	 * {@link CommandModeFastStart}, which runs first).
	 */
	static void exit(ConfigurableEnvironment environment, Throwable exception) {
		exit(environment, exception, true);
	}

	private static void exit(ConfigurableEnvironment environment, Throwable exception, boolean askDatabase) {
		PrintStream err = System.err;
		CommandOutput.standardOutput().flush();
		if (askDatabase) {
			err.println(TerminalText.escape(CommandFailures.withoutPasswords(environment, CommandFailures.describe(
					CommandFailures.isExplained(exception) ? exception : CommandFailures.connectionFailure(environment, exception)))));
		}
		else {
			// Spring Boot's own message does not say that it is about the configuration (YAML's parser names no file)
			err.println("The application's configuration could not be read: " + CommandFailures.describe(exception)
					+ ((exception instanceof ConfigDataResourceNotFoundException)
							? "\nCorrect the location, or prefix it with `optional:` if the file may be absent." : ""));
		}
		if (CommandFailures.isDebug(environment) || logger.isDebugEnabled()) {
			StringWriter trace = new StringWriter();
			exception.printStackTrace(new PrintWriter(trace));
			err.print(TerminalText.escape(CommandFailures.withoutPasswords(environment, trace.toString())));
		}
		dev.migrations.boot.UnknownMigrationsProperties.warnings(environment)
			.forEach((warning) -> err.println("Warning: " + warning));
		err.flush();
		System.exit(Outcome.FAILED);
	}

}
