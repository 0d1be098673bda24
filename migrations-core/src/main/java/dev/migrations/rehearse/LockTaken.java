package dev.migrations.rehearse;

import java.time.Duration;

import dev.migrations.lint.LockMode;

/**
 * A lock a statement took, as {@code pg_locks} showed it.
 *
 * @param relation the locked table, index or sequence, schema-qualified
 * @param kind {@code table}, {@code index}, {@code sequence}, {@code view} or {@code materialized view}
 * @param mode the lock mode
 * @param newRelation whether the revision created the relation itself (no other session can be waiting for it)
 * @param held how long the upgrade would hold it: to the end of the revision's transaction for a
 * transactional revision, the statement's own time otherwise
 */
public record LockTaken(String relation, String kind, LockMode mode, boolean newRelation, Duration held) {

	/** Whether other sessions' reads or writes of an existing relation wait while it is held. */
	public boolean blocks() {
		return !this.newRelation && this.mode.blocksWrites();
	}

}
