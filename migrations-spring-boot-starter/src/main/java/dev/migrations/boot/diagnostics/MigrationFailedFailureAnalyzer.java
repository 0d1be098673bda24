package dev.migrations.boot.diagnostics;

import java.sql.SQLException;

import dev.migrations.TerminalText;
import dev.migrations.boot.JavaRevisionBeanException;
import dev.migrations.dialect.MariaDbDialect;
import dev.migrations.dialect.PostgresDialect;
import dev.migrations.runner.MigrationFailedException;

import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A statement of a revision failed during the startup upgrade. */
class MigrationFailedFailureAnalyzer extends AbstractFailureAnalyzer<MigrationFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationFailedException cause) {
		String where = (cause.line() > 0) ? cause.source() + " (line " + cause.line() + ")" : cause.source();
		String description = (cause.upgrade() ? "The database was not upgraded to the end: revision "
				: "The database was not downgraded to the end: the downgrade of revision ") + cause.revision() + " failed"
				+ ((cause.statementNumber() > 0) ? " at statement " + cause.statementNumber() + ", " + where : " in " + where)
				+ ".\n\n" + TerminalText.escape(cause.getMessage());
		String action;
		if (!cause.partlyApplied() && cause.upgrade() && stoppedBySession(cause)) {
			action = "Nothing of revision " + cause.revision() + " stayed applied (it was rolled back) and it is not recorded"
					+ " as applied, while the revisions before it stay applied. The statement itself may be right: the message"
					+ " above says what stopped it (a timeout, a read-only session, a privilege the user lacks, the session's"
					+ " end) and what to change; then upgrade again: start the application, or run `db upgrade`.";
		}
		else if (!cause.partlyApplied() && cause.upgrade()) {
			action = "Nothing of revision " + cause.revision() + " stayed applied (it was rolled back, or never started) and"
					+ " it is not recorded as applied, while the revisions before it stay applied. Fix it in " + where
					+ " (editing it is safe, it never ran to the end), then upgrade again: start the application, or run"
					+ " `db upgrade`. `db upgrade --sql` prints the SQL that would run."
					+ (askedForABeanInCreation(cause) ? " The revision needs a bean that waits for the upgrade it is part of"
							+ " (one that uses the database, taken from the application context while the revision ran): "
							+ JavaRevisionBeanException.ADVICE : "");
		}
		else if (!cause.partlyApplied()) {
			action = "Nothing of the downgrade of revision " + cause.revision() + " stayed (it was rolled back, or never"
					+ " started): the revision is still applied. Fix its downgrade section in " + where
					+ " and run `db downgrade` again.";
		}
		else if (!cause.recordedUnfinished()) {
			action = "Revision " + cause.revision() + " was rolled back and is not recorded as applied, but changes it made"
					+ " to tables without transactions (MyISAM, Aria) stay: the rollback cannot undo them. Undo them by hand"
					+ " as the message above says, then run `db " + (cause.upgrade() ? "upgrade" : "downgrade") + "` again"
					+ (cause.upgrade() ? " (or start the application)" : "") + ".";
		}
		else {
			action = "Revision " + cause.revision() + " ran outside a transaction: the statements before the failing one"
					+ " stay applied, and it is recorded as not completed, which stops further upgrades and downgrades."
					+ " Finish or undo its " + (cause.upgrade() ? "upgrade" : "downgrade") + " by hand, then record the"
					+ " outcome with the `db stamp` command the message above gives for that case.";
		}
		return new FailureAnalysis(description, action, cause);
	}

	/**
	 * Whether a Java revision asked the application context, while it ran, for a bean created after the upgrade (an
	 * {@code ObjectProvider<JdbcTemplate>}), which Spring reports as a bean currently in creation.
	 */
	private static boolean askedForABeanInCreation(MigrationFailedException cause) {
		for (Throwable error = cause.getCause(); error != null; error = error.getCause()) {
			if (error instanceof BeanCurrentlyInCreationException) {
				return true;
			}
		}
		return false;
	}

	/** Whether the session stopped the statement rather than a mistake of its own, as the dialects tell it. */
	private static boolean stoppedBySession(MigrationFailedException cause) {
		for (Throwable error = cause.getCause(); error != null; error = error.getCause()) {
			if (error instanceof SQLException sql) {
				return new PostgresDialect().stoppedBySession(sql, "db upgrade") != null
						|| new MariaDbDialect().stoppedBySession(sql, "db upgrade") != null;
			}
		}
		return false;
	}

}
