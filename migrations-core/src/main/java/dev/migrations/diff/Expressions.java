package dev.migrations.diff;

import java.util.Map;

/**
 * Comparison keys for expressions the database printed (checks, index elements and predicates).
 * Both sides come from the same server, so expressions are compared as printed, except that quoted
 * identifiers lose their quotes and renamed columns take their new names: after
 * {@code RENAME COLUMN} the server rewrites every expression that mentions the column, so the
 * database's {@code (status)::text} must match the entities' {@code (state)::text}.
 */
final class Expressions {

	private Expressions() {
	}

	/**
	 * The expression with quoted identifiers unquoted and column names replaced. Words right after
	 * {@code ::} (type names) and before {@code (} (function names) are left alone, as are string
	 * literals.
	 */
	static String key(String expression, Map<String, String> columnRenames) {
		if (expression == null) {
			return null;
		}
		StringBuilder key = new StringBuilder(expression.length());
		int length = expression.length();
		int i = 0;
		while (i < length) {
			char c = expression.charAt(i);
			if (c == '\'') {
				int end = skipQuoted(expression, i, '\'');
				key.append(expression, i, end);
				i = end;
			}
			else if (c == '"') {
				int end = skipQuoted(expression, i, '"');
				String word = expression.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
				key.append(rename(word, expression, i, end, columnRenames));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i + 1;
				while (end < length && isWordPart(expression.charAt(end))) {
					end++;
				}
				key.append(rename(expression.substring(i, end), expression, i, end, columnRenames));
				i = end;
			}
			else {
				key.append(c);
				i++;
			}
		}
		return key.toString();
	}

	private static String rename(String word, String expression, int start, int end, Map<String, String> renames) {
		if (renames.isEmpty() || isTypeOrFunction(expression, start, end)) {
			return word;
		}
		return renames.getOrDefault(word, word);
	}

	private static boolean isTypeOrFunction(String expression, int start, int end) {
		int after = end;
		while (after < expression.length() && expression.charAt(after) == ' ') {
			after++;
		}
		if (after < expression.length() && expression.charAt(after) == '(') {
			return true;
		}
		int before = start - 1;
		while (before >= 0 && expression.charAt(before) == ' ') {
			before--;
		}
		return before >= 1 && expression.charAt(before) == ':' && expression.charAt(before - 1) == ':';
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	private static int skipQuoted(String text, int start, char quote) {
		int i = start + 1;
		while (i < text.length()) {
			if (text.charAt(i) == quote) {
				if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return text.length();
	}

}
