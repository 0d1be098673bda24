package dev.migrations.boot.diagnostics;

import dev.migrations.revision.UnknownAppliedRevisionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The database records revisions this code does not have: it is ahead of the code, or, with revisions of
 * this code pending too, it went another way (a hotfix of a release branch, a revision generated again
 * after a rebase).
 */
class UnknownAppliedRevisionFailureAnalyzer extends AbstractFailureAnalyzer<UnknownAppliedRevisionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownAppliedRevisionException cause) {
		boolean one = cause.revisions().size() == 1;
		String revisions = String.join(", ", cause.revisions());
		String applied = "The database was not upgraded: it has revision" + (one ? " " : "s ") + revisions
				+ " applied, which " + (one ? "is" : "are") + " not among this application's revisions.";
		if (!cause.pending().isEmpty()) {
			String pending = String.join(", ", cause.pending());
			String description = applied + " Revision" + (cause.pending().size() == 1 ? " " : "s ") + pending
					+ " of this application " + (cause.pending().size() == 1 ? "is" : "are") + " not applied either:"
					+ " the database went another way, by a revision of another branch (a hotfix applied from a"
					+ " release branch) or one whose file was deleted after it was applied (generated again after a"
					+ " rebase).";
			String action = "Bring the file" + (one ? " of " : "s of ") + revisions + " into this code (merge the"
					+ " branch that has " + (one ? "it" : "them") + "), join the heads it leaves with a merge revision,"
					+ " and deploy that:\n\n    db merge -m \"merge heads\"\n\nIf the file was deleted after it was"
					+ " applied, restore it, undo it with `db downgrade`, then delete it again. If the database really"
					+ " is at a revision this code knows, record it with:\n\n    db stamp <revision>";
			return new FailureAnalysis(description, action, cause);
		}
		if (cause.downgradeTo() != null) {
			String target = cause.downgradeTo().isEmpty() ? "base" : String.join(",", cause.downgradeTo());
			String action = "Run the downgrade with the release that has " + revisions + " (its application, or its"
					+ " revision files), then deploy this release:\n\n    java -jar <the newer release>.jar db downgrade "
					+ target + "\n\nWithout that release, `db stamp " + target + "` records the database at " + target
					+ " but undoes nothing of what " + revisions + " did: only when its schema is known to suit this"
					+ " release.";
			return new FailureAnalysis(cause.getMessage(), action, cause);
		}
		String description = applied + " The database is ahead of this code (a newer version was deployed to it), or"
				+ " revision files were removed.";
		String action = "Deploy the version of the application that contains " + revisions
				+ ", or restore the removed revision files. If the database really is at a revision this code knows,"
				+ " record it with:\n\n    db stamp <revision>\n\nWith every revision of this code applied, as here, the"
				+ " application starts on such a database (and `db upgrade` has nothing to do) unless"
				+ " migrations.fail-on-database-ahead=true.";
		return new FailureAnalysis(description, action, cause);
	}

}
