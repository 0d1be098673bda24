package dev.migrations.entity;

import java.util.List;
import java.util.Optional;

/**
 * What the entities would create, as Hibernate itself sees it: its DDL for the dialect and the
 * names it maps to. Read by {@link EntityMetadataReader}; materialized on PostgreSQL by
 * {@link PostgresScratchSchema} so the live-database introspector can read it like any schema.
 *
 * @param createStatements Hibernate's creation DDL, in its order (enum types and their casts,
 * sequences, tables with their checks and unique constraints, indexes, foreign keys), with no drop
 * statements. Objects of the default schema are not qualified, so they land in whatever schema the
 * connection's {@code search_path} puts first; objects mapped to an explicit schema carry one of the
 * {@link #schemaQualifiers()}. The one deliberate change from Hibernate's text: a named enum type
 * lists its labels in declaration order (see {@link EnumTypeDefinition})
 * @param tableNames the names of {@link #tables()}, sorted, for include and exclude filters
 * @param enumTypes the named enum types, sorted by name
 * @param tables every physical table, in Hibernate's creation order
 * @param sequenceNames stand-alone sequences in catalog spelling, sorted
 * @param schemaQualifiers schema prefixes as Hibernate writes them in the DDL (e.g. {@code audit}
 * or {@code "Audit"}) for objects mapped to an explicit schema
 * @param hibernateStatements Hibernate's creation DDL exactly as it generates it
 * @param dialect the class name of the dialect the DDL was generated for
 * @param defaultSchema the default schema the application configures, {@code null} when none
 * @param warnings mapping choices that are legal but probably unintended (e.g. a {@code @Lob}
 * string stored as a PostgreSQL large object), each naming the table and column
 * @param qualifiedSequences the {@link #sequenceNames()} mapped to an explicit schema other than the
 * default one ({@code @SequenceGenerator(schema = "seqs")}), as {@code schema.name} in catalog spelling
 */
public record EntityModel(List<String> createStatements, List<String> tableNames, List<EnumTypeDefinition> enumTypes,
		List<EntityTable> tables, List<String> sequenceNames, List<String> schemaQualifiers,
		List<String> hibernateStatements, String dialect, String defaultSchema, List<String> warnings,
		List<String> qualifiedSequences) {

	/** A model whose sequences are all in the default schema. */
	public EntityModel(List<String> createStatements, List<String> tableNames, List<EnumTypeDefinition> enumTypes,
			List<EntityTable> tables, List<String> sequenceNames, List<String> schemaQualifiers,
			List<String> hibernateStatements, String dialect, String defaultSchema, List<String> warnings) {
		this(createStatements, tableNames, enumTypes, tables, sequenceNames, schemaQualifiers, hibernateStatements, dialect,
				defaultSchema, warnings, List.of());
	}

	public EntityModel {
		createStatements = List.copyOf(createStatements);
		tableNames = List.copyOf(tableNames);
		enumTypes = List.copyOf(enumTypes);
		tables = List.copyOf(tables);
		sequenceNames = List.copyOf(sequenceNames);
		schemaQualifiers = List.copyOf(schemaQualifiers);
		hibernateStatements = List.copyOf(hibernateStatements);
		warnings = List.copyOf(warnings);
		qualifiedSequences = List.copyOf(qualifiedSequences);
	}

	/**
	 * @param name a table name in catalog spelling
	 * @return the first table of that name, whatever its schema
	 */
	public Optional<EntityTable> table(String name) {
		return this.tables.stream().filter((t) -> t.name().equals(name)).findFirst();
	}

	/**
	 * @param name a type name in catalog spelling
	 * @return the named enum type
	 */
	public Optional<EnumTypeDefinition> enumType(String name) {
		return this.enumTypes.stream().filter((e) -> e.name().equals(name)).findFirst();
	}

}
