package dev.migrations.testkit;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The definitions a stairway keeps up to date step by step, with what each step changed in them, so that a
 * snapshot is not a copy of the schema and two snapshots compare in proportion to what changed between them:
 * a copy and a comparison of every object after each step would make the stairway's own work grow with the
 * square of the history's length. Only the last {@value #KEPT_SNAPSHOTS} snapshots can be read or compared;
 * the stairway compares a snapshot with the one two steps before it.
 */
final class KeptSchema {

	static final int KEPT_SNAPSHOTS = 4;

	private final SortedMap<String, String> definitions = new TreeMap<>();

	// oldest first; each change made after snapshot n - 1 was taken is numbered n
	private final Deque<Change> changes = new ArrayDeque<>();

	private int snapshots;

	private record Change(int number, String name, String previous) {
	}

	/** The definitions now. */
	SortedMap<String, String> current() {
		return Collections.unmodifiableSortedMap(this.definitions);
	}

	boolean contains(String name) {
		return this.definitions.containsKey(name);
	}

	void put(String name, String definition) {
		String previous = this.definitions.put(name, definition);
		if (!definition.equals(previous)) {
			this.changes.addLast(new Change(this.snapshots + 1, name, previous));
		}
	}

	void remove(String name) {
		String previous = this.definitions.remove(name);
		if (previous != null) {
			this.changes.addLast(new Change(this.snapshots + 1, name, previous));
		}
	}

	/** Makes the definitions those of a full read, recording only what differs. */
	void replaceAll(Map<String, String> read) {
		for (String name : new TreeSet<>(this.definitions.keySet())) {
			if (!read.containsKey(name)) {
				remove(name);
			}
		}
		read.forEach(this::put);
	}

	/** The definitions now, as a snapshot of the series. */
	SchemaSnapshot snapshot() {
		this.snapshots++;
		while (!this.changes.isEmpty() && this.changes.peekFirst().number() <= this.snapshots - KEPT_SNAPSHOTS) {
			this.changes.removeFirst();
		}
		return SchemaSnapshot.of(this, this.snapshots);
	}

	/** What differs between two snapshots of the series, as {@code name → {definition in one, in the other}}. */
	Map<String, String[]> differences(int one, int other) {
		requireKept(one);
		requireKept(other);
		int from = Math.min(one, other);
		int to = Math.max(one, other);
		Map<String, String[]> values = new HashMap<>();
		for (Change change : this.changes) {
			if (change.number() > from && change.number() <= to && !values.containsKey(change.name())) {
				values.put(change.name(), new String[] { definitionAt(change.name(), one), definitionAt(change.name(), other) });
			}
		}
		values.values().removeIf((pair) -> (pair[0] == null) ? pair[1] == null : pair[0].equals(pair[1]));
		return values;
	}

	/** Every definition at a snapshot of the series. */
	SortedMap<String, String> objects(int snapshot) {
		requireKept(snapshot);
		SortedMap<String, String> objects = new TreeMap<>(this.definitions);
		Map<String, Boolean> seen = new HashMap<>();
		for (Change change : this.changes) {
			if (change.number() > snapshot && seen.put(change.name(), true) == null) {
				if (change.previous() == null) {
					objects.remove(change.name());
				}
				else {
					objects.put(change.name(), change.previous());
				}
			}
		}
		return Collections.unmodifiableSortedMap(objects);
	}

	// the definition before the first change made after the snapshot, else the one now
	private String definitionAt(String name, int snapshot) {
		for (Change change : this.changes) {
			if (change.number() > snapshot && change.name().equals(name)) {
				return change.previous();
			}
		}
		return this.definitions.get(name);
	}

	private void requireKept(int snapshot) {
		if (snapshot <= this.snapshots - KEPT_SNAPSHOTS || snapshot > this.snapshots) {
			throw new IllegalStateException("Snapshot " + snapshot + " of the stairway is no longer kept: only the last "
					+ KEPT_SNAPSHOTS + " are (" + this.snapshots + " taken).");
		}
	}

}
