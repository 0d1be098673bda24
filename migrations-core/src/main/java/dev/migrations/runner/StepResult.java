package dev.migrations.runner;

/**
 * One revision that was run.
 *
 * @param direction upgrade or downgrade
 * @param revision the revision id
 * @param message its message
 * @param source its file or class
 * @param executionMillis how long it took
 */
public record StepResult(Direction direction, String revision, String message, String source,
		long executionMillis) {
}
