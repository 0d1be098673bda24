package dev.migrations.lint;

/** What lint reads from a statement, for the tools that show or watch statements (the rehearsal). */
public final class Statements {

	private static final int DISPLAY_LENGTH = 160;

	private Statements() {
	}

	/** The statement on one line (whitespace runs collapsed), shortened to 160 characters for display. */
	public static String display(String sql) {
		StringBuilder oneLine = new StringBuilder(Math.min(sql.length(), DISPLAY_LENGTH));
		boolean space = false;
		for (int i = 0; i < sql.length() && oneLine.length() <= DISPLAY_LENGTH; i++) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				space = oneLine.length() > 0;
				continue;
			}
			if (space) {
				oneLine.append(' ');
				space = false;
			}
			oneLine.append(c);
		}
		if (oneLine.length() > DISPLAY_LENGTH) {
			oneLine.setLength(DISPLAY_LENGTH - 3);
			oneLine.append("...");
		}
		return oneLine.toString();
	}

	/**
	 * The table or index a statement works on, as SQL ({@code public.bulletin}, {@code "Order"}), or
	 * {@code null} when it is not an index, table or {@code ALTER TABLE} statement. For
	 * {@code DROP INDEX} and {@code REINDEX INDEX} it is the index.
	 * @param sql one PostgreSQL statement
	 */
	public static String relationOf(String sql) {
		Shape shape = ShapeReader.read(SqlLexer.tokens(sql));
		Name name = null;
		if (shape instanceof Shape.CreateIndex create) {
			name = create.table();
		}
		else if (shape instanceof Shape.DropIndex drop) {
			name = drop.indexes().get(0);
		}
		else if (shape instanceof Shape.Reindex reindex) {
			name = reindex.target();
		}
		else if (shape instanceof Shape.AlterTable alter) {
			name = alter.table();
		}
		else if (shape.lock() != null) {
			name = shape.lock().table();
		}
		return (name != null) ? name.sql() : null;
	}

}
