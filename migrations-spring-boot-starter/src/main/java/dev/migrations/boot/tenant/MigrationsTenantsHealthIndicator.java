package dev.migrations.boot.tenant;

import dev.migrations.tenant.TenantState;
import dev.migrations.tenant.TenantsStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code migrations} health indicator when tenants are configured: {@code DOWN} when a tenant
 * failed or cannot be read, {@code OUT_OF_SERVICE} while one is behind or modified, else {@code UP};
 * the details are the counts by state.
 */
public class MigrationsTenantsHealthIndicator extends AbstractHealthIndicator {

	private final TenantsStatusCache status;

	public MigrationsTenantsHealthIndicator(TenantsStatusCache status) {
		super("Could not read the tenants' status");
		this.status = status;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		TenantsStatus status = this.status.status();
		int failed = status.counts().get(TenantState.State.FAILED) + status.counts().get(TenantState.State.UNREACHABLE);
		int behind = status.counts().get(TenantState.State.BEHIND) + status.counts().get(TenantState.State.MODIFIED);
		builder.status((failed > 0) ? Status.DOWN : (behind > 0) ? Status.OUT_OF_SERVICE : Status.UP);
		builder.withDetail("tenants", status.tenants());
		status.counts().forEach((state, count) -> builder.withDetail(state.name(), count));
	}

}
