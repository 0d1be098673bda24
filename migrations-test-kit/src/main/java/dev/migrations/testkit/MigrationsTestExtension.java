package dev.migrations.testkit;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.migrations.Migrations;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabase.Vendor;
import dev.migrations.test.TestDatabases;

/**
 * Resolves {@link MigrationsTester} parameters for {@link MigrationsTest} classes: from the application
 * context in a Spring test, else from a fresh database per test class and the annotation's locations and
 * entities.
 */
public final class MigrationsTestExtension implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(MigrationsTestExtension.class);

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MigrationsTester.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ExtensionContext classContext = classContext(extensionContext);
		Class<?> testClass = classContext.getRequiredTestClass();
		Migrations migrations;
		if (isSpringTest(testClass)) {
			migrations = SpringMigrations.from(extensionContext);
		}
		else {
			MigrationsTest settings = settings(testClass);
			ClassResources resources = classContext.getStore(NAMESPACE)
				.computeIfAbsent(testClass.getName(), (key) -> ClassResources.create(settings, testClass), ClassResources.class);
			migrations = resources.migrations();
		}
		// one tester for the methods sharing the database: what it saw at base lets a check in one method name
		// what a failed check of another left, as within one method, instead of an upgrade failing on it
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(new TesterKey(migrations), (key) -> MigrationsTester.of(migrations), MigrationsTester.class);
	}

	/** The tester of one database's instance, by identity. */
	private record TesterKey(Migrations migrations) {
	}

	static MigrationsTest settings(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			Optional<MigrationsTest> found = AnnotationSupport.findAnnotation(type, MigrationsTest.class);
			if (found.isPresent()) {
				return found.get();
			}
		}
		throw new IllegalStateException(testClass.getName() + " asks for a MigrationsTester but is not annotated "
				+ "with @MigrationsTest: annotate the class.");
	}

	private static boolean isSpringTest(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			List<ExtendWith> extensions = AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class);
			for (ExtendWith extendWith : extensions) {
				for (Class<?> extension : extendWith.value()) {
					if (extension.getName().equals(SPRING_EXTENSION)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (!(current.getElement().orElse(null) instanceof Class<?>) && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	/** The database and instance of one test class; closed, so dropped, when the class's context closes. */
	static final class ClassResources implements AutoCloseable {

		private final TestDatabase database;

		private final Migrations migrations;

		private ClassResources(TestDatabase database, Migrations migrations) {
			this.database = database;
			this.migrations = migrations;
		}

		static ClassResources create(MigrationsTest settings, Class<?> testClass) {
			TestDatabase database = (settings.database() == Vendor.MARIADB) ? TestDatabases.mariadb()
					: TestDatabases.postgres();
			try {
				var configuration = Migrations.configure()
					.dataSource(database.dataSource())
					.locations(settings.locations())
					.classLoader(testClass.getClassLoader());
				if (settings.javaPackages().length > 0) {
					configuration.javaPackages(settings.javaPackages());
				}
				if (settings.entities().length > 0 || settings.entityPackages().length > 0) {
					configuration.entities(EntitySource.of(settings.entities())
						.withPackages(List.of(settings.entityPackages()))
						.withClassLoader(testClass.getClassLoader()));
				}
				return new ClassResources(database, configuration.load());
			}
			catch (RuntimeException ex) {
				database.close();
				throw ex;
			}
		}

		Migrations migrations() {
			return this.migrations;
		}

		@Override
		public void close() {
			this.database.close();
		}

	}

}
