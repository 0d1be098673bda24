package dev.migrations.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The commands a command's output suggests (`db upgrade`, `db stamp 3f2a9c1b7d4e`), said as the goals that run
 * them from Maven (`mvn migrations:upgrade`, `mvn migrations:stamp -Dmigrations.target=3f2a9c1b7d4e`). Commands
 * with no goal ({@code db lint}, {@code db rehearse}...) are left as they are: they run in command mode. A goal
 * repeats the options of the build's command line that chose the application's database
 * ({@code -Dmigrations.profiles=staging}, {@code -Dspring.datasource.url=...}), so that, copied, it runs on the
 * same database.
 */
final class MavenHints {

	private static final Pattern HINT = Pattern.compile("`db ([a-z][a-z-]*)([^`]*)`");

	// a relative target (-1, -2) is positional, not an option
	private static final Pattern RELATIVE = Pattern.compile("-\\d+");

	private static final Set<String> GOALS = Set.of("init", "revision", "migrate", "upgrade", "downgrade", "stamp", "check",
			"merge", "create-db", "current", "heads", "history", "show", "squash");

	// the property a goal takes its positional arguments from (several joined by commas)
	private static final Map<String, String> POSITIONAL = Map.of("upgrade", "migrations.target", "downgrade",
			"migrations.target", "stamp", "migrations.target", "show", "migrations.revision", "squash", "migrations.revision",
			"merge", "migrations.revisions");

	// options followed by a value, passed on as they are
	private static final Set<String> VALUED = Set.of("--tenant", "--format", "-r", "--rev-range", "--head", "--renames");

	// a value a shell reads as one word without quotes
	private static final Pattern PLAIN = Pattern.compile("[\\w./:=,+@%-]+");

	private static final String MASK = "******";

	private static final Pattern SHELL_SPECIAL_IN_DOUBLE_QUOTES = Pattern.compile("[\"$`\\\\!]");

	// spring.datasource.password, migrations.password, migrations.tenants.acme.password, ...data-source-properties.password
	private static final Pattern PASSWORD_PROPERTY = Pattern.compile("(?i)(password|pwd)[^.]*$");

	// a URL's ?password=, a JVM option's -Dspring.datasource.password=
	private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)((?:password|pwd)=)[^&;\\s\"]*");

	private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([^=]+)=.*", Pattern.DOTALL);

	private static final Pattern USER_INFO = Pattern.compile("//([^/@:\\s\"]*):[^/\\s\"]*@");

	private MavenHints() {
	}

	static String translate(String line) {
		return translate(line, List.of());
	}

	/**
	 * The line with the commands it suggests said as goals, each followed by the given options of the build's
	 * command line ({@link #option}).
	 */
	static String translate(String line, List<String> options) {
		// an SQL comment (a revision's header, `db show`) is the file's text, not a hint
		if (line.indexOf("`db ") < 0 || line.stripLeading().startsWith("--")) {
			return line;
		}
		Matcher matcher = HINT.matcher(line);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String goal = goal(matcher.group(1), matcher.group(2));
			if (goal != null && !options.isEmpty()) {
				goal += " " + String.join(" ", options);
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement((goal != null) ? "`" + goal + "`" : matcher.group()));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String goal(String command, String rest) {
		if (!GOALS.contains(command)) {
			return null;
		}
		List<String> words = Words.split(rest);
		if (words == null) {
			return null;
		}
		StringBuilder goal = new StringBuilder("mvn migrations:").append(command);
		List<String> positional = new ArrayList<>();
		List<String> other = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if ((word.equals("-m") || word.equals("--message")) && i + 1 < words.size()) {
				goal.append(" -Dmigrations.message=").append(quoted(words.get(++i)));
			}
			else if (word.equals("--sql")) {
				goal.append(" -Dmigrations.sql=true");
			}
			else if (word.equals("--splice") && command.equals("revision")) {
				goal.append(" -Dmigrations.splice=true");
			}
			else if (word.equals("--head") && command.equals("revision") && i + 1 < words.size()) {
				goal.append(" -Dmigrations.head=").append(quoted(words.get(++i)));
			}
			else if (word.startsWith("-") && !RELATIVE.matcher(word).matches()) {
				other.add(word);
				if (VALUED.contains(word) && i + 1 < words.size()) {
					other.add(words.get(++i));
				}
			}
			else {
				positional.add(word);
			}
		}
		if (!positional.isEmpty()) {
			String property = POSITIONAL.get(command);
			if (property == null) {
				return null;
			}
			goal.append(" -D").append(property).append('=').append(String.join(",", positional));
		}
		if (!other.isEmpty()) {
			goal.append(" -Dmigrations.arguments=").append(argumentsValue(other));
		}
		return goal.toString();
	}

	/**
	 * A {@code -D} option as a shell takes it: {@code -Dspring.datasource.url="jdbc:postgresql://db/shop?ssl=true&user=app"}.
	 * A password is said as {@value #MASK}, whether it is the property's value ({@code spring.datasource.password}), in a
	 * URL ({@code ?password=}, {@code //user:password@host}) or in JVM options: hints are printed in the build's log.
	 */
	static String option(String property, String value) {
		String shown = PASSWORD_PROPERTY.matcher(property).find() ? MASK : withoutPasswords(value);
		return "-D" + property + "=" + (PLAIN.matcher(shown).matches() ? shown : "\"" + shown + "\"");
	}

	/**
	 * The command line of the command's JVM as the debug log shows it, with its passwords masked word by word: the
	 * value of a password property's {@code -D} option whole (a passphrase holds spaces), a URL's password.
	 */
	static String shown(List<String> commandLine) {
		return commandLine.stream().map((word) -> {
			Matcher option = SYSTEM_PROPERTY.matcher(word);
			return (option.matches() && PASSWORD_PROPERTY.matcher(option.group(1)).find()) ? "-D" + option.group(1) + "=" + MASK
					: withoutPasswords(word);
		}).toList().toString();
	}

	/** The text with the values of {@code password=} and {@code pwd=} and the password of {@code //user:password@} masked. */
	static String withoutPasswords(String text) {
		String masked = PASSWORD_VALUE.matcher(text).replaceAll("$1" + MASK);
		return USER_INFO.matcher(masked).replaceAll("//$1:" + MASK + "@");
	}

	/**
	 * The value of {@code -Dmigrations.arguments} as a shell takes it, so that the plugin ({@link Words#split}) reads
	 * back the same words: a tenant's name in double quotes ({@code --tenant '"all"'}, the tenant named all, not
	 * every tenant) keeps them.
	 */
	private static String argumentsValue(List<String> words) {
		String value = words.stream().map(MavenHints::word).collect(Collectors.joining(" "));
		if (PLAIN.matcher(value).matches()) {
			return value;
		}
		// in double quotes a shell still reads $, `, \ and (bash) !
		return SHELL_SPECIAL_IN_DOUBLE_QUOTES.matcher(value).find() ? "'" + value.replace("'", "'\\''") + "'"
				: "\"" + value + "\"";
	}

	// one word as Words.split reads it back: it takes quotes of either kind, with no escapes within
	private static String word(String word) {
		if (PLAIN.matcher(word).matches()) {
			return word;
		}
		if (word.indexOf('"') < 0) {
			return "\"" + word + "\"";
		}
		if (word.indexOf('\'') < 0) {
			return "'" + word + "'";
		}
		// runs of single quotes in double quotes, the rest in single quotes
		StringBuilder quoted = new StringBuilder();
		int start = 0;
		while (start < word.length()) {
			boolean singleQuotes = word.charAt(start) == '\'';
			int end = start;
			while (end < word.length() && (word.charAt(end) == '\'') == singleQuotes) {
				end++;
			}
			char quote = singleQuotes ? '"' : '\'';
			quoted.append(quote).append(word, start, end).append(quote);
			start = end;
		}
		return quoted.toString();
	}

	private static String quoted(String value) {
		return (value.indexOf(' ') >= 0 || value.isEmpty()) ? "\"" + value + "\"" : value;
	}

}
