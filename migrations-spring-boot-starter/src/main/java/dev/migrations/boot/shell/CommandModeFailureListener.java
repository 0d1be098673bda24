package dev.migrations.boot.shell;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the exit contract of command mode when the application fails before the command runs (a
 * revision file that does not parse, a database that cannot be reached, while the context starts): the
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

	private volatile ConfigurableEnvironment environment;

	public CommandModeFailureListener(SpringApplication application, String[] args) {
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
		if (environment == null
				|| !environment.getProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY, Boolean.class, false)
				|| !environment.getProperty("migrations.shell.command-mode.exit", Boolean.class, true)) {
			return;
		}
		exit(environment, exception);
	}

	/**
	 * Ends the process as a command that failed: the failure's message on standard error (with the stack trace
	 * under {@code --debug}), exit status 2. Also for a failure before this listener has the environment (in
	 * {@link CommandModeFastStart}, which runs first).
	 */
	static void exit(ConfigurableEnvironment environment, Throwable exception) {
		PrintStream err = System.err;
		CommandOutput.standardOutput().flush();
		err.println(CommandFailures.describe(CommandFailures.isExplained(exception) ? exception
				: CommandFailures.connectionFailure(environment, exception)));
		if (CommandFailures.isDebug(environment) || logger.isDebugEnabled()) {
			exception.printStackTrace(err);
		}
		dev.migrations.boot.UnknownMigrationsProperties.warnings(environment)
			.forEach((warning) -> err.println("Warning: " + warning));
		err.flush();
		System.exit(Outcome.FAILED);
	}

}
