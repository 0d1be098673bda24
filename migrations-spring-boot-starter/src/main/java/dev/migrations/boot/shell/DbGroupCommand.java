package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * The {@code db} command itself: lists the {@code db} commands ({@code db}, {@code db help}), and
 * answers {@code db nope} with the list, a "did you mean" and exit status 2.
 * <p>
 * It also makes Spring Shell 4.0's parser read the {@code db} commands' flags right. The parser decides
 * whether {@code --sql} at the end of a line is a flag by looking for it among the options of the
 * command named like the first word, so this command declares the flags of every {@code db} command,
 * and {@code -1} to {@code -9} (relative targets such as {@code db downgrade -1}, which the parser
 * would otherwise take for options that lack a value).
 */
final class DbGroupCommand extends AbstractCommand {

	static final String GROUP = "Migrations";

	private final ObjectProvider<ShellDbCommand> commands;

	private final DbCommandLine commandLine;

	DbGroupCommand(ObjectProvider<ShellDbCommand> commands, DbCommandLine commandLine) {
		super("db", "Schema migrations: `db` lists the commands, `db <command> --help` explains one", GROUP, "", false);
		this.commands = commands;
		this.commandLine = commandLine;
	}

	@Override
	public List<CommandOption> getOptions() {
		Set<String> flags = new LinkedHashSet<>();
		this.commands.orderedStream().forEach((command) -> flags.addAll(command.flags()));
		List<CommandOption> options = new ArrayList<>();
		for (String flag : flags) {
			options.add(CommandOption.with().longName(flag).type(boolean.class)
				.description("flag of the db commands that take it (see db <command> --help)").build());
		}
		options.add(CommandOption.with().longName("help").shortName('h').type(boolean.class).description("show help").build());
		for (char digit = '1'; digit <= '9'; digit++) {
			options.add(CommandOption.with().shortName(digit).type(boolean.class)
				.description("relative target, as in db downgrade -" + digit).build());
		}
		return options;
	}

	@Override
	public String getHelp() {
		return this.commandLine.overview();
	}

	@Override
	public ExitStatus doExecute(CommandContext context) {
		PrintWriter out = context.outputWriter();
		List<String> words = new ArrayList<>(context.parsedInput().subCommands());
		context.parsedInput().arguments().stream()
			.sorted(Comparator.comparingInt(CommandArgument::index))
			.forEach((argument) -> words.add(argument.value()));
		if (words.isEmpty() || words.get(0).equals("help")) {
			DbCommand command = (words.size() > 1) ? this.commandLine.find(words.get(1)) : null;
			out.println((command != null) ? command.getHelp() : this.commandLine.overview());
			out.flush();
			return ExitStatus.OK;
		}
		String unknown = this.commandLine.unknown(words.get(0));
		out.println(unknown);
		out.println();
		out.println(this.commandLine.overview());
		out.flush();
		return new ExitStatus(Outcome.FAILED, unknown);
	}

}
