package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a goal passes to the command, and what it reads back from the words it passed. */
class CommandArgumentsTest {

	private static List<String> line(String... commandWords) {
		List<String> line = new java.util.ArrayList<>(List.of("/usr/bin/java", "-Dformat=json", "-cp", "target/classes",
				"com.example.Application", "db"));
		line.addAll(List.of(commandWords));
		return line;
	}

	@Test
	void aScriptOrJsonIsTheResultWhetherTheOptionAndItsValueAreOneWordOrTwo() {
		assertThat(CommandProcess.printsResult(line("history", "--format", "json"))).isTrue();
		assertThat(CommandProcess.printsResult(line("history", "--format=json"))).isTrue();
		assertThat(CommandProcess.printsResult(line("upgrade", "--sql"))).isTrue();
		assertThat(CommandProcess.printsResult(line("upgrade", "--sql=true"))).isTrue();
		// text for a person: the hints in it name the goals
		assertThat(CommandProcess.printsResult(line("history", "--format=text"))).isFalse();
		assertThat(CommandProcess.printsResult(line("history", "--format", "text"))).isFalse();
		assertThat(CommandProcess.printsResult(line("upgrade", "--sql=false"))).isFalse();
		assertThat(CommandProcess.printsResult(line("revision", "-m", "--format=json"))).isFalse();
		assertThat(CommandProcess.printsResult(line("current"))).isFalse();
	}

	@Test
	void aMergeWithoutAMessageSuggestsAMergesMessage() {
		assertThatThrownBy(() -> new MergeMojo().commandArguments()).isInstanceOf(MojoFailureException.class)
			.hasMessage("`db merge` needs a message: -Dmigrations.message=\"merge heads\"");
		assertThatThrownBy(() -> new RevisionMojo().commandArguments())
			.hasMessage("`db revision` needs a message: -Dmigrations.message=\"backfill status\"");
		assertThatThrownBy(() -> new MigrateMojo().commandArguments())
			.hasMessage("`db migrate` needs a message: -Dmigrations.message=\"add phone to contact\"");
	}

}
