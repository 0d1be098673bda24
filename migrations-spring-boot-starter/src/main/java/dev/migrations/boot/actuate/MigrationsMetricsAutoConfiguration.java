package dev.migrations.boot.actuate;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Registers {@link MigrationsMetrics} when Micrometer has a {@link MeterRegistry}. The metrics are a
 * {@link MeterBinder}, bound by Spring Boot once the registry exists, and a
 * {@link dev.migrations.runner.MigrationsListener} the auto-configured {@link Migrations} tells about
 * each revision, so the startup upgrade is counted without creating the registry early. The
 * {@code migrations.pending} gauge shows the status of the {@link MigrationsStatusCache} the endpoint and the
 * health indicator share, read again in the background rather than on a scrape.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationsDriftAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class, Migrations.class })
@ConditionalOnBean({ Migrations.class, MeterRegistry.class })
@Import(MigrationsStatusCacheConfiguration.class)
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsMetrics migrationsMetrics(ObjectProvider<MigrationsStatusCache> status,
			ObjectProvider<MigrationsDriftMonitor> driftMonitor) {
		// looked up lazily: the auto-configured Migrations, which the cache reads, is created with this bean as one
		// of its listeners
		return new MigrationsMetrics(status::getObject,
				() -> MigrationsEndpoint.driftReport(driftMonitor.getIfAvailable()));
	}

}
