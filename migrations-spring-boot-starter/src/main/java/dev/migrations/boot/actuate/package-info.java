/**
 * Actuator support: the read-only {@code migrations} endpoint, the {@code migrations} health
 * indicator and Micrometer metrics, each with its own auto-configuration. Over HTTP the endpoint's
 * response is written as JSON once per status and drift report ({@code MigrationsEndpointWebExtension})
 * and lists at most {@code migrations.actuator.revisions-listed} revisions besides those not applied
 * ({@code /actuator/migrations/revisions} lists every one).
 */
package dev.migrations.boot.actuate;
