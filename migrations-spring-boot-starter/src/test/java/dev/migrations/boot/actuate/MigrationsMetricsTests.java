package dev.migrations.boot.actuate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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

	@Test
	void aReadAskedForWhileTheContextClosesStartsNoThread() {
		Migrations migrations = Migrations.configure()
			.dataSource(this.database.dataSource())
			.locations("classpath:db/library")
			.load();
		MigrationsMetrics[] metrics = new MigrationsMetrics[1];
		MigrationsStatusCache cache = new MigrationsStatusCache(migrations, Duration.ofHours(1)) {

			@Override
			public boolean isStale() {
				// the context closes between a scrape's look at the status and its asking for a read
				metrics[0].destroy();
				return super.isStale();
			}

		};
		metrics[0] = new MigrationsMetrics(() -> cache, () -> null);
		Set<Thread> before = readerThreads();
		metrics[0].bindTo(new SimpleMeterRegistry());
		Set<Thread> started = readerThreads();
		started.removeAll(before);
		assertThat(started).as("threads left running by stopped metrics").isEmpty();
	}

	private static Set<Thread> readerThreads() {
		Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
		threads.removeIf((thread) -> !thread.getName().equals("migrations-metrics") || !thread.isAlive());
		return threads;
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void closingWaitsForABackgroundReadUnderWaySoThePoolDoesNotBreakItsConnection(CapturedOutput output)
			throws Exception {
		this.contextRunner.withPropertyValues("migrations.actuator.status-cache-ttl=1h").run((context) -> {
			MigrationsStatusCache cache = context.getBean(MigrationsStatusCache.class);
			cache.status();
			Thread closing = new Thread(context::close, "closing");
			try (Connection locker = this.database.dataSource().getConnection();
					Statement statement = locker.createStatement()) {
				// the read the scrape asks for waits on this lock, as on a slow database
				locker.setAutoCommit(false);
				statement.execute("LOCK TABLE migrations_version IN ACCESS EXCLUSIVE MODE");
				cache.invalidate();
				context.getBean(MeterRegistry.class).get("migrations.pending").gauge().value();
				awaitCondition(() -> readsWaitingForALock(statement) > 0);
				closing.start();
				awaitCondition(() -> !closing.isAlive() || waitingInMetricsDestroy(closing));
				assertThat(closing.isAlive()).as("closing waits for the read under way").isTrue();
				locker.rollback();
			}
			closing.join();
			assertThat(cache.lastStatus()).isNotNull();
		});
		assertThat(output).doesNotContain("marked as broken").doesNotContain("PSQLException");
	}

	private static int readsWaitingForALock(Statement statement) {
		try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = "
				+ "current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
			rows.next();
			return rows.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean waitingInMetricsDestroy(Thread thread) {
		return thread.getState() == Thread.State.TIMED_WAITING && Arrays.stream(thread.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().equals(MigrationsMetrics.class.getName())
					&& frame.getMethodName().equals("destroy"));
	}

	/** Polls a condition; the bound is only a safety net against a test that would otherwise never end. */
	private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition reached within the safety bound").isLessThan(deadline);
			Thread.sleep(20);
		}
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
