package dev.migrations.boot.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationsException;
import dev.migrations.MigrationsStatus;
import dev.migrations.boot.actuate.MigrationsEndpoint;
import dev.migrations.boot.actuate.MigrationsEndpoint.DriftDescriptor;
import dev.migrations.boot.actuate.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrations.boot.actuate.MigrationsEndpoint.RevisionDescriptor;
import dev.migrations.boot.actuate.StatusUnavailable;
import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantState;
import dev.migrations.tenant.TenantsStatus;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.dao.DataAccessException;

/**
 * {@code /actuator/migrations} when tenants are configured: a summary whose size does not grow with
 * the number of tenants (counts by state, the tenants not up to date up to
 * {@code migrations.tenants.listed}, the last run of this application), and, at
 * {@code /actuator/migrations/tenants/{name}}, one tenant in the single-database form of the
 * endpoint (current, heads, upToDate, pending, revisions, drift). That tenant's drift is compared
 * when asked for and reused for {@code migrations.tenants.drift.cache-ttl} (see
 * {@link TenantsDriftCache}).
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsTenantsEndpointWebExtension {

	private final TenantsStatusCache status;

	private final TenantsDriftCache drift;

	public MigrationsTenantsEndpointWebExtension(TenantsStatusCache status, TenantsDriftCache drift) {
		this.status = status;
		this.drift = drift;
	}

	/**
	 * The summary; {@code 503} with {@code {"error": "Could not read where the tenants stand: ..."}} when
	 * the tenants cannot be listed or read (their query fails, the database is down), as the endpoint of
	 * a single database answers.
	 * @return the {@link TenantsDescriptor}, or the error
	 */
	@ReadOperation
	public WebEndpointResponse<Object> migrations() {
		try {
			return new WebEndpointResponse<>(summary());
		}
		catch (MigrationsException | DataAccessException ex) {
			return StatusUnavailable.response("Could not read where the tenants stand: ", ex);
		}
	}

	private TenantsDescriptor summary() {
		TenantsStatus status = this.status.status();
		List<String> heads = this.status.tenants().migrations().graph().heads();
		Map<String, Integer> counts = new LinkedHashMap<>();
		status.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> counts.put(entry.getKey().name(), entry.getValue()));
		List<TenantDescriptor> listed = status.notUpToDate().stream().map(TenantDescriptor::of).toList();
		TenantRun run = this.status.tenants().lastRun();
		return new TenantsDescriptor(heads, status.upToDate(), new TenantsSummary(status.tenants(),
				this.status.tenants().parallelism(), counts, listed, status.notListed()), (run != null) ? RunDescriptor.of(run) : null);
	}

	/**
	 * One tenant, in the form of the endpoint for a single database; 404 for a name that is no tenant,
	 * 503 with {@code {"error": "Could not read where tenant NAME stands: ..."}} when its version table
	 * cannot be read (its database is down or gone, the tenants cannot be listed).
	 */
	@ReadOperation
	public WebEndpointResponse<Object> tenant(@Selector String kind, @Selector String name) {
		if (!kind.equals("tenants")) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		MigrationsStatus status;
		try {
			status = this.status.tenants().status(name);
		}
		catch (MigrationsException | DataAccessException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("No tenant named")) {
				return new WebEndpointResponse<>(Map.of("message", ex.getMessage()), WebEndpointResponse.STATUS_NOT_FOUND);
			}
			return StatusUnavailable.response("Could not read where tenant " + name + " stands: ", ex);
		}
		List<RevisionDescriptor> revisions = status.revisions().stream()
			.map(RevisionDescriptor::of)
			.toList();
		return new WebEndpointResponse<>(new MigrationsDescriptor(status.current(), status.heads(), status.upToDate(),
				status.pending(), revisions, DriftDescriptor.of(this.drift.report(name))));
	}

	/**
	 * Where the tenants stand.
	 *
	 * @param heads the heads of the revision graph
	 * @param upToDate whether every tenant is up to date
	 * @param tenants the summary
	 * @param lastRun the last upgrade, downgrade or stamp of this application over the tenants;
	 *        {@code null} (left out) before the first
	 */
	public record TenantsDescriptor(List<String> heads, boolean upToDate, TenantsSummary tenants, RunDescriptor lastRun)
			implements OperationResponseBody {

		public TenantsDescriptor {
			heads = List.copyOf(heads);
		}

	}

	/**
	 * @param total how many tenants there are
	 * @param parallelism how many are upgraded or read at a time
	 * @param counts how many are in each state: {@code UNREACHABLE}, {@code FAILED}, {@code MODIFIED},
	 *        {@code BEHIND}, {@code UP_TO_DATE}
	 * @param notUpToDate the tenants not up to date, worst first, at most {@code migrations.tenants.listed}
	 * @param notListed how many more are not up to date
	 */
	public record TenantsSummary(int total, int parallelism, Map<String, Integer> counts,
			List<TenantDescriptor> notUpToDate, int notListed) {

		public TenantsSummary {
			counts = new LinkedHashMap<>(counts);
			notUpToDate = List.copyOf(notUpToDate);
		}

	}

	/**
	 * One tenant that is not up to date.
	 *
	 * @param tenant its name
	 * @param state its state
	 * @param current the revisions it is at
	 * @param pending how many revisions are pending
	 * @param failedRevision the revision that failed, {@code null} (left out) when none
	 * @param error the first line of the error, {@code null} (left out) when none
	 */
	public record TenantDescriptor(String tenant, TenantState.State state, List<String> current, int pending,
			String failedRevision, String error) {

		static TenantDescriptor of(TenantState state) {
			return new TenantDescriptor(state.tenant(), state.state(), state.current(), state.pending(), state.failedRevision(),
					state.error());
		}

	}

	/**
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param target the target
	 * @param tenants how many tenants it ran for
	 * @param changed how many it changed
	 * @param failed how many failed
	 * @param durationMillis how long it took
	 */
	public record RunDescriptor(String command, String target, int tenants, long changed, int failed, long durationMillis) {

		static RunDescriptor of(TenantRun run) {
			return new RunDescriptor(run.command(), run.target(), run.outcomes().size(),
					run.outcomes().stream().filter(TenantOutcome::changed).count(), run.failed().size(),
					run.duration().toMillis());
		}

	}

}
