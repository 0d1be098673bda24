package dev.migrations.sql;

/**
 * One statement of a script, without its terminating delimiter, as {@link SqlSplitter} finds it.
 *
 * @param sql the statement text exactly as written, from its first to its last token: comments
 *        between tokens are kept, comments before and after it and surrounding whitespace are not
 * @param line the 1-based line of the script where the statement's first token is
 */
public record SqlStatement(String sql, int line) {
}
