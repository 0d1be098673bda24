package dev.migrations.testkit;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabase.Vendor;
import dev.migrations.test.TestDatabases;

/**
 * Points the application context of a {@link MigrationsTest} class at a fresh database of its own, unless the
 * class opts out ({@link MigrationsTest#freshDatabase()}) or declares a {@code @ServiceConnection}, which
 * gives the connection itself. Registered in {@code META-INF/spring.factories}.
 */
public final class MigrationsTestContextCustomizerFactory implements ContextCustomizerFactory {

	private static final String SERVICE_CONNECTION = "org.springframework.boot.testcontainers.service.connection.ServiceConnection";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		MigrationsTest settings = null;
		for (Class<?> type = testClass; type != null && settings == null; type = type.getEnclosingClass()) {
			MergedAnnotation<MigrationsTest> found = MergedAnnotations
				.from(type, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
				.get(MigrationsTest.class);
			if (found.isPresent()) {
				settings = found.synthesize();
			}
		}
		if (settings == null) {
			return null;
		}
		if (!settings.freshDatabase() || hasServiceConnection(testClass)) {
			return new StartupTargetCustomizer();
		}
		return new FreshDatabaseCustomizer(testClass, settings.database());
	}

	/**
	 * The startup upgrade of a {@code MigrationsTest} context goes to every head unless the application names its
	 * target: with one head that is {@code head}; with two (two revisions written on the same parent), the context
	 * still starts, and {@link MigrationsTester#assertSingleHead()} names them and the merge to write, where the
	 * startup upgrade to {@code head} would have failed the context before any check ran. Hibernate does not validate
	 * or change the schema at startup ({@code ddl-auto=none}), for the same reason: a revision that drifted from the
	 * entities fails {@link MigrationsTester#assertEntitiesMatchSchema()}, not the context.
	 */
	static void upgradeEveryHeadOnStartup(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources()
			.addLast(new MapPropertySource("migrationsTestStartupTarget", Map.of("migrations.target", "heads")));
		// Hibernate's schema validation (ddl-auto=validate, common in applications) would fail the context on a
		// revision that drifted from the entities before any check ran, with the first missing column only:
		// off, assertEntitiesMatchSchema names every difference and the SQL fixing them. Above the application's
		// and the test's own properties, as is the fresh database.
		context.getEnvironment().getPropertySources()
			.addFirst(new MapPropertySource("migrationsTestSchemaValidation",
					Map.of("spring.jpa.hibernate.ddl-auto", "none", "spring.jpa.properties.hibernate.hbm2ddl.auto", "none")));
	}

	/** For a context keeping its own database: only the startup target. */
	record StartupTargetCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			upgradeEveryHeadOnStartup(context);
		}

	}

	private static boolean hasServiceConnection(Class<?> testClass) {
		for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				for (var annotation : field.getAnnotations()) {
					if (annotation.annotationType().getName().equals(SERVICE_CONNECTION)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** One per test class, so each class gets its own context and database. */
	record FreshDatabaseCustomizer(Class<?> testClass, Vendor vendor) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			TestDatabase database = TestDatabases.create(this.vendor);
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("spring.datasource.url", database.jdbcUrl());
			properties.put("spring.datasource.username", database.username());
			properties.put("spring.datasource.password", (database.password() != null) ? database.password() : "");
			context.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource("migrationsTestDatabase", properties));
			context.addApplicationListener(new DropOnClose(database));
			// a context that fails to start is never closed (no ContextClosedEvent), but its singletons are destroyed:
			// registered first, this one is destroyed last, after the data source
			if (context instanceof GenericApplicationContext generic) {
				generic.getDefaultListableBeanFactory().registerDisposableBean("migrationsTestDatabase", database::close);
			}
			upgradeEveryHeadOnStartup(context);
		}

	}

	private record DropOnClose(TestDatabase database) implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.database.close();
		}

	}

}
