package dev.migrations.baseline;

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
 */
public record OtherToolHistory(String tool, String table, int applied, String latest) {

	/** The count of a history table whose layout is not the one expected. */
	public static final int UNREADABLE = -1;

	/** For messages: {@code Flyway's history (flyway_schema_history, at version 2 (add email))}. */
	public String describe() {
		String state = (this.applied == UNREADABLE) ? ", unreadable" : (this.latest != null) ? ", at " + this.latest : ", empty";
		return this.tool + "'s history (" + this.table + state + ")";
	}

}
