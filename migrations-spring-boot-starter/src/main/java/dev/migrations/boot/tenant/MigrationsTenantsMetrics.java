package dev.migrations.boot.tenant;

import dev.migrations.tenant.TenantState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer gauges of the tenants: {@code migrations.tenants}, how many tenants are in each state,
 * one gauge per state (tag {@code state}: {@code UNREACHABLE}, {@code FAILED}, {@code MODIFIED},
 * {@code BEHIND}, {@code UP_TO_DATE}). Counted, not tagged by tenant, so the number of time series
 * does not grow with the tenants. Read from the {@link TenantsStatusCache} (at most one read of the
 * tenants per its time-to-live, whatever the number of gauges and scrapes); NaN when the tenants
 * cannot be listed.
 */
public class MigrationsTenantsMetrics implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsTenantsMetrics.class);

	private final TenantsStatusCache status;

	public MigrationsTenantsMetrics(TenantsStatusCache status) {
		this.status = status;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TenantState.State state : TenantState.State.values()) {
			Gauge.builder("migrations.tenants", this, (metrics) -> metrics.count(state))
				.description("Tenants in each state: unreachable, failed, modified, behind, up to date")
				.tag("state", state.name())
				.baseUnit("tenants")
				.register(registry);
		}
	}

	private double count(TenantState.State state) {
		try {
			return this.status.status().counts().getOrDefault(state, 0);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the tenants for the migrations.tenants gauge", ex);
			return Double.NaN;
		}
	}

}
