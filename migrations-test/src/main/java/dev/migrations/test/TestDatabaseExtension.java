package dev.migrations.test;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Gives each {@link TestDatabase} parameter of a test its own fresh database and drops them all after the
 * test, on a background thread ({@link TestDatabase#closeInBackground()}) so that the next test need not wait:
 *
 * <pre class="code">
 * &#64;ExtendWith(TestDatabaseExtension.class)
 * class RepositoryTests {
 *
 * 	&#64;Test
 * 	void copiesRows(TestDatabase source, &#64;MariaDb TestDatabase target) { ... }
 *
 * }
 * </pre>
 *
 * Parameters are PostgreSQL databases unless annotated with {@link MariaDb}; a test asking for MariaDB is
 * skipped when there is no MariaDB server. Parameters of {@code @BeforeEach} and {@code @AfterEach} methods get
 * their own databases too, dropped after the test; those of a constructor or {@code @BeforeAll} method are
 * dropped after the test class.
 */
public final class TestDatabaseExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(TestDatabaseExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		TestDatabase database = parameterContext.isAnnotated(MariaDb.class) ? TestDatabases.mariadb()
				: TestDatabases.postgres();
		createdIn(extensionContext).add(database);
		return database;
	}

	/**
	 * Skips a test needing MariaDB before its parameters are resolved: an abort thrown while resolving a
	 * parameter would be reported as a failure.
	 */
	@Override
	public void beforeEach(ExtensionContext context) {
		Stream<Method> beforeEachMethods = AnnotationSupport
			.findAnnotatedMethods(context.getRequiredTestClass(), BeforeEach.class, HierarchyTraversalMode.TOP_DOWN)
			.stream();
		if (Stream.concat(Stream.of(context.getRequiredTestMethod()), beforeEachMethods)
			.anyMatch(TestDatabaseExtension::asksForMariaDb)) {
			TestDatabases.assumeMariaDbAvailable();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		CreatedDatabases databases = context.getStore(NAMESPACE).remove(context.getUniqueId(), CreatedDatabases.class);
		if (databases != null) {
			databases.close();
		}
	}

	private static boolean asksForMariaDb(Executable executable) {
		for (Parameter parameter : executable.getParameters()) {
			if (parameter.getType() == TestDatabase.class && parameter.isAnnotationPresent(MariaDb.class)) {
				return true;
			}
		}
		return false;
	}

	private static CreatedDatabases createdIn(ExtensionContext context) {
		// Keyed by the context's id: a parent context's entry would otherwise be found and reused.
		return context.getStore(NAMESPACE)
			.computeIfAbsent(context.getUniqueId(), (key) -> new CreatedDatabases(), CreatedDatabases.class);
	}

	/**
	 * The databases created in one extension context. Closed by {@link #afterEach} for a test, or by JUnit
	 * when a class-level context holding it closes.
	 */
	static final class CreatedDatabases implements AutoCloseable {

		private final List<TestDatabase> databases = new ArrayList<>();

		synchronized void add(TestDatabase database) {
			this.databases.add(database);
		}

		@Override
		public synchronized void close() {
			this.databases.forEach(TestDatabase::closeInBackground);
			this.databases.clear();
		}

	}

}
