/**
 * Squashing: one revision standing for the history up to a revision, generated from the schema
 * that history produces ({@link dev.migrations.squash.Squasher}), and moving databases that stopped
 * in the middle of a squashed history on through it ({@link dev.migrations.squash.SquashedDatabases}).
 * How the graph and the version table read squashes is in
 * {@link dev.migrations.revision.SquashedHistory} and the runner.
 */
package dev.migrations.squash;
