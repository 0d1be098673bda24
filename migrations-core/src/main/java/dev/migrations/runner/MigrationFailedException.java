package dev.migrations.runner;

import dev.migrations.MigrationsException;

/**
 * A statement of a revision failed. The message names the revision, its file, the statement number
 * and line, the SQL, the database's error, and what state the database was left in.
 */
public class MigrationFailedException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final String source;

	private final int statementNumber;

	private final int line;

	private final String sql;

	private final boolean upgrade;

	private final boolean partlyApplied;

	private final boolean recordedUnfinished;

	/**
	 * @param upgrade whether the revision's upgrade failed (else its downgrade)
	 * @param partlyApplied whether statements before the failing one may stay applied (it ran outside a
	 * transaction, and is then recorded as not completed); {@code false} when it was rolled back or nothing of
	 * it ran
	 */
	public MigrationFailedException(String message, String revision, String source, int statementNumber, int line,
			String sql, Throwable cause, boolean upgrade, boolean partlyApplied) {
		this(message, revision, source, statementNumber, line, sql, cause, upgrade, partlyApplied, partlyApplied);
	}

	/**
	 * @param upgrade whether the revision's upgrade failed (else its downgrade)
	 * @param partlyApplied whether changes of the revision may stay applied
	 * @param recordedUnfinished whether the revision ran outside a transaction and is recorded as not completed,
	 * which {@code db stamp} resolves; {@code false} when a rollback left changes that tables without
	 * transactions (MariaDB's MyISAM) could not undo, while the revision is not recorded at all
	 */
	public MigrationFailedException(String message, String revision, String source, int statementNumber, int line,
			String sql, Throwable cause, boolean upgrade, boolean partlyApplied, boolean recordedUnfinished) {
		super(message, cause);
		this.revision = revision;
		this.source = source;
		this.statementNumber = statementNumber;
		this.line = line;
		this.sql = sql;
		this.upgrade = upgrade;
		this.partlyApplied = partlyApplied;
		this.recordedUnfinished = recordedUnfinished;
	}

	/** Whether the revision's upgrade failed; {@code false} for its downgrade. */
	public boolean upgrade() {
		return this.upgrade;
	}

	/**
	 * Whether statements of the revision before the failing one may stay applied: it ran outside a
	 * transaction, and is recorded as not completed (see {@link #recordedUnfinished()}), or its rollback could
	 * not undo changes to tables without transactions. {@code false} when it was rolled back or nothing of
	 * it ran.
	 */
	public boolean partlyApplied() {
		return this.partlyApplied;
	}

	/**
	 * Whether the revision ran outside a transaction and is recorded as not completed, so that further
	 * upgrades and downgrades stop until {@code db stamp} records how it was resolved. {@code false} when it
	 * is not recorded: it was rolled back, or nothing of it ran.
	 */
	public boolean recordedUnfinished() {
		return this.recordedUnfinished;
	}

	public String revision() {
		return this.revision;
	}

	public String source() {
		return this.source;
	}

	/** 1-based number of the failed statement within its section, 0 for a Java revision. */
	public int statementNumber() {
		return this.statementNumber;
	}

	/** 1-based line in the file where the failed statement starts, 0 when unknown. */
	public int line() {
		return this.line;
	}

	public String sql() {
		return this.sql;
	}

}
