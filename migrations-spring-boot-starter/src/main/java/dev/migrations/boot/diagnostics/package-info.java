/**
 * Failure analyzers that turn the errors of the startup upgrade into a description of what is wrong
 * and the command to type next.
 */
package dev.migrations.boot.diagnostics;
