package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.migrations.MigrationsException;
import dev.migrations.Secrets;
import dev.migrations.boot.DatabaseConnectionException;
import dev.migrations.dialect.LockTimeoutException;
import dev.migrations.revision.MissingRevisionLocationsException;
import dev.migrations.revision.MultipleHeadsException;
import dev.migrations.runner.ChecksumMismatchException;
import dev.migrations.runner.FailedRevisionException;
import dev.migrations.runner.MigrationFailedException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.PlaceholderResolutionException;

/**
 * The message command mode prints for a failure, in place of a stack trace: first the sentence that
 * says what went wrong and where (the tool's own message, naming the file, line or revision; or the
 * database's answer when it could not be reached), then what to do, taken from the starter's failure
 * analyzers when one knows the failure.
 */
final class CommandFailures {

	// spring.datasource.username, migrations.user, SPRING_DATASOURCE_USERNAME; not the shell's USER
	private static final Pattern USER_NAME = Pattern.compile("[._\\-\\]]user(name)?$");

	private static final Pattern PASSWORD_NAMED_PWD = Pattern.compile("[._\\-\\]]pwd$");


	private CommandFailures() {
	}

	/**
	 * The messages for failures of the {@code db} commands: with {@code --debug} (the {@code debug}
	 * property) the stack trace follows the message.
	 */
	static Function<Throwable, String> describer(Environment environment) {
		return (failure) -> withoutPasswords(environment,
				isDebug(environment) ? describe(noDriver(environment, failure)) + "\n" + stackTrace(failure)
						: describe(noDriver(environment, failure)));
	}

	/**
	 * The text with the passwords of the configuration masked: those of the {@code *password} and {@code *.pwd}
	 * ({@code MYSQL_PWD}) properties and those in the {@code *url} properties' URLs ({@code ?password=},
	 * {@code //user:password@}), but for one that is the value of a {@code *.user} or {@code *.username}
	 * property (the failure names the user). A driver's message may quote the part of a URL it could not read
	 * (PostgreSQL's as an unknown host, MariaDB's as a port), and a failure's message is printed where a CI job's
	 * log keeps it. The password literals of SQL statements are masked too ({@link Secrets#maskSql}).
	 */
	static String withoutPasswords(Environment environment, String text) {
		// a failed statement, and the database's message quoting it (a PL/pgSQL context in the --debug trace)
		String masked = Secrets.maskSql(text);
		if (masked == null || !(environment instanceof ConfigurableEnvironment configurable)) {
			return masked;
		}
		Set<String> passwords = new LinkedHashSet<>();
		Set<String> users = new LinkedHashSet<>();
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				String key = name.toLowerCase(Locale.ROOT);
				// a shell's PWD and OLDPWD are directories, MYSQL_PWD and a *.pwd property are passwords
				boolean password = key.endsWith("password") || PASSWORD_NAMED_PWD.matcher(key).find();
				boolean user = USER_NAME.matcher(key).find();
				if (password || user || key.endsWith("url")) {
					try {
						String value = configurable.getProperty(name);
						if (value != null) {
							(user ? users : passwords).addAll((password || user) ? Set.of(value) : Secrets.inUrl(value));
						}
					}
					catch (RuntimeException ex) {
						// a value that cannot be resolved holds no password to mask
					}
				}
			}
		}
		// a password that is a user's name is not masked: the failure names the user ("as user 'postgres'")
		passwords.removeAll(users);
		return Secrets.mask(masked, passwords);
	}

	static boolean isDebug(Environment environment) {
		String debug = environment.getProperty("debug");
		return debug != null && !debug.equalsIgnoreCase("false");
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString().stripTrailing();
	}

	/** Whether the failure carries the tool's message or the database's answer. */
	static boolean isExplained(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationsException || cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Why the application's database cannot be reached, when that is why the application failed to start:
	 * Hibernate, started before the command, reports a database it cannot reach as a dialect it cannot
	 * determine, without the database's answer, so one connection is tried to get it.
	 * @return the database's answer, or the failure itself when a connection can be made (or not tried)
	 */
	static Throwable connectionFailure(Environment environment, Throwable failure) {
		if (unresolvedPlaceholder(failure) != null) {
			// the URL or the login names a variable that is not set: reading them again fails the same way
			return failure;
		}
		Throwable noDriver = noDriver(environment, failure);
		if (noDriver != failure) {
			return noDriver;
		}
		String url = environment.getProperty("migrations.url", environment.getProperty("spring.datasource.url"));
		if (url == null || !url.startsWith("jdbc:")) {
			return failure;
		}
		Properties login = new Properties();
		String user = environment.getProperty("migrations.user", environment.getProperty("spring.datasource.username"));
		String password = environment.getProperty("migrations.password",
				environment.getProperty("spring.datasource.password"));
		if (user != null) {
			login.setProperty("user", user);
		}
		if (password != null) {
			login.setProperty("password", password);
		}
		try {
			String driverClass = environment.getProperty("spring.datasource.driver-class-name",
					DatabaseDriver.fromJdbcUrl(url).getDriverClassName());
			if (driverClass == null) {
				return failure;
			}
			Driver driver = (Driver) ClassUtils.forName(driverClass, CommandFailures.class.getClassLoader())
				.getDeclaredConstructor()
				.newInstance();
			try (Connection connection = driver.connect(url, login)) {
				return failure;
			}
		}
		catch (SQLException ex) {
			return ex;
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			return failure;
		}
	}

	/** The {@code ${NAME}} in a property's value that nothing resolves, when that is the failure; else {@code null}. */
	private static PlaceholderResolutionException unresolvedPlaceholder(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PlaceholderResolutionException placeholder) {
				return placeholder;
			}
		}
		return null;
	}

	/**
	 * A URL that no driver on the class path accepts, said with the URL and the property it comes from:
	 * Spring ("Failed to determine a suitable driver class") and HikariCP ("Driver ... claims to not
	 * accept jdbcUrl") say it without them, or name another database's driver.
	 * @return the failure so described, or the failure itself
	 */
	static Throwable noDriver(Environment environment, Throwable failure) {
		if (unresolvedPlaceholder(failure) != null) {
			return failure;
		}
		String url = environment.getProperty("migrations.url", environment.getProperty("spring.datasource.url"));
		String property = (environment.getProperty("migrations.url") != null) ? "migrations.url" : "spring.datasource.url";
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (url == null || url.isBlank()) {
				if (message != null && message.startsWith("Failed to determine a suitable driver class")) {
					// Spring Boot's words for a DataSource without a URL, and no embedded database to make up
					// said so that it works however the command started: java -jar, the Maven goals, the shell
					return new MigrationsException("No database is configured: set spring.datasource.url (or migrations.url)"
							+ " to the database, e.g. spring.datasource.url=jdbc:postgresql://localhost:5432/app in the"
							+ " application's application.properties; for one run, -Dspring.datasource.url=... (java -D..."
							+ " -jar, or after a Maven goal) or SPRING_DATASOURCE_URL in the environment.", failure);
				}
				continue;
			}
			if (message != null && (message.startsWith("Failed to determine a suitable driver class")
					|| message.contains("claims to not accept jdbcUrl"))) {
				return new MigrationsException("No JDBC driver on the class path accepts " + property + "="
						+ Secrets.maskUrl(url) + ": check"
						+ " its spelling (jdbc:postgresql://host:5432/database, jdbc:mariadb://host:3306/database,"
						+ " jdbc:h2:...) and that the database's driver is a dependency of the application.", failure);
			}
		}
		return failure;
	}

	/**
	 * Why the database could not be reached, when that is the failure: no server answered at the URL (connection
	 * refused, unknown host, a timeout: SQLState class 08) or the server has no database of that name; said as
	 * the URL and the database's answer, e.g. {@code jdbc:postgresql://db:5432/shop: Connection refused}.
	 * {@code null} for any other failure, a login the server refused among them (28): the database is there and
	 * the configuration is wrong.
	 */
	static String unreachable(Throwable failure) {
		SQLException database = null;
		String url = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabaseConnectionException connection && url == null) {
				url = connection.url();
			}
			if (cause instanceof SQLException sql && database == null) {
				database = sql;
			}
		}
		if (database == null) {
			return null;
		}
		boolean unreachable = DatabaseConnectionException.isUnknownDatabase(database);
		for (Throwable cause = database; cause != null && !unreachable; cause = cause.getCause()) {
			String state = (cause instanceof SQLException sql && sql.getSQLState() != null) ? sql.getSQLState() : "";
			unreachable = state.startsWith("08") || cause instanceof UnknownHostException
					|| cause instanceof java.net.ConnectException || cause instanceof java.net.SocketTimeoutException
					|| cause instanceof java.net.NoRouteToHostException;
		}
		for (Throwable cause = database; cause != null && unreachable; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
				return null;
			}
		}
		if (!unreachable) {
			return null;
		}
		String answer = rootAnswer(database);
		return (url != null) ? url + ": " + answer : answer;
	}

	// the database's (or the network's) own words, without the wrappers' "Could not connect to ..." prefix
	private static String rootAnswer(SQLException database) {
		Throwable deepest = database;
		for (Throwable cause = database; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				deepest = cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		String message = (deepest instanceof UnknownHostException) ? "unknown host " + deepest.getMessage()
				: (deepest.getMessage() != null) ? deepest.getMessage() : deepest.getClass().getSimpleName();
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline).strip() : message.strip();
	}

	static String describe(Throwable failure) {
		String sentence = sentence(failure);
		String action = action(failure);
		return Outcome.shortened((action != null && !sentence.contains(action)) ? sentence + "\n" + action : sentence);
	}

	private static String sentence(Throwable failure) {
		String binding = bindingFailure(failure);
		if (binding != null) {
			return binding;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationsException) {
				return cause.getMessage();
			}
		}
		SQLException database = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				database = sql;
				break;
			}
		}
		if (database != null) {
			String state = (database.getSQLState() != null) ? database.getSQLState() : "";
			String message = (database.getMessage() != null) ? database.getMessage() : database.getClass().getSimpleName();
			for (Throwable cause = database; cause != null; cause = cause.getCause()) {
				if (cause instanceof UnknownHostException) {
					message = "unknown host " + cause.getMessage();
				}
			}
			if (state.startsWith("08") || state.startsWith("28") || DatabaseConnectionException.isUnknownDatabase(database)
					|| message.startsWith("unknown host")) {
				return "Could not connect to the database: " + message;
			}
			return "The database refused a statement: " + message;
		}
		return DbCommand.describe(failure);
	}

	/**
	 * A property whose value could not be bound (a duration that is not one, a negative lock timeout), said
	 * with the property, its value, where it came from and what is expected; {@code null} for other failures.
	 */
	static String bindingFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				ConfigurationProperty property = bind.getProperty();
				String name = (property != null) ? property.getName().toString() : bind.getName().toString();
				String value = (property != null) ? String.valueOf(property.getValue()) : null;
				Throwable root = bind;
				while (root.getCause() != null && root.getCause() != root) {
					root = root.getCause();
				}
				String reason = (root != bind && root.getMessage() != null) ? root.getMessage() : null;
				String origin = origin(property);
				String expected = expected(bind.getTarget().getType().resolve());
				StringBuilder sentence = new StringBuilder("Invalid value for ").append(name);
				if (value != null) {
					sentence.append(": '").append(value).append("'").append(origin);
				}
				if (reason != null && !(value != null && reason.contains("for value [" + value + "]") && expected != null)) {
					sentence.append(": ").append(reason);
				}
				if (expected != null && (reason == null || !reason.contains(expected))) {
					sentence.append(". Expected ").append(expected);
				}
				return sentence.append('.').toString().replace("..", ".");
			}
		}
		return null;
	}

	private static String origin(ConfigurationProperty property) {
		if (property == null || property.getOrigin() == null) {
			return "";
		}
		if (property.getOrigin() instanceof PropertySourceOrigin source) {
			String name = source.getPropertySource().getName();
			return name.equals("commandLineArgs") ? " (command line)" : " (from " + name + ")";
		}
		return " (from " + property.getOrigin() + ")";
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return null;
		}
		if (type == java.time.Duration.class) {
			return "a duration such as 30s, 5m or 500ms (a number alone is milliseconds)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants()).replaceAll("[\\[\\]]", "");
		}
		return null;
	}

	private static String action(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
				if (DatabaseConnectionException.isUnknownDatabase(sql)) {
					return "The server answered but has no database of that name: create it, or correct the database"
							+ " name in spring.datasource.url (or migrations.url).";
				}
				if (state.startsWith("08") || state.startsWith("28") || cause.getCause() instanceof UnknownHostException) {
					return "Check spring.datasource.url, spring.datasource.username and spring.datasource.password (or"
							+ " migrations.url, migrations.user and migrations.password), and that the database server is"
							+ " running and reachable from this host.";
				}
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof FailedRevisionException failed) {
				// each revision's own lines say how to record it: the general analysis would only repeat them less
				// precisely, except for what the message cannot know (another process may be running the revision)
				return failed.mayBeRunningElsewhere() ? "If another process is upgrading the database, wait for it to"
						+ " finish and run the `db` command again." : null;
			}
			if (cause instanceof ChecksumMismatchException || cause instanceof LockTimeoutException
					|| cause instanceof MigrationFailedException || cause instanceof MissingRevisionLocationsException
					|| cause instanceof MultipleHeadsException) {
				// their message already says what to do: the analysis would say it again (a failed revision's
				// message says what was rolled back or stays applied, and how to go on; the heads' message names
				// `db merge` and `db upgrade heads`, the analysis adds only what concerns a start)
				return null;
			}
		}
		PlaceholderResolutionException placeholder = unresolvedPlaceholder(failure);
		if (placeholder != null) {
			return "Set the environment variable or property " + placeholder.getPlaceholder() + " before running the `db`"
					+ " command, or give the placeholder a default: ${" + placeholder.getPlaceholder() + ":...}.";
		}
		for (FailureAnalyzer analyzer : starterAnalyzers()) {
			try {
				FailureAnalysis analysis = analyzer.analyze(failure);
				if (analysis != null && analysis.getAction() != null && !analysis.getAction().isBlank()) {
					// the analyses are written for a failed start: here a command failed, and is what runs again
					return analysis.getAction()
						.replace("and start the application again", "and run the `db` command again")
						.replace("then start the application again", "then run the `db` command again");
				}
			}
			catch (RuntimeException ex) {
				// an analyzer that cannot look at this failure has nothing to add
			}
		}
		return null;
	}

	/** The starter's own analyzers: they say what to do about the tool's failures. */
	private static List<FailureAnalyzer> starterAnalyzers() {
		return SpringFactoriesLoader.forDefaultResourceLocation(CommandFailures.class.getClassLoader())
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))
			.stream()
			.filter((analyzer) -> analyzer.getClass().getName().startsWith("dev.migrations."))
			.toList();
	}

}
