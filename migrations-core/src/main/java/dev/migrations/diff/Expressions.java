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

	/** Casts between PostgreSQL's string types, which the server adds or moves when it reprints a check. */
	private static final java.util.regex.Pattern STRING_CAST = java.util.regex.Pattern
		.compile("::(?:character varying|text|bpchar|character|name)(?:\\[\\])?");

	/**
	 * A comparison key for check constraints. PostgreSQL does not print a check the same way after it
	 * re-reads its own output: {@code status IN ('A','B')} is stored as
	 * {@code status::text = ANY (ARRAY['A'::character varying]::text[])}, and that text, run again
	 * (as a generated revision does), becomes {@code status::text = ANY (ARRAY['A'::character varying::text])}.
	 * So casts between string types, grouping parentheses and spaces are left out of the key, outside
	 * string literals. Two checks differing only in how their parts are grouped would compare equal:
	 * a missed difference is preferred to a false one here.
	 */
	static String checkKey(String expression, Map<String, String> columnRenames) {
		String key = key(expression, columnRenames);
		if (key == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(key.length());
		int i = 0;
		while (i < key.length()) {
			char c = key.charAt(i);
			if (c == '\'') {
				int end = skipQuoted(key, i, '\'');
				out.append(key, i, end);
				i = end;
				continue;
			}
			if (c == ':' && key.startsWith("::", i)) {
				java.util.regex.Matcher cast = STRING_CAST.matcher(key);
				if (cast.find(i) && cast.start() == i && (cast.end() == key.length() || !isWordPart(key.charAt(cast.end())))) {
					i = cast.end();
					continue;
				}
			}
			if (c == '(' && (out.length() == 0 || !isWordPart(out.charAt(out.length() - 1)))) {
				// grouping, not a function call: drop it and its partner
				int close = matching(key, i);
				if (close > i) {
					key = key.substring(0, close) + key.substring(close + 1);
					i++;
					continue;
				}
			}
			if (!Character.isWhitespace(c)) {
				out.append(c);
			}
			i++;
		}
		return out.toString();
	}

	private static int matching(String text, int open) {
		int depth = 0;
		int i = open;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\'') {
				i = skipQuoted(text, i, '\'');
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
			i++;
		}
		return -1;
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
