package dev.migrations.boot.tenant;

import dev.migrations.MigrationsException;
import dev.migrations.tenant.TenantRun;

/**
 * The startup upgrade failed for some tenants, after every tenant was tried: the message is the
 * run's summary, naming each failed tenant, its revision and the first line of its error.
 */
public class TenantsFailedException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	private final transient TenantRun run;

	public TenantsFailedException(TenantRun run) {
		super("The startup upgrade failed for " + run.failed().size() + " of " + run.outcomes().size() + " tenant(s): "
				+ run.summary());
		this.run = run;
	}

	public TenantRun run() {
		return this.run;
	}

}
