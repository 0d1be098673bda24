package dev.migrations.boot;

import dev.migrations.MigrationsException;
import dev.migrations.baseline.OtherToolHistory;

/**
 * Flyway or Liquibase is set to migrate, on this startup, the same database schema as migrations.
 * Raised before either has run anything.
 */
public class OtherMigrationToolException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final String tool;

	private final String disableProperty;

	private final String schema;

	private final transient OtherToolHistory history;

	private final boolean managedByMigrations;

	private final String baseline;

	private final boolean empty;

	public OtherMigrationToolException(String tool, String disableProperty, String url, String schema,
			OtherToolHistory history) {
		this(tool, disableProperty, url, schema, history, false);
	}

	/**
	 * @param managedByMigrations whether migrations already manages the schema (its version log records
	 * upgrades or a baseline): the other tool is merely on the class path, or still there after the schema
	 * was taken over from it (its {@code history} then stays in place)
	 */
	public OtherMigrationToolException(String tool, String disableProperty, String url, String schema,
			OtherToolHistory history, boolean managedByMigrations) {
		this(tool, disableProperty, url, schema, history, managedByMigrations, null);
	}

	/**
	 * @param managedByMigrations whether migrations already manages the schema (see above)
	 * @param baseline the revision {@code migrations.baseline} names, {@code null} when it is not set: the
	 * schema is then taken as that revision once the other tool is off
	 */
	public OtherMigrationToolException(String tool, String disableProperty, String url, String schema,
			OtherToolHistory history, boolean managedByMigrations, String baseline) {
		this(tool, disableProperty, url, schema, history, managedByMigrations, baseline, false);
	}

	/**
	 * @param managedByMigrations whether migrations already manages the schema (see above)
	 * @param baseline the revision {@code migrations.baseline} names, {@code null} when it is not set
	 * @param empty whether the schema holds no table and no history of the other tool: nothing there was
	 * built by it, so turning it off is all this database needs
	 */
	public OtherMigrationToolException(String tool, String disableProperty, String url, String schema,
			OtherToolHistory history, boolean managedByMigrations, String baseline, boolean empty) {
		super(tool + " and migrations would both migrate schema " + schema + " of " + ((url != null) ? url : "the database")
				+ " on this startup (" + tool + " is on the class path and " + disableProperty.replace("=false", "")
				+ " is not false)" + ((history != null) ? "; the schema has " + history.describe() : "")
				+ ". Nothing was run.");
		this.tool = tool;
		this.disableProperty = disableProperty;
		this.schema = schema;
		this.history = history;
		this.managedByMigrations = managedByMigrations;
		this.baseline = baseline;
		this.empty = empty;
	}

	/** Whether the schema holds no table and no history of the other tool. */
	public boolean empty() {
		return this.empty;
	}

	/** The revision {@code migrations.baseline} names; {@code null} when it is not set. */
	public String baseline() {
		return this.baseline;
	}

	/** Whether migrations already manages the schema, taken over from the other tool ({@link #history()}) or not. */
	public boolean managedByMigrations() {
		return this.managedByMigrations;
	}

	/** {@code Flyway} or {@code Liquibase}. */
	public String tool() {
		return this.tool;
	}

	/** The property that turns the other tool off, e.g. {@code spring.flyway.enabled=false}. */
	public String disableProperty() {
		return this.disableProperty;
	}

	/** The schema both would migrate. */
	public String schema() {
		return this.schema;
	}

	/** The other tool's history in the schema; {@code null} when it has none yet. */
	public OtherToolHistory history() {
		return this.history;
	}

}
