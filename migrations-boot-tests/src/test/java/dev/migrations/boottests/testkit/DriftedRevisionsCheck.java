package dev.migrations.boottests.testkit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.testkit.MigrationsTest;
import dev.migrations.testkit.MigrationsTester;

/**
 * An application validating its schema with Hibernate, whose revisions forgot the entity's email column. Run by
 * {@link MigrationsTestSpringTests}, not on its own (the name is no test class's).
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = { "migrations.locations=classpath:apps/drift/revisions",
		"spring.jpa.hibernate.ddl-auto=validate" })
@MigrationsTest
class DriftedRevisionsCheck {

	@Test
	void revisions(MigrationsTester tester) {
		tester.assertEntitiesMatchSchema();
	}

}
