package dev.migrations.revision;

/** Two revisions carrying the same branch label. */
public class DuplicateBranchLabelException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final String label;

	public DuplicateBranchLabelException(String label, Revision first, Revision second) {
		super("branch label '" + label + "' is on two revisions: " + first.id() + " (" + first.source() + ") and "
				+ second.id() + " (" + second.source() + "); a label names one branch: remove it from one of them"
				+ " (only the first revision of a branch needs it)");
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
