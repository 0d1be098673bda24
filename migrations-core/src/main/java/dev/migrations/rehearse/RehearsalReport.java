package dev.migrations.rehearse;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rehearsal of the pending revisions saw: per statement its time, the locks it took and the
 * rows it touched, and in total.
 *
 * @param mode where it ran
 * @param database the database rehearsed (the target, or the one a copy was made of)
 * @param copy the copy it ran on, dropped afterwards; {@code null} in {@link RehearsalOptions.Mode#ROLLBACK} mode, and
 * when the database had no revision to apply up to the target (no copy is made for nothing)
 * @param target the upgrade target rehearsed, e.g. {@code head}
 * @param revisions the revisions, in the order the upgrade would apply them, up to the first failure
 * @param notes how it ran (a fallback, the rollback mode's limits)
 * @param time the whole rehearsal, copying and dropping included
 */
public record RehearsalReport(RehearsalOptions.Mode mode, String database, String copy, String target,
		List<RevisionRehearsal> revisions, List<String> notes, Duration time) {

	public RehearsalReport {
		revisions = List.copyOf(revisions);
		notes = List.copyOf(notes);
	}

	/** Whether a statement failed: the upgrade would fail there. */
	public boolean failed() {
		return this.revisions.stream().anyMatch(RevisionRehearsal::failed);
	}

	/** The command-mode exit status: 1 when a statement failed (the upgrade would fail), 0 otherwise. */
	public int exitStatus() {
		return failed() ? 1 : 0;
	}

	/** Every lock taken, in order. */
	public List<LockTaken> locks() {
		return this.revisions.stream().flatMap((r) -> r.statements().stream()).flatMap((s) -> s.locks().stream()).toList();
	}

	/** The lock held longest among those that make other sessions' reads or writes wait. */
	public Optional<LockTaken> longestBlockingLock() {
		// of locks held as long, a table's rather than one of its indexes'
		return locks().stream().filter(LockTaken::blocks)
			.max(Comparator.comparing(LockTaken::held).thenComparing((lock) -> "table".equals(lock.kind())));
	}

	/** The report as a command prints it. */
	public String toText() {
		if (this.mode == RehearsalOptions.Mode.COPY && this.copy == null) {
			return "Nothing to rehearse: " + this.database + " has no revision to apply up to " + this.target
					+ ", so no copy was made.\n";
		}
		StringBuilder out = new StringBuilder();
		int statements = this.revisions.stream().mapToInt((r) -> r.statements().size()).sum();
		out.append("Rehearsed ").append(this.revisions.size()).append(this.revisions.size() == 1 ? " revision" : " revisions")
			.append(" (").append(statements).append(statements == 1 ? " statement" : " statements").append(") up to ")
			.append(this.target).append(' ');
		if (this.mode == RehearsalOptions.Mode.COPY) {
			out.append("on ").append(this.copy).append(", a copy of ").append(this.database).append(" (dropped afterwards)");
		}
		else {
			out.append("on ").append(this.database).append(" in a transaction that was rolled back");
		}
		out.append(" in ").append(millis(this.time)).append(".\n");
		for (RevisionRehearsal revision : this.revisions) {
			out.append('\n').append(revision.revision()).append(' ').append(revision.message()).append(" (")
				.append(revision.transactional() ? "one transaction" : "not transactional").append("), ")
				.append(millis(revision.time())).append('\n');
			for (StatementRehearsal statement : revision.statements()) {
				out.append("  [").append(statement.number()).append("] ");
				if (statement.line() > 0) {
					out.append("line ").append(statement.line()).append(", ");
				}
				out.append(millis(statement.time()));
				if (statement.rows() != null) {
					out.append(", ").append(String.format(Locale.ROOT, "%,d", statement.rows()))
						.append(statement.rows() == 1 ? " row" : " rows");
				}
				out.append(": ").append(statement.sql()).append('\n');
				long newRelations = statement.locks().stream().filter(LockTaken::newRelation).count();
				for (LockTaken lock : statement.locks()) {
					if (lock.newRelation()) {
						continue;
					}
					out.append("      ").append(lock.mode().sql()).append(" on ").append(lock.kind()).append(' ')
						.append(lock.relation()).append(", held up to ").append(millis(lock.held()))
						.append(revision.transactional() ? " (to the commit)" : "").append(": ").append(lock.mode().effect())
						.append('\n');
				}
				if (newRelations > 0) {
					out.append("      and locks on ").append(newRelations).append(" relation")
						.append(newRelations == 1 ? "" : "s").append(" it created (nobody else can be waiting for them)\n");
				}
				if (statement.observation() != null) {
					out.append("      (").append(statement.observation()).append(")\n");
				}
				if (statement.error() != null) {
					out.append("      FAILED: ").append(statement.error().replace("\n", "\n      ")).append('\n');
				}
			}
			if (revision.transactional() && !revision.commit().isZero()) {
				out.append("  commit, ").append(millis(revision.commit())).append('\n');
			}
		}
		out.append('\n');
		for (String note : this.notes) {
			out.append("Note: ").append(note).append('\n');
		}
		Optional<LockTaken> longest = longestBlockingLock();
		out.append(longest.map((lock) -> "Longest lock that makes others wait: " + lock.mode().sql() + " on "
				+ lock.relation() + " for up to " + millis(lock.held()) + " (" + lock.mode().effect() + ").")
			.orElse("No lock made reads or writes of an existing table wait."));
		out.append('\n');
		out.append(failed() ? "The rehearsal failed: the upgrade would fail at the statement marked FAILED.\n"
				: "The rehearsal ran every statement; nothing was kept.\n");
		return out.toString();
	}

	static String millis(Duration duration) {
		double millis = duration.toNanos() / 1_000_000.0;
		return (millis < 10) ? String.format(Locale.ROOT, "%.1f ms", millis) : String.format(Locale.ROOT, "%,.0f ms", millis);
	}

}
