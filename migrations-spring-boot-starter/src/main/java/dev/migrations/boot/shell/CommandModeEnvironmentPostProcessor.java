package dev.migrations.boot.shell;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrations.TenantMigrations;
import dev.migrations.boot.MigrationsAutoConfiguration;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Switches an application started with {@code db ...} arguments (e.g. {@code java -jar app.jar db
 * upgrade +1}) to command mode: no web server, no interactive shell, no startup upgrade and no drift
 * detection, lazy beans, so that the command runs against the database as it is and the process
 * exits with the command's status (see {@link CommandModeRunner}).
 * <p>
 * An {@link org.springframework.boot.EnvironmentPostProcessor} is not given the arguments; it finds
 * them in the {@code commandLineArgs} property source that {@link SpringApplication} adds before
 * post-processing the environment, whose {@code nonOptionArgs} property lists the arguments not
 * written {@code --name=value}. Command mode starts when the first of them is {@code db}. It runs
 * after the config data post-processor, so {@code migrations.shell.command-mode.enabled=false} in
 * {@code application.properties} turns it off.
 * <p>
 * What command mode needs is set in a property source of the highest precedence (an
 * {@code application.properties} that turns the interactive shell on must not make {@code db upgrade}
 * wait for input); what only keeps the output readable (banner, console log level) is set with the
 * lowest precedence, so the application's own settings win. Among the former, a pool of at most two
 * connections; {@link CommandModeAutoConfigurationFilter} leaves out, from the command's name, what
 * the command does not use.
 */
public final class CommandModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Runs right after the application's configuration files are loaded. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	/** Set to {@code true} in command mode; {@link MigrationsShellAutoConfiguration} adds the runner on it. */
	public static final String ACTIVE_PROPERTY = "migrations.shell.command-mode.active";

	/**
	 * The command's name ({@code current}, {@code migrate}, ...) in command mode, from which
	 * {@link CommandModeAutoConfigurationFilter} tells what the command needs.
	 */
	public static final String COMMAND_PROPERTY = "migrations.shell.command-mode.command";

	static final String FORCED_PROPERTY_SOURCE = "migrationsCommandMode";

	static final String DEFAULTS_PROPERTY_SOURCE = "migrationsCommandModeDefaults";

	/** The commands that read and write the revision files alone: their dialect comes from the URL, not a connection. */
	private static final Set<String> FILES_ONLY = Set.of("init", "revision", "merge", "edit");

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("migrations.shell.command-mode.enabled", Boolean.class, true)
				|| !"db".equals(nonOptionArgument(environment, 0))) {
			return;
		}
		boolean exits = environment.getProperty("migrations.shell.command-mode.exit", Boolean.class, true);
		for (String property : new String[] { "migrations.enabled", "migrations.shell.enabled" }) {
			if (!environment.getProperty(property, Boolean.class, true)) {
				if (!exits) {
					return;
				}
				// the application would start as usual (a web server, another tool's migrations) and the command
				// would be ignored, with exit status 0: a CI job must not take that for success
				System.err.println("`db " + Objects.toString(nonOptionArgument(environment, 1), "") + "` was not run: "
						+ property + "=false turns the db commands off in this application. Run the command with --"
						+ property + "=true (command mode never upgrades on startup), or remove the setting.");
				System.exit(Outcome.FAILED);
			}
		}
		if (exits && machineReadableOutput(environment)) {
			// standard output is a script (--sql) or JSON for another program: the log goes to standard error. Other
			// commands keep it on standard output, so that standard error's first line is a failure's message.
			CommandOutput.logsToStandardError();
		}
		if (AotDetector.useGeneratedArtifacts() && !NativeDetector.inNativeImage()) {
			// -Dspring.aot.enabled=true on a JVM: the bean definitions generated at build time are those of the
			// application's ordinary start, with the conditions evaluated then (a web server, the startup upgrade, no
			// command runner), which the properties below could no longer change. The command starts the application
			// from its classes instead, as without the option; SpringApplication decides when it prepares the context.
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
		}
		Map<String, Object> forced = new LinkedHashMap<>();
		forced.put(ACTIVE_PROPERTY, "true");
		String command = nonOptionArgument(environment, 1);
		forced.put(COMMAND_PROPERTY, (command != null) ? command : "");
		if (offlineRange(environment, command)) {
			forced.put(MigrationsAutoConfiguration.OFFLINE_RANGE_PROPERTY, "true");
		}
		forced.put("spring.main.web-application-type", "none");
		forced.put("spring.shell.interactive.enabled", "false");
		forced.put("migrations.upgrade-on-startup", "false");
		forced.put("migrations.drift.enabled", "false");
		// Only what a command asks for is created: JPA, schedulers and the application's own beans stay
		// asleep, so a command works while the schema is behind the entities.
		forced.put("spring.main.lazy-initialization", "true");
		// Should JPA start after all (a bean that is not lazy needs it), Hibernate must neither validate
		// nor change the schema the command is about to look at or migrate.
		forced.put("spring.jpa.hibernate.ddl-auto", "none");
		forced.put("spring.jpa.properties.hibernate.hbm2ddl.auto", "none");
		forced.put("spring.sql.init.mode", "never");
		// A command uses one connection at a time (two at most), not the application's pool: many commands
		// run at once (CI jobs, init containers) must not exhaust the server's connections. A command over
		// tenants holds one per tenant it runs at a time, and one more for reading: the pool only grows to
		// that when such a command runs.
		String size = Integer.toString(Math.max(2, tenantsParallelism(environment) + 1));
		forced.put("spring.datasource.hikari.maximum-pool-size", size);
		forced.put("spring.datasource.hikari.minimum-idle", "1");
		forced.put("spring.datasource.tomcat.max-active", size);
		forced.put("spring.datasource.tomcat.max-idle", "2");
		forced.put("spring.datasource.tomcat.min-idle", "1");
		forced.put("spring.datasource.tomcat.initial-size", "1");
		forced.put("spring.datasource.dbcp2.max-total", size);
		forced.put("spring.datasource.dbcp2.max-idle", "2");
		forced.put("spring.datasource.oracleucp.max-pool-size", size);
		forced.put("spring.datasource.oracleucp.initial-pool-size", "1");
		environment.getPropertySources().addFirst(new MapPropertySource(FORCED_PROPERTY_SOURCE, forced));

		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.main.banner-mode", "off");
		defaults.put("logging.threshold.console", "warn");
		// A failure is reported once, as a message without a stack trace (CommandModeFailureListener, the
		// commands themselves): the pool, Hibernate and the context would log it a second time with one.
		defaults.put("logging.level.com.zaxxer.hikari", "off");
		// MariaDB's driver logs each error the server sends as a warning, in the middle of the command's output
		defaults.put("logging.level.org.mariadb.jdbc", "error");
		defaults.put("logging.level.org.hibernate.orm.jdbc", "off");
		defaults.put("logging.level.org.springframework.orm.jpa", "off");
		defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "error");
		environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS_PROPERTY_SOURCE, defaults));
	}

	// migrations.tenants.parallelism as configured; a value that is not a number is reported by the tenants' own
	// configuration, not here
	private static int tenantsParallelism(ConfigurableEnvironment environment) {
		try {
			Integer configured = environment.getProperty("migrations.tenants.parallelism", Integer.class);
			return (configured != null) ? Math.min(Math.max(configured, 1), 1000) : TenantMigrations.DEFAULT_PARALLELISM;
		}
		catch (RuntimeException ex) {
			return TenantMigrations.DEFAULT_PARALLELISM;
		}
	}

	// `db upgrade FROM:TO --sql` (or downgrade): a script of a range the command names, which needs no database
	// `db lint --all` or `db lint REVISION...` too: lint of the files, which needs no database either
	// and the commands that write or open revision files, which read the files alone (db init before the database
	// exists, db revision while it is down, as Alembic's), and db heads and db branches, which print the graph, and
	// db history and db show, which print it with the states when the database can be reached
	private static boolean offlineRange(ConfigurableEnvironment environment, String command) {
		if (command != null && FILES_ONLY.contains(command)) {
			return true;
		}
		PropertySource<?> commandLine = environment.getPropertySources()
			.get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
		if ("heads".equals(command) || "branches".equals(command) || "history".equals(command) || "show".equals(command)) {
			// the files, and each revision's state when the database can be reached: loading them must not connect,
			// so that an unreachable database leaves the files to show (a tenant's states need the tenants)
			return commandLine == null || !commandLine.containsProperty("tenant");
		}
		if ("lint".equals(command)) {
			return (commandLine != null && commandLine.containsProperty("all")) || nonOptionArgument(environment, 2) != null;
		}
		if (!"upgrade".equals(command) && !"downgrade".equals(command)) {
			return false;
		}
		if (commandLine == null || !commandLine.containsProperty("sql")) {
			return false;
		}
		String target = nonOptionArgument(environment, 2);
		return target != null && target.indexOf(':') > 0 && target.indexOf(':') < target.length() - 1;
	}

	// `--sql`, or `--format json` (`--format=json`), the format's name in any case as the commands read it, and only
	// that name: a format the command refuses (`--format=jsonl`, `--format=Json,other`) prints no JSON, and its usage
	// error stays standard error's first line
	private static boolean machineReadableOutput(ConfigurableEnvironment environment) {
		PropertySource<?> commandLine = environment.getPropertySources()
			.get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
		if (commandLine == null) {
			return false;
		}
		if (commandLine.containsProperty("sql")) {
			return true;
		}
		Object format = commandLine.getProperty("format");
		if (format != null && format.toString().equalsIgnoreCase("json")) {
			return true;
		}
		Object nonOptionArgs = commandLine.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
		return commandLine.containsProperty("format") && nonOptionArgs instanceof String joined
				&& Arrays.stream(joined.split(",")).anyMatch("json"::equalsIgnoreCase);
	}

	private static String nonOptionArgument(ConfigurableEnvironment environment, int index) {
		PropertySource<?> commandLine = environment.getPropertySources()
			.get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
		if (commandLine == null) {
			return null;
		}
		Object nonOptionArgs = commandLine.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
		if (!(nonOptionArgs instanceof String joined) || joined.isEmpty()) {
			return null;
		}
		// The property joins the arguments with commas; only the first two (`db` and the command's name)
		// matter, and neither contains one.
		String[] arguments = joined.split(",", index + 2);
		return (index < arguments.length) ? arguments[index] : null;
	}

}
