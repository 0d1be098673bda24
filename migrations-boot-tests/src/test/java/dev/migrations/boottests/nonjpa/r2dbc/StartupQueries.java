package dev.migrations.boottests.nonjpa.r2dbc;

import jakarta.annotation.PostConstruct;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Queries the upgraded schema while the application starts: its constructor and its init method run before any runner. */
@Component
public class StartupQueries {

	private final ReactiveCustomers customers;

	/** The customers with an email (a column of the second revision), counted in the constructor. */
	public final long withEmail;

	/** All customers, counted through the repository once the bean is built. */
	public long all;

	public StartupQueries(DatabaseClient client, ReactiveCustomers customers) {
		this.customers = customers;
		this.withEmail = client.sql("SELECT count(email) AS n FROM customer")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	@PostConstruct
	void countAll() {
		this.all = this.customers.count().block();
	}

}
