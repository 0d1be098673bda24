package dev.migrations.schema;

import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of one database schema: what an introspector reads from a live database,
 * or what the entities would create. Names are exactly as the database catalog stores them
 * (PostgreSQL folds unquoted names to lower case), without the schema qualifier.
 *
 * @param schema the schema (PostgreSQL) or database (MariaDB) the objects live in
 * @param tables tables, sorted by name
 * @param sequences stand-alone sequences (not those owned by identity columns), sorted by name
 * @param enumTypes named enum types (PostgreSQL {@code CREATE TYPE ... AS ENUM}), sorted by name
 */
public record SchemaModel(String schema, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {

	public SchemaModel {
		tables = List.copyOf(tables);
		sequences = List.copyOf(sequences);
		enumTypes = List.copyOf(enumTypes);
	}

	public static SchemaModel empty(String schema) {
		return new SchemaModel(schema, List.of(), List.of(), List.of());
	}

	public Optional<Table> table(String name) {
		return tables.stream().filter((t) -> t.name().equals(name)).findFirst();
	}

	public Optional<Sequence> sequence(String name) {
		return sequences.stream().filter((s) -> s.name().equals(name)).findFirst();
	}

	public Optional<EnumType> enumType(String name) {
		return enumTypes.stream().filter((e) -> e.name().equals(name)).findFirst();
	}

}
