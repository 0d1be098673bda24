package dev.migrations.lint;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The checks lint runs on each statement of a revision. Each has an id (used in suppressions,
 * {@code -- lint: disable=<id> <reason>}, and in {@link LintOptions}), a default severity, and
 * whether the size of the table it concerns changes that severity. {@code docs/lint-rules.md} shows
 * each with a bad and a safe example.
 */
public enum Rule {

	/** {@code CREATE INDEX} or {@code REINDEX} without {@code CONCURRENTLY} on an existing table. */
	INDEX_WITHOUT_CONCURRENTLY("index-without-concurrently", Severity.WARNING, true),

	/** {@code DROP INDEX} without {@code CONCURRENTLY} of an index on an existing table. */
	DROP_INDEX_WITHOUT_CONCURRENTLY("drop-index-without-concurrently", Severity.WARNING, false),

	/** {@code CONCURRENTLY}, {@code VACUUM}, {@code CREATE DATABASE} and the like in a transactional revision: it fails. */
	CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR, false),

	/** A foreign key added to an existing table without {@code NOT VALID}. */
	FOREIGN_KEY_WITHOUT_NOT_VALID("foreign-key-without-not-valid", Severity.WARNING, true),

	/** A check constraint added to an existing table without {@code NOT VALID}. */
	CHECK_WITHOUT_NOT_VALID("check-without-not-valid", Severity.WARNING, true),

	/** {@code VALIDATE CONSTRAINT} in the transaction that locked the table (usually the one adding the constraint). */
	VALIDATE_IN_SAME_TRANSACTION("validate-in-same-transaction", Severity.WARNING, true),

	/** {@code SET NOT NULL} on an existing column without a validated {@code CHECK (column IS NOT NULL)}. */
	SET_NOT_NULL("set-not-null", Severity.WARNING, true),

	/** {@code ADD COLUMN ... NOT NULL} without a default on an existing table: fails when the table has rows. */
	ADD_REQUIRED_COLUMN("add-required-column", Severity.ERROR, true),

	/** {@code ALTER COLUMN ... TYPE} that rewrites the table (not a widening PostgreSQL does in place). */
	COLUMN_TYPE_REWRITE("column-type-rewrite", Severity.WARNING, true),

	/** {@code ADD COLUMN} with a volatile default, a serial, an identity or a stored generated column: rewrites the table. */
	ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default", Severity.WARNING, true),

	/** {@code UNIQUE}, {@code PRIMARY KEY} or {@code EXCLUDE} added directly, building its index under ACCESS EXCLUSIVE. */
	UNIQUE_CONSTRAINT_WITHOUT_INDEX("unique-constraint-without-index", Severity.WARNING, true),

	/** {@code RENAME COLUMN} of a column the running code reads. */
	RENAME_COLUMN("rename-column", Severity.WARNING, false),

	/** {@code RENAME TO} of a table the running code reads. */
	RENAME_TABLE("rename-table", Severity.WARNING, false),

	/**
	 * {@code ALTER TYPE ... RENAME VALUE} of an enum type some earlier revision created: instances still running the
	 * previous release write the old label, which no longer exists.
	 */
	RENAME_ENUM_VALUE("rename-enum-value", Severity.WARNING, false),

	/** {@code DROP COLUMN} of a column the code may still map. */
	DROP_COLUMN("drop-column", Severity.WARNING, false),

	/** {@code DROP TABLE} of a table the code may still map. */
	DROP_TABLE("drop-table", Severity.WARNING, false),

	/**
	 * {@code VACUUM FULL}, {@code CLUSTER}, {@code SET [UN]LOGGED} or {@code REFRESH MATERIALIZED VIEW} of an existing
	 * table or view, and {@code VACUUM FULL} or {@code CLUSTER} naming no table (every table they apply to).
	 */
	TABLE_REWRITE("table-rewrite", Severity.WARNING, true),

	/** An {@code UPDATE} or {@code DELETE} of a whole table in the transaction of DDL on an existing table. */
	BACKFILL_IN_DDL_TRANSACTION("backfill-in-ddl-transaction", Severity.WARNING, true),

	/** A statement waiting for a lock that blocks reads or writes, with no {@code lock_timeout} set. */
	MISSING_LOCK_TIMEOUT("missing-lock-timeout", Severity.WARNING, false),

	/**
	 * A value {@code ALTER TYPE ... ADD VALUE} added, used later in the same transactional revision: PostgreSQL
	 * refuses it ("unsafe use of new value") until the transaction that added it commits.
	 */
	NEW_ENUM_VALUE_IN_TRANSACTION("new-enum-value-in-transaction", Severity.ERROR, false),

	/** {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} inside a transactional revision. */
	TRANSACTION_CONTROL("transaction-control", Severity.ERROR, false),

	/** A section that cannot be split into statements (an unclosed quote or comment, a psql meta-command). */
	SQL_SYNTAX("sql-syntax", Severity.ERROR, false),

	/** A {@code -- lint:} comment lint cannot use: unknown rule, no reason, wrong form. */
	LINT_DIRECTIVE("lint-directive", Severity.WARNING, false);

	private final String id;

	private final Severity defaultSeverity;

	private final boolean sizeDependent;

	Rule(String id, Severity defaultSeverity, boolean sizeDependent) {
		this.id = id;
		this.defaultSeverity = defaultSeverity;
		this.sizeDependent = sizeDependent;
	}

	/** The id used in suppressions and options, e.g. {@code index-without-concurrently}. */
	public String id() {
		return this.id;
	}

	public Severity defaultSeverity() {
		return this.defaultSeverity;
	}

	/**
	 * Whether the table's size (read from the database when lint has one) changes the severity: an
	 * empty or small table makes it {@link Severity#INFO}, a table at the error threshold an
	 * {@link Severity#ERROR}.
	 */
	public boolean sizeDependent() {
		return this.sizeDependent;
	}

	/**
	 * The rule with this id.
	 * @throws IllegalArgumentException naming the known ids when there is none
	 */
	public static Rule of(String id) {
		for (Rule rule : values()) {
			if (rule.id.equals(id)) {
				return rule;
			}
		}
		throw new IllegalArgumentException("Unknown lint rule '" + id + "'; the rules are " + ids() + ".");
	}

	static String ids() {
		return Arrays.stream(values()).map(Rule::id).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return this.id;
	}

}
