package dev.migrations.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.opentest4j.AssertionFailedError;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.autogenerate.Comparison;
import dev.migrations.diff.DiffOptions;
import dev.migrations.diff.Difference;
import dev.migrations.render.PostgresRenderer;
import dev.migrations.render.RenderedStatement;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.runner.RevisionSteps;
import dev.migrations.tenant.Placeholders;

/**
 * Checks an application's revisions against a real database: the checks every team otherwise writes by
 * hand after a broken downgrade or a revision that drifted from the entities.
 * <pre class="code">
 * &#64;MigrationsTest
 * class RevisionsTest {
 *
 * 	&#64;Test
 * 	void revisions(MigrationsTester tester) {
 * 		tester.assertSingleHead();
 * 		tester.assertUpgradeFromBase();
 * 		tester.assertStairway();
 * 		tester.assertEntitiesMatchSchema();
 * 		tester.assertDowngradeLeavesNoTrace();
 * 	}
 *
 * }
 * </pre>
 * Each check brings the database where it needs it first (usually {@code base}), so they can run in any order
 * and on a database the application has already upgraded at startup. A failed check throws an
 * {@link AssertionFailedError} whose message names the revision, the direction and the objects that differ.
 * <p>
 * Get one as a test method parameter through {@link MigrationsTest}, or from {@link #of(Migrations)}. Revisions
 * written for many tenants, with {@code ${schema}} or {@code ${tenant}}, are checked on the configured schema as a
 * tenant of that name (its {@code TenantMigrations.forTenant}).
 */
public final class MigrationsTester {

	private final Migrations migrations;

	// the schema the first time a check found the database at base, to tell what a later way down left
	private SchemaSnapshot atBase;

	// when the first check found the database above base (the application's startup upgrade): where it was, and
	// what the way down to base left besides the version tables, extensions and schemas (empty when nothing)
	private String cameDownFrom;

	private List<String> leftOnTheFirstWayDown = List.of();

	// the statements dropping what that way down left (PostgreSQL, MariaDB)
	private List<String> dropsOfTheFirstWayDown = List.of();

	private MigrationsTester(Migrations migrations) {
		this.migrations = Objects.requireNonNull(migrations, "migrations");
	}

	/**
	 * A tester for the revisions and the database of a configured instance, e.g.
	 * {@code Migrations.configure().dataSource(database.dataSource()).locations("classpath:db/revisions").load()}.
	 * Its database must be one the tests may empty: the checks downgrade it to {@code base}.
	 */
	public static MigrationsTester of(Migrations migrations) {
		return new MigrationsTester(onItsSchema(Objects.requireNonNull(migrations, "migrations")));
	}

	/**
	 * Revisions written for many tenants ({@code ${schema}}, {@code ${tenant}}) run on the configured schema as a
	 * tenant of that name, as {@code TenantMigrations} runs them, instead of sending the placeholders to the
	 * database as written.
	 */
	private static Migrations onItsSchema(Migrations migrations) {
		if (!Placeholders.used(migrations.graph())) {
			return migrations;
		}
		String schema = migrations.schema();
		if (schema == null) {
			try (Connection connection = migrations.dataSource().getConnection()) {
				schema = migrations.dialect().currentSchema(connection);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not read the schema the revisions' ${schema} stands for: "
						+ ex.getMessage(), ex);
			}
		}
		return migrations.tenants().schemas(schema).build().forTenant(schema);
	}

	/** The instance the checks run through. */
	public Migrations migrations() {
		return this.migrations;
	}

	/**
	 * The revision graph has exactly one head: two developers each wrote a revision on the same parent, and
	 * {@code db upgrade head} would refuse to run.
	 */
	public MigrationsTester assertSingleHead() {
		RevisionGraph graph = this.migrations.graph();
		List<String> heads = graph.heads();
		if (heads.size() == 1) {
			return this;
		}
		if (heads.isEmpty()) {
			throw new AssertionFailedError("No revisions found in " + this.migrations.locations()
					+ ": write the first one with db revision -m \"...\" or db migrate -m \"...\".");
		}
		StringBuilder message = new StringBuilder("The revisions have " + heads.size() + " heads, expected one:");
		for (String head : heads) {
			message.append("\n  ").append(describe(graph.get(head)));
		}
		message.append("\nJoin them with a merge revision: db merge -m \"merge heads\" ").append(String.join(" ", heads));
		throw new AssertionFailedError(message.toString());
	}

	/** Every revision applies, from {@code base} to {@code head}, on an empty schema. */
	public MigrationsTester assertUpgradeFromBase() {
		toBase("before upgrading from base");
		String heads = headTarget();
		upgrade(heads, () -> "upgrade from base to " + heads);
		return this;
	}

	/**
	 * The stairway: from {@code base}, each revision in graph order is upgraded, downgraded and upgraded
	 * again, and a full snapshot of the schema (see {@link #snapshot()}) must be the same before its upgrade
	 * and after its downgrade, and the same after both upgrades. Catches a downgrade that forgets an index, a
	 * type or a sequence, and an upgrade that works only once. When going down to base first leaves what was not
	 * there at base before (an earlier check went up and down), the stairway drops it and runs from base, so that
	 * it names the revision whose downgrade leaves it.
	 * <p>
	 * The steps run as one command ({@link Migrations#steps()}): one connection holds the migrations lock for the
	 * whole stairway, the version tables are read once, and each step writes its version-table row and log entry
	 * as {@code db upgrade} and {@code db downgrade} do; the {@linkplain dev.migrations.MigrationsCallback
	 * callbacks} are not told of the steps. On PostgreSQL the steps run
	 * with {@code synchronous_commit = off} (the test database need not survive a crash of the server, and each
	 * step's commit then does not wait for the disk), reset before the connection is given back. On PostgreSQL, when event triggers can be created (a superuser)
	 * and the connections are PostgreSQL's JDBC driver's, a snapshot after a step reads again only the objects the
	 * step touched (reported by the event triggers as notifications to the steps' session) and those depending on
	 * them, and a full read at {@code head} checks what was kept; if it differs, the stairway runs again with full
	 * reads.
	 * Elsewhere every snapshot reads the whole catalog, so the stairway's time grows with the square of the
	 * number of revisions.
	 */
	public MigrationsTester assertStairway() {
		String leftAtBase = null;
		try {
			toBase("before the stairway");
		}
		catch (LeftAtBase ex) {
			// what a downgrade left (the check before this one went up and down): dropped, so the stairway starts from
			// base and names the revision whose downgrade leaves it
			if (!restoreBase(ex.statements)) {
				throw ex;
			}
			leftAtBase = ex.getMessage();
		}
		try {
			stairwayFromBase();
		}
		catch (AssertionFailedError ex) {
			// after the steps, which hold the migrations lock until they close
			String resolved = resolveFailed();
			if (!resolved.isEmpty()) {
				throw new AssertionFailedError(ex.getMessage() + resolved, ex);
			}
			if (leftAtBase == null) {
				throw ex;
			}
			throw new AssertionFailedError(ex.getMessage() + "\n(Before the stairway, going back down to base had left"
					+ " what a downgrade forgets; the stairway dropped it and started from base.)", ex);
		}
		if (leftAtBase != null) {
			throw new AssertionFailedError(leftAtBase.substring(0, leftAtBase.indexOf("\nA revision's downgrade"))
					+ "\nThe stairway, started from base after dropping it, found each downgrade undoing its upgrade: it was"
					+ " left by a way down the steps do not take (a downgrade depending on the rows, or a change made on a"
					+ " connection of its own).");
		}
		return this;
	}

	// runs the statements dropping what the way down to base left: true when the schema is then the one seen at base
	private boolean restoreBase(List<String> statements) {
		if (statements.isEmpty()) {
			return false;
		}
		try (Connection connection = this.migrations.dataSource().getConnection()) {
			connection.setAutoCommit(true);
			for (String statement : statements) {
				execute(connection, statement);
			}
		}
		catch (SQLException ex) {
			return false;
		}
		return this.atBase.differences(SchemaSnapshot.take(this.migrations), "at base before", "at base again").isEmpty();
	}

	private void stairwayFromBase() {
		if (!stairway(true)) {
			org.slf4j.LoggerFactory.getLogger(MigrationsTester.class).warn("The schema read step by step in the "
					+ "stairway differs from a full read at head: running it again with a full read after each step.");
			toBase("before the stairway with full snapshots");
			stairway(false);
		}
	}

	// false when the step-by-step snapshots do not match a full read at the end
	private boolean stairway(boolean incremental) {
		boolean postgres = this.migrations.dialect().name().equals("postgresql");
		RevisionSteps steps;
		try {
			steps = this.migrations.steps();
		}
		catch (RuntimeException ex) {
			throw new AssertionFailedError("Stairway: could not start its steps: " + ex.getMessage(), ex);
		}
		// the snapshots read on a connection of their own: their session settings (plans for a few oids) must not
		// apply to the revisions' statements
		try (steps; Connection connection = this.migrations.dataSource().getConnection()) {
			if (postgres) {
				execute(steps.connection(), "set synchronous_commit = off");
			}
			try (StairwaySnapshots snapshots = StairwaySnapshots.open(this.migrations, connection, steps.connection(), incremental)) {
				SchemaSnapshot before = snapshots.take();
				for (Revision revision : this.migrations.graph().revisions()) {
					String name = describe(revision);
					step(() -> steps.upgrade(revision.id()), () -> "stairway: upgrade of " + name, this::leftBehindHint);
					SchemaSnapshot upgraded = snapshots.take();
					step(() -> steps.downgrade(revision.id()), () -> "stairway: downgrade of " + name);
					SchemaSnapshot downgraded = snapshots.take();
					List<String> differences = before.differences(downgraded, "before the upgrade", "after the downgrade");
					boolean java = revision.body() instanceof Revision.JavaBody;
					if (!differences.isEmpty()) {
						List<String> back = statementsBack(before, downgraded);
						throw new AssertionFailedError("Stairway: the downgrade of " + name
								+ " does not restore the schema it started from:" + lines(differences)
								+ "\nMake its downgrade " + (java ? "method" : "section")
								+ " undo every object its upgrade creates or changes."
								+ (back.isEmpty() ? "" : " Its downgrade may lack (review before use" + (java
										? ", each run with Statement.execute"
										: "") + "):" + lines(back)));
					}
					step(() -> steps.upgrade(revision.id()), () -> "stairway: upgrade again (after its downgrade) of " + name,
							() -> "\nIts first upgrade ran, and its downgrade restored the schema: the downgrade leaves"
									+ " something this upgrade meets again, e.g. rows it inserts (make the downgrade delete"
									+ " them) or objects of another schema.");
					SchemaSnapshot again = snapshots.take();
					differences = upgraded.differences(again, "after the first upgrade", "after the second");
					if (!differences.isEmpty()) {
						throw new AssertionFailedError("Stairway: upgrading " + name
								+ " again after its downgrade gives another schema than the first time:" + lines(differences)
								+ "\nThe downgrade had restored the schema, so this comes from the upgrade itself (names or definitions"
								+ " made from the time, a random value or the rows) or from what the downgrade left outside the"
								+ " schema's definitions (rows, sequence values, other schemas): make the upgrade build the same"
								+ " schema each time it runs, and the downgrade undo its rows too.");
					}
					before = again;
				}
				return snapshots.matchesFullRead();
			}
			finally {
				if (postgres) {
					resetQuietly(steps.connection(), "reset synchronous_commit");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the schema for the stairway's snapshots: " + ex.getMessage(), ex);
		}
	}

	private static void step(Runnable step, Supplier<String> what) {
		step(step, what, () -> "");
	}

	private static void step(Runnable step, Supplier<String> what, Supplier<String> hint) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			throw new AssertionFailedError(capitalize(what.get()) + " failed: " + ex.getMessage() + hint.get(), ex);
		}
	}

	/**
	 * For an upgrade that failed: what the first way down to base, from a head no check had seen built (the
	 * application's startup upgrade), left in the schema, where an upgrade finds its objects already there.
	 */
	private String leftBehindHint() {
		if (this.leftOnTheFirstWayDown.isEmpty()) {
			return "";
		}
		return "\nBefore this, the database was brought down to base from " + this.cameDownFrom
				+ " (where e.g. the application's startup upgrade had put it), and that left:" + lines(this.leftOnTheFirstWayDown)
				+ "\nIf the upgrade failed on one of these (already exists), the downgrade of the revision that creates it"
				+ " does not drop it" + (this.dropsOfTheFirstWayDown.isEmpty() ? "."
						: "; it may lack (review before use):" + lines(this.dropsOfTheFirstWayDown));
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	// the connection goes back to the application's data source (a pool's connection is reused)
	private static void resetQuietly(Connection connection, String sql) {
		try {
			execute(connection, sql);
		}
		catch (SQLException ex) {
			// a broken connection is closed with the steps; the stairway's result stands
		}
	}

	/**
	 * At {@code head}, the schema is what the entities map: {@code db check} finds nothing. On a failure the
	 * message lists the differences and, on PostgreSQL, the SQL of a revision that would fix them (what
	 * {@code db migrate} would write).
	 */
	public MigrationsTester assertEntitiesMatchSchema() {
		if (!this.migrations.dialect().name().equals("postgresql")) {
			throw new IllegalStateException("assertEntitiesMatchSchema compares the schema with the entities as db check"
					+ " does, which supports PostgreSQL only, and this database is " + this.migrations.dialect().name()
					+ ": check the entities in a test on PostgreSQL (@MigrationsTest's default database), and the revisions"
					+ " here with the other checks.");
		}
		fromBaseWhenHalfWay("before upgrading to head to compare with the entities");
		String heads = headTarget();
		upgrade(heads, () -> "upgrade to " + heads + " before comparing with the entities");
		Comparison comparison;
		try {
			comparison = this.migrations.compare(DiffOptions.defaults());
		}
		catch (MigrationsException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("No entities are configured")) {
				throw new AssertionFailedError("assertEntitiesMatchSchema has no entities to compare the schema with: name"
						+ " them with @MigrationsTest(entities = { Deal.class, ... }) or @MigrationsTest(entityPackages ="
						+ " \"com.acme.domain\"); in a Spring test they are the application's, taken from its context"
						+ " (the JPA entities Spring Boot scans, or an EntitySource bean), so none means the context has"
						+ " no JPA entities; with MigrationsTester.of(...), configure them with .entities(EntitySource.of(...))."
						+ "\n" + ex.getMessage(), ex);
			}
			throw ex;
		}
		if (comparison.differences().isEmpty()) {
			return this;
		}
		StringBuilder message = new StringBuilder("At head (" + String.join(", ", this.migrations.current())
				+ ") the schema differs from the entities in " + comparison.differences().size() + " place(s):");
		for (Difference difference : comparison.differences()) {
			// as db check lists it: the detail names the object
			message.append("\n  ").append(difference.kind()).append("  ").append(difference.detail());
		}
		if (this.migrations.dialect().name().equals("postgresql") && !comparison.operations().isEmpty()) {
			List<RenderedStatement> statements = new PostgresRenderer(this.migrations.schema())
				.render(comparison.operations());
			message.append("\nA revision with this upgrade would fix it (db migrate -m \"...\" writes it with its downgrade):\n")
				.append(RenderedStatement.script(statements).strip());
		}
		else {
			message.append("\nWrite a revision that makes the schema match (db migrate -m \"...\"), or change the entities.");
		}
		throw new AssertionFailedError(message.toString());
	}

	/**
	 * Upgrading to {@code head} and downgrading to {@code base} again leaves nothing but the version tables:
	 * no table, index, sequence, type, function or view a revision created.
	 */
	public MigrationsTester assertDowngradeLeavesNoTrace() {
		// the extensions and schemas at base, when the database is seen there before the way up
		SchemaSnapshot base = this.atBase;
		if (base == null && this.migrations.current().isEmpty()) {
			base = SchemaSnapshot.take(this.migrations);
		}
		fromBaseWhenHalfWay("before upgrading to head");
		String heads = headTarget();
		upgrade(heads, () -> "upgrade to " + heads);
		toBase("downgrade from " + heads + " to base");
		SchemaSnapshot after = SchemaSnapshot.take(this.migrations);
		Map<String, String> left = new java.util.TreeMap<>(after.objects());
		// extensions belong to the database (plpgsql is in every one), not to the revisions' schema; other schemas
		// may have been there before the revisions: those are counted only when they were not there at base before
		Map<String, String> before = (base != null) ? base.objects() : null;
		left.keySet().removeIf((name) -> (name.startsWith("extension ") || name.startsWith("schema "))
				&& (before == null || before.containsKey(name)));
		if (!left.isEmpty()) {
			List<String> lines = new ArrayList<>();
			left.forEach((name, definition) -> lines.add(name + (definition.isEmpty() ? "" : ": " + definition)));
			List<String> drops = statementsBack(after.without(left.keySet()), after);
			throw new AssertionFailedError("After downgrading from " + heads + " to base, " + left.size()
					+ " object(s) besides the version tables remain:" + lines(lines)
					+ "\nThe downgrade of the revision that creates each must drop it (assertStairway names the revision)"
					+ (drops.isEmpty() ? "." : "; they are dropped by (review before use):" + lines(drops)));
		}
		return this;
	}

	/**
	 * Starts a data test at a revision: the database is emptied to {@code base} and upgraded to it, ready for
	 * rows to insert before upgrading further, e.g.
	 * {@code tester.at("3f2a9c1b7d4e").insert("deal", row("id", 1, "currency", "AED")).upgradeTo("head")
	 * .assertRows("deal", row("id", 1, "currency", "AED"))}.
	 * @param revision a revision id, unique prefix or any target {@code db upgrade} accepts
	 */
	public DataStep at(String revision) {
		toBase("before the data test at " + revision);
		upgrade(revision, () -> "upgrade to " + revision + " to start the data test");
		return new DataStep(this, revision);
	}

	/** A snapshot of the schema as the stairway compares it: each object's kind and name, with its definition. */
	public Map<String, String> snapshot() {
		return SchemaSnapshot.take(this.migrations).objects();
	}

	void upgrade(String target, Supplier<String> what) {
		try {
			this.migrations.upgrade(target);
		}
		catch (RuntimeException ex) {
			throw new AssertionFailedError(capitalize(what.get()) + " failed: " + ex.getMessage() + leftBehindHint()
					+ resolveFailed(), ex);
		}
	}

	void downgrade(String target, Supplier<String> what) {
		try {
			this.migrations.downgrade(target);
		}
		catch (RuntimeException ex) {
			throw new AssertionFailedError(capitalize(what.get()) + " failed: " + ex.getMessage()
					+ (String.valueOf(ex.getMessage()).contains("[SQLState 2BP01]") ? dependentsHint() : "")
					+ resolveFailed(), ex);
		}
	}

	/**
	 * A revision that failed outside a transaction (DDL on MariaDB, {@code transactional: false}) is recorded as
	 * failed, and every later upgrade and downgrade stops on that record. The methods of a {@code MigrationsTest}
	 * class share the database: its next checks would all fail on this one's failure, telling to repair a test
	 * database by hand. Recorded at the revision's parent instead (as {@code db stamp} does), they start from there,
	 * and what its applied statements left stays for them to meet. Empty when nothing was recorded as failed, or
	 * when the failed revision is not one with a single parent or none.
	 */
	private String resolveFailed() {
		try {
			List<String> failed = this.migrations.status().failed();
			if (failed.size() != 1) {
				return "";
			}
			Revision revision = this.migrations.graph().find(failed.get(0)).orElse(null);
			if (revision == null || revision.downRevisions().size() > 1) {
				return "";
			}
			String parent = revision.downRevisions().isEmpty() ? "base" : revision.downRevisions().get(0);
			this.migrations.stamp(parent);
			return "\nThe test kit recorded the database at " + parent + " (db stamp " + parent + "), so that the next"
					+ " checks start from there instead of stopping on the failed revision; what its applied statements"
					+ " made is still there.";
		}
		catch (RuntimeException ex) {
			// the failure reported stands; the next checks say what stops them
			return "";
		}
	}

	// the statements taking the schema of "after" back to "before", for a reviewer; none where the kit writes none
	private List<String> statementsBack(SchemaSnapshot before, SchemaSnapshot after) {
		return switch (this.migrations.dialect().name()) {
			case "postgresql" -> before.statementsBackFrom(after);
			case "mariadb" -> before.mariaDbStatementsBackFrom(after, this.migrations.dialect()::quoteIfNeeded);
			default -> List.of();
		};
	}

	// a drop refused for the objects depending on it (PostgreSQL's 2BP01), e.g. a view a later revision created
	private static String dependentsHint() {
		return "\nWhat depends on it (the Detail above) was probably created by a later revision whose downgrade does not"
				+ " drop it: assertStairway on a database it finds at base (without Spring, @MigrationsTest(locations = ...)"
				+ " in a class of its own) names that revision.";
	}

	private void toBase(String what) {
		if (this.migrations.current().isEmpty()) {
			if (this.atBase == null) {
				this.atBase = SchemaSnapshot.take(this.migrations);
			}
			return;
		}
		String from = String.join(", ", this.migrations.current());
		downgrade("base", () -> what + ": downgrade to base");
		if (this.atBase == null) {
			// the first way down, from a head no check saw built: what it left is what the schema holds at base from
			// now on (later ways down are compared with it), and named if an upgrade then fails
			this.atBase = SchemaSnapshot.take(this.migrations);
			this.cameDownFrom = from;
			List<String> left = new ArrayList<>();
			this.atBase.objects().forEach((name, definition) -> {
				if (!name.startsWith("extension ") && !name.startsWith("schema ")) {
					left.add(name + (definition.isEmpty() ? "" : ": " + oneLine(definition)));
				}
			});
			this.leftOnTheFirstWayDown = left;
			if (!left.isEmpty()) {
				this.dropsOfTheFirstWayDown = statementsBack(this.atBase.withoutAllBut("extension ", "schema "), this.atBase);
			}
		}
		else {
			// a check after another one starts where that one left: a downgrade that forgets something shows here
			// first, before the next check fails on what it left (an upgrade finding its type already there)
			SchemaSnapshot again = SchemaSnapshot.take(this.migrations);
			List<String> left = this.atBase.differences(again, "at base before", "at base again");
			if (!left.isEmpty()) {
				List<String> drops = statementsBack(this.atBase, again);
				throw new LeftAtBase(drops, capitalize(what) + ": going back down to base does not restore the schema it"
						+ " had at base:" + lines(left) + "\nA revision's downgrade does not undo all of its upgrade;"
						+ " assertStairway names which.");
			}
		}
	}

	/**
	 * A check that stopped half way (a stairway that failed on a downgrade, a data test) may have left what the way
	 * up meets again: going down to base first names it, instead of the upgrade failing on it (and, outside a
	 * transaction, leaving the revision recorded as failed). Only once the database was seen at base.
	 */
	private void fromBaseWhenHalfWay(String what) {
		List<String> current = this.migrations.current();
		if (this.atBase != null && !current.isEmpty()
				&& !new java.util.HashSet<>(current).equals(new java.util.HashSet<>(this.migrations.graph().heads()))) {
			toBase(what);
		}
	}

	/**
	 * {@code head}, or {@code heads} when the revisions have several: two heads fail {@link #assertSingleHead()},
	 * which names them and the merge to write, not every check that goes up.
	 */
	private String headTarget() {
		return (this.migrations.graph().heads().size() > 1) ? "heads" : "head";
	}

	/** The way down to base left what was not there at base before, with the statements that drop it. */
	private static final class LeftAtBase extends AssertionFailedError {

		private static final long serialVersionUID = 1L;

		private final transient List<String> statements;

		LeftAtBase(List<String> statements, String message) {
			super(message);
			this.statements = statements;
		}

	}

	String describe(String revision) {
		return this.migrations.graph().find(revision).map(MigrationsTester::describe).orElse(revision);
	}

	static String describe(Revision revision) {
		return revision.id() + " (" + revision.source() + (revision.message().isEmpty() ? "" : ", \"" + revision.message() + "\"")
				+ ")";
	}

	private static String lines(List<String> lines) {
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			text.append("\n  ").append(line);
		}
		return text.toString();
	}

	private static String oneLine(String text) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return (flat.length() > 200) ? flat.substring(0, 197) + "..." : flat;
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
