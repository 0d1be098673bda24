package dev.migrations.revision;

import java.util.List;

/**
 * The database records revisions as applied that the revision graph does not contain: the database
 * is ahead of this code, or revision files were removed; or, when revisions of this code are not
 * applied either, the database went another way (a revision of another branch, such as a hotfix
 * applied from a release branch, or a revision deleted and generated again after a rebase).
 */
public class UnknownAppliedRevisionException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private static final int MAX_LISTED = 5;

	private final List<String> revisions;

	private final List<String> pending;

	public UnknownAppliedRevisionException(List<String> revisions) {
		this(revisions, List.of());
	}

	/**
	 * @param revisions the applied ids unknown to the graph, in the order they were applied
	 * @param pending the revisions of the graph not applied, in the order {@code db upgrade heads} would apply them
	 */
	public UnknownAppliedRevisionException(List<String> revisions, List<String> pending) {
		super(message(revisions, pending));
		this.revisions = List.copyOf(revisions);
		this.pending = List.copyOf(pending);
	}

	private static String message(List<String> revisions, List<String> pending) {
		boolean one = revisions.size() == 1;
		String unknown = "the database has " + (one ? "revision " : "revisions ") + String.join(", ", revisions)
				+ " applied, which " + (one ? "is" : "are") + " not among this code's revisions";
		if (pending.isEmpty()) {
			return unknown + ": the database is ahead of this code, or revision files were removed; deploy the code"
					+ " that has them, or run `db stamp <revision>` to record a known revision as the database's state";
		}
		return unknown + ", while this code's " + describe(pending) + (pending.size() == 1 ? " is" : " are")
				+ " not applied: the database went another way, by a revision of another branch (a hotfix applied from"
				+ " a release branch) or one whose file was deleted after it was applied (generated again after a"
				+ " rebase); bring " + (one ? "its file" : "their files") + " into this code (merge the branch that has "
				+ (one ? "it" : "them") + ") and join the heads with `db merge`, or restore the deleted file and `db"
				+ " downgrade` it before deleting it again, or run `db stamp <revision>` to record the revision the"
				+ " database matches";
	}

	private static String describe(List<String> pending) {
		String listed = String.join(", ", pending.subList(0, Math.min(MAX_LISTED, pending.size())));
		return (pending.size() == 1 ? "revision " : "revisions ") + listed
				+ (pending.size() > MAX_LISTED ? " and " + (pending.size() - MAX_LISTED) + " more" : "");
	}

	/** The applied ids unknown to the graph, in the order they were applied. */
	public List<String> revisions() {
		return this.revisions;
	}

	/**
	 * The revisions of this code not applied, in the order {@code db upgrade heads} would apply them: none
	 * when the database is only ahead of the code, some when it went another way.
	 */
	public List<String> pending() {
		return this.pending;
	}

}
