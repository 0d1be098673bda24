package dev.migrations.revision;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Revisions and graphs shared by the tests of this package. */
final class Revisions {

	private Revisions() {
	}

	static Revision rev(String id, String message, String... downRevisions) {
		return rev(id, List.of(downRevisions), List.of(), List.of(), message);
	}

	static Revision rev(String id, List<String> downRevisions, List<String> dependsOn, List<String> labels,
			String message) {
		return new Revision(id, downRevisions, dependsOn, labels, message, null, true,
				"db/revisions/" + id + "_" + message.replace(' ', '_') + ".sql", null,
				new Revision.SqlBody("SELECT 1;", 7, "", 0));
	}

	/**
	 * The graph most tests use:
	 *
	 * <pre>
	 * 1000aaaa ─ 2000bbbb ─┬─ 3000cccc ─┬─ 4000eeee (merge) ─ 5000ffff      head
	 *                      └─ 3100dddd ─┘
	 *            2000bbbb ┄┄ depends_on ┄┄ bill0001 [billing] ─ bill0002     head
	 * </pre>
	 */
	static RevisionGraph orders() {
		return RevisionGraph.of(ordersRevisions());
	}

	static List<Revision> ordersRevisions() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(rev("1000aaaa", "create users"));
		revisions.add(rev("2000bbbb", "add orders", "1000aaaa"));
		revisions.add(rev("3000cccc", "add order status", "2000bbbb"));
		revisions.add(rev("3100dddd", "add order notes", "2000bbbb"));
		revisions.add(rev("4000eeee", "merge order branches", "3000cccc", "3100dddd"));
		revisions.add(rev("5000ffff", "add order index", "4000eeee"));
		revisions.add(rev("bill0001", List.of(), List.of("2000bbbb"), List.of("billing"), "create invoices"));
		revisions.add(rev("bill0002", "add invoice lines", "bill0001"));
		return revisions;
	}

	/** A straight line of {@code size} revisions, {@code r00000} first. */
	static List<Revision> chain(int size) {
		List<Revision> revisions = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String id = String.format("r%05d", i);
			revisions.add((i == 0) ? rev(id, "step " + i) : rev(id, "step " + i, String.format("r%05d", i - 1)));
		}
		return revisions;
	}

	static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

	static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable callable) {
		Throwable thrown = catchThrowable(callable);
		assertThat(thrown).isInstanceOf(type);
		return type.cast(thrown);
	}

}
