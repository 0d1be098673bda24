package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrations.boot.shell.ShellTestRevisions.CREATE;
import static dev.migrations.boot.shell.ShellTestRevisions.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell of an application that runs for hours, while revision files are written and deleted from
 * another terminal: each {@code db} command sees the files as they are on disk.
 */
@ExtendWith(TestDatabaseExtension.class)
class ShellRevisionFilesReloadTests {

	private static final String EXTRA = "3c4d5e6f7081";

	@TempDir
	Path revisions;

	@Test
	void aRevisionFileWrittenFromOutsideIsSeenAndADeletedOneIsGone(TestDatabase database) throws IOException {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = ShellSession.start(database, this.revisions)) {
			assertThat(shell.run("db upgrade").status()).isZero();
			assertThat(shell.run("db heads").lines()).containsExactly(INDEX + " (head) index bulletin titles");

			ShellTestRevisions.write(this.revisions, EXTRA + "_bulletin_body.sql", """
					-- revision: 3c4d5e6f7081
					-- down_revision: 2b3c4d5e6f70
					-- message: bulletin body

					-- upgrade
					ALTER TABLE bulletin ADD COLUMN body text;

					-- downgrade
					ALTER TABLE bulletin DROP COLUMN body;
					""");
			assertThat(shell.run("db heads").lines()).containsExactly(EXTRA + " (head) bulletin body");
			assertThat(shell.run("db current").output()).contains("1 revision(s) pending: " + EXTRA);

			Files.delete(this.revisions.resolve(EXTRA + "_bulletin_body.sql"));
			assertThat(shell.run("db heads").lines()).containsExactly(INDEX + " (head) index bulletin titles");
			assertThat(shell.run("db current").output()).doesNotContain(EXTRA)
				.contains(INDEX + " (head) index bulletin titles");
		}
	}

	@Test
	void aBrokenFileWrittenFromOutsideFailsTheNextCommandWithItsMessageAndIsReadAgainOnceFixed(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = ShellSession.start(database, this.revisions)) {
			assertThat(shell.run("db heads").status()).isZero();
			ShellTestRevisions.write(this.revisions, EXTRA + "_bulletin_body.sql", """
					-- revision: 3c4d5e6f7081
					-- down_revison: 2b3c4d5e6f70
					-- message: bulletin body

					-- upgrade
					ALTER TABLE bulletin ADD COLUMN body text;
					""");
			ShellSession.Result broken = shell.run("db heads");
			assertThat(broken.status()).isEqualTo(2);
			assertThat(broken.message()).contains(EXTRA + "_bulletin_body.sql");

			ShellTestRevisions.write(this.revisions, EXTRA + "_bulletin_body.sql", """
					-- revision: 3c4d5e6f7081
					-- down_revision: 2b3c4d5e6f70
					-- message: bulletin body

					-- upgrade
					ALTER TABLE bulletin ADD COLUMN body text;

					-- downgrade
					ALTER TABLE bulletin DROP COLUMN body;
					""");
			assertThat(shell.run("db heads").lines()).containsExactly(EXTRA + " (head) bulletin body");
			assertThat(shell.run("db history").output()).contains(CREATE);
		}
	}

	@Test
	void aBrokenFileWrittenFromOutsideIsToldWithItsTerminalControlsEscaped(TestDatabase database) {
		ShellTestRevisions.writeBulletin(this.revisions);
		try (ShellSession shell = ShellSession.start(database, this.revisions)) {
			assertThat(shell.run("db heads").status()).isZero();
			ShellTestRevisions.write(this.revisions, EXTRA + "_bulletin_body.sql", """
					-- revision: 3c4d5e6f7081
					-- down_revision: 2b3c4d5e6f70 \u001b]0;pwned\u0007

					-- upgrade
					ALTER TABLE bulletin ADD COLUMN body text;
					""");
			ShellSession.Result broken = shell.run("db heads");
			assertThat(broken.status()).isEqualTo(2);
			assertThat(broken.message()).contains("2b3c4d5e6f70 \\u001b]0;pwned\\u0007").doesNotContain("\u001b", "\u0007");
		}
	}

}
