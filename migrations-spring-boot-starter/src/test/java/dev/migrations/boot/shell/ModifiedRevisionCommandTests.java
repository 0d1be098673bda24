package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.boot.shell.CommandLineRun.Result;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A revision edited after it was applied, in command mode: what `db upgrade` says, and following it. */
@ExtendWith(TestDatabaseExtension.class)
class ModifiedRevisionCommandTests {

	@TempDir
	Path revisions;

	@Test
	void theAdviceIsSaidOnceAndStampsWhereTheDatabaseIs(TestDatabase database) throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		CommandLineRun db = new CommandLineRun(database, this.revisions, Map.of());
		assertThat(db.run("upgrade").status()).isZero();
		Path first;
		try (Stream<Path> files = Files.list(this.revisions)) {
			first = files.filter((file) -> file.getFileName().toString().contains("create_bulletin")).findFirst().orElseThrow();
		}
		Files.writeString(first, Files.readString(first).replace("title varchar(200)", "title varchar(300)"));
		db.migrations().reload();

		Result upgrade = db.run("upgrade");
		assertThat(upgrade.status()).isEqualTo(2);
		assertThat(upgrade.err()).startsWith("Applied revisions were modified after they were applied; nothing was run:")
			.contains("record that with `db stamp 2b3c4d5e6f70`");
		// said once in command mode: the analysis does not repeat what the message already says
		String described = CommandFailures.describe(catchThrowable(() -> db.migrations().upgrade("head")));
		assertThat(described.split("Restore the applied content", -1)).hasSize(2);
		assertThat(described).doesNotContain("start the application again");

		assertThat(db.run("stamp", "2b3c4d5e6f70").status()).isZero();
		Result current = db.run("current");
		assertThat(current.lines()).containsExactly("2b3c4d5e6f70 (head) index bulletin titles");
		assertThat(db.run("upgrade").status()).isZero();
	}

}
