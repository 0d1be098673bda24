package dev.migrations.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revisions as the graph sees them once squashes are taken into account, like Django's
 * {@code replaces} rule.
 * <p>
 * A squash is a root revision with a {@code -- replaces: r1, ..., rN} header: it creates the schema
 * that the history {@code r1 .. rN} produces, listed in the order its revisions run (the <b>squash
 * point</b> {@code rN} last, every other one an ancestor of it; the history may branch and merge). While the squash's file is present:
 * <ul>
 * <li>the replaced revisions are not part of the graph, whether their files are still there or not;
 * they are kept {@linkplain #replacedRevisions() aside} for databases stopped in the middle of them;</li>
 * <li>every {@code down_revision} and {@code depends_on} naming the squash point names the squash
 * instead, so the revisions written after the point follow the squash without being edited;
 * naming a revision in the middle of the replaced history is an error (nothing can follow half a
 * squash);</li>
 * <li>a squash may replace an older squash (squashing again later): it then lists the older squash
 * and everything the older squash replaced, and the older squash is replaced like any revision.</li>
 * </ul>
 * How a database's recorded revisions are read against a squash is the version table's business
 * (see {@code dev.migrations.runner}): a database that recorded the squash point is at the squash.
 */
public final class SquashedHistory {

	private final List<Revision> revisions;

	private final List<Revision> squashes;

	private final Map<String, Revision> replacedRevisions;

	private final List<Revision> unsquashed;

	private SquashedHistory(List<Revision> revisions, List<Revision> squashes, Map<String, Revision> replacedRevisions,
			List<Revision> unsquashed) {
		this.revisions = revisions;
		this.squashes = squashes;
		this.replacedRevisions = replacedRevisions;
		this.unsquashed = unsquashed;
	}

	/**
	 * Applies the squashes among the revisions.
	 * @param all every revision read, squashes and replaced revisions included
	 * @return the history; with no squash, its {@link #revisions()} are {@code all}
	 * @throws RevisionFileException when two squashes replace the same revision, or a revision names
	 * one in the middle of a squashed history
	 */
	public static SquashedHistory of(Collection<Revision> all) {
		List<Revision> squashes = new ArrayList<>();
		for (Revision revision : all) {
			if (revision.isSquash()) {
				squashes.add(revision);
			}
		}
		if (squashes.isEmpty()) {
			List<Revision> list = List.copyOf(all);
			return new SquashedHistory(list, List.of(), Map.of(), list);
		}
		// A squash replaced by a later one is itself replaced: only the outermost squashes stay.
		Set<String> replacedIds = new LinkedHashSet<>();
		squashes.forEach((squash) -> replacedIds.addAll(squash.replaces()));
		List<Revision> outermost = squashes.stream().filter((s) -> !replacedIds.contains(s.id())).toList();
		Map<String, String> replacedBy = new HashMap<>();
		Map<String, String> pointOf = new HashMap<>();
		for (Revision squash : outermost) {
			for (String id : squash.replaces()) {
				String other = replacedBy.putIfAbsent(id, squash.id());
				if (other != null) {
					throw new RevisionFileException(squash.source(), 0, "revision " + id + " is replaced by two squashes, "
							+ other + " and " + squash.id() + "; keep one of them (a later squash lists the earlier one and"
							+ " everything it replaced)");
				}
			}
			pointOf.put(squash.replaces().get(squash.replaces().size() - 1), squash.id());
		}
		Map<String, Revision> replaced = new LinkedHashMap<>();
		List<Revision> revisions = new ArrayList<>();
		List<Revision> unsquashed = new ArrayList<>();
		for (Revision revision : all) {
			String squash = replacedBy.get(revision.id());
			if (squash != null) {
				replaced.put(revision.id(), revision);
				unsquashed.add(revision);
				continue;
			}
			if (!revision.isSquash() || replacedIds.contains(revision.id())) {
				unsquashed.add(revision);
			}
			revisions.add(remap(revision, replacedBy, pointOf));
		}
		return new SquashedHistory(Collections.unmodifiableList(revisions), List.copyOf(outermost),
				Collections.unmodifiableMap(replaced), Collections.unmodifiableList(unsquashed));
	}

	private static Revision remap(Revision revision, Map<String, String> replacedBy, Map<String, String> pointOf) {
		boolean refers = false;
		for (String id : revision.downRevisions()) {
			refers |= replacedBy.containsKey(id);
		}
		for (String id : revision.dependsOn()) {
			refers |= replacedBy.containsKey(id);
		}
		if (!refers) {
			return revision;
		}
		return revision.withReferences(remap(revision, revision.downRevisions(), "down_revision", replacedBy, pointOf),
				remap(revision, revision.dependsOn(), "depends_on", replacedBy, pointOf));
	}

	private static List<String> remap(Revision revision, List<String> ids, String header, Map<String, String> replacedBy,
			Map<String, String> pointOf) {
		Set<String> result = new LinkedHashSet<>();
		for (String id : ids) {
			String squash = replacedBy.get(id);
			if (squash == null) {
				result.add(id);
			}
			else if (pointOf.containsKey(id)) {
				result.add(pointOf.get(id));
			}
			else {
				throw new RevisionFileException(revision.source(), 0, "`" + header + "` names " + id + ", which squash "
						+ squash + " replaces in the middle of its history: only the last revision a squash replaces can be"
						+ " followed. Point " + revision.id() + " at " + squash + " (or at a revision after it)");
			}
		}
		return List.copyOf(result);
	}

	/** The revisions the graph is built from: squashes in, replaced revisions out, references remapped. */
	public List<Revision> revisions() {
		return this.revisions;
	}

	/** The squashes in use (not replaced by a later squash). */
	public List<Revision> squashes() {
		return this.squashes;
	}

	/** Whether there is any squash. */
	public boolean hasSquashes() {
		return !this.squashes.isEmpty();
	}

	/** The replaced revisions whose files or classes are still present, by id. */
	public Map<String, Revision> replacedRevisions() {
		return this.replacedRevisions;
	}

	/**
	 * The revisions as they were before squashing: the replaced ones with their own references, the
	 * squashes in use left out. Only a complete history when no replaced file is missing.
	 */
	public List<Revision> unsquashed() {
		return this.unsquashed;
	}

	/**
	 * The revisions a squash replaces that a database still has to run to reach the squash point, in the order they
	 * run. A revision is done when the database recorded it, or recorded a revision that follows it in the replaced
	 * history: one after it on its branch, or an earlier squash standing for it.
	 * <p>
	 * Which revisions a done one follows is read from its file among {@code files} (an earlier squash stands for
	 * what it replaces), else from its row (the parents the database recorded with it); when a recorded revision has
	 * neither (no file, and no parent recorded: an earlier squash whose file is gone), every revision listed before
	 * it is taken as done, which is exact for a linear history.
	 * @param squash the squash
	 * @param recorded the revisions the database recorded (upgrades that completed), with the parents recorded in
	 * their rows
	 * @param files the replaced revisions whose files are present, by id
	 * @return the ids still to run, oldest first; empty when the point is done
	 */
	public static List<String> remaining(Revision squash, Map<String, List<String>> recorded, Map<String, Revision> files) {
		List<String> replaced = squash.replaces();
		Map<String, Integer> position = new HashMap<>(replaced.size() * 2);
		for (int i = 0; i < replaced.size(); i++) {
			position.put(replaced.get(i), i);
		}
		boolean[] done = new boolean[replaced.size()];
		int doneBefore = -1;
		// a revision comes after its parents in the list: one pass from the point back reaches every ancestor
		for (int i = replaced.size() - 1; i >= 0; i--) {
			String id = replaced.get(i);
			if (i < doneBefore || recorded.containsKey(id)) {
				done[i] = true;
			}
			if (!done[i]) {
				continue;
			}
			Revision file = files.get(id);
			List<String> parents;
			if (file != null) {
				parents = new ArrayList<>(file.isSquash() ? file.replaces() : file.downRevisions());
				parents.addAll(file.dependsOn());
			}
			else {
				parents = recorded.getOrDefault(id, List.of());
			}
			if (file == null && parents.isEmpty() && recorded.containsKey(id)) {
				doneBefore = Math.max(doneBefore, i);
			}
			for (String parent : parents) {
				Integer at = position.get(parent);
				if (at != null) {
					done[at] = true;
				}
			}
		}
		List<String> result = new ArrayList<>();
		for (int i = 0; i < replaced.size(); i++) {
			if (!done[i]) {
				result.add(replaced.get(i));
			}
		}
		return result;
	}

	/** Whether a database recorded any of the revisions a squash replaces. */
	public static boolean recordedAny(Revision squash, Set<String> recorded) {
		for (String id : squash.replaces()) {
			if (recorded.contains(id)) {
				return true;
			}
		}
		return false;
	}

	/** The ids a squash replaces whose files or classes are gone, oldest first. */
	public List<String> missingReplaced(Revision squash) {
		return squash.replaces().stream().filter((id) -> !this.replacedRevisions.containsKey(id)).toList();
	}

	/** The squashes in a graph (a squash replaced by a later one is not in the graph). */
	public static List<Revision> squashes(RevisionGraph graph) {
		if (graph == null) {
			return List.of();
		}
		List<Revision> result = null;
		for (Revision revision : graph.revisions()) {
			if (revision.isSquash()) {
				if (result == null) {
					result = new ArrayList<>();
				}
				result.add(revision);
			}
		}
		return (result != null) ? List.copyOf(result) : List.of();
	}

}
