package dev.migrations;

import java.time.Instant;
import java.util.List;

/**
 * A revision as {@code db history}, {@code db show} and the actuator endpoint describe it.
 *
 * @param revision the id
 * @param downRevisions parent ids
 * @param message the message
 * @param source the file or class; {@code null} for an applied revision whose file is missing
 * @param branchLabels branch labels
 * @param dependsOn depends_on ids
 * @param head whether no revision has it as a parent
 * @param state its state in the database, {@code null} when no database is configured
 * @param appliedAt when it was applied, {@code null} when not applied
 * @param executionMillis how long it took, {@code null} when not applied
 * @param checksum the checksum of the file (or of what was applied when the file is missing)
 * @param appliedBy who applied it, {@code null} when not applied
 * @param appliedChecksum the checksum recorded when it was applied, {@code null} when not applied; differs from
 * {@code checksum} when the file changed since ({@link State#MODIFIED})
 * @param error for a {@link State#FAILED} revision, what the version table recorded: what failed and what to do, or
 * how far a revision that never recorded completion got; {@code null} otherwise
 */
public record RevisionInfo(String revision, List<String> downRevisions, String message, String source,
		List<String> branchLabels, List<String> dependsOn, boolean head, State state, Instant appliedAt,
		Long executionMillis, String checksum, String appliedBy, String appliedChecksum, String error) {

	public RevisionInfo {
		downRevisions = List.copyOf(downRevisions);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	/** A revision that did not fail. */
	public RevisionInfo(String revision, List<String> downRevisions, String message, String source, List<String> branchLabels,
			List<String> dependsOn, boolean head, State state, Instant appliedAt, Long executionMillis, String checksum,
			String appliedBy, String appliedChecksum) {
		this(revision, downRevisions, message, source, branchLabels, dependsOn, head, state, appliedAt, executionMillis,
				checksum, appliedBy, appliedChecksum, null);
	}

	/** A revision whose applied checksum is not known (or not applied). */
	public RevisionInfo(String revision, List<String> downRevisions, String message, String source, List<String> branchLabels,
			List<String> dependsOn, boolean head, State state, Instant appliedAt, Long executionMillis, String checksum,
			String appliedBy) {
		this(revision, downRevisions, message, source, branchLabels, dependsOn, head, state, appliedAt, executionMillis,
				checksum, appliedBy, null, null);
	}

	/** A revision's state in the database. */
	public enum State {

		/** Applied, and the file still has the applied content. */
		APPLIED,

		/** Not applied yet. */
		PENDING,

		/** Applied, but the file changed since. */
		MODIFIED,

		/** Applied, but no file or class for it exists in the configured locations. */
		MISSING_FILE,

		/** Ran outside a transaction and failed or did not finish; needs `db stamp` after fixing by hand. */
		FAILED

	}

}
