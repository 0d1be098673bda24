package dev.migrations.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.migrations.MigrationsException;
import dev.migrations.diff.DiffOptions;
import dev.migrations.diff.Operation;
import dev.migrations.diff.SchemaDiffer;
import dev.migrations.entity.CheckConditions;
import dev.migrations.entity.EntityColumn;
import dev.migrations.entity.EntityMetadataReader;
import dev.migrations.entity.EntityModel;
import dev.migrations.entity.EntityTable;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.EnumTypeDefinition;
import dev.migrations.entity.PostgresDdlPrediction;
import dev.migrations.entity.PostgresScratchSchema;
import dev.migrations.introspect.PostgresIntrospector;
import dev.migrations.autogenerate.Comparison.UnmanagedIndex;
import dev.migrations.schema.Column;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;

/**
 * Compares the JPA entities with a live PostgreSQL schema.
 * <p>
 * Both sides are read by the same introspector: the entities' DDL (from Hibernate's own boot
 * metadata) is run in a scratch schema inside a transaction that is always rolled back, so type
 * names, defaults and check expressions are spelled by the server itself and only real differences
 * remain. A table whose outcome {@link PostgresDdlPrediction} knows without running its DDL is not
 * created in the scratch schema when nothing in it depends on how this server spells things (only
 * check expressions do) or the live table shows the same spelling: so a check of a database in sync
 * creates nothing, and a changed table is created only when it has a check the live database does
 * not confirm (then without its plain indexes and foreign keys, which are known). The live schema
 * is read on a second thread while Hibernate builds its metadata.
 * <p>
 * Indexes the entities cannot declare are left alone: an expression, operator class, collation or
 * {@code NULLS} order in the key, a method other than btree (GIN, GiST, BRIN, hash), or a partial
 * unique index. {@code @Index} takes column names with {@code ASC}/{@code DESC} only, its
 * {@code options} follow the column list (enough for {@code WHERE} and {@code INCLUDE}, too late for
 * {@code USING}), and {@code unique = true} makes a unique constraint, which has no {@code WHERE}.
 * Such indexes can only come from hand-written revisions: reporting them as drift, or dropping them
 * in every generated revision, would leave the user no way to a clean {@code db check}. They are
 * listed in {@link Comparison#unmanaged()} instead. A plain index the entities could declare but do
 * not is still a difference.
 */
public final class Autogenerator {

	// what Hibernate's @Index columnList can produce, as the introspector prints it
	private static final Pattern DECLARABLE_ELEMENT = Pattern
		.compile("(?:[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")(?: DESC)?");

	private final EntitySource entities;

	private final Predicate<String> tableFilter;

	private final Predicate<String> sequenceFilter;

	private final AtomicReference<EntityModel> entityModel;

	private final PostgresIntrospector introspector = new PostgresIntrospector();

	private final SchemaDiffer differ = new SchemaDiffer();

	/**
	 * @param entities the entity classes and the Hibernate settings the application uses
	 * @param tableFilter which tables are compared (the tool's own version tables must be excluded)
	 */
	public Autogenerator(EntitySource entities, Predicate<String> tableFilter) {
		this(entities, tableFilter, new AtomicReference<>());
	}

	/**
	 * @param entities the entity classes and the Hibernate settings the application uses
	 * @param tableFilter which tables are compared (the tool's own version tables must be excluded)
	 * @param entityModel where the entities read once are kept for later comparisons of the same
	 * entities (empty until the first comparison reads them)
	 */
	public Autogenerator(EntitySource entities, Predicate<String> tableFilter, AtomicReference<EntityModel> entityModel) {
		this(entities, tableFilter, (sequence) -> true, entityModel);
	}

	/**
	 * @param entities the entity classes and the Hibernate settings the application uses
	 * @param tableFilter which tables are compared (the tool's own version tables must be excluded)
	 * @param sequenceFilter which sequences are compared (those of the tables another library keeps can be left out)
	 * @param entityModel where the entities read once are kept for later comparisons of the same
	 * entities (empty until the first comparison reads them)
	 */
	public Autogenerator(EntitySource entities, Predicate<String> tableFilter, Predicate<String> sequenceFilter,
			AtomicReference<EntityModel> entityModel) {
		this.entities = entities;
		this.tableFilter = tableFilter;
		this.sequenceFilter = sequenceFilter;
		this.entityModel = entityModel;
	}

	/** Reads the entities (again, whatever was kept); needs no database. */
	public EntityModel readEntities() {
		return new EntityMetadataReader().read(this.entities);
	}

	/** Compares the entities with the schema {@code schema} of the connection's database. */
	public Comparison compare(Connection connection, String schema, DiffOptions options) {
		EntityModel model = this.entityModel.get();
		SchemaModel database;
		if (model != null) {
			database = this.introspector.introspect(connection, schema, this.tableFilter);
		}
		else {
			// the live schema is read while Hibernate builds its metadata, which needs no connection:
			// the catalog queries mostly wait for the server, the metadata mostly keeps a core busy
			CompletableFuture<SchemaModel> live = CompletableFuture.supplyAsync(
					() -> this.introspector.introspect(connection, schema, this.tableFilter),
					Autogenerator::startThread);
			try {
				model = readEntities();
			}
			catch (RuntimeException ex) {
				// the connection is the caller's again only once the introspection is over
				live.handle((result, failure) -> null).join();
				throw ex;
			}
			this.entityModel.compareAndSet(null, model);
			database = join(live);
		}
		requireDefaultSchemaCompared(model, schema);
		SchemaModel target = keepLiveEnumOrder(entitySchema(connection, schema, model, database), database, model);
		// the tables the filter leaves out are not this comparison's business, nor are their warnings
		List<String> excluded = model.tableNames().stream().filter((name) -> !this.tableFilter.test(name)).toList();
		List<String> warnings = new ArrayList<>();
		for (String warning : model.warnings()) {
			if (excluded.stream().noneMatch((name) -> warning.startsWith(name + ".") || warning.startsWith(name + " "))) {
				warnings.add(warning);
			}
		}
		target = withoutOtherSchemas(target, schema, model, warnings);
		target = withoutViews(connection, schema, target, database);
		DiffOptions effective = options.includeTables(this.tableFilter)
			.includeSequences(options.sequenceFilter().and(this.sequenceFilter));
		List<UnmanagedIndex> unmanaged = new ArrayList<>();
		SchemaModel managed = withoutUnmanagedIndexes(database, target, unmanaged);
		List<Operation> operations = withFills(model,
				withTakenNames(database, this.differ.diff(managed, target, effective), warnings));
		return new Comparison(database, target, operations, this.differ.describe(operations), warnings, unmanaged);
	}

	/**
	 * A column added to a table that holds rows needs a value for them: where the mapping says what
	 * it is (the "not deleted" of a {@code @SoftDelete} indicator, which is {@code NOT NULL}), the
	 * addition carries it, and the rows take it instead of the statement failing on them. The index
	 * of a one-to-many's list, in the children's table, is nullable (a child no owner holds has none)
	 * and still numbers the rows of each owner: Hibernate fails to load a list whose rows have no index.
	 */
	static List<Operation> withFills(EntityModel model, List<Operation> operations) {
		return operations.stream().map((operation) -> {
			if (operation instanceof Operation.AddColumn add) {
				String fill = fill(model, add.table(), add.column().name());
				if (fill != null && (!add.column().nullable() || fill.startsWith(Operation.AddColumn.ROW_NUMBER))) {
					return add.withFill(fill);
				}
			}
			return operation;
		}).toList();
	}

	private static String fill(EntityModel model, String table, String column) {
		int dot = table.lastIndexOf('.');
		String schema = (dot < 0) ? null : table.substring(0, dot);
		String name = table.substring(dot + 1);
		return model.tables().stream()
			.filter((candidate) -> candidate.name().equals(name)
					&& (schema == null || schema.equals(candidate.schema())))
			.flatMap((candidate) -> candidate.column(column).stream())
			.map(EntityColumn::fill).filter(Objects::nonNull).findFirst().orElse(null);
	}

	/**
	 * Index names are unique in a schema, not per table, and so are those of the indexes behind
	 * primary keys and unique constraints. A new index whose declared name another relation of the
	 * schema already holds (an index of another table, mostly) is created without {@code IF NOT
	 * EXISTS}, which would find that relation and silently create nothing, and its downgrade without
	 * {@code IF EXISTS}; it fails instead, and a warning names both. An index declared with the
	 * table it is created with is taken out of the {@code CREATE TABLE} for that. A primary key or
	 * unique constraint of a taken name fails anyway ({@code ADD CONSTRAINT} has no {@code IF NOT
	 * EXISTS}): it is warned about.
	 */
	static List<Operation> withTakenNames(SchemaModel database, List<Operation> operations, List<String> warnings) {
		Map<String, Holder> holders = new TreeMap<>();
		for (Table table : database.tables()) {
			holders.put(table.name(), new Holder(table.name(), "table " + table.name()));
			if (table.primaryKey() != null && table.primaryKey().name() != null) {
				holders.put(table.primaryKey().name(), new Holder(table.name(), "the primary key of " + table.name()));
			}
			for (dev.migrations.schema.UniqueConstraint unique : table.uniqueConstraints()) {
				if (unique.name() != null) {
					holders.put(unique.name(), new Holder(table.name(), "a unique constraint of " + table.name()));
				}
			}
			for (Index index : table.indexes()) {
				if (index.name() != null) {
					holders.put(index.name(), new Holder(table.name(),
							"an index of " + table.name() + " (" + String.join(", ", index.elements()) + ")"));
				}
			}
		}
		for (Sequence sequence : database.sequences()) {
			holders.put(sequence.name(), new Holder(null, "sequence " + sequence.name()));
		}
		if (holders.isEmpty()) {
			return operations;
		}
		// what the change drops before it creates is free again
		for (Operation operation : operations) {
			if (operation instanceof Operation.DropIndex drop) {
				if (drop.index().name() != null) {
					holders.remove(drop.index().name());
				}
			}
			else if (operation instanceof Operation.DropTable drop) {
				holders.values().removeIf((holder) -> drop.table().name().equals(holder.table()));
			}
			else if (operation instanceof Operation.DropUnique drop && drop.constraint().name() != null) {
				holders.remove(drop.constraint().name());
			}
			else if (operation instanceof Operation.DropPrimaryKey drop && drop.primaryKey().name() != null) {
				holders.remove(drop.primaryKey().name());
			}
			else if (operation instanceof Operation.DropSequence drop) {
				holders.remove(drop.sequence().name());
			}
		}
		List<Operation> result = new ArrayList<>(operations.size());
		for (Operation operation : operations) {
			if (operation instanceof Operation.CreateIndex create && taken(holders, create.index().name())) {
				warnings.add(takenName("index", create.index().name(), create.table(), holders));
				result.add(new Operation.CreateIndex(create.table(), create.index(), true));
			}
			else if (operation instanceof Operation.CreateTable create
					&& create.table().indexes().stream().anyMatch((index) -> taken(holders, index.name()))) {
				Table table = create.table();
				List<Index> kept = new ArrayList<>();
				List<Operation> taken = new ArrayList<>();
				for (Index index : table.indexes()) {
					if (taken(holders, index.name())) {
						warnings.add(takenName("index", index.name(), table.name(), holders));
						taken.add(new Operation.CreateIndex(table.name(), index, true));
					}
					else {
						kept.add(index);
					}
				}
				result.add(new Operation.CreateTable(new Table(table.name(), table.columns(), table.primaryKey(),
						table.uniqueConstraints(), kept, table.foreignKeys(), table.checks(), table.comment()), create.note()));
				result.addAll(taken);
			}
			else {
				if (operation instanceof Operation.AddUnique add && taken(holders, add.constraint().name())) {
					warnings.add(takenName("unique constraint", add.constraint().name(), add.table(), holders));
				}
				else if (operation instanceof Operation.AddPrimaryKey add
						&& taken(holders, add.primaryKey().name())) {
					warnings.add(takenName("primary key", add.primaryKey().name(), add.table(), holders));
				}
				result.add(operation);
			}
		}
		return result;
	}

	/** What holds a name in the schema: a relation of {@code table} ({@code null} for a sequence), as a message says it. */
	private record Holder(String table, String description) {
	}

	private static boolean taken(Map<String, Holder> holders, String name) {
		return name != null && holders.containsKey(name);
	}

	private static String takenName(String kind, String name, String table, Map<String, Holder> holders) {
		return "The " + kind + " " + name + " of table " + table + " has the name of " + holders.get(name).description()
				+ ": index names are unique in a schema, not per table, so the upgrade fails (relation " + name
				+ " already exists; it is written without IF NOT EXISTS, which would skip it silently, and its"
				+ " downgrade without IF EXISTS, which would drop the other); give one of them another name, e.g."
				+ " @Index(name = ...)";
	}

	/**
	 * Unqualified tables belong to {@code hibernate.default_schema} when it is set: compared with, and
	 * created in, another schema, {@code db check} would say in sync while the application looks for
	 * its tables where none are. Both names are as the catalog stores them (Hibernate's unquoted
	 * {@code SALES} is {@code sales}), so a difference of case is another schema.
	 */
	private static void requireDefaultSchemaCompared(EntityModel model, String schema) {
		String defaultSchema = model.defaultSchema();
		if (defaultSchema != null && schema != null && !defaultSchema.equals(schema)) {
			throw new MigrationsException("The entities' tables are in schema " + defaultSchema + " (hibernate.default_schema),"
					+ " but autogenerate compares and migrates schema " + schema + ": revisions would create them in " + schema
					+ ", where the application does not look for them. Set migrations.schema=" + defaultSchema
					+ " (MigrationsConfiguration.schema(\"" + defaultSchema + "\") in the Java API) so that the revisions run,"
					+ " and the version table lives, in " + defaultSchema + ".");
		}
	}

	/**
	 * The entities' tables without those mapped to another schema than the one compared
	 * ({@code @Table(schema = "audit")}): only that schema is read from the database, so such a table
	 * would be compared with, and created in, the wrong schema. Each is named in a warning instead.
	 */
	private static SchemaModel withoutOtherSchemas(SchemaModel target, String schema, EntityModel model,
			List<String> warnings) {
		Set<String> elsewhere = new TreeSet<>();
		for (EntityTable table : model.tables()) {
			// a table in hibernate.default_schema is an unqualified one, compared where the revisions run
			boolean qualified = table.schema() != null && !table.schema().equals(model.defaultSchema());
			if (qualified && !table.schema().equals(schema) && elsewhere.add(table.name())) {
				warnings.add("Table " + table.schema() + "." + table.name() + " is mapped to schema " + table.schema()
						+ ", and autogenerate compares schema " + schema + " only: it is left out of `db check` and"
						+ " `db migrate`. Write its revisions by hand (`db revision`), naming the schema:"
						+ " CREATE SCHEMA IF NOT EXISTS " + table.schema() + "; CREATE TABLE " + table.schema() + "."
						+ table.name() + " (...).");
			}
		}
		Set<String> sequencesElsewhere = new TreeSet<>();
		for (String qualified : model.qualifiedSequences()) {
			int dot = qualified.indexOf('.');
			String sequenceSchema = qualified.substring(0, dot);
			String name = qualified.substring(dot + 1);
			if (!sequenceSchema.equals(schema) && sequencesElsewhere.add(name)) {
				warnings.add("Sequence " + qualified + " is mapped to schema " + sequenceSchema + " (@SequenceGenerator(schema"
						+ " = ...)), and autogenerate compares schema " + schema + " only: it is left out of `db check` and"
						+ " `db migrate`. Write its revision by hand (`db revision`), naming the schema: CREATE SCHEMA IF NOT"
						+ " EXISTS " + sequenceSchema + "; CREATE SEQUENCE " + qualified + " ...");
			}
		}
		if (elsewhere.isEmpty() && sequencesElsewhere.isEmpty()) {
			return target;
		}
		List<Table> kept = target.tables().stream().filter((table) -> !elsewhere.contains(table.name())).toList();
		List<Sequence> keptSequences = target.sequences().stream()
			.filter((sequence) -> !sequencesElsewhere.contains(sequence.name()))
			.toList();
		return new SchemaModel(target.schema(), kept, keptSequences, target.enumTypes());
	}

	// the schema's views and materialized views among the names given (the tables the entities want and
	// the database lacks), in the search_path the introspection left: the schema is named
	private static final String VIEWS = """
			SELECT c.relname::text FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND c.relkind IN ('v', 'm') AND c.relname = ANY (?)""";

	/**
	 * The entities' tables without those the database has as a view or a materialized view: an
	 * {@code @Immutable} entity with {@code @Table(name = "v_order_total")} reads a view the application
	 * creates in a revision of its own (Hibernate's {@code ddl-auto=create} would make it a table, as it
	 * knows no better). Such a view is no missing table, autogenerate does not compare views, and no
	 * foreign key can reference one: the foreign keys of other tables to it are left out too. Only names
	 * the database lacks as tables are looked up, so a schema in sync costs no query.
	 */
	private static SchemaModel withoutViews(Connection connection, String schema, SchemaModel target,
			SchemaModel database) {
		List<String> missing = target.tables().stream().map(Table::name)
			.filter((name) -> database.table(name).isEmpty())
			.toList();
		if (missing.isEmpty()) {
			return target;
		}
		Set<String> views = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(VIEWS)) {
			statement.setString(1, schema);
			statement.setArray(2, connection.createArrayOf("text", missing.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					views.add(rows.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the views of schema " + schema + ": " + ex.getMessage(), ex);
		}
		if (views.isEmpty()) {
			return target;
		}
		List<Table> kept = new ArrayList<>();
		for (Table table : target.tables()) {
			if (views.contains(table.name())) {
				continue;
			}
			List<ForeignKey> foreignKeys = table.foreignKeys().stream()
				.filter((foreignKey) -> !views.contains(foreignKey.referencedTable())
						|| foreignKey.referencedSchema() != null && !foreignKey.referencedSchema().equals(schema))
				.toList();
			kept.add(foreignKeys.size() == table.foreignKeys().size() ? table
					: new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(),
							table.indexes(), foreignKeys, table.checks(), table.comment()));
		}
		return new SchemaModel(target.schema(), kept, target.sequences(), target.enumTypes());
	}

	private static void startThread(Runnable task) {
		Thread thread = new Thread(task, "migrations-introspect");
		thread.setDaemon(true);
		thread.start();
	}

	private static SchemaModel join(CompletableFuture<SchemaModel> live) {
		try {
			return live.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/**
	 * The schema the entities describe, as the server prints it. A table (or sequence) whose DDL
	 * {@link PostgresDdlPrediction} can tell the outcome of is taken as predicted where nothing in it
	 * depends on the server's spelling, or the live database shows this server spells it that way
	 * ({@link #confirmed}); everything else is created in the scratch schema and read back. Tables the
	 * filter leaves out are not created either, unless a foreign key that is created references them.
	 */
	private SchemaModel entitySchema(Connection connection, String schema, EntityModel model, SchemaModel database) {
		PostgresDdlPrediction prediction = PostgresDdlPrediction.of(model);
		Map<String, Table> known = new TreeMap<>();
		Set<String> skippedTables = new HashSet<>();
		Map<String, Sequence> knownSequences = new TreeMap<>();
		if (prediction.enabled()) {
			for (String name : model.tableNames()) {
				if (!this.tableFilter.test(name)) {
					skippedTables.add(name);
					continue;
				}
				Optional<Table> predicted = prediction.table(name);
				if (predicted.isPresent() && confirmed(predicted.get(), database.table(name))) {
					known.put(name, predicted.get());
					skippedTables.add(name);
				}
			}
			// a plain sequence is numbers only: nothing in it is the server's spelling
			knownSequences.putAll(prediction.sequences());
		}
		PostgresDdlPrediction.Selection selection = prediction.select(skippedTables, knownSequences.keySet());
		SchemaModel scratch = selection.statements().isEmpty() ? SchemaModel.empty(schema)
				: merge(schema, PostgresScratchSchema.materializeInParts(connection, selection.statements(),
						model.schemaQualifiers(), schema, (scratchConnection, scratchSchema, partTables) -> rejectShadowedEnumTypes(
								// the compared schema's objects (an extension's citext in public) read as the live side reads them
								this.introspector.introspect(scratchConnection, scratchSchema, schema,
										(table) -> partTables.test(table) && this.tableFilter.test(table)),
								scratchSchema, model)));
		List<Table> tables = new ArrayList<>();
		known.values().stream().map((table) -> CheckConditions.keepLiveOrder(table, database.table(table.name())))
			.forEach(tables::add);
		scratch.tables()
			.stream()
			.filter((table) -> !selection.supportTables().contains(table.name()))
			.map(selection::complete)
			.map((table) -> CheckConditions.keepLiveOrder(table, database.table(table.name())))
			.forEach(tables::add);
		tables.sort(Comparator.comparing(Table::name));
		List<Sequence> sequences = new ArrayList<>(knownSequences.values());
		sequences.addAll(scratch.sequences());
		sequences.sort(Comparator.comparing(Sequence::name));
		return new SchemaModel(schema, tables, sequences, scratch.enumTypes());
	}

	/**
	 * The scratch schema read in parts as one: each table is read in one part; a sequence or an enum
	 * type created in several parts reads the same in each.
	 */
	private static SchemaModel merge(String schema, List<SchemaModel> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		List<Table> tables = new ArrayList<>();
		Map<String, Sequence> sequences = new TreeMap<>();
		Map<String, EnumType> enumTypes = new TreeMap<>();
		for (SchemaModel part : parts) {
			tables.addAll(part.tables());
			part.sequences().forEach((sequence) -> sequences.putIfAbsent(sequence.name(), sequence));
			part.enumTypes().forEach((type) -> enumTypes.putIfAbsent(type.name(), type));
		}
		tables.sort(Comparator.comparing(Table::name));
		return new SchemaModel(schema, tables, new ArrayList<>(sequences.values()), new ArrayList<>(enumTypes.values()));
	}

	/**
	 * Whether a prediction can stand for what this server would print. Everything in a predicted
	 * table is spelled the same by every PostgreSQL version (built-in type names, generated
	 * constraint names, plain column lists) except the text of check constraints: a table without
	 * checks is confirmed, and one with checks when the live table has each of them with exactly
	 * that text, which this server printed (up to the order of conditions joined by {@code AND},
	 * which Hibernate itself does not keep: {@link CheckConditions}).
	 */
	private static boolean confirmed(Table predicted, Optional<Table> live) {
		// a table in sync has the predicted checks too
		return predicted.checks().isEmpty() || live.isPresent() && CheckConditions.allPresent(predicted, live.get());
	}

	/**
	 * The database without the indexes the entities cannot declare, on the tables the entities map
	 * (a table they do not map is dropped whole, its indexes with it, and restored whole by the
	 * downgrade). A column the entities drop takes such an index along on the server's side.
	 */
	private SchemaModel withoutUnmanagedIndexes(SchemaModel database, SchemaModel target, List<UnmanagedIndex> unmanaged) {
		List<Table> tables = new ArrayList<>();
		for (Table table : database.tables()) {
			if (target.table(table.name()).isEmpty() || !this.tableFilter.test(table.name())) {
				tables.add(table);
				continue;
			}
			List<Index> managed = new ArrayList<>();
			for (Index index : table.indexes()) {
				Optional<String> reason = undeclarable(index);
				if (reason.isPresent()) {
					unmanaged.add(new UnmanagedIndex(table.name(), index, reason.get()));
				}
				else {
					managed.add(index);
				}
			}
			tables.add(new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(), managed,
					table.foreignKeys(), table.checks(), table.comment()));
		}
		return new SchemaModel(database.schema(), tables, database.sequences(), database.enumTypes());
	}

	/** What in an index no JPA mapping can declare, empty when an entity could declare it. */
	static Optional<String> undeclarable(Index index) {
		if (index.method() != null && !index.method().equals("btree")) {
			return Optional.of("the " + index.method() + " method");
		}
		for (String element : index.elements()) {
			if (!DECLARABLE_ELEMENT.matcher(element).matches()) {
				return Optional.of("the key " + element);
			}
		}
		if (index.unique() && index.where() != null) {
			return Optional.of("a partial unique index (where " + index.where() + ")");
		}
		return Optional.empty();
	}

	/**
	 * The server prints a type of the introspected schema qualified only where an unqualified name
	 * means a built-in type ({@code money}, {@code point}, {@code interval}). An enum class named like
	 * one cannot work: Hibernate writes the type unqualified in its DDL and in enum literals
	 * ({@code 'USD'::Money}), so it gets the built-in type, and a revision would name the scratch
	 * schema. Such a mapping is refused with the way out.
	 */
	private static SchemaModel rejectShadowedEnumTypes(SchemaModel scratch, String scratchSchema, EntityModel model) {
		// the server prints the session's temporary schema as pg_temp
		String qualifier = (scratchSchema.startsWith("pg_temp_") ? "pg_temp" : scratchSchema) + ".";
		for (Table table : scratch.tables()) {
			for (Column column : table.columns()) {
				if (!column.type().startsWith(qualifier)) {
					continue;
				}
				String type = column.type().substring(qualifier.length()).replace("[]", "");
				Optional<EnumTypeDefinition> definition = model.enumType(type);
				String javaType = definition.map((d) -> " (enum " + d.javaType() + ")").orElse("");
				throw new MigrationsException("The type " + type + javaType + " of column " + table.name() + "."
						+ column.name() + " has the name of a type PostgreSQL has built in, and an unqualified " + type
						+ " means the built-in one: Hibernate's schema creation would make the column that type, and"
						+ " its enum literals ('...'::" + type + ") would fail. Rename the enum class (Hibernate names"
						+ " the type after the class's simple name) and run again.");
			}
		}
		return scratch;
	}

	/**
	 * Hibernate creates enum types in alphabetical order while the Java enum declares another: a live
	 * type in either order is in sync, and when values are added the live order is kept, so a
	 * database Hibernate created never shows a false "reordered" difference.
	 */
	private static SchemaModel keepLiveEnumOrder(SchemaModel target, SchemaModel database, EntityModel model) {
		List<EnumType> types = new ArrayList<>();
		for (EnumType type : target.enumTypes()) {
			Optional<EnumType> live = database.enumType(type.name());
			Optional<EnumTypeDefinition> definition = model.enumType(type.name());
			if (live.isPresent() && definition.isPresent()) {
				List<String> labels = live.get().values();
				if (definition.get().isSatisfiedBy(labels)) {
					types.add(new EnumType(type.name(), labels, type.casts()));
				}
				else {
					types.add(new EnumType(type.name(), definition.get().orderToKeep(labels), type.casts()));
				}
			}
			else {
				types.add(type);
			}
		}
		return new SchemaModel(target.schema(), target.tables(), target.sequences(), types);
	}

}
