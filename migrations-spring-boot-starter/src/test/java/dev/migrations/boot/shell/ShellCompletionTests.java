package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.shell.jline.CommandCompleter;

import static dev.migrations.boot.shell.ShellTestRevisions.CREATE;
import static dev.migrations.boot.shell.ShellTestRevisions.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What TAB proposes in the console of an application with Spring Shell's JLine module: the names of the
 * {@code db} commands, and revision ids where a command takes a revision, including revisions whose
 * files were written while the application runs.
 */
@ExtendWith(TestDatabaseExtension.class)
class ShellCompletionTests {

	@TempDir
	Path revisions;

	@Test
	void tabCompletesDbCommandNamesAndRevisionIds(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = ShellSession.start(database, this.revisions)) {
			assertThat(complete(shell, "db up")).contains("upgrade").doesNotContain("downgrade", "heads");
			assertThat(complete(shell, "db he")).contains("heads").doesNotContain("history");
			assertThat(complete(shell, "db downgrade ")).contains(CREATE, INDEX, "base");
			assertThat(complete(shell, "db downgrade 1")).contains(CREATE).doesNotContain(INDEX, "base");
			assertThat(complete(shell, "db show 2")).containsExactly(INDEX);

			ShellTestRevisions.write(this.revisions, "3c4d5e6f7081_bulletin_body.sql", """
					-- revision: 3c4d5e6f7081
					-- down_revision: 2b3c4d5e6f70
					-- message: bulletin body

					-- upgrade
					ALTER TABLE bulletin ADD COLUMN body text;

					-- downgrade
					ALTER TABLE bulletin DROP COLUMN body;
					""");
			assertThat(complete(shell, "db upgrade 3")).containsExactly("3c4d5e6f7081");
		}
	}

	/** The values JLine would offer on TAB at the end of the line. */
	private static List<String> complete(ShellSession shell, String line) {
		LineReader reader = shell.context().getBean(LineReader.class);
		Parser parser = shell.context().getBean(Parser.class);
		List<Candidate> candidates = new ArrayList<>();
		shell.context().getBean(CommandCompleter.class)
			.complete(reader, parser.parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
		String word = line.substring(line.lastIndexOf(' ') + 1);
		// JLine shows the candidates that start with the word being typed
		return candidates.stream().map(Candidate::value).filter((value) -> value.startsWith(word)).toList();
	}

}
