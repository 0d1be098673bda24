package dev.migrations.lint;

/** Which relation a statement locks, as the lint recogniser reads it: for tools that watch the statement run. */
public final class LockTargets {

	private LockTargets() {
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
