package dev.migrations.boot.shell.jpaapp;

import java.util.Locale;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A small application as users write them: JPA entities behind a Spring Data repository and a REST
 * controller, a naming strategy of its own (tables prefixed {@code tk_}, columns in snake case), and
 * nothing that tells the migrations where the entities are: command mode must find them as Spring Boot
 * does; and a scheduled job.
 */
@SpringBootApplication
@EnableScheduling
public class TicketApplication {

	public static void main(String[] args) {
		SpringApplication.run(TicketApplication.class, args);
	}

	@Bean
	PhysicalNamingStrategy ticketNamingStrategy() {
		return new PrefixedSnakeCaseNamingStrategy();
	}

	/** {@code dueDate} in {@code Ticket} is {@code due_date} in {@code tk_ticket}. */
	static final class PrefixedSnakeCaseNamingStrategy implements PhysicalNamingStrategy {

		@Override
		public Identifier toPhysicalCatalogName(Identifier name, JdbcEnvironment environment) {
			return name;
		}

		@Override
		public Identifier toPhysicalSchemaName(Identifier name, JdbcEnvironment environment) {
			return name;
		}

		@Override
		public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
			return Identifier.toIdentifier("tk_" + snakeCase(name.getText()));
		}

		@Override
		public Identifier toPhysicalSequenceName(Identifier name, JdbcEnvironment environment) {
			return Identifier.toIdentifier(snakeCase(name.getText()));
		}

		@Override
		public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment environment) {
			return Identifier.toIdentifier(snakeCase(name.getText()));
		}

		private static String snakeCase(String name) {
			return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
		}

	}

}
