package dev.migrations.tenant;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;

/**
 * {@code ${schema}} and {@code ${tenant}} in the SQL of revision files, replaced by the tenant's
 * schema and name when the revision runs for a tenant (as written: quote them in the SQL,
 * {@code "${schema}"}, when the names need quotes).
 * <p>
 * Only these two are replaced; any other {@code ${...}} text is left as written, so SQL that
 * happens to contain such text keeps working. The checksum of a revision is of its text before
 * replacement: it is the same in every tenant, and renaming a tenant does not make its revisions
 * look modified. Java revisions run on a connection already switched to the tenant's schema.
 */
public final class Placeholders {

	public static final String SCHEMA = "${schema}";

	public static final String TENANT = "${tenant}";

	private Placeholders() {
	}

	/** Whether any SQL revision of the graph names a placeholder. */
	public static boolean used(RevisionGraph graph) {
		for (Revision revision : graph.revisions()) {
			if (revision.body() instanceof Revision.SqlBody sql && (uses(sql.upgrade()) || uses(sql.downgrade()))) {
				return true;
			}
		}
		return false;
	}

	private static boolean uses(String text) {
		return text.contains(SCHEMA) || text.contains(TENANT);
	}

	/** The text with the placeholders replaced. */
	public static String replace(String text, String schema, String tenant) {
		if (!uses(text)) {
			return text;
		}
		return text.replace(SCHEMA, schema).replace(TENANT, tenant);
	}

	/**
	 * The graph with the placeholders of every SQL revision replaced, checksums unchanged; the same
	 * graph when no revision uses one.
	 */
	public static RevisionGraph apply(RevisionGraph graph, String schema, String tenant) {
		if (!used(graph)) {
			return graph;
		}
		List<Revision> replaced = new ArrayList<>(graph.size());
		for (Revision revision : graph.revisions()) {
			if (revision.body() instanceof Revision.SqlBody sql && (uses(sql.upgrade()) || uses(sql.downgrade()))) {
				Revision.SqlBody body = new Revision.SqlBody(replace(sql.upgrade(), schema, tenant), sql.upgradeLine(),
						replace(sql.downgrade(), schema, tenant), sql.downgradeLine());
				replaced.add(new Revision(revision.id(), revision.downRevisions(), revision.dependsOn(),
						revision.branchLabels(), revision.message(), revision.created(), revision.transactional(),
						revision.source(), revision.checksum(), body));
			}
			else {
				replaced.add(revision);
			}
		}
		return RevisionGraph.of(replaced);
	}

}
