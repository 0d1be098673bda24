package dev.migrations.boot.shell.entitiesapart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose entities live in another module and package, as a build of several modules has
 * them, and which does not name that package with {@code @EntityScan}: its own package holds no entity.
 */
@SpringBootApplication
public class EntitiesApartApplication {

	public static void main(String[] args) {
		SpringApplication.run(EntitiesApartApplication.class, args);
	}

}
