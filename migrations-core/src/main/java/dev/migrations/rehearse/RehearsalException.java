package dev.migrations.rehearse;

import dev.migrations.MigrationsException;

/** A rehearsal could not run (no copy could be made, a revision cannot be rolled back); nothing was changed. */
public class RehearsalException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	public RehearsalException(String message) {
		super(message);
	}

	public RehearsalException(String message, Throwable cause) {
		super(message, cause);
	}

}
