package dev.migrations.boot.actuate;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.MigrationsProperties;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Registers {@link MigrationsHealthIndicator} as the {@code migrations} health contributor, unless
 * {@code management.health.migrations.enabled=false}, and adds it to the {@code readiness} group of
 * the availability probes (not to {@code liveness}). The indicator reads the status through the
 * {@link MigrationsStatusCache} it shares with the endpoint.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationsDriftAutoConfiguration.class },
		afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration")
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, Migrations.class })
@ConditionalOnBean(Migrations.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(MigrationsStatusCacheConfiguration.class)
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(MigrationsStatusCache status,
			ObjectProvider<MigrationsDriftMonitor> driftMonitor, MigrationsProperties properties,
			ObjectProvider<StatusAggregator> statusAggregator) {
		return new MigrationsHealthIndicator(status, driftMonitor.getIfAvailable(),
				MigrationsHealthIndicator.StatusMapping.of(properties.getHealth()),
				statusAggregator.getIfUnique(StatusAggregator::getDefault));
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsReadinessGroupPostProcessor migrationsReadinessGroupPostProcessor(Environment environment) {
		return new MigrationsReadinessGroupPostProcessor(environment, "migrations");
	}

}
