package dev.migrations.boot.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.dialect.LockTimeoutException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Another instance held the migrations lock for longer than {@code migrations.lock-timeout}. */
class LockTimeoutFailureAnalyzer extends AbstractFailureAnalyzer<LockTimeoutException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LockTimeoutException cause) {
		String holder = (cause.holder() != null) ? cause.holder() : "another session";
		String description = "The database was not upgraded: the migrations lock stayed held by " + holder
				+ " for longer than migrations.lock-timeout.\n\n" + cause.getMessage();
		String action = "Another instance is probably upgrading this database: wait for it to finish, then start the"
				+ " application again (`db current` shows where the database stands). If that session is stuck, end it"
				+ " (" + endStatement(holder) + "). To wait longer, raise"
				+ " migrations.lock-timeout (e.g. migrations.lock-timeout=10m).";
		return new FailureAnalysis(description, action, cause);
	}

	// the holder as the dialects describe it: "pid 1234 (...)" on PostgreSQL, "connection 56 (...)" on MariaDB
	private static String endStatement(String holder) {
		Matcher pid = Pattern.compile("^pid (\\d+) ").matcher(holder);
		if (pid.find()) {
			return "SELECT pg_terminate_backend(" + pid.group(1) + ")";
		}
		Matcher connection = Pattern.compile("^connection (\\d+) ").matcher(holder);
		if (connection.find()) {
			return "KILL " + connection.group(1);
		}
		return "PostgreSQL: SELECT pg_terminate_backend(pid); MariaDB: KILL <id>";
	}

}
