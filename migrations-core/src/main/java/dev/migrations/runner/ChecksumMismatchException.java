package dev.migrations.runner;

import java.util.List;

import dev.migrations.MigrationsException;

/** Revisions were changed after they were applied. */
public class ChecksumMismatchException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	private final String stampTarget;

	private final List<String> unknownApplied;

	/**
	 * @param stampTarget what {@code db stamp} takes to record the edited files as applied where the database is
	 * (its current revisions, comma-separated), {@code null} when not known
	 */
	public ChecksumMismatchException(String message, List<String> revisions, String stampTarget) {
		this(message, revisions, stampTarget, List.of());
	}

	/**
	 * @param stampTarget what {@code db stamp} takes to record the edited files as applied where the database is
	 * (its current revisions, comma-separated), {@code null} when not known
	 * @param unknownApplied the applied revisions this code has no file for (the database is ahead of it): a stamp
	 * with this code would un-record them
	 */
	public ChecksumMismatchException(String message, List<String> revisions, String stampTarget,
			List<String> unknownApplied) {
		super(message);
		this.revisions = List.copyOf(revisions);
		this.stampTarget = stampTarget;
		this.unknownApplied = List.copyOf(unknownApplied);
	}

	/**
	 * The target of the {@code db stamp} that records the edited files where the database is, {@code null} if unknown;
	 * with {@link #unknownApplied()} the known revisions only, which a stamp with this code would leave recorded alone.
	 */
	public String stampTarget() {
		return this.stampTarget;
	}

	/**
	 * The applied revisions this code has no file for (a newer release applied them), in the order they were applied;
	 * empty when the database is not ahead of the code. A {@code db stamp} with this code would un-record them.
	 */
	public List<String> unknownApplied() {
		return this.unknownApplied;
	}

	/** The ids of the modified revisions. */
	public List<String> revisions() {
		return this.revisions;
	}

}
