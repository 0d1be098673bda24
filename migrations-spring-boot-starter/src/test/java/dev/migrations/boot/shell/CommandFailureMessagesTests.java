package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.util.Map;

import dev.migrations.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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

	@Test
	void theShellsWorkingDirectoryIsNoPasswordButMySqlsClientPasswordIs() {
		// a shell exports PWD and OLDPWD: the directories the revision files' paths start with
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("shell", Map.of("PWD", "/home/dev/shop", "OLDPWD", "/home/dev",
					"MYSQL_PWD", "s3cretH14", "SPRING_DATASOURCE_PASSWORD", "t0pH14")));
		String failure = "Revision 2b3c (/home/dev/shop/src/main/resources/db/revisions/2b3c_x.sql) failed: s3cretH14 t0pH14";
		assertThat(CommandFailures.withoutPasswords(environment, failure))
			.isEqualTo("Revision 2b3c (/home/dev/shop/src/main/resources/db/revisions/2b3c_x.sql) failed: ****** ******");
	}

}
