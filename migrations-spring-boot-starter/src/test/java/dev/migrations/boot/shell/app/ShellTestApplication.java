package dev.migrations.boot.shell.app;

import dev.migrations.boot.MigrationsConfigurationCustomizer;
import dev.migrations.entity.EntitySource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small application carrying the shell, as a user's would: started with {@code db ...} arguments by
 * the command mode tests, in-process or as a separate JVM.
 */
@SpringBootApplication
public class ShellTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShellTestApplication.class, args);
	}

	@Bean
	EntitySource shellTestEntities() {
		return EntitySource.of(Bulletin.class);
	}

	/** Hands the entities to the facade, should the auto-configuration not do it with the bean above yet. */
	@Bean
	MigrationsConfigurationCustomizer shellTestEntitiesCustomizer(EntitySource entities) {
		return (configuration) -> configuration.entities(entities);
	}

}
