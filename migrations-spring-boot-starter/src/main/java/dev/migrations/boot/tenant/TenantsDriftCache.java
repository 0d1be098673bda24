package dev.migrations.boot.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import dev.migrations.TenantMigrations;
import dev.migrations.boot.drift.DriftReport;
import dev.migrations.boot.drift.DriftStatus;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift of one tenant at a time, for {@code /actuator/migrations/tenants/{name}}: the entities are
 * compared with that tenant's schema when it is asked for, and the report is reused for a
 * time-to-live. Bounded whatever the number of tenants: one comparison runs at a time (other callers
 * wait for it), and the reports of at most {@value #KEPT} tenants are kept, the least recently read
 * dropped first. Nothing is compared in the background: with many tenants a sweep of every schema
 * is {@code db check --tenant all}'s job.
 */
public class TenantsDriftCache {

	private static final Logger logger = LoggerFactory.getLogger(TenantsDriftCache.class);

	/** How many tenants' reports are kept. */
	static final int KEPT = 256;

	private final TenantMigrations tenants;

	private final String disabledReason;

	private final long timeToLiveNanos;

	private final Clock clock;

	private final ReentrantLock checking = new ReentrantLock();

	private final Map<String, Entry> reports = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
			return size() > KEPT;
		}

	};

	/**
	 * @param tenants the tenants
	 * @param disabledReason why drift is never checked (drift disabled, no entities), {@code null} when it is
	 * @param timeToLive how long a tenant's report is reused
	 */
	public TenantsDriftCache(TenantMigrations tenants, String disabledReason, Duration timeToLive) {
		this(tenants, disabledReason, timeToLive, Clock.systemUTC());
	}

	TenantsDriftCache(TenantMigrations tenants, String disabledReason, Duration timeToLive, Clock clock) {
		this.tenants = tenants;
		this.disabledReason = disabledReason;
		this.timeToLiveNanos = Math.max(0, timeToLive.toNanos());
		this.clock = clock;
	}

	/**
	 * The drift of a tenant that exists: the kept report while fresh, else a comparison now. Never
	 * throws: a comparison that fails is {@link DriftStatus#UNKNOWN} with the reason.
	 */
	public DriftReport report(String tenant) {
		if (this.disabledReason != null) {
			return DriftReport.unknown(null, this.disabledReason);
		}
		Entry kept = kept(tenant);
		if (kept != null) {
			return kept.report();
		}
		this.checking.lock();
		try {
			kept = kept(tenant);
			if (kept != null) {
				return kept.report();
			}
			DriftReport report;
			try {
				report = DriftReport.of(Instant.now(this.clock), this.tenants.check(tenant));
			}
			catch (RuntimeException | LinkageError ex) {
				logger.debug("Drift check of tenant {} failed", tenant, ex);
				report = DriftReport.unknown(Instant.now(this.clock), MigrationsDriftMonitor.reasonFor(ex));
			}
			synchronized (this.reports) {
				this.reports.put(tenant, new Entry(report, System.nanoTime()));
			}
			return report;
		}
		finally {
			this.checking.unlock();
		}
	}

	/** The fresh report kept for the tenant, {@code null} when there is none. */
	private Entry kept(String tenant) {
		synchronized (this.reports) {
			Entry kept = this.reports.get(tenant);
			return (kept != null && System.nanoTime() - kept.checkedAtNanos() < this.timeToLiveNanos) ? kept : null;
		}
	}

	private record Entry(DriftReport report, long checkedAtNanos) {
	}

}
