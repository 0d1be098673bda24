package dev.migrations.revision;

/**
 * A revision file (or Java revision) that cannot be read: a malformed or unknown header, a bad id,
 * a missing {@code -- upgrade} line. The message starts with {@code source:line:}.
 */
public class RevisionFileException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final String source;

	private final int line;

	public RevisionFileException(String source, int line, String detail) {
		super(line > 0 ? source + ":" + line + ": " + detail : source + ": " + detail);
		this.source = source;
		this.line = line;
	}

	/** The file or class the error is in. */
	public String source() {
		return this.source;
	}

	/** The 1-based line of the error, {@code 0} when it is not about one line (Java revisions). */
	public int line() {
		return this.line;
	}

}
