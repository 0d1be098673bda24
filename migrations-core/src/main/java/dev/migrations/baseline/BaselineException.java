package dev.migrations.baseline;

import dev.migrations.MigrationsException;

/** The configured baseline cannot be used: it names no revision, or names something other than one. */
public class BaselineException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final String baseline;

	public BaselineException(String baseline, String message, Throwable cause) {
		super(message, cause);
		this.baseline = baseline;
	}

	/** The baseline as configured. */
	public String baseline() {
		return this.baseline;
	}

}
