package dev.migrations;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.diff.Difference;
import dev.migrations.diff.Operation;

/**
 * What {@code db migrate} generated.
 *
 * @param file the revision file written, {@code null} when the entities and the database already match
 * @param revision the new revision id, {@code null} when nothing was written
 * @param operations the operations of the upgrade, in order
 * @param differences the operations described for people
 * @param warnings what the comparison left out or cannot write (an entity of another schema, a collation), then the
 *        warnings written into the file (destructive or data-dependent statements, mapping traps)
 * @param transactional whether the revision runs in one transaction
 * @param files every file written, in order: usually one; two when enum labels are added and used in the same
 *        change (the labels go first, in a revision of their own, so both revisions stay transactional); several
 *        when the change takes more locks than one transaction should hold on the server (parts, each on top of
 *        the one before); the online form's chain
 */
public record MigrateResult(Path file, String revision, List<Operation> operations, List<Difference> differences,
		List<String> warnings, boolean transactional, List<Path> files) {

	public MigrateResult {
		files = (files != null) ? List.copyOf(files) : ((file != null) ? List.of(file) : List.of());
		operations = List.copyOf(operations);
		differences = List.copyOf(differences);
		warnings = List.copyOf(warnings);
	}

	/** Whether a revision was written. */
	public boolean written() {
		return this.file != null;
	}

}
