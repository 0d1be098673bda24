package dev.migrations.boot.actuate;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Exposes {@link MigrationsEndpoint} when actuator is present and the endpoint is available
 * ({@code management.endpoints.web.exposure.include=migrations}). The endpoint reads the status
 * through the {@link MigrationsStatusCache} it shares with the health indicator
 * ({@code migrations.actuator.status-cache-ttl}).
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
			ObjectProvider<MigrationsDriftMonitor> driftMonitor) {
		return new MigrationsEndpoint(status, driftMonitor.getIfAvailable());
	}

}
