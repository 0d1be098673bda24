package dev.migrations.tenant;

import java.util.List;
import java.util.Map;

/**
 * Where the selected tenants stand, bounded in size whatever their number: counts by state, and
 * the tenants that are not up to date (up to a limit, the rest counted).
 *
 * @param tenants how many tenants were read
 * @param counts how many tenants are in each state (every state present, zeros included)
 * @param notUpToDate the tenants not {@link TenantState.State#UP_TO_DATE}, worst state first, at
 *        most the limit asked for
 * @param notListed how many more tenants are not up to date than {@code notUpToDate} lists
 */
public record TenantsStatus(int tenants, Map<TenantState.State, Integer> counts, List<TenantState> notUpToDate,
		int notListed) {

	public TenantsStatus {
		counts = Map.copyOf(counts);
		notUpToDate = List.copyOf(notUpToDate);
	}

	/** Whether every tenant is up to date. */
	public boolean upToDate() {
		return this.notUpToDate.isEmpty() && this.notListed == 0;
	}

}
