package dev.migrations.lint;

import java.util.List;

/**
 * What a statement is, as far as lint cares: the PostgreSQL DDL and DML shapes that take locks,
 * rewrite tables or break running code, each with the parts the rules look at. Anything else is
 * {@link Other}. Read by {@link ShapeReader}.
 */
sealed interface Shape {

	/** The strongest lock the statement takes on an existing table, and which table; {@code null} when none. */
	default TableLock lock() {
		return null;
	}

	/** A lock on one table. */
	record TableLock(Name table, LockMode mode) {
	}

	/**
	 * {@code CREATE TABLE}.
	 * @param table the new table
	 * @param ifNotExists {@code IF NOT EXISTS}: nothing happens when the table is already there
	 * @param columns its columns, empty for {@code CREATE TABLE ... AS} and {@code PARTITION OF}
	 * @param constraints its table constraints (column constraints are in the columns)
	 * @param references tables its foreign keys reference
	 */
	record CreateTable(Name table, boolean ifNotExists, List<ColumnDefinition> columns, List<Constraint> constraints, List<Name> references)
			implements Shape {
	}

	/**
	 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] ... ON [ONLY] table}.
	 * @param index the index name, {@code null} when the server picks one
	 * @param table the indexed table
	 * @param concurrently whether {@code CONCURRENTLY} is given
	 * @param only whether {@code ON ONLY} builds the index of a partitioned table's parent alone
	 * @param concurrentlyAt where {@code CONCURRENTLY} would go in the statement's text
	 * @param columns the indexed columns, empty when an element is an expression
	 */
	record CreateIndex(Name index, Name table, boolean unique, boolean concurrently, boolean only, int concurrentlyAt,
			List<String> columns) implements Shape {

		public CreateIndex {
			columns = List.copyOf(columns);
		}

		@Override
		public TableLock lock() {
			return this.concurrently || this.only ? null : new TableLock(this.table, LockMode.SHARE);
		}

	}

	/** {@code DROP INDEX [CONCURRENTLY] name, ...}; {@code concurrentlyAt} is where the keyword would go. */
	record DropIndex(List<Name> indexes, boolean concurrently, int concurrentlyAt) implements Shape {
	}

	/** {@code REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}. */
	record Reindex(String kind, Name target, boolean concurrently) implements Shape {
	}

	/** {@code DROP TABLE name, ...}. */
	record DropTable(List<Name> tables) implements Shape {

		@Override
		public TableLock lock() {
			return new TableLock(this.tables.get(0), LockMode.ACCESS_EXCLUSIVE);
		}

	}

	/** {@code ALTER TABLE [IF EXISTS] [ONLY] name action, ...} (including its {@code RENAME} forms). */
	record AlterTable(Name table, List<Action> actions) implements Shape {

		@Override
		public TableLock lock() {
			LockMode mode = null;
			for (Action action : this.actions) {
				mode = LockMode.max(mode, action.mode());
			}
			return (mode == null) ? null : new TableLock(this.table, mode);
		}

	}

	/** {@code UPDATE table ... [WHERE ...]}. */
	record Update(Name table, boolean bounded) implements Shape {
	}

	/** {@code DELETE FROM table ... [WHERE ...]}. */
	record Delete(Name table, boolean bounded) implements Shape {
	}

	/**
	 * {@code SET [LOCAL] lock_timeout}, {@code RESET lock_timeout} or
	 * {@code set_config('lock_timeout', ...)}.
	 * @param enabled whether it sets a limit (not {@code 0}, {@code DEFAULT} or {@code RESET})
	 * @param local whether it lasts only until the end of the transaction
	 */
	record SetLockTimeout(boolean enabled, boolean local) implements Shape {
	}

	/** {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK} and the like: the runner owns the transaction. */
	record TransactionControl(String command) implements Shape {
	}

	/**
	 * A statement PostgreSQL refuses inside a transaction block ({@code VACUUM}, {@code CREATE DATABASE},
	 * {@code ALTER SYSTEM}, {@code DETACH PARTITION ... CONCURRENTLY}, ...), other than the index forms.
	 */
	record NoTransaction(String command) implements Shape {
	}

	/**
	 * Another statement that locks an existing table: {@code TRUNCATE}, {@code LOCK TABLE},
	 * {@code CREATE TRIGGER}, {@code REFRESH MATERIALIZED VIEW CONCURRENTLY}, policies and rules.
	 * @param others the further tables it locks in the same mode ({@code TRUNCATE a, b}, {@code LOCK a, b}); empty for one
	 */
	record Locking(String command, Name table, LockMode mode, List<Name> others) implements Shape {

		/** A statement locking one table. */
		Locking(String command, Name table, LockMode mode) {
			this(command, table, mode, List.of());
		}

		@Override
		public TableLock lock() {
			return new TableLock(this.table, this.mode);
		}

	}

	/**
	 * A statement that writes a whole existing table or materialized view anew under an ACCESS EXCLUSIVE lock
	 * held for as long as that takes: {@code VACUUM FULL}, {@code CLUSTER}, {@code REFRESH MATERIALIZED VIEW}.
	 * @param command the statement's words, e.g. {@code VACUUM FULL}
	 * @param table the table or view written anew; {@code null} for every table it applies to ({@code VACUUM FULL;}
	 * writes every table of the database anew, {@code CLUSTER;} every table clustered before)
	 * @param outsideTransaction whether PostgreSQL refuses it inside a transaction block
	 * @param fix the safe way to get what it does
	 * @param others the further tables it writes anew, one after the other ({@code VACUUM FULL a, b}); empty for one
	 */
	record Rewrite(String command, Name table, boolean outsideTransaction, String fix, List<Name> others) implements Shape {

		@Override
		public TableLock lock() {
			return (this.table != null) ? new TableLock(this.table, LockMode.ACCESS_EXCLUSIVE) : null;
		}

	}

	/** {@code CREATE TYPE name ...}: a type no running instance uses yet. */
	record CreateType(Name type) implements Shape {
	}

	/**
	 * {@code ALTER TYPE name RENAME VALUE 'from' TO 'to'}: the label {@code from} is gone at once, for every
	 * instance.
	 */
	record RenameEnumValue(Name type, String from, String to) implements Shape {
	}

	/** Anything else: read only for the lock-free statements it is. */
	record Other() implements Shape {
	}

	/**
	 * A column as {@code CREATE TABLE} or {@code ADD COLUMN} defines it.
	 * @param name the column
	 * @param type its type
	 * @param defaultExpression the tokens of its {@code DEFAULT}, empty when none
	 * @param notNull {@code NOT NULL} (or {@code PRIMARY KEY})
	 * @param identity {@code GENERATED ... AS IDENTITY}
	 * @param storedGenerated {@code GENERATED ALWAYS AS (...) STORED}
	 * @param constraints its column constraints ({@code UNIQUE}, {@code PRIMARY KEY}, {@code CHECK}, {@code REFERENCES})
	 */
	record ColumnDefinition(String name, ColumnType type, List<Token> defaultExpression, boolean notNull,
			boolean identity, boolean storedGenerated, List<Constraint> constraints) {

		boolean hasDefault() {
			return !this.defaultExpression.isEmpty();
		}

	}

	/** What kind of constraint. */
	enum ConstraintKind {

		CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE, NOT_NULL

	}

	/**
	 * A table or column constraint.
	 * @param name its name, {@code null} when the server picks one
	 * @param kind what it is
	 * @param notValid {@code NOT VALID} given
	 * @param usingIndex for {@code UNIQUE}/{@code PRIMARY KEY USING INDEX}, the index; else {@code null}
	 * @param references for a foreign key, the referenced table
	 * @param notNullColumn for {@code CHECK (column IS NOT NULL)}, the column; else {@code null}
	 * @param columns for a table constraint, its column list or expression as SQL ({@code (a, b)}); else {@code null}
	 */
	record Constraint(String name, ConstraintKind kind, boolean notValid, String usingIndex, Name references,
			String notNullColumn, String columns) {
	}

	/** One action of an {@code ALTER TABLE}. */
	sealed interface Action {

		/** The lock the action takes on the altered table. */
		LockMode mode();

	}

	/** {@code ADD [COLUMN] [IF NOT EXISTS] column}. */
	record AddColumn(ColumnDefinition column) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/** {@code ADD [CONSTRAINT name] ...}. */
	record AddConstraint(Constraint constraint) implements Action {

		@Override
		public LockMode mode() {
			return (this.constraint.kind() == ConstraintKind.FOREIGN_KEY) ? LockMode.SHARE_ROW_EXCLUSIVE
					: LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/** {@code DROP [COLUMN] [IF EXISTS] column}. */
	record DropColumn(String column) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/**
	 * {@code ALTER [COLUMN] column [SET DATA] TYPE type [USING expression]}.
	 * @param using whether a {@code USING} expression other than the column itself (or a plain cast of it) is given
	 */
	record AlterColumnType(String column, ColumnType type, boolean using) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/** {@code ALTER [COLUMN] column SET NOT NULL}. */
	record SetNotNull(String column) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/** {@code VALIDATE CONSTRAINT name}. */
	record ValidateConstraint(String name) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.SHARE_UPDATE_EXCLUSIVE;
		}

	}

	/** {@code DROP CONSTRAINT [IF EXISTS] name}. */
	record DropConstraint(String name) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/** {@code RENAME [COLUMN] from TO to}. */
	record RenameColumn(String from, String to) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/** {@code RENAME TO name}. */
	record RenameTable(String to) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/** {@code DETACH PARTITION name [CONCURRENTLY | FINALIZE]}. */
	record DetachPartition(boolean concurrently) implements Action {

		@Override
		public LockMode mode() {
			return this.concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
		}

	}

	/** Any other action, with the lock it takes ({@code null} when it takes none worth naming). */
	record OtherAction(String description, LockMode mode) implements Action {
	}

	/** {@code SET LOGGED} or {@code SET UNLOGGED}: the table is written anew under ACCESS EXCLUSIVE. */
	record RewriteAction(String description) implements Action {

		@Override
		public LockMode mode() {
			return LockMode.ACCESS_EXCLUSIVE;
		}

	}

}
