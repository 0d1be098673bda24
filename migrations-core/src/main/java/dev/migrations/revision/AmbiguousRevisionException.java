package dev.migrations.revision;

import java.util.List;

/** A revision prefix that matches several revisions. */
public class AmbiguousRevisionException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final String prefix;

	private final List<String> candidates;

	public AmbiguousRevisionException(String prefix, List<String> candidates, String message) {
		super(message);
		this.prefix = prefix;
		this.candidates = List.copyOf(candidates);
	}

	public String prefix() {
		return this.prefix;
	}

	/** The ids starting with {@link #prefix()}, in id order. */
	public List<String> candidates() {
		return this.candidates;
	}

}
