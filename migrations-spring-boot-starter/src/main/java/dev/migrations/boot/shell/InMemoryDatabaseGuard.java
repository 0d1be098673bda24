package dev.migrations.boot.shell;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.util.StringUtils;

/**
 * Keeps a command of command mode from running on a database that ends with the process: an in-memory
 * H2, HSQLDB or Derby database, given as such in a URL or made up by Spring Boot when neither
 * {@code spring.datasource.url} nor {@code migrations.url} is set (a CI job with a missing secret would
 * otherwise "upgrade" it and exit 0). Commands that only read or write the revision files run;
 * {@code migrations.shell.command-mode.allow-in-memory=true} lets the others run too.
 */
final class InMemoryDatabaseGuard {

	/** The property that lets the commands run on an in-memory database. */
	static final String ALLOW_PROPERTY = "migrations.shell.command-mode.allow-in-memory";

	/** The commands that need no database. */
	private static final Set<String> FILES_ONLY = Set.of("init", "revision", "merge", "edit", "heads", "branches",
			"show", "squash", "help", "");

	private static final List<String> IN_MEMORY_PREFIXES = List.of("jdbc:h2:mem:", "jdbc:hsqldb:mem:",
			"jdbc:derby:memory:");

	private InMemoryDatabaseGuard() {
	}

	/**
	 * Why the command may not run, or {@code null} when it may.
	 * @param environment the application's environment
	 * @param words {@code db}, the command's name, its options and arguments
	 * @param migrations the instance the command would use
	 */
	static String refusal(Environment environment, List<String> words, Supplier<Migrations> migrations) {
		if (words.size() < 2 || !needsDatabase(environment, words)
				|| environment.getProperty(ALLOW_PROPERTY, Boolean.class, false)) {
			return null;
		}
		DataSource dataSource;
		try {
			Migrations instance = migrations.get();
			dataSource = (instance != null) ? instance.dataSource() : null;
		}
		catch (RuntimeException ex) {
			// the command reports it
			return null;
		}
		String url = urlOf(dataSource);
		if (url == null) {
			return null;
		}
		String command = "`db " + words.get(1) + "`";
		String explicit = StringUtils.hasText(environment.getProperty("migrations.url")) ? "migrations.url"
				: StringUtils.hasText(environment.getProperty("spring.datasource.url")) ? "spring.datasource.url" : null;
		String why = (explicit != null) ? explicit + " names an in-memory database, which ends with the command"
				: "neither spring.datasource.url nor migrations.url is set, so Spring Boot made up an in-memory"
						+ " database, which ends with the command";
		return command + " refuses to run on " + url + ": " + why + ". Set spring.datasource.url (or migrations.url)"
				+ " to the database to migrate; --" + ALLOW_PROPERTY + "=true runs it on an in-memory database anyway.";
	}

	private static boolean needsDatabase(Environment environment, List<String> words) {
		String name = words.get(1);
		List<String> rest = words.subList(2, words.size());
		if (FILES_ONLY.contains(name) || rest.contains("--help") || rest.contains("-h")) {
			return false;
		}
		if ((name.equals("upgrade") || name.equals("downgrade"))
				&& environment.getProperty(MigrationsAutoConfiguration.OFFLINE_RANGE_PROPERTY, Boolean.class, false)) {
			// a script of a range the command names
			return false;
		}
		if (name.equals("history")) {
			return rest.contains("--indicate-current") || rest.contains("--verbose")
					|| rest.stream().anyMatch((word) -> word.contains("current"));
		}
		if (name.equals("lint")) {
			// the pending revisions are the database's
			return rest.isEmpty();
		}
		return true;
	}

	/** The URL of an in-memory database the data source connects to, {@code null} for any other. */
	static String urlOf(DataSource dataSource) {
		DataSource target = dataSource;
		for (int i = 0; i < 10 && target instanceof DelegatingDataSource delegating; i++) {
			target = delegating.getTargetDataSource();
		}
		if (target == null) {
			return null;
		}
		if (target instanceof EmbeddedDatabase) {
			return "an embedded database";
		}
		for (String getter : new String[] { "getJdbcUrl", "getUrl", "getURL" }) {
			try {
				Method method = target.getClass().getMethod(getter);
				if (method.invoke(target) instanceof String url && isInMemory(url)) {
					return url;
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// not this pool's getter
			}
		}
		return null;
	}

	static boolean isInMemory(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return IN_MEMORY_PREFIXES.stream().anyMatch(lower::startsWith);
	}

}
