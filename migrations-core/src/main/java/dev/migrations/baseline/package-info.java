/**
 * Adopting a database whose schema was built without these revisions (by Hibernate, by hand, by
 * Flyway or Liquibase): what the schema already holds, and which revision it is taken to be.
 */
package dev.migrations.baseline;
