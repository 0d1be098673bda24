/**
 * Test support: a fresh, real PostgreSQL or MariaDB database per test.
 * <p>
 * {@link dev.migrations.test.TestDatabases} creates databases on the first server it finds (a configured
 * URL, a local server, Testcontainers, or for PostgreSQL an embedded server);
 * {@link dev.migrations.test.TestDatabaseExtension} hands them to JUnit Jupiter tests as parameters and drops
 * them afterwards.
 */
package dev.migrations.test;
