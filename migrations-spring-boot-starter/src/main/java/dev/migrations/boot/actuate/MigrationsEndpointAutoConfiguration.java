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

/**
 * Exposes {@link MigrationsEndpoint} when actuator is present and the endpoint is available
 * ({@code management.endpoints.web.exposure.include=migrations}).
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationsDriftAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, Migrations.class })
@ConditionalOnBean(Migrations.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(Migrations migrations, ObjectProvider<MigrationsDriftMonitor> driftMonitor) {
		return new MigrationsEndpoint(migrations, driftMonitor.getIfAvailable());
	}

}
