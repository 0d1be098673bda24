package dev.migrations.revision;

import java.util.Objects;

/**
 * What {@code db upgrade}, {@code db downgrade} and {@code db stamp} are asked to reach, parsed from
 * its text form. Which forms make sense depends on the direction; {@link TargetResolver} says.
 * <p>
 * Forms: {@code head}, {@code heads}, {@code base} (keywords in any case), a revision id or a
 * unique prefix of one, {@code label@head}, {@code label@base}, {@code +N}, {@code -N}, {@code <rev>+N} and
 * {@code <rev>-N}. Each form's {@code toString()} gives the text back.
 */
public sealed interface Target {

	/** {@code head}: the single head of the graph. */
	record Head() implements Target {

		@Override
		public String toString() {
			return "head";
		}

	}

	/** {@code heads}: every head. */
	record Heads() implements Target {

		@Override
		public String toString() {
			return "heads";
		}

	}

	/** {@code base}: before the first revision. */
	record Base() implements Target {

		@Override
		public String toString() {
			return "base";
		}

	}

	/** A revision id or a unique prefix of at least {@value RevisionGraph#MIN_PREFIX} characters. */
	record Id(String idOrPrefix) implements Target {

		public Id {
			Objects.requireNonNull(idOrPrefix, "idOrPrefix");
		}

		@Override
		public String toString() {
			return this.idOrPrefix;
		}

	}

	/**
	 * {@code label@head}: the head of the branch starting at the revision labelled {@code label} or, when no
	 * revision carries that label, at the revision with that id or unique prefix ({@code 3f2a@head}).
	 */
	record BranchHead(String label) implements Target {

		public BranchHead {
			Objects.requireNonNull(label, "label");
		}

		@Override
		public String toString() {
			return this.label + "@head";
		}

	}

	/**
	 * {@code label@base}: before the revision labelled {@code label} (or, when no revision carries that label, the
	 * revision with that id or unique prefix), undoing it and every revision needing it; other branches stay.
	 */
	record BranchBase(String label) implements Target {

		public BranchBase {
			Objects.requireNonNull(label, "label");
		}

		@Override
		public String toString() {
			return this.label + "@base";
		}

	}

	/** {@code +N} or {@code -N}: N revisions on from the database's current state. */
	record Relative(int steps) implements Target {

		public Relative {
			if (steps == 0) {
				throw new IllegalArgumentException("steps must not be 0");
			}
		}

		@Override
		public String toString() {
			return (this.steps > 0 ? "+" : "") + this.steps;
		}

	}

	/** {@code <rev>+N} or {@code <rev>-N}: N revisions below or above a revision. */
	record RelativeTo(String idOrPrefix, int steps) implements Target {

		public RelativeTo {
			Objects.requireNonNull(idOrPrefix, "idOrPrefix");
			if (steps == 0) {
				throw new IllegalArgumentException("steps must not be 0");
			}
		}

		@Override
		public String toString() {
			return this.idOrPrefix + (this.steps > 0 ? "+" : "") + this.steps;
		}

	}

	/**
	 * Parses a target's text.
	 * @param text e.g. {@code head}, {@code 3f2a}, {@code billing@head}, {@code -1}, {@code 3f2a+2}
	 * @return the target
	 * @throws TargetException when the text is none of the forms
	 */
	static Target parse(String text) {
		return TargetSyntax.parse(text);
	}

}
