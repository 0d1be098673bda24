package dev.migrations.revision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One node of the revision graph, from an SQL file or a Java class.
 *
 * @param id the revision id
 * @param downRevisions parent ids; empty for a root, several for a merge
 * @param dependsOn ids that must be applied first without being parents
 * @param branchLabels labels usable as {@code label@head}
 * @param message the one-line description
 * @param created when the revision was written, {@code null} when unknown
 * @param transactional whether the revision runs in one transaction with its version-table update
 * @param source where it came from, for messages: a resource path such as
 *        {@code db/revisions/3f2a9c1b7d4e_add_index.sql} or {@code class com.example.V3}
 * @param checksum checksum of what the upgrade executes; {@code null} when not checked
 * @param body what the revision executes
 * @param replaces for a squashed revision ({@code -- replaces:} header), the ids of the revisions
 *        whose history it stands for, oldest first, the squash point last; empty for others
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
		String message, Instant created, boolean transactional, String source, String checksum, Body body,
		List<String> replaces) {

	public Revision {
		Objects.requireNonNull(id, "id");
		replaces = (replaces != null) ? List.copyOf(replaces) : List.of();
		downRevisions = List.copyOf(downRevisions);
		dependsOn = List.copyOf(dependsOn);
		branchLabels = List.copyOf(branchLabels);
		message = message == null ? "" : message;
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(body, "body");
	}

	/** A revision that replaces none. */
	public Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
			String message, Instant created, boolean transactional, String source, String checksum, Body body) {
		this(id, downRevisions, dependsOn, branchLabels, message, created, transactional, source, checksum, body,
				List.of());
	}

	/** Whether this revision is a squash standing for older revisions. */
	public boolean isSquash() {
		return !this.replaces.isEmpty();
	}

	/** The same revision with other parents and dependencies (how a squash takes the place of what it replaces). */
	public Revision withReferences(List<String> downRevisions, List<String> dependsOn) {
		return new Revision(this.id, downRevisions, dependsOn, this.branchLabels, this.message, this.created,
				this.transactional, this.source, this.checksum, this.body, this.replaces);
	}

	public boolean isRoot() {
		return downRevisions.isEmpty();
	}

	public boolean isMerge() {
		return downRevisions.size() > 1;
	}

	/** What a revision executes. */
	public sealed interface Body permits SqlBody, JavaBody {
	}

	/**
	 * The SQL sections of a revision file.
	 *
	 * @param upgrade the text of the {@code -- upgrade} section
	 * @param upgradeLine the 1-based line in the file where the upgrade text starts
	 * @param downgrade the text of the {@code -- downgrade} section (may be empty)
	 * @param downgradeLine the 1-based line in the file where the downgrade text starts
	 */
	public record SqlBody(String upgrade, int upgradeLine, String downgrade, int downgradeLine) implements Body {

		public SqlBody {
			Objects.requireNonNull(upgrade, "upgrade");
			downgrade = downgrade == null ? "" : downgrade;
		}

	}

	/** A revision implemented by a Java class. */
	public record JavaBody(JavaRevision implementation) implements Body {

		public JavaBody {
			Objects.requireNonNull(implementation, "implementation");
		}

	}

}
