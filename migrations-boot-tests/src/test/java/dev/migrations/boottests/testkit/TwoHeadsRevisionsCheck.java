package dev.migrations.boottests.testkit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.testkit.MigrationsTest;
import dev.migrations.testkit.MigrationsTester;

/**
 * An application's revision check as the README writes it, on revisions two developers each wrote on the same
 * parent. Run by {@link MigrationsTestSpringTests}, not on its own (the name is no test class's).
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = { "migrations.locations=classpath:apps/two-heads/revisions",
		"spring.jpa.hibernate.ddl-auto=validate" })
@MigrationsTest
class TwoHeadsRevisionsCheck {

	@Test
	void revisions(MigrationsTester tester) {
		tester.assertSingleHead();
	}

}
