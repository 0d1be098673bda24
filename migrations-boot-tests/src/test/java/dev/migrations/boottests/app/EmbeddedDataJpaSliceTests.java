package dev.migrations.boottests.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} as it comes, on the embedded database it puts in place of the application's, in
 * an application whose revisions run as a DDL user of their own ({@code migrations.user}): the embedded
 * database knows only the login it was created with, so the revisions run with that one.
 */
@DataJpaTest
@TestPropertySource(properties = { "migrations.locations=classpath:apps/shop/revisions",
		"spring.jpa.hibernate.ddl-auto=validate", "migrations.user=shop_owner", "migrations.password=owner-secret" })
class EmbeddedDataJpaSliceTests {

	@Autowired
	CustomerRepository customers;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRevisionsRunOnTheEmbeddedDatabaseWithItsOwnLogin() {
		this.customers.save(new Customer("Ada", "ada@example.com"));
		assertThat(this.customers.findByEmail("ada@example.com")).extracting(Customer::getName).containsExactly("Ada");
		assertThat(this.jdbc.queryForList("SELECT revision FROM migrations_version ORDER BY applied_seq", String.class))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
		assertThat(this.jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotEmpty();
	}

}
