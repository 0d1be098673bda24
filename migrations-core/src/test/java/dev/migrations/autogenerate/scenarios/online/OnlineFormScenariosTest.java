package dev.migrations.autogenerate.scenarios.online;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateOptions;
import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.diff.DiffOptions;
import dev.migrations.entity.EntitySource;
import dev.migrations.introspect.PostgresIntrospector;
import dev.migrations.lint.Finding;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintResult;
import dev.migrations.lint.LockMode;
import dev.migrations.rehearse.RehearsalReport;
import dev.migrations.schema.SchemaModel;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static dev.migrations.autogenerate.ScenarioRunner.downgradeSection;
import static dev.migrations.autogenerate.ScenarioRunner.read;
import static dev.migrations.autogenerate.ScenarioRunner.upgradeSection;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online form of generated changes, round trip on PostgreSQL: the chain of revisions upgrades
 * tables that hold rows, leaves the schema the plain form leaves (an empty check, every constraint
 * validated and every index valid, the same introspected schema as the plain form's), lints clean
 * of what it is there to avoid where the plain form does not, and downgrades back to v1 with the
 * rows kept.
 */
@ExtendWith(TestDatabaseExtension.class)
class OnlineFormScenariosTest {

	private static final List<Class<?>> EXISTING_V1 = List.of(dev.migrations.autogenerate.scenarios.online.existing.v1.Customer.class, dev.migrations.autogenerate.scenarios.online.existing.v1.PurchaseOrder.class);

	private static final List<Class<?>> EXISTING_V2 = List.of(dev.migrations.autogenerate.scenarios.online.existing.v2.Customer.class, dev.migrations.autogenerate.scenarios.online.existing.v2.PurchaseOrder.class,
			dev.migrations.autogenerate.scenarios.online.existing.v2.Invoice.class);

	/** What the online form is there to avoid. */
	private static final Set<String> ONLINE_RULES = Set.of("index-without-concurrently", "drop-index-without-concurrently",
			"concurrently-in-transaction", "foreign-key-without-not-valid", "check-without-not-valid",
			"validate-in-same-transaction", "set-not-null", "missing-lock-timeout");

	@TempDir
	Path directory;

	/**
	 * An index moved from one column to another, a foreign key and a check added, a column made NOT
	 * NULL, on tables with rows, and a new table with an index and a foreign key: four revisions.
	 */
	@Test
	@Timeout(value = 10, unit = TimeUnit.MINUTES)
	void changesToTablesWithRowsBecomeAChainThatEndsWhereThePlainFormEnds(TestDatabase db) throws IOException {
		Path onlineDirectory = Files.createDirectories(this.directory.resolve("online"));
		Migrations first = migrations(db.dataSource(), onlineDirectory, EXISTING_V1);
		first.migrate("v1");
		first.upgrade("head");
		insertRows(db.dataSource());

		Migrations second = migrations(db.dataSource(), onlineDirectory, EXISTING_V2);
		MigrateResult result = second.migrate("v2", DiffOptions.defaults(), MigrateOptions.onlineForm());
		assertThat(result.files()).hasSize(5);
		assertThat(result.file()).isEqualTo(result.files().get(4));
		assertThat(result.transactional()).isFalse();
		List<String> texts = result.files().stream().map(ScenarioRunner::read).toList();

		String drops = texts.get(0);
		assertThat(drops).contains("-- message: v2 (drop indexes concurrently)\n", "-- transactional: false\n");
		assertThat(statements(upgradeSection(drops))).containsExactly("DROP INDEX CONCURRENTLY IF EXISTS ix_customer_name;");
		assertThat(statements(downgradeSection(drops)))
			.containsExactly("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_customer_name ON customer (name);");

		// the change locks two tables that hold rows: one revision each, so that none holds one table's lock while it
		// waits for the other's (an insert into purchase_order takes them the other way round: a deadlock)
		String change = texts.get(1);
		assertThat(change).contains("-- message: v2 (customer)\n").doesNotContain("transactional: false");
		List<String> changeStatements = statements(upgradeSection(change));
		assertThat(changeStatements.get(0)).isEqualTo("SET LOCAL lock_timeout = '5s';");
		assertThat(changeStatements).contains(
				"ALTER TABLE customer ADD CONSTRAINT customer_note_not_null CHECK (note IS NOT NULL) NOT VALID;",
				// the new table's index and key are plain: it holds no rows yet
				"CREATE INDEX IF NOT EXISTS ix_invoice_number ON invoice (number);",
				"ALTER TABLE invoice ADD CONSTRAINT fk_invoice_customer_id__customer FOREIGN KEY (customer_id) REFERENCES customer (id);");
		assertThat(upgradeSection(change)).doesNotContain("purchase_order", "SET NOT NULL", "CONCURRENTLY", "WARNING");
		assertThat(statements(downgradeSection(change)).get(0)).isEqualTo("SET LOCAL lock_timeout = '5s';");
		String orders = texts.get(2);
		assertThat(orders).contains("-- message: v2 (purchase_order)\n").doesNotContain("transactional: false");
		assertThat(statements(upgradeSection(orders))).containsExactly("SET LOCAL lock_timeout = '5s';",
				"ALTER TABLE purchase_order ADD CONSTRAINT purchase_order_amount_check CHECK (amount >= 0) NOT VALID;",
				"ALTER TABLE purchase_order ADD CONSTRAINT fk_purchase_order_customer_id__customer FOREIGN KEY (customer_id)"
						+ " REFERENCES customer (id) NOT VALID;");
		assertThat(statements(downgradeSection(orders)).get(0)).isEqualTo("SET LOCAL lock_timeout = '5s';");

		String creations = texts.get(3);
		assertThat(creations).contains("-- message: v2 (create indexes concurrently)\n", "-- transactional: false\n");
		assertThat(statements(upgradeSection(creations))).containsExactly(
				"DROP INDEX CONCURRENTLY IF EXISTS ix_customer_email;",
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_customer_email ON customer (email);");
		assertThat(statements(downgradeSection(creations))).containsExactly("DROP INDEX CONCURRENTLY IF EXISTS ix_customer_email;");

		String validation = texts.get(4);
		assertThat(validation).contains("-- message: v2 (validate constraints)\n").doesNotContain("transactional: false");
		assertThat(statements(upgradeSection(validation))).containsExactly("SET LOCAL lock_timeout = '5s';",
				"ALTER TABLE customer VALIDATE CONSTRAINT customer_note_not_null;",
				"ALTER TABLE purchase_order VALIDATE CONSTRAINT purchase_order_amount_check;",
				"ALTER TABLE purchase_order VALIDATE CONSTRAINT fk_purchase_order_customer_id__customer;",
				"ALTER TABLE customer ALTER COLUMN note SET NOT NULL;",
				"ALTER TABLE customer DROP CONSTRAINT IF EXISTS customer_note_not_null;");
		// the warnings the plain form puts on the statements that check existing rows go with the validation
		assertThat(upgradeSection(validation)).contains("-- WARNING: fails if customer.note holds NULL: backfill first",
				"-- WARNING: fails if rows of purchase_order violate it",
				"-- WARNING: fails if purchase_order holds values in (customer_id) that customer lacks");
		assertThat(statements(downgradeSection(validation))).containsExactly("SET LOCAL lock_timeout = '5s';",
				"ALTER TABLE customer ALTER COLUMN note DROP NOT NULL;",
				"ALTER TABLE customer ADD CONSTRAINT customer_note_not_null CHECK (note IS NOT NULL) NOT VALID;");

		// lint, without the database (so sizes do not lower severities): nothing the online form avoids
		LintResult lint = second.lint(LintOptions.defaults().useDatabase(false)
			.revisions(result.files().stream().map(OnlineFormScenariosTest::revisionId).toList()));
		assertThat(lint.findings()).as(lint.toText()).noneMatch((finding) -> ONLINE_RULES.contains(finding.rule()));
		assertThat(lint.failed()).as(lint.toText()).isFalse();

		// rehearsed on a copy, the index build is watched from a second session and lets it finish; the copy
		// (CREATE DATABASE ... TEMPLATE) refuses while an idle session of the test is on the database
		db.newSessionForEachConnection();
		RehearsalReport rehearsal = second.rehearse("head");
		assertThat(rehearsal.failed()).as(rehearsal.toText()).isFalse();
		assertThat(rehearsal.revisions()).hasSize(5);
		assertThat(rehearsal.revisions().get(3).statements().get(1).locks())
			.anyMatch((lock) -> lock.relation().equals("public.customer") && lock.mode() == LockMode.SHARE_UPDATE_EXCLUSIVE)
			.noneMatch((lock) -> lock.relation().equals("public.customer") && lock.mode().blocksWrites());

		second.upgrade("head");
		assertThat(second.check()).as("check after the online chain").isEmpty();
		assertThat(Sql.column(db.dataSource(), "select conname from pg_constraint where not convalidated and conrelid <> 0")).isEmpty();
		assertThat(Sql.column(db.dataSource(), "select indexrelid::regclass::text from pg_index where not indisvalid")).isEmpty();
		assertRowsKept(db.dataSource());
		SchemaModel online = introspect(db.dataSource());

		// the plain form of the same change, on a database of its own: the same schema, and lint sees what the online form avoids
		try (TestDatabase plainDatabase = TestDatabases.postgres()) {
			Path plainDirectory = Files.createDirectories(this.directory.resolve("plain"));
			Migrations plainFirst = migrations(plainDatabase.dataSource(), plainDirectory, EXISTING_V1);
			plainFirst.migrate("v1");
			plainFirst.upgrade("head");
			insertRows(plainDatabase.dataSource());
			Migrations plainSecond = migrations(plainDatabase.dataSource(), plainDirectory, EXISTING_V2);
			MigrateResult plain = plainSecond.migrate("v2", DiffOptions.defaults(), MigrateOptions.plain());
			assertThat(plain.files()).hasSize(1);
			LintResult plainLint = plainSecond.lint(LintOptions.defaults().useDatabase(false).revisions(plain.revision()));
			assertThat(plainLint.findings()).extracting(Finding::rule).contains("index-without-concurrently",
					"drop-index-without-concurrently", "foreign-key-without-not-valid", "check-without-not-valid",
					"set-not-null", "missing-lock-timeout");
			plainSecond.upgrade("head");
			assertThat(introspect(plainDatabase.dataSource())).isEqualTo(online);
		}

		second.downgrade("-" + result.files().size());
		assertThat(migrations(db.dataSource(), onlineDirectory, EXISTING_V1).check()).as("check against v1 after the downgrade")
			.isEmpty();
		assertThat(Sql.column(db.dataSource(), "select conname from pg_constraint where contype = 'c' and conrelid <> 0")).isEmpty();
		assertRowsKept(db.dataSource());
	}

	/**
	 * A new table needs nothing of the online form, even with an index and a foreign key to a table
	 * that holds rows: one transactional revision, the plain statements after a lock_timeout, here
	 * the one configured for every {@code migrate}.
	 */
	@Test
	void aNewTableIsOneRevisionWithTheConfiguredLockTimeout(TestDatabase db) {
		Migrations first = migrations(db.dataSource(), this.directory, List.of(dev.migrations.autogenerate.scenarios.online.newtable.v1.Customer.class));
		first.migrate("v1");
		first.upgrade("head");
		ScenarioRunner.execute(db.dataSource(), "insert into customer (id, name) values (1, 'a'), (2, 'b')");

		Migrations second = configure(db.dataSource(), this.directory,
				List.of(dev.migrations.autogenerate.scenarios.online.newtable.v2.Customer.class, dev.migrations.autogenerate.scenarios.online.newtable.v2.Invoice.class))
			.migrateOptions(MigrateOptions.onlineForm(Duration.ofMillis(1500)))
			.load();
		MigrateResult result = second.migrate("invoices");
		assertThat(result.files()).hasSize(1);
		assertThat(result.transactional()).isTrue();
		String text = read(result.file());
		assertThat(statements(upgradeSection(text))).containsExactly("SET LOCAL lock_timeout = '1500ms';",
				"CREATE TABLE IF NOT EXISTS invoice (\n    customer_id bigint,\n    id bigint NOT NULL,\n"
						+ "    number character varying(255),\n    CONSTRAINT invoice_pkey PRIMARY KEY (id)\n);",
				"CREATE INDEX IF NOT EXISTS ix_invoice_number ON invoice (number);",
				"ALTER TABLE invoice ADD CONSTRAINT fk_invoice_customer_id__customer FOREIGN KEY (customer_id) REFERENCES customer (id);");
		assertThat(statements(downgradeSection(text))).containsExactly("SET LOCAL lock_timeout = '1500ms';",
				"ALTER TABLE invoice DROP CONSTRAINT IF EXISTS fk_invoice_customer_id__customer;", "DROP TABLE IF EXISTS invoice;");
		LintResult lint = second.lint(LintOptions.defaults().useDatabase(false).revisions(result.revision()));
		assertThat(lint.findings()).as(lint.toText()).isEmpty();

		second.upgrade("head");
		assertThat(second.check()).isEmpty();
		second.downgrade("-1");
		assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("invoice");
		assertThat(Sql.column(db.dataSource(), "select name from customer order by id")).containsExactly("a", "b");
	}

	/**
	 * An index the entities still declare, made unique: its concurrent drop is no "index made by hand"
	 * to declare with {@code @Index}, as the unique constraint a later revision adds takes its name.
	 */
	@Test
	void anIndexMadeUniqueIsNoIndexMadeByHand(TestDatabase db) {
		Migrations first = migrations(db.dataSource(), this.directory,
				List.of(dev.migrations.autogenerate.scenarios.constraints.indexmadeunique.v1.Ticket.class));
		first.migrate("v1");
		first.upgrade("head");
		ScenarioRunner.execute(db.dataSource(), "insert into ticket (id, code) values (1, 'a'), (2, 'b')");

		Migrations second = migrations(db.dataSource(), this.directory,
				List.of(dev.migrations.autogenerate.scenarios.constraints.indexmadeunique.v2.Ticket.class));
		MigrateResult result = second.migrate("unique code", DiffOptions.defaults(), MigrateOptions.onlineForm());
		String drop = read(result.files().get(0));
		assertThat(upgradeSection(drop)).contains("DROP INDEX CONCURRENTLY IF EXISTS ix_ticket_code;")
			.doesNotContain("WARNING: drops index");
		assertThat(result.files().stream().map((file) -> upgradeSection(read(file))).toList())
			.anySatisfy((upgrade) -> assertThat(upgrade).contains("ADD CONSTRAINT ix_ticket_code UNIQUE (code)"));

		second.upgrade("head");
		assertThat(second.check()).isEmpty();
		second.downgrade("-" + result.files().size());
		assertThat(first.check()).isEmpty();
	}

	private static void insertRows(DataSource dataSource) {
		ScenarioRunner.execute(dataSource,
				"insert into customer (id, name, email, note) values (1, 'a', 'a@example.com', 'first'),"
						+ " (2, 'b', 'b@example.com', 'second'), (3, 'c', null, 'third')",
				"insert into purchase_order (id, customer_id, amount) values (10, 1, 5), (11, 2, 0), (12, null, 7)");
	}

	private static void assertRowsKept(DataSource dataSource) {
		assertThat(Sql.column(dataSource, "select id || ' ' || name || ' ' || coalesce(email, '-') || ' ' || note"
				+ " from customer order by id"))
			.containsExactly("1 a a@example.com first", "2 b b@example.com second", "3 c - third");
		assertThat(Sql.column(dataSource, "select id || ' ' || coalesce(customer_id::text, '-') || ' ' || amount"
				+ " from purchase_order order by id"))
			.containsExactly("10 1 5", "11 2 0", "12 - 7");
	}

	private static SchemaModel introspect(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return new PostgresIntrospector().introspect(connection, "public",
					(table) -> !table.startsWith(MigrationsConfiguration.DEFAULT_VERSION_TABLE));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static MigrationsConfiguration configure(DataSource dataSource, Path directory, List<Class<?>> entities) {
		return Migrations.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + directory)
			.outputDirectory(directory)
			.entities(EntitySource.of(entities));
	}

	private static Migrations migrations(DataSource dataSource, Path directory, List<Class<?>> entities) {
		return configure(dataSource, directory, entities).load();
	}

	/** The statements of a section, one per entry, comments left out. */
	private static List<String> statements(String section) {
		List<String> statements = new java.util.ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : section.split("\n")) {
			if (line.startsWith("--") || line.isBlank() && current.isEmpty()) {
				continue;
			}
			current.append(current.isEmpty() ? "" : "\n").append(line);
			if (line.endsWith(";")) {
				statements.add(current.toString());
				current.setLength(0);
			}
		}
		return statements;
	}

	private static String revisionId(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.indexOf('_'));
	}

}
