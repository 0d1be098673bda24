package dev.migrations.boot.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import dev.migrations.Migrations;
import dev.migrations.MigrationsStatus;

import org.springframework.util.Assert;

/**
 * The {@link Migrations#status() status} shown by the {@code migrations} endpoint and health
 * indicator, read from the database at most once per time-to-live however many requests ask for it.
 * <p>
 * Only one caller at a time reads the database. A status read is reused for later callers until the
 * time-to-live has passed since the read started, and dropped at once when the {@link Migrations}
 * instance itself changes the database or its revisions ({@link Migrations#changeCount()}: an
 * upgrade, downgrade, stamp or create-db of this application, through the facade or the {@code db}
 * shell commands) or when {@link #invalidate()} is called. Changes made by other processes show once
 * the time-to-live has passed.
 * <p>
 * Callers arriving while the status is read again after its time-to-live get the previous status
 * (or failure) at once, so under load one request per time-to-live waits for the database, not
 * every request arriving during the read. Callers arriving while there is no status yet, or after
 * this application changed the database or {@link #invalidate()} was called, wait for the read and
 * share its result, failures included (so an unreachable database is waited for once, not once per
 * queued request). A time-to-live of zero reads the database on every call.
 * <p>
 * {@link #lastStatus()} and {@link #isStale()} never touch the database: they let a reader that must not wait
 * (a metrics scrape) show the last status read and have it read again elsewhere.
 */
public class MigrationsStatusCache {

	private final Migrations migrations;

	private final long timeToLiveMillis;

	private final Clock clock;

	private final ReentrantLock reading = new ReentrantLock();

	private final AtomicLong invalidations = new AtomicLong();

	private volatile Snapshot snapshot;

	/**
	 * Creates a cache timed by the system clock.
	 * @param migrations the facade to read the status from
	 * @param timeToLive how long a status is reused; zero (or negative) reads on every call
	 */
	public MigrationsStatusCache(Migrations migrations, Duration timeToLive) {
		this(migrations, timeToLive, Clock.systemUTC());
	}

	/**
	 * Creates a cache.
	 * @param migrations the facade to read the status from
	 * @param timeToLive how long a status is reused; zero (or negative) reads on every call
	 * @param clock the clock the time-to-live is measured with
	 */
	public MigrationsStatusCache(Migrations migrations, Duration timeToLive, Clock clock) {
		Assert.notNull(migrations, "'migrations' must not be null");
		Assert.notNull(timeToLive, "'timeToLive' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.migrations = migrations;
		this.timeToLiveMillis = Math.max(0, timeToLive.toMillis());
		this.clock = clock;
	}

	/**
	 * Where the database stands, read now or at most the time-to-live ago.
	 * @return the status
	 * @throws RuntimeException what reading the status threw, e.g. a
	 * {@link dev.migrations.MigrationsException} when the database cannot be read
	 */
	public MigrationsStatus status() {
		if (this.timeToLiveMillis == 0) {
			Snapshot read = read();
			this.snapshot = read;
			return read.status();
		}
		Snapshot seen = this.snapshot;
		if (seen != null && isFresh(seen)) {
			return seen.status();
		}
		// expired, but nothing this application did since makes it wrong: while another caller reads
		// the status again, it is served as it is rather than making every request wait for that read
		boolean stillCurrent = seen != null && isCurrent(seen);
		if (stillCurrent && !this.reading.tryLock()) {
			return seen.status();
		}
		if (!stillCurrent) {
			this.reading.lock();
		}
		try {
			Snapshot latest = this.snapshot;
			// read by another caller while this one waited for the lock: shared, however long it took
			if (latest != null && ((latest != seen && isCurrent(latest)) || isFresh(latest))) {
				return latest.status();
			}
			Snapshot read = read();
			this.snapshot = read;
			return read.status();
		}
		finally {
			this.reading.unlock();
		}
	}

	/**
	 * The status the last read returned, however old, without reading the database.
	 * @return the status, or {@code null} when nothing was read yet or the last read failed (the database could
	 * not be read)
	 */
	public MigrationsStatus lastStatus() {
		Snapshot seen = this.snapshot;
		return (seen != null) ? seen.read() : null;
	}

	/**
	 * Whether {@link #status()} would read the database now: nothing was read yet, the time-to-live has passed
	 * (always with a time-to-live of zero), or this application changed the database since. Never reads it.
	 * @return whether the status should be read again
	 */
	public boolean isStale() {
		Snapshot seen = this.snapshot;
		return seen == null || !isFresh(seen);
	}

	/**
	 * Drops the status read so far: the next call reads the database. For changes to the version
	 * table this application makes some other way than through its {@link Migrations} bean.
	 */
	public void invalidate() {
		this.invalidations.incrementAndGet();
	}

	private Snapshot read() {
		long changeCount = this.migrations.changeCount();
		long invalidations = this.invalidations.get();
		long readAt = this.clock.millis();
		try {
			return new Snapshot(this.migrations.status(), null, changeCount, invalidations, readAt);
		}
		catch (RuntimeException ex) {
			return new Snapshot(null, ex, changeCount, invalidations, readAt);
		}
	}

	private boolean isFresh(Snapshot snapshot) {
		long age = this.clock.millis() - snapshot.readAt();
		return age >= 0 && age < this.timeToLiveMillis && isCurrent(snapshot);
	}

	private boolean isCurrent(Snapshot snapshot) {
		return snapshot.changeCount() == this.migrations.changeCount()
				&& snapshot.invalidations() == this.invalidations.get();
	}

	/** One read of the status: what it returned or threw, and when it started. */
	private record Snapshot(MigrationsStatus read, RuntimeException failure, long changeCount, long invalidations,
			long readAt) {

		MigrationsStatus status() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.read;
		}

	}

}
