package dev.migrations.lint;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.entity.EntitySource;
import dev.migrations.lint.fixtures.Account;
import dev.migrations.revision.Revision;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Lint with the database at hand: table sizes move size-dependent findings to info or error, the
 * settings a session starts with satisfy rules, the database says which functions are volatile,
 * the entities tell a drop or rename the code still reads, and only pending revisions are reported.
 */
@ExtendWith(TestDatabaseExtension.class)
class LintDatabasePostgresTest {

	static final String BASE = "aaaa00000001";

	static final String CHANGE = "bbbb00000002";

	@TempDir
	Path directory;

	RevisionFiles files;

	Migrations migrations(TestDatabase db) {
		return Migrations.configure().dataSource(db.dataSource()).locations(this.files.location()).load();
	}

	@Test
	void tableSizesMakeAnIndexBuildInfoWarningOrError(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "tables", "CREATE TABLE empty_t (id int, v text);\nCREATE TABLE small_t (id int, v text);\n"
				+ "CREATE TABLE big_t (id int, v text);\nCREATE TABLE fresh_t (id int, v text);", "");
		Migrations migrations = migrations(db);
		migrations.upgrade("head");
		Sql.execute(db.dataSource(), "INSERT INTO small_t SELECT g, 'v' || g FROM generate_series(1, 500) g");
		Sql.execute(db.dataSource(), "INSERT INTO big_t SELECT g, 'v' || g FROM generate_series(1, 3000) g");
		Sql.execute(db.dataSource(), "ANALYZE small_t");
		Sql.execute(db.dataSource(), "ANALYZE big_t");
		// never analyzed: counted, up to the error threshold
		Sql.execute(db.dataSource(), "INSERT INTO fresh_t SELECT g, 'v' FROM generate_series(1, 50) g");
		this.files.write(CHANGE, BASE, "indexes", "CREATE INDEX ix_empty ON empty_t (v);\nCREATE INDEX ix_small ON small_t (v);\n"
				+ "CREATE INDEX ix_big ON big_t (v);\nCREATE INDEX ix_fresh ON fresh_t (v);", "");
		migrations.reload();

		LintResult result = migrations.lint(LintOptions.defaults().rowThresholds(100, 2000));

		assertThat(result.revisions()).containsExactly(CHANGE);
		assertThat(result.findings("index-without-concurrently")).extracting(Finding::line, Finding::severity,
				(f) -> f.size().rows())
			.containsExactly(tuple(7, Severity.INFO, 0L), tuple(8, Severity.WARNING, 500L), tuple(9, Severity.ERROR, 3000L),
					tuple(10, Severity.INFO, 50L));
		assertThat(result.findings("missing-lock-timeout")).extracting(Finding::severity).containsExactly(Severity.WARNING);
		assertThat(result.failed()).isTrue();
		assertThat(result.exitStatus()).isEqualTo(1);
		assertThat(result.toText()).contains("  Table: big_t, 3,000 rows, ")
			.contains("bbbb00000002_indexes.sql:9: error [index-without-concurrently] in revision bbbb00000002")
			.endsWith("Lint failed: fix the errors, or turn a rule off for one revision with a comment"
					+ " `-- lint: disable=<rule> <reason>`.\n");

		LintResult defaults = migrations.lint();
		assertThat(defaults.findings("index-without-concurrently")).extracting(Finding::severity)
			.containsExactly(Severity.INFO, Severity.INFO, Severity.INFO, Severity.INFO);
		assertThat(defaults.failed()).isFalse();
		assertThat(migrations.lint(LintOptions.defaults().useDatabase(false)).findings("index-without-concurrently"))
			.extracting(Finding::severity, Finding::size)
			.containsOnly(tuple(Severity.WARNING, null));
	}

	@Test
	void aRequiredColumnOnASmallTableWithRowsIsStillAnErrorForItFails(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "tables", "CREATE TABLE empty_t (id int);\nCREATE TABLE small_t (id int);", "");
		Migrations migrations = migrations(db);
		migrations.upgrade("head");
		Sql.execute(db.dataSource(), "INSERT INTO small_t SELECT g FROM generate_series(1, 5) g");
		Sql.execute(db.dataSource(), "ANALYZE small_t");
		this.files.write(CHANGE, BASE, "required", "SET LOCAL lock_timeout = '5s';\n"
				+ "ALTER TABLE empty_t ADD COLUMN code text NOT NULL;\nALTER TABLE small_t ADD COLUMN code text NOT NULL;", "");
		migrations.reload();

		LintResult result = migrations.lint();

		// below the info threshold, but the upgrade fails on the first row all the same
		assertThat(result.findings("add-required-column")).extracting(Finding::line, Finding::severity)
			.containsExactly(tuple(8, Severity.INFO), tuple(9, Severity.ERROR));
		assertThat(result.exitStatus()).isEqualTo(1);
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("column \"code\" of relation \"small_t\" contains null values");
	}

	/**
	 * Statistics of no rows (analyzed after every row was deleted) and a row written since: the planner's estimate
	 * of none is not taken for an empty table, since the upgrade fails on that row.
	 */
	@Test
	void aRequiredColumnOnATableEstimatedEmptyThatHasARowIsAnError(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "tables", "CREATE TABLE refilled (id int);", "");
		Migrations migrations = migrations(db);
		migrations.upgrade("head");
		Sql.execute(db.dataSource(), "INSERT INTO refilled SELECT g FROM generate_series(1, 5) g");
		Sql.execute(db.dataSource(), "DELETE FROM refilled");
		Sql.execute(db.dataSource(), "ANALYZE refilled");
		Sql.execute(db.dataSource(), "INSERT INTO refilled VALUES (6)");
		this.files.write(CHANGE, BASE, "required", "SET LOCAL lock_timeout = '5s';\n"
				+ "ALTER TABLE refilled ADD COLUMN code text NOT NULL;", "");
		migrations.reload();

		LintResult result = migrations.lint();

		assertThat(result.findings("add-required-column")).extracting(Finding::severity).containsExactly(Severity.ERROR);
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("column \"code\" of relation \"refilled\" contains null values");
	}

	@Test
	void sessionSettingsAndFunctionVolatilityComeFromTheDatabase(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "table and functions", "CREATE TABLE t (id int, created timestamp);\n"
				+ "CREATE FUNCTION next_token() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;\n"
				+ "CREATE FUNCTION fixed_token() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'fixed' $$;", "");
		this.files.write(CHANGE, BASE, "change", "ALTER TABLE t ALTER COLUMN created TYPE timestamptz;\n"
				+ "ALTER TABLE t ADD COLUMN a text DEFAULT next_token();\nALTER TABLE t ADD COLUMN b text DEFAULT fixed_token();",
				"");
		migrations(db).upgrade(BASE);

		LintResult utc = inTimeZone(db, "UTC").lint();
		assertThat(utc.findings()).extracting(Finding::rule, Finding::line)
			.containsExactlyInAnyOrder(tuple("add-column-volatile-default", 8), tuple("missing-lock-timeout", 7));
		assertThat(utc.findings("add-column-volatile-default").get(0).message()).contains("next_token()");

		Migrations paris = inTimeZone(db, "Europe/Paris");
		assertThat(paris.lint().findings()).extracting(Finding::rule)
			.containsExactlyInAnyOrder("column-type-rewrite", "add-column-volatile-default", "missing-lock-timeout");

		Sql.execute(db.dataSource(), "ALTER DATABASE " + db.name() + " SET lock_timeout = '3s'");
		// only sessions started from now on have it
		db.newSessionForEachConnection();
		LintResult withTimeout = paris.lint();
		assertThat(withTimeout.findings()).extracting(Finding::rule)
			.containsExactlyInAnyOrder("column-type-rewrite", "add-column-volatile-default");
		assertThat(withTimeout.notes()).contains("The database's sessions start with lock_timeout = 3s, which satisfies"
				+ " missing-lock-timeout.");

		// without the database, an unknown function is not assumed volatile, and the time zone is not known
		assertThat(inTimeZone(db, "UTC").lint(LintOptions.defaults().useDatabase(false)).findings()).extracting(Finding::rule)
			.containsExactlyInAnyOrder("column-type-rewrite", "missing-lock-timeout");
	}

	@Test
	void timestamptzBackToTimestampDoesNotRewriteInUtcEither(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "table", "CREATE TABLE u (id int, at timestamptz);", "");
		this.files.write(CHANGE, BASE, "change", "SET LOCAL lock_timeout = '5s';\nALTER TABLE u ALTER COLUMN at TYPE timestamp;",
				"");
		migrations(db).upgrade(BASE);

		assertThat(inTimeZone(db, "UTC").lint().findings("column-type-rewrite")).isEmpty();
		assertThat(inTimeZone(db, "Europe/Paris").lint().findings("column-type-rewrite")).hasSize(1);
	}

	@Test
	void timestampToTimestamptzOfTheMaximumPrecisionDoesNotRewriteInUtc(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "table", "CREATE TABLE u (id int, at timestamp);", "");
		this.files.write(CHANGE, BASE, "change", "SET LOCAL lock_timeout = '5s';\nALTER TABLE u ALTER COLUMN at TYPE timestamptz(6);",
				"");
		migrations(db).upgrade(BASE);

		assertThat(inTimeZone(db, "UTC").lint().findings("column-type-rewrite")).isEmpty();
		assertThat(inTimeZone(db, "Europe/Paris").lint().findings("column-type-rewrite")).hasSize(1);
	}

	@Test
	void aRevisionSeesWhatItsAncestorsBuiltNotWhatASiblingBranchDid(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "table", "CREATE TABLE t (id int, c varchar(10));", "");
		String toInteger = "cccc00000003";
		String widened = "dddd00000004";
		this.files.write(toInteger, BASE, "c to integer",
				"SET LOCAL lock_timeout = '5s';\nALTER TABLE t ALTER COLUMN c TYPE integer USING c::integer;", "");
		this.files.write(widened, BASE, "c widened", "SET LOCAL lock_timeout = '5s';\nALTER TABLE t ALTER COLUMN c TYPE varchar(20);",
				"");
		String merge = "eeee00000005";
		// a merge goes on from both: integer (its first parent's) to bigint is a rewrite
		this.files.write(merge, toInteger + ", " + widened, "merge",
				"SET LOCAL lock_timeout = '5s';\nALTER TABLE t ALTER COLUMN c TYPE bigint;", "");
		Migrations migrations = inTimeZone(db, "UTC");
		List<String> order = migrations.graph().revisions().stream().map(Revision::id).toList();
		// the sibling that turns c into an integer is read first
		assertThat(order.indexOf(toInteger)).isLessThan(order.indexOf(widened));

		LintResult result = migrations.lint(LintOptions.defaults().useDatabase(false));

		// varchar(10) to varchar(20) on its own branch: no rewrite (before, it was read as integer to varchar)
		assertThat(result.findings("column-type-rewrite")).extracting(Finding::revision)
			.containsExactly(toInteger, merge);
	}

	private Migrations inTimeZone(TestDatabase db, String zone) {
		return Migrations.configure()
			.dataSource(TestDataSources.initialized(db.dataSource(), "SET TimeZone = '" + zone + "'"))
			.locations(this.files.location())
			.load();
	}

	@Test
	void onlyPendingRevisionsAreReportedWithADatabase(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "table", "CREATE TABLE t (id int, v text);", "");
		this.files.write(CHANGE, BASE, "index", "CREATE INDEX ix_t ON t (v);", "");
		this.files.write("cccc00000003", CHANGE, "drop index", "DROP INDEX ix_t;", "");
		Migrations migrations = migrations(db);
		migrations.upgrade(CHANGE);

		assertThat(migrations.lint().revisions()).containsExactly("cccc00000003");
		assertThat(migrations.lint().findings()).extracting(Finding::rule)
			.containsExactly("drop-index-without-concurrently", "missing-lock-timeout");
		assertThat(migrations.lint(LintOptions.defaults().allRevisions()).revisions()).containsExactly(BASE, CHANGE,
				"cccc00000003");
		assertThat(migrations.lint(LintOptions.defaults().revisions("bbbb")).findings()).extracting(Finding::revision)
			.containsOnly(CHANGE);
		assertThat(migrations.lint(LintOptions.defaults().disable("missing-lock-timeout")
			.severity("drop-index-without-concurrently", Severity.ERROR)).findings())
			.extracting(Finding::rule, Finding::severity)
			.containsExactly(tuple("drop-index-without-concurrently", Severity.ERROR));

		Migrations offline = Migrations.configure().dialect(migrations.dialect()).locations(this.files.location()).load();
		assertThat(offline.lint().revisions()).containsExactly(BASE, CHANGE, "cccc00000003");
		assertThatThrownBy(() -> offline.lint(LintOptions.defaults().pendingRevisions()))
			.isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("No DataSource is configured");
		assertThatThrownBy(() -> LintOptions.defaults().disable("no-such-rule"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("Unknown lint rule 'no-such-rule'; the rules are index-without-concurrently, ");
	}

	@Test
	void aDirectiveInTheDowngradeSectionLeavesTheAppliedChecksumAlone(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "table", "CREATE TABLE t (id int, v text);", "");
		this.files.write(CHANGE, BASE, "index", "CREATE INDEX ix_t ON t (v);", "DROP INDEX ix_t;");
		Migrations migrations = migrations(db);
		migrations.upgrade("head");
		String applied = migrations.graph().get(CHANGE).checksum();

		this.files.write(CHANGE, BASE, "index", "CREATE INDEX ix_t ON t (v);",
				"-- lint: disable=index-without-concurrently,missing-lock-timeout t is filled only after this release\n"
						+ "DROP INDEX ix_t;");
		migrations.reload();

		assertThat(migrations.graph().get(CHANGE).checksum()).isEqualTo(applied);
		assertThat(migrations.status().modified()).isEmpty();
		LintResult result = migrations.lint(LintOptions.defaults().allRevisions());
		assertThat(result.findings()).isEmpty();
		assertThat(result.suppressed()).extracting((s) -> s.finding().rule(), Suppression::reason, Suppression::line)
			.containsExactly(tuple("index-without-concurrently", "t is filled only after this release", 10),
					tuple("missing-lock-timeout", "t is filled only after this release", 10));
		assertThat(result.toText()).contains("bbbb00000002_index.sql:7: suppressed [index-without-concurrently] by line 10:"
				+ " t is filled only after this release");
	}

	@Test
	void entitiesTellWhichDropsAndRenamesTheCodeStillReads(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "tables", "CREATE TABLE account (id bigint PRIMARY KEY, email varchar(255),"
				+ " name varchar(255), note text);\nCREATE TABLE legacy (id int);\nCREATE TABLE audit (id int);", "");
		this.files.write(CHANGE, BASE, "contract", "SET LOCAL lock_timeout = '2s';\n"
				+ "ALTER TABLE account DROP COLUMN email;\nALTER TABLE account DROP COLUMN note;\n"
				+ "ALTER TABLE account RENAME COLUMN name TO full_name;\nDROP TABLE legacy;\nALTER TABLE audit RENAME TO account_audit;",
				"");
		Migrations withEntities = Migrations.configure()
			.dataSource(db.dataSource())
			.locations(this.files.location())
			.entities(EntitySource.of(Account.class))
			.load();

		assertThat(withEntities.lint().findings()).extracting(Finding::rule, Finding::line, Finding::severity)
			.containsExactly(tuple("drop-column", 8, Severity.ERROR), tuple("drop-column", 9, Severity.INFO),
					tuple("rename-column", 10, Severity.WARNING), tuple("drop-table", 11, Severity.INFO));
		assertThat(withEntities.lint().findings().get(0).message()).contains("the entities still map account.email");

		this.files.write("cccc00000003", CHANGE, "breaking", "SET LOCAL lock_timeout = '2s';\n"
				+ "ALTER TABLE account RENAME COLUMN email TO mail;\nALTER TABLE account RENAME TO customer;\n"
				+ "DROP TABLE customer;", "");
		withEntities.reload();
		assertThat(withEntities.lint(LintOptions.defaults().revisions("cccc00000003")).findings())
			.extracting(Finding::rule, Finding::line, Finding::severity)
			.containsExactly(tuple("rename-column", 8, Severity.ERROR), tuple("rename-table", 9, Severity.ERROR),
					tuple("drop-table", 10, Severity.INFO));
		assertThat(withEntities.lint(LintOptions.defaults().revisions("cccc00000003")).findings().get(1).message())
			.isEqualTo("RENAME account TO customer, but the entities still map account: the application fails on it after"
					+ " this upgrade");

		Migrations withoutEntities = migrations(db);
		assertThat(withoutEntities.lint(LintOptions.defaults().revisions(CHANGE)).findings())
			.extracting(Finding::rule, Finding::severity)
			.containsExactly(tuple("drop-column", Severity.WARNING), tuple("drop-column", Severity.WARNING),
					tuple("rename-column", Severity.WARNING), tuple("drop-table", Severity.WARNING),
					tuple("rename-table", Severity.WARNING));
	}

	@Test
	void findingsComeInTheOrderOfTheirLines(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "table", "CREATE TABLE t (id int, v text);", "");
		this.files.write(CHANGE, BASE, "purge and alter", "DELETE FROM t;\nALTER TABLE t ADD COLUMN w text;", "");

		LintResult result = migrations(db).lint(LintOptions.defaults().revisions(CHANGE).useDatabase(false));

		assertThat(result.findings()).extracting(Finding::line, Finding::rule)
			.containsExactly(tuple(7, "backfill-in-ddl-transaction"), tuple(8, "missing-lock-timeout"));
	}

	@Test
	void aSectionThatCannotBeSplitIsAnError(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "broken", "CREATE TABLE t (v text DEFAULT 'unclosed);", "");

		LintResult result = migrations(db).lint();

		assertThat(result.findings()).extracting(Finding::rule, Finding::line, Finding::severity)
			.containsExactly(tuple("sql-syntax", 7, Severity.ERROR));
		assertThat(result.findings().get(0).message()).startsWith("the upgrade section cannot be split into statements:"
				+ " Unterminated string literal starting at line 7");
		assertThat(result.findings().get(0).fix()).startsWith("close the quote, dollar quote or comment");
		assertThat(List.of(result.exitStatus())).containsExactly(1);
	}

	@Test
	void aPsqlMetaCommandIsReportedAtItsFileLineWithAFixForIt(TestDatabase db) {
		this.files = new RevisionFiles(this.directory);
		this.files.write(BASE, "none", "meta", "CREATE TABLE t (v text);\n\\set ON_ERROR_STOP on\nSELECT 1;", "");

		LintResult result = migrations(db).lint();

		assertThat(result.findings()).extracting(Finding::rule, Finding::line, Finding::severity)
			.containsExactly(tuple("sql-syntax", 8, Severity.ERROR));
		assertThat(result.findings().get(0).message()).startsWith("the upgrade section cannot be split into statements:"
				+ " Line 8 starts with the psql meta-command '\\set'");
		assertThat(result.findings().get(0).fix()).startsWith("replace the psql meta-command with SQL or remove it")
			.doesNotContain("close the quote");
	}

}
