package dev.migrations.tenant;

import java.util.List;

/**
 * Where one tenant stands.
 *
 * @param tenant the tenant's name
 * @param state the state
 * @param current the applied revisions no other applied revision has as a parent
 * @param pending how many revisions {@code upgrade heads} would apply
 * @param failedRevision the revision that failed in the last run of this process, or recorded as
 *        failed in the version table; {@code null} when none
 * @param error the first line of the error of the last run of this process, else of the error
 *        recorded with the failed revision, or why the tenant could not be read; {@code null} when none
 */
public record TenantState(String tenant, State state, List<String> current, int pending, String failedRevision,
		String error) {

	public TenantState {
		current = List.copyOf(current);
	}

	/** What a tenant's state is, the worst that applies first. */
	public enum State {

		/** Its version table could not be read (connection, permissions). */
		UNREACHABLE,

		/** A revision failed for it (recorded as failed, or in the last run of this process) and it is behind. */
		FAILED,

		/** An applied revision's file changed since it was applied. */
		MODIFIED,

		/** Revisions are pending. */
		BEHIND,

		/** Nothing pending, nothing failed. */
		UP_TO_DATE

	}

}
