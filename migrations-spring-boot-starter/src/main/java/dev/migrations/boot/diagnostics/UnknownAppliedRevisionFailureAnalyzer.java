package dev.migrations.boot.diagnostics;

import dev.migrations.revision.UnknownAppliedRevisionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The database records revisions this code does not have: it is ahead of the code. */
class UnknownAppliedRevisionFailureAnalyzer extends AbstractFailureAnalyzer<UnknownAppliedRevisionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownAppliedRevisionException cause) {
		boolean one = cause.revisions().size() == 1;
		String revisions = String.join(", ", cause.revisions());
		String description = "The database was not upgraded: it has revision" + (one ? " " : "s ") + revisions
				+ " applied, which " + (one ? "is" : "are") + " not among this application's revisions. The database is"
				+ " ahead of this code (a newer version was deployed to it), or revision files were removed.";
		String action = "Deploy the version of the application that contains " + revisions
				+ ", or restore the removed revision files. If the database really is at a revision this code knows,"
				+ " record it with:\n\n    db stamp <revision>";
		return new FailureAnalysis(description, action, cause);
	}

}
