package dev.migrations.runner;

import java.util.List;

/**
 * Where a database stands against the revision graph.
 *
 * @param applied the version-table rows in the order they were applied
 * @param current the applied revisions no other applied revision names as its parent ({@code db current})
 * @param pending revisions {@code db upgrade heads} would apply, in order
 * @param modified applied revisions whose file changed since
 * @param missing applied revisions with no file or class in the configured locations
 * @param failed revisions recorded as failed or unfinished
 */
public record DatabaseState(List<AppliedRevision> applied, List<String> current, List<String> pending,
		List<String> modified, List<String> missing, List<String> failed) {

	public DatabaseState {
		applied = List.copyOf(applied);
		current = List.copyOf(current);
		pending = List.copyOf(pending);
		modified = List.copyOf(modified);
		missing = List.copyOf(missing);
		failed = List.copyOf(failed);
	}

	public boolean upToDate() {
		return this.pending.isEmpty() && this.failed.isEmpty();
	}

}
