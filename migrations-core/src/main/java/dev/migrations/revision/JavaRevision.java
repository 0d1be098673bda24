package dev.migrations.revision;

import java.sql.Connection;
import java.util.List;

/**
 * A revision written in Java, for data migrations that SQL alone expresses badly. It lives in the
 * same graph as SQL revisions: its {@link #downRevisions()} name SQL or Java revisions alike.
 * <p>
 * Implementations need a public no-argument constructor when discovered from a package.
 */
public interface JavaRevision {

	/** The revision id, unique across all revisions (e.g. {@code "3f2a9c1b7d4e"}). */
	String revision();

	/** The parent revision ids; empty for a root, two or more for a merge. */
	List<String> downRevisions();

	/** A one-line description, shown by {@code db history}. */
	String message();

	/** Revisions that must be applied first without being parents (Alembic's {@code depends_on}). */
	default List<String> dependsOn() {
		return List.of();
	}

	/** Branch labels, usable in targets as {@code label@head}. */
	default List<String> branchLabels() {
		return List.of();
	}

	/** Whether {@link #upgrade} and {@link #downgrade} run inside the revision's transaction. */
	default boolean transactional() {
		return true;
	}

	/**
	 * A checksum stored when the revision is applied and compared afterwards; {@code null} (the
	 * default) disables the check for this revision.
	 */
	default String checksum() {
		return null;
	}

	void upgrade(Connection connection) throws Exception;

	void downgrade(Connection connection) throws Exception;

}
