package dev.migrations.boot.diagnostics;

import dev.migrations.runner.MigrationFailedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A statement of a revision failed during the startup upgrade. */
class MigrationFailedFailureAnalyzer extends AbstractFailureAnalyzer<MigrationFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationFailedException cause) {
		String where = (cause.line() > 0) ? cause.source() + " (line " + cause.line() + ")" : cause.source();
		String description = "The database was not upgraded to the end: revision " + cause.revision() + " failed"
				+ ((cause.statementNumber() > 0) ? " at statement " + cause.statementNumber() + ", " + where : " in " + where)
				+ ".\n\n" + cause.getMessage();
		String action;
		if (rolledBack(cause)) {
			action = "Revision " + cause.revision() + " was rolled back: nothing of it was applied and it is not recorded as applied,"
					+ " while the revisions before it stay applied. Fix it in " + where + " (editing it is safe, it never"
					+ " ran to the end) and start the application again, or apply it first with `db upgrade`."
					+ " `db upgrade --sql` prints the SQL that would run.";
		}
		else {
			action = "Revision " + cause.revision() + " ran outside a transaction: the statements before the failing one"
					+ " stay applied, and it stays recorded as not completed (the message above says how), which stops"
					+ " further upgrades. Finish or undo its statements by hand, then run `db stamp " + cause.revision()
					+ "` (finished) or `db stamp <parent>` (undone), and start the application again.";
		}
		return new FailureAnalysis(description, action, cause);
	}

	private static boolean rolledBack(MigrationFailedException cause) {
		String message = cause.getMessage();
		return message != null && message.contains("rolled back") && !message.contains("outside a transaction");
	}

}
