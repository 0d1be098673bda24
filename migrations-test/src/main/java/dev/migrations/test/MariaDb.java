package dev.migrations.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link TestDatabaseExtension} for a MariaDB database instead of a PostgreSQL one:
 * {@code @Test void t(@MariaDb TestDatabase db)}. The test is skipped, with a message saying how to provide a
 * server, when no MariaDB server is available.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MariaDb {

}
