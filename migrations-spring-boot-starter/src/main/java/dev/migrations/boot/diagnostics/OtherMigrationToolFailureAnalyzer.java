package dev.migrations.boot.diagnostics;

import dev.migrations.boot.OtherMigrationToolException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Flyway or Liquibase would migrate the same schema as migrations on this startup. */
class OtherMigrationToolFailureAnalyzer extends AbstractFailureAnalyzer<OtherMigrationToolException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OtherMigrationToolException cause) {
		String tool = cause.tool();
		boolean flyway = tool.equals("Flyway");
		String at = (cause.history() != null && cause.history().latest() != null) ? " (at " + cause.history().latest() + ")"
				: "";
		String description = "The application did not start: " + cause.getMessage();
		String action = "To move this database from " + tool + " to migrations:\n\n"
				+ "    1. Have a revision that creates the schema " + tool + " built" + at + ": generate it from the entities"
				+ " against an empty database with `db migrate -m \"initial schema\"`, or copy "
				+ (flyway ? "Flyway's V*.sql scripts" : "the SQL of Liquibase's change sets") + " into revisions.\n"
				+ "    2. Set migrations.baseline=<that revision's id>: on the next start the existing tables are taken as"
				+ " that revision and the revisions after it are applied; " + tool + "'s history stays in place, no longer"
				+ " read.\n"
				+ "    3. Turn " + tool + " off: " + cause.disableProperty() + " (or remove its dependency).\n\n"
				+ "To keep " + tool + " for this database, set migrations.enabled=false instead. To let both run, give"
				+ " them different schemas (migrations.schema, or " + (flyway ? "spring.flyway.default-schema"
						: "spring.liquibase.default-schema") + ").";
		return new FailureAnalysis(description, action, cause);
	}

}
