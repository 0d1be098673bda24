package dev.migrations.revision;

import java.util.List;

/** Revisions whose {@code down_revision}/{@code depends_on} references form a loop. */
public class CycleException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final List<String> cycle;

	/**
	 * @param cycle the revisions of the loop, each naming the next, the first repeated at the end
	 * @param description the same path with the source of each revision, for the message
	 */
	public CycleException(List<String> cycle, String description) {
		super("revisions form a cycle: " + description + "; a revision may only name older revisions as"
				+ " down_revision or depends_on: correct the header of the revision that points back");
		this.cycle = List.copyOf(cycle);
	}

	/** The loop, each revision naming the next; the first id is repeated at the end. */
	public List<String> cycle() {
		return this.cycle;
	}

}
