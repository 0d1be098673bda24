package dev.migrations.boot.shell.scan.naming;

import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;

/** A naming strategy bean, and entities elsewhere. */
@SpringBootApplication
@EntityScan({ "com.example.orders", "com.example.billing" })
public class NamingApplication {

	@Bean
	PhysicalNamingStrategy namingStrategy() {
		return new CamelCaseToUnderscoresNamingStrategy();
	}

}
