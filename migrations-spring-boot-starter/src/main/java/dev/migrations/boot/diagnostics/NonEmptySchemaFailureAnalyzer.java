package dev.migrations.boot.diagnostics;

import dev.migrations.baseline.NonEmptySchemaException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The database already has a schema that no recorded revision accounts for. */
class NonEmptySchemaFailureAnalyzer extends AbstractFailureAnalyzer<NonEmptySchemaException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NonEmptySchemaException cause) {
		String description = "The database was not upgraded: it already has tables that no recorded revision accounts"
				+ " for.\n\n" + cause.getMessage();
		String first = cause.firstRevisions().isEmpty() ? "" : " Your first revision: "
				+ String.join(", ", cause.firstRevisions()) + ".";
		boolean postgres = cause.schema() == null || cause.schema().dialect() == null
				|| cause.schema().dialect().equals("postgresql");
		String action = "This database was built without these revisions (by Hibernate's ddl-auto, by hand, by Flyway or"
				+ " Liquibase). If it already has the schema of one of your revisions (typically the initial one,"
				+ " generated from the entities against an empty database with `db migrate -m \"initial schema\"`),"
				+ (postgres ? " check that it matches the entities, then record that revision as applied and start again:\n\n"
						+ "    db check                          (exit 0: no differences)\n"
						: " compare it with that revision by hand (`db check` compares on PostgreSQL only): apply the"
								+ " revisions up to it to an empty database with `db upgrade <revision>` and compare the"
								+ " two schemas' definitions (e.g. `mariadb-dump --no-data`, or SHOW CREATE TABLE), then record"
								+ " that revision as applied and start again:\n\n")
				+ "    migrations.baseline=<revision>    (`db history` lists them)\n\n"
				+ "The revisions after the baseline are then applied." + first
				+ " If your revisions are written to run over these tables, set migrations.baseline=base; if the tables"
				+ " belong to something else, leave them out with migrations.drift.exclude-tables.";
		return new FailureAnalysis(description, action, cause);
	}

}
