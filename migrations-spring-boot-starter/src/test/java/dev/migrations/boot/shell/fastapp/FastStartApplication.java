package dev.migrations.boot.shell.fastapp;

import dev.migrations.boot.shell.app.Bulletin;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;

/**
 * An application whose {@code db} commands need nothing from its context: the database in
 * {@code spring.datasource.*}, the entities found through {@code @EntityScan}. It says on standard error
 * when its application context starts.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Bulletin.class)
public class FastStartApplication {

	/** What the application prints when its context starts. */
	public static final String CONTEXT_STARTED = "The fast-start application's context is starting";

	public static void main(String[] args) {
		SpringApplication.run(FastStartApplication.class, args);
	}

	/** Created with every context, lazy initialization or not. */
	@Bean
	static BeanFactoryPostProcessor fastStartContextAnnouncer() {
		return (beanFactory) -> System.err.println(CONTEXT_STARTED);
	}

}
