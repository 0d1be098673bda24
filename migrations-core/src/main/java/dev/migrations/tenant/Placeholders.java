package dev.migrations.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrations.MigrationsException;
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
 * <p>
 * Since they are placed as written, a name that could end a quoted name or string, or a statement, is
 * refused for that tenant before anything runs: the values must be letters, digits, {@code _}, and
 * {@code -}, {@code .} or spaces between them (no quotes, semicolons, backslashes, dollar signs or
 * comment markers).
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
		requirePlaceable(tenant, TENANT, tenant);
		requirePlaceable(tenant, SCHEMA, schema);
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

	private static final Pattern PLACEABLE = Pattern.compile("[\\p{L}\\p{N}_]([\\p{L}\\p{N}_ .-]*[\\p{L}\\p{N}_])?");

	private static void requirePlaceable(String tenant, String placeholder, String value) {
		if (value == null || !PLACEABLE.matcher(value).matches() || value.contains("--")) {
			throw new MigrationsException("Tenant " + tenant + ": " + placeholder + " would be " + ((value == null) ? "empty"
					: "'" + value + "'") + ", which the revisions' SQL cannot take as written: a placeholder takes letters,"
					+ " digits and '_', with '-', '.' or spaces between them (no quotes, semicolons, backslashes, dollar signs"
					+ " or comment markers). Nothing was run for this tenant. Rename the tenant or its schema, or leave "
					+ placeholder + " out of the revisions.");
		}
	}

}
