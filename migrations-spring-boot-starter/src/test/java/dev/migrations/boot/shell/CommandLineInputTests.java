package dev.migrations.boot.shell;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code java -jar app.jar db ...} arguments become a command's input. */
class CommandLineInputTests {

	private final CommandRegistry registry = new CommandRegistry();

	CommandLineInputTests() {
		this.registry.registerCommand(DbCommand.named("upgrade")
			.argument("TARGET", "target", false)
			.flag("sql", "script")
			.action((invocation, context) -> ExitStatus.OK));
		this.registry.registerCommand(DbCommand.named("migrate")
			.option("message", 'm', "MESSAGE", "message", true)
			.repeatableOption("rename", "OLD=NEW", "rename")
			.action((invocation, context) -> ExitStatus.OK));
	}

	@Test
	void theCommandStartsAtTheFirstArgumentThatIsNotAnOptionAndSpringPropertiesAreLeftOut() {
		assertThat(CommandLineInput.commandWords(new String[] { "--spring.profiles.active=dev", "--debug", "db", "upgrade",
				"--spring.datasource.url=jdbc:x", "+1", "--logging.level.root=info" }))
			.containsExactly("db", "upgrade", "+1");
		assertThat(CommandLineInput.commandWords(new String[] { "--server.port=0" })).isEmpty();
	}

	@Test
	void aFlagTakesNoValueSoTheNextWordStaysAnArgument() {
		ParsedInput input = parse("db", "upgrade", "--sql", "head");
		assertThat(input.commandName()).isEqualTo("db");
		assertThat(input.subCommands()).containsExactly("upgrade");
		assertThat(options(input)).containsExactly("sql=true");
		assertThat(arguments(input)).containsExactly("head");
	}

	@Test
	void aRelativeTargetIsAnArgumentNotAnOption() {
		assertThat(arguments(parse("db", "upgrade", "-2", "--sql"))).containsExactly("-2");
		assertThat(arguments(parse("db", "upgrade", "-12"))).containsExactly("-12");
	}

	@Test
	void aValueWithSpacesStaysOneValueAndOptionsMayRepeat() {
		ParsedInput input = parse("db", "migrate", "-m", "add status to bulletin", "--rename", "bulletin.title=headline",
				"--rename=notice=bulletin");
		assertThat(options(input)).containsExactly("m=add status to bulletin", "rename=bulletin.title=headline",
				"rename=notice=bulletin");
		assertThat(input.arguments()).isEmpty();
	}

	@Test
	void everythingAfterTwoDashesIsAnArgument() {
		assertThat(arguments(parse("db", "upgrade", "--", "--sql"))).containsExactly("--sql");
	}

	@Test
	void anUndeclaredOptionDoesNotSwallowTheNextWord() {
		ParsedInput input = parse("db", "upgrade", "--verbose", "head");
		assertThat(options(input)).containsExactly("verbose=true");
		assertThat(arguments(input)).containsExactly("head");
	}

	private ParsedInput parse(String... words) {
		return CommandLineInput.parse(List.of(words), this.registry);
	}

	private static List<String> options(ParsedInput input) {
		return input.options().stream()
			.map((CommandOption option) -> (option.longName().isEmpty() ? String.valueOf(option.shortName()) : option.longName())
					+ "=" + option.value())
			.toList();
	}

	private static List<String> arguments(ParsedInput input) {
		return input.arguments().stream().map(CommandArgument::value).toList();
	}

}
