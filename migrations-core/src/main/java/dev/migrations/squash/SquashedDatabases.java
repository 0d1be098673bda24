package dev.migrations.squash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.revision.MissingRevisionException;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.revision.SquashedHistory;
import dev.migrations.runner.AppliedRevision;
import dev.migrations.runner.CommandResult;
import dev.migrations.runner.DatabaseMigrator;
import dev.migrations.runner.DatabaseState;

/**
 * Databases against squashed histories. A database that recorded no replaced revision starts from
 * the squash; one that recorded the squash point (or the squash) is at the squash; one that recorded
 * some replaced revisions but not the point is in the middle: before it can be upgraded, it goes on
 * through the rest of the replaced revisions, up to the point, with the revision files as they were
 * before the squash. When some of those files were deleted, the upgrade is refused with what to do.
 */
public final class SquashedDatabases {

	private static final Logger logger = LoggerFactory.getLogger(SquashedDatabases.class);

	private SquashedDatabases() {
	}

	/**
	 * Moves a database in the middle of squashed histories to their squash points.
	 * @param history the revisions read, with their squashes
	 * @param state where the database stands (its rows as the version table reads them)
	 * @param migrators a migrator for the same database over another graph
	 * @return what ran, one result per squashed history the database was in the middle of
	 * @throws SquashException when a replaced revision still to run has no file
	 */
	public static List<CommandResult> catchUp(SquashedHistory history, DatabaseState state,
			Function<RevisionGraph, DatabaseMigrator> migrators) {
		if (!history.hasSquashes()) {
			return List.of();
		}
		Set<String> recorded = recorded(state);
		Map<String, List<String>> completed = completed(state);
		List<CommandResult> results = new ArrayList<>();
		for (Revision squash : history.squashes()) {
			List<String> replaced = squash.replaces();
			String point = replaced.get(replaced.size() - 1);
			if (!SquashedHistory.recordedAny(squash, recorded) || recorded.contains(squash.id()) || recorded.contains(point)) {
				continue;
			}
			List<String> toRun = SquashedHistory.remaining(squash, completed, history.replacedRevisions());
			if (toRun.isEmpty()) {
				continue;
			}
			List<String> done = replaced.stream().filter((id) -> !toRun.contains(id)).toList();
			List<String> missing = toRun.stream().filter((id) -> !history.replacedRevisions().containsKey(id)).toList();
			if (!missing.isEmpty()) {
				throw new SquashException("The database recorded " + done.size() + " of the " + replaced.size()
						+ " revisions squashed into " + squash.id() + " (" + squash.source() + "), but not the last, " + point
						+ ". It must go on through the " + toRun.size() + " replaced revision(s) it has not run, and the"
						+ " files of " + missing.size() + " of them are gone (first: " + missing.get(0) + "). Nothing was run."
						+ " Put the replaced revision files back (e.g. `git checkout <commit before their deletion> --"
						+ " <revisions directory>`), run `db upgrade`, and delete them again afterwards; or, if this database's"
						+ " schema is known to match " + point + ", record that with `db stamp " + squash.id() + "`.");
			}
			logger.info("The database is in the middle of the history squashed into {}: applying the {} replaced"
					+ " revision(s) it has not run, up to {}, first", squash.id(), toRun.size(), point);
			results.add(migrators.apply(graphFor(history, recorded)).upgrade(point));
		}
		return results;
	}

	/**
	 * The graph in which every revision a database recorded is known: the history itself when the database is
	 * not in the middle of one of its squashes, else the history as it was before them (and before the squashes
	 * those replaced, as deep as the database's rows go), whose files are kept beside the squash.
	 * @param history the revisions read, with their squashes
	 * @param recorded the revisions the database recorded
	 */
	public static RevisionGraph graphFor(SquashedHistory history, Set<String> recorded) {
		Revision squash = midwaySquash(history, recorded);
		try {
			SquashedHistory level = history;
			while (isMidway(level, recorded)) {
				level = SquashedHistory.of(level.unsquashed());
			}
			return RevisionGraph.of(level.revisions());
		}
		catch (MissingRevisionException ex) {
			if (squash == null) {
				throw ex;
			}
			List<String> replaced = squash.replaces();
			throw new SquashException("The database is in the middle of the history squashed into " + squash.id() + " ("
					+ squash.source() + "): it goes up and down through the replaced revision files, and the file of "
					+ ex.missingId() + " is gone. Nothing was run. Put the replaced revision files back (e.g. `git checkout"
					+ " <commit before their deletion> -- <revisions directory>`), run the command again, and delete them"
					+ " once the database is at " + squash.id() + " or beyond; or, if this database's schema is known to match "
					+ replaced.get(replaced.size() - 1) + ", record that with `db stamp " + squash.id() + "`.", ex);
		}
	}

	/** The squash whose history the database is in the middle of, {@code null} for none. */
	private static Revision midwaySquash(SquashedHistory history, Set<String> recorded) {
		for (Revision squash : history.squashes()) {
			List<String> replaced = squash.replaces();
			if (SquashedHistory.recordedAny(squash, recorded) && !recorded.contains(squash.id())
					&& !recorded.contains(replaced.get(replaced.size() - 1))) {
				return squash;
			}
		}
		return null;
	}

	/** Whether the database recorded some of the revisions a squash of the history replaces, but neither it nor its point. */
	public static boolean isMidway(SquashedHistory history, Set<String> recorded) {
		return midwaySquash(history, recorded) != null;
	}

	/** The revisions whose upgrade a database completed, with the parents recorded in their rows. */
	private static Map<String, List<String>> completed(DatabaseState state) {
		Map<String, List<String>> completed = new HashMap<>();
		for (AppliedRevision row : state.applied()) {
			if (row.state() != AppliedRevision.State.FAILED && row.state() != AppliedRevision.State.RUNNING) {
				completed.put(row.revision(), row.downRevisions());
			}
		}
		return completed;
	}

	/** The revisions a database recorded, as stored. */
	public static Set<String> recorded(DatabaseState state) {
		Set<String> recorded = new HashSet<>();
		for (AppliedRevision row : state.applied()) {
			recorded.add(row.revision());
		}
		return recorded;
	}

}
