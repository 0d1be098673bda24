package dev.migrations.boot.shell;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;

import dev.migrations.boot.CommandModeMigrations;
import dev.migrations.boot.UnknownMigrationsProperties;
import dev.migrations.boot.jpa.CommandModeEntities;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Runs a {@code db} command in command mode without the application context, when nothing the command
 * uses comes from it: as soon as Spring Boot has prepared the environment (the configuration files, the
 * profiles, the environment variables and the arguments, and logging), the command runs with a
 * {@code Migrations} configured from the properties alone ({@link CommandModeMigrations}) and the process
 * exits with its status. {@code java -jar app.jar db current} then costs the environment, a connection
 * and the command, not the application's start.
 * <p>
 * It does so only when the result is the same as with the context: the database is named by a URL in
 * the properties ({@code spring.datasource.url} or {@code migrations.url}), and
 * {@link ApplicationBeanScan} finds, in the application's class files, no bean the command would take
 * from the context (a {@code DataSource}, connection details, a customizer, callback, listener, Java
 * revision or entity source, and for the commands that compare the entities, naming strategies and other
 * mapping customizations). Otherwise the application context starts as before ({@link CommandModeRunner});
 * {@code --debug} says why. {@code migrations.shell.command-mode.fast-start=false} always starts it, and
 * so does {@code migrations.shell.command-mode.exit=false} (commands run in-process, in tests).
 * <p>
 * Runs right after Spring Boot's own listener, which prepares the environment.
 */
public final class CommandModeFastStart implements SpringApplicationRunListener, Ordered {

	/** Set to {@code false} to always start the application context for a command. */
	public static final String ENABLED_PROPERTY = "migrations.shell.command-mode.fast-start";

	private static final List<String> JPA = List.of("dev.migrations.entity.EntitySource",
			"org.hibernate.boot.MetadataSources", "org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes",
			"org.springframework.boot.hibernate.autoconfigure.HibernateProperties",
			"org.springframework.boot.jpa.autoconfigure.JpaProperties",
			"org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean", "jakarta.persistence.EntityManager",
			"org.hibernate.engine.spi.SessionImplementor");

	private final SpringApplication application;

	private final String[] args;

	/** Spring Boot's listener that warms up Jackson, the web server and validation on another thread. */
	private static final String BACKGROUND_PREINITIALIZER = "org.springframework.boot.autoconfigure.preinitialize."
			+ "BackgroundPreinitializingApplicationListener";

	public CommandModeFastStart(SpringApplication application, String[] args) {
		this.application = application;
		this.args = args;
		if (isDbCommand(args)) {
			// A process that runs one command uses none of what the warm-up prepares, and it would take a core
			// from the command. The application's listeners are handed to the first event after every run
			// listener exists, so leaving it out here keeps it from starting.
			application.setListeners(application.getListeners()
				.stream()
				.filter((listener) -> !listener.getClass().getName().equals(BACKGROUND_PREINITIALIZER))
				.toList());
			// A signal (SIGTERM, Ctrl+C) must not close the context while a command runs: closing the pool aborts the
			// command's connection in the middle of a revision. The command ends at a revision's boundary instead
			// (the core's shutdown guard), then the process ends; a command that ends on its own closes the context.
			application.setRegisterShutdownHook(false);
		}
	}

	/** Whether the first argument that is not an option ({@code --name=value}) is {@code db}, as for command mode. */
	static boolean isDbCommand(String[] args) {
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				return arg.equals("db");
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return 1;
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
		if (!environment.getProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY, Boolean.class, false)
				|| !environment.getProperty("migrations.shell.command-mode.exit", Boolean.class, true)
				|| !environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		String command = environment.getProperty(CommandModeEnvironmentPostProcessor.COMMAND_PROPERTY, "");
		ClassLoader classLoader = (this.application.getClassLoader() != null) ? this.application.getClassLoader()
				: ClassUtils.getDefaultClassLoader();
		boolean entities = !CommandModeAutoConfigurationFilter.CONNECTION_ONLY_COMMANDS.contains(command)
				&& JPA.stream().allMatch((name) -> ClassUtils.isPresent(name, classLoader));
		String reason;
		List<String> entityPackages = List.of();
		try {
			reason = CommandModeMigrations.whyNotFromEnvironment(environment);
			if (reason == null) {
				ApplicationBeanScan.Result scan = ApplicationBeanScan.scan(this.application, entities, environment);
				reason = scan.reason();
				entityPackages = scan.entityPackages();
			}
		}
		catch (RuntimeException ex) {
			// a property that cannot be read (spring.datasource.url=${DB_URL} with DB_URL not set) fails here, before
			// the failure listener has the environment: the command fails as it would once started
			CommandModeFailureListener.exit(environment, ex);
			return;
		}
		if (reason != null) {
			if (CommandFailures.isDebug(environment)) {
				// with the log: on standard output, where standard error's first line is a failure's message, and on
				// standard error when standard output is a script or JSON (System.out is then standard error)
				System.out.println("db " + command + " starts the application context: " + reason);
			}
			return;
		}
		System.exit(run(environment, classLoader, entities, entityPackages));
	}

	private int run(ConfigurableEnvironment environment, ClassLoader classLoader, boolean entities,
			List<String> entityPackages) {
		PrintWriter out = new PrintWriter(new OutputStreamWriter(CommandOutput.standardOutput(), Charset.defaultCharset()), true);
		PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
		ProgressPrinter progress = new ProgressPrinter();
		try (CommandModeMigrations migrations = new CommandModeMigrations(environment, classLoader, List.of(progress),
				entities ? (env, database) -> CommandModeEntities.of(env, entityPackages, database, classLoader) : null)) {
			RehearsalConnections connections = RehearsalConnections
				.commandMode((rehearsed) -> (migrations.applicationDataSource() != null)
						? List.of(migrations.applicationDataSource()) : List.of());
			DbCommands dbCommands = new DbCommands(migrations::get, progress, System::getenv, connections);
			dbCommands.setFailOnDatabaseAhead(environment.getProperty("migrations.fail-on-database-ahead", Boolean.class,
					false));
			DbCommandLine commands = DbCommandLine.of(dbCommands, CommandFailures.describer(environment));
			List<String> words = CommandLineInput.commandWords(this.args);
			String refusal = InMemoryDatabaseGuard.refusal(environment, words, migrations::get);
			if (refusal != null) {
				err.println(refusal);
				return Outcome.FAILED;
			}
			// Nobody answers in command mode: questions (db migrate's renames) keep their default.
			int status = commands.run(words, out, err, null);
			// after the command: standard error's first line stays a failure's message
			UnknownMigrationsProperties.warnings(environment).forEach((warning) -> err.println("Warning: " + warning));
			return status;
		}
		finally {
			out.flush();
			err.flush();
		}
	}

}
