package dev.migrations;

/**
 * The root of every error this library throws. Messages name the revision, the file, the line or
 * statement involved, and say what to do next.
 */
public class MigrationsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MigrationsException(String message) {
		super(message);
	}

	public MigrationsException(String message, Throwable cause) {
		super(message, cause);
	}

}
