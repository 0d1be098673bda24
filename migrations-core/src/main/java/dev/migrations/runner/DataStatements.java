package dev.migrations.runner;

import java.util.List;
import java.util.Set;

import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;

/**
 * Recognises the statements a database whose DDL commits implicitly (MariaDB, MySQL) can still roll
 * back: data changes and queries ({@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code REPLACE},
 * {@code SELECT}, {@code WITH ...}) and {@code SET} of user variables ({@code SET @n = 0}). A revision
 * made of such statements only runs in one transaction with its version-table row there.
 * <p>
 * Anything else is taken as one that may commit or cannot be undone: DDL, {@code LOCK TABLES},
 * {@code CALL} (a procedure may commit), {@code LOAD DATA}, {@code SET} of a system variable
 * ({@code SET autocommit = 1} commits), transaction control, a statement behind an executable comment
 * ({@code /*! ... *}{@code /}). A data change to a table of an engine without transactions (MyISAM, Aria)
 * is applied at once whatever the transaction does; {@link RevisionRunner} says so when a rollback
 * could not undo one.
 */
final class DataStatements {

	private static final Set<String> DATA = Set.of("insert", "update", "delete", "replace", "select", "with");

	private DataStatements() {
	}

	/** Whether every statement can be rolled back (also when there are none). */
	static boolean allRollBack(List<SqlStatement> statements, SqlSyntax syntax) {
		for (SqlStatement statement : statements) {
			if (!rollsBack(statement.sql(), syntax)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param sql a statement as {@link dev.migrations.sql.SqlSplitter} returns it: from its first token
	 */
	static boolean rollsBack(String sql, SqlSyntax syntax) {
		int[] position = { 0 };
		String first = TransactionControl.word(sql, position, syntax);
		if (DATA.contains(first)) {
			// a keyword, not a prefix of a longer name (select_x = ... is no statement anyway)
			return position[0] == sql.length() || !isNamePart(sql.charAt(position[0]));
		}
		return first.equals("set") && setsUserVariablesOnly(sql, position[0], syntax);
	}

	/**
	 * Whether every assignment of a {@code SET} (from {@code from}, after the keyword) is to a user
	 * variable: {@code @name}, not {@code @@name}, a system variable, {@code NAMES} or {@code STATEMENT}.
	 */
	private static boolean setsUserVariablesOnly(String sql, int from, SqlSyntax syntax) {
		int i = TransactionControl.skipBlanks(sql, from, syntax);
		if (!startsUserVariable(sql, i)) {
			return false;
		}
		int depth = 0;
		while (i < sql.length()) {
			char ch = sql.charAt(i);
			if (ch == '\'' || ch == '"' || ch == '`') {
				i = afterQuoted(sql, i);
				continue;
			}
			if (ch == '(') {
				depth++;
			}
			else if (ch == ')') {
				depth--;
			}
			else if (ch == ',' && depth == 0) {
				i = TransactionControl.skipBlanks(sql, i + 1, syntax);
				if (!startsUserVariable(sql, i)) {
					return false;
				}
				continue;
			}
			else if (sql.startsWith("--", i) || ch == '#' || sql.startsWith("/*", i)) {
				int next = TransactionControl.skipBlanks(sql, i, syntax);
				if (next == i) {
					// an executable comment: what it runs is not known
					return false;
				}
				i = next;
				continue;
			}
			i++;
		}
		return true;
	}

	private static boolean startsUserVariable(String sql, int i) {
		return i + 1 < sql.length() && sql.charAt(i) == '@' && sql.charAt(i + 1) != '@';
	}

	/** The index after a quoted string or name starting at {@code start}; backslash escapes in strings. */
	private static int afterQuoted(String sql, int start) {
		char quote = sql.charAt(start);
		int i = start + 1;
		while (i < sql.length()) {
			char ch = sql.charAt(i);
			if (ch == '\\' && quote != '`') {
				i += 2;
			}
			else if (ch == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		return i;
	}

	private static boolean isNamePart(char ch) {
		return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
	}

}
