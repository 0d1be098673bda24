package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.migrations.MigrationsException;
import dev.migrations.TerminalText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code db} command, with no dependency on Spring Shell: command mode runs it with the starter
 * alone, and {@link ShellDbCommand} makes it a Spring Shell command.
 * <p>
 * Reads options tolerantly, because Spring Shell's parser decides whether {@code --flag} takes the next
 * word as its value by looking at a command named like the first word only ({@code db}): a flag that
 * swallowed a word gives that word back as an argument. Failures become an {@link Outcome} carrying the
 * message, so it is printed without a stack trace.
 */
final class DbCommand {

	/** Exit status of {@code db check} when the entities and the database differ. */
	static final int DIFFERENCES = Outcome.DIFFERENCES;

	/** Exit status of a command that failed. */
	static final int FAILED = Outcome.FAILED;

	private static final Logger logger = LoggerFactory.getLogger(DbCommand.class);

	private final String name;

	private final String description;

	private final Completion completion;

	private final String usage;

	private final List<Opt> opts;

	private final List<Arg> args;

	private final Action action;

	private DbCommand(Builder builder) {
		this.name = "db " + builder.name;
		this.description = builder.description;
		this.usage = builder.usage;
		this.opts = List.copyOf(builder.opts);
		this.args = List.copyOf(builder.args);
		this.action = builder.action;
		this.completion = builder.completion;
	}

	static Builder named(String name) {
		return new Builder(name);
	}

	private DbCommand(DbCommand command, Opt extra, String usage, Action action) {
		this.name = command.name;
		this.description = command.description;
		this.usage = usage;
		List<Opt> opts = new ArrayList<>(command.opts);
		opts.add(extra);
		this.opts = List.copyOf(opts);
		this.args = command.args;
		this.action = action;
		this.completion = command.completion;
	}

	/**
	 * This command with one more option, appended to its usage; {@code around} receives the
	 * command's action and returns the one that runs (it decides what the option changes).
	 */
	DbCommand withOption(Opt extra, String usageSuffix, java.util.function.UnaryOperator<Action> around) {
		return new DbCommand(this, extra, this.usage + " " + usageSuffix, around.apply(this.action));
	}

	/** The full name, e.g. {@code db upgrade}. */
	String getName() {
		return this.name;
	}

	String getDescription() {
		return this.description;
	}

	List<Opt> options() {
		return this.opts;
	}

	/** What TAB completes in the shell, {@code null} for nothing. */
	Completion completion() {
		return this.completion;
	}

	/** The flags of this command, which {@link DbGroupCommand} declares so the parser knows they take no value. */
	List<String> flags() {
		return this.opts.stream().filter(Opt::flag).map(Opt::longName).toList();
	}

	String getHelp() {
		StringBuilder help = new StringBuilder();
		help.append("Usage: ").append(this.usage).append("\n\n").append(getDescription()).append('\n');
		if (!this.args.isEmpty()) {
			help.append("\nArguments:\n");
			int width = this.args.stream().mapToInt((a) -> a.name().length()).max().orElse(0);
			for (Arg arg : this.args) {
				help.append("  ").append(pad(arg.name(), width)).append("  ").append(arg.description()).append('\n');
			}
		}
		help.append("\nOptions:\n");
		List<String> names = new ArrayList<>();
		for (Opt opt : this.opts) {
			names.add(opt.synopsis());
		}
		names.add("-h, --help");
		int width = names.stream().mapToInt(String::length).max().orElse(0);
		for (int i = 0; i < this.opts.size(); i++) {
			help.append("  ").append(pad(names.get(i), width)).append("  ").append(this.opts.get(i).description()).append('\n');
		}
		help.append("  ").append(pad("-h, --help", width)).append("  show this help");
		return help.toString();
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

	/**
	 * Runs the command.
	 * @param arguments the words that are not options, in order
	 * @param options the options as given
	 * @param console where to print and who answers
	 * @param describer the message for a failure
	 * @return how it ended; a failure is an outcome, never an exception
	 */
	Outcome execute(List<String> arguments, List<GivenOption> options, CommandConsole console,
			Function<Throwable, String> describer) {
		PrintWriter out = console.out();
		PrintWriter err = null;
		try {
			Invocation invocation = invocation(arguments, options);
			if (invocation.flag("help")) {
				out.println(getHelp());
				return Outcome.OK;
			}
			// what revision files and the database hold reaches a person's terminal with the characters that would
			// act on it escaped; a script (--sql) and JSON are results for programs, written as they are
			boolean result = invocation.flag("sql") || "json".equalsIgnoreCase(String.valueOf(invocation.option("format")));
			if (!result) {
				out = new PrintWriter(TerminalText.escaping(console.out()), true);
			}
			err = (console.err() == console.out() && !result) ? out : new PrintWriter(TerminalText.escaping(console.err()), true);
			Outcome outcome = this.action.run(invocation, new CommandConsole(out, console.prompt(), err));
			return new Outcome(outcome.code(), TerminalText.escape(outcome.message()));
		}
		catch (UsageException ex) {
			return Outcome.failed(TerminalText.escape(ex.getMessage() + " (see `" + getName() + " --help`)"));
		}
		catch (RuntimeException ex) {
			logger.debug("{} failed", getName(), ex);
			return Outcome.failed(TerminalText.escape(describer.apply(ex)));
		}
		finally {
			out.flush();
			if (err != null) {
				err.flush();
			}
		}
	}

	/**
	 * The message to show for a failure: the tool's own message when there is one anywhere in the
	 * causes (Spring wraps it when the {@code Migrations} bean fails to load), else every cause's.
	 */
	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationsException) {
				return cause.getMessage();
			}
		}
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null && messages.size() < 4; cause = cause.getCause()) {
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			if (messages.stream().noneMatch((m) -> m.contains(message))) {
				messages.add(message);
			}
		}
		return String.join(": ", messages);
	}

	Invocation invocation(List<String> givenArguments, List<GivenOption> givenOptions) {
		List<String> arguments = new ArrayList<>(givenArguments);
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (GivenOption option : givenOptions) {
			String longName = option.longName();
			char shortName = option.shortName();
			String value = (option.value() != null) ? option.value() : "";
			if (!(longName != null && !longName.isEmpty()) && Character.isDigit(shortName)) {
				// "-1" read as a flag: it is a relative target; a word the parser took as its value is an argument too
				// (refused as unexpected where the command takes no more), not dropped
				arguments.add("-" + shortName);
				if (!value.isEmpty() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
					// (the parser gives a short option it reads as a flag the value true)
					arguments.add(value);
				}
				continue;
			}
			Opt opt = find(longName, shortName);
			if (opt.flag()) {
				boolean on = !value.equalsIgnoreCase("false");
				if (!value.isEmpty() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
					arguments.add(value);
				}
				values.put(opt.longName(), List.of(Boolean.toString(on)));
				continue;
			}
			if (value.isEmpty()) {
				throw new UsageException("Option " + opt.synopsisName() + " needs a value");
			}
			List<String> given = values.computeIfAbsent(opt.longName(), (key) -> new ArrayList<>());
			if (!given.isEmpty() && !opt.repeatable()) {
				throw new UsageException("Option " + opt.synopsisName() + " is given twice");
			}
			given.add(value);
		}
		for (Opt opt : this.opts) {
			if (opt.required() && !values.containsKey(opt.longName()) && !values.containsKey("help")) {
				throw new UsageException(getName() + " needs " + opt.synopsis());
			}
		}
		boolean repeatable = !this.args.isEmpty() && this.args.get(this.args.size() - 1).repeatable();
		if (!repeatable && arguments.size() > this.args.size()) {
			List<String> extra = arguments.subList(this.args.size(), arguments.size());
			String listed = (extra.size() <= 10) ? String.join(" ", extra)
					: String.join(" ", extra.subList(0, 10)) + " ... (" + extra.size() + " in all)";
			throw new UsageException("Unexpected " + (extra.size() == 1 ? "argument " : "arguments ") + listed
					+ (this.opts.stream().anyMatch((o) -> !o.flag()) ? "; quote a value that has spaces: -m \"add status\"" : ""));
		}
		for (int i = 0; i < this.args.size(); i++) {
			if (this.args.get(i).required() && arguments.size() <= i && !values.containsKey("help")) {
				throw new UsageException(getName() + " needs " + this.args.get(i).name());
			}
		}
		return new Invocation(values, arguments);
	}

	private Opt find(String longName, char shortName) {
		if ((longName != null && !longName.isEmpty())) {
			if (longName.equals("help")) {
				return Opt.HELP;
			}
			return this.opts.stream().filter((o) -> o.longName().equals(longName)).findFirst()
				.orElseThrow(() -> unknownOption("--" + longName, NearestNames.of(longName, longNames())));
		}
		if (shortName == 'h') {
			return Opt.HELP;
		}
		return this.opts.stream().filter((o) -> o.shortName() == shortName).findFirst()
			.orElseThrow(() -> unknownOption("-" + shortName, longNames().stream()
				.filter((name) -> name.charAt(0) == Character.toLowerCase(shortName)).toList()));
	}

	private List<String> longNames() {
		return this.opts.stream().map(Opt::longName).toList();
	}

	/** An option this command does not have: the nearest it has, else all it takes. */
	private UsageException unknownOption(String typed, List<String> nearest) {
		String message = "Unknown option " + typed + " for " + getName();
		if (!nearest.isEmpty()) {
			return new UsageException(message + ": did you mean " + NearestNames.either(nearest.stream()
				.map((name) -> "--" + name).toList(), "") + "?");
		}
		if (this.opts.isEmpty()) {
			return new UsageException(message + ", which takes no option");
		}
		return new UsageException(message + ", which takes " + String.join(", ", this.opts.stream().map((opt) -> {
			String names = "--" + opt.longName();
			return opt.flag() ? names : names + " " + opt.valueName();
		}).toList()));
	}

	/** What a command does once its input is read. */
	@FunctionalInterface
	interface Action {

		Outcome run(Invocation invocation, CommandConsole console);

	}

	/** The options and arguments of one run of a command. */
	static final class Invocation {

		private final Map<String, List<String>> options;

		private final List<String> arguments;

		Invocation(Map<String, List<String>> options, List<String> arguments) {
			this.options = options;
			this.arguments = List.copyOf(arguments);
		}

		/** The value of an option, {@code null} when not given. */
		String option(String longName) {
			List<String> values = this.options.get(longName);
			return (values != null) ? values.get(0) : null;
		}

		/** Every value of an option given several times, in order. */
		List<String> options(String longName) {
			return this.options.getOrDefault(longName, List.of());
		}

		boolean flag(String longName) {
			return Boolean.parseBoolean(option(longName));
		}

		/** The argument at {@code index}, or {@code defaultValue} when there are fewer. */
		String argument(int index, String defaultValue) {
			return (index < this.arguments.size()) ? this.arguments.get(index) : defaultValue;
		}

		List<String> arguments() {
			return this.arguments;
		}

	}

	/**
	 * An option of a command.
	 *
	 * @param longName the name after {@code --}
	 * @param shortName the letter after {@code -}, or a space
	 * @param valueName what the value is, for help; {@code null} for a flag
	 * @param description for help
	 * @param required whether the command refuses to run without it
	 * @param repeatable whether it may be given several times
	 */
	record Opt(String longName, char shortName, String valueName, String description, boolean required,
			boolean repeatable) {

		static final Opt HELP = new Opt("help", 'h', null, "show this help", false, false);

		Opt {
			Objects.requireNonNull(longName, "longName");
		}

		boolean flag() {
			return this.valueName == null;
		}

		String synopsisName() {
			return (this.shortName != ' ') ? "-" + this.shortName + "/--" + this.longName : "--" + this.longName;
		}

		String synopsis() {
			String names = (this.shortName != ' ') ? "-" + this.shortName + ", --" + this.longName : "--" + this.longName;
			return flag() ? names : names + " " + this.valueName;
		}


	}

	/**
	 * An option as given on the command line or parsed by Spring Shell.
	 *
	 * @param longName the name after {@code --}, empty or {@code null} for a short option
	 * @param shortName the letter after {@code -}, or a space
	 * @param value its value; {@code true} or empty for a flag
	 */
	record GivenOption(String longName, char shortName, String value) {
	}

	/**
	 * What TAB completes for a command in the shell: revision ids, with or without target keywords
	 * ({@code head}, {@code base}), as arguments and as the value of one option.
	 *
	 * @param keywords whether target keywords are proposed too
	 * @param valueOption the option whose value is a revision, {@code null} for none
	 */
	record Completion(boolean keywords, String valueOption) {
	}

	/**
	 * A positional argument of a command.
	 *
	 * @param name its name in help, e.g. {@code TARGET}
	 * @param description for help
	 * @param required whether the command refuses to run without it
	 * @param repeatable whether it takes all remaining arguments (last one only)
	 */
	record Arg(String name, String description, boolean required, boolean repeatable) {
	}

	/** Input a command cannot run with: the message says what to type instead. */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

	/** Declares a command. */
	static final class Builder {

		private final String name;

		private String description = "";

		private String usage;

		private final List<Opt> opts = new ArrayList<>();

		private final List<Arg> args = new ArrayList<>();

		private Completion completion;

		private Action action;

		private Builder(String name) {
			this.name = name;
			this.usage = "db " + name;
		}

		Builder description(String description) {
			this.description = description;
			return this;
		}

		Builder usage(String usage) {
			this.usage = usage;
			return this;
		}

		Builder option(String longName, char shortName, String valueName, String description, boolean required) {
			this.opts.add(new Opt(longName, shortName, valueName, description, required, false));
			return this;
		}

		Builder repeatableOption(String longName, String valueName, String description) {
			this.opts.add(new Opt(longName, ' ', valueName, description, false, true));
			return this;
		}

		Builder flag(String longName, String description) {
			this.opts.add(new Opt(longName, ' ', null, description, false, false));
			return this;
		}

		Builder argument(String name, String description, boolean required) {
			this.args.add(new Arg(name, description, required, false));
			return this;
		}

		Builder arguments(String name, String description) {
			this.args.add(new Arg(name, description, false, true));
			return this;
		}

		Builder completion(Completion completion) {
			this.completion = completion;
			return this;
		}

		DbCommand action(Action action) {
			this.action = action;
			return new DbCommand(this);
		}

	}

}
