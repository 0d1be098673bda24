package dev.migrations.boot;

import dev.migrations.TerminalText;
import dev.migrations.revision.Revision;
import dev.migrations.runner.Direction;
import dev.migrations.runner.MigrationsListener;
import dev.migrations.runner.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each revision of the startup upgrade as it starts and as it finishes, so a long upgrade shows
 * its progress while it runs. Silent outside the startup upgrade: the {@code db} commands print their
 * own progress.
 */
final class StartupProgressLog implements MigrationsListener {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsInitializer.class);

	private volatile Thread upgrading;

	/** Logs what the calling thread runs until {@link #stop()}. */
	void start() {
		this.upgrading = Thread.currentThread();
	}

	void stop() {
		this.upgrading = null;
	}

	@Override
	public void starting(Direction direction, Revision revision, int index, int total) {
		if (Thread.currentThread() == this.upgrading) {
			logger.info("Upgrading {}/{}: {} ({})", index, total, revision.id(), TerminalText.escapeLine(revision.message()));
		}
	}

	@Override
	public void finished(StepResult result, int index, int total) {
		if (Thread.currentThread() == this.upgrading) {
			logger.info("Upgraded {}/{}: {} in {} ms", index, total, result.revision(), result.executionMillis());
		}
	}

}
