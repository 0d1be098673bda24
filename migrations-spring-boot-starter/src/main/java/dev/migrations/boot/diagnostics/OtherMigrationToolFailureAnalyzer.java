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
		if (cause.managedByMigrations()) {
			String dependency = flyway ? "spring-boot-starter-flyway (or flyway-core)"
					: "spring-boot-starter-liquibase (or liquibase-core)";
			String why = (cause.history() == null)
					? " (schema " + cause.schema() + " has no " + tool + " history and its revisions are recorded by"
							+ " migrations), most likely because " + dependency + " is on the class path."
					: ": schema " + cause.schema() + " was taken over from " + tool + " (its revisions are recorded by"
							+ " migrations; " + cause.history().describe() + " stays in place, no longer read), but "
							+ dependency + " is still on the class path with " + tool + " enabled. Of the move from " + tool
							+ " only the last step is left:";
			String action = tool + " is enabled on a database that migrations already manages" + why
					+ ((cause.history() == null) ? " Set " : " set ")
					+ cause.disableProperty() + ", or remove the dependency, and start again. To let " + tool
					+ " migrate another schema, give it one (" + (flyway ? "spring.flyway.default-schema"
							: "spring.liquibase.default-schema") + ").";
			return new FailureAnalysis(description, action, cause);
		}
		String repeatables = (cause.history() != null && !cause.history().repeatables().isEmpty())
				? " Flyway's repeatable scripts applied here (" + String.join(", ", cause.history().repeatables())
						+ ") created objects too: carry them into a revision as well (after the one they depend on),"
						+ " or new databases built from the revisions lack them."
				: "";
		String failed = (cause.history() != null && cause.history().hasFailed())
				? "    0. Repair the failed migration first (" + String.join(", ", cause.history().failed()) + "): the schema"
						+ " may be half-changed, and it is not adopted until repaired. Finish or undo it by hand, then run"
						+ " `flyway repair` or " + cause.history().repairStatement(cause.schema()) + ".\n"
				: "";
		String steps;
		if (cause.baseline() != null) {
			// the revision and the baseline are there: only the other tool being enabled is left
			steps = "    " + (failed.isEmpty() ? "1" : "2") + ". Turn " + tool + " off: " + cause.disableProperty()
					+ " (or remove its dependency). migrations.baseline=" + cause.baseline() + " is set already: on the"
					+ " next start the existing tables are taken as that revision and the revisions after it are applied; "
					+ tool + "'s history stays in place, no longer read." + repeatables + "\n\n";
			failed = failed.replace("    0. ", "    1. ");
		}
		else {
			steps = "    1. Have a revision that creates the schema " + tool + " built" + at + ": generate it from the"
					+ " entities against an empty database with `db migrate -m \"initial schema\"`, or copy "
					+ (flyway ? "Flyway's V*.sql scripts, and its R__*.sql repeatable scripts,"
							: "the SQL of Liquibase's change sets") + " into revisions." + repeatables + "\n"
					+ "    2. Set migrations.baseline=<that revision's id>: on the next start the existing tables are taken"
					+ " as that revision and the revisions after it are applied; " + tool + "'s history stays in place,"
					+ " no longer read.\n"
					+ "    3. Turn " + tool + " off: " + cause.disableProperty() + " (or remove its dependency).\n\n";
		}
		String empty = cause.empty()
				? "Schema " + cause.schema() + " is empty (no table, no " + tool + " history): " + tool + " built nothing"
						+ " here, so on this database turning " + tool + " off (" + cause.disableProperty() + ") is all it"
						+ " takes, and migrations create the schema from the revisions.\n\n"
				: "";
		String heading = cause.empty() ? "To move a database " + tool + " has migrated (production, a colleague's) to"
				+ " migrations:" : "To move this database from " + tool + " to migrations:";
		String action = empty + heading + "\n\n" + failed + steps
				+ "To keep " + tool + " for this database, set migrations.enabled=false instead. To let both run, give"
				+ " them different schemas (migrations.schema, or " + (flyway ? "spring.flyway.default-schema"
						: "spring.liquibase.default-schema") + ").";
		return new FailureAnalysis(description, action, cause);
	}

}
