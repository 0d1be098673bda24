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

	private final List<String> downgradeTo;

	public UnknownAppliedRevisionException(List<String> revisions) {
		this(revisions, List.of());
	}

	/**
	 * @param revisions the applied ids unknown to the graph, in the order they were applied
	 * @param pending the revisions of the graph not applied, in the order {@code db upgrade heads} would apply them
	 */
	public UnknownAppliedRevisionException(List<String> revisions, List<String> pending) {
		this(message(revisions, pending), revisions, pending, null);
	}

	private UnknownAppliedRevisionException(String message, List<String> revisions, List<String> pending,
			List<String> downgradeTo) {
		super(message);
		this.revisions = List.copyOf(revisions);
		this.pending = List.copyOf(pending);
		this.downgradeTo = (downgradeTo != null) ? List.copyOf(downgradeTo) : null;
	}

	/**
	 * The same database met by a downgrade: when it is only ahead of this code (nothing of it pending), this
	 * code has no downgrade for the revisions it does not know, and the release that has them must run it.
	 * @param newestKnown the newest revisions of this code applied, where a downgrade with that release goes
	 * back to (empty for base)
	 */
	public UnknownAppliedRevisionException forDowngrade(List<String> newestKnown) {
		if (!this.pending.isEmpty()) {
			return this;
		}
		boolean one = this.revisions.size() == 1;
		String target = newestKnown.isEmpty() ? "base" : String.join(",", newestKnown);
		return new UnknownAppliedRevisionException("Cannot downgrade with this code: the database has "
				+ (one ? "revision " : "revisions ") + String.join(", ", this.revisions) + " applied, which " + (one ? "is" : "are")
				+ " not among this code's revisions (a newer release applied " + (one ? "it" : "them") + "), so it has no"
				+ " downgrade for " + (one ? "it" : "them") + ". Nothing was run. Downgrade with the release that has "
				+ (one ? "it" : "them") + ", to " + target + " (the newest revision of this code applied), then deploy this"
				+ " one.", this.revisions, this.pending, newestKnown);
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

	/**
	 * Where a downgrade refused for revisions this code does not know should go, run by the release that has
	 * them: the newest revisions of this code applied (empty for base); {@code null} when not refused to a
	 * downgrade, or when the database went another way.
	 */
	public List<String> downgradeTo() {
		return this.downgradeTo;
	}

}
