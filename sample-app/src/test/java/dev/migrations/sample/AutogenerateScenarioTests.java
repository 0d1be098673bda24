package dev.migrations.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.sample.SampleCommandLine.Run;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.migrations.sample.ShippedRevisions.CREATE;
import static dev.migrations.sample.ShippedRevisions.METADATA_BACKFILL;
import static dev.migrations.sample.ShippedRevisions.STATUS_INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db migrate}: a revision generated from the differences between the sample's entities and the
 * database, reviewed, then applied with {@code db upgrade}.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class AutogenerateScenarioTests {

	@TempDir
	Path workspace;

	private TestDatabase database;

	private Catalog catalog;

	private CapturedOutput output;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) {
		this.database = database;
		this.catalog = new Catalog(database);
		this.output = output;
	}

	@Test
	@DisplayName("S1: db migrate writes the status index the entity declares; db upgrade applies it")
	void migrateWritesTheStatusIndexTheEntityDeclares() {
		// the sample's history as it was before the index was added to Bulletin's @Table
		Path revisions = this.workspace.resolve("revisions");
		ShippedRevisions.copyTo(revisions, STATUS_INDEX);
		SampleCommandLine cli = new SampleCommandLine(this.database, revisions, this.output);
		assertThat(cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to " + METADATA_BACKFILL + " from base: 3 revisions in \\d+ ms\\.");
		this.catalog.execute("INSERT INTO bulletin (id, title, status, created_at) VALUES (1, 'Flood report', 'REVIEW', now())");

		Set<Path> before = RevisionFiles.list(revisions);
		Run migrate = cli.ok("db", "migrate", "-m", "add status index to bulletin");
		Path file = RevisionFiles.added(revisions, before);
		String id = RevisionFiles.idOf(file);
		assertThat(file.getFileName().toString()).isEqualTo(id + "_add_status_index_to_bulletin.sql");
		assertThat(migrate.lines().subList(0, 3)).containsExactly("Wrote " + file + " (revision " + id + "):",
				"  create index ix_bulletin_status on bulletin(status)", "Review the file, then apply it with `db upgrade`.");

		String text = RevisionFiles.read(file);
		assertThat(RevisionFiles.header(text, "down_revision")).isEqualTo(METADATA_BACKFILL);
		assertThat(RevisionFiles.header(text, "message")).isEqualTo("add status index to bulletin");
		assertThat(RevisionFiles.statements(text, "upgrade"))
			.containsExactly("CREATE INDEX IF NOT EXISTS ix_bulletin_status ON bulletin (status);");
		assertThat(RevisionFiles.statements(text, "downgrade")).containsExactly("DROP INDEX IF EXISTS ix_bulletin_status;");
		// the GIN index of a hand-written revision is no entity's: migrate leaves it alone
		assertThat(text).doesNotContain("ix_bulletin_metadata");
		// the revision the sample ships is what the command writes
		String shipped = ShippedRevisions.text(STATUS_INDEX);
		assertThat(RevisionFiles.statements(text, "upgrade")).isEqualTo(RevisionFiles.statements(shipped, "upgrade"));
		assertThat(RevisionFiles.statements(text, "downgrade")).isEqualTo(RevisionFiles.statements(shipped, "downgrade"));

		assertThat(cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to " + id + " from " + METADATA_BACKFILL + ": 1 revision in \\d+ ms\\.");
		assertThat(this.catalog.index("ix_bulletin_status"))
			.hasValue("CREATE INDEX ix_bulletin_status ON public.bulletin USING btree (status)");
		assertThat(this.catalog.index("ix_bulletin_metadata")).isPresent();
		assertThat(this.catalog.rows("SELECT id, title, status FROM bulletin")).containsExactly("1|Flood report|REVIEW");
		assertThat(cli.ok("db", "check").out()).isEqualTo("No differences: the database matches the entities.\n");
	}

	@Test
	@DisplayName("S5: generated DDL is guarded with IF [NOT] EXISTS, so running it again changes nothing")
	void generatedDdlIsGuardedSoRunningItAgainChangesNothing() {
		Path revisions = this.workspace.resolve("revisions");
		ShippedRevisions.copyTo(revisions);
		SampleCommandLine cli = new SampleCommandLine(this.database, revisions, this.output);
		cli.ok("db", "upgrade");
		this.catalog.execute("INSERT INTO bulletin (id, title, status, created_at) VALUES (1, 'Flood report', 'DRAFT', now())");

		// Bulletin gains an indexed priority column
		Migrations migrations = SampleEntities.migrations(this.database, revisions,
				dev.migrations.variants.priority.Bulletin.class);
		MigrateResult generated = migrations.migrate("add priority to bulletin");
		assertThat(generated.files()).hasSize(1);
		String text = RevisionFiles.read(generated.file());
		List<String> upgrade = RevisionFiles.statements(text, "upgrade");
		List<String> downgrade = RevisionFiles.statements(text, "downgrade");
		assertThat(upgrade).containsExactly("ALTER TABLE bulletin ADD COLUMN IF NOT EXISTS priority integer;",
				"CREATE INDEX IF NOT EXISTS ix_bulletin_priority ON bulletin (priority);");
		assertThat(downgrade).containsExactly("DROP INDEX IF EXISTS ix_bulletin_priority;",
				"ALTER TABLE bulletin DROP COLUMN IF EXISTS priority;");
		assertThat(RevisionFiles.comments(text, "downgrade")).contains("-- WARNING: drops column bulletin.priority and its data");

		assertThat(cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to " + generated.revision() + " from " + STATUS_INDEX + ": 1 revision in \\d+ ms\\.");
		// what the guards are for: the statements again, on a database that has them, fail nothing
		this.catalog.execute(upgrade.toArray(String[]::new));
		assertThat(priorityColumn()).containsExactly("integer");
		assertThat(this.catalog.index("ix_bulletin_priority")).isPresent();
		assertThat(migrations.check()).isEmpty();

		cli.ok("db", "downgrade", "-1");
		this.catalog.execute(downgrade.toArray(String[]::new));
		assertThat(priorityColumn()).isEmpty();
		assertThat(this.catalog.index("ix_bulletin_priority")).isEmpty();
		assertThat(this.catalog.rows("SELECT id, title FROM bulletin")).containsExactly("1|Flood report");
	}

	@Test
	@DisplayName("S8: from nothing, db init, a first db migrate and db upgrade give a database without drift")
	void fromNothingInitMigrateAndUpgrade() {
		Path revisions = this.workspace.resolve("src/main/resources/db/revisions");
		SampleCommandLine cli = new SampleCommandLine(this.database, revisions, this.output);
		assertThat(cli.ok("db", "heads").lines())
			.containsExactly("No revisions yet. Write one with `db revision -m \"...\"` or `db migrate -m \"...\"`.");

		assertThat(cli.ok("db", "init").lines()).containsExactly("Created " + revisions + ".",
				"Next: `db revision -m \"...\"` writes an empty revision, `db migrate -m \"...\"` generates one from the entities.");
		assertThat(revisions).isEmptyDirectory();

		Run migrate = cli.ok("db", "migrate", "-m", "create bulletins, labels and crm");
		Path file = RevisionFiles.added(revisions, Set.of());
		String id = RevisionFiles.idOf(file);
		assertThat(migrate.lines()).first().isEqualTo("Wrote " + file + " (revision " + id + "):");
		assertThat(migrate.lines()).contains("  create enum type contacteventstatus", "  create enum type dealcurrency",
				"  create sequence bulletin_seq", "  create table bulletin", "  create table bulletin_labels",
				"  create table deal", "  add foreign key deal(contact_id) -> contact(id)")
			.last().isEqualTo("Review the file, then apply it with `db upgrade`.");

		String text = RevisionFiles.read(file);
		assertThat(RevisionFiles.header(text, "down_revision")).isEqualTo("none");
		// the sample's generated history in one revision: its first revision plus the status index
		List<String> shipped = new ArrayList<>(RevisionFiles.statements(ShippedRevisions.text(CREATE), "upgrade"));
		shipped.addAll(RevisionFiles.statements(ShippedRevisions.text(STATUS_INDEX), "upgrade"));
		// the columns of a new table in any order: Hibernate's order changed since the shipped revision was written
		assertThat(RevisionFiles.statements(text, "upgrade")).map(RevisionFiles::columnsSorted)
			.containsExactlyInAnyOrderElementsOf(shipped.stream().map(RevisionFiles::columnsSorted).toList());
		assertThat(RevisionFiles.statements(text, "downgrade"))
			.containsExactlyElementsOf(RevisionFiles.statements(ShippedRevisions.text(CREATE), "downgrade"));
		// every statement PostgreSQL can guard is guarded
		assertGuardedWherePostgresAllows(RevisionFiles.statements(text, "upgrade"));
		assertGuardedWherePostgresAllows(RevisionFiles.statements(text, "downgrade"));

		assertThat(cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to " + id + " from base: 1 revision in \\d+ ms\\.");
		assertThat(this.catalog.tables()).containsExactly("bulletin", "bulletin_labels", "contact", "contact_event", "deal",
				"invitation", "label", "migrations_version", "migrations_version_log");
		assertThat(this.catalog.enumLabels("dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP");
		assertThat(this.catalog.enumLabels("contacteventstatus"))
			.containsExactly("INVITED", "WONTSHOW", "ATTENDED", "DENIED", "COULDNTMAKEIT");
		assertThat(cli.ok("db", "check").out()).isEqualTo("No differences: the database matches the entities.\n");

		assertThat(cli.ok("db", "migrate", "-m", "nothing changed").lines())
			.containsExactly("No changes: the entities match the database, so no revision was written.");
		assertThat(RevisionFiles.list(revisions)).containsExactly(file);
	}

	private List<String> priorityColumn() {
		return this.catalog.rows("SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()"
				+ " AND table_name = 'bulletin' AND column_name = 'priority'");
	}

	/**
	 * PostgreSQL has {@code IF [NOT] EXISTS} for tables, columns, sequences, indexes, constraints (drop
	 * only), types (drop only) and casts (drop only): only {@code CREATE TYPE}, {@code CREATE CAST} and
	 * {@code ADD CONSTRAINT} may go without.
	 */
	static void assertGuardedWherePostgresAllows(List<String> statements) {
		assertThat(statements).isNotEmpty();
		assertThat(statements).filteredOn((sql) -> !sql.contains(" IF NOT EXISTS ") && !sql.contains(" IF EXISTS "))
			.allSatisfy((sql) -> assertThat(sql).matches("(CREATE TYPE|CREATE CAST|ALTER TABLE \\w+ ADD CONSTRAINT) .*"));
		assertThat(statements).filteredOn((sql) -> sql.matches("CREATE (TABLE|SEQUENCE|INDEX) .*")
				|| sql.contains(" ADD COLUMN ")).allSatisfy((sql) -> assertThat(sql).contains(" IF NOT EXISTS "));
		assertThat(statements).filteredOn((sql) -> sql.startsWith("DROP ") || sql.contains(" DROP "))
			.allSatisfy((sql) -> assertThat(sql).contains(" IF EXISTS "));
	}

}
