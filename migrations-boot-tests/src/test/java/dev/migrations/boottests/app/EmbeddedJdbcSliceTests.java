package dev.migrations.boottests.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} as it comes: the revisions run on the embedded database it puts in place of the
 * application's.
 */
@JdbcTest
@TestPropertySource(properties = "migrations.locations=classpath:apps/shop/revisions")
class EmbeddedJdbcSliceTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRevisionsRunOnTheEmbeddedDatabase() {
		assertThat(this.jdbc.queryForList("SELECT revision FROM migrations_version ORDER BY applied_seq", String.class))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
		this.jdbc.update("INSERT INTO customer (name, email) VALUES (?, ?)", "Grace", "grace@example.com");
		assertThat(this.jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotEmpty();
	}

}
