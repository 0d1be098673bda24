package dev.migrations.test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next test database of a server, created on a background thread while the test that took the previous
 * one runs. A creation that failed in the background is tried again in the caller's thread, so that its error
 * reaches the test. The spare still unused when the JVM exits is dropped (in a shutdown hook registered with
 * the first spare).
 */
final class SpareDatabase {

	private static final Logger logger = LoggerFactory.getLogger(SpareDatabase.class);

	private static final ExecutorService creator = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "migrations-test-create");
		thread.setDaemon(true);
		return thread;
	});

	private final DatabaseServer server;

	private CompletableFuture<String> next;

	private boolean exiting;

	private boolean hookAdded;

	SpareDatabase(DatabaseServer server) {
		this.server = server;
	}

	/** The spare's name, or a database the creation makes now when there is none; a new spare is started. */
	String take(Supplier<String> creation) {
		CompletableFuture<String> ready;
		synchronized (this) {
			ready = this.next;
			this.next = null;
			if (!this.exiting) {
				if (!this.hookAdded) {
					Runtime.getRuntime().addShutdownHook(new Thread(this::dropUnused, "migrations-test-spare-exit"));
					this.hookAdded = true;
				}
				this.next = CompletableFuture.supplyAsync(creation, creator);
			}
		}
		if (ready != null) {
			try {
				return ready.join();
			}
			catch (CompletionException ex) {
				logger.debug("Creating a spare test database failed, creating one now: {}", ex.getCause().toString());
			}
		}
		return creation.get();
	}

	private void dropUnused() {
		CompletableFuture<String> unused;
		synchronized (this) {
			this.exiting = true;
			unused = this.next;
			this.next = null;
		}
		if (unused != null) {
			try {
				this.server.dropDatabase(unused.join());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not drop the spare test database at exit: {}", ex.getMessage());
			}
		}
	}

}
