package dev.migrations.test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops test databases on threads of their own, so that a test does not wait for them. On PostgreSQL a
 * {@code DROP DATABASE} makes the server finish a checkpoint of the whole cluster before it returns, which on a
 * busy machine takes longer than many tests. {@link #THREADS} drops run at once: the server serves the
 * checkpoint requests arriving during one checkpoint with the next, so drops running together share it. At
 * most {@link #MAX_PENDING} drops wait at a time (a test asking for one more waits until one is done), and those
 * still waiting when the JVM exits are finished first. A drop that fails is logged: the database is then dropped
 * by the first test run {@link DatabaseServer#STALE_AFTER} later.
 */
final class BackgroundDrops {

	private static final Logger logger = LoggerFactory.getLogger(BackgroundDrops.class);

	static final int THREADS = 4;

	static final int MAX_PENDING = 8;

	// the exit waits for at most MAX_PENDING drops, run THREADS at a time; Surefire gives a forked JVM 30 s to exit
	private static final Duration EXIT_WAIT = Duration.ofSeconds(25);

	private static final BackgroundDrops INSTANCE = new BackgroundDrops();

	private final Semaphore pending = new Semaphore(MAX_PENDING);

	private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, (task) -> {
		Thread thread = new Thread(task, "migrations-test-drops");
		thread.setDaemon(true);
		return thread;
	});

	private BackgroundDrops() {
		Runtime.getRuntime().addShutdownHook(new Thread(this::finish, "migrations-test-drops-exit"));
	}

	static BackgroundDrops instance() {
		return INSTANCE;
	}

	/** Drops the database on a background thread, after waiting for a free place in the queue. */
	void drop(DatabaseServer server, String name) {
		try {
			this.pending.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			server.dropDatabase(name);
			return;
		}
		try {
			this.executor.execute(() -> {
				try {
					server.dropDatabase(name);
				}
				catch (RuntimeException ex) {
					logger.warn("{}", ex.getMessage());
				}
				finally {
					this.pending.release();
				}
			});
		}
		catch (RuntimeException ex) {
			// the JVM is exiting and the executor takes no more work
			this.pending.release();
			server.dropDatabase(name);
		}
	}

	/** Waits until every drop asked for so far is done. */
	void awaitAll() throws InterruptedException {
		this.pending.acquire(MAX_PENDING);
		this.pending.release(MAX_PENDING);
	}

	private void finish() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
				logger.warn("Test databases still being dropped after {} s at exit are left to the first test run {} hours"
						+ " from now", EXIT_WAIT.toSeconds(), DatabaseServer.STALE_AFTER.toHours());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
