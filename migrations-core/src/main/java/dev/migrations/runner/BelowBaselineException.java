package dev.migrations.runner;

import java.util.List;

import dev.migrations.MigrationsException;

/**
 * A downgrade would revert revisions that a baseline recorded as applied without running them: their
 * downgrades would drop what the schema held before migrations managed it, with its data. Nothing was run.
 */
public class BelowBaselineException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	/**
	 * @param revisions the revisions the downgrade would revert that the baseline recorded, the newest first
	 */
	public BelowBaselineException(String message, List<String> revisions) {
		super(message);
		this.revisions = List.copyOf(revisions);
	}

	/** The revisions the downgrade would revert that the baseline recorded, the newest first. */
	public List<String> revisions() {
		return this.revisions;
	}

}
