package dev.migrations.boot;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigrationsInitializer} beans initialize the database, so beans that
 * depend on database initialization (the JPA {@code EntityManagerFactory}, {@code JdbcTemplate},
 * {@code @DependsOnDatabaseInitialization} beans) are created after the startup upgrade.
 */
class MigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class);
	}

	/**
	 * First: before Liquibase's (order 0) and Flyway's (order 1) initializers, so that the startup
	 * upgrade can stop the application before another migration tool touches the same schema, and
	 * before script-based initialization ({@code spring.sql.init}, ordered last), which then runs
	 * against the upgraded schema.
	 */
	@Override
	public int getOrder() {
		return -100;
	}

}
