package dev.migrations.rehearse;

import java.time.Duration;
import java.util.List;

/**
 * One rehearsed revision.
 *
 * @param revision its id
 * @param message its message
 * @param source its file or class
 * @param transactional whether it runs in one transaction
 * @param statements its statements in order, up to the one that failed
 * @param commit how long its commit took (zero when rolled back)
 * @param time how long the whole revision took
 */
public record RevisionRehearsal(String revision, String message, String source, boolean transactional,
		List<StatementRehearsal> statements, Duration commit, Duration time) {

	public RevisionRehearsal {
		statements = List.copyOf(statements);
	}

	/** Whether a statement failed. */
	public boolean failed() {
		return this.statements.stream().anyMatch((s) -> s.error() != null);
	}

}
