package dev.migrations.boottests.app;

import dev.migrations.boottests.support.Apps;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} with {@code @AutoConfigureTestDatabase} as it comes ({@code NON_TEST}: a URL from
 * {@code @DynamicPropertySource} is kept), JPA deferring the {@code data.sql} it fills the upgraded tables with:
 * the revisions, then Hibernate's validation, then the script.
 */
@DataJpaTest
@TestPropertySource(properties = { "migrations.locations=classpath:apps/shop/revisions",
		"spring.jpa.hibernate.ddl-auto=validate", "spring.jpa.defer-datasource-initialization=true",
		"spring.sql.init.mode=always", "spring.sql.init.data-locations=classpath:apps/shop/data/demo-customers.sql" })
@DirtiesContext
class DeferredDataJpaSliceTests {

	static final TestDatabase database = TestDatabases.postgres();

	@Autowired
	CustomerRepository customers;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Apps.register(registry, database);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void theScriptFillsTheUpgradedSchema() {
		assertThat(this.customers.findByEmail("demo@example.com")).extracting(Customer::getName).containsExactly("Demo");
	}

}
