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
 * application, they wait for the read and share its result.
 */
public class TenantsStatusCache {

	private final TenantMigrations tenants;

	private final long timeToLiveNanos;

	private final int listed;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile Snapshot snapshot;

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
			TenantsStatus status = this.tenants.status(TenantSelector.all(), this.listed);
			this.snapshot = new Snapshot(status, started, run);
			return status;
		}
		finally {
			this.reading.unlock();
		}
	}

	private boolean fresh(Snapshot snapshot) {
		return snapshot != null && snapshot.run() == this.tenants.lastRun()
				&& System.nanoTime() - snapshot.readAt() < this.timeToLiveNanos;
	}

	private record Snapshot(TenantsStatus status, long readAt, TenantRun run) {
	}

}
