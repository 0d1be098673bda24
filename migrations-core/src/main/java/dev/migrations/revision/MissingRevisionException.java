package dev.migrations.revision;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code down_revision} or {@code depends_on} naming a revision that is not in the graph. The
 * message lists every such reference; the accessors describe the first.
 */
public class MissingRevisionException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final transient List<Reference> references;

	public MissingRevisionException(List<Reference> references) {
		super(message(references));
		this.references = List.copyOf(references);
	}

	private static String message(List<Reference> references) {
		String list = references.stream()
			.map((reference) -> reference.source() + " (revision " + reference.revision() + ") names "
					+ reference.header() + " " + reference.missing() + ", which does not exist")
			.collect(Collectors.joining("; "));
		return list + "; add the missing revision file to the revision locations, or correct the "
				+ (references.size() == 1 ? "header" : "headers") + " (use `none` for a root)";
	}

	/** Every dangling reference, ordered by the referencing revision's id. */
	public List<Reference> references() {
		return this.references;
	}

	/** The revision holding the first dangling reference. */
	public String revision() {
		return this.references.get(0).revision();
	}

	/** The id the first dangling reference names. */
	public String missingId() {
		return this.references.get(0).missing();
	}

	/**
	 * One dangling reference.
	 *
	 * @param revision the referencing revision
	 * @param source its file or class
	 * @param header {@code down_revision} or {@code depends_on}
	 * @param missing the id that does not exist
	 */
	public record Reference(String revision, String source, String header, String missing) {
	}

}
