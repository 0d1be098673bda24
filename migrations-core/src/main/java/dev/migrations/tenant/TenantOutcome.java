package dev.migrations.tenant;

import dev.migrations.runner.CommandResult;

/**
 * What a command did for one tenant.
 *
 * @param tenant the tenant's name
 * @param result what ran, {@code null} when it failed
 * @param failedRevision the revision that failed, {@code null} when none did or the failure was not
 *        in a revision (the connection, the lock)
 * @param error the first line of the error, {@code null} when it succeeded
 * @param failure the error itself, {@code null} when it succeeded
 */
public record TenantOutcome(String tenant, CommandResult result, String failedRevision, String error,
		RuntimeException failure) {

	public boolean failed() {
		return this.failure != null;
	}

	/** Whether revisions ran (or were stamped) for the tenant. */
	public boolean changed() {
		return this.result != null && !this.result.steps().isEmpty();
	}

}
