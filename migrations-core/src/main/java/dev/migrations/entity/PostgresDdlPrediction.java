package dev.migrations.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;

/**
 * What PostgreSQL would print for the tables and sequences of Hibernate's DDL, worked out without
 * running it, for the statements whose outcome is certain: so that a table the live database
 * already has exactly that way need not be created in the scratch schema at all.
 * <p>
 * Only the shapes Hibernate writes are understood, and within them only what the server prints in
 * one way: the built-in types Hibernate uses (spelled as {@code format_type} spells them), identity,
 * {@code not null}, inline and named unique constraints, primary keys, the enum checks Hibernate
 * adds ({@code col in ('A','B')} on a {@code varchar}, {@code col between 0 and 2} on an integer),
 * the bounds Bean Validation's {@code @Min} and {@code @Max} add on an integer column
 * ({@code (col>=0) and (col<=10)}, with non-negative {@code int} constants),
 * plain btree indexes, foreign keys and comments; names the server generates ({@code t_pkey},
 * {@code t_col_key}, {@code t_col_check}) only when nothing else in the model could take them. A
 * table with anything else (a default, a user's check, a named enum type, a quoted or over-long
 * name, an unknown type) is not predicted, and neither is anything when a statement is not one of
 * those shapes or objects are mapped to other schemas: those go through the scratch schema as
 * before.
 * <p>
 * A prediction is only a shortcut for an answer the server would give: the caller uses it where it
 * equals the live table, and materializes everything else, so every difference ever reported comes
 * from the server's own canonical text. Tests hold every prediction against the materialized result.
 */
public final class PostgresDdlPrediction {

	private static final int MAX_IDENTIFIER_LENGTH = 63;

	private final List<String> statements;

	// statement index -> the table it belongs to; absent for statements of no table
	private final Map<Integer, String> owners;

	// statement index -> the table its foreign key references
	private final Map<Integer, String> references;

	private final Set<Integer> createTableStatements;

	private final Map<Integer, Sequence> sequenceStatements;

	private final Map<String, Table> tables;

	private final Map<String, String> reasons;

	// statement index -> the index or foreign key it creates, when certain
	private final Map<Integer, Attachment> attachments;

	private final String disabledReason;

	private PostgresDdlPrediction(List<String> statements, Map<Integer, String> owners, Map<Integer, String> references,
			Set<Integer> createTableStatements, Map<Integer, Sequence> sequenceStatements, Map<String, Table> tables,
			Map<String, String> reasons, Map<Integer, Attachment> attachments, String disabledReason) {
		this.reasons = reasons;
		this.attachments = attachments;
		this.statements = statements;
		this.owners = owners;
		this.references = references;
		this.createTableStatements = createTableStatements;
		this.sequenceStatements = sequenceStatements;
		this.tables = Collections.unmodifiableMap(tables);
		this.disabledReason = disabledReason;
	}

	/**
	 * Predicts what the model's DDL creates.
	 * @param model the entity model
	 * @return the prediction; {@link #enabled()} is false when the DDL has a statement of an unknown shape
	 */
	public static PostgresDdlPrediction of(EntityModel model) {
		List<String> statements = model.createStatements();
		if (!model.schemaQualifiers().isEmpty()) {
			return disabled(statements, "objects are mapped to explicit schemas");
		}
		Builder builder = new Builder(statements);
		try {
			builder.classify();
		}
		catch (Unpredictable ex) {
			return disabled(statements, ex.getMessage());
		}
		return builder.build();
	}

	private static PostgresDdlPrediction disabled(List<String> statements, String reason) {
		return new PostgresDdlPrediction(statements, Map.of(), Map.of(), Set.of(), Map.of(), Map.of(), Map.of(),
				Map.of(), reason);
	}

	/** Whether any statement could be predicted; when not, {@link #disabledReason()} says why. */
	public boolean enabled() {
		return this.disabledReason == null;
	}

	/** Why nothing is predicted, {@code null} when {@link #enabled()}. */
	public String disabledReason() {
		return this.disabledReason;
	}

	/**
	 * @param name a table name in catalog spelling
	 * @return the table exactly as the introspector would read it after the DDL ran, when certain
	 */
	public Optional<Table> table(String name) {
		return Optional.ofNullable(this.tables.get(name));
	}

	/** Why each table that is not predicted is not, by table name. */
	public Map<String, String> reasons() {
		return this.reasons;
	}

	/** The tables whose outcome is certain, by name. */
	public Map<String, Table> tables() {
		return this.tables;
	}

	/** The stand-alone sequences whose outcome is certain, by name. */
	public Map<String, Sequence> sequences() {
		Map<String, Sequence> sequences = new LinkedHashMap<>();
		this.sequenceStatements.values().forEach((s) -> sequences.put(s.name(), s));
		return sequences;
	}

	/**
	 * The DDL that still has to run when some tables and sequences are known without it.
	 * @param skippedTables tables not needed from the scratch schema (known, or not compared)
	 * @param skippedSequences sequences not needed from the scratch schema
	 * @return the statements to run, in Hibernate's order, and the skipped tables that still have to
	 * be created because a foreign key that runs references them
	 */
	public Selection select(Set<String> skippedTables, Set<String> skippedSequences) {
		if (!enabled()) {
			return new Selection(this.statements, Set.of(), Map.of());
		}
		// the indexes and foreign keys of the tables that run, where certain, are added afterwards
		// instead of built (each index build ends in an fsync; a foreign key needs its target)
		Map<String, List<Index>> indexes = new HashMap<>();
		Map<String, List<ForeignKey>> foreignKeys = new HashMap<>();
		for (Map.Entry<Integer, Attachment> entry : this.attachments.entrySet()) {
			Attachment attachment = entry.getValue();
			if (!skippedTables.contains(attachment.table())) {
				if (attachment.index() != null) {
					indexes.computeIfAbsent(attachment.table(), (t) -> new ArrayList<>()).add(attachment.index());
				}
				else {
					foreignKeys.computeIfAbsent(attachment.table(), (t) -> new ArrayList<>()).add(attachment.foreignKey());
				}
			}
		}
		Set<String> support = new LinkedHashSet<>();
		for (Map.Entry<Integer, String> reference : this.references.entrySet()) {
			String owner = this.owners.get(reference.getKey());
			if (!skippedTables.contains(owner) && skippedTables.contains(reference.getValue())
					&& !this.attachments.containsKey(reference.getKey())) {
				support.add(reference.getValue());
			}
		}
		boolean[] keep = new boolean[this.statements.size()];
		StringBuilder kept = new StringBuilder();
		for (int i = 0; i < this.statements.size(); i++) {
			String owner = this.owners.get(i);
			if (owner != null) {
				keep[i] = !skippedTables.contains(owner) && !this.attachments.containsKey(i)
						|| (support.contains(owner) && this.createTableStatements.contains(i));
			}
			else {
				keep[i] = !this.sequenceStatements.containsKey(i);
			}
			if (keep[i]) {
				kept.append(this.statements.get(i).toLowerCase(Locale.ROOT)).append('\n');
			}
		}
		// a sequence runs unless it is skipped and no statement that runs names it (a default calling nextval)
		List<String> selected = new ArrayList<>();
		for (int i = 0; i < this.statements.size(); i++) {
			Sequence sequence = this.sequenceStatements.get(i);
			if (sequence != null) {
				keep[i] = !skippedSequences.contains(sequence.name()) || kept.indexOf(sequence.name()) >= 0;
			}
			if (keep[i]) {
				selected.add(this.statements.get(i));
			}
		}
		return new Selection(selected, support, attachments(indexes, foreignKeys));
	}

	private static Map<String, Attachments> attachments(Map<String, List<Index>> indexes,
			Map<String, List<ForeignKey>> foreignKeys) {
		Map<String, Attachments> attachments = new HashMap<>();
		Set<String> tables = new LinkedHashSet<>(indexes.keySet());
		tables.addAll(foreignKeys.keySet());
		for (String table : tables) {
			attachments.put(table, new Attachments(indexes.getOrDefault(table, List.of()),
					foreignKeys.getOrDefault(table, List.of())));
		}
		return attachments;
	}

	/**
	 * The statements to run in the scratch schema.
	 *
	 * @param statements the DDL, in Hibernate's order
	 * @param supportTables skipped tables created anyway, without their indexes and foreign keys,
	 * because a foreign key that runs references them: the scratch schema's copy of them is
	 * incomplete and must not be used
	 * @param attachments by table, the indexes and foreign keys whose statements were left out
	 * because their outcome is certain: to be added to the tables read back (see {@link #complete})
	 */
	public record Selection(List<String> statements, Set<String> supportTables, Map<String, Attachments> attachments) {

		public Selection {
			statements = List.copyOf(statements);
			supportTables = Set.copyOf(supportTables);
			attachments = Map.copyOf(attachments);
		}

		/**
		 * A table read back from the scratch schema with the indexes and foreign keys whose
		 * statements did not run.
		 * @param table the table as introspected
		 * @return the table as the whole DDL would have made it
		 */
		public Table complete(Table table) {
			Attachments attached = this.attachments.get(table.name());
			if (attached == null) {
				return table;
			}
			List<Index> indexes = new ArrayList<>(table.indexes());
			indexes.addAll(attached.indexes());
			indexes.sort(Comparator.comparing(Index::name));
			List<ForeignKey> foreignKeys = new ArrayList<>(table.foreignKeys());
			foreignKeys.addAll(attached.foreignKeys());
			foreignKeys.sort(Comparator.comparing(ForeignKey::name));
			return new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(), indexes,
					foreignKeys, table.checks(), table.comment());
		}

	}

	/**
	 * Indexes and foreign keys of one table, known without running their statements.
	 *
	 * @param indexes the indexes
	 * @param foreignKeys the foreign keys
	 */
	public record Attachments(List<Index> indexes, List<ForeignKey> foreignKeys) {

		public Attachments {
			indexes = List.copyOf(indexes);
			foreignKeys = List.copyOf(foreignKeys);
		}

	}

	/** A statement or table whose outcome this class cannot tell for certain. */
	private static final class Unpredictable extends Exception {

		private static final long serialVersionUID = 1L;

		Unpredictable(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * One pass over the statements: which table each belongs to, and the tables' predicted parts.
	 */
	private static final class Builder {

		private final List<String> statements;

		private final Map<Integer, String> owners = new HashMap<>();

		private final Map<Integer, String> references = new HashMap<>();

		private final Set<Integer> createTableStatements = new LinkedHashSet<>();

		private final Map<Integer, Sequence> sequences = new LinkedHashMap<>();

		private final Map<String, TableParts> tables = new LinkedHashMap<>();

		private final Map<String, String> reasons = new LinkedHashMap<>();

		private final Map<Integer, Attachment> indexStatements = new HashMap<>();

		private final Map<Integer, Map.Entry<String, ForeignKeyParts>> foreignKeyStatements = new HashMap<>();

		// every name the DDL gives or makes the server generate, with how often
		private final Map<String, Integer> names = new HashMap<>();

		Builder(List<String> statements) {
			this.statements = statements;
		}

		void classify() throws Unpredictable {
			for (int i = 0; i < this.statements.size(); i++) {
				Tokens tokens = Tokens.of(this.statements.get(i));
				if (tokens.isAt("create", "table")) {
					tokens.skip(2);
					createTable(i, tokens);
				}
				else if (tokens.isAt("create", "index") || tokens.isAt("create", "unique", "index")) {
					ownedStatement(i, tokens, this::createIndex);
				}
				else if (tokens.isAt("alter", "table")) {
					alterTable(i, tokens);
				}
				else if (tokens.isAt("comment", "on")) {
					ownedStatement(i, tokens, this::comment);
				}
				else if (tokens.isAt("create", "sequence")) {
					createSequence(i, tokens);
				}
				else if (tokens.isAt("create", "type")) {
					tokens.skip(2);
					name(tokens.identifier());
				}
				else if (!tokens.isAt("create", "cast")) {
					throw new Unpredictable("a statement of an unknown shape: " + this.statements.get(i));
				}
			}
		}

		// a statement of a known table that is not understood makes only that table unpredictable
		private void ownedStatement(int index, Tokens tokens, StatementParser parser) throws Unpredictable {
			try {
				parser.parse(index, tokens);
			}
			catch (Unpredictable ex) {
				String owner = this.owners.get(index);
				if (owner == null) {
					throw ex;
				}
				this.tables.get(owner).unpredictable = ex.getMessage();
			}
		}

		PostgresDdlPrediction build() {
			Map<String, Table> predicted = new LinkedHashMap<>();
			for (TableParts parts : this.tables.values()) {
				if (parts.unpredictable == null && !parts.namesAreUnique()) {
					parts.unpredictable = "a name the server would have to number";
				}
				if (parts.unpredictable == null) {
					Table table = parts.toTable(this.tables);
					if (table != null) {
						predicted.put(table.name(), table);
					}
					else {
						parts.unpredictable = "a foreign key to a table without a known key, or a comment on no column";
					}
				}
				if (parts.unpredictable != null) {
					this.reasons.put(parts.name, parts.unpredictable);
				}
			}
			Map<Integer, Sequence> sequences = new LinkedHashMap<>();
			this.sequences.forEach((index, sequence) -> {
				if (sequence != null && this.names.get(sequence.name()) == 1) {
					sequences.put(index, sequence);
				}
			});
			Map<Integer, Attachment> attachments = new HashMap<>();
			this.indexStatements.forEach((index, attachment) -> {
				if (this.names.get(attachment.index().name()) == 1) {
					attachments.put(index, attachment);
				}
			});
			this.foreignKeyStatements.forEach((index, entry) -> {
				ForeignKey foreignKey = this.tables.get(entry.getKey()).foreignKey(entry.getValue(), this.tables);
				if (foreignKey != null && this.names.get(foreignKey.name()) == 1) {
					attachments.put(index, new Attachment(entry.getKey(), null, foreignKey));
				}
			});
			return new PostgresDdlPrediction(this.statements, this.owners, this.references,
					this.createTableStatements, sequences, predicted, this.reasons, attachments, null);
		}

		private String name(String name) {
			this.names.merge(name, 1, Integer::sum);
			return name;
		}

		private TableParts table(String name) throws Unpredictable {
			TableParts parts = this.tables.get(name);
			if (parts == null) {
				throw new Unpredictable("a statement on the table " + name + " before its create table");
			}
			return parts;
		}

		private void createTable(int index, Tokens tokens) throws Unpredictable {
			String name = name(tokens.identifier());
			if (this.tables.containsKey(name)) {
				throw new Unpredictable("two create table statements for " + name);
			}
			TableParts parts = new TableParts(name, this.names);
			this.tables.put(name, parts);
			this.owners.put(index, name);
			this.createTableStatements.add(index);
			tokens.expect("(");
			try {
				do {
					element(parts, tokens);
				}
				while (tokens.accept(","));
				tokens.expect(")");
				tokens.expectEnd();
			}
			catch (Unpredictable ex) {
				parts.unpredictable = ex.getMessage();
				// foreign keys that reference the table without columns still need its key
				parts.primaryKey = tokens.primaryKey();
			}
		}

		private void element(TableParts parts, Tokens tokens) throws Unpredictable {
			if (tokens.isAt("primary", "key")) {
				tokens.skip(2);
				parts.primaryKey = tokens.identifierList();
				parts.primaryKeyName = parts.generated(null, "pkey");
			}
			else if (tokens.isAt("constraint")) {
				tokens.skip(1);
				String constraint = name(tokens.identifier());
				if (!tokens.accept("unique")) {
					throw new Unpredictable("a named constraint other than unique");
				}
				parts.uniques.add(new UniqueConstraint(constraint, tokens.identifierList()));
			}
			else if (tokens.isAt("unique")) {
				tokens.skip(1);
				List<String> columns = tokens.identifierList();
				parts.uniques.add(new UniqueConstraint(parts.generated(String.join("_", columns), "key"), columns));
			}
			else if (tokens.isAt("check") || tokens.isAt("foreign") || tokens.isAt("exclude")) {
				throw new Unpredictable("a table constraint");
			}
			else {
				column(parts, tokens);
			}
		}

		private void column(TableParts parts, Tokens tokens) throws Unpredictable {
			String name = tokens.identifier();
			String type = type(tokens);
			boolean nullable = true;
			Column.Identity identity = null;
			while (!tokens.isAt(",") && !tokens.isAt(")")) {
				if (tokens.isAt("generated", "by", "default", "as", "identity")) {
					tokens.skip(5);
					identity = Column.Identity.BY_DEFAULT;
					nullable = false;
				}
				else if (tokens.isAt("generated", "always", "as", "identity")) {
					tokens.skip(4);
					identity = Column.Identity.ALWAYS;
					nullable = false;
				}
				else if (tokens.isAt("not", "null")) {
					tokens.skip(2);
					nullable = false;
				}
				else if (tokens.isAt("unique")) {
					tokens.skip(1);
					parts.uniques.add(new UniqueConstraint(parts.generated(name, "key"), List.of(name)));
				}
				else if (tokens.isAt("check")) {
					tokens.skip(1);
					parts.checks.add(new CheckConstraint(parts.generated(name, "check"), check(name, type, tokens)));
				}
				else {
					throw new Unpredictable("the column option " + tokens.peek());
				}
			}
			parts.columns.add(new Column(name, type, nullable, null, identity, null));
		}

		// the type as format_type prints it
		private static String type(Tokens tokens) throws Unpredictable {
			String base = tokens.word();
			String type;
			switch (base) {
				case "varchar" -> type = "character varying" + tokens.optionalModifier();
				case "char" -> {
					String length = tokens.optionalModifier();
					type = "character" + (length.isEmpty() ? "(1)" : length);
				}
				case "bigint", "integer", "smallint", "boolean", "date", "text", "bytea", "uuid", "jsonb", "json",
						"oid", "real", "xml", "inet" -> type = base;
				case "float4" -> type = "real";
				case "float8" -> type = "double precision";
				case "int2" -> type = "smallint";
				case "int4", "int" -> type = "integer";
				case "int8" -> type = "bigint";
				case "bool" -> type = "boolean";
				case "double" -> {
					tokens.expect("precision");
					type = "double precision";
				}
				case "numeric" -> {
					List<String> numbers = tokens.optionalNumbers();
					if (numbers.isEmpty()) {
						type = "numeric";
					}
					else {
						type = "numeric(" + numbers.get(0) + "," + ((numbers.size() > 1) ? numbers.get(1) : "0") + ")";
					}
				}
				case "float" -> {
					List<String> numbers = tokens.optionalNumbers();
					type = (numbers.size() == 1 && Integer.parseInt(numbers.get(0)) <= 24) ? "real" : "double precision";
					if (numbers.size() > 1) {
						throw new Unpredictable("float with two modifiers");
					}
				}
				case "timestamp", "time" -> {
					String precision = tokens.optionalModifier();
					String zone = " without time zone";
					if (tokens.isAt("with", "time", "zone")) {
						tokens.skip(3);
						zone = " with time zone";
					}
					else if (tokens.isAt("without", "time", "zone")) {
						tokens.skip(3);
					}
					type = base + precision + zone;
				}
				default -> throw new Unpredictable("the type " + base);
			}
			if (tokens.isAt("array")) {
				tokens.skip(1);
				type = type + "[]";
			}
			return type;
		}

		// Hibernate's column checks, as pg_get_constraintdef(oid, true) prints them without CHECK ( ):
		// one enum check, or the bounds Bean Validation's @Min and @Max add, joined by "and"
		private static String check(String column, String type, Tokens tokens) throws Unpredictable {
			tokens.expect("(");
			if (PostgresIdentifiers.needsQuoting(column)) {
				throw new Unpredictable("a check on a quoted column");
			}
			List<String> bounds = new ArrayList<>();
			String enumCheck = null;
			do {
				tokens.expect("(");
				if (!column.equals(tokens.identifier())) {
					throw new Unpredictable("a check on another column");
				}
				String bound = bound(column, type, tokens);
				if (bound != null) {
					bounds.add(bound);
				}
				else if (enumCheck == null && bounds.isEmpty()) {
					enumCheck = enumCheck(column, type, tokens);
				}
				else {
					throw new Unpredictable("an enum check joined with other conditions");
				}
				tokens.expect(")");
			}
			while (tokens.accept("and"));
			tokens.expect(")");
			return (enumCheck != null) ? enumCheck : String.join(" AND ", bounds);
		}

		private static String enumCheck(String column, String type, Tokens tokens) throws Unpredictable {
			if (tokens.accept("in") && type.startsWith("character varying")) {
				tokens.expect("(");
				List<String> labels = new ArrayList<>();
				do {
					String label = tokens.string();
					if (label.contains("'") || label.contains("\\")) {
						throw new Unpredictable("a quote in an enum label");
					}
					labels.add(label);
				}
				while (tokens.accept(","));
				tokens.expect(")");
				if (labels.size() == 1) {
					return column + "::text = '" + labels.get(0) + "'::text";
				}
				StringBuilder array = new StringBuilder();
				for (String label : labels) {
					array.append(array.isEmpty() ? "" : ", ").append('\'').append(label).append("'::character varying");
				}
				return column + "::text = ANY (ARRAY[" + array + "]::text[])";
			}
			if (tokens.accept("between") && isInteger(type)) {
				String low = plainInteger(tokens.number());
				tokens.expect("and");
				String high = plainInteger(tokens.number());
				return column + " >= " + low + " AND " + column + " <= " + high;
			}
			throw new Unpredictable("a check other than Hibernate's enum checks and Bean Validation's bounds");
		}

		// col>=n (@Min) or col<=n (@Max) on an integer column; null when the condition is something else
		private static String bound(String column, String type, Tokens tokens) throws Unpredictable {
			String operator;
			if (tokens.isAtOther(">", "=")) {
				operator = " >= ";
			}
			else if (tokens.isAtOther("<", "=")) {
				operator = " <= ";
			}
			else {
				return null;
			}
			tokens.skip(2);
			if (!isInteger(type)) {
				// the server casts the constant to the column's type and prints the cast
				throw new Unpredictable("a bound on a column of type " + type);
			}
			return column + operator + plainInteger(tokens.number());
		}

		private static boolean isInteger(String type) {
			return type.equals("smallint") || type.equals("integer") || type.equals("bigint");
		}

		// a constant the server prints as written: a non-negative integer of type integer; negative
		// ones are printed as '-1'::integer, larger ones as '...'::bigint
		private static String plainInteger(String number) throws Unpredictable {
			if (number.startsWith("-") || number.length() > 10 || Long.parseLong(number) > Integer.MAX_VALUE) {
				throw new Unpredictable("a constant the server prints with a cast: " + number);
			}
			return number;
		}

		private void createIndex(int index, Tokens tokens) throws Unpredictable {
			tokens.skip(1);
			boolean unique = tokens.accept("unique");
			tokens.skip(1);
			String name = name(tokens.identifier());
			tokens.expect("on");
			TableParts parts = table(tokens.identifier());
			this.owners.put(index, parts.name);
			List<String> elements = new ArrayList<>();
			boolean certain = true;
			tokens.expect("(");
			do {
				String column = tokens.identifier();
				if (PostgresIdentifiers.needsQuoting(column)) {
					parts.unpredictable = "an index on a quoted column";
					certain = false;
				}
				if (tokens.accept("desc")) {
					column = column + " DESC";
				}
				else {
					tokens.accept("asc");
				}
				elements.add(column);
			}
			while (tokens.accept(","));
			tokens.expect(")");
			if (!tokens.atEnd()) {
				parts.unpredictable = "index options";
				certain = false;
			}
			Index created = new Index(name, elements, unique, "btree", null, List.of());
			parts.indexes.add(created);
			if (certain) {
				this.indexStatements.put(index, new Attachment(parts.name, created, null));
			}
		}

		private void alterTable(int index, Tokens tokens) throws Unpredictable {
			tokens.skip(2);
			if (tokens.isAt("if", "exists")) {
				tokens.skip(2);
			}
			TableParts parts = table(tokens.identifier());
			this.owners.put(index, parts.name);
			tokens.expect("add");
			tokens.expect("constraint");
			String name = name(tokens.identifier());
			if (tokens.accept("unique")) {
				parts.uniques.add(new UniqueConstraint(name, tokens.identifierList()));
			}
			else if (tokens.isAt("foreign", "key")) {
				tokens.skip(2);
				List<String> columns = tokens.identifierList();
				tokens.expect("references");
				String referenced = tokens.identifier();
				this.references.put(index, referenced);
				List<String> referencedColumns = tokens.isAt("(") ? tokens.identifierList() : null;
				ForeignKey.Action onDelete = ForeignKey.Action.NO_ACTION;
				if (tokens.isAt("on", "delete")) {
					tokens.skip(2);
					onDelete = action(tokens);
				}
				ForeignKeyParts foreignKey = new ForeignKeyParts(name, columns, referenced, referencedColumns, onDelete);
				parts.foreignKeys.add(foreignKey);
				if (!tokens.atEnd()) {
					parts.unpredictable = "foreign key options";
				}
				else {
					this.foreignKeyStatements.put(index, Map.entry(parts.name, foreignKey));
				}
			}
			else {
				throw new Unpredictable("an alter table other than unique and foreign key constraints: "
						+ this.statements.get(index));
			}
		}

		private static ForeignKey.Action action(Tokens tokens) throws Unpredictable {
			if (tokens.accept("cascade")) {
				return ForeignKey.Action.CASCADE;
			}
			if (tokens.accept("restrict")) {
				return ForeignKey.Action.RESTRICT;
			}
			if (tokens.isAt("set", "null")) {
				tokens.skip(2);
				return ForeignKey.Action.SET_NULL;
			}
			if (tokens.isAt("set", "default")) {
				tokens.skip(2);
				return ForeignKey.Action.SET_DEFAULT;
			}
			if (tokens.isAt("no", "action")) {
				tokens.skip(2);
				return ForeignKey.Action.NO_ACTION;
			}
			throw new Unpredictable("the foreign key action " + tokens.peek());
		}

		private void comment(int index, Tokens tokens) throws Unpredictable {
			tokens.skip(2);
			if (tokens.accept("table")) {
				TableParts parts = table(tokens.identifier());
				this.owners.put(index, parts.name);
				tokens.expect("is");
				parts.comment = tokens.string();
				if (!tokens.atEnd()) {
					parts.unpredictable = "a comment of an unknown shape";
				}
			}
			else if (tokens.accept("column")) {
				TableParts parts = table(tokens.identifier());
				this.owners.put(index, parts.name);
				tokens.expect(".");
				String column = tokens.identifier();
				tokens.expect("is");
				parts.columnComments.put(column, tokens.string());
				if (!tokens.atEnd()) {
					parts.unpredictable = "a comment of an unknown shape";
				}
			}
			else {
				throw new Unpredictable("a comment on something other than a table or column");
			}
		}

		private void createSequence(int index, Tokens tokens) throws Unpredictable {
			tokens.skip(2);
			String name = name(tokens.identifier());
			Sequence sequence = null;
			try {
				tokens.expect("start");
				tokens.expect("with");
				long start = Long.parseLong(tokens.number());
				tokens.expect("increment");
				tokens.expect("by");
				long increment = Long.parseLong(tokens.number());
				tokens.expectEnd();
				if (start >= 1 && increment > 0 && name.length() <= MAX_IDENTIFIER_LENGTH) {
					sequence = new Sequence(name, "bigint", start, increment, 1, Long.MAX_VALUE, 1, false);
				}
			}
			catch (Unpredictable | NumberFormatException ex) {
				// created in the scratch schema like any statement of another shape
			}
			this.sequences.put(index, sequence);
		}

	}

	@FunctionalInterface
	private interface StatementParser {

		void parse(int index, Tokens tokens) throws Unpredictable;

	}

	/** An index or foreign key of a table, known without running its statement. */
	private record Attachment(String table, Index index, ForeignKey foreignKey) {

	}

	private record ForeignKeyParts(String name, List<String> columns, String referencedTable,
			List<String> referencedColumns, ForeignKey.Action onDelete) {

	}

	/** What the statements say about one table, filled in as they come. */
	private static final class TableParts {

		final String name;

		final Map<String, Integer> names;

		final List<Column> columns = new ArrayList<>();

		List<String> primaryKey;

		String primaryKeyName;

		final List<UniqueConstraint> uniques = new ArrayList<>();

		final List<Index> indexes = new ArrayList<>();

		final List<ForeignKeyParts> foreignKeys = new ArrayList<>();

		final List<CheckConstraint> checks = new ArrayList<>();

		final Map<String, String> columnComments = new HashMap<>();

		final List<String> generatedNames = new ArrayList<>();

		String comment;

		String unpredictable;

		TableParts(String name, Map<String, Integer> names) {
			this.name = name;
			this.names = names;
			if (name.length() > MAX_IDENTIFIER_LENGTH) {
				this.unpredictable = "a name longer than the server keeps";
			}
		}

		// the name the server makes up: table_column_label (table_label without a column), when it
		// needs no truncation
		String generated(String column, String label) {
			String generated = this.name + "_" + ((column != null) ? column + "_" : "") + label;
			if (generated.length() > MAX_IDENTIFIER_LENGTH) {
				this.unpredictable = "a generated name the server would truncate";
			}
			this.generatedNames.add(generated);
			this.names.merge(generated, 1, Integer::sum);
			return generated;
		}

		// a generated name the server would give another object gets a number instead
		boolean namesAreUnique() {
			for (String generated : this.generatedNames) {
				if (this.names.get(generated) > 1) {
					return false;
				}
			}
			for (Index index : this.indexes) {
				if (this.names.get(index.name()) > 1) {
					return false;
				}
			}
			for (ForeignKeyParts foreignKey : this.foreignKeys) {
				if (this.names.get(foreignKey.name()) > 1) {
					return false;
				}
			}
			for (UniqueConstraint unique : this.uniques) {
				if (this.names.getOrDefault(unique.name(), 0) > 1) {
					return false;
				}
			}
			return this.names.get(this.name) == 1;
		}

		Table toTable(Map<String, TableParts> tables) {
			PrimaryKey key = null;
			List<Column> columns = new ArrayList<>(this.columns);
			if (this.primaryKey != null) {
				key = new PrimaryKey(this.primaryKeyName, this.primaryKey);
				for (int i = 0; i < columns.size(); i++) {
					Column column = columns.get(i);
					if (this.primaryKey.contains(column.name())) {
						columns.set(i, new Column(column.name(), column.type(), false, null, column.identity(), null));
					}
				}
			}
			for (int i = 0; i < columns.size(); i++) {
				Column column = columns.get(i);
				String comment = this.columnComments.get(column.name());
				if (comment != null) {
					columns.set(i, new Column(column.name(), column.type(), column.nullable(),
							column.defaultExpression(), column.identity(), comment));
				}
			}
			if (columns.stream().map(Column::name).distinct().count() != columns.size()
					|| !columns.stream().map(Column::name).toList().containsAll(this.columnComments.keySet())) {
				return null;
			}
			List<ForeignKey> foreignKeys = new ArrayList<>();
			for (ForeignKeyParts parts : this.foreignKeys) {
				ForeignKey foreignKey = foreignKey(parts, tables);
				if (foreignKey == null) {
					return null;
				}
				foreignKeys.add(foreignKey);
			}
			return new Table(this.name, columns, key, sorted(this.uniques, UniqueConstraint::name),
					sorted(this.indexes, Index::name), sorted(foreignKeys, ForeignKey::name),
					sorted(this.checks, CheckConstraint::name), this.comment);
		}

		// without columns, a foreign key references the primary key
		ForeignKey foreignKey(ForeignKeyParts parts, Map<String, TableParts> tables) {
			List<String> referencedColumns = parts.referencedColumns();
			if (referencedColumns == null) {
				TableParts referenced = tables.get(parts.referencedTable());
				if (referenced == null || referenced.primaryKey == null) {
					return null;
				}
				referencedColumns = referenced.primaryKey;
			}
			return new ForeignKey(parts.name(), parts.columns(), null, parts.referencedTable(), referencedColumns,
					parts.onDelete(), ForeignKey.Action.NO_ACTION);
		}

		private static <T> List<T> sorted(Collection<T> items, Function<T, String> name) {
			List<T> list = new ArrayList<>(items);
			list.sort(Comparator.comparing(name));
			return list;
		}

	}

	/**
	 * Hibernate's DDL as tokens: words (unquoted names folded to lower case, as the server folds
	 * them), quoted names, string literals, numbers and single punctuation characters.
	 */
	private static final class Tokens {

		private final List<String> kinds = new ArrayList<>();

		private final List<String> values = new ArrayList<>();

		private int position;

		static Tokens of(String sql) throws Unpredictable {
			Tokens tokens = new Tokens();
			int i = 0;
			int length = sql.length();
			while (i < length) {
				char c = sql.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (c == '"' || c == '\'') {
					StringBuilder text = new StringBuilder();
					int j = i + 1;
					while (true) {
						if (j >= length) {
							throw new Unpredictable("an unterminated quote");
						}
						char d = sql.charAt(j);
						if (d == c) {
							if (j + 1 < length && sql.charAt(j + 1) == c) {
								text.append(c);
								j += 2;
								continue;
							}
							break;
						}
						text.append(d);
						j++;
					}
					tokens.add((c == '"') ? "quoted" : "string", text.toString());
					i = j + 1;
				}
				else if (isWordStart(c)) {
					int j = i + 1;
					while (j < length && isWordPart(sql.charAt(j))) {
						j++;
					}
					tokens.add("word", sql.substring(i, j).toLowerCase(Locale.ROOT));
					i = j;
				}
				else if (c >= '0' && c <= '9' || c == '-' && i + 1 < length && Character.isDigit(sql.charAt(i + 1))) {
					int j = i + 1;
					while (j < length && Character.isDigit(sql.charAt(j))) {
						j++;
					}
					if (j < length && (sql.charAt(j) == '.' || isWordPart(sql.charAt(j)))) {
						throw new Unpredictable("a number that is not an integer");
					}
					tokens.add("number", sql.substring(i, j));
					i = j;
				}
				else if (c == '(' || c == ')' || c == ',' || c == '.') {
					tokens.add("punct", String.valueOf(c));
					i++;
				}
				else {
					tokens.add("other", String.valueOf(c));
					i++;
				}
			}
			return tokens;
		}

		private static boolean isWordStart(char c) {
			return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
		}

		private static boolean isWordPart(char c) {
			return isWordStart(c) || c >= '0' && c <= '9' || c == '$';
		}

		private void add(String kind, String value) {
			this.kinds.add(kind);
			this.values.add(value);
		}

		// words and punctuation in a row, e.g. isAt("not", "null")
		boolean isAt(String... expected) {
			if (this.position + expected.length > this.values.size()) {
				return false;
			}
			for (int k = 0; k < expected.length; k++) {
				String kind = this.kinds.get(this.position + k);
				if (!(kind.equals("word") || kind.equals("punct")) || !this.values.get(this.position + k).equals(expected[k])) {
					return false;
				}
			}
			return true;
		}

		void skip(int count) {
			this.position += count;
		}

		boolean accept(String expected) {
			if (isAt(expected)) {
				this.position++;
				return true;
			}
			return false;
		}

		// operator characters in a row, e.g. isAtOther(">", "=")
		boolean isAtOther(String... expected) {
			if (this.position + expected.length > this.values.size()) {
				return false;
			}
			for (int k = 0; k < expected.length; k++) {
				if (!this.kinds.get(this.position + k).equals("other")
						|| !this.values.get(this.position + k).equals(expected[k])) {
					return false;
				}
			}
			return true;
		}

		// a word or punctuation
		void expect(String expected) throws Unpredictable {
			if (!accept(expected)) {
				throw new Unpredictable("expected " + expected + " at " + peek());
			}
		}

		boolean atEnd() {
			return this.position >= this.values.size();
		}

		void expectEnd() throws Unpredictable {
			if (!atEnd()) {
				throw new Unpredictable("more after the statement's end: " + peek());
			}
		}

		String peek() {
			return atEnd() ? "the end" : this.values.get(this.position);
		}

		private String next(String kind) throws Unpredictable {
			if (atEnd() || !this.kinds.get(this.position).equals(kind)) {
				throw new Unpredictable("expected a " + kind + " at " + peek());
			}
			return this.values.get(this.position++);
		}

		String word() throws Unpredictable {
			return next("word");
		}

		String string() throws Unpredictable {
			return next("string");
		}

		String number() throws Unpredictable {
			return next("number");
		}

		// a name as the catalog stores it; a qualified or over-long one is not predicted
		String identifier() throws Unpredictable {
			String name;
			if (!atEnd() && this.kinds.get(this.position).equals("quoted")) {
				name = this.values.get(this.position++);
			}
			else {
				name = word();
			}
			if (name.isEmpty() || name.length() > MAX_IDENTIFIER_LENGTH) {
				throw new Unpredictable("the name " + name);
			}
			return name;
		}

		List<String> identifierList() throws Unpredictable {
			expect("(");
			List<String> names = new ArrayList<>();
			do {
				names.add(identifier());
			}
			while (accept(","));
			expect(")");
			return names;
		}

		// the columns of a create table's "primary key (...)" wherever it is, null when none
		List<String> primaryKey() {
			int depth = 0;
			for (int k = 0; k + 2 < this.values.size(); k++) {
				String value = this.values.get(k);
				if (this.kinds.get(k).equals("punct") && value.equals("(")) {
					depth++;
				}
				else if (this.kinds.get(k).equals("punct") && value.equals(")")) {
					depth--;
				}
				else if (depth == 1 && this.kinds.get(k).equals("word") && value.equals("primary")) {
					this.position = k;
					if (isAt("primary", "key", "(")) {
						skip(2);
						try {
							return identifierList();
						}
						catch (Unpredictable ex) {
							return null;
						}
					}
				}
			}
			return null;
		}

		// (n) after a type, as text, or empty
		String optionalModifier() throws Unpredictable {
			List<String> numbers = optionalNumbers();
			if (numbers.size() > 1) {
				throw new Unpredictable("two modifiers");
			}
			return numbers.isEmpty() ? "" : "(" + numbers.get(0) + ")";
		}

		List<String> optionalNumbers() throws Unpredictable {
			if (!accept("(")) {
				return List.of();
			}
			List<String> numbers = new ArrayList<>();
			do {
				numbers.add(number());
			}
			while (accept(","));
			expect(")");
			return numbers;
		}

	}

}
