package dev.migrations.dialect;

import dev.migrations.MigrationsException;

/** Another session held the migrations lock for longer than the configured timeout. */
public class LockTimeoutException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final String holder;

	public LockTimeoutException(String message, String holder) {
		super(message);
		this.holder = holder;
	}

	/** Who held the lock, as far as the database tells, or {@code null} when unknown. */
	public String holder() {
		return this.holder;
	}

}
