package dev.migrations.runner;

import java.util.List;

/**
 * What an upgrade, downgrade or stamp did.
 *
 * @param target the target as given
 * @param steps the revisions run (or stamped), in order; empty when there was nothing to do
 * @param currentBefore {@code db current} before
 * @param currentAfter {@code db current} after
 * @param clearedIncomplete for a stamp, the rows it found failed, running or reverting and cleared
 * (recorded as applied or removed), as they were before; empty otherwise
 */
public record CommandResult(String target, List<StepResult> steps, List<String> currentBefore, List<String> currentAfter,
		List<AppliedRevision> clearedIncomplete) {

	public CommandResult {
		steps = List.copyOf(steps);
		currentBefore = List.copyOf(currentBefore);
		currentAfter = List.copyOf(currentAfter);
		clearedIncomplete = List.copyOf(clearedIncomplete);
	}

	public CommandResult(String target, List<StepResult> steps, List<String> currentBefore, List<String> currentAfter) {
		this(target, steps, currentBefore, currentAfter, List.of());
	}

}
