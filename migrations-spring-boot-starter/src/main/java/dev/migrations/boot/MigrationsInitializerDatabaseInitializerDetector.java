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
	 * Early, so that script-based initialization ({@code spring.sql.init}, ordered last) runs
	 * against the upgraded schema.
	 */
	@Override
	public int getOrder() {
		return 1;
	}

}
