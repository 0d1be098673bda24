package dev.migrations.boot.actuate;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.actuate.MigrationsEndpoint.DriftDescriptor;
import dev.migrations.boot.drift.DriftStatus;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations} health indicator against a real database in each state it reports.
 */
class MigrationsHealthIndicatorTests {

	private TestDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
					MigrationsEntitiesAutoConfiguration.class, MigrationsDriftAutoConfiguration.class,
					MigrationsHealthContributorAutoConfiguration.class))
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
	void upToDateIsUp() {
		this.contextRunner.run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("current", List.of("5a1e00000002"))
				.containsEntry("pending", List.of())
				.containsEntry("modified", List.of())
				.containsEntry("failed", List.of())
				.containsKey("drift");
		});
	}

	@Test
	void pendingRevisionsTakeTheInstanceOutOfServiceByDefault() {
		this.contextRunner.withPropertyValues("migrations.target=5a1e00000001").run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("pending", List.of("5a1e00000002"));
		});
	}

	@Test
	void anUpgradeByThisApplicationPutsTheInstanceBackInServiceAtOnce() {
		this.contextRunner.withPropertyValues("migrations.target=5a1e00000001", "migrations.actuator.status-cache-ttl=1h")
			.run((context) -> {
				assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				context.getBean(Migrations.class).upgrade("head");
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void pendingStatusIsConfigurable() {
		this.contextRunner.withPropertyValues("migrations.target=5a1e00000001", "migrations.health.pending-status=up")
			.run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.UP));
	}

	@Test
	void aFailedRevisionIsDown() {
		ApplicationContextRunner failing = this.contextRunner.withPropertyValues("migrations.locations=classpath:db/failing");
		failing.run((context) -> assertThat(context).hasFailed());
		failing.withPropertyValues("migrations.upgrade-on-startup=false", "migrations.health.pending-status=up")
			.run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("failed", List.of("5a1e0000f001"));
			});
	}

	@Test
	void aNewerReleasesFailedRevisionKeepsThisReleaseInServiceByDefault() {
		// a rolling deploy: this release's instances run while the newer release's startup fails on its revision
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("migrations.locations=classpath:db/library,classpath:db/library-newer-failing")
			.run((context) -> assertThat(context).hasFailed());
		ApplicationContextRunner running = this.contextRunner.withPropertyValues("migrations.upgrade-on-startup=false");
		running.run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("current", List.of("5a1e00000002"))
				.containsEntry("failed", List.of("5a1e0000f003"));
		});
		running.withPropertyValues("migrations.health.missing-status=DOWN")
			.run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.DOWN));
	}

	@Test
	void driftShowsInTheDetailsAndKeepsTheInstanceUpByDefault() {
		drifted().run((context) -> {
			context.getBean(MigrationsDriftMonitor.class).check();
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			DriftDescriptor drift = (DriftDescriptor) health.getDetails().get("drift");
			assertThat(drift.status()).isEqualTo(DriftStatus.DETECTED);
			assertThat(drift.differences()).extracting(MigrationsEndpoint.DifferenceDescriptor::object)
				.containsExactly("library_member.nickname");
		});
	}

	@Test
	void driftStatusIsConfigurable() {
		drifted().withPropertyValues("migrations.health.drift-status=DOWN").run((context) -> {
			// before the first check drift is unknown, which never changes the status
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			context.getBean(MigrationsDriftMonitor.class).check();
			assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void driftOnADatabaseANewerReleaseUpgradedFollowsTheMissingStatus() {
		// a rolling deploy: the newer release added a column these entities do not map
		Migrations.configure().dataSource(this.database.dataSource())
			.locations("classpath:db/library", "classpath:db/library-newer")
			.load()
			.upgrade("head");
		ApplicationContextRunner previous = this.contextRunner.withPropertyValues("migrations.health.drift-status=DOWN")
			.withBean(PersistenceManagedTypes.class,
					() -> PersistenceManagedTypes.of("dev.migrations.boot.entities.library.LibraryMember",
							"dev.migrations.boot.entities.library.Loan"));
		previous.run((context) -> {
			context.getBean(MigrationsDriftMonitor.class).check();
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("missing", List.of("5a1e00000003"));
			DriftDescriptor drift = (DriftDescriptor) health.getDetails().get("drift");
			assertThat(drift.status()).isEqualTo(DriftStatus.DETECTED);
			assertThat(drift.differences()).extracting(MigrationsEndpoint.DifferenceDescriptor::object)
				.containsExactly("loan.due_on");
		});
		previous.withPropertyValues("migrations.health.missing-status=OUT_OF_SERVICE").run((context) -> {
			context.getBean(MigrationsDriftMonitor.class).check();
			assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void theMostSevereStatusWins() {
		drifted().withPropertyValues("migrations.target=5a1e00000001", "migrations.health.drift-status=DOWN")
			.run((context) -> {
				context.getBean(MigrationsDriftMonitor.class).check();
				assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void anUnreadableDatabaseIsDown() {
		this.contextRunner.withPropertyValues("spring.datasource.hikari.connection-timeout=500").run((context) -> {
			this.database.close();
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsKey("error");
		});
	}

	@Test
	void isDisabledByProperty() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffWithoutTheHealthModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	private ApplicationContextRunner drifted() {
		return this.contextRunner.withBean(PersistenceManagedTypes.class,
				() -> PersistenceManagedTypes.of("dev.migrations.boot.entities.drifted.LibraryMember",
						"dev.migrations.boot.entities.drifted.Loan"));
	}

	private static Health health(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		assertThat(context).getBeanNames(HealthIndicator.class).containsExactly("migrationsHealthIndicator");
		return context.getBean(MigrationsHealthIndicator.class).health(true);
	}

}
