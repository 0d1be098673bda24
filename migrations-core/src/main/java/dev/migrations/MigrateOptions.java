package dev.migrations;

import java.time.Duration;

import dev.migrations.render.OnlineForm;

/**
 * How {@code db migrate} writes the change it generates.
 *
 * @param online whether to write the online form: the same schema afterwards, reached without
 *        holding a lock that blocks reads or writes of a table with rows for longer than a moment
 *        ({@code CREATE INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY} in revisions of their
 *        own that are not transactional; foreign keys and checks added {@code NOT VALID}, then
 *        validated in a following revision; {@code SET NOT NULL} through a validated check), so one
 *        change may become a chain of revisions; see {@link OnlineForm}
 * @param lockTimeout the {@code SET LOCAL lock_timeout} at the top of each transactional revision
 *        of the online form, {@code null} for {@link OnlineForm#DEFAULT_LOCK_TIMEOUT} (5 s)
 */
public record MigrateOptions(boolean online, Duration lockTimeout) {

	public MigrateOptions {
		if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.isZero())) {
			throw new IllegalArgumentException("The online form's lock timeout must be positive, not " + lockTimeout
					+ " (zero would wait for locks forever)");
		}
	}

	/** One revision per change, as the differences render plainly. */
	public static MigrateOptions plain() {
		return new MigrateOptions(false, null);
	}

	/** The online form with a {@code lock_timeout} of 5 s. */
	public static MigrateOptions onlineForm() {
		return new MigrateOptions(true, null);
	}

	/** The online form with the given {@code lock_timeout}. */
	public static MigrateOptions onlineForm(Duration lockTimeout) {
		return new MigrateOptions(true, lockTimeout);
	}

	/** The lock timeout the online form writes. */
	public Duration effectiveLockTimeout() {
		return (this.lockTimeout != null) ? this.lockTimeout : OnlineForm.DEFAULT_LOCK_TIMEOUT;
	}

}
