package dev.migrations.boot.shell;

import java.util.Comparator;
import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.TerminalText;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * A {@link DbCommand} in Spring Shell. Built on {@link AbstractCommand} rather than as an annotated
 * method, because an annotated method always exits with status 0 ({@code db check} must not), cannot
 * see an option given several times ({@code --rename}), and is only discovered in the application's own
 * package. Failures become an exit status carrying the message, so the shell prints the message without
 * a stack trace.
 */
final class ShellDbCommand extends AbstractCommand {

	private final DbCommand command;

	private final DbCommandLine commandLine;

	private final RevisionFilesReloader reloader;

	ShellDbCommand(DbCommand command, DbCommandLine commandLine, ObjectProvider<Migrations> migrations,
			RevisionFilesReloader reloader) {
		super(command.getName(), command.getDescription(), DbGroupCommand.GROUP, "", false);
		this.command = command;
		this.commandLine = commandLine;
		this.reloader = reloader;
		setOptions(command.options().stream().map(ShellDbCommand::toCommandOption).toList());
		DbCommand.Completion completion = command.completion();
		if (completion != null) {
			setCompletionProvider(new RevisionCompletionProvider(migrations, reloader, completion.keywords(),
					completion.valueOption()));
		}
	}

	/** The flags of this command, which {@link DbGroupCommand} declares so the parser knows they take no value. */
	List<String> flags() {
		return this.command.flags();
	}

	@Override
	public String getHelp() {
		return this.command.getHelp();
	}

	@Override
	public ExitStatus doExecute(CommandContext context) {
		List<String> arguments = context.parsedInput().arguments().stream()
			.sorted(Comparator.comparingInt(CommandArgument::index))
			.map(CommandArgument::value)
			.toList();
		List<DbCommand.GivenOption> options = context.parsedInput().options().stream()
			.map((option) -> new DbCommand.GivenOption(option.longName(), option.shortName(),
					(option.value() != null) ? option.value() : ""))
			.toList();
		try {
			// the application runs for hours: revision files written or deleted meanwhile must count
			this.reloader.reloadIfChanged();
		}
		catch (RuntimeException ex) {
			// a revision file's content, quoted by its failure, reaches the terminal escaped as the commands' does
			return new ExitStatus(Outcome.FAILED, TerminalText.escape(this.commandLine.describer().apply(ex)));
		}
		Outcome outcome = this.command.execute(arguments, options,
				new CommandConsole(context.outputWriter(), prompt(context.inputReader())), this.commandLine.describer());
		return (outcome.code() == 0) ? ExitStatus.OK : new ExitStatus(outcome.code(), outcome.message());
	}

	/**
	 * Who answers questions: nobody when Spring Shell gives an input that does not implement reading
	 * (commands run from a script or the command line).
	 */
	static CommandConsole.Prompt prompt(InputReader input) {
		try {
			if (input.getClass().getMethod("readInput", String.class).getDeclaringClass() == InputReader.class) {
				return null;
			}
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
		return (question) -> {
			try {
				return input.readInput(question);
			}
			catch (Exception ex) {
				// an input that cannot read: nobody is there
				return null;
			}
		};
	}

	private static CommandOption toCommandOption(DbCommand.Opt opt) {
		return CommandOption.with()
			.longName(opt.longName())
			.shortName(opt.shortName())
			.description(opt.description())
			.required(opt.required())
			.type(opt.flag() ? boolean.class : String.class)
			.build();
	}

}
