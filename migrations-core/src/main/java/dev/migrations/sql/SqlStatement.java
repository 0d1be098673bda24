package dev.migrations.sql;

/**
 * One statement of a script, without its terminating delimiter.
 *
 * @param sql the statement text exactly as written (comments inside it kept), trimmed
 * @param line the 1-based line of the script where the statement starts
 */
public record SqlStatement(String sql, int line) {
}
