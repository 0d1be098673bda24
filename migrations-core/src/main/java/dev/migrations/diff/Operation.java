package dev.migrations.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.EnumCast;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import dev.migrations.schema.View;

/**
 * One schema change, as the {@link SchemaDiffer} produces it and a renderer turns it into SQL.
 * <p>
 * Every operation carries the full prior definition of what it changes or removes, so that
 * {@link #reverse()} (the downgrade) never needs a database, and {@code reverse().reverse()} equals
 * the operation. Table and column names are the ones valid at the moment the operation runs within
 * the list the differ returns.
 * <p>
 * The family is closed. Java 17 has no pattern matching for {@code switch}, so exhaustiveness is
 * enforced with {@link OperationVisitor}: a new operation adds a visitor method, which breaks the
 * compilation of every renderer until it handles it.
 */
public sealed interface Operation {

	/** The operation that undoes this one. */
	Operation reverse();

	/** A short description for logs and revision comments, e.g. {@code add column bulletin.status}. */
	String describe();

	/** The drift kind this operation reveals, e.g. {@code COLUMN_MISSING}, {@code ENUM_VALUES}. */
	String kind();

	/** The object concerned, e.g. {@code bulletin} or {@code bulletin.status}. */
	String objectName();

	<R> R accept(OperationVisitor<R> visitor);

	/**
	 * Whether this adds or renames a label of an enum type in place: what goes into the revision of its own that
	 * commits the labels a change uses before the change runs (a label added may go after one renamed).
	 */
	default boolean changesEnumLabelsInPlace() {
		return this instanceof AddEnumValue || this instanceof RenameEnumValue;
	}

	/**
	 * A change as it reads in a revision of its own after the one changing the labels in place: what it drops
	 * names the renamed labels by their new names, as its downgrade runs before they are renamed back.
	 * @param labels the operations of the earlier revision
	 * @param change the operations of the later one
	 * @return the later operations naming the renamed labels by their new names
	 */
	static List<Operation> afterLabelChanges(List<Operation> labels, List<Operation> change) {
		List<Operation> result = new ArrayList<>(change);
		for (Operation label : labels) {
			if (label instanceof RenameEnumValue rename) {
				result.replaceAll(rename::relabel);
			}
		}
		return List.copyOf(result);
	}

	/**
	 * The revision of its own that changes labels in place, with what its downgrade needs: that downgrade
	 * swaps the type of each label added (create the type anew, convert the columns, drop the old one), and a
	 * check or an index comparing a column with one of the type's labels keeps the old type's literal, on which
	 * the conversion fails ({@code operator does not exist: status <> status_old}). So each check and index the
	 * change drops that names such a type's label, and each of a table it drops, is dropped after the labels
	 * are renamed and added again after they are added, as the database has it then: the downgrade drops it
	 * before the swap and adds it again after. The later revision still drops and adds what it does. Only the
	 * downgrade is rendered from these: the upgrade adds the labels alone, rebuilding no index.
	 * @param labels the operations changing labels in place, in order
	 * @param operations the whole change
	 * @return the operations whose downgrade is the labels' revision's downgrade
	 */
	static List<Operation> labelsWithDependents(List<Operation> labels, List<Operation> operations) {
		List<Pattern> literals = labels.stream().filter(AddEnumValue.class::isInstance)
			.map((label) -> ((AddEnumValue) label).type()).distinct().map(Operation::labelLiteral).toList();
		if (literals.isEmpty()) {
			return labels;
		}
		List<Operation> drops = new ArrayList<>();
		for (Operation operation : operations) {
			if (operation instanceof DropCheck drop && namesLabel(literals, drop.check().expression())) {
				drops.add(new DropCheck(drop.table(), drop.check()));
			}
			else if (operation instanceof DropIndex drop && namesLabel(literals, drop.index())) {
				drops.add(new DropIndex(drop.table(), drop.index()));
			}
			else if (operation instanceof DropTable drop) {
				for (CheckConstraint check : drop.table().checks()) {
					if (namesLabel(literals, check.expression())) {
						drops.add(new DropCheck(drop.table().name(), check));
					}
				}
				for (Index index : drop.table().indexes()) {
					if (namesLabel(literals, index)) {
						drops.add(new DropIndex(drop.table().name(), index));
					}
				}
			}
		}
		if (drops.isEmpty()) {
			return labels;
		}
		List<Operation> result = new ArrayList<>();
		int renames = 0;
		while (renames < labels.size() && labels.get(renames) instanceof RenameEnumValue) {
			result.add(labels.get(renames++));
		}
		drops = afterLabelChanges(labels, drops);
		result.addAll(drops);
		result.addAll(labels.subList(renames, labels.size()));
		result.addAll(reverse(drops));
		return List.copyOf(result);
	}

	/** A literal of the type as the server prints it in a check or an index ({@code 'USD'::currency}). */
	static Pattern labelLiteral(String type) {
		return Pattern.compile("::(?:\"?[\\w$]+\"?\\.)?\"?" + Pattern.quote(type) + "\"?(?![\\w$])");
	}

	private static boolean namesLabel(List<Pattern> literals, Index index) {
		boolean names = index.where() != null && namesLabel(literals, index.where());
		for (String element : index.elements()) {
			names |= namesLabel(literals, element);
		}
		return names;
	}

	private static boolean namesLabel(List<Pattern> literals, String expression) {
		return literals.stream().anyMatch((literal) -> literal.matcher(expression).find());
	}

	/**
	 * The downgrade of a list of operations: each reversed, in the opposite order.
	 * @param operations operations in execution order
	 * @return the operations that undo them, in execution order
	 */
	static List<Operation> reverse(List<Operation> operations) {
		List<Operation> reversed = new ArrayList<>(operations.size());
		for (Operation operation : operations) {
			reversed.add(operation.reverse());
		}
		Collections.reverse(reversed);
		return List.copyOf(reversed);
	}

	private static String columns(List<String> columns) {
		return "(" + String.join(", ", columns) + ")";
	}

	/**
	 * Create a table with its columns, primary key, unique and check constraints, indexes and comments.
	 * The differ leaves foreign keys out (they follow as {@link AddForeignKey} once every table exists).
	 *
	 * @param table the table to create
	 * @param note why this is not a rename, when a rename was considered ambiguous; {@code null} otherwise
	 */
	record CreateTable(Table table, String note) implements Operation {

		public CreateTable {
			Objects.requireNonNull(table, "table");
		}

		public CreateTable(Table table) {
			this(table, null);
		}

		@Override
		public Operation reverse() {
			return new DropTable(this.table, this.note);
		}

		@Override
		public String describe() {
			return "create table " + this.table.name();
		}

		@Override
		public String kind() {
			return "TABLE_MISSING";
		}

		@Override
		public String objectName() {
			return this.table.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitCreateTable(this);
		}

	}

	/**
	 * Drop a table. The differ drops its foreign keys first (as {@link DropForeignKey}), so the table
	 * carried here has none and its reverse can create it before any table it references exists.
	 *
	 * @param table the full definition of the table being dropped
	 * @param note why this is not a rename, when a rename was considered ambiguous; {@code null} otherwise
	 */
	record DropTable(Table table, String note) implements Operation {

		public DropTable {
			Objects.requireNonNull(table, "table");
		}

		public DropTable(Table table) {
			this(table, null);
		}

		@Override
		public Operation reverse() {
			return new CreateTable(this.table, this.note);
		}

		@Override
		public String describe() {
			return "drop table " + this.table.name();
		}

		@Override
		public String kind() {
			return "TABLE_EXTRA";
		}

		@Override
		public String objectName() {
			return this.table.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropTable(this);
		}

	}

	/**
	 * Rename a table.
	 *
	 * @param from current name
	 * @param to new name
	 * @param alternative when the rename is a guess (same column shapes), the drop and create it
	 *        replaces, so a reviewer can swap them back; empty when the rename was asked for
	 */
	record RenameTable(String from, String to, List<Operation> alternative) implements Operation {

		public RenameTable {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			alternative = alternative == null ? List.of() : List.copyOf(alternative);
		}

		public RenameTable(String from, String to) {
			this(from, to, List.of());
		}

		/** Whether the differ guessed this rename from the shapes rather than being told. */
		public boolean proposed() {
			return !this.alternative.isEmpty();
		}

		@Override
		public Operation reverse() {
			return new RenameTable(this.to, this.from, Operation.reverse(this.alternative));
		}

		@Override
		public String describe() {
			return "rename table " + this.from + " to " + this.to;
		}

		@Override
		public String kind() {
			return "TABLE_RENAMED";
		}

		@Override
		public String objectName() {
			return this.to;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitRenameTable(this);
		}

	}

	/**
	 * Add a column.
	 *
	 * @param table the table
	 * @param column the new column (its comment included)
	 * @param note why this is not a rename, when a rename was considered ambiguous; {@code null} otherwise
	 * @param fill the SQL literal the rows the table holds take, when the mapping says what it is
	 * (a {@code @SoftDelete} indicator's "not deleted"); {@code null} otherwise
	 */
	record AddColumn(String table, Column column, String note, String fill) implements Operation {

		/** How a {@link #fill()} that numbers the rows starts (the entities' {@code EntityColumn.ROW_NUMBER}). */
		public static final String ROW_NUMBER = "row_number() OVER (";

		public AddColumn {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(column, "column");
		}

		public AddColumn(String table, Column column, String note) {
			this(table, column, note, null);
		}

		public AddColumn(String table, Column column) {
			this(table, column, null);
		}

		/**
		 * Whether {@link #fill()} numbers the rows, a value each (the index column of a list), rather than
		 * giving them all one literal.
		 */
		public boolean numbersRows() {
			return this.fill != null && this.fill.startsWith(ROW_NUMBER);
		}

		/** This addition, the rows the table holds taking {@code fill}. */
		public AddColumn withFill(String fill) {
			return new AddColumn(this.table, this.column, this.note, fill);
		}

		@Override
		public Operation reverse() {
			return new DropColumn(this.table, this.column, this.note);
		}

		@Override
		public String describe() {
			return "add column " + objectName();
		}

		@Override
		public String kind() {
			return "COLUMN_MISSING";
		}

		@Override
		public String objectName() {
			return this.table + "." + this.column.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitAddColumn(this);
		}

	}

	/**
	 * Drop a column.
	 *
	 * @param table the table
	 * @param column the full definition of the column being dropped
	 * @param note why this is not a rename, when a rename was considered ambiguous; {@code null} otherwise
	 */
	record DropColumn(String table, Column column, String note) implements Operation {

		public DropColumn {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(column, "column");
		}

		public DropColumn(String table, Column column) {
			this(table, column, null);
		}

		@Override
		public Operation reverse() {
			return new AddColumn(this.table, this.column, this.note);
		}

		@Override
		public String describe() {
			return "drop column " + objectName();
		}

		@Override
		public String kind() {
			return "COLUMN_EXTRA";
		}

		@Override
		public String objectName() {
			return this.table + "." + this.column.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropColumn(this);
		}

	}

	/**
	 * Change a column's type, nullability, default and identity in one operation. Comments are
	 * {@link SetColumnComment}'s business and are ignored here.
	 *
	 * @param table the table
	 * @param column the column name
	 * @param existing the column as it is
	 * @param target the column as it should be
	 */
	record AlterColumn(String table, String column, Column existing, Column target) implements Operation {

		public AlterColumn {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(column, "column");
			Objects.requireNonNull(existing, "existing");
			Objects.requireNonNull(target, "target");
		}

		/** Whether the type differs in meaning, not only in spelling ({@code timestamp} is {@code timestamp(6)}). */
		public boolean typeChanged() {
			return !ColumnTypes.same(this.existing.type(), this.target.type());
		}

		public boolean nullabilityChanged() {
			return this.existing.nullable() != this.target.nullable();
		}

		public boolean defaultChanged() {
			return !Objects.equals(this.existing.defaultExpression(), this.target.defaultExpression());
		}

		public boolean identityChanged() {
			return this.existing.identity() != this.target.identity();
		}

		@Override
		public Operation reverse() {
			return new AlterColumn(this.table, this.column, this.target, this.existing);
		}

		@Override
		public String describe() {
			List<String> changes = new ArrayList<>();
			if (typeChanged()) {
				changes.add("type " + this.existing.type() + " -> " + this.target.type());
			}
			if (nullabilityChanged()) {
				changes.add(this.target.nullable() ? "drop not null" : "set not null");
			}
			if (defaultChanged()) {
				changes.add(this.target.defaultExpression() == null ? "drop default"
						: "default " + this.target.defaultExpression());
			}
			if (identityChanged()) {
				changes.add(this.target.identity() == null ? "drop identity" : "identity " + this.target.identity());
			}
			return "alter column " + objectName() + (changes.isEmpty() ? "" : " (" + String.join(", ", changes) + ")");
		}

		@Override
		public String kind() {
			if (typeChanged()) {
				return "COLUMN_TYPE";
			}
			if (nullabilityChanged()) {
				return "COLUMN_NULLABLE";
			}
			if (defaultChanged()) {
				return "COLUMN_DEFAULT";
			}
			return "COLUMN_IDENTITY";
		}

		@Override
		public String objectName() {
			return this.table + "." + this.column;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitAlterColumn(this);
		}

	}

	/**
	 * Rename a column.
	 *
	 * @param table the table
	 * @param from current name
	 * @param to new name
	 * @param alternative when the rename is a guess (same type, nullability and default), the drop and
	 *        add it replaces, so a reviewer can swap them back; empty when the rename was asked for
	 */
	record RenameColumn(String table, String from, String to, List<Operation> alternative) implements Operation {

		public RenameColumn {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			alternative = alternative == null ? List.of() : List.copyOf(alternative);
		}

		public RenameColumn(String table, String from, String to) {
			this(table, from, to, List.of());
		}

		/** Whether the differ guessed this rename from the shapes rather than being told. */
		public boolean proposed() {
			return !this.alternative.isEmpty();
		}

		@Override
		public Operation reverse() {
			return new RenameColumn(this.table, this.to, this.from, Operation.reverse(this.alternative));
		}

		@Override
		public String describe() {
			return "rename column " + this.table + "." + this.from + " to " + this.to;
		}

		@Override
		public String kind() {
			return "COLUMN_RENAMED";
		}

		@Override
		public String objectName() {
			return this.table + "." + this.to;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitRenameColumn(this);
		}

	}

	/**
	 * Add a primary key to an existing table.
	 *
	 * @param table the table
	 * @param primaryKey the key; a {@code null} name lets the renderer choose {@code pk_<table>}
	 */
	record AddPrimaryKey(String table, PrimaryKey primaryKey) implements Operation {

		public AddPrimaryKey {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(primaryKey, "primaryKey");
		}

		@Override
		public Operation reverse() {
			return new DropPrimaryKey(this.table, this.primaryKey);
		}

		@Override
		public String describe() {
			return "add primary key on " + this.table + " " + columns(this.primaryKey.columns());
		}

		@Override
		public String kind() {
			return "PRIMARY_KEY_MISSING";
		}

		@Override
		public String objectName() {
			return this.table;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitAddPrimaryKey(this);
		}

	}

	/**
	 * Drop a primary key.
	 *
	 * @param table the table
	 * @param primaryKey the key as the database has it (its real name)
	 */
	record DropPrimaryKey(String table, PrimaryKey primaryKey) implements Operation {

		public DropPrimaryKey {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(primaryKey, "primaryKey");
		}

		@Override
		public Operation reverse() {
			return new AddPrimaryKey(this.table, this.primaryKey);
		}

		@Override
		public String describe() {
			return "drop primary key on " + this.table + " " + columns(this.primaryKey.columns());
		}

		@Override
		public String kind() {
			return "PRIMARY_KEY_EXTRA";
		}

		@Override
		public String objectName() {
			return this.table;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropPrimaryKey(this);
		}

	}

	/**
	 * Add a unique constraint to an existing table.
	 *
	 * @param table the table
	 * @param constraint the constraint
	 */
	record AddUnique(String table, UniqueConstraint constraint) implements Operation {

		public AddUnique {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(constraint, "constraint");
		}

		@Override
		public Operation reverse() {
			return new DropUnique(this.table, this.constraint);
		}

		@Override
		public String describe() {
			return "add unique constraint on " + this.table + " " + columns(this.constraint.columns());
		}

		@Override
		public String kind() {
			return "UNIQUE_MISSING";
		}

		@Override
		public String objectName() {
			return this.table + columns(this.constraint.columns());
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitAddUnique(this);
		}

	}

	/**
	 * Drop a unique constraint.
	 *
	 * @param table the table
	 * @param constraint the constraint as the database has it
	 */
	record DropUnique(String table, UniqueConstraint constraint) implements Operation {

		public DropUnique {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(constraint, "constraint");
		}

		@Override
		public Operation reverse() {
			return new AddUnique(this.table, this.constraint);
		}

		@Override
		public String describe() {
			return "drop unique constraint " + this.constraint.name() + " on " + this.table + " "
					+ columns(this.constraint.columns());
		}

		@Override
		public String kind() {
			return "UNIQUE_EXTRA";
		}

		@Override
		public String objectName() {
			return this.table + columns(this.constraint.columns());
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropUnique(this);
		}

	}

	/**
	 * Create an index on an existing table.
	 *
	 * @param table the table
	 * @param index the index
	 * @param nameTaken whether the index's name is already another relation's of the schema (an index
	 *        of another table, a table, a sequence): then it is created without {@code IF NOT EXISTS},
	 *        which would find the other relation and create nothing, and fails instead, and its drop
	 *        has no {@code IF EXISTS} form that would drop the other relation
	 */
	record CreateIndex(String table, Index index, boolean nameTaken) implements Operation {

		public CreateIndex {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(index, "index");
		}

		public CreateIndex(String table, Index index) {
			this(table, index, false);
		}

		@Override
		public Operation reverse() {
			return new DropIndex(this.table, this.index, this.nameTaken);
		}

		@Override
		public String describe() {
			return "create " + (this.index.unique() ? "unique " : "") + "index "
					+ ((this.index.name() != null) ? this.index.name() + " " : "") + "on " + objectName();
		}

		@Override
		public String kind() {
			return "INDEX_MISSING";
		}

		@Override
		public String objectName() {
			return this.table + columns(this.index.elements());
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitCreateIndex(this);
		}

	}

	/**
	 * Drop an index.
	 *
	 * @param table the table
	 * @param index the index as the database has it
	 * @param nameTaken whether the downgrade of a {@link CreateIndex} whose name was another
	 *        relation's (see there)
	 */
	record DropIndex(String table, Index index, boolean nameTaken) implements Operation {

		public DropIndex {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(index, "index");
		}

		public DropIndex(String table, Index index) {
			this(table, index, false);
		}

		@Override
		public Operation reverse() {
			return new CreateIndex(this.table, this.index, this.nameTaken);
		}

		@Override
		public String describe() {
			return "drop index " + this.index.name() + " on " + objectName();
		}

		@Override
		public String kind() {
			return "INDEX_EXTRA";
		}

		@Override
		public String objectName() {
			return this.table + columns(this.index.elements());
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropIndex(this);
		}

	}

	/**
	 * Add a foreign key.
	 *
	 * @param table the referencing table
	 * @param foreignKey the key
	 */
	record AddForeignKey(String table, ForeignKey foreignKey) implements Operation {

		public AddForeignKey {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(foreignKey, "foreignKey");
		}

		@Override
		public Operation reverse() {
			return new DropForeignKey(this.table, this.foreignKey);
		}

		@Override
		public String describe() {
			return "add foreign key " + objectName() + " -> " + this.foreignKey.referencedTable()
					+ columns(this.foreignKey.referencedColumns());
		}

		@Override
		public String kind() {
			return "FOREIGN_KEY_MISSING";
		}

		@Override
		public String objectName() {
			return this.table + columns(this.foreignKey.columns());
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitAddForeignKey(this);
		}

	}

	/**
	 * Drop a foreign key.
	 *
	 * @param table the referencing table
	 * @param foreignKey the key as the database has it
	 */
	record DropForeignKey(String table, ForeignKey foreignKey) implements Operation {

		public DropForeignKey {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(foreignKey, "foreignKey");
		}

		@Override
		public Operation reverse() {
			return new AddForeignKey(this.table, this.foreignKey);
		}

		@Override
		public String describe() {
			return "drop foreign key " + this.foreignKey.name() + " on " + objectName() + " -> "
					+ this.foreignKey.referencedTable() + columns(this.foreignKey.referencedColumns());
		}

		@Override
		public String kind() {
			return "FOREIGN_KEY_EXTRA";
		}

		@Override
		public String objectName() {
			return this.table + columns(this.foreignKey.columns());
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropForeignKey(this);
		}

	}

	/**
	 * Add a check constraint to an existing table.
	 *
	 * @param table the table
	 * @param check the constraint
	 */
	record AddCheck(String table, CheckConstraint check) implements Operation {

		public AddCheck {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(check, "check");
		}

		@Override
		public Operation reverse() {
			return new DropCheck(this.table, this.check);
		}

		@Override
		public String describe() {
			return "add check on " + this.table + ": " + this.check.expression();
		}

		@Override
		public String kind() {
			return "CHECK_MISSING";
		}

		@Override
		public String objectName() {
			return this.table;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitAddCheck(this);
		}

	}

	/**
	 * Drop a check constraint.
	 *
	 * @param table the table
	 * @param check the constraint as the database has it
	 */
	record DropCheck(String table, CheckConstraint check) implements Operation {

		public DropCheck {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(check, "check");
		}

		@Override
		public Operation reverse() {
			return new AddCheck(this.table, this.check);
		}

		@Override
		public String describe() {
			return "drop check " + this.check.name() + " on " + this.table + ": " + this.check.expression();
		}

		@Override
		public String kind() {
			return "CHECK_EXTRA";
		}

		@Override
		public String objectName() {
			return this.table;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropCheck(this);
		}

	}

	/**
	 * Create a sequence.
	 *
	 * @param sequence the sequence
	 */
	record CreateSequence(Sequence sequence) implements Operation {

		public CreateSequence {
			Objects.requireNonNull(sequence, "sequence");
		}

		@Override
		public Operation reverse() {
			return new DropSequence(this.sequence);
		}

		@Override
		public String describe() {
			return "create sequence " + this.sequence.name();
		}

		@Override
		public String kind() {
			return "SEQUENCE_MISSING";
		}

		@Override
		public String objectName() {
			return this.sequence.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitCreateSequence(this);
		}

	}

	/**
	 * Drop a sequence.
	 *
	 * @param sequence the sequence as the database has it
	 */
	record DropSequence(Sequence sequence) implements Operation {

		public DropSequence {
			Objects.requireNonNull(sequence, "sequence");
		}

		@Override
		public Operation reverse() {
			return new CreateSequence(this.sequence);
		}

		@Override
		public String describe() {
			return "drop sequence " + this.sequence.name();
		}

		@Override
		public String kind() {
			return "SEQUENCE_EXTRA";
		}

		@Override
		public String objectName() {
			return this.sequence.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropSequence(this);
		}

	}

	/**
	 * Change a sequence's type, increment, bounds, cache or cycling.
	 *
	 * @param existing the sequence as it is
	 * @param target the sequence as it should be (same name)
	 */
	record AlterSequence(Sequence existing, Sequence target) implements Operation {

		public AlterSequence {
			Objects.requireNonNull(existing, "existing");
			Objects.requireNonNull(target, "target");
		}

		@Override
		public Operation reverse() {
			return new AlterSequence(this.target, this.existing);
		}

		@Override
		public String describe() {
			return "alter sequence " + this.target.name();
		}

		@Override
		public String kind() {
			return "SEQUENCE_CHANGED";
		}

		@Override
		public String objectName() {
			return this.target.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitAlterSequence(this);
		}

	}

	/**
	 * Rename a sequence, keeping its current value: a table numbered from the old sequence goes on
	 * from where it was instead of starting over among ids its rows already hold.
	 *
	 * @param from current name
	 * @param to new name
	 * @param alternative when the rename is a guess (same definition), the drop and create it
	 *        replaces, so a reviewer can swap them back; empty when the rename was asked for
	 */
	record RenameSequence(String from, String to, List<Operation> alternative) implements Operation {

		public RenameSequence {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			alternative = alternative == null ? List.of() : List.copyOf(alternative);
		}

		public RenameSequence(String from, String to) {
			this(from, to, List.of());
		}

		/** Whether the differ guessed this rename from the definitions rather than being told. */
		public boolean proposed() {
			return !this.alternative.isEmpty();
		}

		@Override
		public Operation reverse() {
			return new RenameSequence(this.to, this.from, Operation.reverse(this.alternative));
		}

		@Override
		public String describe() {
			return "rename sequence " + this.from + " to " + this.to;
		}

		@Override
		public String kind() {
			return "SEQUENCE_RENAMED";
		}

		@Override
		public String objectName() {
			return this.to;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitRenameSequence(this);
		}

	}

	/**
	 * Rename a constraint or an index of a renamed table whose name follows the table's old name
	 * ({@code tag_pkey} of {@code tag} renamed to {@code label}): left as it was, the name would be
	 * taken when a table of the old name is created again.
	 *
	 * @param table the table, under its new name
	 * @param from current name
	 * @param to the name the entities' schema gives it
	 * @param index whether it is an index of its own ({@code ALTER INDEX}) rather than a constraint
	 */
	record RenameConstraint(String table, String from, String to, boolean index) implements Operation {

		public RenameConstraint {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
		}

		@Override
		public Operation reverse() {
			return new RenameConstraint(this.table, this.to, this.from, this.index);
		}

		@Override
		public String describe() {
			return "rename " + (this.index ? "index " : "constraint ") + this.from + " of " + this.table + " to " + this.to;
		}

		@Override
		public String kind() {
			return "CONSTRAINT_RENAMED";
		}

		@Override
		public String objectName() {
			return this.table + "." + this.to;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitRenameConstraint(this);
		}

	}

	/**
	 * Drop a view that reads a column the change alters, to create it again after the change
	 * ({@link CreateView}): no difference between the entities and the database, only what the change needs.
	 *
	 * @param view the view as the database defines it
	 */
	record DropView(View view) implements Operation {

		public DropView {
			Objects.requireNonNull(view, "view");
		}

		@Override
		public Operation reverse() {
			return new CreateView(this.view);
		}

		@Override
		public String describe() {
			return "drop " + (this.view.materialized() ? "materialized view " : "view ") + this.view.name()
					+ " (created again after the change)";
		}

		@Override
		public String kind() {
			return "VIEW_REBUILT";
		}

		@Override
		public String objectName() {
			return this.view.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropView(this);
		}

	}

	/**
	 * Create a view again, as {@link DropView} dropped it, with its comments, privileges, indexes and triggers.
	 *
	 * @param view the view as the database defined it
	 */
	record CreateView(View view) implements Operation {

		public CreateView {
			Objects.requireNonNull(view, "view");
		}

		@Override
		public Operation reverse() {
			return new DropView(this.view);
		}

		@Override
		public String describe() {
			return "create " + (this.view.materialized() ? "materialized view " : "view ") + this.view.name() + " again";
		}

		@Override
		public String kind() {
			return "VIEW_REBUILT";
		}

		@Override
		public String objectName() {
			return this.view.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitCreateView(this);
		}

	}

	/**
	 * Create an enum type.
	 *
	 * @param type the type
	 */
	record CreateEnumType(EnumType type) implements Operation {

		public CreateEnumType {
			Objects.requireNonNull(type, "type");
		}

		@Override
		public Operation reverse() {
			return new DropEnumType(this.type);
		}

		@Override
		public String describe() {
			return "create enum type " + this.type.name();
		}

		@Override
		public String kind() {
			return "ENUM_TYPE_MISSING";
		}

		@Override
		public String objectName() {
			return this.type.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitCreateEnumType(this);
		}

	}

	/**
	 * Drop an enum type no column uses any more.
	 *
	 * @param type the type as the database has it
	 */
	record DropEnumType(EnumType type) implements Operation {

		public DropEnumType {
			Objects.requireNonNull(type, "type");
		}

		@Override
		public Operation reverse() {
			return new CreateEnumType(this.type);
		}

		@Override
		public String describe() {
			return "drop enum type " + this.type.name();
		}

		@Override
		public String kind() {
			return "ENUM_TYPE_EXTRA";
		}

		@Override
		public String objectName() {
			return this.type.name();
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropEnumType(this);
		}

	}

	/**
	 * Add one label to an enum type ({@code ALTER TYPE ... ADD VALUE}). Its reverse,
	 * {@link DropEnumValue}, has to recreate the type, hence the usages and casts.
	 *
	 * @param type the enum type
	 * @param value the new label
	 * @param existingValues labels before, in order
	 * @param resultingValues labels after, in order: {@code existingValues} with {@code value} inserted
	 * @param usages the columns of this type when the operation runs
	 * @param casts the type's casts, which a recreation moves to the new type
	 */
	record AddEnumValue(String type, String value, List<String> existingValues, List<String> resultingValues,
			List<EnumUsage> usages, List<EnumCast> casts) implements Operation {

		public AddEnumValue {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(value, "value");
			existingValues = List.copyOf(existingValues);
			resultingValues = List.copyOf(resultingValues);
			usages = List.copyOf(usages);
			casts = List.copyOf(casts);
			requireOneInserted(existingValues, resultingValues, value);
		}

		/** A label added to a type without casts. */
		public AddEnumValue(String type, String value, List<String> existingValues, List<String> resultingValues,
				List<EnumUsage> usages) {
			this(type, value, existingValues, resultingValues, usages, List.of());
		}

		/** The label the new one goes right before, {@code null} when it goes after an existing one or last. */
		public String before() {
			int position = this.resultingValues.indexOf(this.value);
			return (position == 0 && this.resultingValues.size() > 1) ? this.resultingValues.get(1) : null;
		}

		/** The label the new one goes right after, {@code null} when it is first or appended last. */
		public String after() {
			int position = this.resultingValues.indexOf(this.value);
			return (position > 0 && position < this.resultingValues.size() - 1) ? this.resultingValues.get(position - 1)
					: null;
		}

		@Override
		public Operation reverse() {
			return new DropEnumValue(this.type, this.value, this.resultingValues, this.existingValues, this.usages,
					this.casts);
		}

		@Override
		public String describe() {
			return "add value '" + this.value + "' to enum type " + this.type;
		}

		@Override
		public String kind() {
			return "ENUM_VALUES";
		}

		@Override
		public String objectName() {
			return this.type;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitAddEnumValue(this);
		}

	}

	/**
	 * Remove one label from an enum type. PostgreSQL cannot drop a label, so this renders as the
	 * recreation swap of {@link RecreateEnumType}; it exists so that it is the exact inverse of
	 * {@link AddEnumValue}.
	 *
	 * @param type the enum type
	 * @param value the label removed
	 * @param existingValues labels before, in order (containing {@code value})
	 * @param resultingValues labels after, in order
	 * @param usages the columns of this type when the operation runs
	 * @param casts the type's casts, moved to the recreated type
	 */
	record DropEnumValue(String type, String value, List<String> existingValues, List<String> resultingValues,
			List<EnumUsage> usages, List<EnumCast> casts) implements Operation {

		public DropEnumValue {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(value, "value");
			existingValues = List.copyOf(existingValues);
			resultingValues = List.copyOf(resultingValues);
			usages = List.copyOf(usages);
			casts = List.copyOf(casts);
			requireOneInserted(resultingValues, existingValues, value);
		}

		/** A label removed from a type without casts. */
		public DropEnumValue(String type, String value, List<String> existingValues, List<String> resultingValues,
				List<EnumUsage> usages) {
			this(type, value, existingValues, resultingValues, usages, List.of());
		}

		/** The same change as a recreation of the type. */
		public RecreateEnumType asRecreate() {
			return new RecreateEnumType(this.type, this.existingValues, this.resultingValues, this.usages, this.casts);
		}

		@Override
		public Operation reverse() {
			return new AddEnumValue(this.type, this.value, this.resultingValues, this.existingValues, this.usages,
					this.casts);
		}

		@Override
		public String describe() {
			return "remove value '" + this.value + "' from enum type " + this.type;
		}

		@Override
		public String kind() {
			return "ENUM_VALUES";
		}

		@Override
		public String objectName() {
			return this.type;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitDropEnumValue(this);
		}

	}

	/**
	 * Replace the labels of an enum type when values are removed or reordered, which PostgreSQL can
	 * only do by creating a new type and converting every column that uses it.
	 *
	 * @param type the enum type
	 * @param oldValues labels before, in order
	 * @param newValues labels after, in order
	 * @param usages every column of this type when the operation runs (their defaults are dropped
	 *        before the swap and restored after)
	 * @param casts the type's casts: they would follow the old type and keep it from being dropped,
	 *        so they are created for the new type and dropped with the old one
	 */
	record RecreateEnumType(String type, List<String> oldValues, List<String> newValues, List<EnumUsage> usages,
			List<EnumCast> casts) implements Operation {

		public RecreateEnumType {
			Objects.requireNonNull(type, "type");
			oldValues = List.copyOf(oldValues);
			newValues = List.copyOf(newValues);
			usages = List.copyOf(usages);
			casts = List.copyOf(casts);
		}

		/** A recreation of a type without casts. */
		public RecreateEnumType(String type, List<String> oldValues, List<String> newValues, List<EnumUsage> usages) {
			this(type, oldValues, newValues, usages, List.of());
		}

		/** Labels rows may hold now that the new type lacks. */
		public List<String> removedValues() {
			return this.oldValues.stream().filter((value) -> !this.newValues.contains(value)).collect(Collectors.toList());
		}

		@Override
		public Operation reverse() {
			return new RecreateEnumType(this.type, this.newValues, this.oldValues,
					this.usages.stream().map(EnumUsage::reversed).toList(), this.casts);
		}

		@Override
		public String describe() {
			return "recreate enum type " + this.type + " with values (" + String.join(", ", this.newValues) + ")";
		}

		@Override
		public String kind() {
			return "ENUM_VALUES";
		}

		@Override
		public String objectName() {
			return this.type;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitRecreateEnumType(this);
		}

	}

	/**
	 * Rename one label of an enum type in place ({@code ALTER TYPE ... RENAME VALUE}): the rows holding it,
	 * and the defaults and checks naming it, hold the new label afterwards.
	 *
	 * @param type the enum type
	 * @param from the label as it is
	 * @param to the label it becomes
	 * @param existingValues labels before, in order (containing {@code from})
	 * @param resultingValues labels after, in order ({@code to} where {@code from} was)
	 * @param alternative the swap to write instead when the differ guessed the rename wrongly; {@code null} when
	 *        the rename was not guessed
	 */
	record RenameEnumValue(String type, String from, String to, List<String> existingValues,
			List<String> resultingValues, RecreateEnumType alternative) implements Operation {

		public RenameEnumValue {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			existingValues = List.copyOf(existingValues);
			resultingValues = List.copyOf(resultingValues);
			int position = existingValues.indexOf(from);
			if (position < 0 || resultingValues.size() != existingValues.size()
					|| !to.equals(resultingValues.get(position)) || existingValues.contains(to)) {
				throw new IllegalArgumentException("'" + from + "' of " + type + " " + existingValues
						+ " does not become '" + to + "' in " + resultingValues);
			}
		}

		/** Whether the differ guessed this rename from the labels' places rather than being told. */
		public boolean proposed() {
			return this.alternative != null;
		}

		/**
		 * An expression as the server prints it once a label is renamed ({@code 'CLOSED'::status} →
		 * {@code 'DONE'::status}).
		 * @param expression a default, a check or an index expression, may be {@code null}
		 * @param type the enum type
		 * @param from the label as it is
		 * @param to the label it becomes
		 * @return the expression naming the new label
		 */
		public static String relabel(String expression, String type, String from, String to) {
			if (expression == null) {
				return null;
			}
			String cast = "(::(?:\"?[\\w$]+\"?\\.)?\"?" + Pattern.quote(type) + "\"?";
			Pattern literal = Pattern.compile(Pattern.quote(PostgresIdentifiers.literal(from)) + cast + "(?![\\w$]))");
			String result = literal.matcher(expression)
				.replaceAll(Matcher.quoteReplacement(PostgresIdentifiers.literal(to)) + "$1");
			// an array of the type, as the server prints it: '{OPEN,CLOSED}'::status[] (a label quoted when it must be)
			Matcher array = Pattern.compile("'\\{([^'{}]*)\\}'" + cast + "\\[\\])").matcher(result);
			StringBuilder relabeled = new StringBuilder();
			while (array.find()) {
				List<String> elements = new ArrayList<>();
				for (String element : array.group(1).split(",", -1)) {
					boolean quoted = element.length() > 1 && element.startsWith("\"") && element.endsWith("\"");
					String label = quoted ? element.substring(1, element.length() - 1) : element;
					elements.add(label.equals(from)
							? (quoted || to.equalsIgnoreCase("NULL") || !to.matches("[^\\s,{}\"\\\\']+") ? "\"" + to + "\"" : to)
							: element);
				}
				array.appendReplacement(relabeled,
						Matcher.quoteReplacement("'{" + String.join(",", elements) + "}'" + array.group(2)));
			}
			array.appendTail(relabeled);
			return relabeled.toString();
		}

		/**
		 * An operation as it reads once this label is renamed: the check, index, column or table it drops (and its
		 * downgrade creates again) or the default a column had naming the new label. For a revision that runs after
		 * the one renaming the label, whose downgrade runs before the label is renamed back.
		 * @param operation an operation of the change
		 * @return the operation naming the new label
		 */
		public Operation relabel(Operation operation) {
			if (operation instanceof DropCheck drop) {
				return new DropCheck(drop.table(), relabel(drop.check()));
			}
			if (operation instanceof DropIndex drop) {
				return new DropIndex(drop.table(), relabel(drop.index()), drop.nameTaken());
			}
			if (operation instanceof DropColumn drop) {
				return new DropColumn(drop.table(), relabel(drop.column()), drop.note());
			}
			if (operation instanceof AlterColumn alter) {
				return new AlterColumn(alter.table(), alter.column(), relabel(alter.existing()), alter.target());
			}
			if (operation instanceof DropTable drop) {
				Table table = drop.table();
				return new DropTable(new Table(table.name(), table.columns().stream().map(this::relabel).toList(),
						table.primaryKey(), table.uniqueConstraints(), table.indexes().stream().map(this::relabel).toList(),
						table.foreignKeys(), table.checks().stream().map(this::relabel).toList(), table.comment()), drop.note());
			}
			return operation;
		}

		private String relabel(String expression) {
			return relabel(expression, this.type, this.from, this.to);
		}

		private CheckConstraint relabel(CheckConstraint check) {
			return new CheckConstraint(check.name(), relabel(check.expression()));
		}

		private Index relabel(Index index) {
			return new Index(index.name(), index.elements().stream().map(this::relabel).toList(), index.unique(),
					index.method(), relabel(index.where()), index.include());
		}

		private Column relabel(Column column) {
			return new Column(column.name(), column.type(), column.nullable(), relabel(column.defaultExpression()),
					column.identity(), column.comment(), relabel(column.generated()));
		}

		@Override
		public Operation reverse() {
			return new RenameEnumValue(this.type, this.to, this.from, this.resultingValues, this.existingValues,
					(this.alternative != null) ? (RecreateEnumType) this.alternative.reverse() : null);
		}

		@Override
		public String describe() {
			return "rename value '" + this.from + "' of enum type " + this.type + " to '" + this.to + "'";
		}

		@Override
		public String kind() {
			return "ENUM_VALUES";
		}

		@Override
		public String objectName() {
			return this.type;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitRenameEnumValue(this);
		}

	}

	/**
	 * Set or remove a table comment.
	 *
	 * @param table the table
	 * @param existing the comment now, {@code null} when none
	 * @param target the comment wanted, {@code null} to remove it
	 */
	record SetTableComment(String table, String existing, String target) implements Operation {

		public SetTableComment {
			Objects.requireNonNull(table, "table");
		}

		@Override
		public Operation reverse() {
			return new SetTableComment(this.table, this.target, this.existing);
		}

		@Override
		public String describe() {
			return (this.target == null ? "remove comment on table " : "set comment on table ") + this.table;
		}

		@Override
		public String kind() {
			return "TABLE_COMMENT";
		}

		@Override
		public String objectName() {
			return this.table;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitSetTableComment(this);
		}

	}

	/**
	 * Set or remove a column comment.
	 *
	 * @param table the table
	 * @param column the column
	 * @param existing the comment now, {@code null} when none
	 * @param target the comment wanted, {@code null} to remove it
	 */
	record SetColumnComment(String table, String column, String existing, String target) implements Operation {

		public SetColumnComment {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(column, "column");
		}

		@Override
		public Operation reverse() {
			return new SetColumnComment(this.table, this.column, this.target, this.existing);
		}

		@Override
		public String describe() {
			return (this.target == null ? "remove comment on column " : "set comment on column ") + objectName();
		}

		@Override
		public String kind() {
			return "COLUMN_COMMENT";
		}

		@Override
		public String objectName() {
			return this.table + "." + this.column;
		}

		@Override
		public <R> R accept(OperationVisitor<R> visitor) {
			return visitor.visitSetColumnComment(this);
		}

	}

	private static void requireOneInserted(List<String> shorter, List<String> longer, String value) {
		List<String> without = new ArrayList<>(longer);
		if (!without.remove(value) || without.contains(value) || !without.equals(shorter)) {
			throw new IllegalArgumentException(
					"enum labels " + longer + " must be " + shorter + " with '" + value + "' inserted once");
		}
	}

}
