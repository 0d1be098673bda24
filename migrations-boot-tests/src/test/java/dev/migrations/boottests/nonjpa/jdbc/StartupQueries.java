package dev.migrations.boottests.nonjpa.jdbc;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import org.jooq.DSLContext;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a customer through each way of reaching the database, in the order the application starts them: the
 * constructor (jOOQ, then the {@code JdbcTemplate}), the init method (the {@code JdbcClient}, then the Spring Data
 * JDBC repository) and a runner. Each writes the email column of the second revision.
 */
@Component
public class StartupQueries implements ApplicationRunner {

	private final JdbcClient client;

	private final JdbcCustomers customers;

	public final List<String> seen = new ArrayList<>();

	public StartupQueries(DSLContext jooq, JdbcTemplate jdbc, JdbcClient client, JdbcCustomers customers) {
		this.client = client;
		this.customers = customers;
		jooq.execute("INSERT INTO customer (name, email) VALUES ('jooq', 'jooq@example.com')");
		jdbc.update("INSERT INTO customer (name, email) VALUES ('jdbc-template', 'jdbc-template@example.com')");
	}

	@PostConstruct
	void initMethod() {
		this.client.sql("INSERT INTO customer (name, email) VALUES ('jdbc-client', 'jdbc-client@example.com')").update();
		this.customers.save(new JdbcCustomer(null, "data-jdbc", "data-jdbc@example.com"));
	}

	@Override
	public void run(ApplicationArguments args) {
		this.client.sql("INSERT INTO customer (name, email) VALUES ('runner', 'runner@example.com')").update();
	}

}
