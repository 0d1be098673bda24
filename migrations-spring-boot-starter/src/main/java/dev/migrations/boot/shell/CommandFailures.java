package dev.migrations.boot.shell;

import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.MigrationsException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The message command mode prints for a failure, in place of a stack trace: first the sentence that
 * says what went wrong and where (the tool's own message, naming the file, line or revision; or the
 * database's answer when it could not be reached), then what to do, taken from the starter's failure
 * analyzers when one knows the failure.
 */
final class CommandFailures {

	private CommandFailures() {
	}

	static String describe(Throwable failure) {
		String sentence = sentence(failure);
		String action = action(failure);
		return (action != null && !sentence.contains(action)) ? sentence + "\n" + action : sentence;
	}

	private static String sentence(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationsException) {
				return cause.getMessage();
			}
		}
		SQLException database = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				database = sql;
				break;
			}
		}
		if (database != null) {
			String state = (database.getSQLState() != null) ? database.getSQLState() : "";
			String message = database.getMessage();
			for (Throwable cause = database; cause != null; cause = cause.getCause()) {
				if (cause instanceof UnknownHostException) {
					message = "unknown host " + cause.getMessage();
				}
			}
			if (state.startsWith("08") || state.startsWith("28") || message.startsWith("unknown host")) {
				return "Could not connect to the database: " + message;
			}
			return "The database refused a statement: " + message;
		}
		return DbCommand.describe(failure);
	}

	private static String action(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
				if (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")
						|| cause.getCause() instanceof UnknownHostException) {
					return "Check spring.datasource.url, spring.datasource.username and spring.datasource.password (or"
							+ " migrations.url, migrations.user and migrations.password), and that the database server is"
							+ " running and reachable from this host.";
				}
			}
		}
		for (FailureAnalyzer analyzer : starterAnalyzers()) {
			try {
				FailureAnalysis analysis = analyzer.analyze(failure);
				if (analysis != null && analysis.getAction() != null && !analysis.getAction().isBlank()) {
					return analysis.getAction();
				}
			}
			catch (RuntimeException ex) {
				// an analyzer that cannot look at this failure has nothing to add
			}
		}
		return null;
	}

	/** The starter's own analyzers: they say what to do about the tool's failures. */
	private static List<FailureAnalyzer> starterAnalyzers() {
		return SpringFactoriesLoader.forDefaultResourceLocation(CommandFailures.class.getClassLoader())
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))
			.stream()
			.filter((analyzer) -> analyzer.getClass().getName().startsWith("dev.migrations."))
			.toList();
	}

}
