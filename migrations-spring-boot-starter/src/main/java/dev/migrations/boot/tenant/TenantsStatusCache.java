package dev.migrations.boot.tenant;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import dev.migrations.TenantMigrations;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.tenant.TenantsStatus;

/**
 * The tenants' {@link TenantsStatus} for the endpoint and the health indicator, read at most once
 * per time-to-live (one query per tenant, {@code parallelism} at a time) by one caller at a time, and
 * read again at once after a run of this application. While it is read again after its time-to-live,
 * other callers get the previous status at once; when there is none yet, or after a run of this
 * application, they wait for the read and share its result. {@link #lastStatus()} and {@link #isStale()} never
 * touch the database, for a reader that must not wait (a metrics scrape).
 */
public class TenantsStatusCache {

	private final TenantMigrations tenants;

	private final long timeToLiveNanos;

	private final int listed;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile Snapshot snapshot;

	// null while nothing was read or the last read failed (the tenants could not be listed)
	private volatile TenantsStatus lastRead;

	public TenantsStatusCache(TenantMigrations tenants, Duration timeToLive, int listed) {
		this.tenants = tenants;
		this.timeToLiveNanos = Math.max(0, timeToLive.toNanos());
		this.listed = listed;
	}

	public TenantMigrations tenants() {
		return this.tenants;
	}

	public TenantsStatus status() {
		Snapshot current = this.snapshot;
		if (fresh(current)) {
			return current.status();
		}
		// expired, but no run of this application made it wrong: while another caller reads the tenants
		// again (seconds for a thousand of them), it is served as it is rather than making every request,
		// health probes included, wait for that read
		boolean stillCurrent = this.timeToLiveNanos > 0 && current != null && current.run() == this.tenants.lastRun();
		if (stillCurrent && !this.reading.tryLock()) {
			return current.status();
		}
		if (!stillCurrent) {
			this.reading.lock();
		}
		try {
			current = this.snapshot;
			if (fresh(current)) {
				return current.status();
			}
			long started = System.nanoTime();
			TenantRun run = this.tenants.lastRun();
			TenantsStatus status;
			try {
				status = this.tenants.status(TenantSelector.all(), this.listed);
			}
			catch (RuntimeException ex) {
				this.lastRead = null;
				throw ex;
			}
			this.snapshot = new Snapshot(status, started, run);
			this.lastRead = status;
			return status;
		}
		finally {
			this.reading.unlock();
		}
	}

	/**
	 * The status the last read returned, however old, without reading the tenants.
	 * @return the status, or {@code null} when nothing was read yet or the last read failed
	 */
	public TenantsStatus lastStatus() {
		return this.lastRead;
	}

	/**
	 * Whether {@link #status()} would read the tenants now (nothing read yet, the time-to-live passed, or a run of
	 * this application since). Never reads them.
	 * @return whether the status should be read again
	 */
	public boolean isStale() {
		return !fresh(this.snapshot);
	}

	private boolean fresh(Snapshot snapshot) {
		return snapshot != null && snapshot.run() == this.tenants.lastRun()
				&& System.nanoTime() - snapshot.readAt() < this.timeToLiveNanos;
	}

	private record Snapshot(TenantsStatus status, long readAt, TenantRun run) {
	}

}
