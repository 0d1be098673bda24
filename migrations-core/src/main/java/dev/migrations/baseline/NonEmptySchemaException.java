package dev.migrations.baseline;

import java.util.List;

import dev.migrations.MigrationsException;

/**
 * An upgrade found tables in a schema where no revision is recorded, and no baseline says which
 * revision that schema already is: running the revisions from the first one over those tables would
 * fail half-way or, with {@code IF NOT EXISTS} guards, silently leave the schema different from the
 * revisions. Nothing was run.
 */
public class NonEmptySchemaException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final transient ExistingSchema schema;

	private final List<String> firstRevisions;

	/**
	 * @param schema what the schema holds
	 * @param versionTable the version table's name
	 * @param firstRevisions the root revisions, each as {@code id (message)}, for the message
	 */
	public NonEmptySchemaException(ExistingSchema schema, String versionTable, List<String> firstRevisions) {
		super("Schema " + schema.schema() + " has " + schema.describeTables() + " but no revision recorded in "
				+ versionTable + otherTools(schema.otherTools()) + ": upgrading would run every revision from the first"
				+ " one over them. Nothing was run. If the schema already is what a revision creates, record that"
				+ " revision as applied: set it as the baseline (Spring Boot: migrations.baseline=<revision>), or run"
				+ " `db stamp <revision>` once. To run every revision over the existing tables anyway, set the baseline"
				+ " to 'base'.");
		this.schema = schema;
		this.firstRevisions = List.copyOf(firstRevisions);
	}

	/** The revisions without parent, each as {@code id (message)}: the usual baselines. */
	public List<String> firstRevisions() {
		return this.firstRevisions;
	}

	/** What the schema holds. */
	public ExistingSchema schema() {
		return this.schema;
	}

	private static String otherTools(List<OtherToolHistory> histories) {
		if (histories.isEmpty()) {
			return "";
		}
		return "; it has " + String.join(" and ", histories.stream().map(OtherToolHistory::describe).toList());
	}

}
