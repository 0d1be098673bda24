package dev.migrations.revision;

import java.util.List;
import java.util.Objects;

/**
 * The revisions to apply or unapply, in the order to do it, to reach a target.
 *
 * @param steps the revisions, first to run first; for a downgrade, in the order to unapply them
 * @param target the target as given, e.g. {@code head} or {@code -1}
 */
public record Plan(List<Revision> steps, String target) {

	public Plan {
		steps = List.copyOf(steps);
		Objects.requireNonNull(target, "target");
	}

	/** The ids of {@link #steps()}, in order. */
	public List<String> ids() {
		return this.steps.stream().map(Revision::id).toList();
	}

	/** Whether there is nothing to do. */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
