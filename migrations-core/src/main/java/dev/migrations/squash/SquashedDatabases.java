package dev.migrations.squash;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
		Set<String> recorded = new HashSet<>();
		for (AppliedRevision row : state.applied()) {
			recorded.add(row.revision());
		}
		List<CommandResult> results = new ArrayList<>();
		RevisionGraph unsquashed = null;
		for (Revision squash : history.squashes()) {
			List<String> done = squash.replaces().stream().filter(recorded::contains).toList();
			if (done.isEmpty()) {
				continue;
			}
			String point = squash.replaces().get(squash.replaces().size() - 1);
			List<String> toRun = squash.replaces().stream().filter((id) -> !recorded.contains(id)).toList();
			List<String> missing = toRun.stream().filter((id) -> !history.replacedRevisions().containsKey(id)).toList();
			if (!missing.isEmpty()) {
				throw new SquashException("The database recorded " + done.size() + " of the " + squash.replaces().size()
						+ " revisions squashed into " + squash.id() + " (" + squash.source() + "), up to "
						+ done.get(done.size() - 1) + ", but not the last, " + point + ". It must go on through the "
						+ toRun.size() + " replaced revision(s) after it, and the files of " + missing.size() + " of them are"
						+ " gone (first: " + missing.get(0) + "). Nothing was run. Put the replaced revision files back (e.g."
						+ " `git checkout <commit before their deletion> -- <revisions directory>`), run `db upgrade`, and delete"
						+ " them again afterwards; or, if this database's schema is known to match " + point + ", record that"
						+ " with `db stamp " + squash.id() + "`.");
			}
			if (unsquashed == null) {
				unsquashed = RevisionGraph.of(SquashedHistory.of(history.unsquashed()).revisions());
			}
			logger.info("The database is at {} in the middle of the history squashed into {}: applying the {} replaced"
					+ " revision(s) up to {} first", done.get(done.size() - 1), squash.id(), toRun.size(), point);
			results.add(migrators.apply(unsquashed).upgrade(point));
		}
		return results;
	}

}
