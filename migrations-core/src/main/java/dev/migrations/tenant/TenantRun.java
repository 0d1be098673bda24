package dev.migrations.tenant;

import java.time.Duration;
import java.util.List;

import dev.migrations.revision.Target;

/**
 * What an upgrade, downgrade or stamp did over the selected tenants: one outcome per tenant, in the
 * order of the tenants, failed ones included (a failure in one tenant never stops the others).
 *
 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param target the target as given
 * @param outcomes one per tenant run
 * @param parallelism how many tenants ran at a time (at most)
 * @param duration how long the whole run took
 */
public record TenantRun(String command, String target, List<TenantOutcome> outcomes, int parallelism, Duration duration) {

	/** How many failed tenants {@link #summary()} names before counting the rest. */
	public static final int LISTED_FAILURES = 20;

	/** How many failed tenants the advice's {@code --tenant} names. */
	private static final int LISTED_IN_ADVICE = 3;

	public TenantRun {
		outcomes = List.copyOf(outcomes);
	}

	public List<TenantOutcome> failed() {
		return this.outcomes.stream().filter(TenantOutcome::failed).toList();
	}

	/**
	 * Whether the target counts steps from where each tenant stands ({@code -1}, {@code +2}): run again on every
	 * tenant, it would move those already done once more, so a failed run is run again for the failed tenants only.
	 */
	public boolean countsFromEachTenant() {
		return relativeTarget() != null;
	}

	/** Whether the target is one step ({@code -1}, {@code +1}): a tenant that failed it did not move. */
	public boolean oneStep() {
		Target.Relative relative = relativeTarget();
		return relative != null && Math.abs(relative.steps()) == 1;
	}

	private Target.Relative relativeTarget() {
		if (this.target == null) {
			return null;
		}
		try {
			return (Target.parse(this.target) instanceof Target.Relative relative) ? relative : null;
		}
		catch (RuntimeException ex) {
			// a target no tenant could take: nothing counted from where they stand
			return null;
		}
	}

	/** Whether every tenant succeeded. */
	public boolean succeeded() {
		return this.outcomes.stream().noneMatch(TenantOutcome::failed);
	}

	/**
	 * A few lines for a log or a terminal: the counts, then each failed tenant (up to
	 * {@value #LISTED_FAILURES}) with the revision and the first line of its error, then what to do.
	 */
	public String summary() {
		List<TenantOutcome> failed = failed();
		long changed = this.outcomes.stream().filter(TenantOutcome::changed).count();
		long steps = this.outcomes.stream().filter((o) -> o.result() != null).mapToLong((o) -> o.result().steps().size()).sum();
		long unchanged = this.outcomes.size() - changed - failed.size();
		StringBuilder text = new StringBuilder();
		text.append(this.command).append(' ').append(this.target).append(" on ").append(this.outcomes.size())
			.append(" tenant(s), ").append(this.parallelism).append(" at a time, in ").append(this.duration.toMillis())
			.append(" ms: ").append(changed).append(" changed (").append(steps).append(" revision(s)), ")
			.append(unchanged).append(" already there, ").append(failed.size()).append(" failed.");
		for (TenantOutcome outcome : failed.subList(0, Math.min(failed.size(), LISTED_FAILURES))) {
			text.append("\n  ").append(outcome.tenant()).append(": ");
			if (outcome.failedRevision() != null) {
				text.append("revision ").append(outcome.failedRevision()).append(" failed: ");
			}
			text.append(outcome.error());
		}
		if (failed.size() > LISTED_FAILURES) {
			text.append("\n  ... and ").append(failed.size() - LISTED_FAILURES).append(" more failed tenant(s).");
		}
		if (!failed.isEmpty()) {
			String selector = TenantSelector.of(failed.stream().limit(LISTED_IN_ADVICE).map(TenantOutcome::tenant).toList())
				.shellWord() + ((failed.size() > LISTED_IN_ADVICE)
						? " and the other " + (failed.size() - LISTED_IN_ADVICE) + " failed" : "");
			text.append((failed.size() == this.outcomes.size()) ? "\nNo tenant reached the target." : "\nThe other tenants are done.");
			String given = (this.target != null) ? this.target.strip() : "";
			if (countsFromEachTenant() && failed.size() < this.outcomes.size() && oneStep()) {
				text.append(" Fix what failed, then run it for the failed tenants only (--tenant ").append(selector).append("): ")
					.append(given).append(" counts from where each tenant stands, so the same command on every"
							+ " tenant would move those already done once more.");
			}
			else if (countsFromEachTenant() && failed.size() < this.outcomes.size()) {
				// a failed tenant may have gone some of the steps: its error names the revision they were going to
				text.append(" Fix what failed, then take each failed tenant (--tenant ").append(selector).append(") where ")
					.append(given).append(" was taking it, with the command its error ends with (`db ").append(this.command)
					.append(" REVISION --tenant NAME`): ").append(given).append(" counts from where each tenant stands, so the"
							+ " same command again would move those already done, and a failed tenant that went part of the"
							+ " way, too far.");
			}
			else {
				text.append(" Fix what failed, then run the same command again: only the tenants"
						+ " not yet at the target change (select them with --tenant ").append(selector).append(").");
			}
		}
		return text.toString();
	}

}
