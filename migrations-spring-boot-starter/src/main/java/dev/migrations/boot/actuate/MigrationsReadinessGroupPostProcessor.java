package dev.migrations.boot.actuate;

import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Adds the {@code migrations} indicator to the {@code readiness} health group (and only to it):
 * while revisions are pending, the instance is taken out of service ({@code /actuator/health/readiness}
 * answers 503) but not restarted ({@code /actuator/health/liveness} stays 200), which an upgrade
 * that another instance or a job is running needs. Groups the application configures itself
 * ({@code management.endpoint.health.group.readiness.include}) are left as they are.
 * <p>
 * Ordered last and registered after Spring Boot's availability probes, so the readiness group it
 * adds to exists.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class MigrationsReadinessGroupPostProcessor implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	static final String INCLUDE_PROPERTY = "management.endpoint.health.group.readiness.include";

	private final String contributorName;

	private final boolean configuredByApplication;

	MigrationsReadinessGroupPostProcessor(Environment environment, String contributorName) {
		this.contributorName = contributorName;
		this.configuredByApplication = environment.containsProperty(INCLUDE_PROPERTY);
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		if (this.configuredByApplication || groups.get(READINESS) == null) {
			return groups;
		}
		return new Groups(groups, this.contributorName);
	}

	/** The groups, with the readiness group including the migrations indicator. */
	private record Groups(HealthEndpointGroups delegate, String contributorName)
			implements HealthEndpointGroups, AdditionalPathsMapper {

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.delegate.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.delegate.getNames();
		}

		@Override
		public HealthEndpointGroup get(String name) {
			HealthEndpointGroup group = this.delegate.get(name);
			return (group != null && name.equals(READINESS)) ? new ReadinessGroup(group, this.contributorName) : group;
		}

		@Override
		public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.delegate instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	/** A readiness group that also has the migrations indicator as a member. */
	private record ReadinessGroup(HealthEndpointGroup delegate, String contributorName) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return name.equals(this.contributorName) || this.delegate.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.delegate.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.delegate.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.delegate.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.delegate.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.delegate.getAdditionalPath();
		}

	}

}
