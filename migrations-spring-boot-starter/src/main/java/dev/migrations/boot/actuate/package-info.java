/**
 * Actuator support: the read-only {@code migrations} endpoint, the {@code migrations} health
 * indicator and Micrometer metrics, each with its own auto-configuration.
 */
package dev.migrations.boot.actuate;
