package dev.migrations.boottests.nonjpa;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.nonjpa.jdbc.JdbcFamilyApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jOOQ, Spring Data JDBC, the {@code JdbcTemplate} and the {@code JdbcClient} used while the application starts
 * (constructor, init method, runner): Spring Boot creates them after the startup upgrade, as after Flyway's; and so
 * a bean that queries the {@code DataSource} itself and says {@code @DependsOnDatabaseInitialization}.
 */
@ExtendWith(TestDatabaseExtension.class)
class JdbcFamilyApplicationTests {

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void everyJdbcUserWritesToTheUpgradedSchema(TestDatabase database) {
		this.apps.start(JdbcFamilyApplication.class, Apps.with(Apps.database(database),
				"migrations.locations=classpath:apps/shop/revisions"));
		assertThat(Sql.query(database, "SELECT name FROM customer WHERE email = name || '@example.com'"))
			.containsExactlyInAnyOrder("jooq", "jdbc-template", "jdbc-client", "data-jdbc", "runner", "data-source");
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
	}

}
