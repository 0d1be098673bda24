package dev.migrations.boot.actuate;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.MigrationsProperties;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Exposes {@link MigrationsEndpoint} when actuator is present and the endpoint is available
 * ({@code management.endpoints.web.exposure.include=migrations}). The endpoint reads the status
 * through the {@link MigrationsStatusCache} it shares with the health indicator
 * ({@code migrations.actuator.status-cache-ttl}) and lists at most
 * {@code migrations.actuator.revisions-listed} revisions besides those not applied. Over HTTP,
 * {@link MigrationsEndpointWebExtension} serves each response as JSON written once, by actuator's
 * JSON mapper ({@link EndpointJsonMapper}, or the application's {@link JsonMapper} when actuator
 * shares it); with tenants configured the tenants' web extension answers instead.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationsDriftAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, Migrations.class })
@ConditionalOnBean(Migrations.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
@Import(MigrationsStatusCacheConfiguration.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(MigrationsStatusCache status,
			ObjectProvider<MigrationsDriftMonitor> driftMonitor, MigrationsProperties properties) {
		return new MigrationsEndpoint(status, driftMonitor.getIfAvailable(),
				properties.getActuator().getRevisionsListed());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	// with tenants the tenants' extension answers at /actuator/migrations (an endpoint has one web extension)
	@ConditionalOnMissingBean(type = "dev.migrations.boot.tenant.MigrationsTenantsEndpointWebExtension")
	static class WebExtensionConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationsEndpointWebExtension migrationsEndpointWebExtension(MigrationsEndpoint endpoint,
				ObjectProvider<EndpointJsonMapper> endpointJsonMapper, ObjectProvider<JsonMapper> jsonMapper) {
			EndpointJsonMapper isolated = endpointJsonMapper.getIfAvailable();
			JsonMapper mapper = (isolated != null) ? isolated.get() : jsonMapper.getIfAvailable(JsonMapper::new);
			return new MigrationsEndpointWebExtension(endpoint, mapper::writeValueAsBytes);
		}

	}

}
