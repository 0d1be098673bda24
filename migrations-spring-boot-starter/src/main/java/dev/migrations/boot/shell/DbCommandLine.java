package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.migrations.TerminalText;

/**
 * The {@code db} commands as one command line, with no dependency on Spring Shell: reads the words of
 * {@code java -jar app.jar db upgrade +1}, runs the command and returns its exit status (0 done, 1
 * {@code db check} found differences, 2 failed), the results on standard output and a failure's message
 * on standard error. Command mode runs it with the starter alone; the Spring Shell commands use the same
 * commands, the same overview and the same answer to an unknown command.
 */
final class DbCommandLine {

	private final List<DbCommand> commands;

	private final Function<Throwable, String> describer;

	/**
	 * @param commands the {@code db} commands
	 * @param describer the message for a failure: the first line says what went wrong and where, the
	 * next what to do
	 */
	DbCommandLine(List<DbCommand> commands, Function<Throwable, String> describer) {
		this.commands = commands.stream().sorted(Comparator.comparing(DbCommand::getName)).toList();
		this.describer = describer;
	}

	/** Every {@code db} command of the given commands, as command mode and the console offer them. */
	static DbCommandLine of(DbCommands commands, Function<Throwable, String> describer) {
		return new DbCommandLine(all(commands), describer);
	}

	/** The {@code db} commands. */
	static List<DbCommand> all(DbCommands commands) {
		return List.of(commands.init(), commands.revision(), commands.migrate(), commands.upgrade(), commands.downgrade(),
				commands.current(), commands.heads(), commands.history(), commands.show(), commands.stamp(),
				commands.check(), commands.merge(), commands.createDb(), commands.edit(), commands.branches(),
				commands.lint(), commands.rehearse(), commands.squash());
	}

	List<DbCommand> commands() {
		return this.commands;
	}

	Function<Throwable, String> describer() {
		return this.describer;
	}

	/** The command named {@code db <name>}, {@code null} when there is none. */
	DbCommand find(String name) {
		String full = "db " + name;
		return this.commands.stream().filter((command) -> command.getName().equals(full)).findFirst().orElse(null);
	}

	/** The list of the {@code db} commands, what {@code db} and {@code db help} print. */
	String overview() {
		int width = this.commands.stream().mapToInt((c) -> c.getName().length()).max().orElse(0);
		StringBuilder text = new StringBuilder("Schema migrations. `db <command> --help` explains a command.\n\n");
		for (DbCommand command : this.commands) {
			text.append("  ").append(command.getName()).append(" ".repeat(width - command.getName().length()))
				.append("  ").append(command.getDescription()).append('\n');
		}
		return text.toString().stripTrailing();
	}

	/**
	 * What Flyway, Liquibase and Alembic call what a {@code db} command does, for the answer to one of their
	 * words: {@code db status} names {@code db current} and {@code db history}.
	 */
	private static final Map<String, List<String>> OTHER_TOOLS_WORDS = Map.of("status", List.of("current", "history"),
			"info", List.of("current", "history"), "validate", List.of("check"), "baseline", List.of("stamp"),
			"rollback", List.of("downgrade"), "undo", List.of("downgrade"), "log", List.of("history"));

	/** The first line of the answer to {@code db <name>} when there is no such command. */
	String unknown(String name) {
		List<String> nearest = nearest(name);
		return Outcome.shortened("Unknown command `db " + name + "`" + (nearest.isEmpty() ? ": `db` lists the db commands."
				: ": did you mean " + NearestNames.either(nearest.stream().map((command) -> "db " + command).toList(), "`")
						+ "?"));
	}

	/**
	 * Runs a command line.
	 * @param words {@code db}, the command's name, its options and arguments
	 * @param out where results go (standard output)
	 * @param err where a failure's message goes (standard error)
	 * @param prompt who answers questions, {@code null} when nobody is there
	 * @return the exit status: 0 done, 1 differences found, 2 failed
	 */
	int run(List<String> words, PrintWriter out, PrintWriter err, CommandConsole.Prompt prompt) {
		try {
			return execute(words, out, err, prompt);
		}
		catch (RuntimeException ex) {
			err.println(Outcome.shortened(TerminalText.escape(this.describer.apply(ex))));
			return Outcome.FAILED;
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	private int execute(List<String> words, PrintWriter out, PrintWriter err, CommandConsole.Prompt prompt) {
		if (words.isEmpty() || !words.get(0).equals("db")) {
			err.println("No command given: `db` lists the db commands.");
			return Outcome.FAILED;
		}
		String name = (words.size() > 1) ? words.get(1) : "help";
		if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
			DbCommand command = (words.size() > 2 && name.equals("help")) ? find(words.get(2)) : null;
			out.println((command != null) ? command.getHelp() : overview());
			return 0;
		}
		DbCommand command = name.startsWith("-") ? null : find(name);
		if (command == null) {
			err.println(unknown(name));
			err.println();
			err.println(overview());
			return Outcome.FAILED;
		}
		CommandLineInput.Parsed input = CommandLineInput.parse(words.subList(2, words.size()), command);
		Outcome outcome = command.execute(input.arguments(), input.options(), new CommandConsole(out, prompt, err),
				this.describer);
		out.flush();
		if (outcome.code() != 0 && !outcome.message().isEmpty()) {
			err.println(outcome.message());
		}
		return outcome.code();
	}

	/** The names of the commands a mistyped one was most likely meant to be (without {@code db}), none when none is near. */
	private List<String> nearest(String typed) {
		List<String> names = this.commands.stream().map((command) -> command.getName().substring(3)).toList();
		// another tool's word first: `db info` is Flyway's, not a typo of `db init`
		List<String> meant = OTHER_TOOLS_WORDS.getOrDefault(typed.toLowerCase(Locale.ROOT), List.of()).stream()
			.filter(names::contains).toList();
		return meant.isEmpty() ? NearestNames.of(typed, names) : meant;
	}

}
