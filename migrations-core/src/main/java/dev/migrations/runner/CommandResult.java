package dev.migrations.runner;

import java.util.List;

/**
 * What an upgrade, downgrade or stamp did.
 *
 * @param target the target as given
 * @param steps the revisions run (or stamped), in order; empty when there was nothing to do
 * @param currentBefore {@code db current} before
 * @param currentAfter {@code db current} after
 */
public record CommandResult(String target, List<StepResult> steps, List<String> currentBefore, List<String> currentAfter) {

	public CommandResult {
		steps = List.copyOf(steps);
		currentBefore = List.copyOf(currentBefore);
		currentAfter = List.copyOf(currentAfter);
	}

}
