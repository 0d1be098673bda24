package dev.migrations.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Table;

/**
 * The conditions a check expression joins with {@code AND}, as the server prints it.
 * <p>
 * Hibernate writes the bounds of {@code @Min} and {@code @Max} on one column as one check in the
 * order Hibernate Validator lists the constraints, and that order changes from one JVM to the next
 * (its constraint sets iterate in the per-JVM order of {@code Set.copyOf}): the same entities give
 * {@code score >= 0 AND score <= 10} in one run and {@code score <= 10 AND score >= 0} in the next.
 * Both say the same, so a live check with the same conditions in another order is taken as the
 * entities' check, spelled as the database has it.
 */
public final class CheckConditions {

	private CheckConditions() {
	}

	/**
	 * The entities' tables with each check spelled as the live table spells the same conditions.
	 * @param target a table the entities describe
	 * @param live the live table of that name, if any
	 * @return the table, with checks the live table has in another order taken from it
	 */
	public static Table keepLiveOrder(Table target, Optional<Table> live) {
		if (live.isEmpty() || target.checks().isEmpty()) {
			return target;
		}
		List<CheckConstraint> checks = new ArrayList<>();
		boolean changed = false;
		for (CheckConstraint check : target.checks()) {
			CheckConstraint same = sameConditions(check, live.get().checks());
			checks.add((same != null) ? same : check);
			changed |= same != null;
		}
		if (!changed) {
			return target;
		}
		return new Table(target.name(), target.columns(), target.primaryKey(), target.uniqueConstraints(),
				target.indexes(), target.foreignKeys(), checks, target.comment());
	}

	/**
	 * Whether every check of a predicted table is in the live table, in any order of its conditions.
	 * @param predicted the predicted table
	 * @param live the live table
	 * @return whether the live table confirms the predicted checks
	 */
	public static boolean allPresent(Table predicted, Table live) {
		for (CheckConstraint check : predicted.checks()) {
			if (!live.checks().contains(check) && sameConditions(check, live.checks()) == null) {
				return false;
			}
		}
		return true;
	}

	// the entities' check with the live expression, when a live check of that name has the same
	// conditions in another order
	private static CheckConstraint sameConditions(CheckConstraint check, List<CheckConstraint> live) {
		for (CheckConstraint candidate : live) {
			if (candidate.name().equals(check.name()) && !candidate.expression().equals(check.expression())
					&& sameConditions(candidate.expression(), check.expression())) {
				return new CheckConstraint(check.name(), candidate.expression());
			}
		}
		return null;
	}

	/**
	 * @param a a check expression as the server prints it
	 * @param b another
	 * @return whether both join the same conditions with {@code AND}, in any order
	 */
	static boolean sameConditions(String a, String b) {
		List<String> left = conditions(a);
		List<String> right = conditions(b);
		if (left.size() < 2 || left.size() != right.size()) {
			return false;
		}
		List<String> remaining = new ArrayList<>(right);
		for (String condition : left) {
			if (!remaining.remove(condition)) {
				return false;
			}
		}
		return true;
	}

	// split at AND outside parentheses and string literals
	static List<String> conditions(String expression) {
		List<String> conditions = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && expression.startsWith(" AND ", i)) {
				conditions.add(expression.substring(start, i));
				start = i + " AND ".length();
				i = start - 1;
			}
		}
		conditions.add(expression.substring(start));
		return conditions;
	}

}
