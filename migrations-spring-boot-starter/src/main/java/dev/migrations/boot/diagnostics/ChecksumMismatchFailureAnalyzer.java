package dev.migrations.boot.diagnostics;

import java.util.List;

import dev.migrations.runner.ChecksumMismatchException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Revision files were edited after they were applied. */
class ChecksumMismatchFailureAnalyzer extends AbstractFailureAnalyzer<ChecksumMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ChecksumMismatchException cause) {
		String revisions = String.join(", ", cause.revisions());
		String description = "The database was not upgraded: revision" + ((cause.revisions().size() == 1) ? " " : "s ")
				+ revisions + ((cause.revisions().size() == 1) ? " was" : " were")
				+ " modified after being applied (its checksum differs from the one recorded).\n\n" + cause.getMessage();
		String action = "Restore the applied content of " + revisions + " (e.g. `git checkout` the file) and put new"
				+ " changes in a new revision:\n\n    db revision -m \"...\"\n\n";
		List<String> unknown = cause.unknownApplied();
		if (!unknown.isEmpty()) {
			// a stamp with this code drops the rows of the revisions it has no file for
			boolean one = unknown.size() == 1;
			return new FailureAnalysis(description, action + "The database is also ahead of this code: it has "
					+ (one ? "revision " : "revisions ") + String.join(", ", unknown) + " applied, which this code has no"
					+ " file for (a newer release applied " + (one ? "it" : "them") + "), so `db stamp` with this code would"
					+ " un-record " + (one ? "it" : "them") + ". If the database already matches the edited file, record"
					+ " that with the release that has " + (one ? "it" : "them") + ", once its file has the same edit (its `db"
					+ " stamp` where the database is records its files' checksums), or set migrations.validate-checksums=false"
					+ " to skip this check.", cause);
		}
		action += "If the database already matches the edited file, record that with `db stamp "
				+ ((cause.stampTarget() != null && !cause.stampTarget().isEmpty()) ? cause.stampTarget() : "<the revision it is at>")
				+ "` (where the database is: every revision stays applied, and the files' checksums are recorded), or set"
				+ " migrations.validate-checksums=false to skip this check.";
		return new FailureAnalysis(description, action, cause);
	}

}
