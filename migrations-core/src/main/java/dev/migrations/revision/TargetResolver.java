package dev.migrations.revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * Turns a {@link Target} and the database's state into a {@link Plan}: which revisions to apply or
 * unapply, in which order.
 * <p>
 * The database's state is the list of applied revision ids <em>in the order they were applied</em>
 * (an id listed twice counts once, at its last position). Its <b>current heads</b> are the applied
 * revisions that no other applied revision names as {@code down_revision}.
 *
 * <h2>Upgrade targets</h2>
 * Every upgrade plan is "the target revisions and all they need ({@code down_revision} and
 * {@code depends_on}, transitively), minus what is applied", in the graph's
 * {@linkplain RevisionGraph#revisions() topological order}.
 * <ul>
 * <li>{@code head}: the graph's one head; with several, {@link MultipleHeadsException} suggesting
 * {@code db merge} or {@code db upgrade heads}. No revisions at all: nothing to do.</li>
 * <li>{@code heads}: every head.</li>
 * <li>an id or unique prefix: that revision (nothing to do if it is applied).</li>
 * <li>{@code label@head}: the one head descending (through {@code down_revision}) from the revision
 * carrying the branch label; {@code <rev>@head}, as in Alembic, from the revision with that id or unique
 * prefix, when no label is {@code rev}.</li>
 * <li>{@code +N}: the first N steps of the {@code heads} plan; an error, applying nothing, if fewer
 * are pending.</li>
 * <li>{@code <rev>+N}: the revision N children below {@code rev}, every step having exactly one
 * child; {@code <rev>-N}: N parents above, every step having exactly one parent.</li>
 * <li>{@code base}: nothing. {@code -N}: an error pointing to {@code db downgrade}.</li>
 * </ul>
 *
 * <h2>Downgrade targets</h2>
 * Revisions are unapplied one at a time, each time choosing, among the applied revisions that no
 * applied revision still names as {@code down_revision} or {@code depends_on}, the most recently
 * applied one.
 * <ul>
 * <li>{@code -N}: N revisions so chosen; an error if fewer than N are applied.</li>
 * <li>{@code base}: every applied revision.</li>
 * <li>{@code label@base} (or {@code <rev>@base}): the revision carrying the label (or with that id) and the
 * applied revisions needing it (through {@code down_revision} and {@code depends_on}); other branches stay.
 * Nothing to do when it is not applied.</li>
 * <li>an id or unique prefix, {@code <rev>-N} or {@code <rev>+N}: the revision stays applied and
 * everything applied after it goes: the applied revisions descending from its children (through
 * {@code down_revision} and {@code depends_on}). Revisions on other branches stay, including those
 * that merely {@code depends_on} the target itself, since it stays applied. An error if the
 * revision is not applied.</li>
 * <li>{@code head}, {@code heads}, {@code label@head}, {@code +N}: an error pointing to
 * {@code db upgrade}.</li>
 * </ul>
 * The plan methods throw {@link UnknownAppliedRevisionException} when an applied id is not in the
 * graph; {@link #current} and {@link #pending}, meant for reporting, do not.
 */
public final class TargetResolver {

	private static final int MAX_LISTED = 10;

	private final RevisionGraph graph;

	public TargetResolver(RevisionGraph graph) {
		this.graph = Objects.requireNonNull(graph, "graph");
	}

	public RevisionGraph graph() {
		return this.graph;
	}

	/**
	 * The database's current heads: applied revisions that no other applied revision names as
	 * {@code down_revision}, in the order they were applied. Applied ids unknown to the graph are
	 * included (their parents cannot be known, so a known parent of one is listed too).
	 * @param applied applied revision ids in the order they were applied
	 * @return the current heads
	 */
	public List<String> current(List<String> applied) {
		Map<String, Integer> positions = positions(applied);
		boolean[] covered = new boolean[this.graph.size()];
		for (String id : positions.keySet()) {
			if (this.graph.contains(id)) {
				for (int parent : this.graph.down(this.graph.indexOf(id))) {
					covered[parent] = true;
				}
			}
		}
		List<String> current = new ArrayList<>();
		for (String id : positions.keySet()) {
			if (!this.graph.contains(id) || !covered[this.graph.indexOf(id)]) {
				current.add(id);
			}
		}
		if (current.size() > 1) {
			// (a lambda's first call costs a fresh JVM about a millisecond: not for the usual single head)
			current.sort((a, b) -> Integer.compare(positions.get(a), positions.get(b)));
		}
		return Collections.unmodifiableList(current);
	}

	/**
	 * Every revision not applied, in the order {@code db upgrade heads} would apply them. Applied ids
	 * unknown to the graph are ignored.
	 * @param applied applied revision ids in the order they were applied
	 * @return the pending revisions
	 */
	public List<Revision> pending(List<String> applied) {
		return upgrade(new Target.Heads(), state(applied, false)).steps();
	}

	/**
	 * The revisions a target names without regard to the database: {@code head}, {@code heads},
	 * {@code label@head}, an id or prefix, {@code <rev>+N} and {@code <rev>-N} name revisions;
	 * {@code base} names none. For {@code db stamp} and {@code db show}.
	 * @param target the target's text
	 * @return the revision ids, in id order
	 * @throws TargetException for {@code +N} and {@code -N}, which depend on the database
	 */
	public List<String> resolve(String target) {
		return resolve(Target.parse(target));
	}

	/** As {@link #resolve(String)}. */
	public List<String> resolve(Target target) {
		if (target instanceof Target.Head) {
			return this.graph.isEmpty() ? List.of() : List.of(this.graph.id(singleHead()));
		}
		if (target instanceof Target.Heads) {
			return this.graph.heads();
		}
		if (target instanceof Target.Base) {
			return List.of();
		}
		if (target instanceof Target.Id id) {
			return List.of(this.graph.resolve(id.idOrPrefix()).id());
		}
		if (target instanceof Target.BranchHead branch) {
			return List.of(this.graph.id(branchHead(branch.label())));
		}
		if (target instanceof Target.RelativeTo relative) {
			return List.of(this.graph.id(walk(relative)));
		}
		if (target instanceof Target.BranchBase) {
			throw downgradeTarget(target);
		}
		throw new TargetException("'" + target + "' counts from the database's current revisions; give a revision"
				+ " id, head, heads or base");
	}

	/**
	 * The revisions to apply, in order, to reach a target.
	 * @param target the target's text, e.g. {@code head}, {@code +1}, {@code 3f2a}
	 * @param applied applied revision ids in the order they were applied
	 * @return the plan, empty when there is nothing to do
	 * @throws TargetException (and subclasses) when the target does not fit, with what to do instead
	 * @throws UnknownRevisionException when the target names no revision
	 * @throws AmbiguousRevisionException when the target is a prefix of several revisions
	 * @throws UnknownAppliedRevisionException when an applied id is unknown to the graph
	 */
	public Plan upgrade(String target, List<String> applied) {
		return upgrade(Target.parse(target), applied);
	}

	/** As {@link #upgrade(String, List)}. */
	public Plan upgrade(Target target, List<String> applied) {
		return upgrade(target, state(applied, true));
	}

	private Plan upgrade(Target target, State state) {
		String text = target.toString();
		if (target instanceof Target.Head) {
			return this.graph.isEmpty() ? new Plan(List.of(), text) : upgradeTo(text, state, singleHead());
		}
		if (target instanceof Target.Heads) {
			int[] heads = this.graph.heads().stream().mapToInt(this.graph::indexOf).toArray();
			return upgradeTo(text, state, heads);
		}
		if (target instanceof Target.Base) {
			return new Plan(List.of(), text);
		}
		if (target instanceof Target.Id id) {
			return upgradeTo(text, state, this.graph.indexOf(this.graph.resolve(id.idOrPrefix()).id()));
		}
		if (target instanceof Target.BranchHead branch) {
			return upgradeTo(text, state, branchHead(branch.label()));
		}
		if (target instanceof Target.RelativeTo relative) {
			return upgradeTo(text, state, walk(relative));
		}
		if (target instanceof Target.BranchBase) {
			throw downgradeTarget(target);
		}
		if (!(target instanceof Target.Relative relative)) {
			throw new IllegalStateException("unhandled target " + target.getClass().getName());
		}
		if (relative.steps() < 0) {
			throw new TargetException("'" + text + "' goes back: run `db downgrade " + text + "` to unapply "
					+ plural(-relative.steps(), "revision"));
		}
		List<Revision> pending = upgrade(new Target.Heads(), state).steps();
		if (pending.size() < relative.steps()) {
			throw new TargetException("cannot upgrade " + text + ": only " + plural(pending.size(), "revision")
					+ (pending.size() == 1 ? " is" : " are") + " pending"
					+ (pending.isEmpty() ? "; the database is up to date"
							: " (" + ids(pending) + "); run `db upgrade heads` to apply them all"));
		}
		return new Plan(pending.subList(0, relative.steps()), text);
	}

	private Plan upgradeTo(String text, State state, int... targets) {
		boolean[] needed = this.graph.reach(this.graph.requiresEdges(), targets);
		List<Revision> steps = new ArrayList<>();
		for (int i : this.graph.order()) {
			if (needed[i] && !state.applied[i]) {
				steps.add(this.graph.revision(i));
			}
		}
		return new Plan(steps, text);
	}

	/**
	 * The revisions to unapply, in order, to reach a target.
	 * @param target the target's text, e.g. {@code -1}, {@code base}, {@code 3f2a}
	 * @param applied applied revision ids in the order they were applied
	 * @return the plan, empty when there is nothing to do
	 * @throws TargetException when the target does not fit, with what to do instead
	 * @throws UnknownRevisionException when the target names no revision
	 * @throws AmbiguousRevisionException when the target is a prefix of several revisions
	 * @throws UnknownAppliedRevisionException when an applied id is unknown to the graph
	 */
	public Plan downgrade(String target, List<String> applied) {
		return downgrade(Target.parse(target), applied);
	}

	/** As {@link #downgrade(String, List)}. */
	public Plan downgrade(Target target, List<String> applied) {
		State state = state(applied, true);
		String text = target.toString();
		if (target instanceof Target.Head || target instanceof Target.Heads || target instanceof Target.BranchHead) {
			throw new TargetException("'" + text + "' is an upgrade target: run `db upgrade " + text
					+ "`; to go back give -N, base or a revision id");
		}
		if (target instanceof Target.Relative relative) {
			if (relative.steps() > 0) {
				throw new TargetException("'" + text + "' goes forward: run `db upgrade " + text + "` to apply "
						+ plural(relative.steps(), "revision"));
			}
			int steps = -relative.steps();
			if (state.count == 0) {
				throw new TargetException("cannot downgrade " + text + ": the database is at base, no revision is applied");
			}
			if (state.count < steps) {
				throw new TargetException("cannot downgrade " + text + ": only " + plural(state.count, "revision")
						+ (state.count == 1 ? " is" : " are") + " applied"
						+ (state.count == 0 ? "" : "; run `db downgrade base` to unapply them all"));
			}
			return new Plan(unapply(state, state.applied, steps), text);
		}
		if (target instanceof Target.Base) {
			return new Plan(unapply(state, state.applied, Integer.MAX_VALUE), text);
		}
		if (target instanceof Target.BranchBase branch) {
			int root = this.graph.indexOf(branchRoot(branch.label()));
			if (!state.applied[root]) {
				return new Plan(List.of(), text);
			}
			boolean[] branchAndDependents = this.graph.reach(this.graph.requiredByEdges(), root);
			for (int i = 0; i < branchAndDependents.length; i++) {
				branchAndDependents[i] &= state.applied[i];
			}
			return new Plan(unapply(state, branchAndDependents, Integer.MAX_VALUE), text);
		}
		int revision;
		if (target instanceof Target.RelativeTo relative) {
			revision = walk(relative);
		}
		else if (target instanceof Target.Id id) {
			revision = this.graph.indexOf(this.graph.resolve(id.idOrPrefix()).id());
		}
		else {
			throw new IllegalStateException("unhandled target " + target.getClass().getName());
		}
		if (!state.applied[revision]) {
			List<String> current = current(applied);
			throw new TargetException("revision " + this.graph.describe(this.graph.id(revision))
					+ " is not applied; nothing to downgrade to; applied heads are "
					+ (current.isEmpty() ? "none (nothing is applied)" : String.join(", ", current)));
		}
		boolean[] after = this.graph.reach(this.graph.requiredByEdges(), this.graph.children(revision));
		for (int i = 0; i < after.length; i++) {
			after[i] &= state.applied[i];
		}
		return new Plan(unapply(state, after, Integer.MAX_VALUE), text);
	}

	/**
	 * Unapplies the selected revisions, always taking the most recently applied among those no
	 * applied revision still needs. The selection must hold every applied revision needing a
	 * selected one, which each caller's selection does.
	 */
	private List<Revision> unapply(State state, boolean[] selected, int limit) {
		int n = this.graph.size();
		int[][] requiredBy = this.graph.requiredByEdges();
		int[] blockers = new int[n];
		int total = 0;
		PriorityQueue<Integer> available = new PriorityQueue<>(
				(a, b) -> Integer.compare(state.position[b], state.position[a]));
		for (int i = 0; i < n; i++) {
			if (!selected[i]) {
				continue;
			}
			total++;
			for (int dependent : requiredBy[i]) {
				if (state.applied[dependent]) {
					blockers[i]++;
				}
			}
			if (blockers[i] == 0) {
				available.add(i);
			}
		}
		List<Revision> steps = new ArrayList<>();
		while (!available.isEmpty() && steps.size() < limit) {
			int next = available.poll();
			steps.add(this.graph.revision(next));
			for (int required : this.graph.requires(next)) {
				if (selected[required] && --blockers[required] == 0) {
					available.add(required);
				}
			}
		}
		if (steps.size() < Math.min(limit, total)) {
			throw new IllegalStateException("downgrade selection is not closed under dependents");
		}
		return steps;
	}

	private int singleHead() {
		List<String> heads = this.graph.heads();
		if (heads.size() > 1) {
			throw new MultipleHeadsException(heads, "the revisions have " + heads.size() + " heads: "
					+ describe(heads) + "; `head` needs exactly one: run `db merge -m \"merge heads\"` to join them,"
					+ " or `db upgrade heads` to upgrade every branch");
		}
		return this.graph.indexOf(heads.get(0));
	}

	/**
	 * The one head descending (through {@code down_revision}) from the revision carrying the label or, as in
	 * Alembic, from the revision the "label" names by id or unique prefix ({@code 3f2a@head}).
	 */
	private int branchHead(String label) {
		String labelled = this.graph.branchRoot(label).orElse(null);
		String root = branchRoot(label);
		int rootIndex = this.graph.indexOf(root);
		boolean[] branch = this.graph.reach(this.graph.childrenEdges(), rootIndex);
		List<String> heads = new ArrayList<>();
		for (int i = 0; i < branch.length; i++) {
			if (branch[i] && this.graph.children(i).length == 0) {
				heads.add(this.graph.id(i));
			}
		}
		if (heads.size() > 1) {
			String merge = (labelled != null) ? "db merge -m \"merge " + label + " heads\" " : "db merge -m \"merge heads\" ";
			throw new MultipleHeadsException(heads, ((labelled != null) ? "branch '" + label + "' (from " + root + ") has "
					: "the revisions from " + root + " have ") + heads.size() + " heads: " + describe(heads) + "; `" + label
					+ "@head` needs exactly one: run `" + merge + String.join(" ", heads)
					+ "` to join them, or upgrade to one of them by id");
		}
		return this.graph.indexOf(heads.get(0));
	}

	/** The revision carrying the label or, when none does, the revision the label names as an id or unique prefix. */
	private String branchRoot(String label) {
		return this.graph.branchRoot(label).orElseGet(() -> revisionNamedAsBranch(label));
	}

	private static TargetException downgradeTarget(Target target) {
		String label = ((Target.BranchBase) target).label();
		return new TargetException("'" + target + "' is a downgrade target: run `db downgrade " + target + "` to unapply"
				+ " the branch; to go forward give head, heads, " + label + "@head or a revision id");
	}

	/** The revision {@code <rev>@head} starts from when no branch label is {@code rev}. */
	private String revisionNamedAsBranch(String label) {
		try {
			return this.graph.resolve(label).id();
		}
		catch (UnknownRevisionException ex) {
			Map<String, String> labels = this.graph.branchLabels();
			throw new TargetException("no branch label or revision '" + label + "'; " + (labels.isEmpty()
					? "no revision has a label: add `-- branch_labels: " + label + "` to the first revision of the branch"
					: "known labels: " + labels.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + " (on " + entry.getValue() + ")")
						.collect(Collectors.joining(", "))));
		}
	}

	/** Follows the single child ({@code +N}) or single parent ({@code -N}) step by step. */
	private int walk(Target.RelativeTo target) {
		int current = this.graph.indexOf(this.graph.resolve(target.idOrPrefix()).id());
		boolean forward = target.steps() > 0;
		int steps = Math.abs(target.steps());
		for (int step = 0; step < steps; step++) {
			int[] next = forward ? this.graph.children(current) : this.graph.down(current);
			String id = this.graph.id(current);
			String taken = (step == 0) ? "" : " (reached after " + plural(step, "step") + ")";
			if (next.length == 0) {
				throw new TargetException("'" + target + "': " + id + taken + (forward
						? " is a head; no revision follows it"
						: " is a base; no revision precedes it: use `base` to go before it"));
			}
			if (next.length > 1) {
				List<String> options = this.graph.idList(next);
				throw new TargetException("'" + target + "': " + id + taken + (forward
						? " has " + next.length + " children: " + describe(options)
						: " is a merge of " + describe(options))
						+ "; the way on is ambiguous: give the id of the revision you mean (or <id>"
						+ (forward ? "+" : "-") + "N from one of these)");
			}
			current = next[0];
		}
		return current;
	}

	private State state(List<String> applied, boolean strict) {
		Map<String, Integer> positions = positions(applied);
		boolean[] isApplied = new boolean[this.graph.size()];
		int[] position = new int[this.graph.size()];
		List<String> unknown = new ArrayList<>();
		int count = 0;
		for (Map.Entry<String, Integer> entry : positions.entrySet()) {
			if (!this.graph.contains(entry.getKey())) {
				unknown.add(entry.getKey());
				continue;
			}
			int i = this.graph.indexOf(entry.getKey());
			isApplied[i] = true;
			position[i] = entry.getValue();
			count++;
		}
		if (strict && !unknown.isEmpty()) {
			unknown.sort((a, b) -> Integer.compare(positions.get(a), positions.get(b)));
			throw new UnknownAppliedRevisionException(unknown, pending(applied).stream().map(Revision::id).toList());
		}
		return new State(isApplied, position, count);
	}

	/** Each id with the position it was last applied at, in first-seen order. */
	private static Map<String, Integer> positions(List<String> applied) {
		Map<String, Integer> positions = new LinkedHashMap<>(applied.size() * 2);
		for (int i = 0; i < applied.size(); i++) {
			positions.put(Objects.requireNonNull(applied.get(i), "applied revision id"), i);
		}
		return positions;
	}

	private String describe(List<String> ids) {
		List<String> described = ids.stream().limit(MAX_LISTED).map(this.graph::describe).toList();
		String more = (ids.size() > MAX_LISTED) ? " and " + (ids.size() - MAX_LISTED) + " more" : "";
		return String.join(", ", described) + more;
	}

	private static String ids(List<Revision> revisions) {
		String listed = revisions.stream().limit(MAX_LISTED).map(Revision::id).collect(Collectors.joining(", "));
		return (revisions.size() > MAX_LISTED) ? listed + " and " + (revisions.size() - MAX_LISTED) + " more" : listed;
	}

	private static String plural(int count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

	/** The applied revisions known to the graph, by index. */
	private record State(boolean[] applied, int[] position, int count) {
	}

}
