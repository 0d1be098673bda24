package dev.migrations.boot.shell.app;

import dev.migrations.boot.MigrationsConfigurationCustomizer;
import dev.migrations.entity.EntitySource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

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

	/** A bean of the application that fails while the context starts, before any command can run. */
	@Bean
	@Lazy(false)
	@ConditionalOnBooleanProperty("shell-test.fail-on-start")
	Object shellTestFailingBean() {
		throw new IllegalStateException("The shell test application was told to fail on start (shell-test.fail-on-start)");
	}

}
