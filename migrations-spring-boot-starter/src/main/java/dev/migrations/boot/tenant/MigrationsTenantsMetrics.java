package dev.migrations.boot.tenant;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.migrations.tenant.TenantState;
import dev.migrations.tenant.TenantsStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger logger = LoggerFactory.getLogger(MigrationsTenantsMetrics.class);

	private static final int READ_UNDER_WAY_WAIT_SECONDS = 10;

	private final TenantsStatusCache status;

	private final AtomicBoolean reading = new AtomicBoolean();

	private volatile ExecutorService reader;

	private volatile boolean stopped;

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
		if (this.stopped || !this.status.isStale() || !this.reading.compareAndSet(false, true)) {
			return;
		}
		ExecutorService reader = reader();
		if (reader == null) {
			// stopped
			this.reading.set(false);
			return;
		}
		try {
			reader.execute(() -> {
				try {
					this.status.status();
				}
				catch (RuntimeException ex) {
					logger.debug("Could not read the tenants for the migrations.tenants gauge", ex);
				}
				finally {
					this.reading.set(false);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// stopping
			this.reading.set(false);
		}
	}

	private ExecutorService reader() {
		ExecutorService service = this.reader;
		if (service == null) {
			synchronized (this) {
				service = this.reader;
				if (service == null && !this.stopped) {
					service = Executors.newSingleThreadExecutor((task) -> {
						Thread thread = new Thread(task, "migrations-tenants-metrics");
						thread.setDaemon(true);
						return thread;
					});
					this.reader = service;
				}
			}
		}
		return service;
	}

	/**
	 * Stops the background reads. One under way is interrupted and waited for (at most
	 * {@value #READ_UNDER_WAY_WAIT_SECONDS} seconds): the connection pool, closed next, would otherwise break the
	 * connection under it, which the pool logs as a warning with a stack trace.
	 */
	@Override
	public void destroy() {
		ExecutorService service;
		synchronized (this) {
			this.stopped = true;
			service = this.reader;
		}
		if (service == null) {
			return;
		}
		service.shutdownNow();
		try {
			if (!service.awaitTermination(READ_UNDER_WAY_WAIT_SECONDS, TimeUnit.SECONDS)) {
				logger.debug("Stopped waiting for the read of the tenants for the migrations.tenants gauge under way");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
