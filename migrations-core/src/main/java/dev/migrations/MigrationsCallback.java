package dev.migrations;

import javax.sql.DataSource;

import dev.migrations.runner.CommandResult;

/**
 * Told before and after every {@link Migrations#upgrade upgrade}, like Flyway's
 * {@code beforeMigrate}, {@code afterMigrate} and {@code afterMigrateError} callbacks: to grant
 * privileges on new tables, refresh a materialized view, or notify someone. Revision by revision
 * progress is a {@link dev.migrations.runner.MigrationsListener}'s job.
 * <p>
 * The callbacks run in the thread calling {@code upgrade}, outside the database lock and outside
 * the revisions' transactions (each instance that starts calls them, so make their work idempotent).
 * An exception thrown by {@code beforeUpgrade} stops the upgrade before anything runs; one thrown by
 * {@code afterUpgrade} makes the upgrade fail although its revisions stay applied; one thrown by
 * {@code afterUpgradeError} is added as suppressed to the upgrade's error.
 */
public interface MigrationsCallback {

	/** Before the upgrade takes the lock. */
	default void beforeUpgrade(Context context) {
	}

	/**
	 * After an upgrade that succeeded, including one that had nothing to apply.
	 * @param context the upgrade
	 * @param result what was applied
	 */
	default void afterUpgrade(Context context, CommandResult result) {
	}

	/**
	 * After an upgrade that failed (including one stopped by a {@code beforeUpgrade} callback).
	 * @param context the upgrade
	 * @param error what the upgrade throws once the callbacks have been told
	 */
	default void afterUpgradeError(Context context, RuntimeException error) {
	}

	/**
	 * One upgrade.
	 *
	 * @param target the target as given, e.g. {@code head}
	 * @param dataSource the database the revisions run on, as migrations connect to it
	 */
	record Context(String target, DataSource dataSource) {

	}

}
