package dev.migrations.revision;

import java.util.List;

/**
 * A target that needs one head ({@code head}, {@code label@head}) where the graph, or the branch,
 * has several.
 */
public class MultipleHeadsException extends TargetException {

	private static final long serialVersionUID = 1L;

	private final List<String> heads;

	public MultipleHeadsException(List<String> heads, String message) {
		super(message);
		this.heads = List.copyOf(heads);
	}

	/** The competing heads, in id order. */
	public List<String> heads() {
		return this.heads;
	}

}
