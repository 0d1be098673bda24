package dev.migrations.entity;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EnumeratedValue;
import jakarta.persistence.PersistenceException;

import org.hibernate.MappingException;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.SoftDeletable;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.revision.NewerJava;

/**
 * Reads entities into an {@link EntityModel} through Hibernate's own boot metadata, the same way
 * the application's EntityManagerFactory maps them, without any database connection.
 * <p>
 * The metadata is built from a {@link StandardServiceRegistryBuilder} with the dialect and
 * {@code hibernate.boot.allow_jdbc_metadata_access=false}. Before the DDL is generated, the metadata
 * goes through what the application's SessionFactory does to it before it creates a schema: Bean
 * Validation's constraints where Hibernate would apply them ({@link BeanValidationDdl}), then the
 * column ordering strategy ({@code hibernate.column_ordering_strategy}, by default ordering table,
 * primary key and foreign key columns by size and name). The DDL comes from Hibernate's schema
 * creator, and names, types and enum types from the metadata itself. The registry is always closed.
 */
public class EntityMetadataReader {

	/**
	 * The setting that carries the SQL keywords the JDBC driver reports for the live database
	 * ({@link java.sql.DatabaseMetaData#getSQLKeywords()}, comma separated), which the application's
	 * Hibernate, built from a connection, registers with its dialect: {@code hibernate.auto_quote_keyword}
	 * then quotes them too (PostgreSQL's {@code limit}, {@code offset}, {@code verbose}). The Spring Boot
	 * starter sets it from the database; without it only the dialect's own keywords are quoted.
	 */
	public static final String SQL_KEYWORDS = "dev.migrations.entity.sql_keywords";

	/**
	 * The setting that says where the entity classes were looked for, as a sentence, when the source was
	 * filled by a scan: a source without classes then fails naming it rather than asking for classes. The
	 * Spring Boot starter sets it to the packages it scanned.
	 */
	public static final String SCANNED_FOR_ENTITIES = "dev.migrations.entity.scanned_for_entities";

	/** The dialect used when neither the source nor its settings name one. */
	public static final String DEFAULT_DIALECT = "org.hibernate.dialect.PostgreSQLDialect";

	private static final String DEFAULT_DATABASE = "PostgreSQL";

	// Hibernate renders a named enum as: create type Name as enum ('A','B')
	private static final Pattern CREATE_ENUM_TYPE = Pattern
		.compile("(?is)^(\\s*create\\s+type\\s+(\"[^\"]+\"|\\S+)\\s+as\\s+enum\\s*)\\((.*)\\)\\s*$");

	private static final Pattern ENUM_LABEL = Pattern.compile("'((?:[^']|'')*)'");

	// an @Struct embeddable: create type geo_point as (lat float(53), lon float(53))
	private static final Pattern CREATE_COMPOSITE_TYPE = Pattern
		.compile("(?is)^\\s*create\\s+type\\s+(\"[^\"]+\"|\\S+)\\s+as\\s*\\(.*\\)\\s*$");

	/**
	 * Builds Hibernate's metadata for the source and reads what it would create.
	 * @param source the entities and the application's Hibernate configuration
	 * @return the DDL, tables, sequences and enum types
	 * @throws EntityMetadataException when a class is missing or Hibernate rejects the mapping
	 */
	public EntityModel read(EntitySource source) {
		ClassLoader classLoader = classLoader(source);
		List<Class<?>> classes = loadClasses(source, classLoader);
		Map<String, Object> settings = settings(source);
		BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classLoader)
			.build();
		StandardServiceRegistry registry = null;
		try {
			registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings)
				.addInitiator(QuietJdbcEnvironmentInitiator.INSTANCE)
				.build();
			MetadataSources sources = new MetadataSources(registry);
			classes.forEach(sources::addAnnotatedClass);
			source.packageNames().forEach(sources::addPackage);
			for (String resource : source.mappingResources()) {
				if (classLoader.getResource(resource) == null) {
					throw new EntityMetadataException("The mapping file " + resource + " is not on the class path. Fix"
							+ " spring.jpa.mapping-resources (or the resources given to"
							+ " EntitySource.withMappingResources); the application's EntityManagerFactory would fail on"
							+ " it too.");
				}
				sources.addResource(resource);
			}
			MetadataImplementor metadata = (MetadataImplementor) sources.buildMetadata();
			// what the application's SessionFactory does to the metadata before it creates a schema:
			// Bean Validation's constraints first, the value generators (a generated timestamp is not
			// null), then Hibernate's column order (which a
			// SessionFactory applies only when its schema action creates tables, as the DDL here does)
			BeanValidationDdl.apply(metadata, registry, classLoader);
			GeneratedValueDdl.apply(metadata, registry);
			metadata.orderColumns(true);
			List<String> hibernateStatements = creationCommands(metadata, registry, classes.size());
			JdbcEnvironment environment = registry.requireService(JdbcEnvironment.class);
			return new ModelBuilder(metadata, environment, defaultSchema(settings)).build(hibernateStatements);
		}
		catch (PersistenceException ex) {
			throw new EntityMetadataException("Hibernate could not map the " + classes.size() + " entity classes"
					+ ((settings.get(JdbcSettings.DIALECT) != null) ? " for " + settings.get(JdbcSettings.DIALECT) : "")
					+ ": " + ex.getMessage()
					+ ". Fix the mapping or the Hibernate settings; the application's EntityManagerFactory would"
					+ " fail on the same error.", ex);
		}
		catch (EntityMetadataException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Hibernate fails on some mappings it does not support with a bare runtime exception
			StackTraceElement[] trace = ex.getStackTrace();
			throw new EntityMetadataException("Hibernate failed on the mapping of the " + classes.size()
					+ " entity classes: " + ex + ((trace.length > 0) ? " at " + trace[0] : "")
					+ ". The application's EntityManagerFactory would fail the same way: look for a mapping Hibernate"
					+ " does not support (the frame above names the Hibernate code that failed).", ex);
		}
		finally {
			// closing the standard registry closes its bootstrap parent too
			StandardServiceRegistryBuilder.destroy((registry != null) ? registry : bootstrap);
		}
	}

	/**
	 * The DDL Hibernate writes for the metadata, as {@code ddl-auto=create} does. A mapping can be
	 * valid for the application yet have no DDL: a column of a library's type that the dialect has no
	 * type name for (a JSON type without a column definition) works with {@code ddl-auto=none}.
	 */
	private static List<String> creationCommands(MetadataImplementor metadata, StandardServiceRegistry registry,
			int classCount) {
		try {
			return new SchemaCreatorImpl(registry).generateCreationCommands(metadata, false);
		}
		catch (MappingException ex) {
			throw new EntityMetadataException("Hibernate cannot write the DDL of the " + classCount
					+ " entity classes: " + ex.getMessage() + ". The application may run without it (ddl-auto=none),"
					+ " but autogenerate compares the DDL Hibernate writes, as ddl-auto=create does: give such a column"
					+ " its type with @Column(columnDefinition = \"...\"), e.g. \"jsonb\" for a library's JSON type.", ex);
		}
	}

	private static ClassLoader classLoader(EntitySource source) {
		if (source.classLoader() != null) {
			return source.classLoader();
		}
		if (!source.classes().isEmpty() && source.classes().get(0).getClassLoader() != null) {
			return source.classes().get(0).getClassLoader();
		}
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		return (context != null) ? context : EntityMetadataReader.class.getClassLoader();
	}

	private static List<Class<?>> loadClasses(EntitySource source, ClassLoader classLoader) {
		List<Class<?>> classes = new ArrayList<>(source.classes());
		for (String name : source.classNames()) {
			try {
				classes.add(Class.forName(name, false, classLoader));
			}
			catch (UnsupportedClassVersionError ex) {
				// often a library's: both Javas, which the advice for a class not found would not name
				throw new EntityMetadataException("Entity class " + name + " " + NewerJava.describe(ex)
						+ ", or use a build of the class for Java " + NewerJava.running(), ex);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw new EntityMetadataException("Entity class " + name + " cannot be loaded (" + ex
						+ "). Check the class name and that the class loader given to the entity source sees it.",
						ex);
			}
		}
		if (classes.isEmpty()) {
			Object scanned = source.settings().get(SCANNED_FOR_ENTITIES);
			if (scanned != null) {
				throw new EntityMetadataException("No entity classes to read: " + scanned);
			}
			throw new EntityMetadataException("No entity classes to read. Give the entity source the application's"
					+ " @Entity classes (in a Spring Boot application, the managed types it scans).");
		}
		return classes;
	}

	private static Map<String, Object> settings(EntitySource source) {
		Map<String, Object> settings = new LinkedHashMap<>(source.settings());
		Object dialect = (source.dialect() != null) ? source.dialect() : settings.get(JdbcSettings.DIALECT);
		if (dialect == null || dialect.toString().isBlank()) {
			// chosen by product name, Hibernate takes the server version from the version settings
			// and does not log that the dialect need not be named
			settings.remove(JdbcSettings.DIALECT);
			settings.putIfAbsent(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, DEFAULT_DATABASE);
		}
		else {
			settings.put(JdbcSettings.DIALECT, dialect);
		}
		putFirst(settings, MappingSettings.PHYSICAL_NAMING_STRATEGY, source.physicalNamingStrategy(),
				SnakeCasePhysicalNamingStrategy.INSTANCE);
		putFirst(settings, MappingSettings.IMPLICIT_NAMING_STRATEGY, source.implicitNamingStrategy(),
				new OwningTableImplicitNamingStrategy());
		if (source.defaultSchema() != null) {
			settings.put(MappingSettings.DEFAULT_SCHEMA, source.defaultSchema());
		}
		// never a connection: the mapping alone decides what the entities create
		settings.put(JdbcSettings.ALLOW_METADATA_ON_BOOT, false);
		return settings;
	}

	private static void putFirst(Map<String, Object> settings, String key, Object explicit, Object fallback) {
		if (explicit != null) {
			settings.put(key, explicit);
		}
		else {
			settings.putIfAbsent(key, fallback);
		}
	}

	private static String defaultSchema(Map<String, Object> settings) {
		Object schema = settings.get(MappingSettings.DEFAULT_SCHEMA);
		return (schema != null && !schema.toString().isBlank()) ? schema.toString().trim() : null;
	}

	/**
	 * Turns built metadata into the model; lives only while the registry is open.
	 */
	private static final class ModelBuilder {

		private final Metadata metadata;

		private final Dialect dialect;

		private final IdentifierHelper identifiers;

		private final String defaultSchema;

		private final List<String> warnings = new ArrayList<>();

		// the @SoftDelete indicator columns, each with the literal of "not deleted" (the rows there are), and the
		// index columns of lists (@OrderColumn), each numbering the rows of an owner
		private final Map<Column, String> notDeleted = new IdentityHashMap<>();

		ModelBuilder(Metadata metadata, JdbcEnvironment environment, String defaultSchema) {
			this.metadata = metadata;
			this.dialect = environment.getDialect();
			this.identifiers = environment.getIdentifierHelper();
			// as Hibernate reads the setting: quoted by hibernate.globally_quoted_identifiers too
			this.defaultSchema = (defaultSchema != null)
					? this.identifiers.toMetaDataSchemaName(this.identifiers.toIdentifier(defaultSchema)) : null;
		}

		EntityModel build(List<String> hibernateStatements) {
			List<EntityTable> tables = new ArrayList<>();
			Set<String> sequences = new TreeSet<>();
			Set<String> qualifiedSequences = new TreeSet<>();
			Set<String> qualifiers = new TreeSet<>();
			Map<String, EnumUse> enumUses = new LinkedHashMap<>();
			softDeleteIndicators();
			listIndexes();
			for (Namespace namespace : this.metadata.getDatabase().getNamespaces()) {
				boolean used = false;
				for (Table table : namespace.getTables()) {
					if (table.isPhysicalTable() && !table.isView()) {
						tables.add(table(table, enumUses));
						used = true;
					}
					else if (table.isView()) {
						// Hibernate's DDL creates it, the schemas compared hold tables only
						String name = this.identifiers.toMetaDataObjectName(table.getNameIdentifier());
						this.warnings.add(name + " is a view (@View(query = \"" + table.getViewQuery().strip() + "\")), which"
								+ " autogenerate does not write or compare yet: `db migrate` creates no view for it. Add `CREATE"
								+ " VIEW " + table.getQuotedName(this.dialect) + " AS " + table.getViewQuery().strip() + "` by hand"
								+ " after the tables it reads in the revision, and `DROP VIEW " + table.getQuotedName(this.dialect)
								+ "` before them in its downgrade.");
					}
				}
				Identifier schema = namespace.getPhysicalName().schema();
				for (Sequence sequence : namespace.getSequences()) {
					String name = this.identifiers.toMetaDataObjectName(sequence.getName().getSequenceName());
					sequences.add(name);
					if (schema != null) {
						String schemaName = this.identifiers.toMetaDataSchemaName(schema);
						if (!schemaName.equals(this.defaultSchema)) {
							qualifiedSequences.add(schemaName + "." + name);
						}
					}
					used = true;
				}
				if (used && schema != null) {
					qualifiers.add(schema.render(this.dialect));
				}
			}
			List<String> createStatements = new ArrayList<>();
			List<EnumTypeDefinition> enumTypes = new ArrayList<>();
			for (String statement : hibernateStatements) {
				Matcher composite = CREATE_COMPOSITE_TYPE.matcher(statement);
				if (composite.matches() && !CREATE_ENUM_TYPE.matcher(statement).matches()) {
					this.warnings.add("Type " + composite.group(1) + " (an @Struct embeddable) is a composite type that"
							+ " autogenerate does not write or compare yet: `db migrate` writes the tables using it without"
							+ " creating it, so add `" + statement.strip() + "` by hand before them in the revision, and"
							+ " `DROP TYPE " + composite.group(1) + "` after them in its downgrade.");
				}
				Matcher createEnum = CREATE_ENUM_TYPE.matcher(statement);
				if (createEnum.matches()) {
					EnumTypeDefinition definition = enumType(createEnum, enumUses);
					enumTypes.add(definition);
					createStatements.add(createEnum.group(1) + "(" + labels(definition.values()) + ")");
				}
				else {
					createStatements.add(statement);
				}
			}
			enumTypes.sort((a, b) -> a.name().compareTo(b.name()));
			List<String> tableNames = tables.stream().map(EntityTable::name).distinct().sorted().toList();
			return new EntityModel(createStatements, tableNames, enumTypes, tables, List.copyOf(sequences),
					List.copyOf(qualifiers), hibernateStatements, this.dialect.getClass().getName(), this.defaultSchema,
					this.warnings, List.copyOf(qualifiedSequences));
		}

		private void softDeleteIndicators() {
			List<SoftDeletable> softDeletables = new ArrayList<>();
			for (PersistentClass entity : this.metadata.getEntityBindings()) {
				if (entity instanceof SoftDeletable root) {
					softDeletables.add(root);
				}
			}
			softDeletables.addAll(this.metadata.getCollectionBindings());
			for (SoftDeletable softDeletable : softDeletables) {
				Column column = softDeletable.getSoftDeleteColumn();
				if (column == null || softDeletable.getSoftDeleteStrategy() == SoftDeleteType.TIMESTAMP
						|| !(column.getValue() instanceof BasicValue value)) {
					continue;
				}
				// the converter Hibernate resolves takes "deleted" (for ACTIVE it reverses the application's)
				@SuppressWarnings("unchecked")
				BasicValueConverter<Boolean, ?> converter = (BasicValueConverter<Boolean, ?>) value.resolve()
					.getValueConverter();
				Object stored = (converter != null) ? converter.toRelationalValue(false)
						: softDeletable.getSoftDeleteStrategy() == SoftDeleteType.ACTIVE;
				if (stored instanceof Boolean || stored instanceof Number) {
					this.notDeleted.put(column, stored.toString());
				}
				else if (stored instanceof Character || stored instanceof String) {
					this.notDeleted.put(column, "'" + stored.toString().replace("'", "''") + "'");
				}
			}
		}

		/**
		 * The index column of each list ({@code @OrderColumn}) fills the rows a table already holds by
		 * numbering those of each owner (the collection's key) from the list's base, in the order they are
		 * stored: the order a list without an index column was written in.
		 */
		private void listIndexes() {
			for (Collection collection : this.metadata.getCollectionBindings()) {
				if (!(collection instanceof IndexedCollection list) || !list.isList()
						|| list.getIndex().getColumnSpan() != 1 || !(list.getIndex().getSelectables().get(0) instanceof Column index)
						|| list.getKey().getColumns().isEmpty() || this.notDeleted.containsKey(index)) {
					continue;
				}
				List<String> owner = new ArrayList<>();
				for (Column key : list.getKey().getColumns()) {
					owner.add(PostgresIdentifiers.quote(this.identifiers.toMetaDataObjectName(new Identifier(key.getName(),
							key.isQuoted()))));
				}
				int base = (collection instanceof org.hibernate.mapping.List indexed) ? indexed.getBaseIndex() : 0;
				String offset = (base == 1) ? "" : (base == 0) ? " - 1" : " + " + (base - 1);
				this.notDeleted.put(index, EntityColumn.ROW_NUMBER + "PARTITION BY " + String.join(", ", owner)
						+ " ORDER BY ctid)" + offset);
			}
		}

		private boolean postgres() {
			return this.dialect instanceof org.hibernate.dialect.PostgreSQLDialect;
		}

		private EntityTable table(Table table, Map<String, EnumUse> enumUses) {
			String schema = (table.getSchemaIdentifier() != null)
					? this.identifiers.toMetaDataSchemaName(table.getSchemaIdentifier()) : this.defaultSchema;
			String name = this.identifiers.toMetaDataObjectName(table.getNameIdentifier());
			List<EntityColumn> columns = new ArrayList<>();
			for (Column column : table.getColumns()) {
				String columnName = this.identifiers
					.toMetaDataObjectName(new Identifier(column.getName(), column.isQuoted()));
				String sqlType = column.getSqlType(this.metadata);
				columns.add(new EntityColumn(columnName, sqlType, column.isNullable(), this.notDeleted.get(column)));
				// on PostgreSQL the scratch schema holds the generated column as Hibernate's DDL creates it, and
				// autogenerate writes and compares its expression
				if (column.getGeneratedAs() != null && !postgres()) {
					this.warnings.add(name + "." + columnName + " is a generated column (@GeneratedColumn(\""
							+ column.getGeneratedAs() + "\")), which autogenerate does not compare or write yet: `db migrate`"
							+ " writes it as a plain column, which nothing fills. Write it by hand in the revision: "
							+ columnName + " " + sqlType + " GENERATED ALWAYS AS (" + column.getGeneratedAs() + ") STORED.");
				}
				notWritten(name + "." + columnName, column);
				// a column stored as oid (@Lob) is warned of by the revision that creates or converts it, not on
				// every reading of the entities (every later migrate and check)
				recordEnumUse(column, name + "." + columnName, enumUses);
			}
			if (table.getOptions() != null && !table.getOptions().isBlank()) {
				this.warnings.add(name + " has table options (@Table(options = \"" + table.getOptions().strip() + "\")), which"
						+ " autogenerate does not write or compare yet: `db migrate` creates the table without them. Add them"
						+ " by hand in the revision (e.g. ALTER TABLE " + name + " SET (fillfactor = 70)).");
			}
			for (org.hibernate.mapping.ForeignKey foreignKey : table.getForeignKeys().values()) {
				constraintOptions(name, foreignKey.getName(), foreignKey.getOptions());
			}
			for (org.hibernate.mapping.UniqueKey uniqueKey : table.getUniqueKeys().values()) {
				constraintOptions(name, uniqueKey.getName(), uniqueKey.getOptions());
			}
			return new EntityTable(schema, name, columns);
		}

		// what a column's mapping asks for that autogenerate neither writes nor compares yet: said, not dropped silently
		private void notWritten(String column, Column mapped) {
			if (mapped.getCollation() != null && !mapped.getCollation().isBlank()) {
				this.warnings.add(column + " has collation " + mapped.getCollation() + " (@Collate), which autogenerate does"
						+ " not write or compare yet: `db migrate` writes the column with the database's default collation."
						+ " Add COLLATE \"" + mapped.getCollation() + "\" to the column by hand in the revision.");
			}
			String definition = mapped.getSqlType();
			String lower = (definition != null) ? definition.toLowerCase(java.util.Locale.ROOT) : "";
			if (lower.contains("generated always as") && !lower.contains("identity") && !postgres()) {
				this.warnings.add(column + " is a generated column (columnDefinition \"" + definition + "\"), which"
						+ " autogenerate does not compare or write yet: `db migrate` writes it as a plain column, which"
						+ " nothing fills. Write it by hand in the revision as the columnDefinition says.");
			}
			else if (lower.matches(".*\\bcollate\\b.*")) {
				this.warnings.add(column + " has a collation in its columnDefinition (\"" + definition + "\"), which"
						+ " autogenerate does not write or compare yet: `db migrate` writes the column with the database's"
						+ " default collation. Add the COLLATE clause by hand in the revision.");
			}
			if (mapped.getOptions() != null && !mapped.getOptions().isBlank()) {
				this.warnings.add(column + " has column options (@Column(options = \"" + mapped.getOptions().strip()
						+ "\")), which autogenerate does not write or compare yet: add them by hand in the revision.");
			}
		}

		private void constraintOptions(String table, String constraint, String options) {
			if (options != null && !options.isBlank()) {
				this.warnings.add(table + "." + constraint + " has options (\"" + options.strip() + "\", e.g. DEFERRABLE),"
						+ " which autogenerate does not write or compare yet: `db migrate` writes the constraint without them."
						+ " Add them by hand in the revision.");
			}
		}

		private static void recordEnumUse(Column column, String qualifiedColumn, Map<String, EnumUse> enumUses) {
			if (!(column.getValue() instanceof BasicValue value) || value.getResolution() == null) {
				return;
			}
			int typeCode = value.getResolution().getJdbcType().getDefaultSqlTypeCode();
			Class<?> javaType = value.getResolution().getDomainJavaType().getJavaTypeClass();
			if ((typeCode == SqlTypes.NAMED_ENUM || typeCode == SqlTypes.NAMED_ORDINAL_ENUM) && javaType.isEnum()) {
				// Hibernate names the type after the enum's simple name
				enumUses.computeIfAbsent(javaType.getSimpleName(), (k) -> new EnumUse(javaType, new ArrayList<>()))
					.columns()
					.add(qualifiedColumn);
			}
		}

		private EnumTypeDefinition enumType(Matcher createEnum, Map<String, EnumUse> enumUses) {
			Identifier typeName = Identifier.toIdentifier(createEnum.group(2));
			String labelList = createEnum.group(3);
			EnumUse use = enumUses.get(typeName.getText());
			List<String> values = null;
			List<String> hibernateValues = null;
			if (use != null) {
				List<String> declared = declaredLabels(use.javaType());
				List<String> sorted = declared.stream().sorted().toList();
				// Hibernate does not escape quotes in labels, so recognize its list rather than parse it
				for (List<String> candidate : List.of(sorted, declared)) {
					if (labelList.equals(String.join(",", candidate.stream().map((v) -> "'" + v + "'").toList()))
							|| labelList.equals(labels(candidate))) {
						values = declared;
						hibernateValues = candidate;
					}
				}
			}
			if (values == null) {
				hibernateValues = parseLabels(labelList);
				values = hibernateValues;
			}
			return new EnumTypeDefinition(this.identifiers.toMetaDataObjectName(typeName),
					(use != null) ? use.javaType().getName() : null, values, hibernateValues,
					(use != null) ? use.columns() : List.of());
		}

		private static List<String> parseLabels(String labelList) {
			List<String> labels = new ArrayList<>();
			Matcher label = ENUM_LABEL.matcher(labelList);
			while (label.find()) {
				labels.add(label.group(1).replace("''", "'"));
			}
			return labels;
		}

		// the labels Hibernate stores, constant by constant in ordinal order
		private static List<String> declaredLabels(Class<?> enumType) {
			Field valueField = null;
			for (Field field : enumType.getDeclaredFields()) {
				if (field.isAnnotationPresent(EnumeratedValue.class)) {
					valueField = field;
				}
			}
			List<String> labels = new ArrayList<>();
			for (Object constant : enumType.getEnumConstants()) {
				labels.add((valueField != null) ? enumeratedValue(valueField, constant) : ((Enum<?>) constant).name());
			}
			return labels;
		}

		private static String enumeratedValue(Field field, Object constant) {
			try {
				field.setAccessible(true);
				return String.valueOf(field.get(constant));
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return ((Enum<?>) constant).name();
			}
		}

		private static String labels(List<String> values) {
			StringBuilder sql = new StringBuilder();
			for (String value : values) {
				if (!sql.isEmpty()) {
					sql.append(',');
				}
				sql.append('\'').append(value.replace("'", "''")).append('\'');
			}
			return sql.toString();
		}

	}

	private record EnumUse(Class<?> javaType, List<String> columns) {

	}

}
