package dev.migrations.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The immutable, validated graph of all revisions: each revision points at its parents
 * ({@code down_revision}) and at revisions it needs without descending from them
 * ({@code depends_on}).
 * <p>
 * <b>Heads</b> are revisions that no revision names as {@code down_revision}; <b>bases</b> are
 * revisions without {@code down_revision}. {@code depends_on} orders revisions (a dependency is
 * applied first and unapplied last) but makes neither heads nor branches.
 * <p>
 * Lists of ids are in id order unless said otherwise. All algorithms are iterative and linear or
 * {@code n log n}, so graphs of many thousands of revisions, or very long chains, are cheap.
 *
 * @see TargetResolver for turning targets and the database's state into plans
 */
public final class RevisionGraph {

	/** The shortest prefix {@link #resolve} accepts, so that a short typo cannot pick a revision. */
	public static final int MIN_PREFIX = 4;

	private static final int MAX_LISTED = 10;

	/** Every id, sorted; a revision's index is its position here, so index order is id order. */
	private final String[] ids;

	private final Revision[] revisions;

	private final Map<String, Integer> index;

	/** down_revisions, by index. */
	private final int[][] down;

	/** down_revisions and depends_on, without repeats. */
	private final int[][] requires;

	/** Inverse of {@link #down}. */
	private final int[][] children;

	/** Inverse of {@link #requires}. */
	private final int[][] requiredBy;

	private final int[] order;

	private final List<Revision> orderedRevisions;

	private final List<String> heads;

	private final List<String> bases;

	private final Map<String, String> labels;

	private RevisionGraph(String[] ids, Revision[] revisions, Map<String, Integer> index, int[][] down,
			int[][] requires, Map<String, String> labels) {
		this.ids = ids;
		this.revisions = revisions;
		this.index = index;
		this.down = down;
		this.requires = requires;
		this.children = invert(down);
		this.requiredBy = invert(requires);
		this.labels = Collections.unmodifiableMap(labels);
		this.order = topologicalOrder();
		List<Revision> ordered = new ArrayList<>(this.order.length);
		for (int i : this.order) {
			ordered.add(revisions[i]);
		}
		this.orderedRevisions = Collections.unmodifiableList(ordered);
		List<String> heads = new ArrayList<>();
		List<String> bases = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			if (this.children[i].length == 0) {
				heads.add(ids[i]);
			}
			if (down[i].length == 0) {
				bases.add(ids[i]);
			}
		}
		this.heads = List.copyOf(heads);
		this.bases = List.copyOf(bases);
	}

	/**
	 * Validates revisions and builds their graph.
	 * @param revisions every revision, in any order
	 * @return the graph
	 * @throws DuplicateRevisionException when two revisions share an id
	 * @throws DuplicateBranchLabelException when two revisions share a branch label
	 * @throws MissingRevisionException when a {@code down_revision} or {@code depends_on} names an
	 * id that is not among the revisions
	 * @throws CycleException when references loop
	 */
	/**
	 * Fails on two ids that differ only in case: MariaDB compares the version table's ids without case (the second
	 * could never be recorded), and so do the file systems of macOS and Windows for files named alike.
	 */
	private static void rejectIdsDifferingInCase(Revision[] sortedById) {
		if (sortedById.length < 2) {
			return;
		}
		Map<String, Revision> byFolded = new HashMap<>(sortedById.length * 2);
		for (Revision revision : sortedById) {
			Revision other = byFolded.putIfAbsent(revision.id().toLowerCase(Locale.ROOT), revision);
			if (other != null) {
				throw new RevisionException("revisions " + other.id() + " (" + other.source() + ") and " + revision.id()
						+ " (" + revision.source() + ") differ only in case, which MariaDB's version table and the file"
						+ " systems of macOS and Windows do not tell apart: give one of them a new id (header and file"
						+ " name) and point its children at it");
			}
		}
	}

	public static RevisionGraph of(Collection<Revision> revisions) {
		// A stable sort puts duplicates next to each other, in the order they were given.
		Revision[] byIndex = revisions.toArray(Revision[]::new);
		Arrays.sort(byIndex, Comparator.comparing(Revision::id));
		String[] ids = new String[byIndex.length];
		Map<String, Integer> index = new HashMap<>(byIndex.length * 2);
		for (int i = 0; i < byIndex.length; i++) {
			if (i > 0 && byIndex[i].id().equals(ids[i - 1])) {
				throw new DuplicateRevisionException(ids[i - 1], byIndex[i - 1].source(), byIndex[i].source());
			}
			ids[i] = byIndex[i].id();
			index.put(ids[i], i);
		}
		rejectIdsDifferingInCase(byIndex);
		Map<String, String> labels = new TreeMap<>();
		List<MissingRevisionException.Reference> missing = new ArrayList<>();
		int[][] down = new int[ids.length][];
		int[][] requires = new int[ids.length][];
		for (int i = 0; i < ids.length; i++) {
			Revision revision = byIndex[i];
			for (String label : revision.branchLabels()) {
				String previous = labels.putIfAbsent(label, revision.id());
				if (previous != null) {
					throw new DuplicateBranchLabelException(label, byIndex[index.get(previous)], revision);
				}
			}
			down[i] = references(revision, revision.downRevisions(), "down_revision", index, missing);
			int[] dependencies = references(revision, revision.dependsOn(), "depends_on", index, missing);
			requires[i] = (dependencies.length == 0) ? down[i] : distinct(down[i], dependencies);
		}
		if (!missing.isEmpty()) {
			throw new MissingRevisionException(missing, Arrays.asList(ids));
		}
		return new RevisionGraph(ids, byIndex, index, down, requires, labels);
	}

	private static int[] references(Revision revision, List<String> references, String header,
			Map<String, Integer> index, List<MissingRevisionException.Reference> missing) {
		int[] result = new int[references.size()];
		for (int i = 0; i < result.length; i++) {
			String reference = references.get(i);
			Integer target = index.get(reference);
			if (target == null) {
				missing.add(new MissingRevisionException.Reference(revision.id(), revision.source(), header, reference));
				result[i] = -1;
			}
			else {
				result[i] = target;
			}
		}
		return distinct(result);
	}

	/** The indexes of both arrays, each once, dropping the {@code -1} of missing references. */
	private static int[] distinct(int[]... arrays) {
		int length = 0;
		for (int[] array : arrays) {
			length += array.length;
		}
		int[] result = new int[length];
		int count = 0;
		for (int[] array : arrays) {
			for (int value : array) {
				boolean seen = value < 0;
				for (int j = 0; j < count && !seen; j++) {
					seen = result[j] == value;
				}
				if (!seen) {
					result[count++] = value;
				}
			}
		}
		return (count == length) ? result : Arrays.copyOf(result, count);
	}

	private static int[][] invert(int[][] edges) {
		int[] counts = new int[edges.length];
		for (int[] targets : edges) {
			for (int target : targets) {
				counts[target]++;
			}
		}
		int[][] inverse = new int[edges.length][];
		for (int i = 0; i < edges.length; i++) {
			inverse[i] = new int[counts[i]];
			counts[i] = 0;
		}
		// Sources are visited in index order, so each inverse list comes out sorted by id.
		for (int source = 0; source < edges.length; source++) {
			for (int target : edges[source]) {
				inverse[target][counts[target]++] = source;
			}
		}
		return inverse;
	}

	/** Kahn's algorithm with the smallest id first among the revisions ready, so the order is stable. */
	private int[] topologicalOrder() {
		int n = this.ids.length;
		int[] pending = new int[n];
		PriorityQueue<Integer> ready = new PriorityQueue<>();
		for (int i = 0; i < n; i++) {
			pending[i] = this.requires[i].length;
			if (pending[i] == 0) {
				ready.add(i);
			}
		}
		int[] order = new int[n];
		int count = 0;
		while (!ready.isEmpty()) {
			int next = ready.poll();
			order[count++] = next;
			for (int dependent : this.requiredBy[next]) {
				if (--pending[dependent] == 0) {
					ready.add(dependent);
				}
			}
		}
		if (count < n) {
			throw cycle(pending);
		}
		return order;
	}

	/**
	 * Every revision left with pending requirements has one that is also left, so walking those
	 * requirements from any of them must come back to a revision already on the path.
	 */
	private CycleException cycle(int[] pending) {
		int start = 0;
		while (pending[start] == 0) {
			start++;
		}
		Map<Integer, Integer> positions = new HashMap<>();
		List<Integer> path = new ArrayList<>();
		int current = start;
		while (!positions.containsKey(current)) {
			positions.put(current, path.size());
			path.add(current);
			int next = -1;
			for (int required : this.requires[current]) {
				if (pending[required] > 0) {
					next = required;
					break;
				}
			}
			current = next;
		}
		List<Integer> loop = new ArrayList<>(path.subList(positions.get(current), path.size()));
		loop.add(current);
		List<String> cycle = loop.stream().map((i) -> this.ids[i]).toList();
		String description = loop.stream()
			.limit(loop.size() - 1)
			.map((i) -> this.ids[i] + " (" + this.revisions[i].source() + ")")
			.collect(Collectors.joining(" -> ")) + " -> " + this.ids[current];
		return new CycleException(cycle, description);
	}

	/** Whether there are no revisions at all. */
	public boolean isEmpty() {
		return this.ids.length == 0;
	}

	/** The number of revisions. */
	public int size() {
		return this.ids.length;
	}

	/**
	 * The revision with exactly this id.
	 * @throws UnknownRevisionException when there is none
	 */
	public Revision get(String id) {
		return this.revisions[indexOf(id)];
	}

	/** The revision with exactly this id, if any. */
	public Optional<Revision> find(String id) {
		Integer i = this.index.get(id);
		return (i != null) ? Optional.of(this.revisions[i]) : Optional.empty();
	}

	/** Whether a revision has exactly this id. */
	public boolean contains(String id) {
		return this.index.containsKey(id);
	}

	/**
	 * The revision with this exact id or, failing that, the only one whose id starts with it (at
	 * least {@value #MIN_PREFIX} characters).
	 * @param idOrPrefix an id or an id prefix
	 * @return the revision
	 * @throws UnknownRevisionException when nothing matches
	 * @throws AmbiguousRevisionException when several revisions start with the prefix
	 */
	public Revision resolve(String idOrPrefix) {
		Integer exact = this.index.get(idOrPrefix);
		if (exact != null) {
			return this.revisions[exact];
		}
		List<String> candidates = new ArrayList<>();
		int from = Arrays.binarySearch(this.ids, idOrPrefix);
		for (int i = (from < 0) ? -from - 1 : from; i < this.ids.length && this.ids[i].startsWith(idOrPrefix); i++) {
			candidates.add(this.ids[i]);
		}
		if (candidates.isEmpty() || idOrPrefix.length() < MIN_PREFIX) {
			throw unknown(idOrPrefix, candidates.size());
		}
		if (candidates.size() > 1) {
			String listed = candidates.stream()
				.limit(MAX_LISTED)
				.map(this::describe)
				.collect(Collectors.joining(", "));
			String more = (candidates.size() > MAX_LISTED) ? " and " + (candidates.size() - MAX_LISTED) + " more" : "";
			throw new AmbiguousRevisionException(idOrPrefix, candidates, "revision prefix '" + idOrPrefix
					+ "' matches " + candidates.size() + " revisions: " + listed + more
					+ "; type more characters of the id you mean");
		}
		return this.revisions[this.index.get(candidates.get(0))];
	}

	private UnknownRevisionException unknown(String idOrPrefix, int prefixMatches) {
		StringBuilder message = new StringBuilder("no revision '").append(idOrPrefix).append("'");
		if (prefixMatches > 0) {
			message.append(": a prefix needs at least ")
				.append(MIN_PREFIX)
				.append(" characters (")
				.append(prefixMatches)
				.append(prefixMatches == 1 ? " revision starts" : " revisions start")
				.append(" with it); type more of the id");
		}
		else if (this.labels.containsKey(idOrPrefix)) {
			message.append(": '")
				.append(idOrPrefix)
				.append("' is a branch label; use ")
				.append(idOrPrefix)
				.append("@head for its head or ")
				.append(this.labels.get(idOrPrefix))
				.append(" for the revision carrying it");
		}
		else {
			String meant = targetMeant(idOrPrefix);
			message.append(" among the ").append(this.ids.length).append(" known revisions");
			message.append((meant != null) ? ", and '" + idOrPrefix + "' is not a target: did you mean `" + meant + "`?"
					: "; run `db history` to list them (is the revision file in the configured locations?)");
		}
		return new UnknownRevisionException(idOrPrefix, message.toString());
	}

	/**
	 * The target word ({@code head}, {@code heads}, {@code base}) a word at most two edits from it stands for; none for
	 * hexadecimal digits, which are a mistyped id, as generated.
	 */
	private static String targetMeant(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			return null;
		}
		String best = null;
		int bestDistance = 3;
		for (String target : List.of("head", "heads", "base")) {
			int distance = RevisionFileParser.distance(lower, target);
			if (distance < bestDistance) {
				best = target;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * Every revision, parents and {@code depends_on} dependencies before the revisions needing them;
	 * among revisions whose requirements are all listed, the smallest id comes first.
	 */
	public List<Revision> revisions() {
		return this.orderedRevisions;
	}

	/** Revisions that no revision names as {@code down_revision}, in id order. */
	public List<String> heads() {
		return this.heads;
	}

	/** Revisions without {@code down_revision}, in id order. */
	public List<String> bases() {
		return this.bases;
	}

	/**
	 * The revision and everything it needs: its {@code down_revision}s and {@code depends_on}s,
	 * transitively. In {@linkplain #revisions() topological order}.
	 * @throws UnknownRevisionException when there is no revision with this id
	 */
	public Set<String> ancestors(String id) {
		return idsOf(reach(this.requires, indexOf(id)));
	}

	/**
	 * The revision and everything that needs it: the inverse of {@link #ancestors}. In
	 * {@linkplain #revisions() topological order}.
	 * @throws UnknownRevisionException when there is no revision with this id
	 */
	public Set<String> descendants(String id) {
		return idsOf(reach(this.requiredBy, indexOf(id)));
	}

	/**
	 * The revisions naming this one as {@code down_revision}, in id order.
	 * @throws UnknownRevisionException when there is no revision with this id
	 */
	public List<String> children(String id) {
		return idList(this.children[indexOf(id)]);
	}

	/** The revision carrying this branch label, if any. */
	public Optional<String> branchRoot(String label) {
		return Optional.ofNullable(this.labels.get(label));
	}

	/** Every branch label, in label order, with the revision carrying it. */
	public Map<String, String> branchLabels() {
		return this.labels;
	}

	/** {@code id (message)}, for messages listing revisions. */
	String describe(String id) {
		Revision revision = this.revisions[this.index.get(id)];
		return revision.message().isEmpty() ? id : id + " (" + revision.message() + ")";
	}

	int indexOf(String id) {
		Integer i = this.index.get(id);
		if (i == null) {
			throw unknown(id, 0);
		}
		return i;
	}

	String id(int index) {
		return this.ids[index];
	}

	Revision revision(int index) {
		return this.revisions[index];
	}

	int[] order() {
		return this.order;
	}

	int[] down(int index) {
		return this.down[index];
	}

	int[] requires(int index) {
		return this.requires[index];
	}

	int[] children(int index) {
		return this.children[index];
	}

	int[][] requiresEdges() {
		return this.requires;
	}

	int[][] requiredByEdges() {
		return this.requiredBy;
	}

	int[][] childrenEdges() {
		return this.children;
	}

	/** Marks every revision reachable from the starts (included) along the edges. */
	boolean[] reach(int[][] edges, int... starts) {
		boolean[] marked = new boolean[this.ids.length];
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int start : starts) {
			if (!marked[start]) {
				marked[start] = true;
				queue.add(start);
			}
		}
		while (!queue.isEmpty()) {
			for (int next : edges[queue.poll()]) {
				if (!marked[next]) {
					marked[next] = true;
					queue.add(next);
				}
			}
		}
		return marked;
	}

	private Set<String> idsOf(boolean[] marked) {
		Set<String> result = new LinkedHashSet<>();
		for (int i : this.order) {
			if (marked[i]) {
				result.add(this.ids[i]);
			}
		}
		return Collections.unmodifiableSet(result);
	}

	List<String> idList(int[] indexes) {
		List<String> result = new ArrayList<>(indexes.length);
		for (int i : indexes) {
			result.add(this.ids[i]);
		}
		return Collections.unmodifiableList(result);
	}

	@Override
	public String toString() {
		return "RevisionGraph[" + this.ids.length + " revisions, heads " + this.heads + "]";
	}

}
