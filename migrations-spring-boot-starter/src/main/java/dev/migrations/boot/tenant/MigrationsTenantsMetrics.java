package dev.migrations.boot.tenant;

import dev.migrations.boot.actuate.BackgroundStatusRead;
import dev.migrations.tenant.TenantState;
import dev.migrations.tenant.TenantsStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.DisposableBean;

/**
 * Micrometer gauges of the tenants: {@code migrations.tenants}, how many tenants are in each state,
 * one gauge per state (tag {@code state}: {@code UNREACHABLE}, {@code FAILED}, {@code MODIFIED},
 * {@code BEHIND}, {@code UP_TO_DATE}). Counted, not tagged by tenant, so the number of time series
 * does not grow with the tenants. The tenants as the {@link TenantsStatusCache} last read them; NaN before the
 * first read and while the tenants cannot be listed. Reading a gauge never touches the database: when that
 * status is older than the cache's time-to-live, the tenants are read again on a background thread (one read at
 * a time, at most one per time-to-live) and the gauges answer the last read meanwhile, so a scrape never waits
 * for a tenant's connection.
 */
public class MigrationsTenantsMetrics implements MeterBinder, DisposableBean {

	private final TenantsStatusCache status;

	private final BackgroundStatusRead read = new BackgroundStatusRead("migrations-tenants-metrics",
			"the tenants for the migrations.tenants gauge");

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
		// the first scrape finds the tenants read already, unless they are slow to answer
		readInBackgroundIfStale();
	}

	private double count(TenantState.State state) {
		TenantsStatus last = this.status.lastStatus();
		readInBackgroundIfStale();
		return (last != null) ? last.counts().getOrDefault(state, 0) : Double.NaN;
	}

	// one read at a time, on a thread of its own: the scrape answers at once with what was read before
	private void readInBackgroundIfStale() {
		this.read.readIfStale(this.status::isStale, this.status::status);
	}

	/** Stops the background reads; one under way is waited for ({@link BackgroundStatusRead#stop()}). */
	@Override
	public void destroy() {
		this.read.stop();
	}

}
