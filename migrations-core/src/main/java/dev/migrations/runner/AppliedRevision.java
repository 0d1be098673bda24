package dev.migrations.runner;

import java.time.Instant;
import java.util.List;

/**
 * A row of the version table: a revision recorded as applied (or as failed half-way, for revisions
 * that could not run in a transaction).
 *
 * @param revision the revision id
 * @param downRevisions its parents when it was applied, kept so the history reads right even when the file is gone
 * @param message its message when it was applied
 * @param kind {@code SQL} or {@code JAVA}
 * @param source the file or class it came from
 * @param checksum the checksum when it was applied, {@code null} when not checked
 * @param state whether it completed
 * @param appliedSeq the order in which revisions were applied (1, 2, ...)
 * @param appliedAt when it was applied
 * @param executionMillis how long it took
 * @param appliedBy user and host that applied it
 * @param error for a failed revision, what failed and what to do; for one started outside a transaction, how far it
 * got (and for a downgrade, when and by whom it started)
 */
public record AppliedRevision(String revision, List<String> downRevisions, String message, String kind, String source,
		String checksum, State state, long appliedSeq, Instant appliedAt, long executionMillis, String appliedBy,
		String error) {

	public AppliedRevision {
		downRevisions = List.copyOf(downRevisions);
	}

	/**
	 * Whether the row records a revision started outside a transaction and not ended, without a failure: running
	 * now, or its process died. A failed upgrade is {@code FAILED}; a downgrade's note says, after a failure, what
	 * failed.
	 */
	public boolean underWay() {
		if (this.state == State.RUNNING) {
			return true;
		}
		return this.state == State.REVERTING && (this.error == null || !this.error.contains(" It failed:"));
	}

	/** Whether the revision's statements all ran. */
	public enum State {

		/** Completed. */
		APPLIED,

		/** Started outside a transaction and did not record completion (the process died, or it is running now). */
		RUNNING,

		/** Failed outside a transaction: some statements may have run. */
		FAILED,

		/**
		 * Its downgrade started outside a transaction and did not complete: it failed (the error says
		 * how) or the process died; some of its statements may have been undone.
		 */
		REVERTING

	}

}
