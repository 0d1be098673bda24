package dev.migrations.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.migrations.testkit.MigrationsTest;
import dev.migrations.testkit.MigrationsTester;

/**
 * The sample's revisions on a PostgreSQL container given to the application by {@code @ServiceConnection};
 * skipped where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "sample.embedded-postgres.enabled=false", "migrations.drift.enabled=false",
				"spring.shell.interactive.enabled=false" })
@MigrationsTest
class RevisionsContainerTest {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

	@Test
	void revisions(MigrationsTester tester) {
		tester.assertSingleHead();
		tester.assertUpgradeFromBase();
		tester.assertStairway();
		tester.assertEntitiesMatchSchema();
		tester.assertDowngradeLeavesNoTrace();
	}

}
