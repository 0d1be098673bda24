package dev.migrations.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import dev.migrations.boot.shell.jpaapp.TicketApplication;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run that records a class-data sharing archive or an AOT cache while the application is built
 * ({@code java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar}): Spring creates the
 * beans and ends the JVM. The startup upgrade does not run there, so building an image never changes the database
 * its configuration names (the production one, as often as not), and says so.
 */
@ExtendWith(TestDatabaseExtension.class)
class TrainingRunTests {

	@TempDir
	Path directory;

	@Test
	void aTrainingRunLeavesTheDatabaseAsItIs(TestDatabase database) throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(revisions.resolve("a1b2c3d4e5f6_create_tickets.sql"), """
				-- revision: a1b2c3d4e5f6
				-- down_revision: none
				-- message: create tickets

				-- upgrade
				CREATE TABLE tk_ticket (id bigint NOT NULL PRIMARY KEY, title varchar(120) NOT NULL, due_date date,
				    reference char(36));

				-- downgrade
				DROP TABLE tk_ticket;
				""");
		JavaProcess.Finished training;
		try (JavaProcess process = JavaProcess.start(this.directory, List.of("-Dspring.context.exit=onRefresh"),
				TicketApplication.class,
				List.of("--spring.datasource.url=" + database.jdbcUrl(),
						"--spring.datasource.username=" + database.username(),
						"--spring.datasource.password=" + ((database.password() != null) ? database.password() : ""),
						"--migrations.locations=filesystem:" + revisions, "--server.port=0"))) {
			training = process.await();
		}
		assertThat(training.exitCode()).as(training.toString()).isZero();
		assertThat(training.out()).as(training.toString())
			.contains("The startup upgrade does not run in a training run (spring.context.exit=onRefresh");
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT to_regclass('migrations_version') IS NULL AND to_regclass('tk_ticket') IS NULL")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getBoolean(1)).as("neither the version table nor the revision's table").isTrue();
		}
	}

}
