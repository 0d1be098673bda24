package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.migrations.MigrationsException;
import dev.migrations.revision.Plan;
import dev.migrations.revision.Revision;

/**
 * A series of single-revision upgrades and downgrades run as one command: one connection holds the
 * migrations lock from {@link DatabaseMigrator#steps opening} to {@link #close()}, the version tables are
 * created if missing and read once at the start, and each step then runs the revision as {@code db upgrade}
 * or {@code db downgrade} would run it (its own transaction where the database and the revision allow,
 * else the {@code RUNNING}/{@code REVERTING} row first), writing the same version-table row and log entry,
 * and recording a failure the same way. What is applied is then kept in memory, not read again.
 * <p>
 * Between steps the caller may read the database on {@link #connection()} (e.g. a snapshot of the schema),
 * as the test kit's stairway does: each revision up, down and up again. After a step fails the next one
 * reads the version table again, so a revision recorded as {@code FAILED} stops it as it stops a command.
 * Not thread-safe; close it in a {@code try}-with-resources.
 */
public final class RevisionSteps implements AutoCloseable {

	private final DatabaseMigrator migrator;

	private final DatabaseMigrator.LockedConnection locked;

	private final RevisionRunner runner;

	private final Runnable afterEachStep;

	// applied revisions in the order they were applied, as the version table has them
	private List<String> applied;

	private List<AppliedRevision> rowsToCheck;

	private boolean reread;

	private boolean closed;

	RevisionSteps(DatabaseMigrator migrator, DatabaseMigrator.LockedConnection locked, List<AppliedRevision> rows,
			Runnable afterEachStep) {
		this.migrator = migrator;
		this.locked = locked;
		this.afterEachStep = (afterEachStep != null) ? afterEachStep : () -> {
		};
		migrator.requireNoFailed(locked.connection, rows);
		this.applied = new ArrayList<>(DatabaseMigrator.appliedIds(rows));
		this.rowsToCheck = rows;
		this.runner = migrator.runner(locked.connection);
	}

	/**
	 * Applies one revision whose parents are all applied, as {@code db upgrade <revision>} would, in the
	 * session. Like an upgrade, the first one fails if an applied revision's file changed (when checksums
	 * are validated).
	 * @param revision an id or unique prefix
	 * @throws MigrationsException when its parents are not all applied or it already is, or it fails
	 */
	public CommandResult upgrade(String revision) {
		requireOpen();
		Revision step = this.migrator.graph().resolve(revision);
		refresh();
		List<String> before = current();
		if (this.rowsToCheck != null && this.migrator.validatesChecksums()) {
			this.migrator.requireUnmodified(this.rowsToCheck);
		}
		this.rowsToCheck = null;
		if (this.applied.contains(step.id())) {
			throw new MigrationsException("Revision " + step.id() + " (" + step.source() + ") is already applied: a step"
					+ " upgrades one revision whose parents are applied.");
		}
		Plan plan = this.migrator.resolver().upgrade(step.id(), this.applied)
			.requireUpgradeStatements(this.migrator.dialect().sqlSyntax());
		if (plan.steps().size() != 1) {
			List<String> missing = new ArrayList<>(step.downRevisions());
			missing.removeAll(this.applied);
			throw new MigrationsException("Revision " + step.id() + " (" + step.source() + ") cannot be upgraded on its own:"
					+ " its parent(s) " + missing + " are not applied. Upgrade them first.");
		}
		List<StepResult> steps = run(() -> this.runner.upgrade(plan.steps()));
		this.applied.add(step.id());
		return new CommandResult(revision, steps, before, current());
	}

	/**
	 * Reverts one applied revision none of whose children is applied, as {@code db downgrade} would, in the
	 * session.
	 * @param revision an id or unique prefix
	 * @throws MigrationsException when it is not applied or a child of it is, or it fails
	 */
	public CommandResult downgrade(String revision) {
		requireOpen();
		Revision step = this.migrator.graph().resolve(revision);
		refresh();
		List<String> before = current();
		if (!this.applied.contains(step.id())) {
			throw new MigrationsException("Revision " + step.id() + " (" + step.source() + ") is not applied: a step"
					+ " downgrades one applied revision.");
		}
		List<String> children = new ArrayList<>();
		for (String id : this.applied) {
			this.migrator.graph().find(id).filter((applied) -> applied.downRevisions().contains(step.id()))
				.ifPresent((child) -> children.add(child.id()));
		}
		if (!children.isEmpty()) {
			throw new MigrationsException("Revision " + step.id() + " (" + step.source() + ") cannot be downgraded on its"
					+ " own: its children " + children + " are applied. Downgrade them first.");
		}
		List<StepResult> steps = run(() -> this.runner.downgrade(List.of(step)));
		this.applied.remove(step.id());
		return new CommandResult(revision, steps, before, current());
	}

	/** {@code db current} as the session knows it: the applied revisions no other applied revision has as a parent. */
	public List<String> current() {
		return this.migrator.resolver().current(this.applied);
	}

	/**
	 * The session's connection, holding the lock and switched to the migrated schema, for reads between
	 * steps. Leave it in auto-commit mode and do not close it: {@link #close()} does.
	 */
	public Connection connection() {
		requireOpen();
		return this.locked.connection;
	}

	/** Puts the connection's schema back, releases the lock and closes the connection. */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.locked.close();
		}
		catch (SQLException ex) {
			throw new MigrationsException("Database error closing the steps' connection: " + ex.getMessage(), ex);
		}
	}

	private List<StepResult> run(Supplier<List<StepResult>> step) {
		try {
			return step.get();
		}
		catch (RuntimeException ex) {
			// what the failure left recorded decides whether the next step may run, as for the next command
			this.reread = true;
			throw ex;
		}
		finally {
			this.afterEachStep.run();
		}
	}

	private void refresh() {
		if (!this.reread) {
			return;
		}
		List<AppliedRevision> rows;
		try {
			rows = this.migrator.versionTable().read(this.locked.connection);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read " + this.migrator.versionTable().qualifiedTable()
					+ " after the failed step: " + ex.getMessage() + ". Close these steps and run the next command.", ex);
		}
		this.migrator.requireNoFailed(this.locked.connection, rows);
		this.applied = new ArrayList<>(DatabaseMigrator.appliedIds(rows));
		this.reread = false;
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("These revision steps are closed: open new ones.");
		}
	}

}
