package dev.migrations.revision;

/**
 * A target that cannot be used: malformed, meant for the other direction ({@code db upgrade -1}),
 * further than the revisions allow ({@code +5} with 3 pending), or not determining one revision.
 */
public class TargetException extends RevisionException {

	private static final long serialVersionUID = 1L;

	public TargetException(String message) {
		super(message);
	}

}
