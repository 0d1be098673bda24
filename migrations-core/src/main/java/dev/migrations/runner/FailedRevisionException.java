package dev.migrations.runner;

import java.util.List;

import dev.migrations.MigrationsException;

/** A revision that ran outside a transaction is recorded as failed or unfinished, so nothing else runs until it is resolved. */
public class FailedRevisionException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	public FailedRevisionException(String message, List<String> revisions) {
		super(message);
		this.revisions = List.copyOf(revisions);
	}

	public List<String> revisions() {
		return this.revisions;
	}

}
