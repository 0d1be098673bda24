package dev.migrations.boot.diagnostics;

import dev.migrations.revision.MultipleHeadsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The startup target needs one head where the revisions have several (two branches were never merged). */
class MultipleHeadsFailureAnalyzer extends AbstractFailureAnalyzer<MultipleHeadsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MultipleHeadsException cause) {
		String heads = String.join(", ", cause.heads());
		String description = "The database was not upgraded: the revisions have " + cause.heads().size() + " heads ("
				+ heads + ") and the upgrade target (migrations.target) needs exactly one.\n\n" + cause.getMessage();
		String action = "Join the heads with a merge revision, then upgrade (start the application again, or run"
				+ " `db upgrade`):\n\n"
				+ "    db merge -m \"merge heads\"\n\n"
				+ "To upgrade every branch without merging, run `db upgrade heads`, or set migrations.target=heads for the"
				+ " startup upgrade.";
		return new FailureAnalysis(description, action, cause);
	}

}
