package dev.migrations.boot.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Reads the arguments of {@code java -jar app.jar db ...} into a command's input.
 * <p>
 * Spring Shell's non-interactive runner joins the arguments with spaces and parses the line again,
 * which splits a message the operating system's shell had kept whole ({@code -m "add status"}) and
 * reads {@code -1} as an option. The arguments are already words, so they are read as such:
 * {@code --name=value}, {@code --name value}, {@code -m value}, {@code --flag} (an option the command
 * declares as boolean), {@code -N} as an argument, and everything after {@code --} as arguments.
 * Spring properties ({@code --spring.datasource.url=...}, any {@code --name} with a dot) are left to
 * Spring Boot.
 */
final class CommandLineInput {

	private static final Pattern RELATIVE = Pattern.compile("-\\d+");

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
		return name.indexOf('.') >= 0;
	}

	/**
	 * Parses the words of a command.
	 * @param words {@code db}, the command's name, its options and arguments
	 * @param registry where the command is looked up to know its flags
	 * @return the input for Spring Shell's command executor
	 */
	static ParsedInput parse(List<String> words, CommandRegistry registry) {
		ParsedInput.Builder input = ParsedInput.builder().commandName(words.get(0));
		int next = 1;
		String name = words.get(0);
		if (words.size() > 1 && !words.get(1).startsWith("-")) {
			input.addSubCommand(words.get(1));
			name = name + " " + words.get(1);
			next = 2;
		}
		Command command = registry.getCommandByName(name);
		List<CommandOption> declared = (command != null) ? command.getOptions() : List.of();
		int index = 0;
		boolean onlyArguments = false;
		for (int i = next; i < words.size(); i++) {
			String word = words.get(i);
			if (onlyArguments || !word.startsWith("-") || RELATIVE.matcher(word).matches() || word.equals("-")) {
				input.addArgument(new CommandArgument(index++, word));
				continue;
			}
			if (word.equals("--")) {
				onlyArguments = true;
				continue;
			}
			boolean isLong = word.startsWith("--");
			String body = word.substring(isLong ? 2 : 1);
			int equals = body.indexOf('=');
			String optionName = (equals >= 0) ? body.substring(0, equals) : body;
			String value;
			if (equals >= 0) {
				value = body.substring(equals + 1);
			}
			else if (isFlag(declared, isLong, optionName)) {
				value = "true";
			}
			else if (i + 1 < words.size() && !words.get(i + 1).equals("--")) {
				value = words.get(++i);
			}
			else {
				value = "";
			}
			CommandOption.Builder option = CommandOption.with().value(value);
			if (isLong) {
				option.longName(optionName);
			}
			else {
				option.longName("").shortName(optionName.isEmpty() ? ' ' : optionName.charAt(0));
			}
			input.addOption(option.build());
		}
		return input.build();
	}

	private static boolean isFlag(List<CommandOption> declared, boolean isLong, String name) {
		if (name.equals("help") || (!isLong && name.equals("h"))) {
			return true;
		}
		for (CommandOption option : declared) {
			boolean matches = isLong ? name.equals(option.longName())
					: (name.length() == 1 && option.shortName() == name.charAt(0));
			if (matches) {
				return option.type() == boolean.class || option.type() == Boolean.class;
			}
		}
		// An option the command does not declare takes no value, so the command reports it by name
		// instead of swallowing the next word.
		return true;
	}

}
