package dev.migrations.boot.shell;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a command reads the options the interactive shell's parser gives it, where {@code -1} (a relative target)
 * arrives as a short option.
 */
class DbCommandInvocationTests {

	private final DbCommand downgrade = DbCommand.named("downgrade")
		.argument("TARGET", "-N, base, a revision id", true)
		.flag("sql", "print the SQL script")
		.action((invocation, console) -> Outcome.OK);

	@Test
	void aRelativeTargetReadAsAShortOptionIsTheTarget() {
		DbCommand.Invocation invocation = this.downgrade.invocation(List.of(),
				List.of(new DbCommand.GivenOption(null, '1', null), new DbCommand.GivenOption("sql", ' ', null)));
		assertThat(invocation.arguments()).containsExactly("-1");
		assertThat(invocation.flag("sql")).isTrue();
		// the shell's parser gives a short option it reads as a flag the value true
		assertThat(this.downgrade.invocation(List.of(), List.of(new DbCommand.GivenOption(null, '1', "true"))).arguments())
			.containsExactly("-1");
	}

	@Test
	void aWordTheParserTookAsTheValueOfARelativeTargetIsNotDropped() {
		// before, "-1 base" downgraded one revision: the word was dropped without a word
		assertThatThrownBy(() -> this.downgrade.invocation(List.of(),
				List.of(new DbCommand.GivenOption(null, '1', "base"))))
			.isInstanceOf(DbCommand.UsageException.class)
			.hasMessageStartingWith("Unexpected argument base");
	}

}
