package dev.migrations.boot.actuate;

import java.util.concurrent.TimeUnit;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics with Spring Boot's own Micrometer auto-configuration, which binds them to the registry.
 */
class MigrationsMetricsTests {

	private TestDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
					MigrationsEntitiesAutoConfiguration.class, MigrationsDriftAutoConfiguration.class,
					MigrationsMetricsAutoConfiguration.class))
			.withBean(PersistenceManagedTypes.class,
					() -> PersistenceManagedTypes.of("dev.migrations.boot.entities.drifted.LibraryMember",
							"dev.migrations.boot.entities.drifted.Loan"))
			.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
					"migrations.locations=classpath:db/library");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void theStartupUpgradeIsCountedAndTimed() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.revisions.applied").functionCounter().count()).isEqualTo(2);
			var upgrades = registry.get("migrations.upgrade.duration").functionTimer();
			assertThat(upgrades.count()).isEqualTo(1);
			assertThat(upgrades.totalTime(TimeUnit.NANOSECONDS)).isPositive();
			assertThat(pendingAfterAStatusRead(context)).isZero();
		});
	}

	@Test
	void pendingRevisionsAreGauged() {
		this.contextRunner.withPropertyValues("migrations.target=5a1e00000001").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.revisions.applied").functionCounter().count()).isEqualTo(1);
			assertThat(pendingAfterAStatusRead(context)).isEqualTo(1);
		});
	}

	@Test
	void driftDifferencesAreGaugedOnceKnown() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.drift.differences").gauge().value()).isNaN();
			context.getBean(MigrationsDriftMonitor.class).check();
			assertThat(registry.get("migrations.drift.differences").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void nothingIsCountedWithoutUpgrade() {
		this.contextRunner.withPropertyValues("migrations.upgrade-on-startup=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.revisions.applied").functionCounter().count()).isZero();
			assertThat(registry.get("migrations.upgrade.duration").functionTimer().count()).isZero();
			assertThat(pendingAfterAStatusRead(context)).isEqualTo(2);
		});
	}

	@Test
	void theGaugeShowsTheLastStatusReadAndHasItReadAgainWhenStale() {
		this.contextRunner.withPropertyValues("migrations.upgrade-on-startup=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(pendingAfterAStatusRead(context)).isEqualTo(2);
			context.getBean(Migrations.class).upgrade("head");
			// read before the status is read again (in the background, asked for by this very read)
			assertThat(registry.get("migrations.pending").gauge().value()).isEqualTo(2);
			assertThat(pendingAfterAStatusRead(context)).isZero();
		});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
					MigrationsMetricsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(), "migrations.locations=classpath:db/library")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsMetrics.class));
	}

	/**
	 * The gauge once the status is read, as a health probe or the endpoint reads it (the gauge itself never waits for
	 * a read: it has one made in the background and shows the last).
	 */
	private static double pendingAfterAStatusRead(ApplicationContext context) {
		context.getBean(MigrationsStatusCache.class).status();
		return context.getBean(MeterRegistry.class).get("migrations.pending").gauge().value();
	}

}
