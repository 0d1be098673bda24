package dev.migrations.boot.actuate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read of a status a gauge shows, done on a thread of its own so that a scrape never waits for the
 * database: one read at a time, started when the status is stale, while the scrape answers with what was read
 * before. Used by the {@code migrations.pending} and {@code migrations.tenants} gauges.
 */
public final class BackgroundStatusRead {

	private static final Logger logger = LoggerFactory.getLogger(BackgroundStatusRead.class);

	private static final int READ_UNDER_WAY_WAIT_SECONDS = 10;

	private final String threadName;

	private final String what;

	private final AtomicBoolean reading = new AtomicBoolean();

	private volatile ExecutorService reader;

	private volatile boolean stopped;

	/**
	 * @param threadName the name of the reading thread
	 * @param what what is read, for the debug log ("the pending revisions for the migrations.pending gauge")
	 */
	public BackgroundStatusRead(String threadName, String what) {
		this.threadName = threadName;
		this.what = what;
	}

	/**
	 * Starts {@code read} on the reading thread when {@code stale} says so, no read is under way and the
	 * reads are not stopped; returns at once.
	 * @param stale whether the status shown is older than it may be (asked only when no read is stopped)
	 * @param read the read, which keeps what it read where the gauge finds it
	 */
	public void readIfStale(BooleanSupplier stale, Runnable read) {
		if (this.stopped || !stale.getAsBoolean() || !this.reading.compareAndSet(false, true)) {
			return;
		}
		ExecutorService service = reader();
		if (service == null) {
			// stopped
			this.reading.set(false);
			return;
		}
		try {
			service.execute(() -> {
				try {
					read.run();
				}
				catch (RuntimeException ex) {
					logger.debug("Could not read " + this.what, ex);
				}
				finally {
					this.reading.set(false);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// stopping
			this.reading.set(false);
		}
	}

	private ExecutorService reader() {
		ExecutorService service = this.reader;
		if (service == null) {
			synchronized (this) {
				service = this.reader;
				if (service == null && !this.stopped) {
					service = Executors.newSingleThreadExecutor((task) -> {
						Thread thread = new Thread(task, this.threadName);
						thread.setDaemon(true);
						return thread;
					});
					this.reader = service;
				}
			}
		}
		return service;
	}

	/**
	 * Stops the reads. One under way is interrupted and waited for (at most
	 * {@value #READ_UNDER_WAY_WAIT_SECONDS} seconds): the connection pool, closed next, would otherwise break the
	 * connection under it, which the pool logs as a warning with a stack trace. No read starts afterwards.
	 */
	public void stop() {
		ExecutorService service;
		synchronized (this) {
			this.stopped = true;
			service = this.reader;
		}
		if (service == null) {
			return;
		}
		service.shutdownNow();
		try {
			if (!service.awaitTermination(READ_UNDER_WAY_WAIT_SECONDS, TimeUnit.SECONDS)) {
				logger.debug("Stopped waiting for the read of " + this.what + " under way");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
