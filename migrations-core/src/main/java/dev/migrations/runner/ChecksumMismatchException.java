package dev.migrations.runner;

import java.util.List;

import dev.migrations.MigrationsException;

/** Revisions were changed after they were applied. */
public class ChecksumMismatchException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	private final String stampTarget;

	/**
	 * @param stampTarget what {@code db stamp} takes to record the edited files as applied where the database is
	 * (its current revisions, comma-separated), {@code null} when not known
	 */
	public ChecksumMismatchException(String message, List<String> revisions, String stampTarget) {
		super(message);
		this.revisions = List.copyOf(revisions);
		this.stampTarget = stampTarget;
	}

	/** The target of the {@code db stamp} that records the edited files where the database is, {@code null} if unknown. */
	public String stampTarget() {
		return this.stampTarget;
	}

	/** The ids of the modified revisions. */
	public List<String> revisions() {
		return this.revisions;
	}

}
