package dev.migrations.revision;

import dev.migrations.MigrationsException;

/**
 * The root of the errors about revisions: reading revision files, building the revision graph and
 * resolving targets. Each subclass names the file, revision or target involved and says what to do.
 */
public class RevisionException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	public RevisionException(String message) {
		super(message);
	}

	public RevisionException(String message, Throwable cause) {
		super(message, cause);
	}

}
