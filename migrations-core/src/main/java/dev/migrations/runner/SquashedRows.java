package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationsException;
import dev.migrations.revision.Revision;

/**
 * How the version table's rows read against squashed revisions
 * ({@link dev.migrations.revision.SquashedHistory}):
 * <ul>
 * <li>a database that recorded a squash is at the squash; rows of revisions it replaces are not
 * looked at;</li>
 * <li>a database that recorded the squash point (the last revision the squash replaces) is at the
 * squash too: its rows read as one row of the squash, applied when the point was. The first
 * command that takes the lock (upgrade, downgrade, stamp) makes that true in the table itself:
 * it deletes the replaced rows and records the squash, in one transaction, with a {@code SQUASH}
 * entry in the log, so later downgrades and stamps work on real rows;</li>
 * <li>a database that recorded some replaced revisions but not the point is in the middle of the
 * squashed history: its rows are left as they are (the facade's upgrade first runs the rest of the
 * replaced revisions, while their files exist).</li>
 * </ul>
 */
final class SquashedRows {

	private static final Logger logger = LoggerFactory.getLogger(SquashedRows.class);

	static final SquashedRows NONE = new SquashedRows(List.of());

	private final List<Revision> squashes;

	SquashedRows(List<Revision> squashes) {
		this.squashes = List.copyOf(squashes);
	}

	boolean isEmpty() {
		return this.squashes.isEmpty();
	}

	/** The rows as the graph reads them: see the class description. */
	List<AppliedRevision> translate(List<AppliedRevision> rows) {
		if (this.squashes.isEmpty() || rows.isEmpty()) {
			return rows;
		}
		Map<String, AppliedRevision> byId = new HashMap<>(rows.size() * 2);
		rows.forEach((row) -> byId.put(row.revision(), row));
		Set<String> dropped = new HashSet<>();
		Map<String, AppliedRevision> standIns = new HashMap<>();
		for (Revision squash : this.squashes) {
			String point = point(squash);
			AppliedRevision pointRow = byId.get(point);
			if (byId.containsKey(squash.id())) {
				dropped.addAll(squash.replaces());
			}
			else if (pointRow != null && pointRow.state() == AppliedRevision.State.APPLIED) {
				dropped.addAll(squash.replaces());
				standIns.put(point, standIn(squash, pointRow));
			}
		}
		if (dropped.isEmpty()) {
			return rows;
		}
		List<AppliedRevision> result = new ArrayList<>(rows.size());
		for (AppliedRevision row : rows) {
			AppliedRevision standIn = standIns.get(row.revision());
			if (standIn != null) {
				result.add(standIn);
			}
			else if (!dropped.contains(row.revision())) {
				result.add(row);
			}
		}
		return result;
	}

	/**
	 * The rows of a database in the middle of squashed histories (some replaced revisions recorded, neither the
	 * squash nor its point): each such row's revision with its squash, oldest first.
	 */
	Map<String, Revision> midway(List<AppliedRevision> rows) {
		if (this.squashes.isEmpty() || rows.isEmpty()) {
			return Map.of();
		}
		Map<String, AppliedRevision> byId = new HashMap<>(rows.size() * 2);
		rows.forEach((row) -> byId.put(row.revision(), row));
		Map<String, Revision> midway = new LinkedHashMap<>();
		for (Revision squash : this.squashes) {
			AppliedRevision pointRow = byId.get(point(squash));
			if (byId.containsKey(squash.id()) || (pointRow != null && pointRow.state() == AppliedRevision.State.APPLIED)) {
				// at the squash or past it (the usual case): nothing recorded is on the way
				continue;
			}
			for (String id : squash.replaces()) {
				if (byId.containsKey(id)) {
					midway.put(id, squash);
				}
			}
		}
		return midway;
	}

	/**
	 * The first squash of which the rows as stored hold replaced revisions without the squash itself: the database
	 * is at its point with the rows not yet recorded as the squash, or in the middle of its history; {@code null}
	 * when there is none.
	 */
	Revision storedWithoutSquash(List<AppliedRevision> rows) {
		if (this.squashes.isEmpty() || rows.isEmpty()) {
			return null;
		}
		Set<String> stored = new HashSet<>(rows.size() * 2);
		rows.forEach((row) -> stored.add(row.revision()));
		for (Revision squash : this.squashes) {
			if (stored.contains(squash.id())) {
				continue;
			}
			for (String id : squash.replaces()) {
				if (stored.contains(id)) {
					return squash;
				}
			}
		}
		return null;
	}

	private static AppliedRevision standIn(Revision squash, AppliedRevision point) {
		return new AppliedRevision(squash.id(), squash.downRevisions(), squash.message(), VersionTable.kind(squash),
				squash.source(), squash.checksum(), AppliedRevision.State.APPLIED, point.appliedSeq(), point.appliedAt(),
				point.executionMillis(), point.appliedBy(), null);
	}

	private static String point(Revision squash) {
		return squash.replaces().get(squash.replaces().size() - 1);
	}

	/**
	 * Under the lock: replaces the rows of a squashed history whose point is recorded by one row of
	 * the squash, in one transaction per squash.
	 * @param rawRows the rows as stored
	 */
	void record(Connection connection, VersionTable table, List<AppliedRevision> rawRows, Supplier<String> performedBy) {
		if (this.squashes.isEmpty() || rawRows.isEmpty()) {
			return;
		}
		Map<String, AppliedRevision> byId = new HashMap<>(rawRows.size() * 2);
		rawRows.forEach((row) -> byId.put(row.revision(), row));
		for (Revision squash : this.squashes) {
			AppliedRevision pointRow = byId.get(point(squash));
			if (byId.containsKey(squash.id()) || pointRow == null || pointRow.state() != AppliedRevision.State.APPLIED) {
				continue;
			}
			ExecutionTarget.Jdbc jdbc = new ExecutionTarget.Jdbc(connection);
			try {
				jdbc.begin();
				int removed = 0;
				for (String id : squash.replaces()) {
					if (byId.containsKey(id)) {
						jdbc.execute(table.delete(id));
						removed++;
					}
				}
				jdbc.execute(table.insert(squash, AppliedRevision.State.APPLIED, pointRow.executionMillis(),
						performedBy.get(), null));
				// in the point's place in the order of application, before the revisions applied after it
				jdbc.execute(SqlCommand.of("UPDATE " + table.qualifiedTable() + " SET applied_seq = ? WHERE revision = ?",
						pointRow.appliedSeq(), squash.id()));
				jdbc.execute(table.log(squash.id(), "SQUASH", "recorded in place of " + removed + " replaced revision(s) up to "
						+ point(squash) + ": " + squash.message(), squash.checksum(), 0, performedBy.get()));
				jdbc.commit();
				logger.info("Squash {} recorded in {} in place of the {} revisions it replaces (up to {})", squash.id(),
						table.qualifiedTable(), removed, point(squash));
			}
			catch (SQLException ex) {
				jdbc.rollback();
				throw new MigrationsException("Could not record squash " + squash.id() + " (" + squash.source() + ") in "
						+ table.qualifiedTable() + " in place of the revisions it replaces: " + ex.getMessage()
						+ ". Nothing was changed.", ex);
			}
		}
	}

}
