package dev.migrations.baseline;

import java.util.List;

/**
 * The bookkeeping another migration tool left in the schema, e.g. Flyway's
 * {@code flyway_schema_history}.
 *
 * @param tool the tool's name, {@code Flyway} or {@code Liquibase}
 * @param table the table as the database spells it
 * @param applied how many migrations (Flyway versions, Liquibase change sets) it records as applied;
 * {@link #UNREADABLE} when the table could not be read
 * @param latest the most recently applied one, e.g. {@code version 2 (add email to customer)};
 * {@code null} when none is recorded
 * @param failed the migrations recorded as failed ({@code success = false} in Flyway's history), e.g.
 * {@code version 3 (add phone, V3__add_phone.sql)}: the schema may be half-changed by them
 * @param repeatables the repeatable migrations applied ({@code R__*.sql}, rows without a version in
 * Flyway's history), e.g. {@code customer view (R__customer_view.sql)}, each named once
 */
public record OtherToolHistory(String tool, String table, int applied, String latest, List<String> failed,
		List<String> repeatables) {

	/** The count of a history table whose layout is not the one expected. */
	public static final int UNREADABLE = -1;

	public OtherToolHistory {
		failed = (failed != null) ? List.copyOf(failed) : List.of();
		repeatables = (repeatables != null) ? List.copyOf(repeatables) : List.of();
	}

	public OtherToolHistory(String tool, String table, int applied, String latest) {
		this(tool, table, applied, latest, List.of(), List.of());
	}

	/**
	 * For messages: {@code Flyway's history (flyway_schema_history, at version 2 (add email))}, then the
	 * failed migrations and the repeatable ones when there are any.
	 */
	public String describe() {
		String state = (this.applied == UNREADABLE) ? ", unreadable" : (this.latest != null) ? ", at " + this.latest : ", empty";
		if (!this.failed.isEmpty()) {
			state += ", with a failed migration: " + String.join(", ", this.failed);
		}
		if (!this.repeatables.isEmpty()) {
			state += ", and repeatable migrations applied: " + String.join(", ", this.repeatables);
		}
		return this.tool + "'s history (" + this.table + state + ")";
	}

	/**
	 * The statement removing the failed rows, e.g. {@code DELETE FROM app.flyway_schema_history WHERE success =
	 * false}: the table is named with its schema, which a session of the user's own may not have on its path (a
	 * name that would need quotes is left unqualified).
	 * @param schema the schema holding the history
	 */
	public String repairStatement(String schema) {
		boolean plain = schema != null && schema.matches("[a-z_][a-z0-9_]*") && this.table.matches("[a-z_][a-z0-9_]*");
		return "DELETE FROM " + (plain ? schema + "." : "") + this.table + " WHERE success = false";
	}

	/** Whether the history records a migration that failed. */
	public boolean hasFailed() {
		return !this.failed.isEmpty();
	}

}
