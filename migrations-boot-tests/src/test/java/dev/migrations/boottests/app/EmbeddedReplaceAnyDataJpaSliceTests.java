package dev.migrations.boottests.app;

import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigureTestDatabase(replace = ANY)} replaces even a database the test names: the revisions run
 * on the embedded one, and the named database is left alone.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.ANY)
@TestPropertySource(properties = { "migrations.locations=classpath:apps/shop/revisions",
		"spring.jpa.hibernate.ddl-auto=validate" })
@DirtiesContext
class EmbeddedReplaceAnyDataJpaSliceTests {

	static final TestDatabase database = TestDatabases.postgres();

	@Autowired
	CustomerRepository customers;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Apps.register(registry, database);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void theRevisionsRunOnTheEmbeddedDatabaseNotOnTheNamedOne() {
		this.customers.save(new Customer("Ada", "ada@example.com"));
		assertThat(this.jdbc.queryForList("SELECT revision FROM migrations_version ORDER BY applied_seq", String.class))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
		assertThat(this.jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotEmpty();
		assertThat(Sql.tables(database, "public")).isEmpty();
	}

}
