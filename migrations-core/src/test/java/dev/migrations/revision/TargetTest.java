package dev.migrations.revision;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migrations.revision.Revisions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

class TargetTest {

	static Stream<Arguments> forms() {
		return Stream.of(
				Arguments.of("head", new Target.Head(), "head"),
				Arguments.of(" HEAD ", new Target.Head(), "head"),
				Arguments.of("heads", new Target.Heads(), "heads"),
				Arguments.of("Base", new Target.Base(), "base"),
				Arguments.of("3f2a9c1b7d4e", new Target.Id("3f2a9c1b7d4e"), "3f2a9c1b7d4e"),
				Arguments.of("3f2a", new Target.Id("3f2a"), "3f2a"),
				Arguments.of("0001", new Target.Id("0001"), "0001"),
				Arguments.of("billing@head", new Target.BranchHead("billing"), "billing@head"),
				Arguments.of("data-fix@HEAD", new Target.BranchHead("data-fix"), "data-fix@head"),
				Arguments.of("billing@base", new Target.BranchBase("billing"), "billing@base"),
				Arguments.of("+2", new Target.Relative(2), "+2"),
				Arguments.of("-1", new Target.Relative(-1), "-1"),
				Arguments.of("3f2a+2", new Target.RelativeTo("3f2a", 2), "3f2a+2"),
				Arguments.of("ae10-3", new Target.RelativeTo("ae10", -3), "ae10-3"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forms")
	void parsesEveryFormAndPrintsItBack(String text, Target expected, String printed) {
		Target target = Target.parse(text);
		assertThat(target).isEqualTo(expected);
		assertThat(target).hasToString(printed);
		assertThat(Target.parse(target.toString())).isEqualTo(target);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			""                | '' is not a target; use head, heads, base, a revision id
			3f2a 9c1b         | '3f2a 9c1b' is not a target
			+                 | '+' is not a target
			+0                | '+0' moves 0 steps; give a number of revisions of 1 or more
			3f2a-0            | '3f2a-0' moves 0 steps
			+99999999999      | '+99999999999': 99999999999 is more steps than any graph has
			billing@tip       | 'billing@tip' is not a target: after a branch label only @head and @base are supported (billing@head, billing@base)
			3f2a.sql          | '3f2a.sql' is not a target
			base+1            | 'base+1' is not a target: steps are counted from where the database is (+1, -1) or from a revision
			head-1            | 'head-1' is not a target: steps are counted from where the database is
			3f2a:head         | '3f2a:head' is a range (FROM:TO), which only a script takes (--sql): to apply or record it give the one target, e.g. head
			3f2a:             | '3f2a:' is not a target; use head
			""")
	void rejectsAnythingElseSayingWhatIsAccepted(String text, String message) {
		assertThat(thrown(TargetException.class, () -> Target.parse(text))).hasMessageStartingWith(message);
	}

}
