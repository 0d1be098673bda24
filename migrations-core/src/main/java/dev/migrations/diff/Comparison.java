package dev.migrations.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrations.MigrationsException;
import dev.migrations.diff.DiffOptions.Rename;
import dev.migrations.diff.Operation.AddCheck;
import dev.migrations.diff.Operation.AddColumn;
import dev.migrations.diff.Operation.AddEnumValue;
import dev.migrations.diff.Operation.AddForeignKey;
import dev.migrations.diff.Operation.AddPrimaryKey;
import dev.migrations.diff.Operation.AddUnique;
import dev.migrations.diff.Operation.AlterColumn;
import dev.migrations.diff.Operation.AlterSequence;
import dev.migrations.diff.Operation.CreateEnumType;
import dev.migrations.diff.Operation.CreateIndex;
import dev.migrations.diff.Operation.CreateSequence;
import dev.migrations.diff.Operation.CreateTable;
import dev.migrations.diff.Operation.DropCheck;
import dev.migrations.diff.Operation.DropColumn;
import dev.migrations.diff.Operation.DropEnumType;
import dev.migrations.diff.Operation.DropForeignKey;
import dev.migrations.diff.Operation.DropIndex;
import dev.migrations.diff.Operation.DropPrimaryKey;
import dev.migrations.diff.Operation.DropSequence;
import dev.migrations.diff.Operation.DropTable;
import dev.migrations.diff.Operation.DropUnique;
import dev.migrations.diff.Operation.RecreateEnumType;
import dev.migrations.diff.Operation.RenameColumn;
import dev.migrations.diff.Operation.RenameConstraint;
import dev.migrations.diff.Operation.RenameEnumValue;
import dev.migrations.diff.Operation.RenameSequence;
import dev.migrations.diff.Operation.RenameTable;
import dev.migrations.diff.Operation.SetColumnComment;
import dev.migrations.diff.Operation.SetTableComment;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;

/** One run of {@link SchemaDiffer}: the comparators and the phase lists they fill. */
final class Comparison {

	/** An index element that is a column name alone, as the server prints it: no expression, DESC or operator class. */
	private static final Pattern PLAIN_COLUMN = Pattern
		.compile("[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\"");

	/** A word of an expression, or a quoted identifier (group 1 without its quotes). */
	private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")+)\"|[A-Za-z_][A-Za-z0-9_$]*");

	/**
	 * The bookkeeping tables of other migration tools (Liquibase's, Flyway's default), left alone
	 * unless the entities map a table of that name: a database migrated by them, or moving from them,
	 * has them without the entities owning them.
	 */
	private static final Set<String> OTHER_TOOLS_TABLES = Set.of("databasechangelog", "databasechangeloglock",
			"flyway_schema_history");

	private final SchemaModel current;

	private final SchemaModel target;

	private final DiffOptions options;

	private final Map<String, Table> currentTables = new TreeMap<>();

	private final Map<String, Table> targetTables = new TreeMap<>();

	/** Current table name to target table name, for renamed tables. */
	private final Map<String, String> tableRenames = new HashMap<>();

	/** Matched tables by target name. */
	private final Map<String, TablePair> pairs = new TreeMap<>();

	/** Matched tables by current name. */
	private final Map<String, TablePair> pairsByCurrentName = new HashMap<>();

	private final Map<String, String> createNotes = new HashMap<>();

	private final Map<String, String> dropNotes = new HashMap<>();

	/** How many objects of either model, or added by this comparison, carry each constraint or index name. */
	private final Map<String, Integer> usedNames = new HashMap<>();

	/** The names of every constraint and index in the database. */
	private final Set<String> currentNames = new HashSet<>();

	/** (target table, name) of the constraints and indexes a matched table keeps in the database. */
	private final Set<List<String>> keptNames = new HashSet<>();

	/** Keys (target table, columns) that are dropped: foreign keys referencing them must follow. */
	private final Set<List<Object>> droppedKeys = new HashSet<>();

	private final List<ForeignKeyMatch> foreignKeyMatches = new ArrayList<>();

	/** (target table, column) of the columns whose type changes, each with its type before and after. */
	private final Map<List<String>, List<String>> retypedColumns = new HashMap<>();

	// The phases, in execution order.
	private final List<Operation> dropForeignKeys = new ArrayList<>();

	/** Generated columns dropped, or dropped to be added again: before the columns they read go. */
	private final List<Operation> dropGeneratedColumns = new ArrayList<>();

	/** Generated columns added: after the columns they read are added. */
	private final List<Operation> addGeneratedColumns = new ArrayList<>();

	private final List<Operation> dropChecks = new ArrayList<>();

	private final List<Operation> dropIndexes = new ArrayList<>();

	private final List<Operation> dropUniques = new ArrayList<>();

	private final List<Operation> dropPrimaryKeys = new ArrayList<>();

	private final List<Operation> createTypes = new ArrayList<>();

	private final List<Operation> createSequences = new ArrayList<>();

	private final List<Operation> enumValues = new ArrayList<>();

	// tables and columns of an enum type whose labels change that the script drops: dropped before the type
	// changes rather than converted to a type their rows may not fit
	private final List<Operation> dropsBeforeEnumValues = new ArrayList<>();

	// enum labels renamed in place, by type (from, to): found before the columns are compared, as defaults and
	// checks that name the old label name the new one once the label is renamed
	private final Map<String, LabelRename> labelRenames = new HashMap<>();

	/** A label of an enum type renamed in place, asked for or guessed. */
	private record LabelRename(String from, String to, boolean proposed) {
	}

	private final List<Operation> renameTables = new ArrayList<>();

	/** Constraints and indexes of renamed tables whose names follow the table's name. */
	private final List<Operation> renameConstraints = new ArrayList<>();

	private final List<Operation> createTables = new ArrayList<>();

	private final List<Operation> renameColumns = new ArrayList<>();

	private final List<Operation> addColumns = new ArrayList<>();

	private final List<Operation> alterColumns = new ArrayList<>();

	private final List<Operation> comments = new ArrayList<>();

	private final List<Operation> dropColumns = new ArrayList<>();

	private final List<Operation> dropTables = new ArrayList<>();

	private final List<Operation> addPrimaryKeys = new ArrayList<>();

	private final List<Operation> addUniques = new ArrayList<>();

	private final List<Operation> createIndexes = new ArrayList<>();

	private final List<Operation> addChecks = new ArrayList<>();

	private final List<Operation> addForeignKeys = new ArrayList<>();

	private final List<Operation> dropSequences = new ArrayList<>();

	private final List<Operation> dropTypes = new ArrayList<>();

	Comparison(SchemaModel current, SchemaModel target, DiffOptions options) {
		this.current = current;
		this.target = target;
		this.options = options;
		Set<String> targetNames = new HashSet<>();
		target.tables().forEach((table) -> targetNames.add(table.name()));
		for (Table table : current.tables()) {
			boolean otherTools = OTHER_TOOLS_TABLES.contains(table.name().toLowerCase(Locale.ROOT))
					&& !targetNames.contains(table.name());
			if (options.tableFilter().test(table.name()) && !otherTools) {
				this.currentTables.put(table.name(), table);
			}
		}
		for (Table table : target.tables()) {
			if (options.tableFilter().test(table.name())) {
				this.targetTables.put(table.name(), table);
			}
		}
		for (SchemaModel model : List.of(current, target)) {
			for (Table table : model.tables()) {
				collectNames(table);
			}
		}
		Map<String, Integer> used = new HashMap<>(this.usedNames);
		this.usedNames.clear();
		for (Table table : current.tables()) {
			collectNames(table);
		}
		this.currentNames.addAll(this.usedNames.keySet());
		this.usedNames.clear();
		this.usedNames.putAll(used);
	}

	List<Operation> operations() {
		findLabelRenames();
		matchTables();
		for (TablePair pair : this.pairs.values()) {
			matchColumns(pair);
		}
		requireColumnRenamesMatched();
		for (TablePair pair : this.pairs.values()) {
			compareColumns(pair);
			compareConstraints(pair);
		}
		for (Table table : this.targetTables.values()) {
			if (!this.pairs.containsKey(table.name())) {
				createTable(table);
			}
		}
		for (Table table : this.currentTables.values()) {
			if (!this.pairsByCurrentName.containsKey(table.name())) {
				dropTable(table);
			}
		}
		recreateDependentForeignKeys();
		compareEnumTypes();
		compareSequences();
		List<Operation> all = new ArrayList<>();
		for (List<Operation> phase : List.of(this.dropForeignKeys, this.dropChecks, this.dropIndexes, this.dropUniques,
				this.dropPrimaryKeys, this.createTypes, this.createSequences, this.dropsBeforeEnumValues, this.enumValues, this.renameTables,
				this.renameConstraints, this.createTables, this.renameColumns, this.dropGeneratedColumns, this.addColumns, this.alterColumns,
				this.addGeneratedColumns, this.comments, this.dropColumns, this.dropTables, this.addPrimaryKeys, this.addUniques, this.createIndexes,
				this.addChecks, this.addForeignKeys, this.dropSequences, this.dropTypes)) {
			all.addAll(phase);
		}
		return List.copyOf(all);
	}

	// Tables

	private void matchTables() {
		Set<String> onlyCurrent = new TreeSet<>(this.currentTables.keySet());
		onlyCurrent.removeAll(this.targetTables.keySet());
		Set<String> onlyTarget = new TreeSet<>(this.targetTables.keySet());
		onlyTarget.removeAll(this.currentTables.keySet());
		for (Rename rename : this.options.renames()) {
			if (!rename.isColumn() && !rename.label()) {
				requireTableRename(rename, onlyCurrent, onlyTarget);
				onlyCurrent.remove(rename.from());
				onlyTarget.remove(rename.to());
				this.tableRenames.put(rename.from(), rename.to());
				this.renameTables.add(new RenameTable(rename.from(), rename.to()));
			}
		}
		if (this.options.renameMode() == RenameMode.PROPOSE_RENAME) {
			proposeTableRenames(onlyCurrent, onlyTarget);
		}
		for (String name : this.targetTables.keySet()) {
			if (this.currentTables.containsKey(name)) {
				addPair(new TablePair(this.currentTables.get(name), this.targetTables.get(name)));
			}
		}
		this.tableRenames.forEach((from, to) -> addPair(new TablePair(this.currentTables.get(from), this.targetTables.get(to))));
	}

	private void requireTableRename(Rename rename, Set<String> onlyCurrent, Set<String> onlyTarget) {
		String problem = null;
		if (!this.currentTables.containsKey(rename.from())) {
			problem = "the database has no table " + rename.from() + " (or the table filter leaves it out)";
		}
		else if (!this.targetTables.containsKey(rename.to())) {
			problem = "the entities map no table " + rename.to() + " (or the table filter leaves it out)";
		}
		else if (!onlyCurrent.contains(rename.from())) {
			problem = "the entities still map a table " + rename.from();
		}
		else if (!onlyTarget.contains(rename.to())) {
			problem = "the database already has a table " + rename.to();
		}
		if (problem != null) {
			throw new MigrationsException("Cannot rename table " + rename.from() + " to " + rename.to() + ": " + problem
					+ ". Check the rename " + rename + " you passed, or leave it out to drop and create the table.");
		}
	}

	private void proposeTableRenames(Set<String> onlyCurrent, Set<String> onlyTarget) {
		Map<String, List<String>> candidatesOfDropped = new TreeMap<>();
		Map<String, List<String>> candidatesOfAdded = new TreeMap<>();
		for (String dropped : onlyCurrent) {
			// compared as it is once the labels are renamed: a default naming a renamed label names the new one
			Set<List<Object>> shape = tableShape(relabeled(this.currentTables.get(dropped)));
			for (String added : onlyTarget) {
				if (!shape.isEmpty() && shape.equals(tableShape(this.targetTables.get(added)))) {
					candidatesOfDropped.computeIfAbsent(dropped, (k) -> new ArrayList<>()).add(added);
					candidatesOfAdded.computeIfAbsent(added, (k) -> new ArrayList<>()).add(dropped);
				}
			}
		}
		candidatesOfDropped.forEach((dropped, added) -> {
			if (added.size() == 1 && candidatesOfAdded.get(added.get(0)).size() == 1) {
				String to = added.get(0);
				Table from = this.currentTables.get(dropped);
				List<Operation> alternative = List.of(new DropTable(withoutForeignKeys(from)),
						new CreateTable(withoutForeignKeys(this.targetTables.get(to))));
				this.tableRenames.put(dropped, to);
				this.renameTables.add(new RenameTable(dropped, to, alternative));
				onlyCurrent.remove(dropped);
				onlyTarget.remove(to);
			}
			else {
				this.dropNotes.put(dropped, "not proposed as a rename: " + dropped + " has the same columns as "
						+ String.join(" and ", added) + ", so which one it became is ambiguous; if it is a rename,"
						+ " replace this drop and the create with ALTER TABLE ... RENAME TO ... or pass the rename"
						+ " explicitly (" + dropped + "=<new name>)");
			}
		});
		candidatesOfAdded.forEach((added, dropped) -> {
			if (!this.tableRenames.containsValue(added)) {
				this.createNotes.put(added, "not proposed as a rename: " + added + " has the same columns as "
						+ String.join(" and ", dropped) + ", which " + (dropped.size() == 1 ? "is" : "are")
						+ " dropped, so which one it was is ambiguous; if it is a rename, replace the drop and this"
						+ " create with ALTER TABLE ... RENAME TO ... or pass the rename explicitly (<old name>=" + added + ")");
			}
		});
	}

	private static Set<List<Object>> tableShape(Table table) {
		Set<List<Object>> shape = new HashSet<>();
		for (Column column : table.columns()) {
			List<Object> columnShape = new ArrayList<>(columnShape(column));
			columnShape.add(0, column.name());
			shape.add(columnShape);
		}
		return shape;
	}

	private static List<Object> columnShape(Column column) {
		return java.util.Arrays.asList(ColumnTypes.canonical(column.type()), column.nullable(), column.defaultExpression(),
				column.identity(), Expressions.key(column.generated(), Map.of()));
	}

	// what ALTER COLUMN changes (the generation expression was compared already)
	private static List<Object> alterableShape(Column column) {
		return java.util.Arrays.asList(ColumnTypes.canonical(column.type()), column.nullable(), column.defaultExpression(),
				column.identity());
	}

	private void addPair(TablePair pair) {
		this.pairs.put(pair.target.name(), pair);
		this.pairsByCurrentName.put(pair.current.name(), pair);
	}

	private void createTable(Table table) {
		Table named = new Table(table.name(), table.columns(), namedPrimaryKey(table.name(), table.primaryKey()),
				namedUniques(table.name(), table.uniqueConstraints()), namedIndexes(table.name(), table.indexes()),
				List.of(), namedChecks(table.name(), table.checks()), table.comment());
		this.createTables.add(new CreateTable(named, this.createNotes.get(table.name())));
		for (ForeignKey foreignKey : table.foreignKeys()) {
			this.addForeignKeys.add(new AddForeignKey(table.name(), namedForeignKey(table.name(), foreignKey)));
		}
	}

	private void dropTable(Table table) {
		for (ForeignKey foreignKey : table.foreignKeys()) {
			this.dropForeignKeys.add(new DropForeignKey(table.name(), foreignKey));
		}
		this.dropTables.add(new DropTable(withoutForeignKeys(table), this.dropNotes.get(table.name())));
	}

	private static Table withoutForeignKeys(Table table) {
		return new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(), table.indexes(),
				List.of(), table.checks(), table.comment());
	}

	// Columns

	private void matchColumns(TablePair pair) {
		Set<String> onlyCurrent = new TreeSet<>();
		for (Column column : pair.current.columns()) {
			if (pair.target.column(column.name()).isEmpty()) {
				onlyCurrent.add(column.name());
			}
		}
		Set<String> onlyTarget = new TreeSet<>();
		for (Column column : pair.target.columns()) {
			if (pair.current.column(column.name()).isEmpty()) {
				onlyTarget.add(column.name());
			}
		}
		String table = pair.target.name();
		for (Rename rename : this.options.renames()) {
			if (rename.isColumn() && (rename.table().equals(table) || rename.table().equals(pair.current.name()))) {
				if (!onlyCurrent.contains(rename.from()) || !onlyTarget.contains(rename.to())) {
					throw new MigrationsException("Cannot rename column " + rename.table() + "." + rename.from() + " to "
							+ rename.to() + ": " + columnRenameProblem(pair, rename)
							+ ". Check the rename " + rename + " you passed, or leave it out to drop and add the column.");
				}
				onlyCurrent.remove(rename.from());
				onlyTarget.remove(rename.to());
				pair.columnRenames.put(rename.from(), rename.to());
				this.renameColumns.add(new RenameColumn(table, rename.from(), rename.to()));
			}
		}
		if (this.options.renameMode() == RenameMode.PROPOSE_RENAME) {
			proposeColumnRenames(pair, onlyCurrent, onlyTarget);
		}
	}

	/**
	 * Refuses a column rename asked for on a table that is neither in the database and the entities both (under its
	 * name or the one a rename gives it): it would be left out without a word, and the column dropped and added.
	 */
	private void requireColumnRenamesMatched() {
		for (Rename rename : this.options.renames()) {
			if (!rename.isColumn() || this.pairs.containsKey(rename.table())
					|| this.pairsByCurrentName.containsKey(rename.table())) {
				continue;
			}
			String problem = this.currentTables.containsKey(rename.table())
					? "the entities map no table " + rename.table() + ", so it is dropped"
					: this.targetTables.containsKey(rename.table())
							? "the database has no table " + rename.table() + ", so it is created"
							: "neither the database nor the entities have a table " + rename.table()
									+ " (or the table filter leaves it out)";
			throw new MigrationsException("Cannot rename column " + rename.table() + "." + rename.from() + " to "
					+ rename.to() + ": " + problem + ". Check the rename " + rename + " you passed (a column is named"
					+ " TABLE.COLUMN=NEW, the table as the database or the entities name it, without its schema).");
		}
	}

	private String columnRenameProblem(TablePair pair, Rename rename) {
		if (pair.current.column(rename.from()).isEmpty()) {
			return "the database has no column " + pair.current.name() + "." + rename.from();
		}
		if (pair.target.column(rename.to()).isEmpty()) {
			return "the entities map no column " + pair.target.name() + "." + rename.to();
		}
		if (pair.target.column(rename.from()).isPresent()) {
			return "the entities still map a column " + pair.target.name() + "." + rename.from();
		}
		if (pair.current.column(rename.to()).isPresent()) {
			return "the database already has a column " + pair.current.name() + "." + rename.to();
		}
		return "another rename already uses one of these columns";
	}

	private void proposeColumnRenames(TablePair pair, Set<String> onlyCurrent, Set<String> onlyTarget) {
		String table = pair.target.name();
		Map<String, List<String>> candidatesOfDropped = new TreeMap<>();
		Map<String, List<String>> candidatesOfAdded = new TreeMap<>();
		for (String dropped : onlyCurrent) {
			List<Object> shape = columnShape(relabeled(pair.current.column(dropped).orElseThrow()));
			for (String added : onlyTarget) {
				if (shape.equals(columnShape(pair.target.column(added).orElseThrow()))) {
					candidatesOfDropped.computeIfAbsent(dropped, (k) -> new ArrayList<>()).add(added);
					candidatesOfAdded.computeIfAbsent(added, (k) -> new ArrayList<>()).add(dropped);
				}
			}
		}
		candidatesOfDropped.forEach((dropped, added) -> {
			if (added.size() == 1 && candidatesOfAdded.get(added.get(0)).size() == 1) {
				String to = added.get(0);
				List<Operation> alternative = List.of(new DropColumn(table, pair.current.column(dropped).orElseThrow()),
						new AddColumn(table, pair.target.column(to).orElseThrow()));
				pair.columnRenames.put(dropped, to);
				this.renameColumns.add(new RenameColumn(table, dropped, to, alternative));
			}
			else {
				pair.dropNotes.put(dropped, "not proposed as a rename: " + table + "." + dropped
						+ " has the same type, nullability and default as " + qualify(table, added)
						+ ", so which one it became is ambiguous; if it is a rename, replace this drop and the add with"
						+ " ALTER TABLE ... RENAME COLUMN ... or pass the rename explicitly (" + table + "." + dropped
						+ "=<new name>)");
			}
		});
		candidatesOfAdded.forEach((added, dropped) -> {
			if (!pair.columnRenames.containsValue(added)) {
				pair.addNotes.put(added, "not proposed as a rename: " + table + "." + added
						+ " has the same type, nullability and default as " + qualify(table, dropped) + ", which "
						+ (dropped.size() == 1 ? "is" : "are") + " dropped, so which one it was is ambiguous; if it is a"
						+ " rename, replace the drop and this add with ALTER TABLE ... RENAME COLUMN ... or pass the"
						+ " rename explicitly (" + table + ".<old name>=" + added + ")");
			}
		});
	}

	private static String qualify(String table, List<String> columns) {
		return columns.stream().map((column) -> table + "." + column).collect(Collectors.joining(" and "));
	}

	private void compareColumns(TablePair pair) {
		String table = pair.target.name();
		Map<String, String> targetToCurrent = new HashMap<>();
		pair.columnRenames.forEach((from, to) -> targetToCurrent.put(to, from));
		// PostgreSQL cannot alter the type of a column a generated column reads
		Set<String> retyped = new TreeSet<>();
		for (Column wanted : pair.target.columns()) {
			pair.current.column(targetToCurrent.getOrDefault(wanted.name(), wanted.name()))
				.filter((existing) -> !ColumnTypes.same(existing.type(), wanted.type()))
				.ifPresent((existing) -> {
					retyped.add(wanted.name());
					this.retypedColumns.put(List.of(table, wanted.name()), List.of(existing.type(), wanted.type()));
				});
		}
		Set<String> matched = new HashSet<>();
		for (Column wanted : pair.target.columns()) {
			String currentName = targetToCurrent.getOrDefault(wanted.name(), wanted.name());
			Optional<Column> existing = pair.current.column(currentName);
			if (existing.isEmpty()) {
				// a generated column is added once the columns its expression reads are there
				((wanted.generated() != null) ? this.addGeneratedColumns : this.addColumns)
					.add(new AddColumn(table, wanted, pair.addNotes.get(wanted.name())));
				continue;
			}
			matched.add(currentName);
			Column renamed = relabeled(withName(existing.get(), wanted.name()));
			// after RENAME COLUMN the server's expression names the new column, as the entities' does
			if (!Objects.equals(Expressions.key(existing.get().generated(), pair.columnRenames),
					Expressions.key(wanted.generated(), Map.of()))) {
				// PostgreSQL cannot give a column a generation expression, nor change one, in place
				this.dropGeneratedColumns.add(new DropColumn(table, renamed, "the generation expression of " + table
						+ "." + wanted.name() + " changes (" + generation(renamed) + " -> " + generation(wanted)
						+ "), which PostgreSQL cannot alter in place: the column is dropped and added again"));
				this.addGeneratedColumns.add(new AddColumn(table, wanted));
			}
			else if (wanted.generated() != null && retyped.contains(wanted.name())) {
				// ALTER TYPE takes no USING on a generated column: added again with its type, it is computed anew
				this.dropGeneratedColumns.add(new DropColumn(table, renamed, "the type of the generated column " + table
						+ "." + wanted.name() + " changes (" + renamed.type() + " -> " + wanted.type() + "): it is dropped"
						+ " and added again with its new type"));
				this.addGeneratedColumns.add(new AddColumn(table, wanted));
			}
			else if (wanted.generated() != null && !readColumns(wanted.generated(), retyped).isEmpty()) {
				this.dropGeneratedColumns.add(new DropColumn(table, renamed, "the generated column " + table + "."
						+ wanted.name() + " reads " + String.join(", ", readColumns(wanted.generated(), retyped))
						+ ", whose type changes, which PostgreSQL refuses while a generated column reads it: the"
						+ " generated column is dropped before and added again after"));
				this.addGeneratedColumns.add(new AddColumn(table, wanted));
			}
			else if (!alterableShape(renamed).equals(alterableShape(wanted))) {
				this.alterColumns.add(new AlterColumn(table, wanted.name(), renamed, wanted));
			}
			if (!Objects.equals(renamed.comment(), wanted.comment())) {
				this.comments.add(new SetColumnComment(table, wanted.name(), renamed.comment(), wanted.comment()));
			}
		}
		for (Column column : pair.current.columns()) {
			if (!matched.contains(column.name())) {
				// before the columns its expression reads
				((column.generated() != null) ? this.dropGeneratedColumns : this.dropColumns).add(new DropColumn(table, column, pair.dropNotes.get(column.name())));
			}
		}
		if (!Objects.equals(pair.current.comment(), pair.target.comment())) {
			this.comments.add(new SetTableComment(table, pair.current.comment(), pair.target.comment()));
		}
	}

	// the columns among these that an expression names
	private static List<String> readColumns(String expression, Set<String> columns) {
		Set<String> read = new TreeSet<>();
		Matcher word = IDENTIFIER.matcher(expression);
		while (word.find()) {
			String name = (word.group(1) != null) ? word.group(1).replace("\"\"", "\"") : word.group();
			if (columns.contains(name)) {
				read.add(name);
			}
		}
		return List.copyOf(read);
	}

	private static String generation(Column column) {
		return (column.generated() != null) ? "generated always as " + column.generatedAs() : "not generated";
	}

	private static Column withName(Column column, String name) {
		return column.withName(name);
	}

	// Keys, constraints and indexes, matched by definition

	private void compareConstraints(TablePair pair) {
		String currentName = pair.current.name();
		String table = pair.target.name();
		Map<String, String> renames = pair.columnRenames;
		collectKeptNames(table, pair.current);
		boolean renamed = !currentName.equals(table);

		PrimaryKey existingKey = pair.current.primaryKey();
		PrimaryKey wantedKey = pair.target.primaryKey();
		List<String> existingKeyColumns = (existingKey != null) ? mapColumns(existingKey.columns(), renames) : null;
		if (!sameKeyColumns(existingKeyColumns, (wantedKey != null) ? wantedKey.columns() : null)) {
			if (existingKey != null) {
				this.dropPrimaryKeys.add(new DropPrimaryKey(currentName, existingKey));
				release(table, existingKey.name());
				this.droppedKeys.add(List.of(table, existingKeyColumns));
			}
			if (wantedKey != null) {
				this.addPrimaryKeys.add(new AddPrimaryKey(table, namedPrimaryKey(table, wantedKey)));
			}
		}
		else if (existingKey != null && renamed) {
			followTableName(table, currentName, existingKey.name(), wantedKey.name(),
					() -> ConstraintNames.primaryKey(currentName), () -> ConstraintNames.primaryKey(table), false);
		}

		Matching<UniqueConstraint> uniques = match(pair.current.uniqueConstraints(), pair.target.uniqueConstraints(),
				(unique) -> mapColumns(unique.columns(), renames), UniqueConstraint::columns);
		Matching<Index> indexes = match(pair.current.indexes(), pair.target.indexes(), (index) -> indexKey(index, renames),
				(index) -> indexKey(index, Map.of()));
		// CREATE UNIQUE INDEX CONCURRENTLY is how uniqueness reaches a big table without a long lock: a
		// unique index on plain columns enforces what a unique constraint on them does, either way round.
		satisfyByUniqueIndex(uniques.onlyTarget, UniqueConstraint::columns, indexes.onlyCurrent,
				(index) -> uniqueIndexColumns(index, renames));
		satisfyByUniqueIndex(uniques.onlyCurrent, (unique) -> mapColumns(unique.columns(), renames), indexes.onlyTarget,
				(index) -> uniqueIndexColumns(index, Map.of()));
		// An index and a unique constraint share one namespace: the indexes dropped free their names before any
		// unique constraint is named (an @Index made unique is a constraint under the index's name).
		for (Index index : indexes.onlyCurrent) {
			if (this.options.ignoreExtraIndexes() && outlivesTheScript(index, pair)) {
				continue;
			}
			this.dropIndexes.add(new DropIndex(currentName, index));
			release(table, index.name());
			if (index.unique() && index.where() == null) {
				this.droppedKeys.add(List.of(table, mapColumns(index.elements(), renames)));
			}
		}
		for (UniqueConstraint unique : uniques.onlyCurrent) {
			this.dropUniques.add(new DropUnique(currentName, unique));
			release(table, unique.name());
			this.droppedKeys.add(List.of(table, mapColumns(unique.columns(), renames)));
		}
		for (UniqueConstraint unique : uniques.onlyTarget) {
			this.addUniques.add(new AddUnique(table, namedUnique(table, unique)));
		}
		for (int i = 0; renamed && i < uniques.matchedCurrent.size(); i++) {
			UniqueConstraint existing = uniques.matchedCurrent.get(i);
			UniqueConstraint wanted = uniques.matchedTarget.get(i);
			followTableName(table, currentName, existing.name(), wanted.name(),
					() -> ConstraintNames.unique(currentName, existing.columns()),
					() -> ConstraintNames.unique(table, wanted.columns()), false);
		}

		for (Index index : indexes.onlyTarget) {
			this.createIndexes.add(new CreateIndex(table, namedIndex(table, index)));
		}
		for (int i = 0; renamed && i < indexes.matchedCurrent.size(); i++) {
			Index existing = indexes.matchedCurrent.get(i);
			Index wanted = indexes.matchedTarget.get(i);
			followTableName(table, currentName, existing.name(), wanted.name(),
					() -> ConstraintNames.index(currentName, existing), () -> ConstraintNames.index(table, wanted), true);
		}
		for (int i = 0; !renamed && i < indexes.matchedCurrent.size(); i++) {
			renameIndex(table, indexes.matchedCurrent.get(i).name(), indexes.matchedTarget.get(i).name());
		}

		Matching<CheckConstraint> checks = match(pair.current.checks(), pair.target.checks(),
				(check) -> Expressions.checkKey(relabeled(check.expression()), renames),
				(check) -> Expressions.checkKey(check.expression(), Map.of()));
		for (CheckConstraint check : checks.onlyCurrent) {
			this.dropChecks.add(new DropCheck(currentName, check));
			release(table, check.name());
		}
		for (CheckConstraint check : checks.onlyTarget) {
			this.addChecks.add(new AddCheck(table, namedCheck(table, check)));
		}
		for (int i = 0; renamed && i < checks.matchedCurrent.size(); i++) {
			CheckConstraint existing = checks.matchedCurrent.get(i);
			CheckConstraint wanted = checks.matchedTarget.get(i);
			followTableName(table, currentName, existing.name(), wanted.name(),
					() -> ConstraintNames.check(currentName, existing.expression()),
					() -> ConstraintNames.check(table, wanted.expression()), false);
		}

		Matching<ForeignKey> foreignKeys = match(pair.current.foreignKeys(), pair.target.foreignKeys(),
				(foreignKey) -> currentForeignKeyKey(foreignKey, renames), this::targetForeignKeyKey);
		for (ForeignKey foreignKey : foreignKeys.onlyCurrent) {
			this.dropForeignKeys.add(new DropForeignKey(currentName, foreignKey));
			release(table, foreignKey.name());
		}
		for (ForeignKey foreignKey : foreignKeys.onlyTarget) {
			this.addForeignKeys.add(new AddForeignKey(table, namedForeignKey(table, foreignKey)));
		}
		for (int i = 0; i < foreignKeys.matchedCurrent.size(); i++) {
			ForeignKey existing = foreignKeys.matchedCurrent.get(i);
			ForeignKey wanted = foreignKeys.matchedTarget.get(i);
			if (renamed || !existing.referencedTable().equals(wanted.referencedTable())) {
				followTableName(table, currentName, existing.name(), wanted.name(),
						() -> ConstraintNames.foreignKey(currentName, existing.columns(), existing.referencedTable()),
						() -> ConstraintNames.foreignKey(table, wanted.columns(), wanted.referencedTable()), false);
			}
			this.foreignKeyMatches.add(new ForeignKeyMatch(currentName, foreignKeys.matchedCurrent.get(i), table,
					foreignKeys.matchedTarget.get(i), isUnrenamed(foreignKeys.matchedCurrent.get(i), renames)));
		}
	}

	/**
	 * Renames a constraint or index of a renamed table whose name follows the table's old name to the
	 * name the entities' schema gives it: the server's ({@code tag_pkey} to {@code label_pkey},
	 * {@code tag_label_key} to {@code label_label_key}) or this tool's readable one ({@code uq_tag_label}
	 * to {@code uq_label_label}). Only a name that is exactly the wanted one with the old table name in
	 * place of the new one is renamed; names chosen otherwise are left alone, as is a wanted name
	 * another object of the database already carries.
	 */
	private void followTableName(String table, String oldTable, String existing, String wanted,
			Supplier<String> oldGenerated, Supplier<String> newGenerated, boolean index) {
		if (existing == null) {
			return;
		}
		String expected;
		boolean follows;
		if (ConstraintNames.needsReadableName(wanted, table)) {
			expected = newGenerated.get();
			follows = existing.equals(oldGenerated.get());
		}
		else {
			expected = wanted;
			follows = withTableSwapped(existing, oldTable, table, expected);
		}
		if (!follows || existing.equals(expected) || this.currentNames.contains(expected)) {
			return;
		}
		this.renameConstraints.add(new RenameConstraint(table, existing, expected, index));
		this.keptNames.remove(List.of(table, existing));
		this.keptNames.add(List.of(table, expected));
		this.currentNames.add(expected);
		use(expected);
	}

	/**
	 * Renames an index the entities name explicitly ({@code @Index(name = ...)}) whose definition the
	 * database holds under another name, as Alembic does. A name Hibernate generates is no choice of the
	 * user and leaves the database's name alone, as do a difference of case only (an unquoted name the
	 * database folded) and a wanted name another object of the database already carries.
	 */
	private void renameIndex(String table, String existing, String wanted) {
		if (existing == null || ConstraintNames.needsReadableName(wanted, table) || existing.equalsIgnoreCase(wanted)
				|| existing.equalsIgnoreCase(ConstraintNames.asStored(wanted))
				|| this.currentNames.contains(wanted) || this.currentNames.contains(wanted.toLowerCase(Locale.ROOT))) {
			return;
		}
		this.renameConstraints.add(new RenameConstraint(table, existing, wanted, true));
		this.keptNames.remove(List.of(table, existing));
		this.keptNames.add(List.of(table, wanted));
		this.currentNames.add(wanted);
		use(wanted);
	}

	/** Whether putting the new table name in place of one occurrence of the old one in a name gives the expected name. */
	private static boolean withTableSwapped(String name, String oldTable, String newTable, String expected) {
		if (oldTable.equals(newTable)) {
			return false;
		}
		for (int i = name.indexOf(oldTable); i >= 0; i = name.indexOf(oldTable, i + 1)) {
			if (expected.equals(name.substring(0, i) + newTable + name.substring(i + oldTable.length()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A foreign key must be dropped before the key it references and added after that key is
	 * recreated, even when the foreign key itself does not change; and so must one whose columns, or
	 * the ones it references, change to a type of another kind ({@code varchar} to {@code uuid}):
	 * PostgreSQL refuses the first of the type changes while the foreign key joins two types it
	 * cannot compare.
	 */
	private void recreateDependentForeignKeys() {
		for (ForeignKeyMatch match : this.foreignKeyMatches) {
			ForeignKey wanted = match.target;
			if (!isLocal(wanted.referencedSchema(), this.target)
					|| !this.droppedKeys.contains(List.of(wanted.referencedTable(), wanted.referencedColumns()))
							&& !changesTypeKind(match.targetTable, wanted)) {
				continue;
			}
			this.dropForeignKeys.add(new DropForeignKey(match.currentTable, match.current));
			ForeignKey readded = match.unrenamed ? match.current
					: new ForeignKey(match.current.name(), wanted.columns(), wanted.referencedSchema(),
							wanted.referencedTable(), wanted.referencedColumns(), wanted.onDelete(), wanted.onUpdate());
			this.addForeignKeys.add(new AddForeignKey(match.targetTable, readded));
		}
	}

	private boolean changesTypeKind(String table, ForeignKey foreignKey) {
		List<List<String>> columns = new ArrayList<>();
		foreignKey.columns().forEach((column) -> columns.add(List.of(table, column)));
		foreignKey.referencedColumns().forEach((column) -> columns.add(List.of(foreignKey.referencedTable(), column)));
		return columns.stream()
			.map(this.retypedColumns::get)
			.anyMatch((types) -> types != null && !typeKind(types.get(0)).equals(typeKind(types.get(1))));
	}

	/**
	 * The types a foreign key can join to one another: the number types ({@code integer} to
	 * {@code bigint}), the string types ({@code varchar} to {@code text}), or one type whatever its
	 * length or precision.
	 */
	private static String typeKind(String type) {
		String base = type.replaceAll("\\([^)]*\\)", "").strip();
		return switch (base) {
			case "smallint", "integer", "bigint", "numeric", "real", "double precision" -> "number";
			case "character varying", "character", "text" -> "string";
			default -> base;
		};
	}

	private boolean isUnrenamed(ForeignKey foreignKey, Map<String, String> renames) {
		return currentForeignKeyKey(foreignKey, renames).equals(java.util.Arrays.asList(foreignKey.columns(),
				isLocal(foreignKey.referencedSchema(), this.current) ? null : foreignKey.referencedSchema(),
				foreignKey.referencedTable(), foreignKey.referencedColumns(), foreignKey.onDelete(), foreignKey.onUpdate()));
	}

	private static void satisfyByUniqueIndex(List<UniqueConstraint> uniques,
			Function<UniqueConstraint, List<String>> uniqueColumns, List<Index> indexes,
			Function<Index, List<String>> indexColumns) {
		for (Iterator<UniqueConstraint> unique = uniques.iterator(); unique.hasNext();) {
			List<String> columns = uniqueColumns.apply(unique.next());
			Optional<Index> same = indexes.stream().filter((index) -> columns.equals(indexColumns.apply(index))).findFirst();
			if (same.isPresent()) {
				indexes.remove(same.get());
				unique.remove();
			}
		}
	}

	/**
	 * Whether an index the entities do not declare stays in the table after the script: not when a
	 * column it mentions (in its key, expressions, predicate or included columns) goes, which takes
	 * the index along; it is dropped explicitly then, so that the downgrade creates it again.
	 */
	private static boolean outlivesTheScript(Index index, TablePair pair) {
		List<String> columns = new ArrayList<>(index.include());
		List<String> expressions = new ArrayList<>(index.elements());
		if (index.where() != null) {
			expressions.add(index.where());
		}
		for (String expression : expressions) {
			Matcher word = IDENTIFIER.matcher(expression);
			while (word.find()) {
				columns.add((word.group(1) != null) ? word.group(1).replace("\"\"", "\"") : word.group());
			}
		}
		for (String column : columns) {
			if (pair.current.column(column).isPresent()
					&& pair.target.column(pair.columnRenames.getOrDefault(column, column)).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/** The columns of a unique index that enforces exactly what a unique constraint on them would, else {@code null}. */
	private static List<String> uniqueIndexColumns(Index index, Map<String, String> renames) {
		if (!index.unique() || index.where() != null || !index.include().isEmpty()
				|| (index.method() != null && !index.method().equals("btree"))) {
			return null;
		}
		List<String> columns = new ArrayList<>();
		for (String element : index.elements()) {
			if (!PLAIN_COLUMN.matcher(element).matches()) {
				return null;
			}
			columns.add(Expressions.key(element, renames));
		}
		return columns;
	}

	// as the server prints it once the labels are renamed: a partial index naming a renamed label is kept
	private List<Object> indexKey(Index index, Map<String, String> renames) {
		List<String> elements = new ArrayList<>();
		for (String element : index.elements()) {
			elements.add(Expressions.key(relabeled(element), renames));
		}
		return java.util.Arrays.asList(elements, index.unique(), (index.method() != null) ? index.method() : "btree",
				Expressions.key(relabeled(index.where()), renames), mapColumns(index.include(), renames));
	}

	private List<Object> currentForeignKeyKey(ForeignKey foreignKey, Map<String, String> renames) {
		String referencedTable = foreignKey.referencedTable();
		List<String> referencedColumns = foreignKey.referencedColumns();
		boolean local = isLocal(foreignKey.referencedSchema(), this.current);
		if (local) {
			TablePair referenced = this.pairsByCurrentName.get(referencedTable);
			referencedTable = this.tableRenames.getOrDefault(referencedTable, referencedTable);
			if (referenced != null) {
				referencedColumns = mapColumns(referencedColumns, referenced.columnRenames);
			}
		}
		return java.util.Arrays.asList(mapColumns(foreignKey.columns(), renames),
				local ? null : foreignKey.referencedSchema(), referencedTable, referencedColumns, foreignKey.onDelete(),
				foreignKey.onUpdate());
	}

	private List<Object> targetForeignKeyKey(ForeignKey foreignKey) {
		boolean local = isLocal(foreignKey.referencedSchema(), this.target);
		return java.util.Arrays.asList(foreignKey.columns(), local ? null : foreignKey.referencedSchema(),
				foreignKey.referencedTable(), foreignKey.referencedColumns(), foreignKey.onDelete(), foreignKey.onUpdate());
	}

	private static boolean isLocal(String schema, SchemaModel model) {
		return schema == null || schema.equals(model.schema());
	}

	private static List<String> mapColumns(List<String> columns, Map<String, String> renames) {
		if (renames.isEmpty()) {
			return columns;
		}
		List<String> mapped = new ArrayList<>(columns.size());
		for (String column : columns) {
			mapped.add(renames.getOrDefault(column, column));
		}
		return mapped;
	}

	private static <T> Matching<T> match(List<T> current, List<T> target, Function<T, Object> currentKey,
			Function<T, Object> targetKey) {
		Matching<T> matching = new Matching<>();
		List<T> unmatched = new ArrayList<>(current);
		for (T wanted : target) {
			Object key = targetKey.apply(wanted);
			T found = null;
			for (T candidate : unmatched) {
				if (key.equals(currentKey.apply(candidate))) {
					found = candidate;
					break;
				}
			}
			if (found != null) {
				unmatched.remove(found);
				matching.matchedCurrent.add(found);
				matching.matchedTarget.add(wanted);
			}
			else {
				matching.onlyTarget.add(wanted);
			}
		}
		matching.onlyCurrent.addAll(unmatched);
		return matching;
	}

	// Readable names for what is added

	private void collectNames(Table table) {
		if (table.primaryKey() != null) {
			use(table.primaryKey().name());
		}
		table.uniqueConstraints().forEach((unique) -> use(unique.name()));
		table.indexes().forEach((index) -> use(index.name()));
		table.foreignKeys().forEach((foreignKey) -> use(foreignKey.name()));
		table.checks().forEach((check) -> use(check.name()));
	}

	private void collectKeptNames(String table, Table current) {
		if (current.primaryKey() != null) {
			keep(table, current.primaryKey().name());
		}
		current.uniqueConstraints().forEach((unique) -> keep(table, unique.name()));
		current.indexes().forEach((index) -> keep(table, index.name()));
		current.foreignKeys().forEach((foreignKey) -> keep(table, foreignKey.name()));
		current.checks().forEach((check) -> keep(table, check.name()));
	}

	private void use(String name) {
		if (name != null) {
			this.usedNames.merge(name, 1, Integer::sum);
		}
	}

	private void keep(String table, String name) {
		if (name != null) {
			this.keptNames.add(List.of(table, name));
		}
	}

	/**
	 * A constraint or index the script drops frees its name: drops run before every add, so what is
	 * added in its place may take the name back instead of a {@code _2} variant.
	 */
	private void release(String table, String name) {
		if (name != null) {
			this.usedNames.computeIfPresent(name, (key, count) -> (count > 1) ? count - 1 : null);
			this.keptNames.remove(List.of(table, name));
		}
	}

	/**
	 * The name to add an object under. A wanted name the server chose in the scratch schema
	 * ({@code offer_quantity_check}) can be taken in the database by another constraint of the
	 * table that stays (the server numbers names in creation order, which differs between the two):
	 * then a readable name is generated instead, or the statement would fail.
	 */
	private String name(String wanted, String table, Supplier<String> generator) {
		if (!ConstraintNames.needsReadableName(wanted, table) && !this.keptNames.contains(List.of(table, wanted))) {
			return wanted;
		}
		String base = generator.get();
		String name = base;
		for (int n = 2; this.usedNames.containsKey(name); n++) {
			name = ConstraintNames.truncate(base + "_" + n);
		}
		use(name);
		return name;
	}

	/**
	 * Whether two primary keys hold the same columns. Their order is not compared: Hibernate orders a
	 * key's columns one way when it creates a table and another way when it updates one (and this tool's
	 * earlier releases wrote the mapping's order), uniqueness is the same either way, and recreating the
	 * key of a large table to reorder it is not a change anyone asked for.
	 */
	private static boolean sameKeyColumns(List<String> current, List<String> wanted) {
		if (current == null || wanted == null) {
			return current == wanted;
		}
		return current.size() == wanted.size() && new HashSet<>(current).equals(new HashSet<>(wanted));
	}

	private PrimaryKey namedPrimaryKey(String table, PrimaryKey key) {
		if (key == null) {
			return null;
		}
		return new PrimaryKey(name(key.name(), table, () -> ConstraintNames.primaryKey(table)), key.columns());
	}

	private UniqueConstraint namedUnique(String table, UniqueConstraint unique) {
		return new UniqueConstraint(name(unique.name(), table, () -> ConstraintNames.unique(table, unique.columns())),
				unique.columns());
	}

	private List<UniqueConstraint> namedUniques(String table, List<UniqueConstraint> uniques) {
		return uniques.stream().map((unique) -> namedUnique(table, unique)).collect(Collectors.toList());
	}

	private Index namedIndex(String table, Index index) {
		return new Index(name(index.name(), table, () -> ConstraintNames.index(table, index)), index.elements(),
				index.unique(), index.method(), index.where(), index.include());
	}

	private List<Index> namedIndexes(String table, List<Index> indexes) {
		return indexes.stream().map((index) -> namedIndex(table, index)).collect(Collectors.toList());
	}

	private CheckConstraint namedCheck(String table, CheckConstraint check) {
		return new CheckConstraint(name(check.name(), table, () -> ConstraintNames.check(table, check.expression())),
				check.expression());
	}

	private List<CheckConstraint> namedChecks(String table, List<CheckConstraint> checks) {
		return checks.stream().map((check) -> namedCheck(table, check)).collect(Collectors.toList());
	}

	private ForeignKey namedForeignKey(String table, ForeignKey foreignKey) {
		String name = name(foreignKey.name(), table,
				() -> ConstraintNames.foreignKey(table, foreignKey.columns(), foreignKey.referencedTable()));
		return new ForeignKey(name, foreignKey.columns(), foreignKey.referencedSchema(), foreignKey.referencedTable(),
				foreignKey.referencedColumns(), foreignKey.onDelete(), foreignKey.onUpdate());
	}

	// Enum types

	// Casts are created and dropped with their type but not compared: a type made without Hibernate's
	// varchar casts (by hand, or by another tool) is not drift.
	private void compareEnumTypes() {
		for (EnumType wanted : this.target.enumTypes()) {
			Optional<EnumType> existing = this.current.enumType(wanted.name());
			if (existing.isEmpty()) {
				if (isWantedByIncludedTable(wanted)) {
					this.createTypes.add(new CreateEnumType(wanted));
				}
			}
			else if (!existing.get().values().equals(wanted.values())) {
				changeEnumValues(existing.get(), wanted);
			}
		}
		for (EnumType existing : this.current.enumTypes()) {
			if (this.target.enumType(existing.name()).isEmpty() && !isUsedAfterwards(existing)) {
				this.dropTypes.add(new DropEnumType(existing));
			}
		}
	}

	private void changeEnumValues(EnumType existing, EnumType wanted) {
		List<EnumUsage> usages = usages(existing.name());
		LabelRename rename = this.labelRenames.get(existing.name());
		if (rename != null) {
			List<String> renamed = new ArrayList<>(existing.values());
			renamed.set(renamed.indexOf(rename.from()), rename.to());
			this.enumValues.add(new RenameEnumValue(existing.name(), rename.from(), rename.to(), existing.values(),
					renamed, rename.proposed() ? new RecreateEnumType(existing.name(), existing.values(), wanted.values(),
							usages, existing.casts()) : null));
			if (renamed.equals(wanted.values())) {
				return;
			}
			// what else changes happens to the renamed labels, and the defaults name them
			existing = new EnumType(existing.name(), renamed, existing.casts());
			usages = usages.stream().map((usage) -> new EnumUsage(usage.table(), usage.column(), usage.array(),
					relabeled(usage.defaultExpression()))).toList();
		}
		recreateLabelDependents(existing.name());
		if (!isSubsequence(existing.values(), wanted.values())) {
			this.enumValues.add(new RecreateEnumType(existing.name(), existing.values(), wanted.values(),
					takeDefaultChanges(usagesKept(usages)), existing.casts()));
			return;
		}
		// Labels added convert no row: a column dropped stays where drops go, so that the downgrade creates it again
		// before its swap, which converts it (the labels may get a revision of their own, downgraded last).
		// Left to right, each new label goes after its predecessor, which already exists by then.
		List<String> values = new ArrayList<>(existing.values());
		for (int i = 0; i < wanted.values().size(); i++) {
			String value = wanted.values().get(i);
			if (!values.contains(value)) {
				List<String> next = new ArrayList<>(values);
				next.add((i == 0) ? 0 : next.indexOf(wanted.values().get(i - 1)) + 1, value);
				this.enumValues.add(new AddEnumValue(existing.name(), value, values, next, usages, existing.casts()));
				values = next;
			}
		}
	}

	/**
	 * A type whose labels differ in one place only (one removed, one added where it was, the same number of
	 * labels) probably had that label renamed: {@code RENAME VALUE} keeps the rows that hold it, where the swap
	 * fails on them and no {@code UPDATE} before it can name the new label. Guessed as columns are, so not
	 * with {@link RenameMode#DROP_AND_ADD}; a label rename asked for ({@code type:OLD=NEW}) applies in every
	 * mode, and the type's other changes follow it.
	 */
	private void findLabelRenames() {
		for (Rename rename : this.options.renames()) {
			if (rename.label()) {
				requireLabelRename(rename);
				this.labelRenames.put(rename.table(), new LabelRename(rename.from(), rename.to(), false));
			}
		}
		if (this.options.renameMode() != RenameMode.PROPOSE_RENAME) {
			return;
		}
		for (EnumType wanted : this.target.enumTypes()) {
			Optional<EnumType> existing = this.current.enumType(wanted.name());
			if (existing.isEmpty() || existing.get().values().size() != wanted.values().size()
					|| this.labelRenames.containsKey(wanted.name())) {
				continue;
			}
			List<Integer> changed = new ArrayList<>();
			for (int i = 0; i < wanted.values().size(); i++) {
				if (!existing.get().values().get(i).equals(wanted.values().get(i))) {
					changed.add(i);
				}
			}
			if (changed.size() == 1) {
				int i = changed.get(0);
				this.labelRenames.put(wanted.name(),
						new LabelRename(existing.get().values().get(i), wanted.values().get(i), true));
			}
		}
	}

	private void requireLabelRename(Rename rename) {
		Optional<EnumType> existing = this.current.enumType(rename.table());
		Optional<EnumType> wanted = this.target.enumType(rename.table());
		String problem = null;
		if (existing.isEmpty() || wanted.isEmpty()) {
			problem = (existing.isEmpty() ? "the database has" : "the entities have") + " no enum type " + rename.table();
		}
		else if (this.labelRenames.containsKey(rename.table())) {
			problem = "another label of " + rename.table() + " is renamed too; rename one label per revision";
		}
		else if (!existing.get().values().contains(rename.from())) {
			problem = "the database's " + rename.table() + " has no label '" + rename.from() + "' (it has "
					+ String.join(", ", existing.get().values()) + ")";
		}
		else if (existing.get().values().contains(rename.to())) {
			problem = "the database's " + rename.table() + " already has a label '" + rename.to() + "'";
		}
		else if (!wanted.get().values().contains(rename.to()) || wanted.get().values().contains(rename.from())) {
			problem = "the entities' " + rename.table() + " " + (wanted.get().values().contains(rename.from())
					? "still has '" + rename.from() + "'" : "has no label '" + rename.to() + "'") + " (it has "
					+ String.join(", ", wanted.get().values()) + ")";
		}
		if (problem != null) {
			throw new MigrationsException("Cannot rename label '" + rename.from() + "' of enum type " + rename.table()
					+ " to '" + rename.to() + "': " + problem + ". Check the rename " + rename
					+ " you passed, or leave it out to recreate the type.");
		}
	}

	/** A column as it is once the labels are renamed: a default naming a renamed label names the new one. */
	private Column relabeled(Column column) {
		String expression = relabeled(column.defaultExpression());
		if (Objects.equals(expression, column.defaultExpression())) {
			return column;
		}
		return new Column(column.name(), column.type(), column.nullable(), expression, column.identity(),
				column.comment(), column.generated());
	}

	/** A table whose columns are as they are once the labels are renamed. */
	private Table relabeled(Table table) {
		List<Column> columns = table.columns().stream().map(this::relabeled).toList();
		return columns.equals(table.columns()) ? table : new Table(table.name(), columns, table.primaryKey(),
				table.uniqueConstraints(), table.indexes(), table.foreignKeys(), table.checks(), table.comment());
	}

	/** An expression as the server prints it once the labels are renamed ({@code 'CLOSED'::status} → {@code 'DONE'::status}). */
	private String relabeled(String expression) {
		if (expression == null || this.labelRenames.isEmpty()) {
			return expression;
		}
		String result = expression;
		for (Map.Entry<String, LabelRename> rename : this.labelRenames.entrySet()) {
			result = RenameEnumValue.relabel(result, rename.getKey(), rename.getValue().from(), rename.getValue().to());
		}
		return result;
	}

	/**
	 * Checks and indexes comparing a column with one of the type's labels ({@code currency <> 'USD'::currency}) keep
	 * the old type's literal when the type is swapped (a removed or reordered label now, the downgrade of an added
	 * one), and the column's conversion fails on them ("operator does not exist: currency <> currency_old"): those
	 * the entities keep are dropped before the change and added again after it, as they are by then: naming the
	 * columns renamed meanwhile (as the entities' definition does), under the name a renamed table gives them.
	 */
	private void recreateLabelDependents(String type) {
		Pattern literal = Operation.labelLiteral(type);
		for (TablePair pair : this.pairs.values()) {
			String currentName = pair.current.name();
			String table = pair.target.name();
			Map<String, String> renames = pair.columnRenames;
			for (CheckConstraint check : pair.current.checks()) {
				if (literal.matcher(check.expression()).find() && !isDropped(this.dropChecks, check)) {
					String expression = relabeled(check.expression());
					if (!renames.isEmpty()) {
						String key = Expressions.checkKey(expression, renames);
						expression = pair.target.checks().stream()
							.filter((wanted) -> Expressions.checkKey(wanted.expression(), Map.of()).equals(key))
							.map(CheckConstraint::expression).findFirst().orElse(null);
					}
					if (expression != null) {
						this.dropChecks.add(new DropCheck(currentName, check));
						this.addChecks.add(new AddCheck(table,
								new CheckConstraint(nameAfterRenames(table, check.name(), false), expression)));
					}
				}
			}
			for (Index index : pair.current.indexes()) {
				boolean mentions = index.where() != null && literal.matcher(index.where()).find();
				for (String element : index.elements()) {
					mentions |= literal.matcher(element).find();
				}
				if (mentions && !isDropped(this.dropIndexes, index)) {
					Index again = new Index(index.name(), index.elements().stream().map(this::relabeled).toList(),
							index.unique(), index.method(), relabeled(index.where()), index.include());
					if (!renames.isEmpty()) {
						List<Object> key = indexKey(index, renames);
						again = pair.target.indexes().stream().filter((wanted) -> indexKey(wanted, Map.of()).equals(key))
							.findFirst().orElse(null);
					}
					if (again != null) {
						this.dropIndexes.add(new DropIndex(currentName, index));
						this.createIndexes.add(new CreateIndex(table, new Index(nameAfterRenames(table, index.name(), true),
								again.elements(), again.unique(), again.method(), again.where(), again.include())));
					}
				}
			}
		}
	}

	/**
	 * The name a constraint or index has once the table's names follow its new name: a constraint dropped and added
	 * again is not renamed in between, it is added under the new name.
	 */
	private String nameAfterRenames(String table, String name, boolean index) {
		for (Iterator<Operation> renames = this.renameConstraints.iterator(); renames.hasNext();) {
			if (renames.next() instanceof RenameConstraint rename && rename.index() == index
					&& rename.table().equals(table) && rename.from().equals(name)) {
				renames.remove();
				return rename.to();
			}
		}
		return name;
	}

	private static boolean isDropped(List<Operation> drops, Object constraint) {
		for (Operation drop : drops) {
			if ((drop instanceof DropCheck dropCheck && dropCheck.check() == constraint)
					|| (drop instanceof DropIndex dropIndex && dropIndex.index() == constraint)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSubsequence(List<String> shorter, List<String> longer) {
		int i = 0;
		for (String value : longer) {
			if (i < shorter.size() && shorter.get(i).equals(value)) {
				i++;
			}
		}
		return i == shorter.size();
	}

	/**
	 * The columns of the type the script keeps. A table it drops, and a column it drops from a table that keeps its
	 * name, are dropped before the type changes instead of being converted (the swap fails on rows holding a label
	 * it removes, rows about to go); the downgrade creates them again after the type is back.
	 */
	private List<EnumUsage> usagesKept(List<EnumUsage> usages) {
		List<EnumUsage> kept = new ArrayList<>();
		for (EnumUsage usage : usages) {
			Operation drop = null;
			for (Operation operation : this.dropTables) {
				if (operation instanceof DropTable dropTable && dropTable.table().name().equals(usage.table())) {
					drop = operation;
				}
			}
			if (drop == null) {
				TablePair pair = this.pairsByCurrentName.get(usage.table());
				boolean plain = pair != null && pair.current.name().equals(pair.target.name())
						&& pair.current.columns().stream().allMatch((column) -> column.generated() == null);
				for (Operation operation : this.dropColumns) {
					if (plain && operation instanceof DropColumn dropColumn && dropColumn.table().equals(usage.table())
							&& dropColumn.column().name().equals(usage.column())) {
						drop = operation;
					}
				}
			}
			if (drop == null) {
				kept.add(usage);
			}
			else if (!this.dropsBeforeEnumValues.contains(drop)) {
				this.dropTables.remove(drop);
				this.dropColumns.remove(drop);
				this.dropsBeforeEnumValues.add(drop);
			}
		}
		return kept;
	}

	/**
	 * A column whose default the same change sets anew gets it from the swap, which drops the default before the
	 * type is recreated and sets one after: setting it later would leave the old default out of the downgrade's
	 * swap (and setting the old one back before that swap names a label the type does not have yet).
	 */
	private List<EnumUsage> takeDefaultChanges(List<EnumUsage> usages) {
		List<EnumUsage> result = new ArrayList<>();
		for (EnumUsage usage : usages) {
			EnumUsage taken = usage;
			TablePair pair = this.pairsByCurrentName.get(usage.table());
			if (pair != null) {
				String table = pair.target.name();
				String column = pair.columnRenames.getOrDefault(usage.column(), usage.column());
				for (int i = 0; i < this.alterColumns.size(); i++) {
					if (this.alterColumns.get(i) instanceof AlterColumn alter && alter.table().equals(table)
							&& alter.column().equals(column) && !alter.typeChanged()
							&& !Objects.equals(alter.existing().defaultExpression(), alter.target().defaultExpression())) {
						taken = new EnumUsage(usage.table(), usage.column(), usage.array(), usage.defaultExpression(),
								alter.target().defaultExpression());
						Column existing = alter.existing();
						Column rest = new Column(existing.name(), existing.type(), existing.nullable(),
								alter.target().defaultExpression(), existing.identity(), existing.comment(), existing.generated());
						if (alterableShape(rest).equals(alterableShape(alter.target()))) {
							this.alterColumns.remove(i);
						}
						else {
							this.alterColumns.set(i, new AlterColumn(alter.table(), alter.column(), rest, alter.target()));
						}
						break;
					}
				}
			}
			result.add(taken);
		}
		return result;
	}

	/** Every column of the type in the database, filtered tables included: the swap must convert them all. */
	private List<EnumUsage> usages(String type) {
		List<EnumUsage> usages = new ArrayList<>();
		for (Table table : this.current.tables()) {
			for (Column column : table.columns()) {
				TypeReference reference = TypeReference.of(column.type(), this.current.schema());
				if (reference.name().equals(type)) {
					usages.add(new EnumUsage(table.name(), column.name(), reference.array(), column.defaultExpression()));
				}
			}
		}
		return usages;
	}

	private boolean isWantedByIncludedTable(EnumType type) {
		boolean usedAnywhere = false;
		for (Table table : this.target.tables()) {
			if (uses(table, type.name(), this.target.schema())) {
				if (this.targetTables.containsKey(table.name())) {
					return true;
				}
				usedAnywhere = true;
			}
		}
		return !usedAnywhere;
	}

	/** Whether a column still uses the type after the script: in a wanted table or a table left alone. */
	private boolean isUsedAfterwards(EnumType type) {
		for (Table table : this.targetTables.values()) {
			if (uses(table, type.name(), this.target.schema())) {
				return true;
			}
		}
		for (Table table : this.current.tables()) {
			if (!this.currentTables.containsKey(table.name()) && uses(table, type.name(), this.current.schema())) {
				return true;
			}
		}
		return false;
	}

	private static boolean uses(Table table, String type, String schema) {
		return table.columns().stream().anyMatch((column) -> TypeReference.of(column.type(), schema).name().equals(type));
	}

	// Sequences

	private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

	// the unqualified sequences (those of the compared schema, as the server prints them) that column
	// defaults of the model call
	private static Set<String> sequencesCalledByDefaults(SchemaModel model) {
		Set<String> names = new HashSet<>();
		for (Table table : model.tables()) {
			for (Column column : table.columns()) {
				if (column.defaultExpression() == null) {
					continue;
				}
				Matcher call = NEXTVAL.matcher(column.defaultExpression());
				while (call.find()) {
					String name = call.group(1).replace("''", "'");
					if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1
							&& name.substring(1, name.length() - 1).replace("\"\"", "").indexOf('"') < 0) {
						names.add(name.substring(1, name.length() - 1).replace("\"\"", "\""));
					}
					else if (name.indexOf('.') < 0 && name.indexOf('"') < 0) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

	private void compareSequences() {
		Map<String, Sequence> existing = new LinkedHashMap<>();
		for (Sequence sequence : this.current.sequences()) {
			if (this.options.sequenceFilter().test(sequence.name())) {
				existing.put(sequence.name(), sequence);
			}
		}
		List<Sequence> created = new ArrayList<>();
		for (Sequence wanted : this.target.sequences()) {
			if (!this.options.sequenceFilter().test(wanted.name())) {
				continue;
			}
			Sequence found = existing.remove(wanted.name());
			if (found == null) {
				created.add(wanted);
			}
			else if (!sameDefinition(found, wanted)) {
				this.createSequences.add(new AlterSequence(found, wanted));
			}
		}
		// a sequence the entities do not create but a column default of theirs calls (a hand-made
		// sequence in a columnDefinition: default nextval('order_number_seq')) is theirs too
		existing.keySet().removeAll(sequencesCalledByDefaults(this.target));
		renameSequences(existing, created);
		for (Sequence sequence : created) {
			this.createSequences.add(new CreateSequence(sequence));
		}
		for (Sequence sequence : existing.values()) {
			this.dropSequences.add(new DropSequence(sequence));
		}
	}

	/**
	 * A dropped and a created sequence of the same definition are one sequence renamed, when
	 * neither has another candidate: a renamed table's {@code <table>_seq}, a changed
	 * {@code @SequenceGenerator(sequenceName)}. Dropping and creating it would start the numbering
	 * over, among ids the rows already hold. Without proposed renames, only a sequence named after
	 * a renamed table ({@code memo_seq} of {@code memo} renamed to {@code note}) follows its table.
	 */
	private void renameSequences(Map<String, Sequence> dropped, List<Sequence> created) {
		// A sequence named after a renamed table follows that table, whatever else has the same definition.
		for (Sequence from : List.copyOf(dropped.values())) {
			List<Sequence> following = created.stream()
				.filter((to) -> sameDefinition(from, to) && followsTableRename(from.name(), to.name()))
				.collect(Collectors.toList());
			if (following.size() == 1) {
				Sequence to = following.get(0);
				dropped.remove(from.name());
				created.remove(to);
				this.createSequences.add(new RenameSequence(from.name(), to.name(),
						List.of(new DropSequence(from), new CreateSequence(to))));
			}
		}
		if (this.options.renameMode() != RenameMode.PROPOSE_RENAME) {
			return;
		}
		// Otherwise only the definitions tell, and they say nothing when the tables differ: a sequence named
		// after a table created by this script starts afresh (its table has no rows), one named after a
		// dropped table goes with it, whatever other sequence has the same definition.
		Set<String> allTables = new HashSet<>(this.currentTables.keySet());
		allTables.addAll(this.targetTables.keySet());
		Map<String, List<Sequence>> candidatesOfDropped = new TreeMap<>();
		Map<String, List<String>> candidatesOfCreated = new HashMap<>();
		for (Sequence from : dropped.values()) {
			String fromTable = namedAfter(from.name(), allTables);
			if (fromTable != null && this.currentTables.containsKey(fromTable)
					&& !this.pairsByCurrentName.containsKey(fromTable)) {
				continue;
			}
			for (Sequence to : created) {
				String toTable = namedAfter(to.name(), allTables);
				if (toTable != null && this.targetTables.containsKey(toTable) && !this.pairs.containsKey(toTable)) {
					continue;
				}
				if (sameDefinition(from, to)) {
					candidatesOfDropped.computeIfAbsent(from.name(), (k) -> new ArrayList<>()).add(to);
					candidatesOfCreated.computeIfAbsent(to.name(), (k) -> new ArrayList<>()).add(from.name());
				}
			}
		}
		candidatesOfDropped.forEach((from, candidates) -> {
			Sequence to = candidates.get(0);
			if (candidates.size() == 1 && candidatesOfCreated.get(to.name()).size() == 1) {
				Sequence existing = dropped.remove(from);
				created.remove(to);
				this.createSequences.add(new RenameSequence(from, to.name(),
						List.of(new DropSequence(existing), new CreateSequence(to))));
			}
		});
	}

	/**
	 * Whether two sequences are defined alike, names aside. The start is not compared: it only says
	 * where a new sequence begins (and where RESTART goes back to), and a sequence created by another
	 * tool (Liquibase's {@code START WITH 1050}) or moved past imported rows is no less in sync.
	 */
	private static boolean sameDefinition(Sequence a, Sequence b) {
		return a.equals(new Sequence(a.name(), b.dataType(), a.start(), b.increment(), b.minValue(), b.maxValue(),
				b.cache(), b.cycle()));
	}

	/** The longest table name a sequence's name starts with, followed by {@code _}, or {@code null}. */
	private static String namedAfter(String sequence, Set<String> tables) {
		String owner = null;
		for (String table : tables) {
			if (sequence.startsWith(table + "_") && (owner == null || table.length() > owner.length())) {
				owner = table;
			}
		}
		return owner;
	}

	private boolean followsTableRename(String from, String to) {
		for (Map.Entry<String, String> rename : this.tableRenames.entrySet()) {
			if (from.startsWith(rename.getKey())
					&& to.equals(rename.getValue() + from.substring(rename.getKey().length()))) {
				return true;
			}
		}
		return false;
	}

	/** A matched table and what the column matching found in it. */
	private static final class TablePair {

		final Table current;

		final Table target;

		/** Current column name to target column name. */
		final Map<String, String> columnRenames = new LinkedHashMap<>();

		final Map<String, String> addNotes = new HashMap<>();

		final Map<String, String> dropNotes = new HashMap<>();

		TablePair(Table current, Table target) {
			this.current = current;
			this.target = target;
		}

	}

	private static final class Matching<T> {

		final List<T> onlyCurrent = new ArrayList<>();

		final List<T> onlyTarget = new ArrayList<>();

		final List<T> matchedCurrent = new ArrayList<>();

		final List<T> matchedTarget = new ArrayList<>();

	}

	private record ForeignKeyMatch(String currentTable, ForeignKey current, String targetTable, ForeignKey target,
			boolean unrenamed) {
	}

}
