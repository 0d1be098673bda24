package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.Supplier;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintResult;
import dev.migrations.lint.Severity;
import dev.migrations.rehearse.RehearsalOptions;
import dev.migrations.rehearse.RehearsalReport;

/**
 * The {@code db} commands that check revisions before they reach a busy production database: {@code db
 * lint} and {@code db rehearse} (also {@code db upgrade --rehearse}), and the lint printed after
 * {@code db migrate}. Like {@link DbCommands}, nothing here depends on Spring Shell.
 */
final class SafetyCommands {

	private final Supplier<Migrations> migrations;

	private final RehearsalConnections connections;

	/**
	 * @param migrations the instance the commands run on
	 * @param connections how a rehearsal on a copy reaches the database, and which pools it may empty
	 */
	SafetyCommands(Supplier<Migrations> migrations, RehearsalConnections connections) {
		this.migrations = migrations;
		this.connections = connections;
	}

	DbCommand lint() {
		return DbCommand.named("lint")
			.description("Check revisions for statements that lock or rewrite busy tables: exit status 1 on errors")
			.usage("db lint [REVISION...] [--all]")
			.arguments("REVISION", "the revisions to lint, ids or prefixes (default: the pending revisions)")
			.flag("all", "lint every revision, applied or not")
			.completion(new DbCommand.Completion(false, null))
			.action((invocation, console) -> {
				LintOptions options = LintOptions.defaults();
				if (!invocation.arguments().isEmpty()) {
					if (invocation.flag("all")) {
						throw new DbCommand.UsageException("Give revisions or --all, not both");
					}
					options = options.revisions(invocation.arguments());
				}
				else if (invocation.flag("all")) {
					options = options.allRevisions();
				}
				LintResult result;
				try {
					result = this.migrations.get().lint(options);
				}
				catch (MigrationsException ex) {
					// named revisions or --all need no database: without one, the findings keep their default severity
					if (options.scope() == LintOptions.Scope.DEFAULT || !connectionFailure(ex)) {
						throw ex;
					}
					result = this.migrations.get().lint(options.useDatabase(false));
					console.out().println("Linted without the database, which could not be reached: the findings of the"
							+ " rules that depend on a table's size keep their default severity.");
				}
				console.out().print(result.toText());
				if (result.failed()) {
					return new Outcome(DbCommand.DIFFERENCES, "lint found " + result.count(Severity.ERROR)
							+ " error(s): rewrite the statements as each finding's `Safe:` line says, or turn a rule off for"
							+ " one revision with `-- lint: disable=<rule> <reason>`");
				}
				return Outcome.OK;
			});
	}

	/** Whether the database could not be reached (SQLState class 08, or a connection exception of JDBC's). */
	private static boolean connectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

	DbCommand rehearse() {
		return DbCommand.named("rehearse")
			.description("Run the pending revisions where nothing is kept and report time, locks and rows per statement")
			.usage("db rehearse [TARGET] [--rollback]")
			.argument("TARGET", "what an upgrade would go to (default: head)", false)
			.flag("rollback", "rehearse on the database itself in a transaction that is rolled back, not on a copy"
					+ " (transactional revisions only)")
			.completion(new DbCommand.Completion(true, null))
			.action((invocation, console) -> rehearse(invocation.argument(0, "head"), invocation.flag("rollback"),
					console.out()));
	}

	/** {@code db rehearse} and {@code db upgrade --rehearse}: exit status 2 when a statement failed. */
	Outcome rehearse(String target, boolean rollback, PrintWriter out) {
		Migrations migrations = this.migrations.get();
		RehearsalReport report;
		if (rollback) {
			report = migrations.rehearse(target, RehearsalOptions.rollback());
		}
		else {
			report = migrations.rehearse(target, this.connections.copy(migrations));
		}
		out.print(report.toText());
		if (report.failed()) {
			return Outcome.failed("the rehearsal failed: the upgrade to " + target + " would fail at the statement"
					+ " marked FAILED above; fix that revision, then run `db rehearse` again");
		}
		return Outcome.OK;
	}

	/**
	 * After {@code db migrate}: the lint findings of the revisions it wrote, if any (a lint that cannot
	 * run is not {@code db migrate}'s failure: its revisions are written).
	 */
	void printFindings(MigrateResult result, PrintWriter out) {
		if (!result.written()) {
			return;
		}
		List<String> written = result.files().stream().map(DbCommands::idOf).toList();
		LintResult lint;
		try {
			lint = this.migrations.get().lint(LintOptions.defaults().revisions(written));
		}
		catch (RuntimeException ex) {
			out.println("Lint did not run (" + DbCommand.describe(ex) + "): run `db lint` after fixing that.");
			return;
		}
		if (lint.findings().isEmpty()) {
			return;
		}
		out.println();
		out.println("Lint of the new revision" + (written.size() == 1 ? "" : "s") + ":");
		out.print(lint.toText());
	}

}
