package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationsException;
import dev.migrations.dialect.DatabaseLock;
import dev.migrations.dialect.Dialect;
import dev.migrations.revision.Plan;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.revision.SquashedHistory;
import dev.migrations.revision.Target;
import dev.migrations.revision.TargetException;
import dev.migrations.revision.TargetResolver;
import dev.migrations.revision.UnknownAppliedRevisionException;

/**
 * Runs the writing commands (upgrade, downgrade, stamp) against a database under the migrations lock,
 * reads where the database stands, and writes the same work as offline SQL scripts.
 */
public final class DatabaseMigrator {

	private static final String OUT_OF_LOCKS = "53200";

	// a part of create-db runs in one transaction, which keeps a lock on everything it creates until it ends
	private static final String OUT_OF_LOCKS_ADVICE = " The server's lock table ran out: a transaction keeps a lock on"
			+ " every table, index and sequence it creates until it ends, and the server holds about"
			+ " max_locks_per_transaction × max_connections of them for all sessions, shared with the other sessions'"
			+ " locks. Retry when the server is less busy, or raise max_locks_per_transaction.";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseMigrator.class);

	/** The connection loading opened, for the first command; {@code null} once taken or when there is none. */
	private volatile SpareConnection spare;

	private final DataSource dataSource;

	private final Dialect dialect;

	private final String schema;

	private final VersionTable versionTable;

	private final RevisionGraph graph;

	private final TargetResolver resolver;

	private final Duration lockTimeout;

	private final boolean validateChecksums;

	private final Supplier<String> performedBy;

	private final MigrationsListener listener;

	private UnaryOperator<String> shutdownAdvice = UnaryOperator.identity();

	/**
	 * @param dataSource the database; {@code null} for offline scripts only
	 * @param dialect the dialect (required)
	 * @param schema the schema for the version tables and revisions, {@code null} for the connection's default
	 * @param versionTable the applied-revisions table name; the log table is this name plus {@code _log}
	 * @param graph the revisions
	 * @param lockTimeout how long to wait for the lock
	 * @param validateChecksums whether an applied revision whose file changed stops an upgrade
	 * @param performedBy who to record as having applied revisions
	 * @param listener told about each revision as it runs
	 */
	public DatabaseMigrator(DataSource dataSource, Dialect dialect, String schema, String versionTable, RevisionGraph graph,
			Duration lockTimeout, boolean validateChecksums, String performedBy, MigrationsListener listener) {
		this(dataSource, dialect, schema, versionTable, graph, lockTimeout, validateChecksums, () -> performedBy, listener);
	}

	/**
	 * Like the constructor taking who performs the work as a string, but only asks for it when
	 * something is written (the default, {@code user@host}, looks the host name up).
	 */
	public DatabaseMigrator(DataSource dataSource, Dialect dialect, String schema, String versionTable, RevisionGraph graph,
			Duration lockTimeout, boolean validateChecksums, Supplier<String> performedBy, MigrationsListener listener) {
		this.dataSource = dataSource;
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.schema = schema;
		this.versionTable = new VersionTable(dialect, schema, versionTable,
				new SquashedRows(dev.migrations.revision.SquashedHistory.squashes(graph)));
		this.graph = graph;
		requireRecordableIds(graph);
		this.resolver = new TargetResolver(graph);
		this.lockTimeout = lockTimeout;
		this.validateChecksums = validateChecksums;
		this.performedBy = Objects.requireNonNull(performedBy, "performedBy");
		this.listener = (listener != null) ? listener : MigrationsListener.NONE;
	}

	private static void requireRecordableIds(RevisionGraph graph) {
		if (graph == null) {
			return;
		}
		for (Revision revision : graph.revisions()) {
			if (revision.id().length() > VersionTable.MAX_REVISION_LENGTH) {
				throw new MigrationsException(revision.source() + ": the revision id '" + revision.id() + "' has "
						+ revision.id().length() + " characters, more than the " + VersionTable.MAX_REVISION_LENGTH
						+ " the version table records. Give the revision a shorter id (and rename the file to match), then"
						+ " update the down_revision of the revisions that name it.");
			}
		}
	}

	public Dialect dialect() {
		return this.dialect;
	}

	/**
	 * Rewrites where a command stopped by a shutdown says it stopped, as printed on standard error: a tenant's
	 * command aims the command it advises ({@code db upgrade}) at the tenant, which alone would act on the default
	 * schema. The identity unless set.
	 * @param advice rewrites the message
	 * @return this migrator
	 */
	public DatabaseMigrator shutdownAdvice(UnaryOperator<String> advice) {
		this.shutdownAdvice = Objects.requireNonNull(advice, "advice");
		return this;
	}

	/** Upgrades to the target ({@code head}, {@code heads}, an id or prefix, {@code +N}, {@code rev+N}, {@code label@head}). */
	public CommandResult upgrade(String target) {
		// not through underLock: the first call of a lambda costs a fresh JVM about a millisecond, and this
		// is the command every application startup runs
		try (ShutdownGuard guard = new ShutdownGuard(this.shutdownAdvice)) {
			try (LockedConnection locked = lockedConnection(guard)) {
				return upgradeLocked(locked.connection, target);
			}
			catch (SQLException ex) {
				throw guard.failed(databaseError(ex, "db upgrade"));
			}
			catch (RuntimeException ex) {
				throw guard.failed(ex);
			}
		}
	}

	/**
	 * The result of {@link #upgrade(String) upgrade(target)} when it would run nothing, found without the lock:
	 * one connection and one read of the version table, no lock, no DDL. {@code null} when anything may be to
	 * do or to report: no row recorded yet (the version tables, a baseline), a revision that did not complete,
	 * a modified file, a revision pending, a target that does not resolve, a squash, or a statement that failed;
	 * then the upgrade runs under the lock as always and reports what it finds there.
	 * <p>
	 * Reading without the lock is safe for this answer only: rows recorded as applied stay applied while other
	 * instances upgrade (they add rows, under the lock), so a database found at the target is at the target. A
	 * revision another instance is running shows as pending or RUNNING, which sends this instance to wait for the
	 * lock. Instances starting together with nothing pending therefore no longer queue on the lock.
	 */
	public CommandResult upgradeIfUpToDate(String target) {
		if (!this.versionTable.squashFree()) {
			return null;
		}
		Connection connection;
		try {
			connection = connection();
		}
		catch (SQLException ex) {
			throw databaseError(ex);
		}
		CommandResult result;
		try {
			result = upToDate(connection, target);
		}
		catch (SQLException | RuntimeException ex) {
			// the upgrade under the lock reads again, and reports what is wrong with its own message
			closeQuietly(connection);
			return null;
		}
		if (result == null && SpareConnection.keepsFor(this.dataSource)) {
			// the upgrade under the lock follows at once: it takes this session rather than opening another
			this.spare = SpareConnection.keep(connection);
		}
		else {
			closeQuietly(connection);
		}
		return result;
	}

	private CommandResult upToDate(Connection connection, String target) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.setAutoCommit(true);
		}
		List<AppliedRevision> rows = this.versionTable.readStates(connection);
		if (rows.isEmpty()) {
			return null;
		}
		for (AppliedRevision row : rows) {
			if (row.state() != AppliedRevision.State.APPLIED) {
				return null;
			}
			if (this.validateChecksums) {
				var revision = this.graph.find(row.revision());
				if (revision.isEmpty() || isModified(row, revision.get())) {
					return null;
				}
			}
		}
		List<String> applied = appliedIds(rows);
		if (!this.resolver.upgrade(target, applied).steps().isEmpty()) {
			return null;
		}
		List<String> current = this.resolver.current(applied);
		logger.debug("Database is up to date at {} (target {}); read without the lock", current, target);
		return new CommandResult(target, List.of(), current, current);
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close a connection: {}", ex.getMessage());
		}
	}

	private CommandResult upgradeLocked(Connection connection, String target) throws SQLException {
		// Only what the checks and the plan need: revision, checksum and state.
		List<AppliedRevision> rows = this.versionTable.readStates(connection);
		requireNoFailed(connection, rows);
		if (this.validateChecksums) {
			requireUnmodified(rows);
		}
		List<String> applied = appliedIds(rows);
		Plan plan = this.resolver.upgrade(target, applied).requireUpgradeStatements(this.dialect.sqlSyntax());
		List<String> before = this.resolver.current(applied);
		// steps (+2) would count again from where a failure stopped: the advice names where they were going
		List<StepResult> steps = plan.steps().isEmpty() ? List.of()
				: runner(connection).towards(Target.parse(target) instanceof Target.Relative
						? destination(applied, plan.ids(), true) : null).upgrade(plan.steps());
		// Nothing ran under the lock, so the rows already read are current: a startup with nothing
		// pending reads the version table once.
		List<String> after = steps.isEmpty() ? before
				: this.resolver.current(appliedIds(this.versionTable.readStates(connection)));
		if (steps.isEmpty()) {
			logger.debug("Database is up to date at {} (target {})", before.isEmpty() ? "base" : before, target);
		}
		return new CommandResult(target, steps, before, after);
	}

	/** Downgrades to the target ({@code -N}, {@code base}, an id or prefix, {@code rev-N}). */
	public CommandResult downgrade(String target) {
		return underGuardedLock((connection) -> {
			List<AppliedRevision> rows = this.versionTable.read(connection);
			requireNoFailed(connection, rows);
			List<String> applied = appliedIds(rows);
			Plan plan;
			try {
				plan = this.resolver.downgrade(target, applied).requireDowngradeStatements(this.dialect.sqlSyntax());
			}
			catch (UnknownAppliedRevisionException ex) {
				throw ex.forDowngrade(this.resolver.current(applied.stream().filter(this.graph::contains).toList()));
			}
			requireAboveBaseline(connection, target, plan.ids());
			List<String> before = this.resolver.current(applied);
			List<StepResult> steps = runner(connection).towards(destination(applied, plan.ids(), false))
				.downgrade(plan.steps());
			List<String> after = this.resolver.current(appliedIds(this.versionTable.read(connection)));
			return new CommandResult(target, steps, before, after);
		});
	}

	/**
	 * Where an upgrade applying (a downgrade reverting) these revisions ends, as a target to give the command again
	 * after a failure: steps ({@code -2}) would count from where it stopped. {@code null} when it ends at several
	 * revisions.
	 */
	private String destination(List<String> applied, List<String> steps, boolean upgrade) {
		List<String> left = new ArrayList<>(applied);
		if (upgrade) {
			left.addAll(steps);
		}
		else {
			left.removeAll(steps);
		}
		List<String> current = this.resolver.current(left);
		return current.isEmpty() ? "base" : (current.size() == 1) ? current.get(0) : null;
	}

	/**
	 * Refuses a downgrade that would revert revisions a baseline recorded as applied without running them
	 * (see {@link VersionTable#baselined}): their downgrades would drop what the schema held before migrations
	 * managed it, with its data.
	 * @param target the target as given, for the message
	 * @param reverted the revisions the downgrade would revert
	 */
	void requireAboveBaseline(Connection connection, String target, List<String> reverted) throws SQLException {
		Set<String> baselined = this.versionTable.baselined(connection, reverted);
		if (baselined.isEmpty()) {
			return;
		}
		List<String> newest = this.resolver.current(List.copyOf(baselined));
		Revision first = this.graph.get(newest.get(0));
		Set<String> parents = new LinkedHashSet<>();
		newest.forEach((id) -> parents.addAll(this.graph.get(id).downRevisions()));
		parents.removeAll(baselined);
		String parent = parents.isEmpty() ? "base" : String.join(",", parents);
		throw new BelowBaselineException("Refusing to downgrade to " + target + ": it would revert " + first.id() + " ("
				+ first.message() + "), which the baseline recorded as applied without running it"
				+ (baselined.size() > 1 ? " (with " + (baselined.size() - 1) + " more revision(s) of the baseline)" : "")
				+ ": the schema already had its objects when migrations adopted it, and its downgrade would drop them"
				+ " with their data. Nothing was run. The furthest a downgrade goes is the baseline: `db downgrade "
				+ String.join(",", newest) + "`. To remove the adopted objects anyway, drop them by hand, then"
				+ " `db stamp " + parent + "`.", List.copyOf(baselined));
	}

	/**
	 * Opens a session for single-revision steps, {@link RevisionSteps#upgrade(String) up} and
	 * {@link RevisionSteps#downgrade(String) down} in any order, as one command: it takes the lock, creates
	 * the version tables if missing and reads them once, then each step writes its row and log entry as
	 * {@code upgrade}/{@code downgrade} would, until the session is closed (which releases the lock).
	 * @param afterEachStep run after each step, failed or not
	 */
	public RevisionSteps steps(Runnable afterEachStep) {
		LockedConnection locked;
		try {
			locked = lockedConnection();
		}
		catch (SQLException ex) {
			throw databaseError(ex);
		}
		try {
			return new RevisionSteps(this, locked, this.versionTable.readStates(locked.connection), afterEachStep);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				locked.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			if (ex instanceof SQLException sql) {
				throw new MigrationsException("Could not read " + this.versionTable.qualifiedTable() + ": " + sql.getMessage(), sql);
			}
			throw (RuntimeException) ex;
		}
	}

	// what a session of steps shares with the commands

	RevisionGraph graph() {
		return this.graph;
	}

	TargetResolver resolver() {
		return this.resolver;
	}

	VersionTable versionTable() {
		return this.versionTable;
	}

	boolean validatesChecksums() {
		return this.validateChecksums;
	}

	RevisionRunner runner(Connection connection) {
		return new RevisionRunner(this.dialect, this.versionTable, new ExecutionTarget.Jdbc(connection), this.performedBy.get(),
				this.listener, this::connection);
	}

	/**
	 * Records the database as being at the target without running anything, as Alembic: afterwards the
	 * target and its ancestors are recorded as applied, the target's descendants are not, and the applied
	 * revisions of other branches (neither ancestors nor descendants of the target) stay recorded. Several
	 * targets can be given separated by commas ({@code a1b2,c3d4}); {@code base} clears the table and
	 * {@code heads} records every revision. Stamping also resolves revisions recorded as failed, drops
	 * rows of revisions that no longer exist, and records the current checksums of the stamped
	 * revisions.
	 */
	public CommandResult stamp(String target) {
		return underLock((connection) -> stampLocked(connection, this.versionTable.read(connection), target,
				VersionTable.STAMP));
	}

	/**
	 * {@link #stamp(String)} that, on a database where no revision is recorded, asks {@code adopting} (with the
	 * locked connection, switched to the migrated schema) whether the schema was built without these revisions:
	 * the stamp then adopts it, logged as the baseline's, and a downgrade does not go below it.
	 */
	public CommandResult stamp(String target, AdoptionCheck adopting) {
		return underLock((connection) -> {
			List<AppliedRevision> rows = this.versionTable.read(connection);
			boolean adopts = rows.isEmpty() && adopting.adopts(connection);
			return stampLocked(connection, rows, target, adopts ? VersionTable.BASELINE : VersionTable.STAMP);
		});
	}

	/** Whether a schema without recorded revisions was built without them (used while the lock is held). */
	@FunctionalInterface
	public interface AdoptionCheck {

		boolean adopts(Connection connection) throws SQLException;

	}

	/**
	 * {@link #stamp(String)} after emptying the version table, as Alembic's {@code stamp --purge}: every
	 * row is removed (and logged as unstamped) and the target and its ancestors are recorded afresh, in
	 * one transaction under the lock.
	 */
	public CommandResult stampPurging(String target) {
		return underLock((connection) -> {
			List<AppliedRevision> rows = this.versionTable.read(connection);
			ExecutionTarget.Jdbc jdbc = new ExecutionTarget.Jdbc(connection);
			try {
				jdbc.begin();
				List<String> appliedBefore = new ArrayList<>();
				List<StepResult> purged = new ArrayList<>();
				for (AppliedRevision row : rows) {
					if (this.graph.contains(row.revision())) {
						appliedBefore.add(row.revision());
					}
					jdbc.execute(this.versionTable.delete(row.revision()));
					jdbc.execute(this.versionTable.log(row.revision(), "UNSTAMP", row.message(), row.checksum(), 0,
							this.performedBy.get()));
					purged.add(new StepResult(Direction.DOWNGRADE, row.revision(), row.message(), row.source(), 0));
				}
				CommandResult stamped = stampRows(jdbc, List.of(), target, VersionTable.STAMP);
				jdbc.commit();
				List<StepResult> steps = new ArrayList<>(purged);
				steps.addAll(stamped.steps());
				List<AppliedRevision> cleared = rows.stream()
					.filter((row) -> row.state() != AppliedRevision.State.APPLIED)
					.toList();
				return new CommandResult(target, steps, this.resolver.current(appliedBefore), stamped.currentAfter(),
						cleared);
			}
			catch (SQLException ex) {
				jdbc.rollback();
				throw new MigrationsException("Could not purge " + this.versionTable.qualifiedTable() + " and stamp " + target
						+ ": " + ex.getMessage() + ". Nothing was changed.", ex);
			}
		});
	}

	private CommandResult stampLocked(Connection connection, List<AppliedRevision> rows, String target, String operation) {
		ExecutionTarget.Jdbc jdbc = new ExecutionTarget.Jdbc(connection);
		try {
			jdbc.begin();
			CommandResult result = stampRows(jdbc, rows, target, operation);
			jdbc.commit();
			return result;
		}
		catch (SQLException ex) {
			jdbc.rollback();
			throw new MigrationsException("Could not stamp " + target + " in " + this.versionTable.qualifiedTable() + ": "
					+ ex.getMessage() + ". Nothing was changed.", ex);
		}
	}

	/**
	 * Adopts a schema built without these revisions: under the lock, and only while the version table
	 * records no revision at all, asks {@code baseline} (with the locked connection, switched to the
	 * migrated schema) which revision the schema already is, and stamps it. Instances starting
	 * together therefore baseline once; once anything is recorded, {@code baseline} is not asked.
	 * @param baseline decides which revision to stamp, {@code null} for none; may throw to stop
	 * @return what was stamped; no steps when nothing was
	 */
	public CommandResult stampIfUnrecorded(BaselineDecision baseline) {
		// the first step of an upgrade of a database with nothing recorded: a new one, or one whose first upgrade
		// another instance is running, so that this one waits here for the lock; a shutdown stops that wait at once,
		// as the upgrade's own
		return underGuardedLock((connection) -> {
			List<AppliedRevision> rows = this.versionTable.readStates(connection);
			String revision = rows.isEmpty() ? baseline.revision(connection) : null;
			if (revision == null) {
				List<String> current = this.resolver.current(appliedIds(rows));
				return new CommandResult("", List.of(), current, current);
			}
			// logged as the baseline's, which a downgrade does not go below (see requireAboveBaseline)
			return stampLocked(connection, rows, revision, VersionTable.BASELINE);
		});
	}

	/** Which revision a schema without recorded revisions already is (used while the lock is held). */
	@FunctionalInterface
	public interface BaselineDecision {

		/** The revision to record as applied, or {@code null} for none. */
		String revision(Connection connection) throws SQLException;

	}

	/**
	 * Creates a schema on a database without applied revisions and stamps it, under the lock: what {@code db
	 * create-db} does for fresh installs. Each part runs in a transaction of its own (where the database
	 * allows), the stamp in the last one; when a part fails, the parts committed before it are dropped again,
	 * last first, so that nothing is left created.
	 * @param source computes the parts once the lock is held, from the locked connection
	 * @param stampTarget what to stamp afterwards ({@code head}, {@code heads} or {@code base})
	 */
	public CommandResult createAndStamp(PartSource source, String stampTarget) {
		return underLock((connection) -> {
			List<AppliedRevision> rows = this.versionTable.read(connection);
			if (!rows.isEmpty()) {
				throw new MigrationsException("The database already has " + rows.size() + " revision(s) recorded in "
						+ this.versionTable.qualifiedTable() + ": create-db is for fresh installs. Use `db upgrade` instead.");
			}
			List<Part> parts = source.parts(connection);
			int total = parts.stream().mapToInt((part) -> part.upgrade().size()).sum();
			ExecutionTarget.Jdbc jdbc = new ExecutionTarget.Jdbc(connection);
			int number = 0;
			int committed = 0;
			String failed = "";
			try {
				CommandResult result = null;
				for (int i = 0; i < parts.size(); i++) {
					jdbc.begin();
					for (String statement : parts.get(i).upgrade()) {
						number++;
						failed = statement;
						jdbc.execute(statement);
					}
					failed = "";
					if (i == parts.size() - 1) {
						result = stampRows(jdbc, rows, stampTarget, VersionTable.STAMP);
					}
					jdbc.commit();
					committed++;
				}
				return result;
			}
			catch (SQLException ex) {
				jdbc.rollback();
				String where = (parts.size() > 1) ? " (part " + (committed + 1) + " of " + parts.size() + ")" : "";
				throw new MigrationsException("create-db failed at statement " + number + " of " + total + where
						+ ":\n    " + failed.replace("\n", "\n    ") + "\n" + ex.getMessage() + "\n"
						+ undo(jdbc, parts.subList(0, committed))
						+ (OUT_OF_LOCKS.equals(ex.getSQLState()) ? OUT_OF_LOCKS_ADVICE : ""), ex);
			}
		});
	}

	/**
	 * Drops again what the committed parts of a failed create-db created, last part first, each in a
	 * transaction of its own.
	 * @return what the message says of it: nothing was created, or what is left and how to drop it
	 */
	private String undo(ExecutionTarget.Jdbc jdbc, List<Part> committed) {
		if (!this.dialect.supportsTransactionalDdl()) {
			return "Statements before it were applied; drop them before retrying.";
		}
		if (committed.isEmpty()) {
			return "Nothing was created.";
		}
		for (int i = committed.size() - 1; i >= 0; i--) {
			String statement = "";
			try {
				jdbc.begin();
				for (String drop : committed.get(i).downgrade()) {
					statement = drop;
					jdbc.execute(drop);
				}
				jdbc.commit();
			}
			catch (SQLException ex) {
				jdbc.rollback();
				return "The " + committed.size() + " part(s) committed before it were being dropped again, and part "
						+ (i + 1) + " could not be (" + ex.getMessage() + " at: " + statement.replace("\n", " ")
						+ "): what parts 1 to " + (i + 1) + " created is still there. Drop it (`db create-db` needs no"
						+ " entity table to exist) before retrying.";
			}
		}
		return "The " + committed.size() + " part(s) committed before it were dropped again: nothing was created.";
	}

	/** Computes the parts of a create-db from a connection (used while the lock is held). */
	@FunctionalInterface
	public interface PartSource {

		List<Part> parts(Connection connection) throws SQLException;

	}

	/**
	 * One transaction of a create-db, and what drops what it created.
	 * @param upgrade the statements creating
	 * @param downgrade the statements dropping what they created, in the order to run them
	 */
	public record Part(List<String> upgrade, List<String> downgrade) {

		public Part {
			upgrade = List.copyOf(upgrade);
			downgrade = List.copyOf(downgrade);
		}

	}

	private CommandResult stampRows(ExecutionTarget.Jdbc jdbc, List<AppliedRevision> rows, String target, String operation)
			throws SQLException {
		List<String> appliedBefore = new ArrayList<>();
		for (AppliedRevision row : rows) {
			if (this.graph.contains(row.revision()) && completedUpgrade(row)) {
				appliedBefore.add(row.revision());
			}
		}
		Set<String> targets = stampTargets(target);
		Set<String> keep = new LinkedHashSet<>();
		Set<String> after = new LinkedHashSet<>();
		// as Alembic: the target and its ancestors are recorded, the target's descendants un-recorded, and
		// the applied revisions of other branches (neither) stay; base (no target) un-records everything
		for (String id : targets) {
			keep.addAll(this.graph.ancestors(id));
		}
		Set<String> descendants = new LinkedHashSet<>();
		for (String id : targets) {
			descendants.addAll(this.graph.descendants(id));
		}
		Map<String, AppliedRevision> byId = new LinkedHashMap<>();
		rows.forEach((row) -> byId.put(row.revision(), row));
		List<StepResult> steps = new ArrayList<>();
		List<AppliedRevision> cleared = new ArrayList<>();
		// the rows are removed first, then inserted numbered on from the table's maximum, read once
		long nextSeq = 0;
		for (AppliedRevision row : rows) {
			boolean otherBranch = !targets.isEmpty() && this.graph.contains(row.revision())
					&& !descendants.contains(row.revision()) && row.state() == AppliedRevision.State.APPLIED;
			if (row.state() != AppliedRevision.State.APPLIED) {
				cleared.add(row);
			}
			if (keep.contains(row.revision())) {
				continue;
			}
			if (otherBranch) {
				after.add(row.revision());
				continue;
			}
			jdbc.execute(this.versionTable.delete(row.revision()));
			jdbc.execute(this.versionTable.log(row.revision(), "UNSTAMP", row.message(), row.checksum(), 0,
					this.performedBy.get()));
			steps.add(new StepResult(Direction.DOWNGRADE, row.revision(), row.message(), row.source(), 0));
		}
		for (Revision revision : this.graph.revisions()) {
			if (!keep.contains(revision.id())) {
				continue;
			}
			after.add(revision.id());
			AppliedRevision row = byId.get(revision.id());
			if (row == null) {
				if (nextSeq == 0) {
					nextSeq = this.versionTable.nextAppliedSeq(jdbc.connection());
				}
				jdbc.execute(this.versionTable.insert(revision, AppliedRevision.State.APPLIED, 0, this.performedBy.get(),
						null, nextSeq++));
			}
			else if (row.state() != AppliedRevision.State.APPLIED || !Objects.equals(row.checksum(), revision.checksum())) {
				jdbc.execute(this.versionTable.markApplied(revision, row.executionMillis()));
			}
			else {
				continue;
			}
			jdbc.execute(this.versionTable.log(revision.id(), operation, revision.message(), revision.checksum(), 0,
					this.performedBy.get()));
			steps.add(new StepResult(Direction.UPGRADE, revision.id(), revision.message(), revision.source(), 0));
		}
		List<String> afterOrdered = new ArrayList<>();
		for (Revision revision : this.graph.revisions()) {
			if (after.contains(revision.id())) {
				afterOrdered.add(revision.id());
			}
		}
		return new CommandResult(target, steps, currentOf(rows, appliedBefore), this.resolver.current(afterOrdered),
				cleared);
	}

	/**
	 * Where the database stands: the current revisions of those it records that are known, with the recorded
	 * ones this code does not have (a newer release's) in place of the known revisions they were recorded on
	 * top of.
	 */
	private List<String> currentOf(List<AppliedRevision> rows, List<String> knownApplied) {
		List<String> current = new ArrayList<>(this.resolver.current(knownApplied));
		Set<String> unknownParents = new LinkedHashSet<>();
		List<String> unknown = new ArrayList<>();
		for (AppliedRevision row : rows) {
			if (!this.graph.contains(row.revision()) && completedUpgrade(row)) {
				unknown.add(row.revision());
				unknownParents.addAll(row.downRevisions());
			}
		}
		if (unknown.isEmpty()) {
			return current;
		}
		current.removeAll(unknownParents);
		for (String id : unknown) {
			if (!unknownParents.contains(id)) {
				current.add(id);
			}
		}
		return current;
	}

	// the revisions a stamp's target names (none for base), each recorded with its ancestors
	private Set<String> stampTargets(String target) {
		Set<String> ids = new LinkedHashSet<>();
		for (String part : target.split(",", -1)) {
			String trimmed = part.trim();
			if (trimmed.isEmpty()) {
				// an empty argument stamped base, emptying the version table of a database at head
				throw new TargetException("'" + target + "' is not a target: name the revision(s) to record, e.g. head,"
						+ " a revision id, or base to record none");
			}
			if (trimmed.equals("base")) {
				continue;
			}
			// head, heads, an id or prefix, label@head, rev+N: each names revisions whose ancestors are stamped.
			ids.addAll(this.resolver.resolve(trimmed));
		}
		return ids;
	}

	/** Where the database stands; reads without taking the lock and never creates anything. */
	public DatabaseState state() {
		// a schema the first upgrade creates (a MariaDB database, an H2 schema) records nothing yet
		return inSchema(this.versionTable.qualifiedTable(), (connection) -> {
			List<AppliedRevision> rows = this.versionTable.read(connection);
			return state(rows, rows.stream().anyMatch(AppliedRevision::underWay) && lockHeldElsewhere(connection));
		}, () -> state(List.of(), false));
	}

	// whether a command holds the lock on another session now (read without taking it)
	private boolean lockHeldElsewhere(Connection connection) throws SQLException {
		Dialect.Tables tables = this.dialect.findTables(connection, this.schema,
				List.of(this.versionTable.table(), this.versionTable.logTable()));
		return this.dialect.lockHeldElsewhere(connection, lockName(tables.schema()));
	}

	DatabaseState state(List<AppliedRevision> rows) {
		return state(rows, false);
	}

	/**
	 * @param running whether another session holds the lock: rows recorded as running or reverting (without an
	 * error) are that command's revision under way, not a failure; an upgrade under way is still pending
	 */
	private DatabaseState state(List<AppliedRevision> rows, boolean running) {
		List<String> known = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		List<String> modified = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		// recorded on the way through a squashed history: neither a known revision nor a missing one (the next
		// upgrade goes on through the replaced revisions, then records the squash)
		Map<String, Revision> midway = this.versionTable.midway(rows);
		for (AppliedRevision row : rows) {
			boolean underWay = running && row.underWay();
			if (row.state() != AppliedRevision.State.APPLIED && !underWay) {
				failed.add(row.revision());
			}
			var revision = this.graph.find(row.revision());
			if (revision.isEmpty()) {
				// a newer release's upgrade under way, or one that stopped half-way, is not applied: it is listed as
				// failed (or under way), not as applied without its file
				if (!midway.containsKey(row.revision()) && completedUpgrade(row)) {
					missing.add(row.revision());
				}
				continue;
			}
			if (!completedUpgrade(row)) {
				// its upgrade started and never completed: not applied, so not current (its parents are) and
				// still pending, besides being listed as failed
				continue;
			}
			known.add(row.revision());
			if (isModified(row, revision.get())) {
				modified.add(row.revision());
			}
		}
		List<String> pending = new ArrayList<>();
		Set<String> rewritten = new HashSet<>();
		if (!midway.isEmpty()) {
			Map<String, List<String>> completed = new HashMap<>();
			rows.stream().filter(DatabaseMigrator::completedUpgrade)
				.forEach((row) -> completed.put(row.revision(), row.downRevisions()));
			for (Revision squash : new LinkedHashSet<>(midway.values())) {
				// what the recorded revisions do not cover is to run; the squash itself is not, its row replaces theirs
				pending.addAll(SquashedHistory.remaining(squash, completed, Map.of()));
				rewritten.add(squash.id());
			}
		}
		this.resolver.pending(known).stream().map(Revision::id).filter((id) -> !rewritten.contains(id)).forEach(pending::add);
		// the rows are looked at again only when some revision is unknown (a database ahead of the code, or in the
		// middle of a squashed history)
		List<String> current = (missing.isEmpty() && midway.isEmpty()) ? this.resolver.current(known)
				: currentOf(rows, known);
		return new DatabaseState(rows, current, pending, modified, missing, failed);
	}

	/** Whether a row's upgrade completed: a revision whose downgrade stopped half-way (REVERTING) still counts as applied. */
	private static boolean completedUpgrade(AppliedRevision row) {
		return row.state() != AppliedRevision.State.FAILED && row.state() != AppliedRevision.State.RUNNING;
	}

	private static boolean isModified(AppliedRevision row, Revision revision) {
		return row.checksum() != null && revision.checksum() != null && !row.checksum().equals(revision.checksum());
	}

	/** The SQL script an upgrade to the target would run; {@code from:to} starts from a given revision instead of the database. */
	public String upgradeScript(String target) {
		return script(target, true, null);
	}

	/**
	 * {@link #upgradeScript(String)} that, on a database where no revision is recorded yet, asks {@code baseline}
	 * (with a connection switched to the migrated schema, without the lock) which revision the schema already is,
	 * as the online upgrade does: the script then records that revision and its ancestors as applied without
	 * running them, and runs what follows. {@code baseline} may throw to refuse, as the upgrade would.
	 * @param baseline decides which revision to stamp, {@code null} for none
	 */
	public String upgradeScript(String target, BaselineDecision baseline) {
		return script(target, true, baseline);
	}

	/**
	 * The revisions a database without recorded revisions is taken to have by {@code baseline} (the revision it
	 * names and its ancestors, oldest first); empty when revisions are recorded or it names none. Reads without
	 * the lock.
	 */
	public List<String> baselineRevisions(BaselineDecision baseline) {
		if (baseline == null) {
			return List.of();
		}
		try (Connection connection = connection()) {
			String original = switchSchema(connection);
			try {
				if (!this.versionTable.read(connection).isEmpty()) {
					return List.of();
				}
				String revision = baseline.revision(connection);
				return (revision == null) ? List.of() : ancestorsInOrder(this.graph.resolve(revision).id());
			}
			finally {
				restoreSchema(connection, original);
			}
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read " + this.versionTable.qualifiedTable() + " and the schema: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Refuses a script from a database whose version table holds revisions a squash replaces, and not the squash: a
	 * script could neither record the squash in their place, as an online command does under the lock, nor go
	 * through the replaced revisions a database in the middle of them has still to run.
	 */
	private void requireSquashRecorded(List<AppliedRevision> stored, boolean upgrade) {
		Revision squash = this.versionTable.storedWithoutSquash(stored);
		if (squash == null) {
			return;
		}
		List<String> replaced = squash.replaces();
		String point = replaced.get(replaced.size() - 1);
		long recorded = stored.stream().filter((row) -> replaced.contains(row.revision())).count();
		String command = (upgrade ? "db upgrade" : "db downgrade") + " ... --sql";
		boolean atPoint = stored.stream().anyMatch((row) -> row.revision().equals(point)
				&& row.state() == AppliedRevision.State.APPLIED);
		if (atPoint) {
			List<String> current = this.resolver.current(appliedIds(this.versionTable.translate(stored)).stream()
				.filter(this.graph::contains).toList());
			throw new MigrationsException("Cannot write the script (" + command + "): " + this.versionTable.qualifiedTable()
					+ " holds the " + recorded + " revision(s) squash " + squash.id() + " (" + squash.source() + ") replaces,"
					+ " up to " + point + ", and not the squash itself, which the first online command taking the lock"
					+ " records in their place; a script cannot, and its version-table statements would miss their rows."
					+ " Nothing was written. Run `db stamp " + String.join(" ", current) + "` online first (the revision"
					+ " the database is at: it changes nothing but these rows), then write the script again.");
		}
		throw new MigrationsException("Cannot write the script (" + command + "): the database is in the middle of the"
				+ " history squashed into " + squash.id() + " (" + squash.source() + "): it recorded " + recorded + " of the "
				+ replaced.size() + " revisions the squash replaces, but not the last, " + point + ", and a script does not"
				+ " go through the replaced revisions. Nothing was written. Run `db upgrade " + squash.id() + "` online"
				+ " first (it runs the replaced revisions not yet run from their files and records the squash), then write"
				+ " the script again; or write it with the release before the squash.");
	}

	/** The SQL script a downgrade to the target would run; {@code from:to} starts from a given revision instead of the database. */
	public String downgradeScript(String target) {
		try {
			return script(target, false, null);
		}
		catch (UnknownAppliedRevisionException ex) {
			if (this.dataSource == null || target.indexOf(':') >= 0) {
				throw ex;
			}
			throw ex.forDowngrade(this.resolver.current(appliedIds(readRows()).stream().filter(this.graph::contains).toList()));
		}
	}

	private String script(String target, boolean upgrade, BaselineDecision baseline) {
		String to = target;
		List<String> applied;
		List<String> baselined = List.of();
		String from;
		int colon = target.indexOf(':');
		if (colon >= 0) {
			to = target.substring(colon + 1).trim();
			if (to.isEmpty()) {
				throw new TargetException("'" + target + "' has no TO: a script's range is FROM:TO, the revisions the"
						+ " database is at before the script and after it; write e.g. " + target.substring(0, colon).trim()
						+ ":" + (upgrade ? "head" : "base"));
			}
			applied = rangeStart(target, target.substring(0, colon).trim());
			// the header names the revisions, not the prefixes or keywords they were given as
			from = applied.isEmpty() ? "base" : String.join(",", this.resolver.current(applied));
		}
		else if (this.dataSource != null) {
			List<AppliedRevision> stored = inSchema(this.versionTable.qualifiedTable(), this.versionTable::readStored,
					List::of);
			requireSquashRecorded(stored, upgrade);
			List<AppliedRevision> rows = this.versionTable.translate(stored);
			requireNoFailed(rows);
			applied = appliedIds(rows);
			from = applied.isEmpty() ? "base" : String.join(",", this.resolver.current(applied));
			if (rows.isEmpty()) {
				baselined = baselineRevisions(baseline);
				applied = baselined;
			}
		}
		else {
			from = "base";
			applied = List.of();
		}
		Plan plan = (colon >= 0) ? rangePlan(target, from, to, applied, upgrade)
				: upgrade ? this.resolver.upgrade(to, applied) : this.resolver.downgrade(to, applied);
		plan = upgrade ? plan.requireUpgradeStatements(this.dialect.sqlSyntax())
				: plan.requireDowngradeStatements(this.dialect.sqlSyntax());
		if (!upgrade && colon < 0 && this.dataSource != null) {
			requireAboveBaseline(target, plan.ids());
		}
		// where the script leaves the database, named by its revisions rather than as asked (-1, +2, head)
		List<String> after = new ArrayList<>(applied);
		if (upgrade) {
			after.addAll(plan.ids());
		}
		else {
			after.removeAll(plan.ids());
		}
		String reached = after.isEmpty() ? "base" : String.join(",", this.resolver.current(after));
		ExecutionTarget.Script script = new ExecutionTarget.Script(this.dialect);
		script.comment((upgrade ? "Upgrade" : "Downgrade") + " script for " + this.dialect.name() + ", from " + from + " to "
				+ reached + (reached.equals(to) ? "" : " (" + to + ")") + ": " + plan.steps().size() + " revision(s).");
		script.comment("Generated " + Instant.now() + " by migrations. It records each revision in "
				+ this.versionTable.qualifiedTable() + " as it goes, when it runs (by the server's clock).");
		if (this.dialect.name().equals("postgresql")) {
			script.comment("Run it with: psql -v ON_ERROR_STOP=1 -f <this file>");
		}
		if (this.schema != null) {
			for (String statement : this.dialect.createSchemaIfMissing(this.schema)) {
				script.execute(statement);
			}
			script.sessionSetup(this.dialect.useSchemaStatement(this.schema));
		}
		for (String statement : this.versionTable.createStatements()) {
			script.execute(statement);
		}
		if (!baselined.isEmpty()) {
			Revision point = this.graph.get(baselined.get(baselined.size() - 1));
			script.comment("Baseline: the schema has tables but no recorded revision, so " + point.id() + " ("
					+ point.message() + ") and its ancestors are recorded as applied without running them, as `db upgrade`"
					+ " does with the baseline configured.");
			script.begin();
			for (String id : baselined) {
				Revision revision = this.graph.get(id);
				script.execute(this.versionTable.insert(revision, AppliedRevision.State.APPLIED, 0L,
						"offline script (" + this.performedBy.get() + ")", null));
				script.execute(this.versionTable.log(revision.id(), VersionTable.BASELINE, revision.message(), revision.checksum(), 0,
						"offline script (" + this.performedBy.get() + ")"));
			}
			script.commit();
		}
		RevisionRunner runner = new RevisionRunner(this.dialect, this.versionTable, script, "offline script ("
				+ this.performedBy.get() + ")", MigrationsListener.NONE);
		if (upgrade) {
			runner.upgrade(plan.steps());
		}
		else {
			runner.downgrade(plan.steps());
		}
		return script.text();
	}

	/**
	 * The plan of a range, refusing one given the wrong way round (an upgrade whose end comes before its start, a
	 * downgrade whose end comes after it), which would otherwise be a script of nothing or a "not applied" error.
	 */
	private Plan rangePlan(String range, String from, String to, List<String> applied, boolean upgrade) {
		if (upgrade) {
			Plan plan = this.resolver.upgrade(to, applied);
			if (plan.isEmpty() && goesTheOtherWay(() -> this.resolver.downgrade(to, applied))) {
				throw new TargetException("'" + range + "' goes back: " + to + " comes before " + from + "; the script of"
						+ " that downgrade is `db downgrade " + range + " --sql`");
			}
			return plan;
		}
		try {
			return this.resolver.downgrade(to, applied);
		}
		catch (TargetException ex) {
			if (goesTheOtherWay(() -> this.resolver.upgrade(to, applied))) {
				TargetException reversed = new TargetException("'" + range + "' goes forward: " + to + " comes after "
						+ from + "; the script of that upgrade is `db upgrade " + range + " --sql`");
				reversed.addSuppressed(ex);
				throw reversed;
			}
			throw ex;
		}
	}

	/** Whether the plan the other direction would make does something. */
	private static boolean goesTheOtherWay(Supplier<Plan> otherDirection) {
		try {
			return !otherDirection.get().isEmpty();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The revisions a database is taken to have at the start of a range ({@code FROM:TO}): the revisions
	 * {@code FROM} names (as {@code db current} prints them, {@code a,b}, or {@code head}, {@code heads},
	 * {@code label@head}, an id or prefix, {@code base}) and their ancestors, in the graph's order.
	 */
	private List<String> rangeStart(String range, String start) {
		for (String part : start.split(",", -1)) {
			String trimmed = part.trim();
			if (trimmed.isEmpty()) {
				throw new TargetException("'" + range + "' starts from nothing: before the colon give where the database"
						+ " is, as `db current` shows it (e.g. a1b2,c3d4), or base");
			}
			if (!trimmed.equalsIgnoreCase("base") && Target.parse(trimmed) instanceof Target.Relative) {
				throw new TargetException("'" + range + "' starts from " + trimmed + ", which counts from the database's"
						+ " current revisions; a script of a range starts from revisions named without the database: give"
						+ " where the database is, as `db current` shows it (e.g. a1b2,c3d4), head, heads, label@head or"
						+ " base");
			}
		}
		Set<String> ancestors = new HashSet<>();
		for (String id : stampTargets(start)) {
			ancestors.addAll(this.graph.ancestors(id));
		}
		List<String> ordered = new ArrayList<>();
		for (Revision revision : this.graph.revisions()) {
			if (ancestors.contains(revision.id())) {
				ordered.add(revision.id());
			}
		}
		return ordered;
	}

	private List<String> ancestorsInOrder(String id) {
		Set<String> ancestors = this.graph.ancestors(id);
		List<String> ordered = new ArrayList<>();
		for (Revision revision : this.graph.revisions()) {
			if (ancestors.contains(revision.id())) {
				ordered.add(revision.id());
			}
		}
		return ordered;
	}

	private void requireAboveBaseline(String target, List<String> reverted) {
		// a schema the first upgrade creates has no baseline to stay above
		inSchema(this.versionTable.logTable(), (connection) -> {
			requireAboveBaseline(connection, target, reverted);
			return true;
		}, () -> true);
	}

	private List<AppliedRevision> readRows() {
		return inSchema(this.versionTable.qualifiedTable(), this.versionTable::read, List::of);
	}

	/** Work on a connection of its own switched to the migrated schema, without the lock. */
	private <T> T inSchema(String reading, ConnectionWork<T> work) {
		return inSchema(reading, work, null);
	}

	/**
	 * @param whenMissing the answer when the schema does not exist yet (the first upgrade creates it), {@code null} to
	 * fail then too
	 */
	private <T> T inSchema(String reading, ConnectionWork<T> work, Supplier<T> whenMissing) {
		try (Connection connection = connection()) {
			String original;
			try {
				original = switchSchema(connection);
			}
			catch (SQLException ex) {
				if (whenMissing != null && this.dialect.isMissingSchema(ex)) {
					return whenMissing.get();
				}
				throw ex;
			}
			try {
				return work.run(connection);
			}
			finally {
				restoreSchema(connection, original);
			}
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read " + reading + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * What each revision recorded as not completed says: when and by whom it started, what failed (or that its
	 * process may have died), and the {@code db stamp} commands that record it either way: the revisions
	 * {@link #state()} lists as failed (not one another session is running now). Reads without the lock.
	 */
	public List<String> failures() {
		DatabaseState state = state();
		List<String> failures = new ArrayList<>();
		for (AppliedRevision row : state.applied()) {
			if (state.failed().contains(row.revision())) {
				failures.add(describeFailed(row));
			}
		}
		if (!failures.isEmpty() && this.dataSource != null) {
			// what the revisions left unusable, as an upgrade would refuse with: the last entry
			try (Connection connection = connection()) {
				String original = switchSchema(connection);
				try {
					String note = invalidIndexes(connection);
					if (!note.isEmpty()) {
						failures.add(note.strip());
					}
				}
				finally {
					restoreSchema(connection, original);
				}
			}
			catch (SQLException ex) {
				logger.debug("Could not look for invalid indexes: {}", ex.getMessage());
			}
		}
		return failures;
	}

	/**
	 * Whether the configured schema exists (on MariaDB a database); {@code true} when none is configured, the
	 * connection's own. One that does not is at base until the first upgrade creates it: a command that reads says
	 * so, for a name misspelt would read the same.
	 */
	public boolean schemaExists() {
		if (this.dataSource == null || this.schema == null) {
			return true;
		}
		// PostgreSQL's search_path takes a schema that does not exist, which current_schema() then skips
		return inSchema("whether schema " + this.schema + " exists",
				(connection) -> this.dialect.currentSchema(connection) != null, () -> false);
	}

	/**
	 * The indexes of the migrated schema a concurrent build that did not finish left INVALID (PostgreSQL; none
	 * elsewhere): unused by queries whether or not a revision is recorded as failed.
	 */
	public List<Dialect.InvalidIndex> invalidIndexes() {
		if (this.dataSource == null) {
			return List.of();
		}
		try (Connection connection = connection()) {
			String original = switchSchema(connection);
			try {
				return this.dialect.invalidIndexes(connection);
			}
			finally {
				restoreSchema(connection, original);
			}
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not look for invalid indexes: " + ex.getMessage(), ex);
		}
	}

	// why a revision recorded as running never recorded its end, as far as the lock can tell
	private String unfinished() {
		return this.dialect.locksAcrossProcesses() ? "the process may have died"
				: "it may be running in another process, which " + this.dialect.name() + "'s lock, held within one JVM,"
						+ " does not see, or its process died";
	}

	/**
	 * What to do about a revision that stopped half-way when this release has no file for it (a newer
	 * release's): {@code db stamp} of the revision itself is refused here, its parent is not.
	 */
	private static String recoveryWithoutFile(AppliedRevision row, boolean upgrade) {
		String revision = row.revision();
		String parent = row.downRevisions().isEmpty() ? "base" : String.join(",", row.downRevisions());
		String stampParent = "`db stamp " + parent + "` (its parent" + (row.downRevisions().isEmpty() ? ": the row names none" : "")
				+ ")";
		if (upgrade) {
			return "This release has no file for " + revision + ": run the release that has it (its `db current` and"
					+ " `db stamp " + revision + "` know the revision), finish its upgrade's statements by hand and `db stamp "
					+ revision + "` with that release; or undo them by hand and run " + stampParent + ", here or with it.";
		}
		return "This release has no file for " + revision + ": finish or undo its downgrade's statements by hand, then run"
				+ " " + stampParent + " if you completed the downgrade, or `db stamp " + revision + "` with the release that"
				+ " has its file if you undid it.";
	}

	void requireNoFailed(List<AppliedRevision> rows) {
		requireNoFailed(null, rows);
	}

	/**
	 * @param connection the command's connection, on the migrated schema, to name what a revision that stopped
	 * half-way left unusable (an index a concurrent build did not finish); {@code null} when there is none
	 */
	void requireNoFailed(Connection connection, List<AppliedRevision> rows) {
		List<String> failed = new ArrayList<>();
		StringBuilder message = new StringBuilder();
		for (AppliedRevision row : rows) {
			if (row.state() == AppliedRevision.State.APPLIED) {
				continue;
			}
			failed.add(row.revision());
			message.append("\n  ").append(describeFailed(row));
		}
		if (!failed.isEmpty()) {
			boolean elsewhere = !this.dialect.locksAcrossProcesses() && rows.stream().anyMatch(AppliedRevision::underWay);
			message.append(stampHazards(rows, failed));
			message.append(invalidIndexes(connection));
			throw new FailedRevisionException("The database has revisions that did not complete; nothing was run:" + message,
					failed, elsewhere);
		}
	}

	/**
	 * What the {@code db stamp} a failed revision's recovery advises would also do, said before it is run: un-record the
	 * revisions a newer release applied (a stamp with this code drops the rows it has no file for), and record an
	 * edited file of this code as applied (a stamp records the stamped revisions' checksums). Paragraphs starting on
	 * a new line; empty when neither applies.
	 */
	private String stampHazards(List<AppliedRevision> rows, List<String> failed) {
		StringBuilder text = new StringBuilder();
		List<String> unknown = new ArrayList<>();
		List<String> modified = new ArrayList<>();
		for (AppliedRevision row : rows) {
			if (row.state() != AppliedRevision.State.APPLIED) {
				continue;
			}
			var revision = this.graph.find(row.revision());
			if (revision.isEmpty()) {
				unknown.add(row.revision());
			}
			else if (this.validateChecksums && isModified(row, revision.get())) {
				modified.add(row.revision());
			}
		}
		if (!unknown.isEmpty() && failed.stream().anyMatch(this.graph::contains)) {
			boolean one = unknown.size() == 1;
			text.append("\n  The database is also ahead of this code: it has ").append(one ? "revision " : "revisions ")
				.append(String.join(", ", unknown))
				.append(" applied, which this code has no file for (a newer release applied ").append(one ? "it" : "them")
				.append("), so a `db stamp` with this code would un-record ").append(one ? "it" : "them")
				.append(": run the `db stamp` with the release that has ").append(one ? "it." : "them.");
		}
		if (!modified.isEmpty()) {
			boolean one = modified.size() == 1;
			text.append("\n  ").append(one ? "Revision " : "Revisions ").append(String.join(", ", modified))
				.append(" of this code ").append(one ? "was" : "were").append(" also changed after ")
				.append(one ? "it was applied (its file differs" : "they were applied (their files differ")
				.append(" from what ran): restore ").append(one ? "its" : "their")
				.append(" applied content (e.g. `git checkout` the file) before any `db stamp`, which would record the edited")
				.append(one ? " file" : " files").append(" as applied without running ").append(one ? "it." : "them.");
		}
		return text.toString();
	}

	/**
	 * The indexes of the migrated schema that a concurrent build which did not finish left INVALID, with the
	 * statements that drop them; empty when there are none or they cannot be read. Such an index is not used by
	 * queries but is kept up to date by every write, and it is in the way of finishing the revision: running its
	 * {@code CREATE INDEX CONCURRENTLY} again fails with "already exists", or with {@code IF NOT EXISTS} keeps the
	 * invalid index, so the revision would be stamped as completed without a usable index.
	 */
	private String invalidIndexes(Connection connection) {
		return (connection != null) ? RevisionRunner.invalidIndexesNote(this.dialect, connection) : "";
	}

	private String describeFailed(AppliedRevision row) {
		StringBuilder message = new StringBuilder();
		String note = (row.error() != null) ? row.error() : "";
		// tables written by earlier releases mark a downgrade in progress as RUNNING with this note
		boolean downgrade = row.state() == AppliedRevision.State.REVERTING
				|| (row.state() == AppliedRevision.State.RUNNING && note.equals("downgrade started"));
		message.append(row.revision()).append(" (").append(row.source()).append(") is recorded as ").append(row.state());
		if (downgrade) {
			// applied_at is when it was applied; the error column says when its downgrade started
			message.append(" (applied at ").append(row.appliedAt()).append("): its downgrade did not complete. ")
				.append(note.replace("\n", "\n    "));
			if (!note.contains(" It failed:")) {
				message.append(" It ran outside a transaction and never recorded completion (").append(unfinished())
					.append(").");
			}
		}
		else {
			message.append(" since ").append(row.appliedAt()).append(" by ").append(row.appliedBy());
			if (row.state() == AppliedRevision.State.RUNNING) {
				message.append(": it ran outside a transaction and never recorded completion (").append(unfinished())
					.append(").");
				if (!note.isEmpty()) {
					// how far it got: the statements that completed and the one that started
					message.append(' ').append(note.replace("\n", "\n    "));
				}
			}
			else if (row.error() != null) {
				message.append(":\n    ").append(row.error().replace("\n", "\n    "));
			}
		}
		message.append("\n  ").append(this.graph.contains(row.revision()) || this.versionTable.midway(List.of(row)).containsKey(row.revision())
				? RevisionRunner.recovery(row.revision(), row.downRevisions(), !downgrade)
				: recoveryWithoutFile(row, !downgrade));
		return message.toString();
	}

	void requireUnmodified(List<AppliedRevision> rows) {
		List<String> modified = new ArrayList<>();
		StringBuilder message = new StringBuilder();
		for (AppliedRevision row : rows) {
			var revision = this.graph.find(row.revision());
			if (revision.isPresent() && isModified(row, revision.get())) {
				modified.add(row.revision());
				message.append("\n  ").append(revision.get().source()).append(" (revision ").append(row.revision())
						.append("): applied with checksum ").append(row.checksum()).append(", the file now has ")
						.append(revision.get().checksum());
			}
		}
		if (!modified.isEmpty()) {
			// stamping where the database is records the edited files' checksums and keeps every revision applied;
			// stamping the modified revision itself would un-record the revisions after it
			List<String> applied = new ArrayList<>();
			List<String> unknown = new ArrayList<>();
			for (AppliedRevision row : rows) {
				if (completedUpgrade(row)) {
					(this.graph.contains(row.revision()) ? applied : unknown).add(row.revision());
				}
			}
			String at = String.join(",", this.resolver.current(applied));
			String restore = "\nRestore the applied content (e.g. `git checkout` the file) and put new changes in a new"
					+ " revision (`db revision`).";
			if (!unknown.isEmpty()) {
				// a stamp drops the rows of revisions it has no file for: here it would un-record the newer release's
				boolean one = unknown.size() == 1;
				throw new ChecksumMismatchException("Applied revisions were modified after they were applied; nothing was run:"
						+ message + restore + " The database is also ahead of this code: it has " + (one ? "revision " : "revisions ")
						+ String.join(", ", unknown) + " applied, which this code has no file for (a newer release applied "
						+ (one ? "it" : "them") + "), so `db stamp` with this code would un-record " + (one ? "it" : "them")
						+ ". If the database already matches the edited file, record that with the release that has "
						+ (one ? "it" : "them") + ", once its file has the same edit (its `db stamp` where the database is records"
						+ " its files' checksums), or set migrations.validate-checksums=false to skip this check.", modified, at,
						unknown);
			}
			throw new ChecksumMismatchException("Applied revisions were modified after they were applied; nothing was run:"
					+ message + restore + " If the database already matches the edited file, record that with `db stamp " + at
					+ "` (where the database is: it keeps every revision applied and records the files' checksums), or set"
					+ " migrations.validate-checksums=false to skip this check.", modified, at);
		}
	}

	static List<String> appliedIds(List<AppliedRevision> rows) {
		List<String> ids = new ArrayList<>(rows.size());
		for (AppliedRevision row : rows) {
			ids.add(row.revision());
		}
		return ids;
	}

	private Connection connection() throws SQLException {
		if (this.dataSource == null) {
			throw new MigrationsException("No DataSource is configured: only offline scripts (`--sql` with from:to) can be written.");
		}
		SpareConnection kept = this.spare;
		if (kept != null) {
			this.spare = null;
			Connection connection = kept.take();
			if (connection != null) {
				return connection;
			}
		}
		return this.dataSource.getConnection();
	}

	/**
	 * The connection loading opened (to learn the dialect) for this migrator's first command, which then opens
	 * none; closed after a short while if no command takes it. Only for a data source that
	 * {@link SpareConnection#keepsFor} accepts.
	 */
	public void handOver(Connection connection) {
		this.spare = SpareConnection.keep(connection);
	}

	/**
	 * Closes the connection loading kept for the first command, if none took it: before a command that must find
	 * no session of its own on the database (a rehearsal copies it with {@code CREATE DATABASE ... TEMPLATE}).
	 */
	public void closeSpare() {
		SpareConnection kept = this.spare;
		if (kept != null) {
			this.spare = null;
			Connection connection = kept.take();
			if (connection != null) {
				closeQuietly(connection);
			}
		}
	}

	private String switchSchema(Connection connection) throws SQLException {
		return (this.schema != null) ? this.dialect.useSchema(connection, this.schema) : null;
	}

	private void restoreSchema(Connection connection, String original) {
		if (this.schema == null) {
			return;
		}
		try {
			this.dialect.restoreSchema(connection, original);
		}
		catch (SQLException ex) {
			logger.warn("Could not restore the connection's schema to {}: {}", original, ex.getMessage());
		}
	}

	/**
	 * A failure of the tool's own statements (the lock, the version tables): a column or table of the
	 * version tables missing says so, with where to see what they should hold.
	 */
	private MigrationsException databaseError(SQLException ex) {
		return databaseError(ex, null);
	}

	/**
	 * @param command the command to run again when the session rather than the statement stopped it (its end, a
	 * timeout: {@link Dialect#stoppedBySession}), {@code null} to say nothing of it
	 */
	private MigrationsException databaseError(SQLException ex, String command) {
		String state = ex.getSQLState();
		if ("42703".equals(state) || "42S22".equals(state)) {
			// the server's first line only: PostgreSQL adds "Position: 18" below it
			String message = (ex.getMessage() != null) ? ex.getMessage().strip().lines().findFirst().orElse("") : "";
			return new MigrationsException("Database error: " + message + ". " + this.versionTable.qualifiedTable()
					+ " or " + this.versionTable.logTable() + " lacks a column this tool reads and writes: it was"
					+ " altered by hand, or it is another table under the same name (the application's, or another"
					+ " tool's). Give it back its columns (`db upgrade --sql` against an empty database prints the CREATE"
					+ " TABLE statements); or, when it is another table, leave it as it is and give migrations version"
					+ " tables of their own: migrations.version-table=<a name not taken> (the plain Java API:"
					+ " versionTable(...)). Then run the command again.", ex);
		}
		String stopped = (command != null) ? this.dialect.stoppedBySession(ex, command) : null;
		if (stopped == null) {
			return new MigrationsException("Database error: " + ex.getMessage(), ex);
		}
		String message = String.valueOf(ex.getMessage()).strip();
		return new MigrationsException("Database error: " + message + (message.endsWith(".") ? " " : ". ") + stopped, ex);
	}

	private <T> T underLock(ConnectionWork<T> work) {
		return underLock(null, work);
	}

	/** {@link #underLock(ShutdownGuard, ConnectionWork)} under a guard of its own: a shutdown stops the wait and the work. */
	private <T> T underGuardedLock(ConnectionWork<T> work) {
		try (ShutdownGuard guard = new ShutdownGuard(this.shutdownAdvice)) {
			try {
				return underLock(guard, work);
			}
			catch (RuntimeException ex) {
				throw guard.failed(ex);
			}
		}
	}

	private <T> T underLock(ShutdownGuard guard, ConnectionWork<T> work) {
		try (LockedConnection locked = lockedConnection(guard)) {
			return work.run(locked.connection);
		}
		catch (SQLException ex) {
			throw databaseError(ex);
		}
	}

	/**
	 * A connection holding the lock, switched to the migrated schema, with the version tables created if
	 * missing: what every writing command runs on. Closing it restores the schema, releases the lock and
	 * closes the connection.
	 */
	private LockedConnection lockedConnection() throws SQLException {
		return lockedConnection(null);
	}

	/** @param guard the command's shutdown guard: a wait for the lock that a shutdown interrupts says so */
	private LockedConnection lockedConnection(ShutdownGuard guard) throws SQLException {
		Connection connection = connection();
		DatabaseLock lock = null;
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (connection.isReadOnly()) {
				throw readOnlyConnection(connection);
			}
			// Asked before the lock: tables seen there stay there, tables seen missing are created if
			// still missing once the lock is held (another instance may have created them meanwhile).
			Dialect.Tables tables = this.dialect.findTables(connection, this.schema,
					List.of(this.versionTable.table(), this.versionTable.logTable()));
			if (tables.schema() == null) {
				throw new MigrationsException("Could not create the version table " + this.versionTable.table() + ": the"
						+ " session has no schema to create it in, as " + this.dialect.noCurrentSchema(connection) + "."
						+ " Nothing was changed.\n  Set migrations.schema to the schema to migrate (created when missing;"
						+ " schema(...) in the plain Java API), or create the schema the session should use, then run the"
						+ " command again (or start the application).");
			}
			lock = this.dialect.lock(connection, lockName(tables.schema()), this.lockTimeout);
			if (this.schema != null && !tables.exist()) {
				try {
					for (String statement : this.dialect.createSchemaIfMissing(this.schema)) {
						new ExecutionTarget.Jdbc(connection).execute(statement);
					}
				}
				catch (SQLException ex) {
					throw refusedToCreate(ex, "the schema " + this.schema, this.schema, true, connection);
				}
			}
			String original = switchSchema(connection);
			try {
				if (!tables.exist()) {
					try {
						for (String statement : this.versionTable.createStatements()) {
							new ExecutionTarget.Jdbc(connection).execute(statement);
						}
					}
					catch (SQLException ex) {
						throw refusedToCreate(ex, "the version table " + lockName(tables.schema()), tables.schema(), false,
								connection);
					}
				}
				this.versionTable.recordSquashes(connection, this.performedBy);
			}
			catch (SQLException | RuntimeException ex) {
				restoreSchema(connection, original);
				throw ex;
			}
			return new LockedConnection(connection, lock, original);
		}
		catch (SQLException | RuntimeException ex) {
			if (lock != null) {
				lock.close();
			}
			try {
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			if (lock == null && guard != null && guard.stopping()) {
				throw new MigrationsException("Stopped while waiting for the migrations lock: the process is shutting"
						+ " down. Nothing was run; the next start (or `db upgrade`) goes on from here.", ex);
			}
			throw ex;
		}
	}

	/**
	 * A connection its pool made read-only ({@link Connection#setReadOnly}): PostgreSQL's driver makes only its
	 * transactions READ ONLY, so the version tables would be created outside one and each transactional revision then
	 * refused; no command that writes starts on it.
	 */
	private static WriteRefusedException readOnlyConnection(Connection connection) {
		String user;
		try {
			user = connection.getMetaData().getUserName();
		}
		catch (SQLException unknown) {
			user = "the user migrations connect as";
		}
		return new WriteRefusedException("The migrations' connection is read-only: its pool sets it so"
				+ " (Connection.setReadOnly(true), as spring.datasource.hikari.read-only=true does), and the server refuses"
				+ " the revisions' writes. Nothing was changed.\n  Give migrations a connection that may write: set"
				+ " migrations.url (with migrations.user and migrations.password) to the primary, while the application"
				+ " keeps its read-only pool, or take the read-only setting off the pool. Then run the command again (or"
				+ " start the application).", user, true, null);
	}

	/**
	 * The version tables (or their schema) could not be created: when the session may not write or the user lacks
	 * the privilege, a message naming the user and what to connect with instead; otherwise the error as it is.
	 */
	private SQLException refusedToCreate(SQLException ex, String what, String schema, boolean schemaItself,
			Connection connection) {
		Dialect.WriteRefusal refusal = this.dialect.writeRefusal(ex);
		if (refusal == null) {
			return ex;
		}
		String user;
		try {
			user = connection.getMetaData().getUserName();
		}
		catch (SQLException unknown) {
			user = "the user migrations connect as";
		}
		// the server's first line only: PostgreSQL adds "Position: 28" below it
		String server = (ex.getMessage() != null) ? ex.getMessage().strip().lines().findFirst().orElse("") : "";
		if (refusal == Dialect.WriteRefusal.READ_ONLY) {
			String why = this.dialect.readOnlySession();
			throw new WriteRefusedException("Could not create " + what + ": the session is read-only (" + server + ")."
					+ " Nothing was changed.\n  " + Character.toUpperCase(why.charAt(0)) + why.substring(1)
					+ " Connect migrations to the primary as a user that may change the schema (migrations.url,"
					+ " migrations.user and migrations.password; the application keeps its own connection), then run"
					+ " the command again (or start the application).", user, true, ex);
		}
		throw new WriteRefusedException("Could not create " + what + ": user " + user + " may not (" + server + ")."
				+ " Nothing was changed.\n  Migrations change the schema, so they connect as a user that may: set"
				+ " migrations.user and migrations.password to the schema's owner (the application keeps its own user,"
				+ " which then needs only SELECT, INSERT, UPDATE and DELETE), or "
				+ this.dialect.grantToCreate(connection, user, schema, schemaItself) + ", or set migrations.schema to a schema " + user + " owns. Then run the command again (or start the"
				+ " application).", user, false, ex);
	}

	final class LockedConnection implements AutoCloseable {

		final Connection connection;

		private final DatabaseLock lock;

		private final String originalSchema;

		private LockedConnection(Connection connection, DatabaseLock lock, String originalSchema) {
			this.connection = connection;
			this.lock = lock;
			this.originalSchema = originalSchema;
		}

		@Override
		public void close() throws SQLException {
			try (Connection closing = this.connection; DatabaseLock releasing = this.lock) {
				restoreSchema(closing, this.originalSchema);
			}
		}

	}

	/**
	 * The lock's name from the version table the connection actually writes, not from the configured
	 * text: with and without {@code migrations.schema=public} two instances writing {@code
	 * public.migrations_version} take the same lock.
	 */
	private String lockName(String schema) {
		return this.dialect.canonicalName((schema != null) ? schema : "") + "."
				+ this.dialect.canonicalName(this.versionTable.table());
	}

	@FunctionalInterface
	private interface ConnectionWork<T> {

		T run(Connection connection) throws SQLException;

	}

}
