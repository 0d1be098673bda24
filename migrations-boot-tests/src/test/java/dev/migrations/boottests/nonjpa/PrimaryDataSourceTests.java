package dev.migrations.boottests.nonjpa;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.nonjpa.primary.PrimaryAndSecondaryApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two DataSources of the application's own, one {@code @Primary} and none marked {@code @MigrationsDataSource}: the
 * primary one is upgraded, as Spring Boot's Flyway does, before Spring Boot's {@code JdbcTemplate} on it is created,
 * and the other database is left alone.
 */
class PrimaryDataSourceTests {

	private final Apps apps = new Apps();

	private final TestDatabase orders = TestDatabases.postgres();

	private final TestDatabase archive = TestDatabases.postgres();

	@AfterEach
	void dropDatabases() {
		this.apps.close();
		this.orders.close();
		this.archive.close();
	}

	@Test
	void thePrimaryDataSourceIsUpgradedAndTheOtherLeftAlone() {
		ConfigurableApplicationContext context = this.apps.start(PrimaryAndSecondaryApplication.class, properties());
		assertThat(Sql.tables(this.orders, "public")).containsExactly("customer", "migrations_version",
				"migrations_version_log");
		assertThat(Sql.tables(this.archive, "public")).isEmpty();
		assertThat(context.getBean(Migrations.class).current()).containsExactly(ShopApplication.ADD_EMAIL);
		assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM customer", Integer.class))
			.isZero();
	}

	private List<String> properties() {
		List<String> properties = new ArrayList<>();
		for (TestDatabase database : List.of(this.orders, this.archive)) {
			String name = (database == this.orders) ? "orders" : "archive";
			properties.add(name + ".url=" + database.jdbcUrl());
			properties.add(name + ".username=" + database.username());
			properties.add(name + ".password=" + ((database.password() != null) ? database.password() : ""));
		}
		properties.add("migrations.locations=classpath:apps/shop/revisions");
		return properties;
	}

}
