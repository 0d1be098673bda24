package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value pasted by mistake (100 KB where a revision id or a message goes) is echoed cut in the error, with
 * an ellipsis and its length: the message stays readable, a CI log small.
 */
@ExtendWith(TestDatabaseExtension.class)
class LongArgumentsTests {

	private static final String LONG = "a".repeat(100_000);

	@TempDir
	Path revisions;

	@Test
	void aLongRevisionOptionOrCommandIsEchoedCutWithItsLength(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		String cut = "a".repeat(80) + "...";

		Result show = db.run("show", LONG);
		assertThat(show.status()).isEqualTo(2);
		assertThat(show.err()).startsWith("no revision '" + cut + "' (100000 characters) among the 2 known revisions")
			.hasSizeLessThan(500);

		Result upgrade = db.run("upgrade", LONG);
		assertThat(upgrade.status()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith("no revision '" + cut + "' (100000 characters)").hasSizeLessThan(500);

		Result option = db.run("current", "--" + LONG);
		assertThat(option.status()).isEqualTo(2);
		// the option as typed, its dashes included
		assertThat(option.err()).startsWith("Unknown option --" + "a".repeat(78) + "... (100002 characters) for db current")
			.hasSizeLessThan(500);

		Result command = db.run("upgrade" + LONG);
		assertThat(command.status()).isEqualTo(2);
		assertThat(command.err().lines().findFirst()).hasValue("Unknown command `db upgrade" + "a".repeat(73) + "...` (100007"
				+ " characters): `db` lists the db commands.");
	}

	@Test
	void aLongMessageNotQuotedIsListedByItsFirstWords(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		List<String> words = new ArrayList<>(List.of("revision", "-m"));
		for (int i = 0; i < 20_000; i++) {
			words.add("word" + i);
		}
		Result revision = db.run(words.toArray(String[]::new));
		assertThat(revision.status()).isEqualTo(2);
		assertThat(revision.err()).startsWith("Unexpected arguments word1 word2 word3 word4 word5 word6 word7 word8 word9"
				+ " word10 ... (19999 in all); quote a value that has spaces: -m \"add status\"").hasSizeLessThan(500);
	}

}
