package dev.migrations.boot.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.boot.DatabaseConnectionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Migrations could not connect to the database for the startup upgrade. */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseConnectionException> {

	private static final Pattern SERVER = Pattern.compile("//([^/?;]+)");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseConnectionException cause) {
		String description = "The database was not upgraded: migrations could not connect to it.\n\n" + cause.getMessage();
		String action;
		if (cause.isAuthenticationFailure()) {
			action = "The server rejected the login. Check the user and password migrations connect with:"
					+ " spring.datasource.username and spring.datasource.password, or migrations.user and"
					+ " migrations.password when migrations connect as a user of their own. Check also that the server"
					+ " lets this user connect from this host (PostgreSQL: pg_hba.conf; MariaDB: the user's host).";
		}
		else if (cause.isUnknownDatabase()) {
			action = "The server answered but has no database of that name: create it, or correct the database name in"
					+ " spring.datasource.url (or migrations.url).";
		}
		else if (cause.isDatabaseInUse()) {
			action = "Another process has this H2 database open: an embedded H2 file database is used by one process at"
					+ " a time (the application, a `db` command, an H2 console). Stop that process and try again, or add"
					+ " ;AUTO_SERVER=TRUE to the URL of every process using the file so that they share it (the migrations"
					+ " lock on H2 does not reach across processes: start one instance at a time).";
		}
		else {
			action = "Check that the database server is running and reachable from this host at " + server(cause.url())
					+ " (host name, port, firewall, Docker network or Kubernetes service), and the URL in"
					+ " spring.datasource.url (or migrations.url). If the database starts together with the application"
					+ " (Docker Compose, Kubernetes), let the startup wait for it, e.g. migrations.connect-retries=10"
					+ " (waits start at 1 s and double up to migrations.connect-retries-interval).";
		}
		return new FailureAnalysis(description, action, cause);
	}

	private static String server(String url) {
		Matcher address = (url != null) ? SERVER.matcher(url) : null;
		return (address != null && address.find()) ? address.group(1) : "the URL's host and port";
	}

}
