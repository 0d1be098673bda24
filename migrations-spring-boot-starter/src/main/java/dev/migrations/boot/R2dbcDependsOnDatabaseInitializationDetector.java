package dev.migrations.boot;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.util.ClassUtils;

/**
 * Tells Spring Boot that the R2DBC {@code DatabaseClient} and Spring Data R2DBC's {@code R2dbcEntityOperations} (and
 * so the R2DBC repositories) use the database, so that they are created after the startup upgrade, as the
 * {@code JdbcTemplate} and jOOQ's {@code DSLContext} are. Spring Boot orders none of them, so without it a bean that
 * queries through R2DBC while the application starts would run before the upgrade. The {@code ConnectionFactory}
 * itself is left alone: Spring Boot's script initialization on R2DBC ({@code spring.sql.init}) needs it.
 */
class R2dbcDependsOnDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	private static final String[] TYPES = { "org.springframework.r2dbc.core.DatabaseClient",
			"org.springframework.data.r2dbc.core.R2dbcEntityOperations" };

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		ClassLoader classLoader = getClass().getClassLoader();
		Set<Class<?>> types = new LinkedHashSet<>();
		for (String type : TYPES) {
			if (ClassUtils.isPresent(type, classLoader)) {
				types.add(ClassUtils.resolveClassName(type, classLoader));
			}
		}
		return types;
	}

}
