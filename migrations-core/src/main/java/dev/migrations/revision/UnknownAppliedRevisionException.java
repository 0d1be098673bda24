package dev.migrations.revision;

import java.util.List;

/**
 * The database records revisions as applied that the revision graph does not contain: the database
 * is ahead of this code, or revision files were removed.
 */
public class UnknownAppliedRevisionException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final List<String> revisions;

	public UnknownAppliedRevisionException(List<String> revisions) {
		super("the database has " + (revisions.size() == 1 ? "revision " : "revisions ") + String.join(", ", revisions)
				+ " applied, which " + (revisions.size() == 1 ? "is" : "are")
				+ " not among this code's revisions: the database is ahead of this code, or revision files were"
				+ " removed; deploy the code that has them, or run `db stamp <revision>` to record a known"
				+ " revision as the database's state");
		this.revisions = List.copyOf(revisions);
	}

	/** The applied ids unknown to the graph, in the order they were applied. */
	public List<String> revisions() {
		return this.revisions;
	}

}
