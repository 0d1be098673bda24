package dev.migrations.boot.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Revision files of the shell tests, written into a test's directory. */
final class ShellTestRevisions {

	static final String CREATE = "1a2b3c4d5e6f";

	static final String INDEX = "2b3c4d5e6f70";

	private ShellTestRevisions() {
	}

	/** Two revisions that together give the schema of the {@code Bulletin} entity. */
	static void writeBulletin(Path directory) {
		write(directory, CREATE + "_create_bulletin.sql", """
				-- revision: 1a2b3c4d5e6f
				-- down_revision: none
				-- message: create bulletin

				-- upgrade
				CREATE TABLE bulletin (id bigint NOT NULL PRIMARY KEY, title varchar(200) NOT NULL);

				-- downgrade
				DROP TABLE bulletin;
				""");
		write(directory, INDEX + "_index_bulletin_titles.sql", """
				-- revision: 2b3c4d5e6f70
				-- down_revision: 1a2b3c4d5e6f
				-- message: index bulletin titles

				-- upgrade
				CREATE INDEX ix_bulletin_title ON bulletin (title);

				-- downgrade
				DROP INDEX ix_bulletin_title;
				""");
	}

	static void write(Path directory, String name, String text) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(name), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
