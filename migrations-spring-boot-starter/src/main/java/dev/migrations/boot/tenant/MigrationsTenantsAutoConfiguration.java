package dev.migrations.boot.tenant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.MigrationsStatus;
import dev.migrations.TenantMigrations;
import dev.migrations.boot.MigrationStrategy;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.actuate.MigrationsEndpoint;
import dev.migrations.boot.actuate.MigrationsEndpointAutoConfiguration;
import dev.migrations.boot.actuate.MigrationsHealthContributorAutoConfiguration;
import dev.migrations.boot.MigrationsProperties;
import dev.migrations.entity.EntitySource;
import dev.migrations.revision.UnknownAppliedRevisionException;
import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.HikariDataSourcePoolMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Many tenants: when {@code migrations.tenants.schemas}, {@code migrations.tenants.query} or
 * {@code migrations.tenants.databases} is set, a {@link TenantMigrations} bean over the {@link Migrations} bean, a {@link MigrationStrategy} that
 * makes the startup upgrade upgrade every tenant (and fail, after every tenant was tried, when one
 * failed), the tenants' summary at {@code /actuator/migrations} and a health indicator about them.
 * The schema of {@code migrations.schema} is not upgraded then: list it among the tenants if it
 * takes the same revisions.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		before = { MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class })
@ConditionalOnClass(Migrations.class)
@ConditionalOnBean(Migrations.class)
@Conditional(OnTenantsCondition.class)
@EnableConfigurationProperties({ MigrationsTenantsProperties.class, MigrationsProperties.class })
public final class MigrationsTenantsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsTenantsAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	TenantMigrations tenantMigrations(Migrations migrations, MigrationsTenantsProperties properties,
			MigrationsProperties migrationsProperties, ObjectProvider<JdbcConnectionDetails> applicationDetails,
			ObjectProvider<DataSourcePoolMetadataProvider> poolMetadata, ResourceLoader resourceLoader) {
		if (properties.getParallelism() < 1) {
			throw new MigrationsException("migrations.tenants.parallelism must be at least 1, not "
					+ properties.getParallelism() + ": it is how many tenants are upgraded at a time (default "
					+ TenantMigrations.DEFAULT_PARALLELISM + ").");
		}
		return migrations.tenants()
			.schemas(properties.getSchemas().stream().map(String::strip).filter((s) -> !s.isEmpty()).toList())
			.schemaQuery(properties.getQuery())
			.dataSources(TenantDatabases.of(properties.getDatabases(), migrationsProperties,
					applicationDetails.getIfAvailable(), resourceLoader.getClassLoader()))
			.parallelism(boundedByPool(properties.getParallelism(), migrations.dataSource(), poolMetadata))
			.build();
	}

	/**
	 * Each tenant running takes a connection of the pool its schemas live in: more tenants at a time than
	 * the pool has connections would wait for one, and a tenant whose revisions take longer than the pool's
	 * connection timeout would fail the others waiting. Tenants with a database of their own open their
	 * own connections, outside the pool.
	 */
	private static int boundedByPool(int parallelism, DataSource dataSource,
			ObjectProvider<DataSourcePoolMetadataProvider> poolMetadata) {
		if (dataSource == null) {
			return parallelism;
		}
		DataSourcePoolMetadata pool = new CompositeDataSourcePoolMetadataProvider(poolMetadata.orderedStream().toList())
			.getDataSourcePoolMetadata(dataSource);
		if (pool == null && HIKARI_PRESENT) {
			pool = HikariMetadata.of(dataSource);
		}
		Integer max = (pool != null) ? pool.getMax() : null;
		if (max == null || max < 1 || parallelism <= max) {
			return parallelism;
		}
		logger.warn("migrations.tenants.parallelism={} is more than the {} connections of the pool the tenants' schemas are"
				+ " in: tenants run {} at a time. Raise the pool's maximum size (spring.datasource.hikari.maximum-pool-size)"
				+ " to run more at once.", parallelism, max, max);
		return max;
	}

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			MigrationsTenantsAutoConfiguration.class.getClassLoader());

	/** Kept apart so that nothing of Hikari loads where it is absent. */
	private static final class HikariMetadata {

		static DataSourcePoolMetadata of(DataSource dataSource) {
			HikariDataSource hikari = DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class, HikariDataSource.class);
			return (hikari != null) ? new HikariDataSourcePoolMetadata(hikari) : null;
		}

	}

	/**
	 * Upgrades every tenant; fails once all were tried when any failed, naming them. A tenant ahead of
	 * the code (a newer release upgraded it) with every revision of this code applied is no failure, as
	 * for a single database: the application starts, with a warning (unless
	 * {@code migrations.fail-on-database-ahead}).
	 */
	@Bean
	@ConditionalOnMissingBean
	MigrationStrategy tenantsMigrationStrategy(TenantMigrations tenants, MigrationsProperties properties) {
		boolean failOnDatabaseAhead = properties.isFailOnDatabaseAhead();
		return (migrations, target) -> {
			TenantRun run = tenants.upgrade(target);
			if (!run.failed().stream().allMatch((outcome) -> !failOnDatabaseAhead && aheadOfTheCode(tenants, outcome))) {
				throw new TenantsFailedException(run);
			}
			logger.info("{}", run.summary());
		};
	}

	private static boolean aheadOfTheCode(TenantMigrations tenants, TenantOutcome outcome) {
		if (!(outcome.failure() instanceof UnknownAppliedRevisionException unknown)) {
			return false;
		}
		MigrationsStatus status;
		try {
			status = tenants.status(outcome.tenant());
		}
		catch (MigrationsException ex) {
			return false;
		}
		if (!status.pending().isEmpty() || !status.failed().isEmpty()) {
			return false;
		}
		logger.warn("Tenant {} is ahead of this code: {} applied, not among this application's revisions (a newer"
				+ " release upgraded it). Every revision of this application is applied there, so the application starts.",
				outcome.tenant(), String.join(", ", unknown.revisions()));
		return true;
	}

	@Bean
	@ConditionalOnMissingBean
	TenantsStatusCache tenantsStatusCache(TenantMigrations tenants, MigrationsTenantsProperties properties) {
		return new TenantsStatusCache(tenants, properties.getStatusCacheTtl(), properties.getListed());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TenantsDriftCache tenantsDriftCache(TenantMigrations tenants, MigrationsTenantsProperties properties,
				MigrationsProperties migrationsProperties, ObjectProvider<EntitySource> entities) {
			String disabled = !migrationsProperties.getDrift().isEnabled()
					? "Drift detection is off (migrations.drift.enabled=false)."
					: (entities.getIfAvailable() == null) ? "No JPA entities to compare: declare an EntitySource bean, or set"
							+ " migrations.drift.enabled=false." : null;
			return new TenantsDriftCache(tenants, disabled, properties.getDrift().getCacheTtl());
		}

		@Bean
		@ConditionalOnMissingBean
		MigrationsTenantsEndpointWebExtension migrationsTenantsEndpointWebExtension(TenantsStatusCache status,
				TenantsDriftCache drift) {
			return new MigrationsTenantsEndpointWebExtension(status, drift);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationsTenantsMetrics migrationsTenantsMetrics(TenantsStatusCache status) {
			return new MigrationsTenantsMetrics(status);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("migrations")
	static class HealthConfiguration {

		/** Named as the single-database indicator, which then backs off. */
		@Bean
		@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
		MigrationsTenantsHealthIndicator migrationsHealthIndicator(TenantsStatusCache status) {
			return new MigrationsTenantsHealthIndicator(status);
		}

	}

}
