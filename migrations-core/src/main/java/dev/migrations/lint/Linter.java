package dev.migrations.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.migrations.entity.EntityModel;
import dev.migrations.entity.EntityTable;
import dev.migrations.lint.LintDirectives.Directive;
import dev.migrations.lint.Shape.Action;
import dev.migrations.lint.Shape.ColumnDefinition;
import dev.migrations.lint.Shape.Constraint;
import dev.migrations.lint.Shape.ConstraintKind;
import dev.migrations.revision.Revision;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.sql.SqlSyntaxException;

/**
 * Checks revisions for statements that are correct but unsafe on a large, busy PostgreSQL: locks
 * that block reads or writes for as long as a table scan or rewrite takes, statements that fail in a
 * transaction, renames and drops that break the instances still running the previous release.
 * <p>
 * Every revision is read in graph order (so "existing table" and a column's old type are known from
 * the revisions before it), through {@link SqlSplitter} like the runner, each statement classified by
 * {@link ShapeReader}. Only the revisions in scope are reported on. With a database, findings carry
 * the table's size, which moves size-dependent findings to {@link Severity#INFO} or
 * {@link Severity#ERROR} ({@link LintOptions#rowThresholds}); the rest of the facts (the session's
 * {@code lock_timeout} and time zone, which functions are volatile) come from the same connection.
 */
public final class Linter {

	private final LintOptions options;

	private final Map<String, EntityTable> entities;

	private final DataSource dataSource;

	private final String schema;

	/**
	 * @param options what to check and how strictly
	 * @param entities what the application's entities map, to tell a drop or rename the code still
	 * reads; {@code null} when they are not configured
	 * @param dataSource the database to read sizes and settings from; {@code null} to lint the files alone
	 * @param schema the schema unqualified names resolve in, {@code null} for the connection's {@code search_path}
	 */
	public Linter(LintOptions options, EntityModel entities, DataSource dataSource, String schema) {
		this.options = options;
		this.entities = (entities != null) ? index(entities) : null;
		this.dataSource = options.useDatabase() ? dataSource : null;
		this.schema = schema;
	}

	private static Map<String, EntityTable> index(EntityModel model) {
		Map<String, EntityTable> tables = new HashMap<>();
		for (EntityTable table : model.tables()) {
			tables.putIfAbsent(table.name(), table);
		}
		return tables;
	}

	/**
	 * Lints revisions.
	 * @param revisions every revision, in graph order (parents first)
	 * @param inScope which of them to report on
	 * @return the findings, suppressed findings and notes
	 */
	public LintResult lint(List<Revision> revisions, Predicate<String> inScope) {
		BranchSchemas schemas = new BranchSchemas(revisions);
		List<Draft> drafts = new ArrayList<>();
		List<String> linted = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Map<String, List<Directive>> directives = new HashMap<>();
		int statements = 0;
		for (Revision revision : revisions) {
			boolean reported = inScope.test(revision.id());
			int first = drafts.size();
			KnownSchema known = schemas.before(revision);
			if (!(revision.body() instanceof Revision.SqlBody body)) {
				if (reported) {
					linted.add(revision.id());
					notes.add("Java revision " + revision.id() + " (" + revision.source()
							+ ") is not linted: lint reads SQL; rehearse it to see its locks.");
				}
				continue;
			}
			if (reported) {
				linted.add(revision.id());
				List<Directive> found = LintDirectives.read(body);
				directives.put(revision.id(), found);
				for (Directive directive : found) {
					if (directive.problem() != null) {
						drafts.add(Draft.of(Rule.LINT_DIRECTIVE, revision, directive.line(), "", directive.problem(),
								"write it as `-- lint: disable=<rule>[,<rule>...] <reason>`; the rules are listed in"
										+ " docs/lint-rules.md"));
					}
				}
			}
			List<SqlStatement> split;
			try {
				split = SqlSplitter.split(body.upgrade(), SqlSyntax.POSTGRESQL);
			}
			catch (SqlSyntaxException ex) {
				if (reported) {
					int line = body.upgradeLine() + ex.line() - 1;
					// the splitter counts lines within the section: the finding names the file's
					String message = ex.getMessage().replaceFirst("\\b([Ll])ine " + ex.line() + "\\b", "$1ine " + line);
					boolean metaCommand = message.contains("psql meta-command");
					boolean copy = message.contains("COPY ... FROM STDIN");
					drafts.add(Draft.of(Rule.SQL_SYNTAX, revision, line, "",
							"the upgrade section cannot be split into statements: " + message,
							(metaCommand ? "replace the psql meta-command with SQL or remove it"
									: copy ? "write the rows as INSERT statements"
											: "close the quote, dollar quote or comment")
									+ "; `db upgrade` would refuse this revision too"));
				}
				continue;
			}
			if (reported) {
				statements += split.size();
			}
			new RevisionPass(revision, body, known, reported ? drafts : new ArrayList<>()).run(split);
			// a backfill is only known to be one at the end of its revision: findings go back in line order
			drafts.subList(first, drafts.size()).sort(Comparator.comparingInt(Draft::line));
		}
		return resolve(drafts, directives, linted, statements, notes);
	}

	/**
	 * The schema each revision's statements see: what its parents and {@code depends_on} revisions built, not what
	 * a sibling branch did. A schema is handed on without a copy to the last revision going on from it, so a
	 * linear history is one model, as before; a branch point copies, a merge adds its other parents' tables.
	 */
	private static final class BranchSchemas {

		private final Map<String, KnownSchema> after = new HashMap<>();

		// how many revisions still go on from each revision's schema
		private final Map<String, Integer> followers = new HashMap<>();

		BranchSchemas(List<Revision> revisions) {
			Set<String> ids = new HashSet<>();
			revisions.forEach((revision) -> ids.add(revision.id()));
			for (Revision revision : revisions) {
				for (String parent : parents(revision)) {
					if (ids.contains(parent)) {
						this.followers.merge(parent, 1, Integer::sum);
					}
				}
			}
		}

		private static Set<String> parents(Revision revision) {
			Set<String> parents = new LinkedHashSet<>(revision.downRevisions());
			parents.addAll(revision.dependsOn());
			return parents;
		}

		/** The schema the revision starts from, which its statements then change: it is the revision's from now on. */
		KnownSchema before(Revision revision) {
			KnownSchema schema = null;
			for (String parent : parents(revision)) {
				KnownSchema built = this.after.get(parent);
				if (built == null) {
					continue;
				}
				boolean last = this.followers.merge(parent, -1, Integer::sum) <= 0;
				if (last) {
					this.after.remove(parent);
				}
				if (schema == null) {
					schema = last ? built : built.copy();
				}
				else {
					schema.mergeFrom(built);
				}
			}
			schema = (schema != null) ? schema : new KnownSchema();
			this.after.put(revision.id(), schema);
			return schema;
		}

	}

	private LintResult resolve(List<Draft> drafts, Map<String, List<Directive>> directives, List<String> linted,
			int statements, List<String> notes) {
		PostgresCatalog.Facts facts = null;
		if (this.dataSource != null && !drafts.isEmpty()) {
			Set<Name> tables = new LinkedHashSet<>();
			Set<String> functions = new LinkedHashSet<>();
			for (Draft draft : drafts) {
				if (draft.table() != null && draft.rule().sizeDependent()) {
					tables.add(draft.table());
				}
				functions.addAll(draft.functions());
			}
			facts = PostgresCatalog.read(this.dataSource, this.schema, tables, functions, this.options.errorFromRows());
			if (facts.lockTimeout() != null) {
				notes.add("The database's sessions start with lock_timeout = " + facts.lockTimeout()
						+ ", which satisfies " + Rule.MISSING_LOCK_TIMEOUT.id() + ".");
			}
		}
		List<Finding> findings = new ArrayList<>();
		List<Suppression> suppressed = new ArrayList<>();
		for (Draft draft : drafts) {
			if (this.options.isDisabled(draft.rule()) || !holds(draft, facts)) {
				continue;
			}
			TableSize size = (facts != null && draft.table() != null) ? facts.sizes().get(draft.table()) : null;
			Finding finding = new Finding(draft.rule().id(), severity(draft, size), draft.revision().id(),
					draft.revision().source(), draft.line(), draft.statement(), draft.message(), draft.fix(),
					draft.rule().sizeDependent() ? size : null);
			Directive directive = suppressing(directives.get(draft.revision().id()), draft.rule());
			if (directive != null) {
				suppressed.add(new Suppression(finding, directive.reason(), directive.line()));
			}
			else {
				findings.add(finding);
			}
		}
		return new LintResult(findings, suppressed, linted, statements, notes);
	}

	private static Directive suppressing(List<Directive> directives, Rule rule) {
		if (directives == null || rule == Rule.LINT_DIRECTIVE) {
			return null;
		}
		for (Directive directive : directives) {
			if (directive.rules().contains(rule)) {
				return directive;
			}
		}
		return null;
	}

	/** Whether a conditional finding holds given what the database says; without one, it holds unless it needs the database. */
	private static boolean holds(Draft draft, PostgresCatalog.Facts facts) {
		return switch (draft.condition()) {
			case ALWAYS -> true;
			case UNLESS_SESSION_LOCK_TIMEOUT -> facts == null || facts.lockTimeout() == null;
			case UNLESS_UTC_SESSION -> facts == null || !facts.utc();
			case IF_FUNCTION_VOLATILE -> facts != null && draft.functions().stream().anyMatch(facts.volatileFunctions()::contains);
		};
	}

	private Severity severity(Draft draft, TableSize size) {
		Severity severity = (draft.severity() != null) ? draft.severity() : this.options.severity(draft.rule());
		if (draft.rule().sizeDependent() && size != null && severity != Severity.INFO) {
			// a required column fails on the first row, however few: harmless only on an empty table
			long harmlessBelow = (draft.rule() == Rule.ADD_REQUIRED_COLUMN) ? 1 : this.options.infoBelowRows();
			if (size.rows() < harmlessBelow) {
				return Severity.INFO;
			}
			if (size.rows() >= this.options.errorFromRows()) {
				return Severity.ERROR;
			}
		}
		return severity;
	}

	/** When a finding stands. */
	enum Condition {

		ALWAYS,

		/** Unless the database's sessions already start with a {@code lock_timeout}. */
		UNLESS_SESSION_LOCK_TIMEOUT,

		/** Unless the session's time zone is UTC ({@code timestamp} to {@code timestamptz} needs no rewrite then). */
		UNLESS_UTC_SESSION,

		/** Only when the database says one of the functions is volatile. */
		IF_FUNCTION_VOLATILE

	}

	/** A finding before the database's facts and the configuration decide whether it stands and how much it matters. */
	record Draft(Rule rule, Revision revision, int line, String statement, String message, String fix, Name table,
			Condition condition, Set<String> functions, Severity severity) {

		static Draft of(Rule rule, Revision revision, int line, String statement, String message, String fix) {
			return new Draft(rule, revision, line, statement, message, fix, null, Condition.ALWAYS, Set.of(), null);
		}

		Draft on(Name table) {
			return new Draft(this.rule, this.revision, this.line, this.statement, this.message, this.fix, table,
					this.condition, this.functions, this.severity);
		}

		Draft when(Condition condition, Set<String> functions) {
			return new Draft(this.rule, this.revision, this.line, this.statement, this.message, this.fix, this.table,
					condition, Set.copyOf(functions), this.severity);
		}

		Draft at(Severity severity) {
			return new Draft(this.rule, this.revision, this.line, this.statement, this.message, this.fix, this.table,
					this.condition, this.functions, severity);
		}

	}

	/** One revision's statements, in order, against the schema the revisions before it built. */
	private final class RevisionPass {

		private final Revision revision;

		private final Revision.SqlBody body;

		private final KnownSchema schema;

		private final List<Draft> drafts;

		private final boolean transactional;

		/** Locks that block writes, held on existing tables in the current transaction. */
		private final Map<String, Held> held = new HashMap<>();

		private final List<Draft> backfills = new ArrayList<>();

		/** Types this revision created: no running instance uses them yet. */
		private final List<Name> newTypes = new ArrayList<>();

		/** Enum values added earlier in this (transactional) revision. */
		private final List<AddedValue> addedValues = new ArrayList<>();

		private boolean lockTimeout;

		private boolean lockTimeoutReported;

		private boolean ddlOnExisting;

		private SqlStatement statement;

		private String text;

		RevisionPass(Revision revision, Revision.SqlBody body, KnownSchema schema, List<Draft> drafts) {
			this.revision = revision;
			this.body = body;
			this.schema = schema;
			this.drafts = drafts;
			this.transactional = revision.transactional();
		}

		void run(List<SqlStatement> statements) {
			for (SqlStatement current : statements) {
				this.statement = current;
				this.text = current.sql();
				List<Token> tokens = SqlLexer.tokens(current.sql());
				Shape shape = ShapeReader.read(tokens);
				check(shape);
				if (this.transactional) {
					newEnumValues(tokens);
				}
				if (!this.transactional) {
					this.held.clear();
				}
			}
			if (this.transactional && this.ddlOnExisting) {
				this.drafts.addAll(this.backfills);
			}
		}

		private void check(Shape shape) {
			if (shape instanceof Shape.CreateTable create) {
				createTable(create);
			}
			else if (shape instanceof Shape.CreateIndex create) {
				createIndex(create);
			}
			else if (shape instanceof Shape.DropIndex drop) {
				dropIndex(drop);
			}
			else if (shape instanceof Shape.Reindex reindex) {
				reindex(reindex);
			}
			else if (shape instanceof Shape.DropTable drop) {
				dropTable(drop);
			}
			else if (shape instanceof Shape.AlterTable alter) {
				alterTable(alter);
			}
			else if (shape instanceof Shape.Update update) {
				backfill(update.table(), update.bounded(), "UPDATE");
			}
			else if (shape instanceof Shape.Delete delete) {
				backfill(delete.table(), delete.bounded(), "DELETE");
			}
			else if (shape instanceof Shape.SetLockTimeout set) {
				// SET LOCAL outside a transaction block lasts only for its own statement
				if (!set.local() || this.transactional) {
					this.lockTimeout = set.enabled();
				}
			}
			else if (shape instanceof Shape.TransactionControl control) {
				transactionControl(control.command());
			}
			else if (shape instanceof Shape.NoTransaction command) {
				if (this.transactional) {
					noTransaction(command.command());
				}
			}
			else if (shape instanceof Shape.Locking locking) {
				lock(locking.table(), locking.mode(), locking.command());
				for (Name other : locking.others()) {
					lock(other, locking.mode(), locking.command());
				}
			}
			else if (shape instanceof Shape.Rewrite rewrite) {
				rewrite(rewrite);
			}
			else if (shape instanceof Shape.CreateType create) {
				this.newTypes.add(create.type());
			}
			else if (shape instanceof Shape.RenameEnumValue rename) {
				renameEnumValue(rename);
			}
		}

		private void renameEnumValue(Shape.RenameEnumValue rename) {
			for (Name created : this.newTypes) {
				if (created.matches(rename.type())) {
					return;
				}
			}
			String type = rename.type().sql();
			add(Rule.RENAME_ENUM_VALUE, "ALTER TYPE " + type + " RENAME VALUE " + rename.from() + " TO " + rename.to()
					+ ": instances still running the previous release write " + rename.from() + ", which no longer exists"
					+ " (their inserts and updates fail with \"invalid input value for enum\"), and read " + rename.to()
					+ ", which their code does not know",
					"deploy this revision once no instance of the previous release runs (say so with `-- lint:"
							+ " disable=rename-enum-value <reason>`); or add the new label first (`ALTER TYPE " + type
							+ " ADD VALUE " + rename.to() + "`), release code that writes it and reads both, and move the"
							+ " rows to it in a later release",
					null);
		}

		/**
		 * Records the value an {@code ALTER TYPE ... ADD VALUE} adds, and flags a later statement of the same
		 * transaction using one: a string equal to the value in a statement that names the type (a cast, a column
		 * definition) or a table some revision gave a column of that type.
		 */
		private void newEnumValues(List<Token> tokens) {
			int n = tokens.size();
			if (n >= 6 && tokens.get(0).is("alter") && tokens.get(1).is("type")) {
				int i = 2;
				List<Token> name = new ArrayList<>();
				while (i < n && (tokens.get(i).isIdentifier() || tokens.get(i).isSymbol(".")) && !tokens.get(i).is("add")) {
					name.add(tokens.get(i++));
				}
				if (!name.isEmpty() && i + 1 < n && tokens.get(i).is("add") && tokens.get(i + 1).is("value")) {
					i += 2;
					if (i + 2 < n && tokens.get(i).is("if") && tokens.get(i + 1).is("not") && tokens.get(i + 2).is("exists")) {
						i += 3;
					}
					if (i < n && tokens.get(i).kind() == Token.Kind.STRING) {
						String value = stringValue(tokens.get(i));
						if (value != null) {
							Token type = name.get(name.size() - 1);
							this.addedValues.add(new AddedValue(type.value(), SqlCursor.text(name), value, fileLine()));
						}
					}
					return;
				}
			}
			if (this.addedValues.isEmpty()) {
				return;
			}
			for (Token token : tokens) {
				if (token.kind() != Token.Kind.STRING) {
					continue;
				}
				String value = stringValue(token);
				for (AddedValue added : this.addedValues) {
					if (added.value().equals(value) && usesType(tokens, added.type())) {
						int line = fileLine() + token.line() - 1;
						this.drafts.add(Draft.of(Rule.NEW_ENUM_VALUE_IN_TRANSACTION, this.revision, line,
								Statements.display(this.text),
								"uses the value '" + value + "' that ALTER TYPE " + added.sql() + " ADD VALUE (line "
										+ added.line() + ") added in this same transaction: PostgreSQL refuses it with"
										+ " \"unsafe use of new value\" until that transaction commits, and the whole"
										+ " revision is rolled back",
								"put the ALTER TYPE " + added.sql() + " ADD VALUE in a revision of its own, before the"
										+ " one using the value, or mark this revision `-- transactional: false`"));
						return;
					}
				}
			}
		}

		private boolean usesType(List<Token> tokens, String type) {
			for (int i = 0; i < tokens.size(); i++) {
				Token token = tokens.get(i);
				if (!token.isIdentifier()) {
					continue;
				}
				if (token.value().equals(type)) {
					return true;
				}
				Name name = (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") && tokens.get(i + 2).isIdentifier())
						? new Name(token.value(), tokens.get(i + 2).value()) : new Name(null, token.value());
				KnownSchema.Table table = this.schema.table(name);
				if (table != null && table.columns.values().stream().anyMatch((c) -> c.type != null
						&& c.type.name().equals(type))) {
					return true;
				}
			}
			return false;
		}

		private void transactionControl(String command) {
			if (!this.transactional) {
				// the runner refuses it: what stayed applied could not be told after a failure
				add(Rule.TRANSACTION_CONTROL, command + " inside a revision that runs outside a transaction: the runner"
						+ " refuses it, since after a failure inside the block what stayed applied could not be told",
						"remove it; statements that must commit together belong in a transactional revision of their own",
						null);
				return;
			}
			boolean opens = command.equals("BEGIN") || command.equals("START");
			add(Rule.TRANSACTION_CONTROL, command + " inside a transactional revision: the runner runs the revision and"
					+ " its version-table row in one transaction, so this "
					+ (opens ? "opens nothing (PostgreSQL only warns) and a later COMMIT" : "commits or ends part of the revision, and")
					+ " leaves the revision half applied if a later statement fails; the runner refuses it",
					"remove it; to run statements in transactions of their own, split the revision or mark it"
							+ " `-- transactional: false`",
					null);
		}

		private void createTable(Shape.CreateTable create) {
			if (create.ifNotExists() && this.schema.table(create.table()) != null) {
				// a no-op on the server: the table the earlier revision created stays
				return;
			}
			for (Name referenced : create.references()) {
				lock(referenced, LockMode.SHARE_ROW_EXCLUSIVE, "CREATE TABLE " + create.table().sql() + " with a foreign key to "
						+ referenced.sql());
			}
			KnownSchema.Table table = this.schema.createTable(create.table(), this.revision.id());
			for (ColumnDefinition column : create.columns()) {
				table.columns.put(column.name(), new KnownSchema.Column(column.type(), column.notNull()));
				for (Constraint constraint : column.constraints()) {
					if (constraint.kind() == ConstraintKind.CHECK && constraint.notNullColumn() != null) {
						table.checks.put(checkName(create.table(), column.name(), constraint),
								new KnownSchema.Check(constraint.notNullColumn(), true));
					}
				}
			}
			for (Constraint constraint : create.constraints()) {
				if (constraint.kind() == ConstraintKind.CHECK) {
					table.checks.put(checkName(create.table(), constraint.notNullColumn(), constraint),
							new KnownSchema.Check(constraint.notNullColumn(), true));
				}
			}
		}

		private void createIndex(Shape.CreateIndex create) {
			if (create.concurrently()) {
				if (this.transactional) {
					noTransaction("CREATE INDEX CONCURRENTLY");
				}
			}
			else if (!create.only() && isExisting(create.table())) {
				String rewritten = insert(this.text, create.concurrentlyAt(), " CONCURRENTLY");
				add(Rule.INDEX_WITHOUT_CONCURRENTLY, "CREATE " + (create.unique() ? "UNIQUE " : "") + "INDEX takes a SHARE lock on "
						+ create.table().sql() + " for the whole build: until every row is indexed (minutes on a large"
						+ " table), " + LockMode.SHARE.effect(),
						rewritten + ";\nin a revision marked `-- transactional: false` (CONCURRENTLY cannot run in a"
								+ " transaction; if it fails it leaves an INVALID index to drop before retrying)",
						create.table());
			}
			if (!create.concurrently() && !create.only()) {
				lock(create.table(), LockMode.SHARE, "CREATE INDEX");
			}
			this.schema.createIndex(create.index(), create.table(), create.columns(), this.revision.id());
		}

		private void dropIndex(Shape.DropIndex drop) {
			if (drop.concurrently()) {
				if (this.transactional) {
					noTransaction("DROP INDEX CONCURRENTLY");
				}
			}
			else {
				for (Name index : drop.indexes()) {
					Name table = this.schema.indexTable(index);
					if (this.schema.isNewIndex(index, this.revision.id()) || (table != null && !isExisting(table))) {
						continue;
					}
					String on = (table != null) ? table.sql() : "the table of " + index.sql();
					add(Rule.DROP_INDEX_WITHOUT_CONCURRENTLY, "DROP INDEX takes an ACCESS EXCLUSIVE lock on " + on
							+ ": the drop itself is quick, but it first waits for every running query on the table, and"
							+ " while it waits every new read and write of the table queues behind it",
							(drop.indexes().size() == 1 ? insert(this.text, drop.concurrentlyAt(), " CONCURRENTLY")
									: "DROP INDEX CONCURRENTLY " + index.sql())
									+ ";\none index per statement, in a revision marked `-- transactional: false`",
							table);
					lock(table, LockMode.ACCESS_EXCLUSIVE, "DROP INDEX");
					break;
				}
			}
			for (Name index : drop.indexes()) {
				this.schema.dropIndex(index);
			}
		}

		private void reindex(Shape.Reindex reindex) {
			boolean whole = !reindex.kind().equals("index") && !reindex.kind().equals("table");
			if (this.transactional && (reindex.concurrently() || whole)) {
				noTransaction("REINDEX " + reindex.kind().toUpperCase(Locale.ROOT)
						+ (reindex.concurrently() ? " CONCURRENTLY" : ""));
			}
			if (reindex.concurrently() || reindex.target() == null) {
				return;
			}
			Name table = reindex.kind().equals("index") ? this.schema.indexTable(reindex.target())
					: reindex.kind().equals("table") ? reindex.target() : null;
			if (table != null && !isExisting(table)) {
				return;
			}
			add(Rule.INDEX_WITHOUT_CONCURRENTLY, "REINDEX " + reindex.kind().toUpperCase(Locale.ROOT)
					+ " rebuilds under a SHARE lock on " + ((table != null) ? table.sql() : "each table")
					+ " and an ACCESS EXCLUSIVE lock on the index: writes wait, and so do reads that would use the index,"
					+ " until the rebuild ends",
					"REINDEX " + reindex.kind().toUpperCase(Locale.ROOT) + " CONCURRENTLY " + reindex.target().sql()
							+ ";\nin a revision marked `-- transactional: false`",
					table);
			lock(table, LockMode.SHARE, "REINDEX");
		}

		private void dropTable(Shape.DropTable drop) {
			for (Name table : drop.tables()) {
				if (isExisting(table)) {
					EntityTable mapped = mapped(table);
					String why = "DROP TABLE " + table.sql() + " takes an ACCESS EXCLUSIVE lock and deletes the table";
					String fix = "first release code that no longer maps the table (remove the entity), then drop it in a"
							+ " later release's revision";
					if (Linter.this.entities == null) {
						add(Rule.DROP_TABLE, why + ": instances still running the previous release fail on every query"
								+ " that reads it (lint cannot tell whether the code maps it: configure the entities)", fix, null);
					}
					else if (mapped != null) {
						addAt(Rule.DROP_TABLE, Severity.ERROR, why + ", but the entities still map " + table.sql()
								+ ": the application fails on it after this upgrade", fix);
					}
					else {
						addAt(Rule.DROP_TABLE, Severity.INFO, why + "; the entities no longer map it, so only instances"
								+ " still running a release that mapped it would fail", fix);
					}
					lock(table, LockMode.ACCESS_EXCLUSIVE, "DROP TABLE");
				}
				this.schema.dropTable(table);
			}
		}

		private void alterTable(Shape.AlterTable alter) {
			Name name = alter.table();
			boolean existing = isExisting(name);
			KnownSchema.Table table = this.schema.tableOrUnknown(name);
			Shape.TableLock lock = alter.lock();
			if (existing) {
				for (Action action : alter.actions()) {
					checkAction(name, table, action, alter.actions().size() == 1);
				}
				if (lock != null) {
					lock(name, lock.mode(), "ALTER TABLE");
				}
			}
			for (Action action : alter.actions()) {
				referencedLock(action);
				apply(name, table, action);
			}
		}

		private void referencedLock(Action action) {
			Constraint constraint = null;
			if (action instanceof Shape.AddConstraint add) {
				constraint = add.constraint();
			}
			if (action instanceof Shape.AddColumn add) {
				constraint = add.column().constraints().stream().filter((c) -> c.references() != null).findFirst().orElse(null);
			}
			if (constraint != null && constraint.references() != null) {
				lock(constraint.references(), LockMode.SHARE_ROW_EXCLUSIVE, "a foreign key to " + constraint.references().sql());
			}
		}

		private void checkAction(Name name, KnownSchema.Table table, Action action, boolean single) {
			if (action instanceof Shape.AddColumn add) {
				addColumn(name, add.column());
			}
			else if (action instanceof Shape.AddConstraint add) {
				addConstraint(name, add.constraint(), single);
				if (add.constraint().kind() == ConstraintKind.PRIMARY_KEY && add.constraint().usingIndex() != null) {
					// PostgreSQL makes each column of the index NOT NULL, scanning the table for a nullable one
					for (String column : this.schema.indexColumns(new Name(null, add.constraint().usingIndex()))) {
						setNotNull(name, table, column, true);
					}
				}
			}
			else if (action instanceof Shape.DropColumn drop) {
				dropColumn(name, drop.column());
			}
			else if (action instanceof Shape.AlterColumnType change) {
				changeType(name, table, change);
			}
			else if (action instanceof Shape.SetNotNull set) {
				setNotNull(name, table, set.column(), false);
			}
			else if (action instanceof Shape.ValidateConstraint validate) {
				validate(name, validate.name());
			}
			else if (action instanceof Shape.RenameColumn rename) {
				renameColumn(name, rename);
			}
			else if (action instanceof Shape.RenameTable rename) {
				renameTable(name, rename.to());
			}
			else if (action instanceof Shape.RewriteAction rewrite) {
				add(Rule.TABLE_REWRITE, "ALTER TABLE ... " + rewrite.description() + " writes " + name.sql() + " anew (and its"
						+ " indexes) under an ACCESS EXCLUSIVE lock held until it is done (minutes on a large table): "
						+ LockMode.ACCESS_EXCLUSIVE.effect(), "no online form: change it while the table is small, or in a"
								+ " maintenance window; to load a new table fast, create it UNLOGGED in the revision that creates it",
						name);
			}
			else if (action instanceof Shape.DetachPartition detach && detach.concurrently() && this.transactional) {
				noTransaction("DETACH PARTITION ... CONCURRENTLY");
			}
		}

		private void addColumn(Name table, ColumnDefinition column) {
			String qualified = table.sql() + "." + quote(column.name());
			String rewrite = null;
			if (column.type().isSerial()) {
				rewrite = "a " + column.type().sql() + " column fills every row from a sequence";
			}
			else if (column.identity()) {
				rewrite = "an identity column fills every row from a sequence";
			}
			else if (column.storedGenerated()) {
				rewrite = "a stored generated column computes every row";
			}
			Set<String> unknown = new LinkedHashSet<>();
			if (rewrite == null && column.hasDefault()) {
				String volatileFunction = Volatility.volatileFunction(column.defaultExpression(), unknown);
				if (volatileFunction != null) {
					rewrite = "the default " + volatileFunction + "() is volatile, so it is evaluated for every row";
				}
			}
			String fix = "add the column without a default (or with a constant one, which PostgreSQL 11+ stores without"
					+ " a rewrite), then `ALTER TABLE " + table.sql() + " ALTER COLUMN " + quote(column.name())
					+ " SET DEFAULT ...` for new rows, and fill existing rows in batches";
			String rewriteWhy = "ADD COLUMN " + qualified + " rewrites the whole table under an ACCESS EXCLUSIVE lock: ";
			String waits = "; every read and write of " + table.sql() + " waits until the rewrite ends";
			if (rewrite != null) {
				add(Rule.ADD_COLUMN_VOLATILE_DEFAULT, rewriteWhy + rewrite + waits, fix, table);
			}
			else if (!unknown.isEmpty()) {
				this.drafts.add(draft(Rule.ADD_COLUMN_VOLATILE_DEFAULT, rewriteWhy + "the default calls "
						+ String.join(", ", unknown) + "(), which the database says is volatile" + waits, fix)
					.on(table)
					.when(Condition.IF_FUNCTION_VOLATILE, unknown));
			}
			if (column.notNull() && !column.hasDefault() && !column.identity() && !column.storedGenerated()
					&& !column.type().isSerial()) {
				add(Rule.ADD_REQUIRED_COLUMN, "ADD COLUMN " + qualified + " NOT NULL without a default fails as soon as "
						+ table.sql() + " has a row (existing rows would hold NULL)",
						"add it with a constant DEFAULT (no rewrite since PostgreSQL 11), or add it nullable, fill it in"
								+ " batches, then SET NOT NULL through a validated CHECK (see set-not-null)",
						table);
			}
			for (Constraint constraint : column.constraints()) {
				switch (constraint.kind()) {
					case FOREIGN_KEY -> add(Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, "ADD COLUMN " + qualified
							+ " REFERENCES checks every row of " + table.sql() + " while holding SHARE ROW EXCLUSIVE locks on "
							+ table.sql() + " and " + constraint.references().sql() + " (writes to both wait) and the ACCESS"
							+ " EXCLUSIVE lock of ADD COLUMN (every query waits)",
							"add the column without REFERENCES, then `ALTER TABLE " + table.sql() + " ADD CONSTRAINT <name>"
									+ " FOREIGN KEY (" + quote(column.name()) + ") REFERENCES " + constraint.references().sql()
									+ " NOT VALID;` and, in another transaction, `ALTER TABLE " + table.sql()
									+ " VALIDATE CONSTRAINT <name>;`",
							table);
					case CHECK -> add(Rule.CHECK_WITHOUT_NOT_VALID, "ADD COLUMN " + qualified + " CHECK ... checks every row of "
							+ table.sql() + " under the ACCESS EXCLUSIVE lock of ADD COLUMN: every read and write waits",
							"add the column without the check, then `ALTER TABLE " + table.sql() + " ADD CONSTRAINT <name> CHECK "
									+ constraint.columns() + " NOT VALID;` and, in another transaction, `ALTER TABLE "
									+ table.sql() + " VALIDATE CONSTRAINT <name>;`",
							table);
					case UNIQUE, PRIMARY_KEY -> add(Rule.UNIQUE_CONSTRAINT_WITHOUT_INDEX, "ADD COLUMN " + qualified + " "
							+ (constraint.kind() == ConstraintKind.UNIQUE ? "UNIQUE" : "PRIMARY KEY") + " builds its index"
							+ " under the ACCESS EXCLUSIVE lock of ADD COLUMN: every read and write of " + table.sql()
							+ " waits for the whole build",
							"add the column alone, then `CREATE UNIQUE INDEX CONCURRENTLY <index> ON " + table.sql() + " ("
									+ quote(column.name()) + ");` in a revision marked `-- transactional: false`, then `ALTER TABLE "
									+ table.sql() + " ADD CONSTRAINT <name> "
									+ (constraint.kind() == ConstraintKind.UNIQUE ? "UNIQUE" : "PRIMARY KEY") + " USING INDEX <index>;`",
							table);
					case EXCLUDE, NOT_NULL -> {
					}
				}
			}
		}

		private void addConstraint(Name table, Constraint constraint, boolean single) {
			String name = (constraint.name() != null) ? quote(constraint.name()) : "<name>";
			switch (constraint.kind()) {
				case FOREIGN_KEY -> {
					if (!constraint.notValid()) {
						add(Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, "ADD FOREIGN KEY checks every row of " + table.sql()
								+ " while holding SHARE ROW EXCLUSIVE locks on " + table.sql() + " and "
								+ constraint.references().sql() + ": INSERT, UPDATE and DELETE on both wait for the whole scan",
								validatedLater(table, name, single && constraint.name() != null, "a foreign key"), table);
					}
				}
				case CHECK -> {
					if (!constraint.notValid()) {
						add(Rule.CHECK_WITHOUT_NOT_VALID, "ADD CHECK checks every row of " + table.sql()
								+ " while holding an ACCESS EXCLUSIVE lock: every read and write of the table waits for the"
								+ " whole scan", validatedLater(table, name, single && constraint.name() != null, "a check"),
								table);
					}
				}
				case UNIQUE, PRIMARY_KEY -> {
					if (constraint.usingIndex() == null) {
						String kind = (constraint.kind() == ConstraintKind.UNIQUE) ? "UNIQUE" : "PRIMARY KEY";
						String index = (constraint.name() != null) ? quote(constraint.name() + "_index") : "<index>";
						String columns = (constraint.columns() != null) ? constraint.columns() : "(...)";
						add(Rule.UNIQUE_CONSTRAINT_WITHOUT_INDEX, "ADD " + kind + " builds its index while holding an"
								+ " ACCESS EXCLUSIVE lock on " + table.sql() + ": every read and write waits for the whole build",
								"CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + table.sql() + " " + columns
										+ ";\nin a revision marked `-- transactional: false`, then\nALTER TABLE " + table.sql()
										+ " ADD CONSTRAINT " + name + " " + kind + " USING INDEX " + index + ";",
								table);
					}
				}
				case EXCLUDE -> add(Rule.UNIQUE_CONSTRAINT_WITHOUT_INDEX, "ADD EXCLUDE builds its index while holding an"
						+ " ACCESS EXCLUSIVE lock on " + table.sql() + ": every read and write waits for the whole build",
						"PostgreSQL has no online form of an exclusion constraint: add it while the table is small, or in a"
								+ " maintenance window",
						table);
				case NOT_NULL -> {
				}
			}
		}

		private String validatedLater(Name table, String name, boolean exact, String what) {
			if (exact) {
				return this.text + " NOT VALID;\nthen, in another transaction (a later revision, or this one marked"
						+ " `-- transactional: false`):\nALTER TABLE " + table.sql() + " VALIDATE CONSTRAINT " + name + ";";
			}
			return "add " + what + " with NOT VALID (checked for new rows only, a brief lock), then `ALTER TABLE "
					+ table.sql() + " VALIDATE CONSTRAINT " + name + ";` in another transaction: validation takes only a"
					+ " SHARE UPDATE EXCLUSIVE lock, so reads and writes go on";
		}

		private void dropColumn(Name table, String column) {
			String qualified = table.sql() + "." + quote(column);
			String why = "DROP COLUMN " + qualified + " (a brief ACCESS EXCLUSIVE lock)";
			String fix = "first release code that no longer maps the column (remove the field or mark it @Transient),"
					+ " then drop it in a later release's revision";
			EntityTable mapped = mapped(table);
			if (Linter.this.entities == null) {
				add(Rule.DROP_COLUMN, why + ": instances still running the previous release fail on every insert or"
						+ " select naming it (lint cannot tell whether the code maps it: configure the entities)", fix, null);
			}
			else if (mapped != null && mapped.column(column).isPresent()) {
				addAt(Rule.DROP_COLUMN, Severity.ERROR, why + ", but the entities still map " + qualified
						+ ": every insert and select of the entity fails after this upgrade", fix);
			}
			else {
				addAt(Rule.DROP_COLUMN, Severity.INFO, why + "; the entities no longer map it, so only instances still"
						+ " running a release that mapped it would fail", fix);
			}
		}

		private void changeType(Name table, KnownSchema.Table known, Shape.AlterColumnType change) {
			String qualified = table.sql() + "." + quote(change.column());
			KnownSchema.Column column = known.columns.get(change.column());
			String why = "ALTER COLUMN " + qualified + " TYPE " + change.type().sql() + " ";
			String rewritten = ": the table and its indexes are rewritten under an ACCESS EXCLUSIVE lock, and every read"
					+ " and write of " + table.sql() + " waits until it ends";
			String fix = "add a column of the new type, write both from the code, fill it in batches, move reads to it,"
					+ " and drop the old one in a later release (varchar widening, varchar to text and a larger numeric"
					+ " precision need none of this)";
			String because;
			Condition condition = Condition.ALWAYS;
			if (change.using()) {
				because = "with a USING expression";
			}
			else if (column == null) {
				because = "from a type lint does not know (no revision created the column), so unless it is a widening"
						+ " PostgreSQL does in place";
			}
			else {
				switch (column.type.changeTo(change.type())) {
					case NO_REWRITE -> {
						return;
					}
					case REWRITE_UNLESS_UTC -> {
						because = "from " + column.type.sql() + " in a session whose time zone is not UTC";
						condition = Condition.UNLESS_UTC_SESSION;
					}
					default -> because = "from " + column.type.sql();
				}
			}
			this.drafts.add(draft(Rule.COLUMN_TYPE_REWRITE, why + because + rewritten, fix)
				.on(table)
				.when(condition, Set.of()));
		}

		/** {@code SET NOT NULL}, or the one a primary key made from an index ({@code implicit}) does. */
		private void setNotNull(Name table, KnownSchema.Table known, String column, boolean implicit) {
			KnownSchema.Column definition = known.columns.get(column);
			if (definition != null && definition.notNull) {
				return;
			}
			for (KnownSchema.Check check : known.checks.values()) {
				if (column.equals(check.notNullColumn) && check.validated) {
					return;
				}
			}
			String constraint = quote(table.name() + "_" + column + "_not_null");
			String t = table.sql();
			add(Rule.SET_NOT_NULL, (implicit ? "ADD PRIMARY KEY USING INDEX sets NOT NULL on " : "SET NOT NULL on ") + t + "."
					+ quote(column) + (implicit ? ", which" : "") + " scans the whole table under an ACCESS"
					+ " EXCLUSIVE lock to prove no row is NULL: every read and write of " + t + " waits for the scan",
					"ALTER TABLE " + t + " ADD CONSTRAINT " + constraint + " CHECK (" + quote(column)
							+ " IS NOT NULL) NOT VALID;\nthen, in another transaction:\nALTER TABLE " + t
							+ " VALIDATE CONSTRAINT " + constraint + ";\nALTER TABLE " + t + " ALTER COLUMN " + quote(column)
							+ " SET NOT NULL; -- uses the validated check, no scan (PostgreSQL 12+)\nALTER TABLE " + t
							+ " DROP CONSTRAINT " + constraint + ";",
					table);
		}

		private void validate(Name table, String constraint) {
			if (!this.transactional) {
				return;
			}
			Held lock = this.held.get(table.key());
			if (lock == null) {
				return;
			}
			add(Rule.VALIDATE_IN_SAME_TRANSACTION, "VALIDATE CONSTRAINT " + quote(constraint) + " scans " + table.sql()
					+ " while the " + lock.mode().sql() + " lock taken by " + lock.what() + " at line " + lock.line()
					+ " is still held (the revision is one transaction): " + lock.mode().effect()
					+ " for the whole scan, so NOT VALID gained nothing",
					"validate in another transaction: move VALIDATE CONSTRAINT to a later revision, or mark this one"
							+ " `-- transactional: false` so each statement commits on its own",
					table);
		}

		private void renameColumn(Name table, Shape.RenameColumn rename) {
			String from = table.sql() + "." + quote(rename.from());
			String fix = "keep the column name and map the new name in the entity (@Column(name = \"" + rename.from()
					+ "\")); or expand and contract: add the new column, write both, fill it, move reads, drop the old one a"
					+ " release later";
			String why = "RENAME COLUMN " + from + " TO " + quote(rename.to());
			EntityTable mapped = mapped(table);
			if (Linter.this.entities == null) {
				add(Rule.RENAME_COLUMN, why + ": instances still running the previous release read " + from
						+ " and fail until they are all replaced", fix, null);
			}
			else if (mapped != null && mapped.column(rename.from()).isPresent()) {
				addAt(Rule.RENAME_COLUMN, Severity.ERROR, why + ", but the entities still map " + from
						+ ": the application fails on it after this upgrade", fix);
			}
			else if (mapped != null && mapped.column(rename.to()).isPresent()) {
				add(Rule.RENAME_COLUMN, why + ": the entities map the new name, but instances still running the previous"
						+ " release read " + from + " and fail until they are all replaced", fix, null);
			}
		}

		private void renameTable(Name table, String to) {
			String fix = "keep the table name and map the entity to it (@Table(name = \"" + table.name() + "\")); or rename"
					+ " and, in the same transaction, `CREATE VIEW " + table.sql() + " AS SELECT * FROM " + quote(to)
					+ ";` (a simple view is updatable), dropping the view a release later";
			String why = "RENAME " + table.sql() + " TO " + quote(to);
			if (Linter.this.entities == null) {
				add(Rule.RENAME_TABLE, why + ": instances still running the previous release query " + table.sql()
						+ " and fail until they are all replaced", fix, null);
			}
			else if (mapped(table) != null) {
				addAt(Rule.RENAME_TABLE, Severity.ERROR, why + ", but the entities still map " + table.sql()
						+ ": the application fails on it after this upgrade", fix);
			}
			else if (mapped(new Name(table.schema(), to)) != null) {
				add(Rule.RENAME_TABLE, why + ": the entities map the new name, but instances still running the previous"
						+ " release query " + table.sql() + " and fail until they are all replaced", fix, null);
			}
		}

		private void apply(Name name, KnownSchema.Table table, Action action) {
			if (action instanceof Shape.AddColumn add) {
				ColumnDefinition column = add.column();
				table.columns.put(column.name(), new KnownSchema.Column(column.type(), column.notNull()));
				for (Constraint constraint : column.constraints()) {
					if (constraint.kind() == ConstraintKind.CHECK && constraint.notNullColumn() != null) {
						table.checks.put(checkName(name, column.name(), constraint),
								new KnownSchema.Check(constraint.notNullColumn(), true));
					}
				}
			}
			else if (action instanceof Shape.AddConstraint add && add.constraint().kind() == ConstraintKind.CHECK) {
				Constraint constraint = add.constraint();
				table.checks.put(checkName(name, constraint.notNullColumn(), constraint),
						new KnownSchema.Check(constraint.notNullColumn(), !constraint.notValid()));
			}
			else if (action instanceof Shape.DropColumn drop) {
				table.columns.remove(drop.column());
			}
			else if (action instanceof Shape.AlterColumnType change) {
				KnownSchema.Column column = table.columns.get(change.column());
				if (column != null) {
					column.type = change.type();
				}
				else {
					table.columns.put(change.column(), new KnownSchema.Column(change.type(), false));
				}
			}
			else if (action instanceof Shape.SetNotNull set) {
				KnownSchema.Column column = table.columns.get(set.column());
				if (column != null) {
					column.notNull = true;
				}
			}
			else if (action instanceof Shape.ValidateConstraint validate) {
				KnownSchema.Check check = table.checks.get(validate.name());
				if (check != null) {
					check.validated = true;
				}
			}
			else if (action instanceof Shape.DropConstraint drop) {
				table.checks.remove(drop.name());
			}
			else if (action instanceof Shape.RenameColumn rename) {
				KnownSchema.Column column = table.columns.remove(rename.from());
				if (column != null) {
					table.columns.put(rename.to(), column);
				}
			}
			else if (action instanceof Shape.RenameTable rename) {
				this.schema.renameTable(name, rename.to());
			}
		}

		private void backfill(Name table, boolean bounded, String command) {
			if (bounded || !isExisting(table) || !this.transactional) {
				return;
			}
			this.backfills.add(draft(Rule.BACKFILL_IN_DDL_TRANSACTION, command + " of every row of " + table.sql()
					+ " runs in the same transaction as this revision's schema changes, so their locks (and the row locks"
					+ " of the " + command + ") are held until the whole " + command + " commits",
					"move the backfill to a revision of its own marked `-- transactional: false`, in batches, e.g. `UPDATE "
							+ table.sql() + " SET ... WHERE id IN (SELECT id FROM " + table.sql()
							+ " WHERE ... LIMIT 10000)` repeated (a Java revision can loop)")
				.on(table));
		}

		private void noTransaction(String command) {
			add(Rule.CONCURRENTLY_IN_TRANSACTION, command + " cannot run inside a transaction block, and this revision"
					+ " runs in one: the upgrade fails at this statement",
					"mark the revision `-- transactional: false` (each statement then commits on its own), keeping"
							+ " the statements that must be atomic in another revision",
					null);
		}

		private void rewrite(Shape.Rewrite rewrite) {
			if (rewrite.outsideTransaction() && this.transactional) {
				noTransaction(rewrite.command());
			}
			if (rewrite.table() == null) {
				String which = rewrite.command().equals("CLUSTER") ? "every table clustered before (CLUSTER ... USING)"
						: "every table of the database";
				add(Rule.TABLE_REWRITE, rewrite.command() + " without a table writes " + which + " anew, one after the"
						+ " other, each under an ACCESS EXCLUSIVE lock held until it is done (minutes on a large table): "
						+ LockMode.ACCESS_EXCLUSIVE.effect(), rewrite.fix(), null);
				lock(null, LockMode.ACCESS_EXCLUSIVE, rewrite.command());
				return;
			}
			List<Name> tables = new ArrayList<>();
			tables.add(rewrite.table());
			tables.addAll(rewrite.others());
			for (Name table : tables) {
				if (isExisting(table)) {
					add(Rule.TABLE_REWRITE, rewrite.command() + " writes " + table.sql() + " anew under an ACCESS"
							+ " EXCLUSIVE lock held until it is done (minutes on a large table): "
							+ LockMode.ACCESS_EXCLUSIVE.effect(), rewrite.fix(), table);
				}
				lock(table, LockMode.ACCESS_EXCLUSIVE, rewrite.command());
			}
		}

		/** A lock taken on a table: remembered for the transaction, and checked against lock_timeout. */
		private void lock(Name table, LockMode mode, String what) {
			if (table != null && !isExisting(table)) {
				return;
			}
			if (!mode.blocksWrites()) {
				return;
			}
			this.ddlOnExisting = true;
			if (table != null) {
				Held before = this.held.get(table.key());
				if (before == null || before.mode().compareTo(mode) < 0) {
					this.held.put(table.key(), new Held(mode, what, fileLine()));
				}
			}
			if (!this.lockTimeout && !this.lockTimeoutReported) {
				this.lockTimeoutReported = true;
				String on = (table != null) ? table.sql() : "each table in turn";
				String held = (table != null) ? table.sql() : "one of them";
				String queued = (table != null) ? table.sql() : "that table";
				this.drafts.add(draft(Rule.MISSING_LOCK_TIMEOUT, what + " waits for " + article(mode) + " lock on " + on
						+ " with no lock_timeout: if a long query or an idle transaction holds any lock on " + held
						+ ", this statement waits, and every query on " + queued + " after it queues behind it ("
						+ mode.effect() + ")",
						this.transactional ? "start the upgrade section with `SET LOCAL lock_timeout = '5s';` and run the"
								+ " upgrade again when it times out"
								: "start the upgrade section with `SET lock_timeout = '5s';` (SET LOCAL lasts one statement"
										+ " in a non-transactional revision) and run the upgrade again when it times out")
					.when(Condition.UNLESS_SESSION_LOCK_TIMEOUT, Set.of()));
			}
		}

		private boolean isExisting(Name table) {
			return !this.schema.isNew(table, this.revision.id());
		}

		private EntityTable mapped(Name table) {
			return (Linter.this.entities != null) ? Linter.this.entities.get(table.name()) : null;
		}

		private void add(Rule rule, String message, String fix, Name table) {
			this.drafts.add(draft(rule, message, fix).on(table));
		}

		private void addAt(Rule rule, Severity severity, String message, String fix) {
			this.drafts.add(draft(rule, message, fix).at(severity));
		}

		private Draft draft(Rule rule, String message, String fix) {
			return Draft.of(rule, this.revision, fileLine(), Statements.display(this.text), message, fix);
		}

		private int fileLine() {
			return this.body.upgradeLine() + this.statement.line() - 1;
		}

	}

	/** A value {@code ALTER TYPE ... ADD VALUE} added: the type's name (last part), as written, the value, the file line. */
	private record AddedValue(String type, String sql, String value, int line) {
	}

	/** The text of a plain or {@code E''} string constant, {@code null} for other kinds. */
	private static String stringValue(Token token) {
		String text = token.text();
		if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
			return text.substring(1, text.length() - 1).replace("''", "'");
		}
		return null;
	}

	/** A lock held in the current transaction: its mode, what took it, and the file line. */
	private record Held(LockMode mode, String what, int line) {
	}

	/** The name PostgreSQL gives a check constraint: its own, else {@code <table>_<column>_check}. */
	private static String checkName(Name table, String column, Constraint constraint) {
		if (constraint.name() != null) {
			return constraint.name();
		}
		return table.name() + "_" + ((column != null) ? column : "") + "_check";
	}

	private static String article(LockMode mode) {
		return (mode.sql().startsWith("A") || mode.sql().startsWith("E") ? "an " : "a ") + mode.sql();
	}

	private static String quote(String identifier) {
		return dev.migrations.dialect.PostgresIdentifiers.quote(identifier);
	}

	private static String insert(String text, int at, String insertion) {
		return (at < 0 || at > text.length()) ? text : text.substring(0, at) + insertion + text.substring(at);
	}


}
