package dev.migrations.lint;

/**
 * One thing lint found in a revision.
 *
 * @param rule the rule's id, e.g. {@code index-without-concurrently}
 * @param severity how much it matters, after the table's size and the configuration are applied
 * @param revision the revision id
 * @param source the revision's file, as the revision names it (e.g. {@code db/revisions/3f2a..._add_index.sql})
 * @param line the 1-based line of the file where the statement starts
 * @param statement the statement, whitespace collapsed and shortened for display
 * @param message what happens: which lock on which table, what waits, for how long
 * @param fix the safe way to write it
 * @param size the table's size when lint read it from the database, else {@code null}
 */
public record Finding(String rule, Severity severity, String revision, String source, int line, String statement,
		String message, String fix, TableSize size) {

	Finding withSeverity(Severity changed) {
		return new Finding(this.rule, changed, this.revision, this.source, this.line, this.statement, this.message,
				this.fix, this.size);
	}

}
