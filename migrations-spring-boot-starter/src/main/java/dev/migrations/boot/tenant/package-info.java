/**
 * Many tenants in a Spring Boot application: {@code migrations.tenants.*} properties, the startup
 * upgrade of every tenant, the tenants' summary at {@code /actuator/migrations} and their health.
 */
package dev.migrations.boot.tenant;
