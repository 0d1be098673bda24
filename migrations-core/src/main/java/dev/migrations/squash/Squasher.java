package dev.migrations.squash;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationsException;
import dev.migrations.diff.DiffOptions;
import dev.migrations.diff.Difference;
import dev.migrations.diff.Operation;
import dev.migrations.diff.RenameMode;
import dev.migrations.diff.SchemaDiffer;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.dialect.PostgresLockTable;
import dev.migrations.introspect.PostgresIntrospector;
import dev.migrations.render.PostgresRenderer;
import dev.migrations.render.RenderedStatement;
import dev.migrations.render.RevisionParts;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.runner.DatabaseMigrator;
import dev.migrations.runner.MigrationFailedException;
import dev.migrations.runner.MigrationsListener;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Table;
import dev.migrations.tenant.Placeholders;

/**
 * Builds the squash of the history up to a revision (PostgreSQL): the revisions are applied to a
 * scratch schema, the schema they produce is read back with the {@link PostgresIntrospector} and
 * rendered as {@code CREATE} statements by the {@link PostgresRenderer} (the downgrade is their
 * reverse), and the result is checked: the squash is applied to a second scratch schema, which must
 * read back exactly like the first, and its downgrade must leave that schema empty.
 * <p>
 * The history up to the point may branch and merge, as long as it is closed: every revision before
 * the point has all its children (and every revision naming it in {@code depends_on}) among the
 * point's ancestors, so that nothing outside the squash follows half of it; none carries a branch
 * label; all are SQL files. The point itself may have several children, which all follow the squash
 * afterwards. Functions, procedures, views and triggers are written again after the tables, as the
 * server prints them ({@link RoutinesAndViews}). Objects the schema model does not carry
 * (materialized views, rules, policies, domains and other non-enum types, aggregates, extensions,
 * event triggers, partitioned tables, rows in tables, advanced sequences) make the squash fail, naming them: they
 * are never silently dropped. Nor is what the model leaves out of the
 * objects it carries: the two schemas are also compared as the server prints them
 * ({@link SchemaFingerprint}), and any difference (an exclusion constraint, {@code DEFERRABLE}, a
 * collation, identity options, storage settings...) fails the squash. Privileges
 * ({@code GRANT}) are not read, and not carried.
 * <p>
 * The scratch schemas ({@value #SCHEMA_PREFIX}{@code <random>}) are created in the configured
 * database, and dropped (with everything in them) afterwards, whatever happened. The revisions are
 * applied with the schema first on the {@code search_path}: a revision that names another schema
 * explicitly would touch that schema, so squash on a development database.
 */
public final class Squasher {

	/** The prefix of the scratch schemas' names. */
	public static final String SCHEMA_PREFIX = "migrations_squash_";

	private static final Logger logger = LoggerFactory.getLogger(Squasher.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DataSource dataSource;

	private final Dialect dialect;

	private final String versionTable;

	private final Duration lockTimeout;

	/**
	 * @param dataSource the database holding the scratch schemas
	 * @param dialect its dialect (PostgreSQL only)
	 * @param versionTable the version table's name, written and ignored in the scratch schemas
	 * @param lockTimeout the lock timeout for applying revisions there
	 */
	public Squasher(DataSource dataSource, Dialect dialect, String versionTable, Duration lockTimeout) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.lockTimeout = lockTimeout;
	}

	/** {@code head}: the one head, as {@code db upgrade head} reads it. */
	private static Revision singleHead(RevisionGraph graph) {
		List<String> heads = graph.heads();
		if (heads.isEmpty()) {
			throw new SquashException("Nothing to squash: there are no revisions.");
		}
		if (heads.size() > 1) {
			throw new SquashException("Cannot squash up to head: there are " + heads.size() + " heads " + heads
					+ ". Merge them first (`db merge`), or name the revision to squash up to.");
		}
		return graph.get(heads.get(0));
	}

	/**
	 * What a squash replaces: the point and its ancestors, in the order they run (oldest first, the point last),
	 * checked to be a closed history of SQL files.
	 * @param graph the revisions
	 * @param point the squash point (id or unique prefix, or {@code head} for the one head)
	 * @return the revisions to replace, in the order they run, the point last
	 * @throws SquashException when a branch leaves the history before the point without coming back to it, or
	 * a revision up to the point carries a branch label or is a Java revision
	 */
	public static List<Revision> history(RevisionGraph graph, String point) {
		Revision last = "head".equals(point) ? singleHead(graph) : graph.resolve(point);
		Set<String> ancestors = graph.ancestors(last.id());
		List<Revision> chain = new ArrayList<>(ancestors.size());
		for (String id : ancestors) {
			chain.add(graph.get(id));
		}
		if (chain.size() < 2) {
			throw new SquashException("Nothing to squash: " + last.id() + " (" + last.source() + ") has no ancestor."
					+ " Name a later revision: `db squash <revision>` replaces it and every revision before it.");
		}
		for (Revision revision : chain) {
			String where = revision.id() + " (" + revision.source() + ")";
			if (!revision.branchLabels().isEmpty()) {
				throw new SquashException("Cannot squash up to " + last.id() + ": " + where + " carries branch label(s) "
						+ revision.branchLabels() + ", which the squash could not keep. Squash up to a revision before it.");
			}
			if (revision.body() instanceof Revision.SqlBody sql && (usesPlaceholder(sql.upgrade())
					|| usesPlaceholder(sql.downgrade()))) {
				throw new SquashException("Cannot squash up to " + last.id() + ": " + where + " uses " + Placeholders.SCHEMA
						+ " or " + Placeholders.TENANT + ", which a squash, built from one scratch schema, could not keep for"
						+ " every tenant. Squash up to a revision before it.");
			}
			if (!(revision.body() instanceof Revision.SqlBody)) {
				throw new SquashException("Cannot squash up to " + last.id() + ": " + where + " is a Java revision, whose"
						+ " work (usually data) a schema cannot stand for. Squash up to a revision before it.");
			}
			if (revision != last) {
				List<String> outside = graph.children(revision.id()).stream().filter((id) -> !ancestors.contains(id)).toList();
				if (!outside.isEmpty()) {
					throw new SquashException("Cannot squash up to " + last.id() + ": the history branches at " + where
							+ " into " + graph.children(revision.id()) + ", and " + outside + " do(es) not lead to "
							+ last.id() + ". A squash can only replace a history whose branches all merge again by its last"
							+ " revision: merge the branches first (`db merge`) and squash up to the merge, or squash up to "
							+ revision.id() + " or a revision before it.");
				}
			}
		}
		Set<String> inside = new LinkedHashSet<>(ancestors);
		inside.remove(last.id());
		for (Revision other : graph.revisions()) {
			if (ancestors.contains(other.id())) {
				continue;
			}
			for (String dependency : other.dependsOn()) {
				if (inside.contains(dependency)) {
					throw new SquashException("Cannot squash up to " + last.id() + ": " + other.id() + " (" + other.source()
							+ ") has depends_on " + dependency + ", a revision in the middle of the history to squash."
							+ " Squash up to " + dependency + " or point the depends_on at " + last.id() + " first.");
				}
			}
		}
		return chain;
	}

	private static boolean usesPlaceholder(String sql) {
		return sql != null && (sql.contains(Placeholders.SCHEMA) || sql.contains(Placeholders.TENANT));
	}

	/**
	 * Builds and checks the squash of the history up to a revision.
	 * @param graph the revisions
	 * @param point the squash point (id or unique prefix, or {@code head} for the one head)
	 * @return the squash's SQL and what it replaces
	 * @throws SquashException when the history cannot be squashed or the check fails
	 */
	public SquashPlan plan(RevisionGraph graph, String point) {
		if (!this.dialect.name().equals("postgresql")) {
			throw new SquashException("db squash reads the schema back with the PostgreSQL introspector and runs on"
					+ " PostgreSQL only; this database is " + this.dialect.name() + ".");
		}
		List<Revision> chain = history(graph, point);
		Revision last = chain.get(chain.size() - 1);
		List<String> replaces = new ArrayList<>();
		for (Revision revision : chain) {
			// squashing again: the new squash stands for the old one and everything the old one replaced
			replaces.addAll(revision.replaces());
			replaces.add(revision.id());
		}
		String produced = scratchName();
		String rebuilt = scratchName();
		long started = System.nanoTime();
		try {
			SchemaModel expected;
			try {
				expected = apply(RevisionGraph.of(chain), last.id(), produced);
			}
			catch (MigrationFailedException ex) {
				throw new SquashException("Cannot squash up to " + last.id() + ": the history does not run from base on an"
						+ " empty schema (the scratch schema " + produced + "), so there is no schema to squash; nothing was"
						+ " written. Revision " + ex.revision() + " (" + ex.source() + ") failed at statement "
						+ ex.statementNumber() + ": " + firstLine(ex.sql()) + "\n"
						+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage())
						+ "\nA revision that names another schema, or needs what only an existing database has, cannot be"
						+ " squashed: squash up to a revision before it.", ex);
			}
			long applied = System.nanoTime();
			List<String> unsupported = unsupported(produced, expected);
			if (!unsupported.isEmpty()) {
				throw new SquashException("Cannot squash up to " + last.id() + ": the history creates what the schema model"
						+ " does not carry, and the squash would lose it:\n  " + String.join("\n  ", unsupported)
						+ "\nSquash up to a revision before the one creating them, or move them to a revision after "
						+ last.id() + " (a squash only stands for tables, columns, keys, indexes, checks, sequences, enum"
						+ " types, functions, procedures, views, triggers and comments).");
			}
			List<Operation> operations = new SchemaDiffer().diff(SchemaModel.empty(produced), expected,
					DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD));
			PostgresRenderer renderer = new PostgresRenderer();
			List<RenderedStatement> upgrade = renderer.render(operations);
			List<RenderedStatement> downgrade = renderer.renderDowngrade(operations);
			// a schema too large for one transaction on the server's lock table (more than about a thousand tables
			// with its defaults) is created statement by statement, as a `transactional: false` revision runs
			long weight = Math.max(RevisionParts.weight(upgrade), RevisionParts.weight(downgrade));
			boolean fits = weight <= PostgresLockTable.budget(weight, this::serverBudget);
			boolean transactional = fits && upgrade.stream().noneMatch(RenderedStatement::requiresNoTransaction)
					&& downgrade.stream().noneMatch(RenderedStatement::requiresNoTransaction);
			RoutinesAndViews routines = routinesAndViews(produced);
			String upgradeSql;
			String downgradeSql;
			if (routines.isEmpty()) {
				upgradeSql = RenderedStatement.script(upgrade);
				downgradeSql = RenderedStatement.script(downgrade);
			}
			else {
				// the enum types come first: the functions the tables call may take or return them. As pg_dump does, a
				// function's body (but one in BEGIN ATOMIC) is checked when it runs, not when it is created, since what
				// it reads may come after it (a function rewritten to read a view created after it); the session's
				// setting is restored at the end
				List<Operation> types = operations.stream().filter(Operation.CreateEnumType.class::isInstance).toList();
				List<Operation> rest = operations.stream().filter((op) -> !types.contains(op)).toList();
				upgradeSql = sections(RenderedStatement.script(renderer.render(types)), "SET check_function_bodies = false;",
						routines.beforeTables(), RenderedStatement.script(renderer.render(rest)), routines.upgrade(),
						"RESET check_function_bodies;");
				downgradeSql = sections(routines.downgrade(), RenderedStatement.script(renderer.renderDowngrade(rest)),
						routines.afterTables(), RenderedStatement.script(renderer.renderDowngrade(types)));
			}
			Revision squash = new Revision("squash_check", List.of(), List.of(), List.of(), "squash check", null,
					transactional, "squash of " + last.id(), null, new Revision.SqlBody(upgradeSql, 1, downgradeSql, 1));
			long rendered = System.nanoTime();
			SchemaModel actual;
			try {
				actual = apply(RevisionGraph.of(List.of(squash)), squash.id(), rebuilt);
			}
			catch (MigrationFailedException ex) {
				throw new SquashException("The squash up to " + last.id() + " does not apply to an empty schema; nothing was"
						+ " written. Its statement " + ex.statementNumber() + " failed: " + firstLine(ex.sql()) + "\n"
						+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage()) + "\nSquash up to a revision before the one creating the object it"
						+ " names, or move that object to a revision after " + last.id() + ".", ex);
			}
			List<Difference> differences = new SchemaDiffer().differences(actual, renamed(expected, rebuilt),
					DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD));
			if (!differences.isEmpty()) {
				throw new SquashException("The squash up to " + last.id() + " does not rebuild the schema its " + chain.size()
						+ " revisions produce; nothing was written. Differences (squash vs history):\n  "
						+ describe(differences));
			}
			List<String> lost = lost(produced, rebuilt);
			if (!lost.isEmpty()) {
				throw new SquashException("Cannot squash up to " + last.id() + ": the squash would not rebuild everything its "
						+ chain.size() + " revisions create, as the server prints it; nothing was written. It would lose or"
						+ " change:\n  " + String.join("\n  ", lost.subList(0, Math.min(lost.size(), 50)))
						+ ((lost.size() > 50) ? "\n  ... and " + (lost.size() - 50) + " more" : "")
						+ "\nSquash up to a revision before the one creating them, or move them to a revision after " + last.id()
						+ " (a squash stands for tables, columns, keys, indexes, checks, sequences, enum types, functions,"
						+ " procedures, views, triggers and comments, with the options the schema model carries).");
			}
			SchemaModel afterDowngrade = downgrade(RevisionGraph.of(List.of(squash)), rebuilt);
			if (!afterDowngrade.tables().isEmpty() || !afterDowngrade.sequences().isEmpty()
					|| !afterDowngrade.enumTypes().isEmpty()) {
				throw new SquashException("The squash up to " + last.id() + " does not downgrade to an empty schema; nothing"
						+ " was written. Left: tables " + afterDowngrade.tables().stream().map(Table::name).toList()
						+ ", sequences " + afterDowngrade.sequences().size() + ", enum types " + afterDowngrade.enumTypes().size());
			}
			long checked = System.nanoTime();
			logger.info("Squash up to {}: {} revisions applied to a scratch schema in {} ms, {} tables read back and rendered in"
					+ " {} ms, checked (applied, compared, downgraded) in {} ms", last.id(), chain.size(),
					(applied - started) / 1_000_000, expected.tables().size(), (rendered - applied) / 1_000_000,
					(checked - rendered) / 1_000_000);
			return new SquashPlan(last.id(), replaces, upgradeSql, downgradeSql, transactional, expected.tables().size(),
					operations.size());
		}
		finally {
			dropQuietly(produced);
			dropQuietly(rebuilt);
		}
	}

	/** The non-empty parts of a script, a blank line between each. */
	private static String sections(String... parts) {
		StringBuilder script = new StringBuilder();
		for (String part : parts) {
			if (!part.isBlank()) {
				script.append((script.length() > 0) ? "\n\n" : "").append(part.strip());
			}
		}
		return script.append('\n').toString();
	}

	private static String firstLine(String sql) {
		if (sql == null) {
			return "";
		}
		String line = sql.strip().lines().findFirst().orElse("");
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

	private RoutinesAndViews routinesAndViews(String schema) {
		try (Connection connection = this.dataSource.getConnection()) {
			return RoutinesAndViews.read(connection, schema);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the functions, views and triggers of the scratch schema " + schema
					+ ": " + ex.getMessage(), ex);
		}
	}

	/** What the history's schema holds that the squash's does not build the same, as the server prints both. */
	private List<String> lost(String produced, String rebuilt) {
		try (Connection connection = this.dataSource.getConnection()) {
			return SchemaFingerprint.lost(SchemaFingerprint.read(connection, produced, this.versionTable),
					SchemaFingerprint.read(connection, rebuilt, this.versionTable));
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the scratch schemas " + produced + " and " + rebuilt + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static String describe(List<Difference> differences) {
		List<String> lines = new ArrayList<>();
		for (Difference difference : differences) {
			lines.add(difference.kind() + " " + difference.object() + ": " + difference.detail());
		}
		return String.join("\n  ", lines);
	}

	private static SchemaModel renamed(SchemaModel model, String schema) {
		return new SchemaModel(schema, model.tables(), model.sequences(), model.enumTypes());
	}

	private SchemaModel apply(RevisionGraph graph, String target, String schema) {
		migrator(graph, schema).upgrade(target);
		return introspect(schema);
	}

	private SchemaModel downgrade(RevisionGraph graph, String schema) {
		migrator(graph, schema).downgrade("base");
		return introspect(schema);
	}

	private DatabaseMigrator migrator(RevisionGraph graph, String schema) {
		return new DatabaseMigrator(this.dataSource, this.dialect, schema, this.versionTable, graph, this.lockTimeout, false,
				"db squash", MigrationsListener.NONE);
	}

	private Predicate<String> notVersionTables() {
		String log = this.versionTable + "_log";
		return (table) -> !table.equalsIgnoreCase(this.versionTable) && !table.equalsIgnoreCase(log);
	}

	private SchemaModel introspect(String schema) {
		try (Connection connection = this.dataSource.getConnection()) {
			return new PostgresIntrospector().introspect(connection, schema, notVersionTables());
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the scratch schema " + schema + ": " + ex.getMessage(), ex);
		}
	}

	// Everything in the schema that the model leaves out, as "kind name" lines.
	private static final String UNSUPPORTED = """
			SELECT CASE c.relkind WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
			  WHEN 'p' THEN 'partitioned table' ELSE 'composite type' END, c.relname::text
			FROM pg_catalog.pg_class c WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('m', 'f', 'p', 'c')
			UNION ALL
			SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END,
			  p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
			FROM pg_catalog.pg_proc p WHERE p.pronamespace = ?::regnamespace AND p.prokind IN ('a', 'w')
			UNION ALL
			SELECT 'rule', r.rulename || ' on ' || c.relname
			FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
			WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'v') AND r.rulename <> '_RETURN'
			UNION ALL
			SELECT 'policy', p.polname || ' on ' || c.relname
			FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
			WHERE c.relnamespace = ?::regnamespace
			UNION ALL
			SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' WHEN 'm' THEN 'multirange type'
			  ELSE 'type' END, t.typname::text
			FROM pg_catalog.pg_type t WHERE t.typnamespace = ?::regnamespace AND t.typtype IN ('d', 'r', 'm', 'b')
			  AND t.typelem = 0
			UNION ALL
			SELECT 'extension', e.extname::text FROM pg_catalog.pg_extension e WHERE e.extnamespace = ?::regnamespace
			UNION ALL
			SELECT 'event trigger', e.evtname || ' (database-wide, on ' || e.evtevent || ')'
			FROM pg_catalog.pg_event_trigger e JOIN pg_catalog.pg_proc p ON p.oid = e.evtfoid
			WHERE p.pronamespace = ?::regnamespace
			UNION ALL
			SELECT 'sequence value', s.sequencename || ' (last value ' || s.last_value || ')'
			FROM pg_catalog.pg_sequences s WHERE s.schemaname = ? AND s.last_value IS NOT NULL
			  AND s.sequencename NOT LIKE ?
			""";

	private List<String> unsupported(String schema, SchemaModel model) {
		List<String> found = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement statement = connection.prepareStatement(UNSUPPORTED)) {
				for (int i = 1; i <= 7; i++) {
					statement.setString(i, PostgresIdentifiers.quote(schema));
				}
				statement.setString(8, schema);
				// the version tables' own sequences count applied revisions
				statement.setString(9, this.versionTable.replace("_", "\\_") + "%");
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						found.add(rs.getString(1) + " " + rs.getString(2));
					}
				}
			}
			found.addAll(tablesWithRows(connection, schema, model));
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the scratch schema " + schema + ": " + ex.getMessage(), ex);
		}
		return found;
	}

	/** Tables the revisions put rows in: the squash creates empty tables. Asked in batches of one query each. */
	private static List<String> tablesWithRows(Connection connection, String schema, SchemaModel model) throws SQLException {
		List<String> found = new ArrayList<>();
		List<Table> tables = model.tables();
		for (int from = 0; from < tables.size(); from += 200) {
			StringBuilder sql = new StringBuilder();
			for (Table table : tables.subList(from, Math.min(from + 200, tables.size()))) {
				if (sql.length() > 0) {
					sql.append(" UNION ALL ");
				}
				sql.append("SELECT ").append(PostgresIdentifiers.literal(table.name())).append(" WHERE EXISTS (SELECT 1 FROM ")
					.append(PostgresIdentifiers.quote(schema)).append('.').append(PostgresIdentifiers.quote(table.name()))
					.append(')');
			}
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
				while (rs.next()) {
					found.add("rows in table " + rs.getString(1) + " (data inserted by a revision)");
				}
			}
		}
		return found;
	}

	private static String scratchName() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return SCHEMA_PREFIX + HexFormat.of().formatHex(bytes);
	}

	private int serverBudget() {
		try (Connection connection = this.dataSource.getConnection()) {
			return PostgresLockTable.budget(connection);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not connect to read the server's lock table size: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Drops a scratch schema: its tables first, a hundred to a transaction, so that a schema of thousands of
	 * tables does not need more locks at once than the server's lock table holds; then the schema.
	 */
	private void dropQuietly(String schema) {
		String quoted = PostgresIdentifiers.quote(schema);
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			List<String> tables = new ArrayList<>();
			try (PreparedStatement query = connection.prepareStatement("SELECT c.relname FROM pg_catalog.pg_class c"
					+ " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?"
					+ " AND c.relkind IN ('r', 'p') ORDER BY c.relname")) {
				query.setString(1, schema);
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						tables.add(quoted + "." + PostgresIdentifiers.quote(rs.getString(1)));
					}
				}
			}
			int batch = PostgresLockTable.SMALL_WEIGHT / PostgresLockTable.TABLE_WEIGHT;
			for (int from = 0; from < tables.size(); from += batch) {
				statement.execute("DROP TABLE IF EXISTS "
						+ String.join(", ", tables.subList(from, Math.min(tables.size(), from + batch))) + " CASCADE");
			}
			statement.execute("DROP SCHEMA IF EXISTS " + quoted + " CASCADE");
		}
		catch (SQLException ex) {
			logger.warn("Could not drop the scratch schema {}: {}; drop it by hand", schema, ex.getMessage());
		}
	}

}
