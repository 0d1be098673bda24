package dev.migrations.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

import dev.migrations.dialect.PostgresLockTable;
import dev.migrations.diff.Operation;
import dev.migrations.diff.Operation.AddForeignKey;
import dev.migrations.diff.Operation.CreateTable;

/**
 * A change too heavy for one transaction on the server (thousands of new tables), cut into parts
 * that each fit its lock table, to be written as a chain of revisions, each on top of the one
 * before and each with the downgrade of its own operations.
 * <p>
 * The operations keep the differ's order, which runs (enum types and sequences before the tables
 * that use them, tables before their foreign keys, drops of foreign keys before the tables they
 * reference), so any cut of it runs too, part after part, and the downgrades run in the opposite
 * order. One move: a foreign key between two tables the change creates comes right after the later
 * of the two, in the same part, instead of with all the foreign keys at the end, so the part that
 * creates a table adds its keys and a part never reopens the tables of earlier ones for them.
 * <p>
 * Weights are {@link PostgresLockTable}'s, for each operation the heavier of its upgrade and its
 * downgrade; a part is filled while it weighs at most the budget (an operation heavier than the
 * budget is a part of its own).
 */
public final class RevisionParts {

	private RevisionParts() {
	}

	/**
	 * The weight of rendered statements run in one transaction.
	 * @param statements the statements
	 * @return their weight as {@link PostgresLockTable#weight(String)} counts it
	 */
	public static long weight(List<RenderedStatement> statements) {
		long weight = 0;
		for (RenderedStatement statement : statements) {
			weight += PostgresLockTable.weight(statement.sql());
		}
		return weight;
	}

	/**
	 * The change as one part when its transaction fits the server's lock table, else cut into parts that
	 * each do.
	 * @param operations the differ's operations, in execution order
	 * @param upgrade the operations rendered
	 * @param downgrade their downgrade rendered
	 * @param serverBudget {@link PostgresLockTable#budget(java.sql.Connection)}, asked only for a change
	 *        heavier than {@link PostgresLockTable#SMALL_WEIGHT}
	 * @return the parts in execution order
	 */
	public static List<List<Operation>> cut(List<Operation> operations, List<RenderedStatement> upgrade,
			List<RenderedStatement> downgrade, IntSupplier serverBudget) {
		long weight = Math.max(weight(upgrade), weight(downgrade));
		int budget = PostgresLockTable.budget(weight, serverBudget);
		return (weight <= budget) ? List.of(operations) : split(operations, budget);
	}

	/**
	 * Cuts a change into parts of at most {@code budget}.
	 * @param operations the differ's operations, in execution order
	 * @param budget the most a part may weigh
	 * @return the parts in execution order; one part, the operations as given, when the change fits
	 */
	public static List<List<Operation>> split(List<Operation> operations, long budget) {
		PostgresRenderer renderer = new PostgresRenderer();
		List<List<Operation>> parts = new ArrayList<>();
		List<Operation> part = new ArrayList<>();
		long weight = 0;
		for (List<Operation> unit : units(operations)) {
			long unitWeight = 0;
			for (Operation operation : unit) {
				unitWeight += Math.max(weight(renderer.render(List.of(operation))),
						weight(renderer.renderDowngrade(List.of(operation))));
			}
			if (!part.isEmpty() && weight + unitWeight > budget) {
				parts.add(List.copyOf(part));
				part = new ArrayList<>();
				weight = 0;
			}
			part.addAll(unit);
			weight += unitWeight;
		}
		if (parts.isEmpty()) {
			// it fits: as the differ ordered it
			return List.of(List.copyOf(operations));
		}
		parts.add(List.copyOf(part));
		return List.copyOf(parts);
	}

	/**
	 * The operations in order, each alone, except a table the change creates, which comes with the
	 * foreign keys between it and tables created before it.
	 */
	static List<List<Operation>> units(List<Operation> operations) {
		Map<String, Integer> created = new HashMap<>();
		for (int i = 0; i < operations.size(); i++) {
			if (operations.get(i) instanceof CreateTable create) {
				created.putIfAbsent(create.table().name(), i);
			}
		}
		Map<Integer, List<Operation>> keysAfter = new HashMap<>();
		Set<Operation> moved = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Operation operation : operations) {
			if (operation instanceof AddForeignKey add && add.foreignKey().referencedSchema() == null
					&& created.containsKey(add.table()) && created.containsKey(add.foreignKey().referencedTable())) {
				int later = Math.max(created.get(add.table()), created.get(add.foreignKey().referencedTable()));
				keysAfter.computeIfAbsent(later, (at) -> new ArrayList<>()).add(operation);
				moved.add(operation);
			}
		}
		List<List<Operation>> units = new ArrayList<>(operations.size());
		for (int i = 0; i < operations.size(); i++) {
			Operation operation = operations.get(i);
			if (moved.contains(operation)) {
				continue;
			}
			List<Operation> unit = new ArrayList<>();
			unit.add(operation);
			unit.addAll(keysAfter.getOrDefault(i, List.of()));
			units.add(unit);
		}
		return units;
	}

}
