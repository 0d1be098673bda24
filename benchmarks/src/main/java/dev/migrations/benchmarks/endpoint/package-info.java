/**
 * The entities of the P4 application (the actuator endpoint under load), in their own package so
 * that its JPA scan finds them and nothing else.
 */
package dev.migrations.benchmarks.endpoint;
