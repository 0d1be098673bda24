package dev.migrations.render;

import java.util.List;
import java.util.Objects;

/**
 * One SQL statement of a rendered script.
 *
 * @param sql the statement, without the terminating semicolon; may span lines
 * @param warnings what a reviewer must know before running it (data loss, statements that fail on
 *        existing data, guessed renames), each one line, meant to be written as {@code -- WARNING:}
 *        comments above the statement
 * @param requiresNoTransaction whether the statement must run outside the script's transaction:
 *        an {@code ALTER TYPE ... ADD VALUE} whose new label a later statement of the same script
 *        uses (PostgreSQL refuses to use a label added in a transaction that has not committed)
 */
public record RenderedStatement(String sql, List<String> warnings, boolean requiresNoTransaction) {

	public RenderedStatement {
		Objects.requireNonNull(sql, "sql");
		warnings = List.copyOf(warnings);
	}

	public RenderedStatement(String sql) {
		this(sql, List.of(), false);
	}

	RenderedStatement withRequiresNoTransaction() {
		return new RenderedStatement(this.sql, this.warnings, true);
	}

	/**
	 * The statements as script text: each warning as a {@code -- WARNING:} line above its statement,
	 * each statement ended by a semicolon and a newline.
	 * @param statements rendered statements
	 * @return the script
	 */
	public static String script(List<RenderedStatement> statements) {
		StringBuilder script = new StringBuilder();
		for (RenderedStatement statement : statements) {
			for (String warning : statement.warnings()) {
				script.append("-- WARNING: ").append(warning).append('\n');
			}
			script.append(statement.sql()).append(";\n");
		}
		return script.toString();
	}

}
