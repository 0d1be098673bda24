package dev.migrations.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.TestPropertySource;

import dev.migrations.testkit.MigrationsTest;
import dev.migrations.testkit.MigrationsTester;

/**
 * The same checks from a {@code @DataJpaTest} slice: the kit brings the entities' configuration into the
 * slice, so the application's entities are compared with the schema.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@TestPropertySource(properties = "sample.embedded-postgres.enabled=false")
@MigrationsTest
class RevisionsDataJpaTest {

	@Test
	void revisions(MigrationsTester tester) {
		tester.assertSingleHead();
		tester.assertEntitiesMatchSchema();
		tester.assertDowngradeLeavesNoTrace();
	}

}
