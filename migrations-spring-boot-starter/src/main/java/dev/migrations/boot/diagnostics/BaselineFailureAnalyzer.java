package dev.migrations.boot.diagnostics;

import dev.migrations.baseline.BaselineException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** {@code migrations.baseline} names no revision of the application. */
class BaselineFailureAnalyzer extends AbstractFailureAnalyzer<BaselineException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BaselineException cause) {
		String description = "The database was not upgraded: migrations.baseline=" + cause.baseline()
				+ " is not a revision of this application.\n\n" + cause.getMessage();
		String action = "Set migrations.baseline to the id (or a unique prefix of at least 4 characters) of the revision"
				+ " whose schema the database already has, as `db history` lists it, or to 'base' to run every revision"
				+ " over the existing tables. Remove it once the database records revisions: it is only read while none"
				+ " is recorded.";
		return new FailureAnalysis(description, action, cause);
	}

}
