package dev.migrations.boot.diagnostics;

import dev.migrations.TerminalText;
import dev.migrations.runner.FailedRevisionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A revision that ran outside a transaction did not complete, so nothing else may run. */
class FailedRevisionFailureAnalyzer extends AbstractFailureAnalyzer<FailedRevisionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FailedRevisionException cause) {
		String revisions = String.join(", ", cause.revisions());
		String description = "The database was not upgraded: revision" + ((cause.revisions().size() == 1) ? " " : "s ")
				+ revisions + (cause.mayBeRunningElsewhere()
						? " did not complete: it may be running in another process (this database's lock does not reach"
								+ " across processes), or its process died, and the database may be half-changed.\n\n"
						: " did not complete on an earlier run, and the database may be half-changed.\n\n")
				+ TerminalText.escape(cause.getMessage());
		String action = (cause.mayBeRunningElsewhere()
				? "If another instance is upgrading the database, wait for it to finish and start this one again. Otherwise f"
				: "F") + "inish or undo the revision's statements by hand, then record the outcome with the `db stamp`"
				+ " command given above for it (an upgrade and a downgrade that stopped half-way are recorded the other way"
				+ " round), and start the application again.";
		return new FailureAnalysis(description, action, cause);
	}

}
