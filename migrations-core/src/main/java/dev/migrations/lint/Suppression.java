package dev.migrations.lint;

/**
 * A finding a {@code -- lint: disable=<rule> <reason>} comment in its revision turned off.
 *
 * @param finding what would have been reported
 * @param reason the reason the comment gives
 * @param line the line of the comment in the revision's file
 */
public record Suppression(Finding finding, String reason, int line) {
}
