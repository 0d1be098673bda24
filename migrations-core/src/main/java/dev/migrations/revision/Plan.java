package dev.migrations.revision;

import java.util.List;
import java.util.Objects;

import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.sql.SqlSyntaxException;

/**
 * The revisions to apply or unapply, in the order to do it, to reach a target.
 *
 * @param steps the revisions, first to run first; for a downgrade, in the order to unapply them
 * @param target the target as given, e.g. {@code head} or {@code -1}
 */
public record Plan(List<Revision> steps, String target) {

	public Plan {
		steps = List.copyOf(steps);
		Objects.requireNonNull(target, "target");
	}

	/** The ids of {@link #steps()}, in order. */
	public List<String> ids() {
		return this.steps.stream().map(Revision::id).toList();
	}

	/**
	 * Fails, before anything runs, when a revision file to apply has an upgrade section with no
	 * statement (nothing but comments and whitespace), as a revision written by {@code db revision}
	 * and never filled in has: applying it would record a change that never happened. A merge
	 * revision (two or more down revisions) may be empty; so may a Java revision.
	 * @param syntax the lexical rules of the database, by which comments are told from statements
	 * @return this plan
	 * @throws RevisionFileException naming the file and the line of its {@code -- upgrade} marker
	 */
	public Plan requireUpgradeStatements(SqlSyntax syntax) {
		for (Revision revision : this.steps) {
			if (revision.downRevisions().size() < 2 && revision.body() instanceof Revision.SqlBody body
					&& isEmpty(body.upgrade(), syntax)) {
				throw new RevisionFileException(revision.source(), Math.max(body.upgradeLine() - 1, 0), "revision "
						+ revision.id() + " has an empty upgrade section (nothing but comments and whitespace), so"
						+ " applying it would change nothing: write its SQL after the `-- upgrade` line, or delete the"
						+ " file if the revision is not needed. Only a merge revision may be empty.");
			}
		}
		return this;
	}

	/**
	 * Refuses a downgrade through a revision whose downgrade section holds no statement while its upgrade
	 * does: removing its row would leave what its upgrade made, and the next upgrade fail on it. Checked for
	 * every step before any runs. A merge revision may be empty.
	 * @throws RevisionFileException naming the first such revision's file
	 */
	public Plan requireDowngradeStatements(SqlSyntax syntax) {
		for (Revision revision : this.steps) {
			if (revision.downRevisions().size() < 2 && revision.body() instanceof Revision.SqlBody body
					&& isEmpty(body.downgrade(), syntax) && !isEmpty(body.upgrade(), syntax)) {
				String parent = revision.downRevisions().isEmpty() ? "base" : revision.downRevisions().get(0);
				throw new RevisionFileException(revision.source(), Math.max(body.downgradeLine() - 1, 0), "revision "
						+ revision.id() + " cannot be downgraded: its downgrade section has no statement, so downgrading it"
						+ " would remove its row and leave what its upgrade made (the next upgrade would fail on it). Write"
						+ " its downgrade section, or, when there is truly nothing to undo, a statement saying so (SELECT 1;"
						+ " -- nothing to undo); to record the database at " + parent + " without running anything, use `db"
						+ " stamp " + parent + "`. Nothing was downgraded.");
			}
		}
		return this;
	}

	private static boolean isEmpty(String sql, SqlSyntax syntax) {
		if (sql.isBlank()) {
			return true;
		}
		try {
			return SqlSplitter.split(sql, syntax).isEmpty();
		}
		catch (SqlSyntaxException ex) {
			// not empty: running it reports what is wrong
			return false;
		}
	}

	/** Whether there is nothing to do. */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
