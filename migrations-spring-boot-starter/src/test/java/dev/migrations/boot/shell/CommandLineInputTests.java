package dev.migrations.boot.shell;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code java -jar app.jar db ...} arguments become a command's input. */
class CommandLineInputTests {

	private final DbCommandLine commands = new DbCommandLine(List.of(
			DbCommand.named("upgrade")
				.argument("TARGET", "target", false)
				.flag("sql", "script")
				.action((invocation, console) -> Outcome.OK),
			DbCommand.named("migrate")
				.option("message", 'm', "MESSAGE", "message", true)
				.repeatableOption("rename", "OLD=NEW", "rename")
				.action((invocation, console) -> Outcome.OK)),
			DbCommand::describe);

	@Test
	void theCommandStartsAtTheFirstArgumentThatIsNotAnOptionAndSpringPropertiesAreLeftOut() {
		assertThat(CommandLineInput.commandWords(new String[] { "--spring.profiles.active=dev", "--debug", "db", "upgrade",
				"--spring.datasource.url=jdbc:x", "+1", "--logging.level.root=info" }))
			.containsExactly("db", "upgrade", "+1");
		assertThat(CommandLineInput.commandWords(new String[] { "--server.port=0" })).isEmpty();
		assertThat(CommandLineInput.commandWords(new String[] { "db", "upgrade", "--debug", "head" }))
			.containsExactly("db", "upgrade", "head");
	}

	@Test
	void aFlagTakesNoValueSoTheNextWordStaysAnArgument() {
		CommandLineInput.Parsed input = parse("db", "upgrade", "--sql", "head");
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
		CommandLineInput.Parsed input = parse("db", "migrate", "-m", "add status to bulletin", "--rename", "bulletin.title=headline",
				"--rename=notice=bulletin");
		assertThat(options(input)).containsExactly("m=add status to bulletin", "rename=bulletin.title=headline",
				"rename=notice=bulletin");
		assertThat(input.arguments()).isEmpty();
	}

	@Test
	void aValueWrittenAgainstAShortOptionIsItsValue() {
		// -m"add status" reaches the application as -madd status
		CommandLineInput.Parsed input = parse("db", "migrate", "-madd status", "-m=retitle");
		assertThat(options(input)).containsExactly("m=add status", "m=retitle");
		assertThat(input.arguments()).isEmpty();
		// a short option the command does not declare stays unknown, named by its letter
		assertThat(options(parse("db", "upgrade", "-xyz"))).containsExactly("x=true");
	}

	@Test
	void everythingAfterTwoDashesIsAnArgument() {
		assertThat(arguments(parse("db", "upgrade", "--", "--sql"))).containsExactly("--sql");
	}

	@Test
	void anUndeclaredOptionDoesNotSwallowTheNextWord() {
		CommandLineInput.Parsed input = parse("db", "upgrade", "--verbose", "head");
		assertThat(options(input)).containsExactly("verbose=true");
		assertThat(arguments(input)).containsExactly("head");
	}

	private CommandLineInput.Parsed parse(String... words) {
		List<String> all = List.of(words);
		return CommandLineInput.parse(all.subList(2, all.size()), this.commands.find(all.get(1)));
	}

	private static List<String> options(CommandLineInput.Parsed input) {
		return input.options().stream()
			.map((option) -> (option.longName().isEmpty() ? String.valueOf(option.shortName()) : option.longName())
					+ "=" + option.value())
			.toList();
	}

	private static List<String> arguments(CommandLineInput.Parsed input) {
		return input.arguments();
	}

}
