package dev.migrations.boot.actuate;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.MigrationsStatus;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link MigrationsStatusCache} against a real database, with a clock the tests move: what the
 * endpoint and the health indicator show after this application, or another one, changes the
 * database, and how many times the database is read.
 */
class MigrationsStatusCacheTests {

	private static final String FIRST = "5a1e00000001";

	private static final String SECOND = "5a1e00000002";

	private final MovableClock clock = new MovableClock();

	private TestDatabase database;

	private CountingDataSource dataSource;

	private Migrations migrations;

	@BeforeEach
	void createDatabaseAtTheFirstRevision() {
		this.database = TestDatabases.postgres();
		this.dataSource = new CountingDataSource(this.database.dataSource());
		this.migrations = Migrations.configure().dataSource(this.dataSource).locations("classpath:db/library").load();
		this.migrations.upgrade(FIRST);
		this.dataSource.reads.set(0);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void anotherInstancesUpgradeShowsOnceTheTimeToLiveHasPassed() {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ofSeconds(1), this.clock);
		assertThat(cache.status().current()).containsExactly(FIRST);
		anotherInstance().upgrade("head");
		this.clock.advance(Duration.ofMillis(999));
		MigrationsStatus reused = cache.status();
		assertThat(reused.current()).containsExactly(FIRST);
		assertThat(reused.pending()).containsExactly(SECOND);
		assertThat(this.dataSource.reads).hasValue(1);
		this.clock.advance(Duration.ofMillis(1));
		MigrationsStatus read = cache.status();
		assertThat(read.current()).containsExactly(SECOND);
		assertThat(read.upToDate()).isTrue();
		assertThat(this.dataSource.reads).hasValue(2);
	}

	@Test
	void thisApplicationsChangesShowAtOnce() {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ofHours(1), this.clock);
		assertThat(cache.status().pending()).containsExactly(SECOND);
		this.migrations.upgrade("head");
		assertThat(cache.status().current()).containsExactly(SECOND);
		this.migrations.downgrade("base");
		assertThat(cache.status().current()).isEmpty();
		this.migrations.stamp(FIRST);
		assertThat(cache.status().current()).containsExactly(FIRST);
		assertThat(cache.status().pending()).containsExactly(SECOND);
	}

	@Test
	void invalidateReadsAgain() {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ofHours(1), this.clock);
		assertThat(cache.status().current()).containsExactly(FIRST);
		anotherInstance().stamp(SECOND);
		assertThat(cache.status().current()).containsExactly(FIRST);
		cache.invalidate();
		assertThat(cache.status().current()).containsExactly(SECOND);
		assertThat(this.dataSource.reads).hasValue(2);
	}

	@Test
	void aZeroTimeToLiveReadsOnEveryCall() {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ZERO, this.clock);
		assertThat(cache.status().current()).containsExactly(FIRST);
		anotherInstance().upgrade("head");
		assertThat(cache.status().current()).containsExactly(SECOND);
		cache.status();
		assertThat(this.dataSource.reads).hasValue(3);
	}

	@Test
	void aClockSetBackReadsAgain() {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ofSeconds(1), this.clock);
		cache.status();
		anotherInstance().upgrade("head");
		this.clock.advance(Duration.ofMillis(-1));
		assertThat(cache.status().current()).containsExactly(SECOND);
	}

	@Test
	void concurrentCallersShareOneRead() throws Exception {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ofSeconds(1), this.clock);
		int callers = 8;
		CountDownLatch firstReadMayFinish = new CountDownLatch(1);
		this.dataSource.beforeEachConnection = () -> await(firstReadMayFinish);
		List<Thread> threads = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(callers, (task) -> {
			Thread thread = new Thread(task);
			threads.add(thread);
			return thread;
		});
		try {
			List<Future<MigrationsStatus>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(executor.submit(cache::status));
			}
			// every caller is blocked: on the first read's connection, or waiting for that read
			awaitAllWaiting(threads, callers);
			// however long the read takes, the callers that waited for it take its result
			this.clock.advance(Duration.ofSeconds(5));
			firstReadMayFinish.countDown();
			MigrationsStatus first = results.get(0).get(5, TimeUnit.MINUTES);
			for (Future<MigrationsStatus> result : results) {
				assertThat(result.get(5, TimeUnit.MINUTES)).isSameAs(first);
			}
			assertThat(first.current()).containsExactly(FIRST);
			assertThat(this.dataSource.reads).hasValue(1);
		}
		finally {
			firstReadMayFinish.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void callersArrivingWhileTheStatusIsReadAgainGetThePreviousOne() throws Exception {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ofSeconds(1), this.clock);
		assertThat(cache.status().current()).containsExactly(FIRST);
		anotherInstance().upgrade("head");
		this.clock.advance(Duration.ofSeconds(1));
		CountDownLatch readMayFinish = new CountDownLatch(1);
		this.dataSource.beforeEachConnection = () -> await(readMayFinish);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<MigrationsStatus> readingAgain = executor.submit(cache::status);
			awaitReads(2);
			// the read is held on its connection: a caller arriving now is not made to wait for it
			AtomicReference<MigrationsStatus> meanwhile = new AtomicReference<>();
			Thread caller = new Thread(() -> meanwhile.set(cache.status()));
			caller.start();
			// it ends while the read is still held (waiting for the read, it would not end at all): the
			// generous bound only decides when to stop waiting for a caller that is stuck
			caller.join(TimeUnit.MINUTES.toMillis(2));
			assertThat(caller.getState()).as("a caller arriving during the read").isEqualTo(Thread.State.TERMINATED);
			assertThat(meanwhile.get().current()).containsExactly(FIRST);
			readMayFinish.countDown();
			assertThat(readingAgain.get(5, TimeUnit.MINUTES).current()).containsExactly(SECOND);
			assertThat(cache.status().current()).containsExactly(SECOND);
			assertThat(this.dataSource.reads).hasValue(2);
		}
		finally {
			readMayFinish.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void aFailedReadIsSharedUntilTheTimeToLiveHasPassed() {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ofSeconds(1), this.clock);
		this.database.close();
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(cache::status)
			.withMessageContaining("Could not read");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(cache::status);
		assertThat(this.dataSource.reads).hasValue(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(cache::status);
		assertThat(this.dataSource.reads).hasValue(2);
	}

	/** Another process's instance on the same database: its changes are not counted by ours. */
	private Migrations anotherInstance() {
		return Migrations.configure().dataSource(this.database.dataSource()).locations("classpath:db/library").load();
	}

	private static void awaitAllWaiting(List<Thread> threads, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (threads.size() < count || !threads.stream().allMatch(MigrationsStatusCacheTests::isBlocked)) {
			if (System.nanoTime() > deadline) {
				fail("The callers did not all block: " + threads.stream().map(Thread::getState).toList());
			}
			Thread.sleep(10);
		}
	}

	private void awaitReads(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (this.dataSource.reads.get() < count) {
			if (System.nanoTime() > deadline) {
				fail("Expected " + count + " reads, saw " + this.dataSource.reads.get());
			}
			Thread.sleep(10);
		}
	}

	private static boolean isBlocked(Thread thread) {
		Thread.State state = thread.getState();
		return state == Thread.State.WAITING || state == Thread.State.BLOCKED;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The test database's data source, counting the connections asked for: one per read of the
	 * status.
	 */
	private static final class CountingDataSource implements DataSource {

		private final DataSource delegate;

		private final AtomicInteger reads = new AtomicInteger();

		private volatile Runnable beforeEachConnection = () -> {
		};

		CountingDataSource(DataSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.reads.incrementAndGet();
			this.beforeEachConnection.run();
			return this.delegate.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			this.reads.incrementAndGet();
			this.beforeEachConnection.run();
			return this.delegate.getConnection(username, password);
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.delegate.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.delegate.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.delegate.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.delegate.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getLogger("dev.migrations");
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return this.delegate.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return this.delegate.isWrapperFor(type);
		}

	}

}
