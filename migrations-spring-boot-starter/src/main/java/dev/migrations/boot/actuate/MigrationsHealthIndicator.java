package dev.migrations.boot.actuate;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrations.Migrations;
import dev.migrations.MigrationsStatus;
import dev.migrations.RevisionInfo;
import dev.migrations.boot.MigrationsProperties;
import dev.migrations.boot.drift.DriftReport;
import dev.migrations.boot.drift.DriftStatus;
import dev.migrations.boot.drift.MigrationsDriftMonitor;

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The {@code migrations} health indicator: the status follows where the database stands against the
 * revisions and the last drift check, each state mapped to a configurable status (see
 * {@link MigrationsProperties.Health}); a revision recorded as failed is always {@code DOWN}, unless this
 * release has no file for it (a newer release's upgrade failed during a rolling deploy), which is mapped as
 * a missing one, as is drift over a database such a release upgraded. When
 * several states apply, the most severe status wins. The details list {@code current},
 * {@code pending}, {@code modified}, {@code missing}, {@code failed} and {@code drift}.
 * <p>
 * The status comes from a {@link MigrationsStatusCache} (at most one query on the version table per
 * time-to-live, shared with the endpoint); drift comes from memory. A database that cannot be read is
 * {@code DOWN}.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final MigrationsStatusCache status;

	private final MigrationsDriftMonitor driftMonitor;

	private final StatusMapping statuses;

	private final StatusAggregator aggregator;

	/**
	 * Creates an indicator that reads the status from the database on every call.
	 * @param migrations the facade to ask for the status
	 * @param driftMonitor the source of the drift report, or {@code null} when drift detection is off
	 * @param statuses the status of each state
	 * @param aggregator how to pick the most severe of several statuses
	 */
	public MigrationsHealthIndicator(Migrations migrations, MigrationsDriftMonitor driftMonitor, StatusMapping statuses,
			StatusAggregator aggregator) {
		this(new MigrationsStatusCache(migrations, Duration.ZERO), driftMonitor, statuses, aggregator);
	}

	/**
	 * Creates an indicator.
	 * @param status where to get the status from
	 * @param driftMonitor the source of the drift report, or {@code null} when drift detection is off
	 * @param statuses the status of each state
	 * @param aggregator how to pick the most severe of several statuses
	 */
	public MigrationsHealthIndicator(MigrationsStatusCache status, MigrationsDriftMonitor driftMonitor,
			StatusMapping statuses, StatusAggregator aggregator) {
		super("Could not read the migrations version table");
		Assert.notNull(status, "'status' must not be null");
		Assert.notNull(statuses, "'statuses' must not be null");
		Assert.notNull(aggregator, "'aggregator' must not be null");
		this.status = status;
		this.driftMonitor = driftMonitor;
		this.statuses = statuses;
		this.aggregator = aggregator;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		MigrationsStatus status = this.status.status();
		if (status == null) {
			// a test's mock of the facade (@MockitoBean Migrations, to keep the test from migrating): no database is
			// migrated, so there is nothing to be up or down about
			builder.unknown().withDetail("reason", "The Migrations bean gave no status (a mock?)");
			return;
		}
		DriftReport drift = MigrationsEndpoint.driftReport(this.driftMonitor);
		Set<Status> applying = new LinkedHashSet<>();
		applying.add(Status.UP);
		if (!status.pending().isEmpty()) {
			applying.add(this.statuses.pending());
		}
		if (!status.modified().isEmpty()) {
			applying.add(this.statuses.modified());
		}
		if (!status.missing().isEmpty()) {
			applying.add(this.statuses.missing());
		}
		if (drift.status() == DriftStatus.DETECTED) {
			// over a database a newer release upgraded, the differences are most likely that release's columns and
			// tables: they count as its revisions do
			applying.add(status.missing().isEmpty() ? this.statuses.drift() : this.statuses.missing());
		}
		if (!status.failed().isEmpty()) {
			// one this release has no file for is a newer release's (a rolling deploy whose upgrade failed): the
			// previous release's instances stay in service, as over the newer release's applied revisions
			Set<String> withoutFile = status.revisions().stream()
				.filter((revision) -> revision.source() == null)
				.map(RevisionInfo::revision)
				.collect(Collectors.toSet());
			for (String failed : status.failed()) {
				applying.add(withoutFile.contains(failed) ? this.statuses.missing() : Status.DOWN);
			}
		}
		builder.status(this.aggregator.getAggregateStatus(applying))
			.withDetail("current", status.current())
			.withDetail("pending", status.pending())
			.withDetail("modified", status.modified())
			.withDetail("missing", status.missing())
			.withDetail("failed", status.failed())
			.withDetail("drift", MigrationsEndpoint.DriftDescriptor.of(drift));
	}

	/**
	 * The health status of each state of the database.
	 *
	 * @param pending while revisions are pending
	 * @param modified while an applied revision's file changed
	 * @param missing while the database has revisions applied, or recorded as failed, that have no file
	 * @param drift while the entities and the database differ
	 */
	public record StatusMapping(Status pending, Status modified, Status missing, Status drift) {

		public StatusMapping {
			Assert.notNull(pending, "'pending' must not be null");
			Assert.notNull(modified, "'modified' must not be null");
			Assert.notNull(missing, "'missing' must not be null");
			Assert.notNull(drift, "'drift' must not be null");
		}

		/** The statuses configured under {@code migrations.health}. */
		public static StatusMapping of(MigrationsProperties.Health properties) {
			return new StatusMapping(status(properties.getPendingStatus()), status(properties.getModifiedStatus()),
					status(properties.getMissingStatus()), status(properties.getDriftStatus()));
		}

		private static Status status(String code) {
			return StringUtils.hasText(code) ? new Status(code.trim().toUpperCase(Locale.ROOT)) : Status.UP;
		}

	}

}
