package dev.migrations.boot.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the arguments of {@code java -jar app.jar db ...} into a command's input.
 * <p>
 * Spring Shell's non-interactive runner joins the arguments with spaces and parses the line again,
 * which splits a message the operating system's shell had kept whole ({@code -m "add status"}) and
 * reads {@code -1} as an option. The arguments are already words, so they are read as such:
 * {@code --name=value}, {@code --name value}, {@code -m value}, {@code -mvalue}, {@code --flag} (an option the command
 * declares as boolean), {@code -N} as an argument, and everything after {@code --} as arguments.
 * Spring properties ({@code --spring.datasource.url=...}, any {@code --name} with a dot) and Spring Boot's
 * {@code --debug} and {@code --trace} are left to Spring Boot.
 */
final class CommandLineInput {

	/**
	 * A word starting with a minus and a digit, which no option's name does: a relative target ({@code -2}) or
	 * something to report as a target ({@code -1:base}, a range from steps back), never an option {@code -1}
	 * whose rest would be lost.
	 */
	private static final Pattern RELATIVE = Pattern.compile("-\\d.*");

	private CommandLineInput() {
	}

	/**
	 * The words of the command: from the first argument that is not an option ({@code db}) on,
	 * without Spring properties.
	 * @param args the application's arguments
	 * @return the command's words, empty when there is no command
	 */
	static List<String> commandWords(String[] args) {
		List<String> words = new ArrayList<>();
		boolean started = false;
		boolean onlyArguments = false;
		for (String arg : args) {
			if (!started) {
				if (arg.startsWith("-")) {
					continue;
				}
				started = true;
			}
			if (!onlyArguments && isSpringProperty(arg)) {
				continue;
			}
			if (arg.equals("--")) {
				onlyArguments = true;
			}
			words.add(arg);
		}
		return words;
	}

	private static boolean isSpringProperty(String arg) {
		if (!arg.startsWith("--")) {
			return false;
		}
		int equals = arg.indexOf('=');
		String name = (equals >= 0) ? arg.substring(2, equals) : arg.substring(2);
		// --debug and --trace are Spring Boot's switches: they ask for stack traces, they are no command's options
		return name.indexOf('.') >= 0 || name.equals("debug") || name.equals("trace");
	}

	/**
	 * Reads the options and arguments of a command.
	 * @param words what follows the command's name ({@code db upgrade}) on the command line
	 * @param command the command, to know which of its options are flags
	 * @return the arguments and the options, in order
	 */
	static Parsed parse(List<String> words, DbCommand command) {
		List<String> arguments = new ArrayList<>();
		List<DbCommand.GivenOption> options = new ArrayList<>();
		boolean onlyArguments = false;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (onlyArguments || !word.startsWith("-") || RELATIVE.matcher(word).matches() || word.equals("-")) {
				arguments.add(word);
				continue;
			}
			if (word.equals("--")) {
				onlyArguments = true;
				continue;
			}
			boolean isLong = word.startsWith("--");
			String body = word.substring(isLong ? 2 : 1);
			if (!isLong && body.length() > 1 && Character.isLetter(body.charAt(0)) && body.charAt(1) != '='
					&& takesValue(command, body.charAt(0))) {
				// the value written against the option, as getopt reads it: -m"add status", -rbase:head
				options.add(new DbCommand.GivenOption("", body.charAt(0), body.substring(1)));
				continue;
			}
			int equals = body.indexOf('=');
			String optionName = (equals >= 0) ? body.substring(0, equals) : body;
			String value;
			if (equals >= 0) {
				value = body.substring(equals + 1);
			}
			else if (isFlag(command, isLong, optionName)) {
				value = "true";
			}
			else if (i + 1 < words.size() && !words.get(i + 1).equals("--")) {
				value = words.get(++i);
			}
			else {
				value = "";
			}
			options.add(isLong ? new DbCommand.GivenOption(optionName, ' ', value)
					: new DbCommand.GivenOption("", optionName.isEmpty() ? ' ' : optionName.charAt(0), value));
		}
		return new Parsed(arguments, options);
	}

	/** Whether the command declares a short option of this name that takes a value. */
	private static boolean takesValue(DbCommand command, char shortName) {
		return command.options().stream().anyMatch((option) -> option.shortName() == shortName && !option.flag());
	}

	private static boolean isFlag(DbCommand command, boolean isLong, String name) {
		if (name.equals("help") || (!isLong && name.equals("h"))) {
			return true;
		}
		for (DbCommand.Opt option : command.options()) {
			boolean matches = isLong ? name.equals(option.longName())
					: (name.length() == 1 && option.shortName() == name.charAt(0));
			if (matches) {
				return option.flag();
			}
		}
		// An option the command does not declare takes no value, so the command reports it by name
		// instead of swallowing the next word.
		return true;
	}

	/**
	 * The options and arguments of a command line.
	 *
	 * @param arguments the words that are not options, in order
	 * @param options the options, in order
	 */
	record Parsed(List<String> arguments, List<DbCommand.GivenOption> options) {
	}

}
