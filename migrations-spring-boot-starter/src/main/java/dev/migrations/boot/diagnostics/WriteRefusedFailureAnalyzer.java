package dev.migrations.boot.diagnostics;

import dev.migrations.runner.WriteRefusedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The startup upgrade could not create the version tables: the session is read-only, or the user migrations connect
 * as may not create them (the application's own user, which may only change rows).
 */
class WriteRefusedFailureAnalyzer extends AbstractFailureAnalyzer<WriteRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WriteRefusedException cause) {
		String message = cause.getMessage();
		int end = message.indexOf('\n');
		String first = (end < 0) ? message : message.substring(0, end);
		String description = "The database was not upgraded: " + Character.toLowerCase(first.charAt(0)) + first.substring(1);
		String action = (end < 0) ? "Connect migrations as a user that may change the schema (migrations.url,"
				+ " migrations.user and migrations.password), then start the application again."
				: message.substring(end + 1).strip();
		return new FailureAnalysis(description, action, cause);
	}

}
