package dev.migrations.baseline;

import dev.migrations.MigrationsException;

/**
 * The schema to adopt has another tool's history recording a failed migration (Flyway's
 * {@code success = false} row): the schema may be half-changed by it, so it is not taken as any
 * revision until the failure is repaired. Flyway itself refuses to migrate in this state. No property
 * overrides this: repairing is one statement once the schema is known to be whole. Nothing was run
 * or recorded.
 */
public class FailedOtherToolMigrationException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final transient ExistingSchema schema;

	private final transient OtherToolHistory history;

	public FailedOtherToolMigrationException(ExistingSchema schema, OtherToolHistory history) {
		super("Schema " + schema.schema() + " was not adopted: " + history.tool() + "'s history (" + history.table()
				+ ") records a failed migration, " + String.join(", ", history.failed())
				+ ", so the schema may be half-changed by it. Nothing was run or recorded. Finish or undo that migration"
				+ " by hand, then repair the history: `flyway repair`, or " + history.repairStatement(schema.schema())
				+ "; then start the application, or run the command, again.");
		this.schema = schema;
		this.history = history;
	}

	/** What the schema holds. */
	public ExistingSchema schema() {
		return this.schema;
	}

	/** The statement removing the history's failed rows. */
	public String repairStatement() {
		return this.history.repairStatement(this.schema.schema());
	}

	/** The history recording the failed migration. */
	public OtherToolHistory history() {
		return this.history;
	}

}
