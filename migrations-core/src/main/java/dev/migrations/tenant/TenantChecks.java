package dev.migrations.tenant;

import java.time.Duration;
import java.util.List;

/**
 * What {@code db check --tenant} found over the selected tenants: one {@link TenantCheck} per tenant,
 * in the order of the tenants, failed ones included (a tenant that cannot be compared never stops
 * the others).
 *
 * @param checks one per tenant
 * @param parallelism how many tenants were compared at a time (at most)
 * @param duration how long the whole check took
 */
public record TenantChecks(List<TenantCheck> checks, int parallelism, Duration duration) {

	public TenantChecks {
		checks = List.copyOf(checks);
	}

	/** The tenants whose schema differs from the entities. */
	public List<TenantCheck> differing() {
		return this.checks.stream().filter(TenantCheck::differs).toList();
	}

	/** The tenants that could not be compared. */
	public List<TenantCheck> failed() {
		return this.checks.stream().filter(TenantCheck::failed).toList();
	}

	/** Whether every tenant was compared and matches the entities. */
	public boolean inSync() {
		return this.checks.stream().noneMatch((check) -> check.failed() || check.differs());
	}

	/** One line: how many tenants match, differ and could not be compared. */
	public String summary() {
		int differing = differing().size();
		int failed = failed().size();
		return "check on " + this.checks.size() + " tenant(s), " + this.parallelism + " at a time, in "
				+ this.duration.toMillis() + " ms: " + (this.checks.size() - differing - failed) + " match the entities, "
				+ differing + " differ, " + failed + " could not be compared.";
	}

}
