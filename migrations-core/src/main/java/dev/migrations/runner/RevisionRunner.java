package dev.migrations.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationsException;
import dev.migrations.Secrets;
import dev.migrations.dialect.Dialect;
import dev.migrations.revision.Revision;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.sql.SqlSyntaxException;

/**
 * Runs revisions against an {@link ExecutionTarget}, keeping the version table in step.
 * <p>
 * Where the database has transactional DDL, or the revision's statements are data statements only that
 * it can roll back (MariaDB, see {@link DataStatements}), and the revision allows it, a revision and its
 * version-table row commit together or not at all; a failure is rolled back and then written to the
 * log in a transaction of its own. Otherwise the row is written first as {@code RUNNING} (an upgrade)
 * or {@code REVERTING} (a downgrade, with when it started), then marked {@code APPLIED} or removed at
 * the end, or {@code FAILED} / {@code REVERTING} with the error when a statement fails (on a fresh
 * connection when the revision's one died), so the state after a crash or failure is recorded and
 * explained.
 */
final class RevisionRunner {

	/** PostgreSQL's active_sql_transaction: a statement that must run outside a transaction block. */
	private static final String NOT_IN_TRANSACTION = "25001";

	/** PostgreSQL's unsafe_new_enum_value_usage: a value ALTER TYPE ... ADD VALUE added, used before it commits. */
	private static final String UNSAFE_NEW_ENUM_VALUE = "55P04";

	/** PostgreSQL's invalid_transaction_termination: a COMMIT in a DO block or procedure called in a transaction. */
	private static final String INVALID_TERMINATION = "2D000";

	// PostgreSQL's out of shared memory, e.g. the lock table full
	private static final String OUT_OF_LOCKS = "53200";

	/** How many of the statements a failed revision outside a transaction applied its message names one by one. */
	private static final int APPLIED_SHOWN = 10;

	private static final Logger logger = LoggerFactory.getLogger(RevisionRunner.class);

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final ExecutionTarget target;

	private final String performedBy;

	private final MigrationsListener listener;

	private final FreshConnection fresh;

	/**
	 * Online, the {@code applied_seq} of the next version-table row: read from the table at the first
	 * row written, then counted on, so that a long upgrade does not scan the table for its maximum once
	 * per revision; {@code null} to read it again (at first, and after a row is removed). An offline
	 * script computes it in each insert.
	 */
	private Long nextSeq;

	RevisionRunner(Dialect dialect, VersionTable versionTable, ExecutionTarget target, String performedBy,
			MigrationsListener listener) {
		this(dialect, versionTable, target, performedBy, listener, null);
	}

	/**
	 * @param fresh opens another connection to record a failure when the revision's own connection
	 * died, {@code null} for none
	 */
	RevisionRunner(Dialect dialect, VersionTable versionTable, ExecutionTarget target, String performedBy,
			MigrationsListener listener, FreshConnection fresh) {
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.target = target;
		this.performedBy = performedBy;
		this.listener = listener;
		this.fresh = fresh;
	}

	/** Opens a new connection on which the version tables' qualified names resolve as on the revision's one. */
	@FunctionalInterface
	interface FreshConnection {

		Connection open() throws SQLException;

	}

	/** Where the command under way goes, for the command a failure advises; {@code null} for the command alone. */
	private String destination;

	/**
	 * The command that goes on after a failure: {@code db upgrade} or {@code db downgrade}, to where it was going
	 * when that was given ({@link #towards}).
	 */
	private String command(boolean upgrade) {
		return (upgrade ? "db upgrade" : "db downgrade") + ((this.destination != null) ? " " + this.destination : "");
	}

	/**
	 * Names where the command goes in the command a failure advises to run again: a revision or {@code base} rather
	 * than steps ({@code -2}), which would count again from where it stopped.
	 * @param destination a target of {@code db upgrade} or {@code db downgrade}, {@code null} for the command alone
	 * @return this runner
	 */
	RevisionRunner towards(String destination) {
		this.destination = destination;
		return this;
	}

	/** The statements of every step, split and checked before the first step runs (see {@link #checkAll}). */
	private Map<Revision, Checked> checked = Map.of();

	/**
	 * A step's statements in the direction it runs, and whether it runs in one transaction with its
	 * version-table row.
	 * @param statements {@code null} for a Java revision
	 */
	private record Checked(List<SqlStatement> statements, boolean inTransaction) {
	}

	/**
	 * Why the session reads a backslash in a string otherwise than revision files are split (see
	 * {@link Dialect#backslashesReadOtherwise}), {@code ""} when it reads them alike; read once per command, online;
	 * {@code null} until read.
	 */
	private String backslashesReadOtherwise;

	private String backslashesReadOtherwise() {
		if (this.backslashesReadOtherwise == null) {
			String otherwise = null;
			if (this.target instanceof ExecutionTarget.Jdbc jdbc) {
				try {
					otherwise = this.dialect.backslashesReadOtherwise(jdbc.connection());
				}
				catch (SQLException ex) {
					throw new MigrationsException("Could not read how the migrations' connection reads a backslash in a"
							+ " string: " + ex.getMessage(), ex);
				}
			}
			this.backslashesReadOtherwise = (otherwise != null) ? otherwise : "";
		}
		return this.backslashesReadOtherwise;
	}

	/** Applies the steps in order; stops at the first failure, keeping what was applied before it. */
	List<StepResult> upgrade(List<Revision> steps) {
		List<StepResult> results = new ArrayList<>();
		CommitDeferral deferral = new CommitDeferral();
		try {
			checkAll(steps, true);
			upgrade(steps, results, deferral);
		}
		catch (RuntimeException ex) {
			// whatever the failure left in the table, the next row is numbered from the table again
			this.nextSeq = null;
			throw ex;
		}
		finally {
			this.checked = Map.of();
			deferral.end();
		}
		return results;
	}

	/**
	 * Splits and checks every step's statements before the first step runs, so that a revision that could never
	 * run (a quote left open, a psql meta-command, its own {@code COMMIT}) stops the command before the revisions
	 * ahead of it are applied, not halfway through.
	 */
	private void checkAll(List<Revision> steps, boolean upgrade) {
		Map<Revision, Checked> all = new IdentityHashMap<>();
		this.backslashesReadOtherwise = null;
		String notRun = (steps.size() == 1) ? " Nothing of this revision was run."
				: " Nothing was run: the " + steps.size() + " revisions to " + (upgrade ? "apply" : "revert")
						+ " are all checked before the first one runs.";
		for (Revision revision : steps) {
			all.put(revision, check(revision, upgrade, notRun));
		}
		this.checked = all;
	}

	private void upgrade(List<Revision> steps, List<StepResult> results, CommitDeferral deferral) {
		for (int i = 0; i < steps.size(); i++) {
			Revision revision = steps.get(i);
			requireNotStopped(revision, i, steps.size(), true);
			this.listener.starting(Direction.UPGRADE, revision, i + 1, steps.size());
			long start = System.nanoTime();
			// a revision followed by another commits without waiting for the disk; set for the session
			// while such revisions follow each other, not per transaction, to save a round trip each
			deferral.defer(inTransaction(revision) && i < steps.size() - 1);
			if (inTransaction(revision)) {
				upgradeInTransaction(revision);
			}
			else {
				upgradeRecorded(revision);
			}
			StepResult result = new StepResult(Direction.UPGRADE, revision.id(), revision.message(), revision.source(),
					millisSince(start));
			results.add(result);
			this.listener.finished(result, i + 1, steps.size());
		}
	}

	/** Reverts the steps in order (each step's downgrade section or method). */
	List<StepResult> downgrade(List<Revision> steps) {
		try {
			checkAll(steps, false);
			return downgradeChecked(steps);
		}
		finally {
			this.checked = Map.of();
		}
	}

	private List<StepResult> downgradeChecked(List<Revision> steps) {
		List<StepResult> results = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			Revision revision = steps.get(i);
			requireNotStopped(revision, i, steps.size(), false);
			this.listener.starting(Direction.DOWNGRADE, revision, i + 1, steps.size());
			long start = System.nanoTime();
			if (revision.body() instanceof Revision.SqlBody body && body.downgrade().isBlank() && !body.upgrade().isBlank()
					&& this.target.online()) {
				logger.warn("Revision {} ({}) has no downgrade statements: only its version-table row is removed",
						revision.id(), revision.source());
			}
			if (inTransaction(revision)) {
				downgradeInTransaction(revision);
			}
			else {
				downgradeRecorded(revision);
			}
			StepResult result = new StepResult(Direction.DOWNGRADE, revision.id(), revision.message(), revision.source(),
					millisSince(start));
			results.add(result);
			this.listener.finished(result, i + 1, steps.size());
		}
		return results;
	}

	/**
	 * Starts no revision once the command's thread is interrupted: the process is shutting down (see
	 * {@link ShutdownGuard}), or the caller cancelled the command. What ran before stays applied and recorded.
	 */
	private void requireNotStopped(Revision next, int done, int total, boolean upgrade) {
		if (this.target.online() && Thread.currentThread().isInterrupted()) {
			MigrationsException stopped = new MigrationsException("Stopped before " + (upgrade ? "" : "the downgrade of ") + "revision " + next.id()
					+ " (" + next.source() + "): the command's thread was interrupted (the process is shutting down). "
					+ done + " of " + total + " revision" + (total == 1 ? "" : "s") + " " + (upgrade ? "applied" : "reverted")
					+ " and recorded; the rest were not started. Run `" + command(upgrade)
					+ "` again (or start the application again) to go on.");
			throw stopped;
		}
	}

	private boolean inTransaction(Revision revision) {
		return this.checked.get(revision).inTransaction();
	}

	/**
	 * Whether a revision whose section in the direction it runs has these statements ({@code null}: a Java
	 * revision) runs in one transaction with its version-table row: where the revision allows it
	 * ({@code transactional: false} does not) and the database can roll all of it back, which on one whose
	 * DDL commits implicitly means data statements only. A Java revision's statements are not known: there
	 * it runs outside a transaction, recorded as running.
	 */
	private boolean inTransaction(Revision revision, List<SqlStatement> statements) {
		if (!revision.transactional()) {
			return false;
		}
		if (this.dialect.supportsTransactionalDdl()) {
			return true;
		}
		return statements != null && this.dialect.supportsTransactionalData()
				&& DataStatements.allRollBack(statements, this.dialect.sqlSyntax());
	}

	private void upgradeInTransaction(Revision revision) {
		this.target.comment("");
		this.target.comment("Upgrade " + describe(revision));
		List<SqlStatement> statements = this.checked.get(revision).statements();
		long start = System.nanoTime();
		try {
			this.target.begin();
			SessionRestore session = sessionBefore(statements);
			runBody(revision, true, true, statements, null);
			restoreSession(session);
			Object millis = this.target.online() ? millisSince(start) : this.versionTable.elapsedInTransaction();
			// the row and the log entry go with the commit, in one exchange where the driver allows
			this.target.commit(List.of(row(revision, AppliedRevision.State.APPLIED, millis),
					this.versionTable.log(revision.id(), "UPGRADE", revision.message(), revision.checksum(), millis,
							this.performedBy)));
			countRow();
		}
		catch (SQLException ex) {
			this.target.rollback();
			MigrationsException failure = new MigrationsException("Could not commit revision " + revision.id() + " ("
					+ revision.source() + "): " + ex.getMessage() + ". The revision was rolled back; run `db upgrade` again.", ex);
			logRolledBack(revision, start, failure);
			throw failure;
		}
		catch (RuntimeException ex) {
			this.target.rollback();
			logRolledBack(revision, start, ex);
			throw ex;
		}
	}

	private void upgradeRecorded(Revision revision) {
		this.target.comment("");
		this.target.comment("Upgrade " + describe(revision) + " (not in a transaction)");
		List<SqlStatement> statements = this.checked.get(revision).statements();
		long start = System.nanoTime();
		tool(revision, row(revision, AppliedRevision.State.RUNNING, 0));
		countRow();
		SessionRestore session = sessionBeforeOutsideTransaction(revision, statements);
		try {
			// how far it got is noted between statements, unless they change the session's settings (the row's
			// update could then fail or reach another table)
			runBody(revision, true, false, statements, noteProgress(session, statements) ? "" : null);
		}
		catch (MigrationFailedException ex) {
			restoreQuietly(session);
			throw recordFailure(revision, true, ex, null);
		}
		restoreSessionOutsideTransaction(revision, session, true);
		// an offline script measures from the RUNNING row's applied_at, on the server, when it runs
		try {
			this.target.execute(this.versionTable.markApplied(revision,
					this.target.online() ? millisSince(start) : this.versionTable.elapsedSinceAppliedAt()));
		}
		catch (SQLException ex) {
			// e.g. the connection was lost after the last statement: what ran stays, the row says RUNNING
			throw new MigrationsException("Revision " + revision.id() + " (" + revision.source() + ") ran all its statements"
					+ " (outside a transaction), but recording it as applied in " + this.versionTable.qualifiedTable()
					+ " failed: " + ex.getMessage() + ". It stays recorded as RUNNING, and further upgrades and downgrades"
					+ " stop until it is resolved: its statements completed, so run `db stamp " + revision.id()
					+ "` once the database is reachable.", ex);
		}
		tool(revision, this.versionTable.log(revision.id(), "UPGRADE", revision.message(), revision.checksum(),
				this.target.online() ? millisSince(start) : this.versionTable.recordedMillis(revision.id()),
				this.performedBy));
	}

	private void downgradeInTransaction(Revision revision) {
		this.target.comment("");
		this.target.comment("Downgrade " + describe(revision));
		List<SqlStatement> statements = this.checked.get(revision).statements();
		long start = System.nanoTime();
		try {
			this.target.begin();
			SessionRestore session = sessionBefore(statements);
			runBody(revision, false, true, statements, null);
			restoreSession(session);
			this.target.commit(List.of(deletion(revision),
					this.versionTable.log(revision.id(), "DOWNGRADE", revision.message(), revision.checksum(),
							this.target.online() ? millisSince(start) : this.versionTable.elapsedInTransaction(),
							this.performedBy)));
		}
		catch (SQLException ex) {
			this.target.rollback();
			MigrationsException failure = new MigrationsException("Could not commit the downgrade of revision "
					+ revision.id() + " (" + revision.source() + "): " + ex.getMessage()
					+ ". It was rolled back; run `" + command(false) + "` again.", ex);
			logRolledBack(revision, start, failure);
			throw failure;
		}
		catch (RuntimeException ex) {
			this.target.rollback();
			logRolledBack(revision, start, ex);
			throw ex;
		}
	}

	private void downgradeRecorded(Revision revision) {
		this.target.comment("");
		this.target.comment("Downgrade " + describe(revision) + " (not in a transaction)");
		List<SqlStatement> statements = this.checked.get(revision).statements();
		long start = System.nanoTime();
		String started = this.target.online() ? "Its downgrade started at " + Instant.now() + " by " + this.performedBy + "."
				: "Its downgrade was started by an " + this.performedBy + ".";
		tool(revision, this.versionTable.markReverting(revision.id(), started));
		SessionRestore session = sessionBeforeOutsideTransaction(revision, statements);
		try {
			runBody(revision, false, false, statements, noteProgress(session, statements) ? started + " " : null);
		}
		catch (MigrationFailedException ex) {
			restoreQuietly(session);
			throw recordFailure(revision, false, ex, started);
		}
		restoreSessionOutsideTransaction(revision, session, false);
		deleteRow(revision);
		// an offline script has no start to measure a downgrade outside a transaction from: 0, not a made-up time
		tool(revision, this.versionTable.log(revision.id(), "DOWNGRADE", revision.message(), revision.checksum(),
				this.target.online() ? millisSince(start) : 0L, this.performedBy));
	}

	/**
	 * Records a revision that failed outside a transaction as {@code FAILED} (an upgrade) or as
	 * {@code REVERTING} with the error (a downgrade), and returns the failure with what was recorded
	 * and what to do next.
	 */
	private MigrationFailedException recordFailure(Revision revision, boolean upgrade, MigrationFailedException failure,
			String started) {
		String error = (started != null) ? started + " It failed:\n" + failure.getMessage() : failure.getMessage();
		SqlCommand mark = this.versionTable.markFailed(revision.id(), upgrade, error);
		SqlCommand log = this.versionTable.log(revision.id(), "FAILED", revision.message(), revision.checksum(), 0,
				this.performedBy);
		Recorded recorded = record(List.of(mark, log), failure);
		String state = upgrade ? "FAILED" : "REVERTING";
		String running = upgrade ? "RUNNING" : "REVERTING";
		String status = switch (recorded) {
			case YES -> "The revision is recorded as " + state + " in " + this.versionTable.qualifiedTable()
					+ " and further upgrades and downgrades stop until it is resolved.";
			case ROW_CHANGED -> "It was not recorded as " + state + ": its row in " + this.versionTable.qualifiedTable()
					+ " was no longer " + running + " (another session, e.g. `db stamp`, changed it after the revision's"
					+ " connection was lost), and what that session recorded stands: check with `db current` that it"
					+ " matches what the database holds.";
			case NO -> "Recording it as " + state + " in " + this.versionTable.qualifiedTable()
					+ " failed too (the database connection was lost), so it stays recorded as " + running
					+ " (started, never completed) and further upgrades and downgrades stop until it is resolved.";
		};
		MigrationFailedException recordedFailure = new MigrationFailedException(failure.getMessage()
				+ followedBy(failure.getMessage(), " " + status) + " " + recovery(revision, upgrade) + invalidIndexesLeft(),
				failure.revision(), failure.source(), failure.statementNumber(), failure.line(), failure.sql(),
				failure.getCause(), upgrade, true);
		for (Throwable suppressed : failure.getSuppressed()) {
			recordedFailure.addSuppressed(suppressed);
		}
		return recordedFailure;
	}

	/**
	 * Writes a failure of a revision that was rolled back to the log, in a transaction of its own, so
	 * the log has every failure; never hides the failure itself.
	 */
	private void logRolledBack(Revision revision, long startNanos, Exception failure) {
		if (!this.target.online()) {
			return;
		}
		record(List.of(this.versionTable.log(revision.id(), "FAILED", revision.message(), revision.checksum(),
				millisSince(startNanos), this.performedBy)), failure);
	}

	/** What recording a failure came to. */
	private enum Recorded {

		YES,

		/** The first statement, an update conditional on the row's state, found it changed by another session. */
		ROW_CHANGED,

		/** Neither the revision's connection nor a new one could run the statements. */
		NO

	}

	/**
	 * Runs the tool's statements on the revision's connection, or on a fresh one when that one fails
	 * (it may have died with the revision).
	 */
	private Recorded record(List<SqlCommand> commands, Exception failure) {
		try {
			return record(this.target, commands);
		}
		catch (SQLException ex) {
			if (this.fresh == null) {
				failure.addSuppressed(ex);
				return Recorded.NO;
			}
			logger.debug("Could not record the failure on the revision's connection, trying a new one", ex);
		}
		try (Connection connection = this.fresh.open()) {
			connection.setAutoCommit(true);
			return record(new ExecutionTarget.Jdbc(connection), commands);
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
			return Recorded.NO;
		}
	}

	private static Recorded record(ExecutionTarget target, List<SqlCommand> commands) throws SQLException {
		boolean changed = true;
		for (SqlCommand command : commands) {
			int rows = target.execute(command);
			if (command == commands.get(0) && rows == 0) {
				changed = false;
			}
		}
		return changed ? Recorded.YES : Recorded.ROW_CHANGED;
	}

	/**
	 * How to put back the session's settings after a revision that may change them for the rest of the session
	 * ({@link SessionSettings}): online, the settings read before it; in a PostgreSQL script, a reset after it (a
	 * script cannot read them). {@code null} when the revision cannot change them, or on another database.
	 */
	private SessionRestore sessionBefore(List<SqlStatement> statements) throws SQLException {
		return sessionBefore(statements, false);
	}

	/**
	 * @param outsideTransaction whether the revision runs outside a transaction, where one it opened and left open
	 * ends with it: committed when it completed, as each of its statements is, else rolled back
	 */
	private SessionRestore sessionBefore(List<SqlStatement> statements, boolean outsideTransaction) throws SQLException {
		SqlSyntax syntax = this.dialect.sqlSyntax();
		if (syntax != SqlSyntax.POSTGRESQL && syntax != SqlSyntax.MARIADB || !SessionSettings.mayChange(statements, syntax)) {
			return null;
		}
		if (this.target instanceof ExecutionTarget.Script script && statements != null && syntax == SqlSyntax.POSTGRESQL) {
			boolean role = SessionSettings.changesRole(statements);
			boolean user = SessionSettings.changesSessionUser(statements);
			return (completed) -> script.resetSession(role, user);
		}
		if (this.target instanceof ExecutionTarget.Jdbc jdbc) {
			Map<String, String> before = SessionSettings.read(jdbc.connection(), syntax);
			return (completed) -> {
				if (outsideTransaction) {
					SessionSettings.endTransaction(jdbc.connection(), syntax, completed);
				}
				SessionSettings.restore(jdbc.connection(), before, syntax);
			};
		}
		return null;
	}

	/**
	 * Whether how far a revision outside a transaction got is noted in its row between its statements: not when they
	 * may change the session's settings (the row's update could then fail or reach another table).
	 */
	private boolean noteProgress(SessionRestore session, List<SqlStatement> statements) {
		return session == null || !SessionSettings.mayChangeSettings(statements, this.dialect.sqlSyntax());
	}

	/** Puts the settings a revision changed back, before the tool's own statements run on the session. */
	@FunctionalInterface
	private interface SessionRestore {

		/** @param completed whether the revision completed, rather than failed */
		void restore(boolean completed) throws SQLException;

	}

	private static void restoreSession(SessionRestore restore) throws SQLException {
		if (restore != null) {
			restore.restore(true);
		}
	}

	private SessionRestore sessionBeforeOutsideTransaction(Revision revision, List<SqlStatement> statements) {
		try {
			return sessionBefore(statements, true);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the session's settings before revision " + revision.id() + " ("
					+ revision.source() + "), which changes some: " + ex.getMessage(), ex);
		}
	}

	private void restoreSessionOutsideTransaction(Revision revision, SessionRestore before, boolean upgrade) {
		try {
			restoreSession(before);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Revision " + revision.id() + " (" + revision.source() + ") ran, but the session"
					+ " settings it changed could not be put back: " + ex.getMessage() + ". It stays recorded as not"
					+ " completed. " + recovery(revision, upgrade), ex);
		}
	}

	private void restoreQuietly(SessionRestore before) {
		try {
			if (before != null) {
				before.restore(false);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not put the session's settings back after a failed revision", ex);
		}
	}

	/**
	 * @param progressNote for a revision recorded before it runs (outside a transaction), what its row's
	 * {@code error} column says before the progress this adds between statements; {@code null} for none
	 */
	private void runBody(Revision revision, boolean upgrade, boolean inTransaction, List<SqlStatement> statements,
			String progressNote) {
		if (revision.body() instanceof Revision.SqlBody) {
			runSql(revision, statements, upgrade, inTransaction, progressNote);
		}
		else if (revision.body() instanceof Revision.JavaBody body) {
			runJava(revision, body, upgrade, inTransaction);
		}
	}

	/**
	 * The statements of a SQL revision's section ({@code null} for a Java revision), split and checked
	 * before anything of the revision runs or is recorded: a section that cannot be split, or that
	 * ends or opens a transaction itself, fails with nothing of the revision run.
	 */
	private Checked check(Revision revision, boolean upgrade, String notRun) {
		if (!(revision.body() instanceof Revision.SqlBody body)) {
			return new Checked(null, inTransaction(revision, null));
		}
		String script = upgrade ? body.upgrade() : body.downgrade();
		int firstLine = upgrade ? body.upgradeLine() : body.downgradeLine();
		String section = upgrade ? "upgrade" : "downgrade";
		String otherwise = (script.indexOf('\\') >= 0) ? backslashesReadOtherwise() : "";
		if (!otherwise.isEmpty()) {
			int line;
			try {
				line = SqlSplitter.lineOfBackslashInString(script, this.dialect.sqlSyntax(), Math.max(firstLine, 1));
			}
			catch (SqlSyntaxException ex) {
				// a mistake of another kind, which splitting reports below
				line = 0;
			}
			if (line > 0) {
				throw new MigrationFailedException(revision.source() + ":" + line + ": the " + section + " section has a"
						+ " backslash in " + otherwise + notRun, revision.id(), revision.source(), 0, line, null, null, upgrade,
						false);
			}
		}
		List<SqlStatement> statements;
		try {
			statements = SqlSplitter.split(script, this.dialect.sqlSyntax(), Math.max(firstLine, 1));
		}
		catch (MigrationsException ex) {
			int line = (ex instanceof SqlSyntaxException syntax) ? syntax.line() : 0;
			throw new MigrationFailedException(revision.source() + (line > 0 ? ":" + line : "") + ": the " + section
					+ " section cannot be split into statements: " + ex.getMessage() + "." + notRun,
					revision.id(), revision.source(), 0, line, null, ex, upgrade, false);
		}
		boolean inTransaction = inTransaction(revision, statements);
		Refusal refusal = Refusal.first(statements, upgrade, this.dialect.sqlSyntax(), inTransaction,
				revision.transactional());
		if (refusal != null) {
			throw new MigrationFailedException("Revision " + revision.id() + " (" + revision.source() + ") cannot run: "
					+ refusal.reason() + notRun, revision.id(), revision.source(), refusal.number(),
					refusal.statement().line(), refusal.statement().sql(), null, upgrade, false);
		}
		return new Checked(statements, inTransaction);
	}

	private void runSql(Revision revision, List<SqlStatement> statements, boolean upgrade, boolean inTransaction,
			String progressNote) {
		boolean progress = progressNote != null && this.target.online() && statements.size() > 1;
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			if (progress && i > 0) {
				// each statement commits on its own: the row says how far the revision got, for a process that dies
				// before it records the outcome; a note that cannot be written (a statement changed the role or the
				// database) is not a failure of the revision
				try {
					this.target.execute(this.versionTable.markProgress(revision.id(), upgrade, progressNote
							+ progress(i, statements.size(), statement.line(), statement.sql())));
				}
				catch (SQLException ex) {
					logger.debug("Could not note the progress of revision {}: {}", revision.id(), ex.getMessage());
					progress = false;
				}
			}
			try {
				this.target.execute(statement.sql());
			}
			catch (SQLException ex) {
				int line = statement.line();
				// rolled back before the message is written, which says whether that undid everything
				boolean undone = !inTransaction || this.target.rollback();
				throw new MigrationFailedException(failureMessage(revision, upgrade, i + 1, statements, line,
						statement.sql(), ex, inTransaction, undone), revision.id(), revision.source(), i + 1, line,
						Secrets.maskSql(statement.sql()), ex, upgrade, !inTransaction && i > 0 || !undone, !inTransaction && i > 0);
			}
		}
	}

	private void runJava(Revision revision, Revision.JavaBody body, boolean upgrade, boolean inTransaction) {
		try {
			this.target.runJava(body.implementation(), upgrade);
		}
		catch (MigrationsException ex) {
			throw ex;
		}
		catch (Exception | StackOverflowError | AssertionError | LinkageError ex) {
			// errors of the revision's own code too (recursion, an assert, a missing class), not of the JVM
			String state = inTransaction ? "It was rolled back: nothing of it was applied. " + javaAdvice(ex, upgrade)
					: "It ran outside a transaction, so part of it may have been applied.";
			throw new MigrationFailedException("Revision " + revision.id() + " (" + revision.source() + ") failed in its "
					+ (upgrade ? "upgrade" : "downgrade") + ": " + Secrets.maskSql(ex.toString()) + ". " + state, revision.id(), revision.source(), 0, 0,
					null, ex, upgrade, !inTransaction);
		}
	}

	/**
	 * What to do about a Java revision that failed in its transaction: run it again when a statement it ran was stopped
	 * by the session rather than by its own mistake (a timeout, a deadlock, the session's end: {@link
	 * Dialect#stoppedBySession}), as for a SQL revision; else fix it.
	 */
	private String javaAdvice(Throwable failure, boolean upgrade) {
		String command = command(upgrade);
		String outside = outsideTransactionOnly(failure);
		if (outside.isEmpty()) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException sql) {
					String stopped = this.dialect.stoppedBySession(sql, command);
					if (stopped != null) {
						return stopped;
					}
				}
			}
		}
		return "Fix it and run `" + command + "` again." + outside;
	}

	/**
	 * For a Java revision that failed in its transaction on a statement PostgreSQL runs only outside one (an SQLException
	 * in the failure's causes, as JDBC or Spring's JdbcTemplate throws it): the advice to run it outside; else empty.
	 */
	private String outsideTransactionOnly(Throwable failure) {
		if (this.dialect.sqlSyntax() != SqlSyntax.POSTGRESQL) {
			return "";
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && (NOT_IN_TRANSACTION.equals(sql.getSQLState())
					|| INVALID_TERMINATION.equals(sql.getSQLState()))) {
				return " A statement it ran cannot run inside a transaction (SQLState " + sql.getSQLState() + "): make its"
						+ " transactional() return false (each statement then commits on its own), or move the statement to a"
						+ " revision of its own that runs outside one.";
			}
		}
		return "";
	}

	private String failureMessage(Revision revision, boolean upgrade, int number, List<SqlStatement> statements, int line,
			String sql, SQLException ex, boolean inTransaction, boolean undone) {
		int count = statements.size();
		StringBuilder message = new StringBuilder();
		message.append("Revision ").append(revision.id()).append(" (").append(revision.source()).append(") failed at ")
				.append(upgrade ? "upgrade" : "downgrade").append(" statement ").append(number).append(" of ").append(count)
				.append(" (line ").append(line).append("):\n    ").append(abbreviate(Secrets.maskSql(sql)).replace("\n", "\n    "))
				.append('\n')
				.append(Secrets.maskSql(ex.getMessage()));
		if (ex.getSQLState() != null) {
			message.append(" [SQLState ").append(ex.getSQLState()).append(']');
		}
		message.append('\n');
		if (inTransaction && !undone) {
			String ran = (number == 1) ? "statement 1" : "statements 1 to " + number;
			message.append("The revision was rolled back and is not recorded as applied, but the database could not undo"
					+ " what ").append(ran).append(" changed in tables without transactions (MyISAM, Aria: warning 1196):"
							+ " those changes stay. Undo them by hand (and make those tables InnoDB, `ALTER TABLE ... ENGINE=InnoDB`,"
							+ " so that a failure rolls them back), then run `").append(command(upgrade))
				.append("` again.");
		}
		else if (inTransaction) {
			message.append("The revision was rolled back: nothing of it was applied");
			message.append(upgrade ? "; revisions before it stay applied." : ".");
			if (OUT_OF_LOCKS.equals(ex.getSQLState())) {
				// not the statement's fault: the transaction holds a lock per relation it created or changed
				message.append(" The server's lock table ran out: a transaction keeps a lock on every table, index and"
						+ " sequence it creates or changes until it ends, and the server holds about"
						+ " max_locks_per_transaction × max_connections of them for all sessions. Split the revision into"
						+ " several (a few hundred tables each), or raise max_locks_per_transaction on the server (it"
						+ " takes a restart), then run `").append(command(upgrade)).append("` again.");
			}
			else if (NOT_IN_TRANSACTION.equals(ex.getSQLState())) {
				// CREATE INDEX CONCURRENTLY, VACUUM, ALTER SYSTEM, CREATE DATABASE...
				message.append(" This statement cannot run inside a transaction: mark the revision `-- transactional: false`"
						+ " in its headers (each statement then commits on its own), or move the statement to a revision of"
						+ " its own that is, then run `").append(command(upgrade)).append("` again.");
			}
			else if (INVALID_TERMINATION.equals(ex.getSQLState()) && this.dialect.sqlSyntax() == SqlSyntax.POSTGRESQL) {
				// a backfill committing its batches in a DO loop
				message.append(" A COMMIT or ROLLBACK in a DO block or procedure cannot run in the revision's transaction:"
						+ " mark the revision `-- transactional: false` in its headers (its statements then run outside one,"
						+ " and each batch commits), then run `").append(command(upgrade)).append("` again.");
			}
			else if (UNSAFE_NEW_ENUM_VALUE.equals(ex.getSQLState())) {
				message.append(" A value ALTER TYPE ... ADD VALUE adds cannot be used until the transaction that added it"
						+ " commits: put the ALTER TYPE ... ADD VALUE in a revision of its own before this one, or mark the"
						+ " revision `-- transactional: false` in its headers, then run `").append(command(upgrade))
					.append("` again.");
			}
			else if (settingTheDriverRejects(sql, ex)) {
				message.append(' ').append(driverRejectsSetting(upgrade));
			}
			else {
				// a timeout, a deadlock or the session's end is not the statement's mistake
				String stopped = this.dialect.stoppedBySession(ex, command(upgrade));
				message.append(' ').append(lockWaitRanOut(ex) ? lockHolders() : "").append((stopped != null) ? stopped
						: "Fix the statement and run `" + command(upgrade) + "` again.");
			}
		}
		else {
			message.append("It ran outside a transaction: ");
			message.append((number == 1) ? "no statement of it had run before this one."
					: (number == 2) ? "statement 1 was applied and stays applied:"
							: "statements 1 to " + (number - 1) + " were applied and stay applied:");
			if (number > 1) {
				// named, so that finishing or undoing them by hand needs no counting in the file
				message.append(applied(statements.subList(0, number - 1)));
			}
			message.append(followedBy(message.toString(), timeoutOutsideTransaction(ex)));
			if (settingTheDriverRejects(sql, ex)) {
				message.append(followedBy(message.toString(), " " + driverRejectsSetting(upgrade)));
			}
			if (lockWaitRanOut(ex)) {
				message.append(followedBy(message.toString(), " " + lockHolders().strip()));
			}
		}
		return message.toString();
	}

	/** The statements a revision outside a transaction applied before one failed, on a line each. */
	private static String applied(List<SqlStatement> statements) {
		StringBuilder lines = new StringBuilder();
		int shown = Math.min(statements.size(), APPLIED_SHOWN);
		if (statements.size() > shown) {
			int before = statements.size() - shown;
			// one statement before the ten is one, as in the sentence above the list
			lines.append((before == 1) ? "\n    statement 1 (line " + statements.get(0).line() + ")"
					: "\n    statements 1 to " + before + " (lines " + statements.get(0).line() + " to "
							+ statements.get(before - 1).line() + ")");
		}
		for (int i = statements.size() - shown; i < statements.size(); i++) {
			String sql = Secrets.maskSql(statements.get(i).sql()).strip().replaceAll("\\s+", " ");
			lines.append("\n    ").append(i + 1).append(" (line ").append(statements.get(i).line()).append("): ")
				.append((sql.length() > 120) ? sql.substring(0, 120) + " ..." : sql);
		}
		return lines.toString();
	}

	/**
	 * A sentence {@code next} (starting with a space, or empty) after {@code text}: on a line of its own when
	 * {@code text} ends with a line of a list, the statements a revision applied.
	 */
	static String followedBy(String text, String next) {
		if (next.isBlank()) {
			return "";
		}
		return text.substring(text.lastIndexOf('\n') + 1).startsWith("    ") ? "\n" + next.stripLeading() : next;
	}

	/**
	 * Whether the driver closed the connection because the statement, a {@code SET}, changed a setting the driver
	 * depends on (PostgreSQL's DateStyle not beginning with ISO, client_encoding other than UTF8; MariaDB's character
	 * set of the connection other than utf8/utf8mb4): the session did not end by itself, and running the revision again
	 * ends it again.
	 */
	private static boolean settingTheDriverRejects(String sql, SQLException ex) {
		String statement = sql.strip().toLowerCase(java.util.Locale.ROOT);
		return ex.getSQLState() != null && ex.getSQLState().startsWith("08")
				&& (statement.startsWith("set ") || statement.startsWith("set\t") || statement.startsWith("set\n")
						|| statement.startsWith("/*!") && statement.contains(" set "));
	}

	private String driverRejectsSetting(boolean upgrade) {
		return "The JDBC driver closed the connection because the statement changed a setting the driver depends on"
				+ " (the message above names it), so the same would happen again: remove the statement from the revision"
				+ " (format dates with to_char or DATE_FORMAT, convert text with convert_to or CONVERT), then run `"
				+ command(upgrade) + "` again.";
	}

	/** Whether a lock wait ran out: PostgreSQL's lock_timeout, MariaDB's lock_wait_timeout or innodb_lock_wait_timeout. */
	private static boolean lockWaitRanOut(SQLException ex) {
		return "55P03".equals(ex.getSQLState()) || ex.getErrorCode() == 1205;
	}

	/** Who holds locks on the tables now (see {@link Dialect#lockHolders}), online; else empty. */
	private String lockHolders() {
		return (this.target instanceof ExecutionTarget.Jdbc jdbc) ? this.dialect.lockHolders(jdbc.connection()) : "";
	}

	/**
	 * Which timeout stopped a statement of a revision outside a transaction, and how to give the revision longer: a
	 * session setting at its top ({@code SET LOCAL}, the advice for a transactional revision, does nothing there); empty
	 * for another failure or database.
	 */
	private String timeoutOutsideTransaction(SQLException ex) {
		if (this.dialect.sqlSyntax() == SqlSyntax.MARIADB) {
			return switch (ex.getErrorCode()) {
				// ER_LOCK_WAIT_TIMEOUT: DDL waits for the table's metadata lock, not a row lock
				case 1205 -> " The statement itself may be right: lock_wait_timeout (a table's metadata lock, which DDL"
						+ " waits for behind any open transaction that read the table) or innodb_lock_wait_timeout (a row"
						+ " lock) ran out while it waited for a lock another session holds (SHOW PROCESSLIST shows the"
						+ " statement waiting; information_schema.innodb_trx the open transactions).";
				// ER_STATEMENT_TIMEOUT
				case 1969 -> " It was cancelled: max_statement_time ran out. To give the revisions longer, set it for the"
						+ " migrations' connections (`SET SESSION max_statement_time = 0` in migrations.init-sqls).";
				default -> "";
			};
		}
		if (this.dialect.sqlSyntax() != SqlSyntax.POSTGRESQL) {
			return "";
		}
		String setting = switch (String.valueOf(ex.getSQLState())) {
			case "57014" -> " It was cancelled: statement_timeout ran out (set on the role, the database, the connection or"
					+ " by the revision), or another session cancelled it. If the statement needs longer, start the"
					+ " revision's section with `SET statement_timeout = 0` (a session setting, put back after the revision:"
					+ " outside a transaction SET LOCAL does nothing).";
			case "55P03" -> " The statement itself may be right: the session's lock_timeout ran out while it waited for a"
					+ " lock another session holds (pg_locks and pg_stat_activity name it). To wait longer, start the"
					+ " revision's section with `SET lock_timeout = '1min'` (a session setting, put back after the revision:"
					+ " outside a transaction SET LOCAL does nothing).";
			default -> "";
		};
		return setting;
	}

	/**
	 * What to do about the indexes a concurrent build that did not finish left INVALID on a connection's schema
	 * (see {@link Dialect#invalidIndexes}): a paragraph starting on a new line; empty when there are none, or when
	 * they cannot be read (the session is gone: the next command names them).
	 */
	static String invalidIndexesNote(Dialect dialect, Connection connection) {
		List<Dialect.InvalidIndex> indexes;
		try {
			indexes = dialect.invalidIndexes(connection);
		}
		catch (SQLException ex) {
			return "";
		}
		return invalidIndexesNote(indexes);
	}

	private static String invalidIndexesNote(List<Dialect.InvalidIndex> indexes) {
		if (indexes.isEmpty()) {
			return "";
		}
		StringBuilder message = new StringBuilder("\n  ");
		message.append((indexes.size() == 1) ? "The index " : "The indexes ");
		for (int i = 0; i < indexes.size(); i++) {
			message.append((i == 0) ? "" : ", ").append(indexes.get(i).name()).append(" (on ").append(indexes.get(i).table())
				.append(")");
		}
		message.append((indexes.size() == 1) ? " is" : " are").append(" INVALID: a CREATE, REINDEX or DROP INDEX"
				+ " CONCURRENTLY that did not finish leaves its index so, unused by queries and still updated by every write."
				+ " Running its CREATE INDEX again fails with \"already exists\" (with IF NOT EXISTS it keeps the invalid index),"
				+ " so drop ").append((indexes.size() == 1) ? "it" : "them").append(" first, whether you finish the revision"
						+ " or undo it:");
		for (Dialect.InvalidIndex index : indexes) {
			message.append("\n    DROP INDEX CONCURRENTLY IF EXISTS ").append(index.name()).append(';');
		}
		return message.toString();
	}

	/** {@link #invalidIndexesNote} of the revision's connection, when it runs on one. */
	private String invalidIndexesLeft() {
		return (this.target instanceof ExecutionTarget.Jdbc jdbc) ? invalidIndexesNote(this.dialect, jdbc.connection()) : "";
	}

	static String recovery(Revision revision, boolean upgrade) {
		return recovery(revision.id(), revision.downRevisions(), upgrade);
	}

	/** What to type once the statements of a revision that stopped half-way are finished or undone by hand. */
	static String recovery(String revision, List<String> parents, boolean upgrade) {
		String parent = parents.isEmpty() ? "base" : String.join(",", parents);
		String direction = upgrade ? "upgrade" : "downgrade";
		return "Finish or undo its " + direction + "'s statements by hand, then run `db stamp " + (upgrade ? revision : parent)
				+ "` if you completed the " + direction + ", or `db stamp " + (upgrade ? parent : revision)
				+ "` if you undid it.";
	}

	/**
	 * The dialect's deferred-commit setting, switched off for the session while revisions that are
	 * followed by another run, and put back as it was (for the last revision's commit, and for
	 * whoever uses the connection next).
	 */
	private final class CommitDeferral {

		private final String setting = RevisionRunner.this.dialect.deferredCommitSetting();

		private String original;

		void defer(boolean defer) {
			if (this.setting == null || !(RevisionRunner.this.target instanceof ExecutionTarget.Jdbc jdbc)) {
				return;
			}
			try {
				if (defer && this.original == null) {
					this.original = set(jdbc.connection(), "off", true);
				}
				else if (!defer && this.original != null) {
					set(jdbc.connection(), this.original, false);
					this.original = null;
				}
			}
			catch (SQLException ex) {
				throw new MigrationsException("Could not set " + this.setting + " for the upgrade: " + ex.getMessage(),
						ex);
			}
		}

		// after a failure the connection may be broken: putting the setting back is then moot
		void end() {
			try {
				defer(false);
			}
			catch (MigrationsException ex) {
				logger.debug("Could not put {} back after the upgrade", this.setting, ex);
			}
		}

		// sets the session value, returning the one before when asked
		private String set(Connection connection, String value, boolean readBefore) throws SQLException {
			String before = readBefore ? query(connection, "SELECT current_setting(?)", this.setting) : null;
			query(connection, "SELECT set_config(?, ?, false)", this.setting, value);
			return before;
		}

		private static String query(Connection connection, String sql, String... parameters) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					statement.setString(i + 1, parameters[i]);
				}
				try (ResultSet rs = statement.executeQuery()) {
					return rs.next() ? rs.getString(1) : null;
				}
			}
		}

	}

	private void tool(Revision revision, SqlCommand command) {
		try {
			this.target.execute(command);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not record revision " + revision.id() + " in "
					+ this.versionTable.qualifiedTable() + ": " + ex.getMessage(), ex);
		}
	}

	/** The insert of the revision's version-table row (online, numbered on from the table's maximum, read once). */
	private SqlCommand row(Revision revision, AppliedRevision.State state, Object executionMillis) {
		if (!(this.target instanceof ExecutionTarget.Jdbc jdbc)) {
			return this.versionTable.insert(revision, state, executionMillis, this.performedBy, null);
		}
		try {
			if (this.nextSeq == null) {
				this.nextSeq = this.versionTable.nextAppliedSeq(jdbc.connection());
			}
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not record revision " + revision.id() + " in "
					+ this.versionTable.qualifiedTable() + ": " + ex.getMessage(), ex);
		}
		return this.versionTable.insert(revision, state, executionMillis, this.performedBy, null, this.nextSeq);
	}

	// the row inserted last is in the table for good (committed, or written outside a transaction)
	private void countRow() {
		if (this.nextSeq != null) {
			this.nextSeq++;
		}
	}

	private void deleteRow(Revision revision) {
		tool(revision, deletion(revision));
	}

	private SqlCommand deletion(Revision revision) {
		// removing the row with the highest number lowers the next one, as the table itself would compute it
		this.nextSeq = null;
		return this.versionTable.delete(revision.id());
	}

	private static String describe(Revision revision) {
		return revision.id() + " (" + (revision.downRevisions().isEmpty() ? "base" : String.join(", ", revision.downRevisions()))
				+ " -> " + revision.id() + "): " + revision.message() + " [" + revision.source() + "]";
	}

	/**
	 * What a row recorded before its revision runs says between two statements: how many completed and which
	 * started; read back by {@code DatabaseMigrator.failures()} when the revision never recorded its end.
	 */
	private static String progress(int completed, int count, int line, String sql) {
		String next = Secrets.maskSql(sql).strip().replaceAll("\\s+", " ");
		if (next.length() > 200) {
			next = next.substring(0, 200) + " ...";
		}
		return (completed == 1 ? "Statement 1" : "Statements 1 to " + completed) + " of " + count + " completed; statement "
				+ (completed + 1) + " (line " + line + ") started at " + Instant.now() + ": " + next;
	}

	private static String abbreviate(String sql) {
		return (sql.length() <= 1000) ? sql : sql.substring(0, 1000) + " ...";
	}

	private static long millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

}
