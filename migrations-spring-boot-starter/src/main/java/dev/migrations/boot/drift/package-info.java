/**
 * Drift: whether the JPA entities and the live schema still match, checked off the request path
 * and kept in memory for the actuator endpoint and the health indicator.
 */
package dev.migrations.boot.drift;
