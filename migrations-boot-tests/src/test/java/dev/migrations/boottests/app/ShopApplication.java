package dev.migrations.boottests.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop as a team adopting migrations has it: web MVC, Spring Data JPA, actuator and
 * PostgreSQL, with its revisions in {@code classpath:apps/shop/revisions}.
 */
@SpringBootApplication
public class ShopApplication {

	/** The properties every test of this application sets: its revisions, and Hibernate only validating. */
	public static final String[] DEFAULTS = { "migrations.locations=classpath:apps/shop/revisions",
			"spring.jpa.hibernate.ddl-auto=validate" };

	public static final String CREATE_CUSTOMER = "5b0b00000001";

	public static final String ADD_EMAIL = "5b0b00000002";

	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

}
