package dev.migrations.squash;

import dev.migrations.MigrationsException;

/** A history that cannot be squashed, a squash that does not rebuild its history, or a database a squash cannot move. */
public class SquashException extends MigrationsException {

	public SquashException(String message) {
		super(message);
	}

	public SquashException(String message, Throwable cause) {
		super(message, cause);
	}

}
