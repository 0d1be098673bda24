/**
 * The application's JPA entities and Hibernate settings, as Spring Boot configures them, for
 * autogenerate and drift.
 */
package dev.migrations.boot.jpa;
