package dev.migrations.boot.actuate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.migrations.MigrationsStatus;
import dev.migrations.boot.drift.DriftReport;
import dev.migrations.boot.drift.DriftStatus;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import dev.migrations.revision.Revision;
import dev.migrations.runner.Direction;
import dev.migrations.runner.MigrationsListener;
import dev.migrations.runner.StepResult;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

/**
 * Micrometer metrics of migrations:
 * <ul>
 * <li>{@code migrations.revisions.applied} (counter): revisions upgraded by this process;</li>
 * <li>{@code migrations.upgrade.duration} (timer): one sample per upgrade that applied revisions (the
 * startup upgrade, or a {@code db upgrade} run in the process), from the first revision's start to the
 * last one's end;</li>
 * <li>{@code migrations.pending} (gauge): revisions pending as the last status read found them (the
 * {@link MigrationsStatusCache} shared with the endpoint and the health indicator); NaN before the first read
 * and while the last one failed (the database could not be read). Reading the gauge never touches the
 * database: when that status is older than the cache's time-to-live, the gauge asks for it to be read again on
 * a background thread (one read at a time) and answers the last one meanwhile, so a scrape never waits for a
 * connection, during an outage neither;</li>
 * <li>{@code migrations.drift.differences} (gauge): differences found by the last drift check; NaN
 * while drift is unknown.</li>
 * </ul>
 * As a {@link MigrationsListener} it counts from the startup upgrade on, which runs before the meter
 * registry exists; the meters read its counts once it is {@link #bindTo bound}.
 */
public class MigrationsMetrics implements MigrationsListener, MeterBinder, DisposableBean {

	private final Supplier<MigrationsStatusCache> status;

	private final Supplier<DriftReport> drift;

	private final AtomicLong applied = new AtomicLong();

	private final AtomicLong upgrades = new AtomicLong();

	private final AtomicLong upgradeNanos = new AtomicLong();

	private final ThreadLocal<Long> upgradeStart = new ThreadLocal<>();

	private final BackgroundStatusRead read = new BackgroundStatusRead("migrations-metrics",
			"the pending revisions for the migrations.pending gauge");

	/**
	 * Creates the metrics. Both suppliers are called only once the metrics are bound, so the metrics can be
	 * created before the facade they observe.
	 * @param status where the {@code migrations.pending} gauge takes the last status read from, and asks for it
	 * to be read again
	 * @param drift the last drift report, e.g. {@link MigrationsDriftMonitor#report()}
	 */
	public MigrationsMetrics(Supplier<MigrationsStatusCache> status, Supplier<DriftReport> drift) {
		Assert.notNull(status, "'status' must not be null");
		Assert.notNull(drift, "'drift' must not be null");
		this.status = status;
		this.drift = drift;
	}

	@Override
	public void starting(Direction direction, Revision revision, int index, int total) {
		if (direction == Direction.UPGRADE && index == 1) {
			this.upgradeStart.set(System.nanoTime());
		}
	}

	@Override
	public void finished(StepResult result, int index, int total) {
		if (result.direction() != Direction.UPGRADE) {
			return;
		}
		this.applied.incrementAndGet();
		Long start = this.upgradeStart.get();
		if (index == total && start != null) {
			this.upgradeStart.remove();
			this.upgradeNanos.addAndGet(System.nanoTime() - start);
			this.upgrades.incrementAndGet();
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("migrations.revisions.applied", this.applied, AtomicLong::doubleValue)
			.description("Revisions applied by upgrades in this process")
			.baseUnit("revisions")
			.register(registry);
		FunctionTimer
			.builder("migrations.upgrade.duration", this, (metrics) -> metrics.upgrades.get(),
					(metrics) -> metrics.upgradeNanos.get(), TimeUnit.NANOSECONDS)
			.description("Time taken by upgrades that applied revisions, the startup upgrade included")
			.register(registry);
		Gauge.builder("migrations.pending", this, MigrationsMetrics::pending)
			.description("Revisions not yet applied to the database")
			.baseUnit("revisions")
			.register(registry);
		Gauge.builder("migrations.drift.differences", this, MigrationsMetrics::driftDifferences)
			.description("Differences between the JPA entities and the database found by the last drift check")
			.register(registry);
		// the first scrape finds a status read already, unless the database is slow to answer
		readInBackgroundIfStale();
	}

	private double pending() {
		MigrationsStatus last = this.status.get().lastStatus();
		readInBackgroundIfStale();
		return (last != null) ? last.pending().size() : Double.NaN;
	}

	// one read at a time, on a thread of its own: the scrape answers at once with what was read before
	private void readInBackgroundIfStale() {
		MigrationsStatusCache cache = this.status.get();
		this.read.readIfStale(cache::isStale, cache::status);
	}

	/** Stops the background reads; one under way is waited for ({@link BackgroundStatusRead#stop()}). */
	@Override
	public void destroy() {
		this.read.stop();
	}

	private double driftDifferences() {
		DriftReport report = this.drift.get();
		return (report.status() == DriftStatus.UNKNOWN) ? Double.NaN : report.differences().size();
	}

}
