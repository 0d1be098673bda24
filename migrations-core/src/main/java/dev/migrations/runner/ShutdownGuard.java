package dev.migrations.runner;

import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * Lets an upgrade or downgrade end at a revision's boundary when the process is asked to stop (SIGTERM, as
 * Kubernetes sends before a pod's grace period ends, or Ctrl+C), instead of the JVM halting in the middle of a
 * revision, or the application's own shutdown waiting while revision after revision starts. While the command
 * runs, a shutdown hook interrupts the command's thread and waits for the command to end: a wait for the lock
 * stops at once, the revision running is completed (or fails) as usual, and no other revision starts
 * ({@link RevisionRunner} checks the thread's interrupt between revisions). Nothing is done to a command that
 * ends on its own. What it says goes to standard error, not to the log: a shutdown may stop the logging system
 * before it, and the process halts as soon as the hooks end, maybe before the command's caller prints anything.
 * A tenant's command says where it stopped with the commands it advises aimed at the tenant (see
 * {@link DatabaseMigrator#shutdownAdvice}).
 */
final class ShutdownGuard implements AutoCloseable {

	private final Thread worker = Thread.currentThread();

	private final CountDownLatch ended = new CountDownLatch(1);

	private final Thread hook = new Thread(this::stop, "migrations-shutdown");

	private final boolean registered;

	private volatile boolean stopping;

	private volatile RuntimeException failure;

	private final UnaryOperator<String> advice;

	/** @param advice rewrites what the command's failure says before it is printed (the identity for one schema) */
	ShutdownGuard(UnaryOperator<String> advice) {
		this.advice = advice;
		boolean added;
		try {
			Runtime.getRuntime().addShutdownHook(this.hook);
			added = true;
		}
		catch (IllegalStateException | SecurityException ex) {
			// already shutting down, or not allowed: the command runs unguarded, as before
			added = false;
		}
		this.registered = added;
	}

	private void stop() {
		this.stopping = true;
		this.worker.interrupt();
		// said once the command is told: whoever reads it knows no other revision starts
		System.err.println("migrations: the process is shutting down: the revision running (if any) is completed, and no"
				+ " other revision starts");
		try {
			this.ended.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		RuntimeException failure = this.failure;
		System.err.println("migrations: " + ((failure != null) ? this.advice.apply(failure.getMessage())
				: "the command completed before the process ended"));
	}

	/** Records how the command failed, for the shutdown to say where it stopped. */
	RuntimeException failed(RuntimeException failure) {
		this.failure = failure;
		return failure;
	}

	/** Whether the process is shutting down and asked the command to stop. */
	boolean stopping() {
		return this.stopping;
	}

	@Override
	public void close() {
		if (this.stopping) {
			// the interrupt was this guard's own, sent to stop the command: the caller's thread goes on clean
			Thread.interrupted();
		}
		this.ended.countDown();
		if (this.registered) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.hook);
			}
			catch (IllegalStateException ex) {
				// shutting down: the hook has run or is running, and is now released
			}
		}
	}

}
