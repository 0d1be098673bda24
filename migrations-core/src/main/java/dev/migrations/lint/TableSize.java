package dev.migrations.lint;

/**
 * How big a table is in the database lint read, at the time it read it.
 *
 * @param table the table as the statement names it
 * @param rows the estimated number of rows (the planner's estimate, scaled to the table's current
 * size; an exact count up to the error threshold when the table was never analyzed)
 * @param bytes the table's total size on disk, indexes and TOAST included
 */
public record TableSize(String table, long rows, long bytes) {

	/** For messages, e.g. {@code 1,250,000 rows, 96 MB}. */
	public String describe() {
		return String.format(java.util.Locale.ROOT, "%,d rows, %s", this.rows, bytes(this.bytes));
	}

	static String bytes(long bytes) {
		if (bytes < 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%d kB", Math.max(1, bytes / 1024));
		}
		if (bytes < 1024L * 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%d MB", bytes / (1024 * 1024));
		}
		return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
	}

}
