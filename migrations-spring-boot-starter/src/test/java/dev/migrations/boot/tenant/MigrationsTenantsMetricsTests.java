package dev.migrations.boot.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.TenantMigrations;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations.tenants} gauges on two tenant schemas of a real database: a scrape reads them on its own
 * thread, and never waits there for the tenants to be read (one connection per tenant, each waiting the pool's
 * timeout while the database is unreachable).
 */
class MigrationsTenantsMetricsTests {

	private TestDatabase database;

	private final Map<Thread, AtomicInteger> asked = new ConcurrentHashMap<>();

	private MigrationsTenantsMetrics metrics;

	@BeforeEach
	void createTenantSchemas() throws SQLException {
		this.database = TestDatabases.postgres();
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA t1");
			statement.execute("CREATE SCHEMA t2");
		}
	}

	@AfterEach
	void dropDatabase() {
		if (this.metrics != null) {
			this.metrics.destroy();
		}
		this.database.close();
	}

	@Test
	void aScrapeShowsTheTenantsAsLastReadWithoutAskingForAConnection() {
		TenantMigrations tenants = tenants(new CountingDataSource(this.database.dataSource()));
		TenantsStatusCache cache = new TenantsStatusCache(tenants, Duration.ofHours(1), 10);
		this.metrics = new MigrationsTenantsMetrics(cache);
		MeterRegistry registry = new SimpleMeterRegistry();
		this.metrics.bindTo(registry);

		// as a health probe reads them
		cache.status();
		assertThat(scrape(registry, "BEHIND")).isEqualTo(2);
		assertThat(scrape(registry, "UP_TO_DATE")).isZero();

		tenants.upgrade("head");
		// the tenants as last read until they are read again (in the background, asked for by the scrape)
		assertThat(scrape(registry, "BEHIND")).isEqualTo(2);
		cache.status();
		assertThat(scrape(registry, "BEHIND")).isZero();
		assertThat(scrape(registry, "UP_TO_DATE")).isEqualTo(2);
	}

	@Test
	void stoppingWaitsForABackgroundReadUnderWayBeforeThePoolIsClosedUnderIt() throws Exception {
		TenantMigrations tenants = tenants(this.database.dataSource());
		tenants.upgrade("head");
		TenantsStatusCache cache = new TenantsStatusCache(tenants, Duration.ofHours(1), 10);
		this.metrics = new MigrationsTenantsMetrics(cache);
		MeterRegistry registry = new SimpleMeterRegistry();
		cache.status();
		this.metrics.bindTo(registry);
		Thread stopping = new Thread(this.metrics::destroy, "stopping");
		try (Connection locker = this.database.dataSource().getConnection();
				Statement statement = locker.createStatement()) {
			// a run of this application: the next scrape has the tenants read again, and that read waits on this lock
			tenants.upgrade("head");
			locker.setAutoCommit(false);
			statement.execute("LOCK TABLE t1.migrations_version IN ACCESS EXCLUSIVE MODE");
			registry.get("migrations.tenants").tag("state", "UP_TO_DATE").gauge().value();
			awaitCondition(() -> readsWaitingForALock(statement) > 0);
			stopping.start();
			awaitCondition(() -> !stopping.isAlive() || waitingInMetricsDestroy(stopping));
			assertThat(stopping.isAlive()).as("stopping waits for the read under way").isTrue();
			locker.rollback();
		}
		stopping.join();
		assertThat(cache.lastStatus()).isNotNull();
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
			.anyMatch((frame) -> frame.getClassName().equals(MigrationsTenantsMetrics.class.getName())
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

	/** One gauge read as a scrape reads it, on the calling thread, which must not ask for a connection. */
	private double scrape(MeterRegistry registry, String state) {
		int before = askedHere();
		double value = registry.get("migrations.tenants").tag("state", state).gauge().value();
		assertThat(askedHere()).as("connections asked for by the scrape").isEqualTo(before);
		return value;
	}

	private int askedHere() {
		AtomicInteger count = this.asked.get(Thread.currentThread());
		return (count != null) ? count.get() : 0;
	}

	private TenantMigrations tenants(DataSource dataSource) {
		Migrations migrations = Migrations.configure().dataSource(dataSource).locations("classpath:db/library").load();
		return migrations.tenants().schemas("t1", "t2").parallelism(1).build();
	}

	private final class CountingDataSource extends DelegatingDataSource {

		CountingDataSource(DataSource delegate) {
			super(delegate);
		}

		@Override
		public Connection getConnection() throws SQLException {
			MigrationsTenantsMetricsTests.this.asked.computeIfAbsent(Thread.currentThread(), (t) -> new AtomicInteger())
				.incrementAndGet();
			return super.getConnection();
		}

	}

}
