package dev.migrations.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;

import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.dialect.PostgresLockTable;
import dev.migrations.diff.ConstraintNames;
import dev.migrations.diff.Operation;
import dev.migrations.diff.Operation.AddCheck;
import dev.migrations.diff.Operation.AddForeignKey;
import dev.migrations.diff.Operation.AlterColumn;
import dev.migrations.diff.Operation.CreateIndex;
import dev.migrations.diff.Operation.CreateTable;
import dev.migrations.diff.Operation.DropIndex;
import dev.migrations.diff.Operation.DropTable;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ForeignKey;

/**
 * The online form of a change on PostgreSQL: the same schema afterwards as {@link PostgresRenderer}'s
 * plain form, reached without holding a lock that blocks reads or writes of a table that holds rows
 * for longer than a moment. A change becomes a chain of revisions ({@link Step}s), each with its
 * downgrade:
 * <ol>
 * <li>indexes dropped from existing tables, {@code DROP INDEX CONCURRENTLY}, not transactional;</li>
 * <li>the rest of the change, transactional, where foreign keys and checks added to existing tables
 * are {@code NOT VALID} (checked for new rows only: a brief lock), and a {@code SET NOT NULL} on an
 * existing table is a {@code CHECK (column IS NOT NULL) NOT VALID};</li>
 * <li>indexes created on existing tables, {@code CREATE INDEX CONCURRENTLY}, not transactional;</li>
 * <li>{@code VALIDATE CONSTRAINT} of what the second step added {@code NOT VALID}, which scans the
 * table holding only a {@code SHARE UPDATE EXCLUSIVE} lock (reads and writes go on), then
 * {@code SET NOT NULL}, which uses the validated check instead of a scan (PostgreSQL 12 and later),
 * and the check dropped; transactional.</li>
 * </ol>
 * Steps with nothing to do are left out: a change to tables the change itself creates is one plain
 * revision. Each transactional step starts with {@code SET LOCAL lock_timeout}, in its upgrade and
 * its downgrade, so a statement that waits for a lock behind a long transaction fails after that
 * time instead of queueing every query of the table behind it. A non-transactional step sets none:
 * a session-wide {@code SET} would outlive the revision on the connection, and the concurrent
 * statements take no lock that blocks reads or writes.
 * <p>
 * Enum labels that the change adds and uses get a transactional step of their own first, as in the
 * plain form. A transactional change step heavier than one transaction should be on the server
 * (thousands of new tables) is cut into several, as the plain form is ({@link RevisionParts}).
 */
public final class OnlineForm {

	/** The {@code lock_timeout} of the transactional steps unless another is given. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

	/** What a step of the chain does. */
	public enum Kind {

		/** Enum labels added and used by the change, committed first. */
		ENUM_LABELS(" (enum labels)"),

		/** {@code DROP INDEX CONCURRENTLY}. */
		DROP_INDEXES(" (drop indexes concurrently)"),

		/** The change itself, constraints on existing tables {@code NOT VALID}. */
		CHANGE(""),

		/** {@code CREATE INDEX CONCURRENTLY}. */
		CREATE_INDEXES(" (create indexes concurrently)"),

		/** {@code VALIDATE CONSTRAINT}, and {@code SET NOT NULL} through the validated checks. */
		VALIDATE(" (validate constraints)");

		private final String messageSuffix;

		Kind(String messageSuffix) {
			this.messageSuffix = messageSuffix;
		}

		/** What the step's revision message adds to the change's message. */
		public String messageSuffix() {
			return this.messageSuffix;
		}

	}

	/**
	 * One revision of the chain.
	 *
	 * @param kind what the step does
	 * @param upgrade the upgrade statements
	 * @param downgrade the downgrade statements
	 * @param transactional whether the revision runs in one transaction
	 * @param note what a reviewer should know about the step, written as comment lines above the
	 *        upgrade (each without the {@code -- })
	 * @param part which part of a change cut to fit the server's lock table, e.g. {@code part 2 of 5};
	 *        {@code null} for a step that is not cut
	 */
	public record Step(Kind kind, List<RenderedStatement> upgrade, List<RenderedStatement> downgrade,
			boolean transactional, List<String> note, String part) {

		public Step {
			Objects.requireNonNull(kind, "kind");
			upgrade = List.copyOf(upgrade);
			downgrade = List.copyOf(downgrade);
			note = List.copyOf(note);
		}

		public Step(Kind kind, List<RenderedStatement> upgrade, List<RenderedStatement> downgrade, boolean transactional,
				List<String> note) {
			this(kind, upgrade, downgrade, transactional, note, null);
		}

		/** What the step's revision message adds to the change's message: the kind's, then the part's. */
		public String messageSuffix() {
			return this.kind.messageSuffix() + ((this.part != null) ? " (" + this.part + ")" : "");
		}

	}

	private final PostgresRenderer renderer = new PostgresRenderer();

	private final String lockTimeout;

	private final IntSupplier lockBudget;

	/**
	 * @param lockTimeout the {@code lock_timeout} of each transactional step, {@code null} for
	 *        {@link #DEFAULT_LOCK_TIMEOUT}
	 */
	public OnlineForm(Duration lockTimeout) {
		this(lockTimeout, () -> Integer.MAX_VALUE);
	}

	/**
	 * @param lockTimeout the {@code lock_timeout} of each transactional step, {@code null} for
	 *        {@link #DEFAULT_LOCK_TIMEOUT}
	 * @param lockBudget the most the change step's transaction may weigh ({@link RevisionParts}), asked
	 *        only for a change heavier than {@link PostgresLockTable#SMALL_WEIGHT}: a heavier change is
	 *        cut into several change steps
	 */
	public OnlineForm(Duration lockTimeout, IntSupplier lockBudget) {
		Duration timeout = (lockTimeout != null) ? lockTimeout : DEFAULT_LOCK_TIMEOUT;
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The online form's lock_timeout must be positive, not " + timeout
					+ " (zero would wait for locks forever)");
		}
		long millis = timeout.toMillis();
		this.lockTimeout = (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
		this.lockBudget = Objects.requireNonNull(lockBudget, "lockBudget");
	}

	/**
	 * The chain of revisions for the differ's operations.
	 * @param operations operations in execution order
	 * @return the steps, in the order they run; empty when there are no operations
	 */
	public List<Step> steps(List<Operation> operations) {
		Set<String> createdTables = new HashSet<>();
		Set<String> droppedTables = new HashSet<>();
		for (Operation operation : operations) {
			if (operation instanceof CreateTable create) {
				createdTables.add(create.table().name());
			}
			if (operation instanceof DropTable drop) {
				droppedTables.add(drop.table().name());
			}
		}
		List<Operation> labels = new ArrayList<>();
		List<Operation> drops = new ArrayList<>();
		List<Operation> change = new ArrayList<>();
		List<Operation> creations = new ArrayList<>();
		Set<Operation> notValid = new LinkedHashSet<>();
		List<NotNull> notNulls = new ArrayList<>();
		for (Operation operation : operations) {
			if (operation.changesEnumLabelsInPlace()) {
				labels.add(operation);
				change.add(operation);
			}
			else if (operation instanceof DropIndex drop && !createdTables.contains(drop.table())
					&& !droppedTables.contains(drop.table())) {
				drops.add(operation);
			}
			else if (operation instanceof CreateIndex create && !createdTables.contains(create.table())
					&& !referencedByForeignKey(create, operations)) {
				creations.add(operation);
			}
			else if ((operation instanceof AddForeignKey add && !createdTables.contains(add.table()))
					|| (operation instanceof AddCheck check && !createdTables.contains(check.table()))) {
				notValid.add(operation);
				change.add(operation);
			}
			else if (operation instanceof AlterColumn alter && setsNotNull(alter) && !createdTables.contains(alter.table())) {
				Column relaxed = new Column(alter.target().name(), alter.target().type(), alter.existing().nullable(),
						alter.target().defaultExpression(), alter.target().identity(), alter.target().comment(), alter.target().generated());
				AlterColumn rest = new AlterColumn(alter.table(), alter.column(), alter.existing(), relaxed);
				if (rest.typeChanged() || rest.defaultChanged() || rest.identityChanged()) {
					change.add(rest);
				}
				String name = ConstraintNames.truncate(alter.table() + "_" + alter.column() + "_not_null");
				AddCheck check = new AddCheck(alter.table(),
						new CheckConstraint(name, PostgresIdentifiers.quote(alter.column()) + " IS NOT NULL"));
				notValid.add(check);
				change.add(check);
				notNulls.add(new NotNull(alter, check));
			}
			else {
				change.add(operation);
			}
		}
		Map<Operation, List<String>> validationWarnings = new HashMap<>();
		List<RenderedStatement> changeUpgrade = this.renderer.renderNotValid(change, notValid, validationWarnings);
		List<RenderedStatement> changeDowngrade = this.renderer.renderDowngrade(change);
		boolean labelsApart = false;
		List<Operation> labelsUpgrade = labels;
		if (!labels.isEmpty() && !transactional(changeUpgrade, changeDowngrade)) {
			// as in the plain form: labels used in the same change commit first, so both revisions stay transactional
			List<Operation> rest = Operation.afterLabelChanges(labels,
					change.stream().filter((operation) -> !operation.changesEnumLabelsInPlace()).toList());
			Map<Operation, List<String>> restWarnings = new HashMap<>();
			List<RenderedStatement> restUpgrade = this.renderer.renderNotValid(rest, notValid, restWarnings);
			List<RenderedStatement> restDowngrade = this.renderer.renderDowngrade(rest);
			// the labels' downgrade swaps the type: the checks and indexes naming its labels go around it there
			List<Operation> labelsStep = Operation.labelsWithDependents(labels, operations);
			if (!rest.isEmpty() && transactional(restUpgrade, restDowngrade)
					&& transactional(this.renderer.render(labels), this.renderer.renderDowngrade(labelsStep))) {
				labelsApart = true;
				// only the downgrade goes around the swap: the upgrade adds the labels alone, blocking no writes
				// with an index built in its transaction
				labelsUpgrade = labels;
				labels = labelsStep;
				// the indexes dropped in a step after the labels' are created again before the labels are renamed back
				drops = Operation.afterLabelChanges(labels, drops);
				change = rest;
				changeUpgrade = restUpgrade;
				changeDowngrade = restDowngrade;
				validationWarnings = restWarnings;
			}
		}
		List<Step> steps = new ArrayList<>();
		if (labelsApart) {
			steps.add(transactionalStep(Kind.ENUM_LABELS, this.renderer.render(labelsUpgrade), this.renderer.renderDowngrade(labels),
					List.of("Enum labels first: PostgreSQL cannot use a label added in the same transaction.")));
		}
		if (!drops.isEmpty()) {
			List<Operation> later = new ArrayList<>(change);
			later.addAll(creations);
			steps.add(new Step(Kind.DROP_INDEXES, concurrently(this.renderer.renderBefore(drops, later)),
					concurrently(this.renderer.renderDowngrade(drops)), false,
					List.of("Online form: DROP INDEX CONCURRENTLY cannot run in a transaction; each statement commits on its"
							+ " own and waits for the queries using the index, without blocking reads or writes.")));
		}
		if (!change.isEmpty()) {
			List<String> note = notValid.isEmpty() ? List.of()
					: List.of("Online form: constraints on tables that hold rows are added NOT VALID (new rows are checked,"
							+ " a brief lock); the next revisions validate them.");
			if (transactional(changeUpgrade, changeDowngrade)) {
				addChangeSteps(steps, change, changeUpgrade, changeDowngrade, note, notValid, validationWarnings,
						createdTables);
			}
			else {
				steps.add(new Step(Kind.CHANGE, changeUpgrade, changeDowngrade, false, note));
			}
		}
		if (!creations.isEmpty()) {
			steps.add(new Step(Kind.CREATE_INDEXES, createConcurrently(creations),
					concurrently(this.renderer.renderDowngrade(creations)), false,
					List.of("Online form: CREATE INDEX CONCURRENTLY cannot run in a transaction; each statement commits on"
							+ " its own and lets reads and writes go on while the index is built.",
							"A build that fails leaves an INVALID index: each is dropped first, so after `db stamp` of the"
									+ " previous revision the upgrade can run again.")));
		}
		if (!notValid.isEmpty()) {
			steps.add(validateStep(notValid, notNulls, validationWarnings));
		}
		return List.copyOf(steps);
	}

	/**
	 * The change step, or, when its transaction would take more locks than the server's lock table
	 * should give one, several that each fit, each on top of the one before ({@link RevisionParts}).
	 */
	private void addChangeSteps(List<Step> steps, List<Operation> change, List<RenderedStatement> upgrade,
			List<RenderedStatement> downgrade, List<String> note, Set<Operation> notValid,
			Map<Operation, List<String>> validationWarnings, Set<String> createdTables) {
		List<List<Operation>> parts = RevisionParts.cut(change, upgrade, downgrade, this.lockBudget);
		if (parts.size() == 1) {
			Map<String, List<Operation>> byTable = byExistingTable(change, createdTables);
			if (byTable.size() <= 1) {
				steps.add(transactionalStep(Kind.CHANGE, upgrade, downgrade, note));
				return;
			}
			// one table that holds rows per transaction: a revision that locked one table and then waited for another
			// could deadlock with ordinary writes, which take the same locks the other way round (an insert into
			// a child table checks its parent)
			List<List<Operation>> tableParts = new ArrayList<>(byTable.values());
			List<String> tables = new ArrayList<>(byTable.keySet());
			List<List<RenderedStatement>> upgrades = this.renderer.renderNotValidParts(tableParts, notValid, validationWarnings);
			List<List<RenderedStatement>> downgrades = this.renderer.renderDowngradeParts(tableParts);
			for (int i = 0; i < tableParts.size(); i++) {
				List<String> partNote = new ArrayList<>(note);
				partNote.add("Online form: one table that holds rows per revision, so that a revision never holds one"
						+ " table's lock while it waits for another's (writes take them in the other order: a deadlock).");
				steps.add(new Step(Kind.CHANGE, withLockTimeout(upgrades.get(i)), withLockTimeout(downgrades.get(i)), true,
						partNote, tables.get(i)));
			}
			return;
		}
		List<List<RenderedStatement>> upgrades = this.renderer.renderNotValidParts(parts, notValid, validationWarnings);
		List<List<RenderedStatement>> downgrades = this.renderer.renderDowngradeParts(parts);
		for (int i = 0; i < parts.size(); i++) {
			String part = "part " + (i + 1) + " of " + parts.size();
			List<String> partNote = new ArrayList<>(note);
			partNote.add("Change " + part + ": it takes more locks than one transaction should hold on this server (half"
					+ " of max_locks_per_transaction × max_connections), so it is cut into revisions applied in this order;"
					+ " each downgrade undoes only its own revision.");
			steps.add(new Step(Kind.CHANGE, withLockTimeout(upgrades.get(i)), withLockTimeout(downgrades.get(i)), true,
					partNote, part));
		}
	}

	/**
	 * The change's operations by the table holding rows each locks, in the order the tables first come up, without
	 * reordering what depends on order: the operations on tables that hold rows must already come table after table
	 * (else one group is returned, and the change stays one revision). What locks none (new tables, sequences,
	 * types) goes first, with the first table's; a foreign key between two such tables goes with the later of
	 * them; one from a new table to such a table goes last in that table's group. Empty when the change locks no
	 * table that holds rows.
	 */
	static Map<String, List<Operation>> byExistingTable(List<Operation> change, Set<String> createdTables) {
		// the order of the tables: by their first operation other than a foreign key
		List<String> order = new ArrayList<>();
		for (Operation operation : change) {
			List<String> locked = existingTables(operation, createdTables);
			if (!(operation instanceof AddForeignKey) && !locked.isEmpty() && !order.contains(locked.get(0))) {
				order.add(locked.get(0));
			}
		}
		for (Operation operation : change) {
			for (String table : existingTables(operation, createdTables)) {
				if (!order.contains(table)) {
					order.add(table);
				}
			}
		}
		Map<String, List<Operation>> groups = new LinkedHashMap<>();
		order.forEach((table) -> groups.put(table, new ArrayList<>()));
		List<Operation> unlocked = new ArrayList<>();
		Map<String, List<Operation>> last = new LinkedHashMap<>();
		int position = 0;
		for (Operation operation : change) {
			List<String> locked = existingTables(operation, createdTables);
			if (locked.isEmpty()) {
				unlocked.add(operation);
				continue;
			}
			String home = locked.stream().max(Comparator.comparingInt(order::indexOf)).orElseThrow();
			if (operation instanceof AddForeignKey add && createdTables.contains(add.table())) {
				// from a new table: it may come after everything of the table it references
				last.computeIfAbsent(home, (key) -> new ArrayList<>()).add(operation);
				continue;
			}
			int index = order.indexOf(home);
			if (index < position) {
				// a table comes up again after another's: splitting would reorder the change
				return Map.of(order.get(0), change);
			}
			position = index;
			groups.get(home).add(operation);
		}
		last.forEach((table, operations) -> groups.get(table).addAll(operations));
		groups.values().removeIf(List::isEmpty);
		if (groups.isEmpty()) {
			return groups;
		}
		Map.Entry<String, List<Operation>> first = groups.entrySet().iterator().next();
		List<Operation> withUnlocked = new ArrayList<>(unlocked);
		withUnlocked.addAll(first.getValue());
		first.setValue(withUnlocked);
		return groups;
	}

	/** The tables holding rows (not created by the change) an operation locks; empty for any other operation. */
	private static List<String> existingTables(Operation operation, Set<String> created) {
		String table = null;
		if (operation instanceof DropTable drop) {
			table = drop.table().name();
		}
		else if (operation instanceof Operation.RenameTable rename) {
			table = rename.from();
		}
		else if (operation instanceof Operation.AddColumn add) {
			table = add.table();
		}
		else if (operation instanceof Operation.DropColumn drop) {
			table = drop.table();
		}
		else if (operation instanceof AlterColumn alter) {
			table = alter.table();
		}
		else if (operation instanceof Operation.RenameColumn rename) {
			table = rename.table();
		}
		else if (operation instanceof Operation.AddPrimaryKey add) {
			table = add.table();
		}
		else if (operation instanceof Operation.DropPrimaryKey drop) {
			table = drop.table();
		}
		else if (operation instanceof Operation.AddUnique add) {
			table = add.table();
		}
		else if (operation instanceof Operation.DropUnique drop) {
			table = drop.table();
		}
		else if (operation instanceof CreateIndex create) {
			table = create.table();
		}
		else if (operation instanceof DropIndex drop) {
			table = drop.table();
		}
		else if (operation instanceof AddCheck add) {
			table = add.table();
		}
		else if (operation instanceof Operation.DropCheck drop) {
			table = drop.table();
		}
		else if (operation instanceof Operation.DropForeignKey drop) {
			table = drop.table();
		}
		else if (operation instanceof Operation.SetTableComment comment) {
			table = comment.table();
		}
		else if (operation instanceof Operation.SetColumnComment comment) {
			table = comment.table();
		}
		List<String> tables = new ArrayList<>();
		if (table != null && !created.contains(table)) {
			tables.add(table);
		}
		if (operation instanceof AddForeignKey add) {
			if (!created.contains(add.table())) {
				tables.add(add.table());
			}
			String referenced = add.foreignKey().referencedTable();
			if (!created.contains(referenced) && !tables.contains(referenced)) {
				tables.add(referenced);
			}
		}
		return tables;
	}

	/** A SET NOT NULL made through a check: the operation it replaces and the check added {@code NOT VALID}. */
	private record NotNull(AlterColumn alter, AddCheck check) {
	}

	private static boolean setsNotNull(AlterColumn alter) {
		// an identity needs the column NOT NULL in the same statement list: left in its plain form
		return alter.nullabilityChanged() && !alter.target().nullable()
				&& !(alter.identityChanged() && alter.target().identity() != null);
	}

	/** Whether a foreign key of the change references the columns of a unique index the change creates. */
	private static boolean referencedByForeignKey(CreateIndex create, List<Operation> operations) {
		if (!create.index().unique()) {
			return false;
		}
		for (Operation operation : operations) {
			if (operation instanceof AddForeignKey add && add.foreignKey().referencedTable().equals(create.table())
					&& add.foreignKey().referencedColumns().equals(create.index().elements())) {
				return true;
			}
		}
		return false;
	}

	private static boolean transactional(List<RenderedStatement> upgrade, List<RenderedStatement> downgrade) {
		return upgrade.stream().noneMatch(RenderedStatement::requiresNoTransaction)
				&& downgrade.stream().noneMatch(RenderedStatement::requiresNoTransaction);
	}

	private Step transactionalStep(Kind kind, List<RenderedStatement> upgrade, List<RenderedStatement> downgrade,
			List<String> note) {
		return new Step(kind, withLockTimeout(upgrade), withLockTimeout(downgrade), true, note);
	}

	private List<RenderedStatement> withLockTimeout(List<RenderedStatement> statements) {
		List<RenderedStatement> result = new ArrayList<>(statements.size() + 1);
		result.add(new RenderedStatement("SET LOCAL lock_timeout = '" + this.lockTimeout + "'"));
		result.addAll(statements);
		return result;
	}

	/** Each index dropped first (a failed build leaves an INVALID one behind), then built concurrently. */
	private List<RenderedStatement> createConcurrently(List<Operation> creations) {
		List<RenderedStatement> statements = new ArrayList<>();
		List<RenderedStatement> rendered = concurrently(this.renderer.render(creations));
		List<RenderedStatement> drops = concurrently(this.renderer.renderDowngrade(creations));
		for (int i = 0; i < rendered.size(); i++) {
			// an index whose name another relation holds has no leftover of its own to drop: that one would go
			if (!(creations.get(i) instanceof CreateIndex create && create.nameTaken())) {
				statements.add(new RenderedStatement(drops.get(drops.size() - 1 - i).sql()));
			}
			statements.add(rendered.get(i));
		}
		return statements;
	}

	private static List<RenderedStatement> concurrently(List<RenderedStatement> statements) {
		List<RenderedStatement> result = new ArrayList<>(statements.size());
		for (RenderedStatement statement : statements) {
			String sql = statement.sql();
			if (sql.startsWith("DROP INDEX ")) {
				sql = "DROP INDEX CONCURRENTLY " + sql.substring("DROP INDEX ".length());
			}
			else if (sql.startsWith("CREATE INDEX ")) {
				sql = "CREATE INDEX CONCURRENTLY " + sql.substring("CREATE INDEX ".length());
			}
			else if (sql.startsWith("CREATE UNIQUE INDEX ")) {
				sql = "CREATE UNIQUE INDEX CONCURRENTLY " + sql.substring("CREATE UNIQUE INDEX ".length());
			}
			else {
				throw new IllegalStateException("Not an index statement: " + sql);
			}
			result.add(new RenderedStatement(sql, statement.warnings(), false));
		}
		return result;
	}

	/**
	 * Validates every constraint first, then sets the columns NOT NULL and drops their checks: a
	 * {@code SET NOT NULL} takes an ACCESS EXCLUSIVE lock held to the commit, which a validation
	 * after it would hold through its scan.
	 */
	private Step validateStep(Set<Operation> notValid, List<NotNull> notNulls,
			Map<Operation, List<String>> validationWarnings) {
		Map<Operation, NotNull> byCheck = new HashMap<>();
		notNulls.forEach((notNull) -> byCheck.put(notNull.check(), notNull));
		List<RenderedStatement> upgrade = new ArrayList<>();
		List<RenderedStatement> downgrade = new ArrayList<>();
		for (Operation operation : notValid) {
			String table = (operation instanceof AddForeignKey add) ? add.table() : ((AddCheck) operation).table();
			NotNull notNull = byCheck.get(operation);
			List<String> warnings = (notNull != null) ? notNullWarning(notNull.alter())
					: validationWarnings.getOrDefault(operation, List.of());
			upgrade.add(new RenderedStatement(alterTable(table) + "VALIDATE CONSTRAINT " + quote(constraintName(operation)),
					warnings, false));
		}
		for (NotNull notNull : notNulls) {
			String alterColumn = alterTable(notNull.alter().table()) + "ALTER COLUMN " + quote(notNull.alter().column());
			String check = quote(constraintName(notNull.check()));
			upgrade.add(new RenderedStatement(alterColumn + " SET NOT NULL"));
			upgrade.add(new RenderedStatement(alterTable(notNull.alter().table()) + "DROP CONSTRAINT IF EXISTS " + check));
			downgrade.add(0, new RenderedStatement(alterTable(notNull.alter().table()) + "ADD CONSTRAINT " + check
					+ " CHECK (" + notNull.check().check().expression() + ") NOT VALID"));
			downgrade.add(0, new RenderedStatement(alterColumn + " DROP NOT NULL"));
		}
		List<String> note = new ArrayList<>();
		note.add("Online form: VALIDATE CONSTRAINT scans the table holding a SHARE UPDATE EXCLUSIVE lock: reads and writes go on.");
		if (!notNulls.isEmpty()) {
			note.add("SET NOT NULL uses the validated check instead of a scan (PostgreSQL 12+); the check is dropped after.");
		}
		if (notNulls.isEmpty()) {
			note.add("The downgrade has nothing to undo here: a validation changes no definition.");
		}
		return transactionalStep(Kind.VALIDATE, upgrade, downgrade, note);
	}

	private static List<String> notNullWarning(AlterColumn alter) {
		String column = quote(alter.column());
		String fill = (alter.target().defaultExpression() != null) ? "DEFAULT" : "<value>";
		return List.of("fails if " + alter.objectName() + " holds NULL: backfill first, e.g. UPDATE "
				+ PostgresIdentifiers.qualified(null, alter.table()) + " SET " + column + " = " + fill + " WHERE " + column
				+ " IS NULL");
	}

	private static String constraintName(Operation operation) {
		if (operation instanceof AddForeignKey add) {
			ForeignKey foreignKey = add.foreignKey();
			return (foreignKey.name() != null) ? foreignKey.name()
					: ConstraintNames.foreignKey(add.table(), foreignKey.columns(), foreignKey.referencedTable());
		}
		AddCheck add = (AddCheck) operation;
		CheckConstraint check = add.check();
		return (check.name() != null) ? check.name() : ConstraintNames.check(add.table(), check.expression());
	}

	private static String alterTable(String table) {
		return "ALTER TABLE " + PostgresIdentifiers.qualified(null, table) + " ";
	}

	private static String quote(String identifier) {
		return PostgresIdentifiers.quote(identifier);
	}

}
