package dev.migrations.boot.diagnostics;

import dev.migrations.boot.tenant.TenantsFailedException;
import dev.migrations.tenant.TenantRun;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The startup upgrade failed for some tenants, after every tenant was tried. */
class TenantsFailedFailureAnalyzer extends AbstractFailureAnalyzer<TenantsFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TenantsFailedException cause) {
		TenantRun run = cause.run();
		String description = "The startup upgrade failed for " + run.failed().size() + " of " + run.outcomes().size()
				+ " tenant(s); each tenant was tried, one failing never stopped the others.\n\n" + run.summary();
		String action = "Fix what failed for each tenant named above (the log has each one's whole message, with the"
				+ " commands aimed at that tenant), then start the application again: only the tenants not yet at the"
				+ " target run. `db current --tenant all` shows where every tenant stands; `db upgrade --tenant <name>`"
				+ " upgrades one.";
		return new FailureAnalysis(description, action, cause);
	}

}
