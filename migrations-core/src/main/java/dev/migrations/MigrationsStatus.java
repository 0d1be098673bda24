package dev.migrations;

import java.util.List;

/**
 * Where the database stands against the revisions: what {@code db current} and the actuator show.
 *
 * @param current the applied revisions no other applied revision has as a parent
 * @param heads the heads of the revision graph
 * @param pending ids {@code db upgrade heads} would apply, in order
 * @param modified applied revisions whose file changed since
 * @param missing applied revisions with no file
 * @param failed revisions recorded as failed
 * @param revisions every revision, newest first, with its state
 */
public record MigrationsStatus(List<String> current, List<String> heads, List<String> pending, List<String> modified,
		List<String> missing, List<String> failed, List<RevisionInfo> revisions) {

	public MigrationsStatus {
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		modified = List.copyOf(modified);
		missing = List.copyOf(missing);
		failed = List.copyOf(failed);
		revisions = List.copyOf(revisions);
	}

	/** Nothing pending and nothing failed. */
	public boolean upToDate() {
		return this.pending.isEmpty() && this.failed.isEmpty();
	}

}
