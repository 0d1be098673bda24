package dev.migrations.diff;

import java.util.List;
import java.util.Objects;

import dev.migrations.schema.SchemaModel;

/**
 * Compares two schema models into the operations that turn one into the other, the way Alembic's
 * autogenerate does: one comparator per object kind (tables, columns, primary keys, unique
 * constraints, indexes, foreign keys, checks, sequences, enum types, comments), each doing set
 * algebra.
 * <p>
 * Both models are expected to come from the same introspector (the entities' side materialized by
 * the server in a scratch schema), so types, defaults and expressions are the server's canonical
 * spellings and are compared exactly. Constraint and index names are not: Hibernate's hashed names
 * and the server's generated ones differ for the same definition, so keys, constraints and indexes
 * are matched by definition, and a difference of name alone is no difference. Other spellings of
 * one thing are no difference either: {@code timestamp} and {@code timestamp(6)} (and so for
 * {@code time}, {@code timestamptz}, {@code timetz}), and the start of an existing sequence, which
 * only says where a new one begins. The bookkeeping tables of other migration tools (Liquibase's
 * {@code databasechangelog} and {@code databasechangeloglock}, Flyway's {@code flyway_schema_history},
 * in any case) are left alone unless the target has a table of that name.
 * <p>
 * The operations come in an order that runs: foreign keys, checks, indexes, unique constraints and
 * primary keys that go or change are dropped first; then enum types and sequences are created (or
 * sequences renamed) and enum labels changed; tables are renamed and created (without foreign keys), columns renamed,
 * added and altered, comments set; columns and tables are dropped; primary keys, unique
 * constraints, indexes and checks are added; foreign keys last, once every table exists (so
 * self-references and cycles work); unused sequences and enum types are dropped at the end.
 * {@link Operation#reverse(List)} of that list runs too, and is the downgrade.
 */
public final class SchemaDiffer {

	/**
	 * What to run on {@code current} to make it {@code target}, with default options.
	 * @param current the database as it is
	 * @param target the database as the entities want it
	 * @return operations in execution order, empty when the models match
	 */
	public List<Operation> diff(SchemaModel current, SchemaModel target) {
		return diff(current, target, DiffOptions.defaults());
	}

	/**
	 * What to run on {@code current} to make it {@code target}.
	 * @param current the database as it is
	 * @param target the database as the entities want it
	 * @param options filters and rename handling
	 * @return operations in execution order, empty when the models match
	 * @throws dev.migrations.MigrationsException when an explicit rename does not fit the models
	 */
	public List<Operation> diff(SchemaModel current, SchemaModel target, DiffOptions options) {
		Objects.requireNonNull(current, "current");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		return new Comparison(current, target, options).operations();
	}

	/**
	 * The differences a list of operations reveals, for {@code db check} and the drift report: one
	 * per changed aspect (an {@link Operation.AlterColumn} that changes type and nullability gives
	 * two), the labels added to one enum type merged into one, and foreign keys that are only dropped
	 * and re-added around a key change left out.
	 * @param operations operations from {@link #diff}
	 * @return the differences, in the order of the operations
	 */
	public List<Difference> describe(List<Operation> operations) {
		return DifferenceDescriber.describe(operations);
	}

	/**
	 * Convenience for drift checks: the differences between two models.
	 * @param current the database as it is
	 * @param target the database as the entities want it
	 * @param options filters and rename handling
	 * @return the differences, empty when there is no drift
	 */
	public List<Difference> differences(SchemaModel current, SchemaModel target, DiffOptions options) {
		return describe(diff(current, target, options));
	}

}
