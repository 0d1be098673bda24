package dev.migrations.schema;

/**
 * A column.
 *
 * @param name column name
 * @param type the type as the database spells it canonically (PostgreSQL: {@code format_type}, e.g.
 *        {@code character varying(255)}, {@code numeric(10,2)}, {@code timestamp(6) without time zone},
 *        {@code integer[]}, or the name of an enum type)
 * @param nullable whether NULL is allowed
 * @param defaultExpression the default as the database prints it, {@code null} when none (identity
 *        columns have none)
 * @param identity identity generation, {@code null} for an ordinary column
 * @param comment the column comment, {@code null} when none
 * @param generated the expression of a stored generated column ({@code GENERATED ALWAYS AS (...) STORED})
 *        as the database prints it, {@code null} for an ordinary column
 */
public record Column(String name, String type, boolean nullable, String defaultExpression, Identity identity,
		String comment, String generated) {

	/** An ordinary column, not generated. */
	public Column(String name, String type, boolean nullable, String defaultExpression, Identity identity,
			String comment) {
		this(name, type, nullable, defaultExpression, identity, comment, null);
	}

	/**
	 * The generation expression in one pair of parentheses, as {@code GENERATED ALWAYS AS} takes it (the
	 * server prints {@code a + b} as {@code (a + b)}, and a column alone without them).
	 * @return {@code (expression)}, or {@code null} for an ordinary column
	 */
	public String generatedAs() {
		if (this.generated == null) {
			return null;
		}
		return inParentheses(this.generated);
	}

	private static String inParentheses(String expression) {
		String text = expression.strip();
		return enclosed(text) ? text : "(" + text + ")";
	}

	/**
	 * Whether the whole of an SQL expression sits in one pair of parentheses: the first one closes at its end
	 * (outside string literals and quoted names); blanks around it count as part of it.
	 */
	public static boolean enclosed(String expression) {
		if (!expression.startsWith("(") || !expression.endsWith(")")) {
			return false;
		}
		int depth = 0;
		char quote = 0;
		for (int i = 0; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0 && i < expression.length() - 1) {
				return false;
			}
		}
		return depth == 0;
	}

	/** This column under another name. */
	public Column withName(String newName) {
		return new Column(newName, this.type, this.nullable, this.defaultExpression, this.identity, this.comment,
				this.generated);
	}

	/** How an identity column generates values. */
	public enum Identity {

		ALWAYS, BY_DEFAULT

	}

}
