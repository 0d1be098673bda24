package dev.migrations.boot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The {@code migrations.*} properties of the environment that no part of migrations reads, e.g.
 * {@code migrations.basline} or {@code migrations.upgrade-on-start}: left alone they would be ignored in
 * silence, and the default of the property meant would stay in force. Each is told with the known
 * property closest to it. A warning, not a failure: the prefix is the starter's, but an application may
 * have put keys of its own under it.
 */
public final class UnknownMigrationsProperties {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("migrations");

	private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"(migrations\\.[^\"]+)\"");

	/**
	 * Read by the starter without being configuration properties of its classes, and the test databases'
	 * settings (migrations.test.*).
	 */
	private static final List<String> INTERNAL = List.of("migrations.test", "migrations.shell.command-mode.active",
			"migrations.shell.command-mode.command", "migrations.shell.command-mode.offline-range");

	private static volatile List<String> known;

	private UnknownMigrationsProperties() {
	}

	/**
	 * One line for each {@code migrations.*} property of the environment that nothing reads.
	 * @param environment the application's environment
	 * @return the warnings, in the properties' order; empty when every property is known
	 */
	public static List<String> warnings(Environment environment) {
		List<String> names = known(UnknownMigrationsProperties.class.getClassLoader());
		if (!names.contains("migrations.target")) {
			// without the starter's metadata (a repackaging that dropped it) every property would look unknown
			return List.of();
		}
		List<ConfigurationPropertyName> knownNames = names.stream().map(ConfigurationPropertyName::of).toList();
		Set<String> unknown = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			boolean systemEnvironment = String.valueOf(source.getUnderlyingSource()).contains("systemEnvironment");
			iterable.stream().filter(PREFIX::isAncestorOf).forEach((name) -> {
				if (!isKnown(name, knownNames, names, systemEnvironment)) {
					unknown.add(name.toString());
				}
			});
		}
		List<String> warnings = new ArrayList<>();
		for (String name : unknown) {
			String closest = closest(name, names);
			warnings.add(name + " is not a property of migrations and is ignored"
					+ ((closest != null) ? ": did you mean " + closest + "?"
							: " (the migrations.* properties are listed in the starter's configuration metadata)"));
		}
		return warnings;
	}

	private static boolean isKnown(ConfigurationPropertyName name, List<ConfigurationPropertyName> knownNames,
			List<String> names, boolean systemEnvironment) {
		for (ConfigurationPropertyName candidate : knownNames) {
			if (candidate.equals(name) || candidate.isAncestorOf(name)) {
				return true;
			}
		}
		if (systemEnvironment) {
			// MIGRATIONS_LOCK_TIMEOUT reads as migrations.lock.timeout: compared without separators
			String flat = flat(name.toString());
			return names.stream().map(UnknownMigrationsProperties::flat).anyMatch(flat::startsWith);
		}
		return false;
	}

	private static String flat(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[-._\\[\\]]", "");
	}

	/** The known property closest to a mistyped one, {@code null} when none is close. */
	static String closest(String typed, List<String> names) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : names) {
			int distance = distance(typed, candidate);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = candidate;
			}
		}
		int typedLength = typed.length() - "migrations.".length();
		return (bestDistance <= Math.max(2, typedLength / 5)) ? best : null;
	}

	/**
	 * Edit distance (Damerau–Levenshtein, optimal string alignment), a swap of two neighbours counting as one
	 * edit: how far a misspelt name is from a known one, for "did you mean" here and in the shell's commands.
	 */
	public static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	/** The properties the configuration metadata of the class path declares under migrations, and the internal ones. */
	static List<String> known(ClassLoader classLoader) {
		List<String> names = known;
		if (names == null) {
			Set<String> found = new TreeSet<>(INTERNAL);
			for (String resource : List.of("META-INF/spring-configuration-metadata.json",
					"META-INF/additional-spring-configuration-metadata.json")) {
				try {
					Enumeration<URL> urls = classLoader.getResources(resource);
					for (URL url : Collections.list(urls)) {
						try (InputStream in = url.openStream()) {
							Matcher matcher = NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
							while (matcher.find()) {
								found.add(matcher.group(1));
							}
						}
					}
				}
				catch (IOException ex) {
					// metadata that cannot be read names nothing
				}
			}
			names = List.copyOf(found);
			known = names;
		}
		return names;
	}

}
