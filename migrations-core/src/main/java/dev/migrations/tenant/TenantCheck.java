package dev.migrations.tenant;

import java.util.List;

import dev.migrations.diff.Difference;

/**
 * What {@code db check} found for one tenant: the differences between the entities and its schema,
 * or why it could not tell.
 *
 * @param tenant the tenant's name
 * @param differences what differs, empty when in sync or when the check failed
 * @param error the first line of the error, {@code null} when the check ran
 * @param failure the error itself, {@code null} when the check ran
 */
public record TenantCheck(String tenant, List<Difference> differences, String error, RuntimeException failure) {

	public TenantCheck {
		differences = List.copyOf(differences);
	}

	public boolean failed() {
		return this.failure != null;
	}

	/** Whether the check ran and found differences. */
	public boolean differs() {
		return !this.differences.isEmpty();
	}

}
