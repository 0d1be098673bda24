package dev.migrations.runner;

import java.util.Locale;

import dev.migrations.sql.SqlSyntax;

/**
 * Recognises the statements that open or end a transaction ({@code BEGIN}, {@code START TRANSACTION},
 * {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}, {@code PREPARE TRANSACTION}), which a
 * revision must not hold: the runner decides where its transactions begin and end. Savepoints
 * ({@code ROLLBACK TO}), two-phase commands on prepared transactions ({@code COMMIT PREPARED}),
 * prepared statements ({@code PREPARE name AS}) and MariaDB's {@code BEGIN NOT ATOMIC} block are
 * not transaction control.
 */
final class TransactionControl {

	private TransactionControl() {
	}

	/**
	 * @param sql a statement as {@link dev.migrations.sql.SqlSplitter} returns it: from its first token
	 * @param syntax the database's syntax
	 * @return the command as it is named in messages ({@code COMMIT}, {@code START TRANSACTION}), or
	 *         {@code null} for any other statement
	 */
	static String command(String sql, SqlSyntax syntax) {
		int[] position = { 0 };
		String first = word(sql, position, syntax);
		switch (first) {
			case "begin":
				return (syntax == SqlSyntax.MARIADB && word(sql, position, syntax).equals("not")) ? null : "BEGIN";
			case "start":
				return word(sql, position, syntax).equals("transaction") ? "START TRANSACTION" : null;
			case "commit", "rollback": {
				String second = word(sql, position, syntax);
				if (second.equals("prepared") || first.equals("rollback") && second.equals("to")) {
					return null;
				}
				if (second.equals("work") || second.equals("transaction")) {
					// ROLLBACK WORK TO SAVEPOINT is a savepoint too
					String third = word(sql, position, syntax);
					if (third.equals("to") || third.equals("prepared")) {
						return null;
					}
				}
				return first.toUpperCase(Locale.ROOT);
			}
			case "end", "abort":
				return (syntax == SqlSyntax.POSTGRESQL) ? first.toUpperCase(Locale.ROOT) : null;
			case "prepare":
				return word(sql, position, syntax).equals("transaction") ? "PREPARE TRANSACTION" : null;
			default:
				return null;
		}
	}

	/**
	 * The PostgreSQL statements that can never run inside a transaction block ({@code CREATE INDEX CONCURRENTLY},
	 * {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}, {@code VACUUM}, {@code CREATE DATABASE}...),
	 * named as in messages; {@code null} for any other statement (or one this reading does not recognise, which the
	 * server then refuses when it runs).
	 */
	static String outsideTransactionOnly(String sql, SqlSyntax syntax) {
		if (syntax != SqlSyntax.POSTGRESQL) {
			return null;
		}
		int[] position = { 0 };
		String first = word(sql, position, syntax);
		String second = word(sql, position, syntax);
		return switch (first) {
			case "vacuum" -> "VACUUM";
			case "create" -> switch (second) {
				case "database", "tablespace" -> "CREATE " + second.toUpperCase(Locale.ROOT);
				case "index" -> word(sql, position, syntax).equals("concurrently") ? "CREATE INDEX CONCURRENTLY" : null;
				case "unique" -> word(sql, position, syntax).equals("index") && word(sql, position, syntax).equals("concurrently")
						? "CREATE UNIQUE INDEX CONCURRENTLY" : null;
				default -> null;
			};
			case "drop" -> switch (second) {
				case "database", "tablespace" -> "DROP " + second.toUpperCase(Locale.ROOT);
				case "index" -> word(sql, position, syntax).equals("concurrently") ? "DROP INDEX CONCURRENTLY" : null;
				default -> null;
			};
			case "reindex" -> switch (second) {
				case "database", "system" -> "REINDEX " + second.toUpperCase(Locale.ROOT);
				// REINDEX SCHEMA goes through the schema's tables one transaction each, as REINDEX DATABASE does
				case "schema" -> word(sql, position, syntax).equals("concurrently") ? "REINDEX SCHEMA CONCURRENTLY"
						: "REINDEX SCHEMA";
				case "index", "table" -> word(sql, position, syntax).equals("concurrently") ? "REINDEX "
						+ second.toUpperCase(Locale.ROOT) + " CONCURRENTLY" : null;
				default -> null;
			};
			case "alter" -> second.equals("system") ? "ALTER SYSTEM" : null;
			default -> null;
		};
	}

	/** Whether a statement is a {@code COPY ... FROM STDIN} (or {@code TO STDOUT}), which needs the client's streams. */
	static boolean copyFromClient(String sql) {
		if (sql.length() < 4 || !sql.regionMatches(true, 0, "copy", 0, 4)
				|| (sql.length() > 4 && Character.isLetterOrDigit(sql.charAt(4)))) {
			return false;
		}
		String lower = sql.toLowerCase(Locale.ROOT);
		return lower.matches("(?s).*\\bfrom\\s+stdin\\b.*") || lower.matches("(?s).*\\bto\\s+stdout\\b.*");
	}

	/**
	 * The next word in lower case, after whitespace and comments, read to its end as a name is
	 * ({@code concurrently_idx} is not {@code concurrently}); empty at the end or before anything else.
	 */
	static String word(String sql, int[] position, SqlSyntax syntax) {
		int i = skipBlanks(sql, position[0], syntax);
		int start = i;
		while (i < sql.length() && (Character.isLetter(sql.charAt(i))
				|| i > start && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$'))) {
			i++;
		}
		position[0] = i;
		return sql.substring(start, i).toLowerCase(Locale.ROOT);
	}

	static int skipBlanks(String sql, int from, SqlSyntax syntax) {
		int i = from;
		while (i < sql.length()) {
			char ch = sql.charAt(i);
			if (Character.isWhitespace(ch)) {
				i++;
			}
			else if (sql.startsWith("--", i) || syntax == SqlSyntax.MARIADB && ch == '#') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? sql.length() : end + 1;
			}
			else if (sql.startsWith("/*", i) && !(syntax == SqlSyntax.MARIADB && (sql.startsWith("/*!", i)
					|| sql.startsWith("/*M!", i)))) {
				i = endOfBlockComment(sql, i, syntax == SqlSyntax.POSTGRESQL);
			}
			else {
				break;
			}
		}
		return i;
	}

	// after the block comment at from; PostgreSQL's nest: /* a /* b */ c */ is one comment
	private static int endOfBlockComment(String sql, int from, boolean nesting) {
		int depth = 0;
		int i = from;
		while (i < sql.length() - 1) {
			if (sql.startsWith("/*", i) && (nesting || depth == 0)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
				i += 2;
				if (--depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

}
