package dev.migrations.boot.diagnostics;

import dev.migrations.baseline.FailedOtherToolMigrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The schema to adopt has a failed Flyway migration in its history. */
class FailedOtherToolMigrationFailureAnalyzer extends AbstractFailureAnalyzer<FailedOtherToolMigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FailedOtherToolMigrationException cause) {
		String description = "The database was not upgraded: " + cause.getMessage();
		String action = "The failed migration (" + String.join(", ", cause.history().failed()) + ") may have left the"
				+ " schema half-changed, so it is not taken as any revision (Flyway refuses to migrate in this state"
				+ " too). Finish or undo that migration by hand, then remove its failed row:\n\n"
				+ "    flyway repair                                  (or)\n"
				+ "    " + cause.repairStatement() + ";\n\n"
				+ "and start again. No property skips this check.";
		return new FailureAnalysis(description, action, cause);
	}

}
