package dev.migrations.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
import dev.migrations.diff.Operation.DropEnumValue;
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
import dev.migrations.schema.Column;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.Sequence;

/** Turns operations into drift differences, worded from the database's side. */
final class DifferenceDescriber implements OperationVisitor<List<Difference>> {

	private static final DifferenceDescriber INSTANCE = new DifferenceDescriber();

	static List<Difference> describe(List<Operation> operations) {
		List<Difference> differences = new ArrayList<>();
		Set<Operation> described = new HashSet<>();
		for (int i = 0; i < operations.size(); i++) {
			Operation operation = operations.get(i);
			if (described.contains(operation)) {
				continue;
			}
			if (operation instanceof DropColumn drop) {
				// a column dropped and added again is a generation expression that changed
				AddColumn add = findAddedColumn(drop, operations);
				if (add != null) {
					described.add(add);
					differences.addAll(replaced(drop, add.column()));
					continue;
				}
			}
			if (operation instanceof DropForeignKey drop
					&& (isRecreated(drop, operations) || dropsTable(drop.table(), operations))) {
				continue;
			}
			if (operation instanceof AddForeignKey add && (operations.contains(new DropForeignKey(add.table(), add.foreignKey()))
					|| createsTable(add.table(), operations))) {
				continue;
			}
			if (operation instanceof AddEnumValue first) {
				// Labels added one by one to a type are one difference of its label list.
				AddEnumValue last = first;
				while (i + 1 < operations.size() && operations.get(i + 1) instanceof AddEnumValue next
						&& next.type().equals(first.type())) {
					last = next;
					i++;
				}
				differences.add(enumValues(first.type(), first.existingValues(), last.resultingValues()));
				continue;
			}
			if (operation instanceof DropPrimaryKey drop) {
				AddPrimaryKey add = findAddedPrimaryKey(drop.table(), operations);
				if (add != null) {
					differences.add(new Difference("PRIMARY_KEY_CHANGED", drop.table(), drop.table() + ": database has primary key "
							+ list(drop.primaryKey().columns()) + ", entities want " + list(add.primaryKey().columns())));
					continue;
				}
			}
			if (operation instanceof AddPrimaryKey add && operations.stream()
					.anyMatch((other) -> other instanceof DropPrimaryKey drop && drop.table().equals(add.table()))) {
				continue;
			}
			differences.addAll(operation.accept(INSTANCE));
		}
		return List.copyOf(differences);
	}

	private static boolean isRecreated(DropForeignKey drop, List<Operation> operations) {
		return operations.contains(new AddForeignKey(drop.table(), drop.foreignKey()));
	}

	// The foreign keys of a table that is missing or extra as a whole are part of that one difference.
	private static boolean createsTable(String table, List<Operation> operations) {
		return operations.stream().anyMatch((operation) -> operation instanceof CreateTable create
				&& create.table().name().equals(table));
	}

	private static boolean dropsTable(String table, List<Operation> operations) {
		return operations.stream().anyMatch((operation) -> operation instanceof DropTable drop
				&& drop.table().name().equals(table));
	}

	private static AddPrimaryKey findAddedPrimaryKey(String table, List<Operation> operations) {
		for (Operation operation : operations) {
			if (operation instanceof AddPrimaryKey add && add.table().equals(table)) {
				return add;
			}
		}
		return null;
	}

	private static Difference enumValues(String type, List<String> existing, List<String> wanted) {
		return new Difference("ENUM_VALUES", type, type + ": database has " + list(existing) + ", entities want " + list(wanted));
	}

	private static List<Difference> one(Operation operation, String detail) {
		return List.of(new Difference(operation.kind(), operation.objectName(), detail));
	}

	private static String list(List<String> items) {
		return "(" + String.join(", ", items) + ")";
	}

	private static AddColumn findAddedColumn(DropColumn drop, List<Operation> operations) {
		for (Operation operation : operations) {
			if (operation instanceof AddColumn add && add.table().equals(drop.table())
					&& add.column().name().equals(drop.column().name())) {
				return add;
			}
		}
		return null;
	}

	// a column dropped and added again: its generation expression or its type changed, or it reads a column whose
	// type changes (that column's difference says so)
	private static List<Difference> replaced(DropColumn drop, Column target) {
		Column existing = drop.column();
		String column = drop.objectName();
		if (!Objects.equals(Expressions.key(existing.generated(), Map.of()), Expressions.key(target.generated(), Map.of()))) {
			return List.of(new Difference("COLUMN_GENERATED", column,
					column + ": database has " + generation(existing) + ", entities want " + generation(target)));
		}
		if (!ColumnTypes.same(existing.type(), target.type())) {
			return List.of(new Difference("COLUMN_TYPE", column,
					column + ": database has " + existing.type() + ", entities want " + target.type()));
		}
		return List.of();
	}

	private static String generation(Column column) {
		return (column.generated() != null) ? "generated always as " + column.generatedAs() : "a plain column";
	}

	private static String shape(Column column) {
		StringBuilder shape = new StringBuilder(column.type());
		if (column.identity() != null) {
			shape.append(" identity ").append(column.identity());
		}
		if (!column.nullable()) {
			shape.append(" NOT NULL");
		}
		if (column.defaultExpression() != null) {
			shape.append(" DEFAULT ").append(column.defaultExpression());
		}
		if (column.generated() != null) {
			shape.append(" GENERATED ALWAYS AS ").append(column.generatedAs()).append(" STORED");
		}
		return shape.toString();
	}

	private static String index(Index index) {
		StringBuilder text = new StringBuilder(index.unique() ? "unique index " : "index ");
		if (index.name() != null) {
			text.append(index.name()).append(' ');
		}
		text.append("on ");
		text.append(list(index.elements()));
		if (index.method() != null && !index.method().equals("btree")) {
			text.append(" using ").append(index.method());
		}
		if (!index.include().isEmpty()) {
			text.append(" include ").append(list(index.include()));
		}
		if (index.where() != null) {
			text.append(" where ").append(index.where());
		}
		return text.toString();
	}

	private static String foreignKey(ForeignKey foreignKey) {
		StringBuilder text = new StringBuilder(list(foreignKey.columns())).append(" -> ");
		if (foreignKey.referencedSchema() != null) {
			text.append(foreignKey.referencedSchema()).append('.');
		}
		text.append(foreignKey.referencedTable()).append(' ').append(list(foreignKey.referencedColumns()));
		if (foreignKey.onDelete() != null && foreignKey.onDelete() != ForeignKey.Action.NO_ACTION) {
			text.append(" on delete ").append(foreignKey.onDelete().sql().toLowerCase(java.util.Locale.ROOT));
		}
		if (foreignKey.onUpdate() != null && foreignKey.onUpdate() != ForeignKey.Action.NO_ACTION) {
			text.append(" on update ").append(foreignKey.onUpdate().sql().toLowerCase(java.util.Locale.ROOT));
		}
		return text.toString();
	}

	private static String comment(String comment) {
		return (comment != null) ? "'" + comment + "'" : "none";
	}

	@Override
	public List<Difference> visitCreateTable(CreateTable op) {
		return one(op, "the database has no table " + op.table().name());
	}

	@Override
	public List<Difference> visitDropTable(DropTable op) {
		return one(op, "the database has table " + op.table().name() + ", which no entity maps");
	}

	@Override
	public List<Difference> visitRenameTable(RenameTable op) {
		return one(op, "the database has table " + op.from() + " where the entities want " + op.to()
				+ (op.proposed() ? " (same columns: probably renamed)" : " (renamed)"));
	}

	@Override
	public List<Difference> visitAddColumn(AddColumn op) {
		return one(op, op.objectName() + ": missing from the database (entities want " + shape(op.column()) + ")");
	}

	@Override
	public List<Difference> visitDropColumn(DropColumn op) {
		return one(op, op.objectName() + ": the database has it (" + shape(op.column()) + "), but no entity maps it");
	}

	@Override
	public List<Difference> visitAlterColumn(AlterColumn op) {
		String column = op.objectName();
		Column existing = op.existing();
		Column target = op.target();
		List<Difference> differences = new ArrayList<>();
		if (op.typeChanged()) {
			differences.add(new Difference("COLUMN_TYPE", column,
					column + ": database has " + existing.type() + ", entities want " + target.type()));
		}
		if (op.nullabilityChanged()) {
			differences.add(new Difference("COLUMN_NULLABLE", column, column + ": database "
					+ (existing.nullable() ? "allows NULL, entities want NOT NULL" : "has NOT NULL, entities allow NULL")));
		}
		if (op.defaultChanged()) {
			differences.add(new Difference("COLUMN_DEFAULT", column, column + ": database has "
					+ ((existing.defaultExpression() != null) ? "default " + existing.defaultExpression() : "no default")
					+ ", entities want "
					+ ((target.defaultExpression() != null) ? "default " + target.defaultExpression() : "none")));
		}
		if (op.identityChanged()) {
			differences.add(new Difference("COLUMN_IDENTITY", column, column + ": database has "
					+ ((existing.identity() != null) ? "identity " + existing.identity() : "no identity") + ", entities want "
					+ ((target.identity() != null) ? "identity " + target.identity() : "none")));
		}
		return differences;
	}

	@Override
	public List<Difference> visitRenameColumn(RenameColumn op) {
		return one(op, op.table() + "." + op.from() + ": the entities call it " + op.to()
				+ (op.proposed() ? " (same type, nullability and default: probably renamed)" : " (renamed)"));
	}

	@Override
	public List<Difference> visitAddPrimaryKey(AddPrimaryKey op) {
		return one(op, op.table() + ": the database has no primary key, entities want " + list(op.primaryKey().columns()));
	}

	@Override
	public List<Difference> visitDropPrimaryKey(DropPrimaryKey op) {
		return one(op, op.table() + ": the database has primary key " + op.primaryKey().name() + " "
				+ list(op.primaryKey().columns()) + ", entities want none");
	}

	@Override
	public List<Difference> visitAddUnique(AddUnique op) {
		return one(op, op.table() + ": the database lacks a unique constraint on " + list(op.constraint().columns()));
	}

	@Override
	public List<Difference> visitDropUnique(DropUnique op) {
		return one(op, op.table() + ": the database has unique constraint " + op.constraint().name() + " on "
				+ list(op.constraint().columns()) + ", which the entities do not declare");
	}

	@Override
	public List<Difference> visitCreateIndex(CreateIndex op) {
		return one(op, op.table() + ": the database lacks " + index(op.index()));
	}

	@Override
	public List<Difference> visitDropIndex(DropIndex op) {
		return one(op, op.table() + ": the database has " + index(op.index()) + ", which the entities do not declare");
	}

	@Override
	public List<Difference> visitAddForeignKey(AddForeignKey op) {
		return one(op, op.table() + ": the database lacks foreign key " + foreignKey(op.foreignKey()));
	}

	@Override
	public List<Difference> visitDropForeignKey(DropForeignKey op) {
		return one(op, op.table() + ": the database has foreign key " + op.foreignKey().name() + " "
				+ foreignKey(op.foreignKey()) + ", which the entities do not declare");
	}

	@Override
	public List<Difference> visitAddCheck(AddCheck op) {
		return one(op, op.table() + ": the database lacks check " + op.check().expression());
	}

	@Override
	public List<Difference> visitDropCheck(DropCheck op) {
		return one(op, op.table() + ": the database has check " + op.check().name() + " " + op.check().expression()
				+ ", which the entities do not declare");
	}

	@Override
	public List<Difference> visitCreateSequence(CreateSequence op) {
		return one(op, "the database has no sequence " + op.sequence().name());
	}

	@Override
	public List<Difference> visitDropSequence(DropSequence op) {
		return one(op, "the database has sequence " + op.sequence().name() + ", which the entities do not use");
	}

	@Override
	public List<Difference> visitAlterSequence(AlterSequence op) {
		Sequence existing = op.existing();
		Sequence target = op.target();
		List<String> changes = new ArrayList<>();
		compare(changes, "type", existing.dataType(), target.dataType());
		compare(changes, "increment", existing.increment(), target.increment());
		compare(changes, "minimum", existing.minValue(), target.minValue());
		compare(changes, "maximum", existing.maxValue(), target.maxValue());
		compare(changes, "cache", existing.cache(), target.cache());
		compare(changes, "cycle", existing.cycle(), target.cycle());
		return one(op, target.name() + ": " + String.join("; ", changes));
	}

	@Override
	public List<Difference> visitRenameSequence(RenameSequence op) {
		return one(op, "the database has sequence " + op.from() + " where the entities want " + op.to()
				+ (op.proposed() ? " (same definition: probably renamed)" : " (renamed)"));
	}

	@Override
	public List<Difference> visitRenameConstraint(RenameConstraint op) {
		return one(op, op.table() + ": the database has " + (op.index() ? "index " : "constraint ") + op.from()
				+ " where the entities want " + op.to() + " (named after the table's old name)");
	}

	private static void compare(List<String> changes, String what, Object existing, Object target) {
		if (!existing.equals(target)) {
			changes.add("database has " + what + " " + existing + ", entities want " + what + " " + target);
		}
	}

	@Override
	public List<Difference> visitCreateEnumType(CreateEnumType op) {
		return one(op, "the database has no enum type " + op.type().name() + " " + list(op.type().values()));
	}

	@Override
	public List<Difference> visitDropEnumType(DropEnumType op) {
		return one(op, "the database has enum type " + op.type().name() + " " + list(op.type().values())
				+ ", which no entity uses");
	}

	@Override
	public List<Difference> visitAddEnumValue(AddEnumValue op) {
		return List.of(enumValues(op.type(), op.existingValues(), op.resultingValues()));
	}

	@Override
	public List<Difference> visitDropEnumValue(DropEnumValue op) {
		return List.of(enumValues(op.type(), op.existingValues(), op.resultingValues()));
	}

	@Override
	public List<Difference> visitRecreateEnumType(RecreateEnumType op) {
		return List.of(enumValues(op.type(), op.oldValues(), op.newValues()));
	}

	@Override
	public List<Difference> visitRenameEnumValue(RenameEnumValue op) {
		return List.of(enumValues(op.type(), op.existingValues(), op.resultingValues()));
	}

	@Override
	public List<Difference> visitSetTableComment(SetTableComment op) {
		return one(op, op.table() + ": database has comment " + comment(op.existing()) + ", entities want "
				+ comment(op.target()));
	}

	@Override
	public List<Difference> visitSetColumnComment(SetColumnComment op) {
		return one(op, op.objectName() + ": database has comment " + comment(op.existing()) + ", entities want "
				+ comment(op.target()));
	}


	// a view rebuilt around a change is what the change needs, not a difference of its own
	@Override
	public List<Difference> visitDropView(Operation.DropView op) {
		return List.of();
	}

	@Override
	public List<Difference> visitCreateView(Operation.CreateView op) {
		return List.of();
	}

}
