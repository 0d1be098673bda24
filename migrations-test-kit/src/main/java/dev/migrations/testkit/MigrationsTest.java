package dev.migrations.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import dev.migrations.test.TestDatabase.Vendor;

/**
 * Marks a test class checking revisions: its test methods can take a {@link MigrationsTester} parameter.
 * <p>
 * <b>Without Spring</b>, the class gets a fresh database of its own (from {@code MIGRATIONS_TEST_POSTGRES_URL},
 * a server on {@code 127.0.0.1:5432}, Testcontainers or an embedded PostgreSQL, in that order; MariaDB likewise
 * but skipped when there is none), dropped after the class, and the revisions of {@link #locations()} and
 * {@link #javaPackages()} with the entities of {@link #entities()} and {@link #entityPackages()}.
 * <p>
 * <b>In a Spring test</b> ({@code @SpringBootTest}, or any test run by {@code SpringExtension}), the tester
 * uses the application's own {@code Migrations} bean, so its locations, entities, naming strategies and
 * Hibernate settings. Unless {@link #freshDatabase()} is {@code false} or the class declares a
 * {@code @ServiceConnection} container, the application context is pointed at a fresh database of its own
 * ({@code spring.datasource.url}, {@code username} and {@code password}), dropped when the context closes. Its
 * startup upgrade goes to every head ({@code heads}) unless the application sets {@code migrations.target}, so
 * that revisions with two heads fail {@link MigrationsTester#assertSingleHead()}, not the context.
 * <p>
 * The test methods of the class share its database, so they run one after the other even where JUnit runs
 * methods in parallel ({@code junit.jupiter.execution.parallel.mode.default=concurrent}); test classes, each with
 * a database of its own, still run in parallel with each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigrationsTestExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface MigrationsTest {

	/** Where the revisions are, without Spring; as {@code migrations.locations}. */
	String[] locations() default { "classpath:db/revisions" };

	/**
	 * Packages holding {@code JavaRevision} classes, without Spring; as {@code migrations.java-packages}. They join
	 * the revisions of {@link #locations()} in one graph.
	 */
	String[] javaPackages() default {};

	/** Entity classes to compare the schema with, without Spring. */
	Class<?>[] entities() default {};

	/** Packages to scan for entity classes, without Spring. */
	String[] entityPackages() default {};

	/** The database product of the fresh database. */
	Vendor database() default Vendor.POSTGRESQL;

	/**
	 * In a Spring test, whether to point the application at a fresh database; {@code false} keeps the
	 * application's own (the checks empty it to {@code base}).
	 */
	boolean freshDatabase() default true;

}
