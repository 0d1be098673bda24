package dev.migrations.boottests.command;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code java -jar app.jar db ...} in an application that has the starter and no Spring Shell: every
 * {@code db} command runs, with the exit contract of command mode (0 done, 2 failed, the message on
 * standard error, no stack trace). Each command is a JVM of its own, as a script or CI runs it.
 */
@ExtendWith(TestDatabaseExtension.class)
class CommandModeWithoutSpringShellTests {

	@TempDir
	Path directory;

	@BeforeEach
	void starterAlone() {
		assertThat(ClassUtils.isPresent("org.springframework.shell.core.command.Command", null)).isFalse();
		// the other-tools run of this module puts Flyway and Liquibase on the class path: not the starter alone
		assumeFalse(ClassUtils.isPresent("org.flywaydb.core.Flyway", null)
				|| ClassUtils.isPresent("liquibase.Liquibase", null));
	}

	@Test
	void runsTheDbCommandsWithTheStarterAlone(TestDatabase database) throws Exception {

		JavaProcess.Finished upgrade = run(database, "db", "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.out()).contains("Upgraded to " + ShopApplication.ADD_EMAIL + " from base: 2 revisions");
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer")) {
			assertThat(rows.next()).isTrue();
		}

		JavaProcess.Finished current = run(database, "db", "current");
		assertThat(current.exitCode()).as(current.toString()).isZero();
		assertThat(current.out()).contains(ShopApplication.ADD_EMAIL + " (head)");

		JavaProcess.Finished list = run(database, "db");
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).contains("  db upgrade ").contains("  db check ");
	}

	@Test
	void failuresExitWithTwoAndAMessageWithoutAStackTrace(TestDatabase database) throws Exception {
		JavaProcess.Finished unknown = run(database, "db", "nope");
		assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
		assertThat(unknown.firstErrorLine()).startsWith("Unknown command `db nope`");
		assertThat(unknown.err()).contains("  db upgrade ");

		JavaProcess.Finished unreachable = run(database, "db", "upgrade",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nothing_listens_here");
		assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(2);
		assertThat(unreachable.firstErrorLine()).as(unreachable.toString()).startsWith("Could not connect to the database");
		assertThat(JavaProcess.STACK_TRACE.matcher(unreachable.out() + unreachable.err()).find())
			.as(unreachable.toString()).isFalse();
	}

	/** Runs the words with the test database's settings, those of the words replacing them. */
	private JavaProcess.Finished run(TestDatabase database, String... words) throws Exception {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		List<String> settings = new ArrayList<>(Apps.database(database));
		settings.addAll(Arrays.asList(ShopApplication.DEFAULTS));
		for (String setting : settings) {
			String name = "--" + setting.substring(0, setting.indexOf('=') + 1);
			// a property given twice would have both values
			if (args.stream().noneMatch((arg) -> arg.startsWith(name))) {
				args.add("--" + setting);
			}
		}
		try (JavaProcess process = JavaProcess.start(this.directory, ShopApplication.class, args)) {
			return process.await();
		}
	}

}
