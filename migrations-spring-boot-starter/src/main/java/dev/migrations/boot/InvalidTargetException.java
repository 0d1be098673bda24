package dev.migrations.boot;

import dev.migrations.MigrationsException;

/**
 * {@code migrations.target} is not a target the startup upgrade can reach: it names no revision, is
 * not written as a target, or goes back. Raised before anything has run.
 */
public class InvalidTargetException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	/** What a startup target may be. */
	public static final String ALLOWED = "head (the default), heads, a revision id or a unique prefix of at least 4"
			+ " characters, label@head, <revision>+N or +N";

	private final String target;

	public InvalidTargetException(String target, RuntimeException cause) {
		super("migrations.target=" + target + " is not a target the startup upgrade can reach: " + cause.getMessage()
				+ ". Nothing was run.", cause);
		this.target = target;
	}

	/** The value of {@code migrations.target}. */
	public String target() {
		return this.target;
	}

}
