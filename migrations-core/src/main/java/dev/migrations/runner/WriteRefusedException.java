package dev.migrations.runner;

import dev.migrations.MigrationsException;

/**
 * The database refused to create what migrations keep (their version tables, the configured schema) because of
 * where or as whom they connect, not what they run: the session is read-only (a read-only user, a standby), or the
 * user lacks the privilege. Nothing was changed. The message's first line says what was refused; the lines after
 * it, what to connect with instead.
 */
public class WriteRefusedException extends MigrationsException {

	private final String user;

	private final boolean readOnly;

	public WriteRefusedException(String message, String user, boolean readOnly, Throwable cause) {
		super(message, cause);
		this.user = user;
		this.readOnly = readOnly;
	}

	/** The user migrations connected as. */
	public String user() {
		return this.user;
	}

	/** Whether the session was read-only; {@code false} when the user lacked a privilege. */
	public boolean readOnly() {
		return this.readOnly;
	}

}
