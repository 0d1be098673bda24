package dev.migrations.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.migrations.Migrations;
import dev.migrations.MigrationsStatus;
import dev.migrations.RevisionInfo;
import dev.migrations.boot.drift.DriftReport;
import dev.migrations.boot.drift.DriftStatus;
import dev.migrations.boot.drift.MigrationsDriftMonitor;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.Assert;

/**
 * The {@code migrations} actuator endpoint: where the database stands against the revisions, and
 * the drift between the JPA entities and the database. Read-only: it offers no operation that
 * changes the database.
 * <p>
 * The revision state comes from a {@link MigrationsStatusCache}: one query on the version table per
 * time-to-live however many requests arrive, none once this application has changed nothing. Drift
 * is served from the {@link MigrationsDriftMonitor}'s last check and never computed here. The
 * response is built again only when the status or the drift report changed.
 * <p>
 * The response is an {@link OperationResponseBody}, so it is written by actuator's own JSON mapper
 * whatever the application configures for Jackson: {@code null} values are left out (a pending
 * revision has no {@code appliedAt}, a drift report has a {@code reason} only when unknown) and
 * instants are ISO-8601 strings. Over HTTP, {@link MigrationsEndpointWebExtension} writes each
 * response once per status and drift report and serves the same bytes until either changes.
 * <p>
 * The size of the response is bounded: a history of at most {@code revisionsListed} revisions
 * ({@code migrations.actuator.revisions-listed}, 100 by default) is listed whole; a longer one lists
 * every revision that is not applied and the newest applied ones up to that number, and counts the
 * applied ones left out in {@code revisionsNotListed} (left out of the JSON when every revision is
 * listed). {@link #migrations(boolean)} with {@code true} ({@code /actuator/migrations/revisions}
 * over HTTP) lists them all.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	static final String DRIFT_DISABLED = "Drift detection is disabled (migrations.drift.enabled=false).";

	private static final DriftReport DRIFT_DISABLED_REPORT = DriftReport.unknown(null, DRIFT_DISABLED);

	private final MigrationsStatusCache status;

	private final MigrationsDriftMonitor driftMonitor;

	/** The default of {@code migrations.actuator.revisions-listed}. */
	public static final int DEFAULT_REVISIONS_LISTED = 100;

	private final int revisionsListed;

	private volatile Response lastResponse;

	private final Object building = new Object();

	/**
	 * Creates an endpoint that reads the status from the database on every request.
	 * @param migrations the facade to ask for the status
	 * @param driftMonitor the source of the drift report, or {@code null} when drift detection is off
	 */
	public MigrationsEndpoint(Migrations migrations, MigrationsDriftMonitor driftMonitor) {
		this(new MigrationsStatusCache(migrations, Duration.ZERO), driftMonitor);
	}

	/**
	 * Creates an endpoint.
	 * @param status where to get the status from
	 * @param driftMonitor the source of the drift report, or {@code null} when drift detection is off
	 */
	public MigrationsEndpoint(MigrationsStatusCache status, MigrationsDriftMonitor driftMonitor) {
		this(status, driftMonitor, DEFAULT_REVISIONS_LISTED);
	}

	/**
	 * Creates an endpoint.
	 * @param status where to get the status from
	 * @param driftMonitor the source of the drift report, or {@code null} when drift detection is off
	 * @param revisionsListed how many revisions the response lists unless all are asked for: a longer
	 * history lists those not applied and the newest applied ones up to this number
	 */
	public MigrationsEndpoint(MigrationsStatusCache status, MigrationsDriftMonitor driftMonitor, int revisionsListed) {
		Assert.notNull(status, "'status' must not be null");
		Assert.isTrue(revisionsListed >= 0, "'revisionsListed' must not be negative");
		this.status = status;
		this.driftMonitor = driftMonitor;
		this.revisionsListed = revisionsListed;
	}

	/**
	 * Where the database stands, with at most {@code revisionsListed} revisions besides those not
	 * applied.
	 * @return the response
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		return response().descriptor();
	}

	/**
	 * Where the database stands.
	 * @param allRevisions whether to list every revision however long the history
	 * @return the response
	 */
	MigrationsDescriptor migrations(boolean allRevisions) {
		if (!allRevisions) {
			return migrations();
		}
		MigrationsStatus status = this.status.status();
		return describe(status, driftReport(this.driftMonitor), Integer.MAX_VALUE);
	}

	/**
	 * The response as JSON, written by {@code writer} once per status and drift report: the same
	 * bytes are returned (not copied: callers must not change them) until either changes.
	 * @param writer writes a response as JSON
	 * @return the JSON of {@link #migrations()}
	 */
	byte[] json(Function<MigrationsDescriptor, byte[]> writer) {
		Response response = response();
		byte[] json = response.json;
		if (json == null) {
			// written by one caller; the others arriving meanwhile wait for it rather than write it too
			synchronized (this.building) {
				json = response.json;
				if (json == null) {
					json = writer.apply(response.descriptor());
					response.json = json;
				}
			}
		}
		return json;
	}

	private Response response() {
		MigrationsStatus status = this.status.status();
		DriftReport drift = driftReport(this.driftMonitor);
		Response last = this.lastResponse;
		if (last != null && last.status() == status && last.drift() == drift) {
			return last;
		}
		synchronized (this.building) {
			last = this.lastResponse;
			if (last != null && last.status() == status && last.drift() == drift) {
				return last;
			}
			// a status read again that says the same (the common case, once per time-to-live) keeps the
			// response and its bytes
			Response response = (last != null && last.drift() == drift && last.status().equals(status))
					? last.readAgain(status) : new Response(status, drift, describe(status, drift, this.revisionsListed));
			this.lastResponse = response;
			return response;
		}
	}

	private static MigrationsDescriptor describe(MigrationsStatus status, DriftReport drift, int listed) {
		List<RevisionInfo> all = status.revisions();
		List<RevisionDescriptor> revisions;
		Integer notListed = null;
		if (all.size() <= listed) {
			revisions = all.stream().map(RevisionDescriptor::of).toList();
		}
		else {
			long notApplied = all.stream().filter((info) -> info.state() != RevisionInfo.State.APPLIED).count();
			long appliedListed = Math.max(0, listed - notApplied);
			revisions = new ArrayList<>();
			int left = 0;
			for (RevisionInfo info : all) {
				if (info.state() != RevisionInfo.State.APPLIED || appliedListed-- > 0) {
					revisions.add(RevisionDescriptor.of(info));
				}
				else {
					left++;
				}
			}
			notListed = left;
		}
		return new MigrationsDescriptor(status.current(), status.heads(), status.upToDate(), status.pending(), revisions,
				notListed, DriftDescriptor.of(drift));
	}

	static DriftReport driftReport(MigrationsDriftMonitor monitor) {
		return (monitor != null) ? monitor.report() : DRIFT_DISABLED_REPORT;
	}

	/** The last response, what it was built from, and its JSON once written. */
	private static final class Response {

		private final MigrationsStatus status;

		private final DriftReport drift;

		private final MigrationsDescriptor descriptor;

		private volatile byte[] json;

		Response(MigrationsStatus status, DriftReport drift, MigrationsDescriptor descriptor) {
			this.status = status;
			this.drift = drift;
			this.descriptor = descriptor;
		}

		/** This response for an equal status read again: the same descriptor and bytes. */
		Response readAgain(MigrationsStatus equalStatus) {
			Response response = new Response(equalStatus, this.drift, this.descriptor);
			response.json = this.json;
			return response;
		}

		MigrationsStatus status() {
			return this.status;
		}

		DriftReport drift() {
			return this.drift;
		}

		MigrationsDescriptor descriptor() {
			return this.descriptor;
		}

	}

	/**
	 * Where the database stands.
	 *
	 * @param current the applied revisions no other applied revision has as a parent
	 * @param heads the heads of the revision graph
	 * @param upToDate whether nothing is pending and nothing failed
	 * @param pending the revisions an upgrade to the heads would apply, in order
	 * @param revisions the revisions, newest first, with applied revisions that have no file first:
	 * every one, or in a long history those not applied and the newest applied ones
	 * @param revisionsNotListed how many applied revisions {@code revisions} leaves out; {@code null}
	 * (left out of the JSON) when it lists every revision
	 * @param drift the last drift check
	 */
	public record MigrationsDescriptor(List<String> current, List<String> heads, boolean upToDate, List<String> pending,
			List<RevisionDescriptor> revisions, Integer revisionsNotListed,
			DriftDescriptor drift) implements OperationResponseBody {

		public MigrationsDescriptor {
			current = List.copyOf(current);
			heads = List.copyOf(heads);
			pending = List.copyOf(pending);
			revisions = List.copyOf(revisions);
		}

		/**
		 * A response listing every revision.
		 * @param current the applied revisions no other applied revision has as a parent
		 * @param heads the heads of the revision graph
		 * @param upToDate whether nothing is pending and nothing failed
		 * @param pending the revisions an upgrade to the heads would apply, in order
		 * @param revisions every revision
		 * @param drift the last drift check
		 */
		public MigrationsDescriptor(List<String> current, List<String> heads, boolean upToDate, List<String> pending,
				List<RevisionDescriptor> revisions, DriftDescriptor drift) {
			this(current, heads, upToDate, pending, revisions, null, drift);
		}

	}

	/**
	 * One revision.
	 *
	 * @param revision its id
	 * @param downRevisions its parents' ids
	 * @param message its message
	 * @param state {@code APPLIED}, {@code PENDING}, {@code MODIFIED}, {@code MISSING_FILE} or
	 * {@code FAILED}
	 * @param appliedAt when it was applied; {@code null} (left out of the JSON) when pending
	 * @param executionMillis how long it took; {@code null} when pending
	 * @param checksum the checksum of its file (of what was applied when the file is missing)
	 * @param appliedChecksum for a {@code MODIFIED} revision, the checksum of what was applied; {@code null} (left
	 * out of the JSON) otherwise
	 * @param error for a {@code FAILED} revision, what the version table recorded: what failed and what to do, or how
	 * far a revision that never recorded completion got; {@code null} (left out of the JSON) otherwise
	 */
	public record RevisionDescriptor(String revision, List<String> downRevisions, String message,
			RevisionInfo.State state, Instant appliedAt, Long executionMillis, String checksum, String appliedChecksum,
			String error) {

		public RevisionDescriptor {
			downRevisions = List.copyOf(downRevisions);
		}

		/** A revision that did not fail. */
		public RevisionDescriptor(String revision, List<String> downRevisions, String message, RevisionInfo.State state,
				Instant appliedAt, Long executionMillis, String checksum, String appliedChecksum) {
			this(revision, downRevisions, message, state, appliedAt, executionMillis, checksum, appliedChecksum, null);
		}

		/** The descriptor of a revision as the status tells it. */
		public static RevisionDescriptor of(RevisionInfo info) {
			return new RevisionDescriptor(info.revision(), info.downRevisions(), info.message(), info.state(),
					info.appliedAt(), info.executionMillis(), info.checksum(),
					(info.state() == RevisionInfo.State.MODIFIED) ? info.appliedChecksum() : null,
					(info.state() == RevisionInfo.State.FAILED) ? info.error() : null);
		}

	}

	/**
	 * The last drift check.
	 *
	 * @param status {@code NONE}, {@code DETECTED} or {@code UNKNOWN}
	 * @param checkedAt when it finished; {@code null} before the first check
	 * @param differences what differs
	 * @param reason why the status is {@code UNKNOWN}; {@code null} otherwise
	 */
	public record DriftDescriptor(DriftStatus status, Instant checkedAt, List<DifferenceDescriptor> differences,
			String reason) {

		public DriftDescriptor {
			differences = List.copyOf(differences);
		}

		public static DriftDescriptor of(DriftReport report) {
			return new DriftDescriptor(report.status(), report.checkedAt(),
					report.differences().stream()
						.map((difference) -> new DifferenceDescriptor(difference.kind(), difference.object(),
								difference.detail()))
						.toList(),
					report.reason());
		}

	}

	/**
	 * One way the database differs from the entities.
	 *
	 * @param kind what differs, e.g. {@code COLUMN_MISSING}
	 * @param object the table or {@code table.column} concerned
	 * @param detail a sentence for humans
	 */
	public record DifferenceDescriptor(String kind, String object, String detail) {

	}

}
