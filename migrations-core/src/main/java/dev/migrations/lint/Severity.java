package dev.migrations.lint;

/** How much a finding matters; any {@link #ERROR} makes the lint fail. */
public enum Severity {

	/** The revision will fail, or will block reads or writes of a large table: the lint fails. */
	ERROR,

	/** The revision takes a lock or breaks running code in a way that needs a look. */
	WARNING,

	/** Worth knowing, harmless here (e.g. an index built on an empty table). */
	INFO;

	/** The name as findings print it, e.g. {@code warning}. */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
