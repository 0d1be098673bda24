package dev.migrations.runner;

import java.util.List;

import dev.migrations.MigrationsException;

/** A revision that ran outside a transaction is recorded as failed or unfinished, so nothing else runs until it is resolved. */
public class FailedRevisionException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	private final boolean mayBeRunningElsewhere;

	public FailedRevisionException(String message, List<String> revisions) {
		this(message, revisions, false);
	}

	/**
	 * @param mayBeRunningElsewhere whether a revision recorded as running may be running in another process now,
	 * the database's lock not reaching across processes (H2), rather than be left from an earlier run
	 */
	public FailedRevisionException(String message, List<String> revisions, boolean mayBeRunningElsewhere) {
		super(message);
		this.revisions = List.copyOf(revisions);
		this.mayBeRunningElsewhere = mayBeRunningElsewhere;
	}

	public List<String> revisions() {
		return this.revisions;
	}

	/** Whether a revision recorded as running may be running in another process now (see the constructor). */
	public boolean mayBeRunningElsewhere() {
		return this.mayBeRunningElsewhere;
	}

}
