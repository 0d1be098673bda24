package dev.migrations.boottests.connection;

import dev.migrations.Migrations;
import dev.migrations.boottests.app.Customer;
import dev.migrations.boottests.app.CustomerRepository;
import dev.migrations.boottests.app.ShopApplication;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ServiceConnection}: the DataSource Spring Boot builds from the container is the one
 * upgraded. Needs Docker; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ShopApplication.class,
		properties = { "migrations.locations=classpath:apps/shop/revisions", "spring.jpa.hibernate.ddl-auto=validate",
				"spring.datasource.hikari.maximum-pool-size=2" })
class ServiceConnectionTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

	@Autowired
	Migrations migrations;

	@Autowired
	CustomerRepository customers;

	@Test
	void theContainersDatabaseIsUpgradedBeforeJpaStarts() {
		assertThat(this.migrations.current()).containsExactly(ShopApplication.ADD_EMAIL);
		this.customers.save(new Customer("Ada", "ada@example.com"));
		assertThat(this.customers.findByEmail("ada@example.com")).hasSize(1);
	}

}
