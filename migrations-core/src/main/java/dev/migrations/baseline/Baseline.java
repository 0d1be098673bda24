package dev.migrations.baseline;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionException;
import dev.migrations.revision.RevisionGraph;

/**
 * What an upgrade does with a schema that has tables (see {@link ExistingSchema}) when no revision
 * is recorded in it yet, like Flyway's baseline-on-migrate.
 * <ul>
 * <li>With a baseline revision, that revision and its ancestors are recorded as applied without
 * running them; the upgrade then applies the revisions after it. A schema without tables is not
 * baselined: every revision runs, as on any fresh database.</li>
 * <li>With the baseline {@value #BASE}, nothing is recorded and every revision runs over the existing
 * tables (for revisions written to tolerate them).</li>
 * <li>Without a baseline, the upgrade either proceeds (the plain API's default) or, when
 * {@code required}, stops with a {@link NonEmptySchemaException} before running anything, unless
 * there are no revisions at all.</li>
 * </ul>
 * Once any revision is recorded, the baseline is never looked at again, nor after everything was
 * downgraded (the version log shows the database was managed before).
 */
public final class Baseline {

	private static final Logger logger = LoggerFactory.getLogger(Baseline.class);

	/** The baseline meaning "record nothing: every revision runs over the existing tables". */
	public static final String BASE = "base";

	private final String configured;

	private final Revision revision;

	private final boolean required;

	private Baseline(String configured, Revision revision, boolean required) {
		this.configured = configured;
		this.revision = revision;
		this.required = required;
	}

	/**
	 * Checks the configured baseline against the revisions.
	 * @param configured a revision id or unique prefix, {@value #BASE}, or {@code null} for none
	 * @param required whether an upgrade onto a schema with tables needs a baseline
	 * @param graph the revisions
	 * @param locations where the revisions were read from, for the message
	 * @return the baseline
	 * @throws BaselineException when the baseline names no single revision
	 */
	public static Baseline of(String configured, boolean required, RevisionGraph graph, Object locations) {
		if (configured == null || configured.isBlank()) {
			return new Baseline(null, null, required);
		}
		String trimmed = configured.trim();
		if (trimmed.equals(BASE)) {
			return new Baseline(BASE, null, required);
		}
		try {
			return new Baseline(trimmed, graph.resolve(trimmed), required);
		}
		catch (RevisionException ex) {
			throw new BaselineException(trimmed, "The baseline '" + trimmed + "' is not a revision of this application ("
					+ ex.getMessage() + "; revisions are read from " + locations + "). The baseline is the id of the"
					+ " revision whose schema the database already has, as `db history` lists it (e.g. the initial"
					+ " revision generated from the entities), or 'base' to run every revision over the existing tables."
					+ " Targets such as 'head' are not accepted: the newest revision moves on, the existing schema does"
					+ " not.", ex);
		}
	}

	/** The revision recorded as applied on a schema with tables; {@code null} for none or {@value #BASE}. */
	public Revision revision() {
		return this.revision;
	}

	/** The baseline as configured; {@code null} when none is. */
	public String configured() {
		return this.configured;
	}

	/**
	 * Decides, for a schema where no revision is recorded, which revision to record as applied.
	 * @param schema what the schema holds
	 * @param graph the revisions
	 * @param versionTable the version table's name, for the message
	 * @return the revision id to stamp, or {@code null} to stamp nothing
	 * @throws NonEmptySchemaException when the schema has tables, revisions would run over them, and
	 * no baseline is configured while one is required
	 */
	public String decide(ExistingSchema schema, RevisionGraph graph, String versionTable) {
		if (!schema.hasTables() || schema.managedBefore() || BASE.equals(this.configured)) {
			return null;
		}
		for (OtherToolHistory history : schema.otherTools()) {
			if (history.hasFailed()) {
				throw new FailedOtherToolMigrationException(schema, history);
			}
		}
		if (this.revision == null) {
			if (this.required && !graph.isEmpty()) {
				List<String> first = graph.bases().stream()
					.map((id) -> id + " (" + graph.get(id).message() + ")")
					.toList();
				throw new NonEmptySchemaException(schema, versionTable, first);
			}
			return null;
		}
		return this.revision.id();
	}

	/** Logs that the baseline was recorded on a schema that had {@code existing}'s tables. */
	public void recorded(ExistingSchema existing) {
		StringBuilder others = new StringBuilder();
		for (OtherToolHistory history : existing.otherTools()) {
			others.append("; ").append(history.describe()).append(" stays in place and is no longer read");
		}
		logger.info("Baseline: schema {} had {} and no recorded revision, so {} ({}) and its ancestors are recorded as"
				+ " applied without running them{}", existing.schema(), existing.describeTables(), this.revision.id(),
				this.revision.message(), others);
	}

}
