package dev.migrations.revision;

/** Two revisions with the same id. */
public class DuplicateRevisionException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final String firstSource;

	private final String secondSource;

	public DuplicateRevisionException(String revision, String firstSource, String secondSource) {
		super("revision " + revision + " is defined twice: in " + firstSource + " and in " + secondSource
				+ "; revision ids must be unique: give one of them a new id (header and file name) and point its"
				+ " children at it, or delete the copy");
		this.revision = revision;
		this.firstSource = firstSource;
		this.secondSource = secondSource;
	}

	public String revision() {
		return this.revision;
	}

	public String firstSource() {
		return this.firstSource;
	}

	public String secondSource() {
		return this.secondSource;
	}

}
