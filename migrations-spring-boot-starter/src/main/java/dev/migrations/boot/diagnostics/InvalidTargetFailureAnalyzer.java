package dev.migrations.boot.diagnostics;

import dev.migrations.boot.InvalidTargetException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** {@code migrations.target} is not a target the startup upgrade can reach. */
class InvalidTargetFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTargetException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTargetException cause) {
		String description = "The database was not upgraded: " + cause.getMessage();
		String action = "Set migrations.target to " + InvalidTargetException.ALLOWED + " (`db history` lists the"
				+ " revisions), or remove it to upgrade to the head. To go back, run `db downgrade` instead: the"
				+ " startup upgrade never unapplies revisions.";
		return new FailureAnalysis(description, action, cause);
	}

}
