package dev.migrations.squash;

import java.util.List;

/**
 * A squash built and checked by the {@link Squasher}, ready to be written as a revision file.
 *
 * @param point the last revision replaced (the squash point)
 * @param replaces the revisions the squash stands for, oldest first, the point last
 * @param upgradeSql what creates the schema the replaced revisions produce
 * @param downgradeSql what drops it again
 * @param transactional whether the squash can run in one transaction
 * @param tables how many tables it creates
 * @param operations how many schema operations it renders
 */
public record SquashPlan(String point, List<String> replaces, String upgradeSql, String downgradeSql,
		boolean transactional, int tables, int operations) {

	public SquashPlan {
		replaces = List.copyOf(replaces);
	}

}
