package dev.migrations.revision;

import java.util.Collection;
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
		this(references, List.of());
	}

	/**
	 * The references, each that is the start of one known id (a prefix, which a header does not take) said with
	 * that id.
	 * @param references the dangling references
	 * @param known the ids of the revisions
	 */
	public MissingRevisionException(List<Reference> references, Collection<String> known) {
		super(message(references, known));
		this.references = List.copyOf(references);
	}

	private static String message(List<Reference> references, Collection<String> known) {
		String list = references.stream()
			.map((reference) -> reference.source() + " (revision " + reference.revision() + ") names "
					+ reference.header() + " " + reference.missing() + ", which does not exist"
					+ whole(reference, known))
			.collect(Collectors.joining("; "));
		boolean down = references.stream().anyMatch((reference) -> !reference.header().equals("depends_on"));
		boolean depends = references.stream().anyMatch((reference) -> reference.header().equals("depends_on"));
		String hint = (down ? "`none` for a root" : "") + ((down && depends) ? "; " : "")
				+ (depends ? "remove an id from depends_on when nothing there is needed first" : "");
		return list + "; add the missing revision file to the revision locations, or correct the "
				+ (references.size() == 1 ? "header" : "headers") + " (" + (down ? "use " : "") + hint + ")";
	}

	// "(did you mean ...)" when the reference is the start of exactly one id: headers name whole ids, not prefixes
	private static String whole(Reference reference, Collection<String> known) {
		String match = null;
		for (String id : known) {
			if (id.startsWith(reference.missing())) {
				if (match != null) {
					return "";
				}
				match = id;
			}
		}
		return (match == null) ? "" : " (did you mean " + match + "? " + reference.header()
				+ " names whole revision ids, not prefixes)";
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
