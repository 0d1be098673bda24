package dev.migrations.boottests.app;

import dev.migrations.boottests.support.Apps;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code @JdbcTest} against the real database: the schema is upgraded before the test runs. */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@TestPropertySource(properties = { "migrations.locations=classpath:apps/shop/revisions" })
@DirtiesContext
class JdbcSliceTests {

	static final TestDatabase database = TestDatabases.postgres();

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
	void queriesRunOnTheUpgradedSchema() {
		this.jdbc.update("INSERT INTO customer (name, email) VALUES (?, ?)", "Grace", "grace@example.com");
		assertThat(this.jdbc.queryForList("SELECT email FROM customer", String.class)).containsExactly("grace@example.com");
	}

}
