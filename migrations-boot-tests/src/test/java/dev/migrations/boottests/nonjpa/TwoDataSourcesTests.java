package dev.migrations.boottests.nonjpa;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.nonjpa.two.TwoDataSourcesApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two DataSources of the application's own and no {@code spring.datasource}: the one marked
 * {@code @MigrationsDataSource}, not the primary one, is upgraded, before the beans that query it through a
 * {@code JdbcTemplate} of their own.
 */
class TwoDataSourcesTests {

	private final Apps apps = new Apps();

	private final TestDatabase orders = TestDatabases.postgres();

	private final TestDatabase reporting = TestDatabases.postgres();

	@AfterEach
	void dropDatabases() {
		this.apps.close();
		this.orders.close();
		this.reporting.close();
	}

	@Test
	void theMigrationsDataSourceIsUpgradedBeforeItsJdbcTemplateIsUsed() {
		ConfigurableApplicationContext context = this.apps.start(TwoDataSourcesApplication.class, properties());
		assertThat(Sql.query(this.reporting, "SELECT name FROM customer")).containsExactly("report");
		assertThat(Sql.tables(this.orders, "public")).isEmpty();
		assertThat(context.getBean(Migrations.class).current()).containsExactly(ShopApplication.ADD_EMAIL);
	}

	private List<String> properties() {
		List<String> properties = new ArrayList<>();
		for (TestDatabase database : List.of(this.orders, this.reporting)) {
			String name = (database == this.orders) ? "orders" : "reporting";
			properties.add(name + ".url=" + database.jdbcUrl());
			properties.add(name + ".username=" + database.username());
			properties.add(name + ".password=" + ((database.password() != null) ? database.password() : ""));
		}
		properties.add("migrations.locations=classpath:apps/shop/revisions");
		return properties;
	}

}
