package dev.migrations.schema;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

	// one instance each, so a list already indexed by the same name is not copied again
	private static final Function<Table, String> TABLE_NAME = Table::name;

	private static final Function<Sequence, String> SEQUENCE_NAME = Sequence::name;

	private static final Function<EnumType, String> ENUM_TYPE_NAME = EnumType::name;

	public SchemaModel {
		tables = NamedList.copyOf(tables, TABLE_NAME);
		sequences = NamedList.copyOf(sequences, SEQUENCE_NAME);
		enumTypes = NamedList.copyOf(enumTypes, ENUM_TYPE_NAME);
	}

	public static SchemaModel empty(String schema) {
		return new SchemaModel(schema, List.of(), List.of(), List.of());
	}

	// the lists are NamedLists: the canonical constructor made them so

	public Optional<Table> table(String name) {
		return ((NamedList<Table>) this.tables).find(name);
	}

	public Optional<Sequence> sequence(String name) {
		return ((NamedList<Sequence>) this.sequences).find(name);
	}

	public Optional<EnumType> enumType(String name) {
		return ((NamedList<EnumType>) this.enumTypes).find(name);
	}

}
