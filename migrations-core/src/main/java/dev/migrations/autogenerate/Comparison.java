package dev.migrations.autogenerate;

import java.util.List;

import dev.migrations.diff.Difference;
import dev.migrations.diff.Operation;
import dev.migrations.schema.SchemaModel;

/**
 * The entities compared with the live database.
 *
 * @param database the live schema as introspected
 * @param entities the schema the entities describe, as the server itself canonicalised it
 * @param operations what to run on the database to match the entities, in order
 * @param differences the same, described for people ({@code db check}, the actuator)
 * @param warnings things about the mapping a reviewer should know (e.g. {@code @Lob String} mapped to {@code oid})
 */
public record Comparison(SchemaModel database, SchemaModel entities, List<Operation> operations,
		List<Difference> differences, List<String> warnings) {

	public Comparison {
		operations = List.copyOf(operations);
		differences = List.copyOf(differences);
		warnings = List.copyOf(warnings);
	}

	public boolean inSync() {
		return this.operations.isEmpty();
	}

}
