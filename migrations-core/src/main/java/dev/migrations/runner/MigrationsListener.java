package dev.migrations.runner;

import dev.migrations.revision.Revision;

/** Told about each revision as it runs, e.g. to print progress in the shell. */
public interface MigrationsListener {

	MigrationsListener NONE = new MigrationsListener() {
	};

	default void starting(Direction direction, Revision revision, int index, int total) {
	}

	default void finished(StepResult result, int index, int total) {
	}

}
