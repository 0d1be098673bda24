package dev.migrations.boot.drift;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.migrations.diff.Difference;

/**
 * The result of one comparison of the JPA entities with the database.
 *
 * @param status whether they differ
 * @param checkedAt when the comparison finished; {@code null} before the first one
 * @param differences what differs, empty unless {@link DriftStatus#DETECTED}
 * @param reason why the status is {@link DriftStatus#UNKNOWN}; {@code null} otherwise
 */
public record DriftReport(DriftStatus status, Instant checkedAt, List<Difference> differences, String reason) {

	public DriftReport {
		Objects.requireNonNull(status, "status");
		differences = List.copyOf(differences);
	}

	/** The report before the first check has finished. */
	public static DriftReport notCheckedYet() {
		return new DriftReport(DriftStatus.UNKNOWN, null, List.of(),
				"Not checked yet: the first check runs once the application is ready.");
	}

	/** The report of a check that found the given differences (none means in sync). */
	public static DriftReport of(Instant checkedAt, List<Difference> differences) {
		return new DriftReport(differences.isEmpty() ? DriftStatus.NONE : DriftStatus.DETECTED, checkedAt, differences,
				null);
	}

	/** The report of a check that could not tell. */
	public static DriftReport unknown(Instant checkedAt, String reason) {
		return new DriftReport(DriftStatus.UNKNOWN, checkedAt, List.of(), reason);
	}

}
