package dev.migrations.boottests.app;

import java.util.List;

import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's script-based initialization ({@code spring.sql.init}) beside the startup upgrade: a
 * {@code data.sql} that fills the tables the revisions create runs after them, with Hibernate validating the
 * upgraded schema in between, whether or not JPA defers the scripts
 * ({@code spring.jpa.defer-datasource-initialization}).
 */
@ExtendWith(TestDatabaseExtension.class)
class SqlInitializationTests {

	private static final String[] DATA_SQL = { "spring.sql.init.mode=always",
			"spring.sql.init.data-locations=classpath:apps/shop/data/demo-customers.sql" };

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void dataScriptsFillTheUpgradedTables(TestDatabase database) {
		this.apps.start(ShopApplication.class, shop(database));
		assertThat(Sql.query(database, "SELECT name || ' ' || email FROM customer")).containsExactly("Demo demo@example.com");
	}

	@Test
	void scriptsDeferredUntilJpaStartedRunAfterTheUpgradeAndJpa(TestDatabase database) {
		this.apps.start(ShopApplication.class, shop(database), "spring.jpa.defer-datasource-initialization=true");
		assertThat(Sql.query(database, "SELECT name || ' ' || email FROM customer")).containsExactly("Demo demo@example.com");
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
	}

	private static List<String> shop(TestDatabase database) {
		return Apps.with(Apps.with(Apps.database(database), ShopApplication.DEFAULTS), DATA_SQL);
	}

}
