package dev.migrations.runner;

import java.util.List;

import dev.migrations.MigrationsException;

/** Revisions were changed after they were applied. */
public class ChecksumMismatchException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	public ChecksumMismatchException(String message, List<String> revisions) {
		super(message);
		this.revisions = List.copyOf(revisions);
	}

	/** The ids of the modified revisions. */
	public List<String> revisions() {
		return this.revisions;
	}

}
