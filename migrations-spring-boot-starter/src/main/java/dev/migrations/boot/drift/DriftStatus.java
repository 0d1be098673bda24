package dev.migrations.boot.drift;

/**
 * The outcome of the last comparison of the JPA entities with the database.
 */
public enum DriftStatus {

	/** The database has what the entities map, and nothing they do not. */
	NONE,

	/** The entities and the database differ; the differences are listed. */
	DETECTED,

	/** Not known: not checked yet, no entities, no permission, or the check failed; a reason says which. */
	UNKNOWN

}
