package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.util.function.Supplier;

import dev.migrations.revision.Revision;
import dev.migrations.runner.Direction;
import dev.migrations.runner.MigrationsListener;
import dev.migrations.runner.StepResult;

/**
 * Prints a line per revision while a {@code db upgrade} or {@code db downgrade} runs, so a long data
 * migration shows where it is. Prints only for the thread running a command; the startup upgrade
 * and other callers of the same {@code Migrations} are not affected.
 */
final class ProgressPrinter implements MigrationsListener {

	private final ThreadLocal<Line> line = new ThreadLocal<>();

	/** Runs a command with its progress printed to {@code out}. */
	<T> T printingTo(PrintWriter out, Supplier<T> command) {
		Line current = new Line(out);
		this.line.set(current);
		try {
			return command.get();
		}
		finally {
			this.line.remove();
			if (current.open) {
				out.println("failed");
				out.flush();
			}
		}
	}

	@Override
	public void starting(Direction direction, Revision revision, int index, int total) {
		Line current = this.line.get();
		if (current == null) {
			return;
		}
		String verb = (direction == Direction.UPGRADE) ? "upgrade" : "downgrade";
		current.out.print("  [" + index + "/" + total + "] " + verb + " " + revision.id()
				+ (revision.message().isEmpty() ? "" : " " + revision.message()) + " ... ");
		current.out.flush();
		current.open = true;
	}

	@Override
	public void finished(StepResult result, int index, int total) {
		Line current = this.line.get();
		if (current == null) {
			return;
		}
		current.out.println("done in " + result.executionMillis() + " ms");
		current.out.flush();
		current.open = false;
	}

	private static final class Line {

		private final PrintWriter out;

		private boolean open;

		Line(PrintWriter out) {
			this.out = out;
		}

	}

}
