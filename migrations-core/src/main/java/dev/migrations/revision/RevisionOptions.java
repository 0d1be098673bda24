package dev.migrations.revision;

import java.util.List;

/**
 * How {@code db revision} writes a revision beyond its message and parent, as Alembic's options of the
 * same names.
 *
 * @param revisionId the id to use instead of a random one ({@code --rev-id}), {@code null} for a random one
 * @param branchLabels labels of the new revision ({@code --branch-label}), usable as {@code label@head}
 * @param dependsOn revisions (ids or prefixes) that must be applied first without being parents
 * ({@code --depends-on})
 * @param splice whether the parent may be a revision that is not a head ({@code --splice}), which starts a
 * branch from it
 */
public record RevisionOptions(String revisionId, List<String> branchLabels, List<String> dependsOn, boolean splice) {

	public RevisionOptions {
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	/** A random id, no labels, no dependencies, the parent a head. */
	public static RevisionOptions defaults() {
		return new RevisionOptions(null, List.of(), List.of(), false);
	}

	public RevisionOptions withRevisionId(String revisionId) {
		return new RevisionOptions(revisionId, this.branchLabels, this.dependsOn, this.splice);
	}

	public RevisionOptions withBranchLabels(List<String> branchLabels) {
		return new RevisionOptions(this.revisionId, branchLabels, this.dependsOn, this.splice);
	}

	public RevisionOptions withDependsOn(List<String> dependsOn) {
		return new RevisionOptions(this.revisionId, this.branchLabels, dependsOn, this.splice);
	}

	public RevisionOptions withSplice(boolean splice) {
		return new RevisionOptions(this.revisionId, this.branchLabels, this.dependsOn, splice);
	}

}
