package dev.migrations.boot;

import java.util.List;

import dev.migrations.revision.Revision;
import dev.migrations.runner.Direction;
import dev.migrations.runner.MigrationsListener;
import dev.migrations.runner.StepResult;

/**
 * The {@link MigrationsListener} beans of the context as the one listener the core accepts, told in
 * bean order.
 */
final class MigrationsListeners implements MigrationsListener {

	private final List<MigrationsListener> listeners;

	private MigrationsListeners(List<MigrationsListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	static MigrationsListener of(List<MigrationsListener> listeners) {
		return switch (listeners.size()) {
			case 0 -> MigrationsListener.NONE;
			case 1 -> listeners.get(0);
			default -> new MigrationsListeners(listeners);
		};
	}

	@Override
	public void starting(Direction direction, Revision revision, int index, int total) {
		this.listeners.forEach((listener) -> listener.starting(direction, revision, index, total));
	}

	@Override
	public void finished(StepResult result, int index, int total) {
		this.listeners.forEach((listener) -> listener.finished(result, index, total));
	}

}
