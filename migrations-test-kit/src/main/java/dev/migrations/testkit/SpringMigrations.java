package dev.migrations.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.migrations.Migrations;

/** The application's {@link Migrations} bean; loaded only in tests that run with Spring's extension. */
final class SpringMigrations {

	private SpringMigrations() {
	}

	static Migrations from(ExtensionContext context) {
		ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
		try {
			return applicationContext.getBean(Migrations.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("The application context of " + context.getRequiredTestClass().getName()
					+ " has no Migrations bean: put migrations-spring-boot-starter on the test class path, keep "
					+ "migrations.enabled=true, and make sure a DataSource is configured.", ex);
		}
	}

}
