package dev.migrations.lint;

import java.util.List;

/**
 * What {@link dev.migrations.Migrations#lint} found.
 *
 * @param findings the findings, in revision order (as an upgrade applies them) and by line
 * @param suppressed findings that a {@code -- lint: disable=...} comment turned off, with its reason
 * @param revisions the ids of the revisions linted, in order
 * @param statements how many statements those revisions hold
 * @param notes what the reader should know about how lint ran (Java revisions it cannot read, the
 * database it read sizes from, a session {@code lock_timeout} that satisfies that rule)
 */
public record LintResult(List<Finding> findings, List<Suppression> suppressed, List<String> revisions, int statements,
		List<String> notes) {

	public LintResult {
		findings = List.copyOf(findings);
		suppressed = List.copyOf(suppressed);
		revisions = List.copyOf(revisions);
		notes = List.copyOf(notes);
	}

	/** Whether any finding is an {@link Severity#ERROR}: a command exits 1. */
	public boolean failed() {
		return count(Severity.ERROR) > 0;
	}

	/** The command-mode exit status: 1 when the lint failed, 0 otherwise. */
	public int exitStatus() {
		return failed() ? 1 : 0;
	}

	public long count(Severity severity) {
		return this.findings.stream().filter((f) -> f.severity() == severity).count();
	}

	/** The findings of one rule (by id). */
	public List<Finding> findings(String rule) {
		return this.findings.stream().filter((f) -> f.rule().equals(rule)).toList();
	}

	/**
	 * The result as a command prints it: each finding with its file and line, the statement, why it
	 * matters and the safe form; then the notes and a summary line.
	 */
	public String toText() {
		StringBuilder out = new StringBuilder();
		for (Finding finding : this.findings) {
			out.append(finding.source()).append(':').append(finding.line()).append(": ").append(finding.severity().label())
				.append(" [").append(finding.rule()).append("] in revision ").append(finding.revision()).append('\n');
			if (!finding.statement().isEmpty()) {
				out.append("    ").append(finding.statement()).append('\n');
			}
			out.append("  Why: ").append(finding.message()).append('\n');
			if (finding.size() != null) {
				out.append("  Table: ").append(finding.size().table()).append(", ").append(finding.size().describe())
					.append('\n');
			}
			if (finding.fix() != null && !finding.fix().isEmpty()) {
				out.append("  Safe: ").append(finding.fix().replace("\n", "\n        ")).append('\n');
			}
			out.append('\n');
		}
		for (Suppression suppression : this.suppressed) {
			Finding finding = suppression.finding();
			out.append(finding.source()).append(':').append(finding.line()).append(": suppressed [").append(finding.rule())
				.append("] by line ").append(suppression.line()).append(": ").append(suppression.reason()).append('\n');
		}
		if (!this.suppressed.isEmpty()) {
			out.append('\n');
		}
		for (String note : this.notes) {
			out.append("Note: ").append(note).append('\n');
		}
		out.append(summary()).append('\n');
		return out.toString();
	}

	/** One line: what was linted and the counts, then whether it failed. */
	public String summary() {
		StringBuilder line = new StringBuilder("Linted ").append(this.revisions.size())
			.append(this.revisions.size() == 1 ? " revision" : " revisions").append(" (").append(this.statements)
			.append(this.statements == 1 ? " statement" : " statements").append("): ");
		line.append(plural(count(Severity.ERROR), "error")).append(", ").append(plural(count(Severity.WARNING), "warning"))
			.append(", ").append(count(Severity.INFO)).append(" info");
		if (!this.suppressed.isEmpty()) {
			line.append(", ").append(this.suppressed.size()).append(" suppressed");
		}
		line.append(failed() ? ". Lint failed: fix the errors, or turn a rule off for one revision with a comment"
				+ " `-- lint: disable=<rule> <reason>`."
				: ". Lint passed.");
		return line.toString();
	}

	private static String plural(long count, String word) {
		return count + " " + word + (count == 1 ? "" : "s");
	}

}
