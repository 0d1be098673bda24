package dev.migrations.autogenerate;

import java.util.List;

import dev.migrations.diff.Difference;
import dev.migrations.diff.Operation;
import dev.migrations.schema.Index;
import dev.migrations.schema.SchemaModel;

/**
 * The entities compared with the live database.
 *
 * @param database the live schema as introspected
 * @param entities the schema the entities describe, as the server itself canonicalised it
 * @param operations what to run on the database to match the entities, in order
 * @param differences the same, described for people ({@code db check}, the actuator)
 * @param warnings things about the mapping a reviewer should know (e.g. {@code @Lob String} mapped to {@code oid})
 * @param unmanaged indexes of the database that JPA entities cannot declare (written in hand-written
 *        revisions): left out of the comparison, so they are neither drift nor dropped
 */
public record Comparison(SchemaModel database, SchemaModel entities, List<Operation> operations,
		List<Difference> differences, List<String> warnings, List<UnmanagedIndex> unmanaged) {

	public Comparison {
		operations = List.copyOf(operations);
		differences = List.copyOf(differences);
		warnings = List.copyOf(warnings);
		unmanaged = List.copyOf(unmanaged);
	}

	/** A comparison that left nothing alone. */
	public Comparison(SchemaModel database, SchemaModel entities, List<Operation> operations,
			List<Difference> differences, List<String> warnings) {
		this(database, entities, operations, differences, warnings, List.of());
	}

	public boolean inSync() {
		return this.operations.isEmpty();
	}

	/**
	 * An index autogenerate leaves alone because no JPA mapping can declare it.
	 *
	 * @param table the table it belongs to
	 * @param index the index as the database has it
	 * @param reason what in it the entities cannot declare, e.g. {@code the expression lower(email::text)}
	 */
	public record UnmanagedIndex(String table, Index index, String reason) {

		/** One line for people: which index, and why it is left alone. */
		public String describe() {
			return this.table + ": " + this.index.name() + " is left alone, the entities cannot declare " + this.reason
					+ "; change it with a hand-written revision";
		}

	}

}
