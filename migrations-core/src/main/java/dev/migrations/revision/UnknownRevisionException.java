package dev.migrations.revision;

/** A revision id or prefix that matches no revision. */
public class UnknownRevisionException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	public UnknownRevisionException(String revision, String message) {
		super(message);
		this.revision = revision;
	}

	/** The id or prefix that was asked for. */
	public String revision() {
		return this.revision;
	}

}
