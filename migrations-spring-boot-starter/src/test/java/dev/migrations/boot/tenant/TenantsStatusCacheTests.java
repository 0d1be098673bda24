package dev.migrations.boot.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.TenantMigrations;
import dev.migrations.tenant.TenantsStatus;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link TenantsStatusCache} on two tenant schemas of a real database: what a caller gets while
 * another reads the tenants again.
 */
class TenantsStatusCacheTests {

	private TestDatabase database;

	private final AtomicInteger connections = new AtomicInteger();

	private volatile CountDownLatch connectionsMayOpen = new CountDownLatch(0);

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
		this.database.close();
	}

	@Test
	void callersArrivingWhileTheTenantsAreReadAgainGetThePreviousStatus() throws Exception {
		TenantMigrations ours = tenants(new HeldDataSource(this.database.dataSource()));
		TenantsStatusCache cache = new TenantsStatusCache(ours, Duration.ofNanos(1), 10);
		TenantsStatus before = cache.status();
		assertThat(before.upToDate()).isFalse();
		// another instance upgrades every tenant: not a run of ours, so the status read before stays usable
		tenants(this.database.dataSource()).upgrade("head");
		this.connectionsMayOpen = new CountDownLatch(1);
		int opened = this.connections.get();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<TenantsStatus> readingAgain = executor.submit(cache::status);
			awaitConnections(opened + 1);
			// the read is held on its connection: a caller arriving now is not made to wait for it
			AtomicReference<TenantsStatus> meanwhile = new AtomicReference<>();
			Thread caller = new Thread(() -> meanwhile.set(cache.status()));
			caller.start();
			// it ends while the read is still held (waiting for the read, it would not end at all): the
			// generous bound only decides when to stop waiting for a caller that is stuck
			caller.join(TimeUnit.MINUTES.toMillis(2));
			assertThat(caller.getState()).as("a caller arriving during the read").isEqualTo(Thread.State.TERMINATED);
			assertThat(meanwhile.get()).isSameAs(before);
			this.connectionsMayOpen.countDown();
			assertThat(readingAgain.get(5, TimeUnit.MINUTES).upToDate()).isTrue();
		}
		finally {
			this.connectionsMayOpen.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void afterARunOfThisApplicationCallersWaitForTheNewStatus() {
		TenantMigrations ours = tenants(new HeldDataSource(this.database.dataSource()));
		TenantsStatusCache cache = new TenantsStatusCache(ours, Duration.ofHours(1), 10);
		assertThat(cache.status().upToDate()).isFalse();
		ours.upgrade("head");
		assertThat(cache.status().upToDate()).isTrue();
	}

	private TenantMigrations tenants(DataSource dataSource) {
		Migrations migrations = Migrations.configure().dataSource(dataSource).locations("classpath:db/library").load();
		return migrations.tenants().schemas("t1", "t2").parallelism(1).build();
	}

	private void awaitConnections(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (this.connections.get() < count) {
			if (System.nanoTime() > deadline) {
				fail("Expected " + count + " connections, saw " + this.connections.get());
			}
			Thread.sleep(10);
		}
	}

	/** Counts the connections asked for and, while the latch is up, holds each before opening it. */
	private final class HeldDataSource extends DelegatingDataSource {

		HeldDataSource(DataSource delegate) {
			super(delegate);
		}

		@Override
		public Connection getConnection() throws SQLException {
			TenantsStatusCacheTests.this.connections.incrementAndGet();
			try {
				TenantsStatusCacheTests.this.connectionsMayOpen.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return super.getConnection();
		}

	}

}
