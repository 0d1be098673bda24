package dev.migrations.autogenerate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.diff.EnumUsage;
import dev.migrations.diff.Operation;
import dev.migrations.schema.View;

/**
 * The views a change must drop and create again around it: PostgreSQL refuses to change the type of a column a
 * view reads ({@code cannot alter type of a column used by a view or rule}), and that is what an altered column
 * type and an enum type swapped for another (each column converted to it) do, in the upgrade or the downgrade.
 * The views are dropped before the change and created again after it, as the database defines them.
 */
public final class ViewRebuilds {

	private ViewRebuilds() {
	}

	/**
	 * The columns ({@code table.column}) whose type the operations change in either direction, and those they
	 * drop: the columns to look up the views of.
	 */
	public static Set<String> columns(List<Operation> operations) {
		Set<String> columns = new LinkedHashSet<>(typeChanges(operations, true, true));
		columns.addAll(dropped(operations));
		return columns;
	}

	/**
	 * The columns ({@code table.column}) whose enum type the operations swap for another in either direction: the
	 * views naming their type must go around the swap too.
	 */
	public static Set<String> enumColumns(List<Operation> operations) {
		Set<String> columns = new LinkedHashSet<>();
		for (Operation operation : operations) {
			List<EnumUsage> usages = List.of();
			if (operation instanceof Operation.RecreateEnumType recreate) {
				usages = recreate.usages();
			}
			else if (operation instanceof Operation.DropEnumValue drop) {
				usages = drop.usages();
			}
			else if (operation instanceof Operation.AddEnumValue add) {
				usages = add.usages();
			}
			usages.forEach((usage) -> columns.add(usage.table() + "." + usage.column()));
		}
		return columns;
	}

	// the columns dropped, alone or with their table, and not added again (a generated column whose expression changed)
	private static Set<String> dropped(List<Operation> operations) {
		Set<String> dropped = new LinkedHashSet<>();
		Set<String> added = new LinkedHashSet<>();
		for (Operation operation : operations) {
			if (operation instanceof Operation.DropColumn drop) {
				dropped.add(drop.table() + "." + drop.column().name());
			}
			else if (operation instanceof Operation.DropTable drop) {
				drop.table().columns().forEach((column) -> dropped.add(drop.table().name() + "." + column.name()));
			}
			else if (operation instanceof Operation.AddColumn add) {
				added.add(add.table() + "." + add.column().name());
			}
		}
		dropped.removeAll(added);
		return dropped;
	}

	// the columns whose type the upgrade, the downgrade or both change: a label removed swaps the type in the upgrade,
	// a label added in the downgrade (each adds its label in place the other way)
	private static Set<String> typeChanges(List<Operation> operations, boolean upgrade, boolean downgrade) {
		Set<String> columns = new LinkedHashSet<>();
		for (Operation operation : operations) {
			List<EnumUsage> usages = List.of();
			if (operation instanceof Operation.AlterColumn alter && alter.typeChanged()) {
				columns.add(alter.table() + "." + alter.column());
			}
			else if (operation instanceof Operation.RecreateEnumType recreate) {
				usages = recreate.usages();
			}
			else if (operation instanceof Operation.DropEnumValue drop && upgrade) {
				usages = drop.usages();
			}
			else if (operation instanceof Operation.AddEnumValue add && downgrade) {
				usages = add.usages();
			}
			for (EnumUsage usage : usages) {
				columns.add(usage.table() + "." + usage.column());
			}
		}
		return columns;
	}

	/**
	 * The operations with the views reading a column whose type they change dropped first and created again last;
	 * their reverse, the downgrade, does the same around its own change. A view of a table the operations rename
	 * is left out, its definition naming the table and columns as they were: a warning says to rebuild it by hand.
	 * @param operations the change, in order
	 * @param views the views reading the columns the whole change alters or drops, in the order they are dropped
	 * @param warnings where what is left to the reviewer is said
	 * @param upgrade whether the views the upgrade needs rebuilt count
	 * @param downgrade whether those the downgrade needs rebuilt count
	 * @return the change with the views around it
	 */
	public static List<Operation> around(List<Operation> operations, List<View> views, List<String> warnings,
			boolean upgrade, boolean downgrade) {
		if (views.isEmpty()) {
			return operations;
		}
		Set<String> changed = typeChanges(operations, upgrade, downgrade);
		Set<String> renamed = new LinkedHashSet<>();
		for (Operation operation : operations) {
			if (operation instanceof Operation.RenameTable rename) {
				renamed.add(rename.from());
			}
			else if (operation instanceof Operation.RenameColumn rename) {
				renamed.add(rename.table());
			}
		}
		List<Operation> drops = new ArrayList<>();
		for (View view : views) {
			if (view.columns().stream().noneMatch(changed::contains)) {
				continue;
			}
			String renamedTable = view.columns().stream().map((column) -> column.substring(0, column.lastIndexOf('.')))
				.filter(renamed::contains).findFirst().orElse(null);
			if (renamedTable != null) {
				String warning = view.name() + " reads " + String.join(", ", view.columns()) + ", which this revision"
						+ " changes the type of, and the revision also renames " + renamedTable + " or its columns:"
						+ " drop the view first and create it again after with the new names, by hand";
				if (!warnings.contains(warning)) {
					warnings.add(warning);
				}
				continue;
			}
			drops.add(new Operation.DropView(view));
		}
		if (drops.isEmpty()) {
			return operations;
		}
		List<Operation> result = new ArrayList<>(drops);
		result.addAll(operations);
		for (int i = drops.size() - 1; i >= 0; i--) {
			result.add(drops.get(i).reverse());
		}
		return List.copyOf(result);
	}

	// the labels the upgrade removes that the view's definition names ('CLOSED'::status), as type.label
	private static List<String> removedLabels(List<Operation> operations, View view) {
		List<String> named = new ArrayList<>();
		for (Operation operation : operations) {
			String type = null;
			List<String> removed = new ArrayList<>();
			if (operation instanceof Operation.DropEnumValue drop) {
				type = drop.type();
				removed.add(drop.value());
			}
			else if (operation instanceof Operation.RecreateEnumType recreate) {
				type = recreate.type();
				removed.addAll(recreate.oldValues());
				removed.removeAll(recreate.newValues());
			}
			for (String label : removed) {
				String literal = "'" + label.replace("'", "''") + "'::";
				String bare = type.substring(type.lastIndexOf('.') + 1);
				if (view.create().contains(literal + bare) || view.create().contains(literal + "\"" + bare.replace("\"", "\"\"") + "\"")) {
					named.add(bare + "." + label);
				}
			}
		}
		return named;
	}

	/**
	 * The views of the schema compared whose definition names that schema as a string ({@code 'acme'}): created
	 * again as the database defines them, they name it in every schema the revision runs in, which with tenants
	 * is each tenant's, where a {@code ${schema}} or {@code ${tenant}} of the revision that created them wrote its
	 * own name.
	 * @param views the views rebuilt
	 * @param schema the schema compared
	 * @return a warning for each
	 */
	public static List<String> namingTheSchema(List<View> views, String schema) {
		String literal = "'" + schema.replace("'", "''") + "'";
		List<String> warnings = new ArrayList<>();
		for (View view : views) {
			// the views of another schema are named qualified, and read the same tables wherever the revision runs
			if (view.name().matches("[a-z_][a-z0-9_$]*|\"([^\"]|\"\")*\"") && view.create().contains(literal)) {
				warnings.add(view.name() + " names the schema " + schema + " as a string (" + literal + "), created again"
						+ " as written: run in another tenant's schema, it names " + schema + " there too. Where ${schema}"
						+ " or ${tenant} wrote it, write the placeholder again in both sections of the revision");
			}
		}
		return warnings;
	}

	/**
	 * What the reviewer must do about views reading a column the change drops (PostgreSQL refuses to drop it while
	 * they exist), and, for the online form, which does not rebuild views, about those reading a column whose
	 * type it changes.
	 */
	public static List<String> warnings(List<Operation> operations, List<View> views, boolean rebuilt) {
		Set<String> dropped = dropped(operations);
		Set<String> changed = typeChanges(operations, true, true);
		List<String> warnings = new ArrayList<>();
		for (View view : views) {
			List<String> drops = view.columns().stream().filter(dropped::contains).toList();
			if (!drops.isEmpty()) {
				warnings.add(view.name() + " reads " + String.join(", ", drops) + ", which this revision drops:"
						+ " PostgreSQL refuses the drop while the view exists. Edit the revision: drop the view before"
						+ " and create it again without what is dropped after (SELECT pg_get_viewdef('" + view.name()
						+ "'::regclass) prints its definition)");
			}
			else if (rebuilt && view.columns().stream().anyMatch(changed::contains)) {
				if (!view.blockedBy().isEmpty()) {
					warnings.add(view.blockedWarning());
				}
				for (String label : removedLabels(operations, view)) {
					warnings.add(view.name() + " names the enum label " + label + ", which this revision removes:"
							+ " creating the view again after the change fails (invalid input value for enum). Edit the"
							+ " revision: create the view again without the label");
				}
			}
			else if (!rebuilt && view.columns().stream().anyMatch(changed::contains)) {
				warnings.add(view.name() + " reads " + String.join(", ", view.columns()) + ", whose type this change"
						+ " alters: PostgreSQL refuses it while the view exists, and the online form does not drop and"
						+ " create views again. Write the change without --online, or add " + view.drop()
						+ " before it and the view's CREATE after, by hand");
			}
		}
		return warnings;
	}

}
