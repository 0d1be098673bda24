package dev.migrations.boot.shell;

import java.nio.file.Path;

import dev.migrations.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What command mode prints for a failure whose message already says what to do: that message alone. */
class CommandFailureMessagesTests {

	@TempDir
	Path directory;

	@Test
	void aMissingRevisionsLocationIsSaidOnceWithWhatToDo() {
		Path missing = this.directory.resolve("no-such-directory");
		Throwable failure = catchThrowable(() -> Migrations.configure()
			.locations("filesystem:" + missing)
			.outputDirectory(missing)
			.load()
			.upgradeSql("head"));
		String described = CommandFailures.describe(failure);
		assertThat(described.lines()).hasSize(1)
			.first()
			.asString()
			.startsWith("Revision location filesystem:" + missing + " does not exist: create it (`db init`");
	}

}
