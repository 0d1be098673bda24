package dev.migrations.autogenerate.scenarios.enums;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.entity.EntityMetadataReader;
import dev.migrations.entity.EntitySource;
import dev.migrations.runner.MigrationFailedException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Autogenerate scenarios for PostgreSQL enum types (the pain points of the seed: enum changes that
 * were missed, a shared type created twice), inheritance and special column types. Each goes
 * through {@link ScenarioRunner}: v1 → upgrade → no drift → v2 → the revision a reviewer reads →
 * upgrade → no drift, rows kept → downgrade → no drift against v1, and schemas Hibernate creates
 * itself show no drift.
 */
@ExtendWith(TestDatabaseExtension.class)
class EnumAndInheritanceScenariosTest {

	private static final String PACKAGE = "dev.migrations.autogenerate.scenarios.enums.";

	@TempDir
	Path directory;

	ScenarioRunner runner() {
		return new ScenarioRunner(this.directory);
	}

	/** The labels of an enum type in their sort order. */
	static List<String> labels(DataSource dataSource, String type) {
		return Sql.column(dataSource, "select e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid"
				+ " where t.typname = '" + type + "' and t.typnamespace = current_schema()::regnamespace"
				+ " order by e.enumsortorder");
	}

	static List<String> enumTypes(DataSource dataSource) {
		return Sql.column(dataSource, "select typname from pg_type where typtype = 'e'"
				+ " and typnamespace = current_schema()::regnamespace order by 1");
	}

	static String upgradeSection(String revision) {
		return revision.substring(revision.indexOf("-- upgrade"), revision.indexOf("-- downgrade"));
	}

	static String downgradeSection(String revision) {
		return revision.substring(revision.indexOf("-- downgrade"));
	}

	@Test
	void newEntityWithNamedEnumCreatesTheTypeBeforeItsTable(TestDatabase db) {
		ScenarioRunner runner = runner().v1(dev.migrations.autogenerate.scenarios.enums.newtable.v1.Contact.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.newtable.v2.Contact.class,
					dev.migrations.autogenerate.scenarios.enums.newtable.v2.Deal.class)
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				// declaration order, and the varchar casts Hibernate creates with the type
				assertThat(upgrade).contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');\n"
						+ "CREATE CAST (dealcurrency AS character varying) WITH INOUT AS IMPLICIT;\n"
						+ "CREATE CAST (character varying AS dealcurrency) WITH INOUT AS IMPLICIT;\n")
					.contains("CREATE TABLE IF NOT EXISTS deal (")
					.contains("currency dealcurrency");
				assertThat(upgrade.indexOf("CREATE TYPE dealcurrency")).isLessThan(upgrade.indexOf("CREATE TABLE"));
				String downgrade = downgradeSection(text);
				assertThat(downgrade).contains("DROP TABLE IF EXISTS deal");
				assertThat(downgrade.indexOf("DROP TABLE IF EXISTS deal"))
					.isLessThan(downgrade.indexOf("DROP TYPE IF EXISTS dealcurrency"));
				assertThat(downgrade).contains("DROP CAST IF EXISTS (character varying AS dealcurrency);");
				assertThat(text).doesNotContain("transactional: false");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into deal (id, title, currency) values (1, 'first', 'EUR')");
				assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP");
				// what the casts are for: a string bound as varchar is accepted, as in a Hibernate-made schema
				execute(ds, "insert into deal (id, title, currency) values (2, 'second', 'GBP'::varchar)");
			})
			.afterDowngrade((ds) -> {
				assertThat(enumTypes(ds)).isEmpty();
				assertThat(Sql.column(ds, "select count(*) from pg_cast where castsource::regtype::text like '%dealcurrency%'"
						+ " or casttarget::regtype::text like '%dealcurrency%'")).containsExactly("0");
			});
		runner.run(db);
	}

	@Test
	void aNotNullEnumColumnWithADefaultIsAddedToATableWithRowsInOneTransaction(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.notnullenum.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.notnullenum.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title) values (1, 'old')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');")
					.contains("ALTER TABLE deal ADD COLUMN IF NOT EXISTS currency dealcurrency DEFAULT 'USD'::dealcurrency"
							+ " NOT NULL;");
				// a type created in the same transaction can be used at once: only ADD VALUE needs a commit
				assertThat(text).doesNotContain("transactional: false");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select title || ':' || currency from deal"))
				.containsExactly("old:USD"))
			.run(db);
	}

	@Test
	void addingAValueAtTheEndIsOneAddValueAndKeepsRows(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.addvalue.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.addvalue.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title, currency) values (1, 'kept', 'USD')"))
			.revision((text) -> {
				assertThat(upgradeSection(text))
					// appended last: no AFTER needed
					.contains("ALTER TYPE dealcurrency ADD VALUE IF NOT EXISTS 'BTC';")
					.doesNotContain("CREATE TYPE")
					.doesNotContain("ALTER TABLE");
				// nothing in the revision uses 'BTC', so it stays one transaction
				assertThat(text).doesNotContain("transactional: false");
				// PostgreSQL cannot drop a label: the downgrade swaps the type back
				assertThat(downgradeSection(text)).contains("ALTER TYPE dealcurrency RENAME TO dealcurrency_old;")
					.contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');")
					.contains("ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency;")
					.contains("DROP TYPE IF EXISTS dealcurrency_old;")
					.contains("-- WARNING: rows of deal holding 'BTC' in currency will fail this conversion");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into deal (id, title, currency) values (2, 'new', 'BTC')");
				assertThat(Sql.column(ds, "select title || ':' || currency from deal order by id"))
					.containsExactly("kept:USD", "new:BTC");
				assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP", "BTC");
				execute(ds, "delete from deal where id = 2");
			})
			.afterDowngrade((ds) -> {
				assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP");
				assertThat(Sql.column(ds, "select currency::text from deal")).containsExactly("USD");
			})
			.run(db);
	}

	@Test
	void addedValueUsedByALaterStatementGoesFirstInARevisionOfItsOwn(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.addvalueused.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.addvalueused.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title, currency) values (1, 'kept', 'USD')"))
			.revision((text) -> {
				// PostgreSQL cannot use a label in the transaction that added it: the label commits first,
				// in a revision of its own, and both revisions stay transactional.
				assertThat(text).doesNotContain("transactional: false").contains("-- message: v2 (enum labels)\n");
				String labels = upgradeSection(text);
				String rest = upgradeSection(text.substring(text.indexOf("-- revision:", 1)));
				assertThat(labels).contains("ALTER TYPE dealcurrency ADD VALUE IF NOT EXISTS 'BTC';")
					.doesNotContain("settlement_currency");
				assertThat(rest).contains(
						"ADD COLUMN IF NOT EXISTS settlement_currency dealcurrency DEFAULT 'BTC'::dealcurrency")
					.doesNotContain("ADD VALUE");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into deal (id, title, currency) values (2, 'defaulted', 'EUR')");
				assertThat(Sql.column(ds, "select title || ':' || currency || ':' || settlement_currency from deal order by id"))
					.containsExactly("kept:USD:BTC", "defaulted:EUR:BTC");
				execute(ds, "delete from deal where id = 2");
			})
			.afterDowngrade((ds) -> assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP"))
			.run(db);
	}

	@Test
	void valuesInsertedAtTheStartAndInTheMiddleUseBeforeAndAfter(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.insertvalue.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.insertvalue.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title, currency) values (1, 'a', 'AED'), (2, 'b', 'GBP')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("ALTER TYPE dealcurrency ADD VALUE IF NOT EXISTS 'AUD' BEFORE 'USD';")
					.contains("ALTER TYPE dealcurrency ADD VALUE IF NOT EXISTS 'CHF' AFTER 'EUR';")
					.doesNotContain("RENAME TO");
				// both labels go in one swap: the table is rewritten once
				assertThat(downgradeSection(text)).containsOnlyOnce("ALTER TYPE dealcurrency RENAME TO dealcurrency_old;")
					.contains("rows of deal holding any of 'AUD', 'CHF' in currency will fail this conversion")
					.contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');");
			})
			.afterV2((ds) -> {
				assertThat(labels(ds, "dealcurrency")).containsExactly("AUD", "USD", "EUR", "CHF", "AED", "GBP");
				assertThat(Sql.column(ds, "select currency from deal order by currency")).containsExactly("AED", "GBP");
			})
			.afterDowngrade((ds) -> assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP"))
			.run(db);
	}

	@Test
	void removingAValueNoRowHoldsSwapsTheTypeAndTheDowngradeRestoresIt(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.removevalue.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.removevalue.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title, currency) values (1, 'a', 'USD'), (2, 'b', 'GBP')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("-- WARNING: rows of deal holding 'AED' in currency will fail this conversion:"
						+ " update them first, e.g. UPDATE deal SET currency = '<replacement>' WHERE currency = 'AED'")
					.contains("ALTER TYPE dealcurrency RENAME TO dealcurrency_old;")
					.contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'GBP');")
					.contains("ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency;")
					.contains("DROP TYPE IF EXISTS dealcurrency_old;");
				assertThat(downgradeSection(text)).contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');");
			})
			.afterV2((ds) -> {
				assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "GBP");
				assertThat(enumTypes(ds)).containsExactly("dealcurrency");
				assertThat(Sql.column(ds, "select title || ':' || currency from deal order by id")).containsExactly("a:USD",
						"b:GBP");
			})
			.afterDowngrade((ds) -> {
				assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP");
				assertThat(Sql.column(ds, "select title || ':' || currency from deal order by id")).containsExactly("a:USD",
						"b:GBP");
				execute(ds, "insert into deal (id, title, currency) values (3, 'c', 'AED')");
			})
			.run(db);
	}

	@Test
	void checksAndPartialIndexesComparingTheColumnWithALabelAreDroppedAndAddedAroundTheSwap(TestDatabase db) {
		// AED removed and CHF added: a swap of the type on the way up, and on the way down
		runner().v1(dev.migrations.autogenerate.scenarios.enums.labeldependents.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.labeldependents.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, currency, amount) values (1, 'USD', 5), (2, 'GBP', -1)"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("ALTER TABLE deal DROP CONSTRAINT IF EXISTS ck_deal_usd_amount;")
					.contains("DROP INDEX IF EXISTS ix_deal_amount_not_usd;")
					.contains("ALTER TYPE dealcurrency RENAME TO dealcurrency_old;");
				assertThat(upgrade.indexOf("DROP CONSTRAINT ck_deal_usd_amount"))
					.isLessThan(upgrade.indexOf("ALTER COLUMN currency TYPE dealcurrency"));
				assertThat(upgrade.indexOf("ADD CONSTRAINT ck_deal_usd_amount"))
					.isGreaterThan(upgrade.indexOf("ALTER COLUMN currency TYPE dealcurrency"));
				assertThat(upgrade.indexOf("CREATE INDEX IF NOT EXISTS ix_deal_amount_not_usd"))
					.isGreaterThan(upgrade.indexOf("ALTER COLUMN currency TYPE dealcurrency"));
			})
			.afterV2((ds) -> {
				assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "GBP", "CHF");
				assertThat(Sql.column(ds, "select conname from pg_constraint where conname = 'ck_deal_usd_amount'")).hasSize(1);
				assertThat(Sql.column(ds, "select indexname from pg_indexes where indexname = 'ix_deal_amount_not_usd'"))
					.hasSize(1);
				assertThat(Sql.column(ds, "select id || ':' || currency from deal order by id")).containsExactly("1:USD", "2:GBP");
			})
			.afterDowngrade((ds) -> {
				assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP");
				assertThat(Sql.column(ds, "select conname from pg_constraint where conname = 'ck_deal_usd_amount'")).hasSize(1);
				assertThat(Sql.column(ds, "select id || ':' || currency from deal order by id")).containsExactly("1:USD", "2:GBP");
			})
			.run(db);
	}

	/**
	 * The same swap while a column the check and the index read is renamed: they are added again naming the
	 * column as it is then (the server had kept the old type's literal in them, and the conversion failed).
	 */
	@Test
	void labelDependentsOfATableWithARenamedColumnAreDroppedAndAddedAroundTheSwap(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.labeldependents.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.labeldependents.v3.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, currency, amount) values (1, 'USD', 5), (2, 'GBP', -1)"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("ALTER TABLE deal RENAME COLUMN amount TO total;")
					.contains("ALTER TABLE deal DROP CONSTRAINT IF EXISTS ck_deal_usd_amount;")
					.contains("DROP INDEX IF EXISTS ix_deal_amount_not_usd;");
				assertThat(upgrade.indexOf("ADD CONSTRAINT ck_deal_usd_amount"))
					.isGreaterThan(upgrade.indexOf("RENAME COLUMN amount TO total"));
			})
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select pg_get_constraintdef(oid) from pg_constraint where conname = 'ck_deal_usd_amount'"))
					.singleElement().asString().contains("total > 0");
				assertThat(Sql.column(ds, "select indexdef from pg_indexes where indexname = 'ix_deal_amount_not_usd'"))
					.singleElement().asString().contains("(total)");
				assertThat(Sql.column(ds, "select id || ':' || currency || ':' || total from deal order by id"))
					.containsExactly("1:USD:5", "2:GBP:-1");
			})
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select id || ':' || currency || ':' || amount from deal order by id"))
				.containsExactly("1:USD:5", "2:GBP:-1"))
			.run(db);
	}

	/** And while the table is renamed, the check and the index taking the table's new name. */
	@Test
	void labelDependentsOfARenamedTableAreDroppedAndAddedAroundTheSwapUnderTheirNewNames(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.labeldependents.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.labeldependents.v4.Offer.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, currency, amount) values (1, 'USD', 5), (2, 'GBP', -1)"))
			.revision((text) -> assertThat(upgradeSection(text)).contains("ALTER TABLE deal RENAME TO offer;")
				.contains("ALTER TABLE deal DROP CONSTRAINT IF EXISTS ck_deal_usd_amount;")
				.contains("ALTER TABLE offer ADD CONSTRAINT ck_offer_usd_amount CHECK"))
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select conname from pg_constraint where conname like 'ck_%_usd_amount'"))
					.containsExactly("ck_offer_usd_amount");
				assertThat(Sql.column(ds, "select indexname from pg_indexes where indexname like 'ix_%_amount_not_usd'"))
					.containsExactly("ix_offer_amount_not_usd");
				assertThat(Sql.column(ds, "select id || ':' || currency || ':' || amount from offer order by id"))
					.containsExactly("1:USD:5", "2:GBP:-1");
			})
			.afterDowngrade((ds) -> {
				assertThat(Sql.column(ds, "select conname from pg_constraint where conname like 'ck_%_usd_amount'"))
					.containsExactly("ck_deal_usd_amount");
				assertThat(Sql.column(ds, "select id || ':' || currency || ':' || amount from deal order by id"))
					.containsExactly("1:USD:5", "2:GBP:-1");
			})
			.run(db);
	}

	@Test
	void removingAValueRowsStillHoldFailsCleanlyAndNamesTheRevision(TestDatabase db) {
		// the entities of the removal above, with a row that still holds the removed label
		DataSource ds = db.dataSource();
		ScenarioRunner runner = runner();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.removevalue.v1.Deal.class));
		String first = v1.migrate("deals").revision();
		v1.upgrade("head");
		execute(ds, "insert into deal (id, title, currency) values (1, 'a', 'USD'), (2, 'held', 'AED')");
		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.removevalue.v2.Deal.class));
		MigrateResult removal = v2.migrate("drop AED");
		assertThat(removal.transactional()).isTrue();

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class, () -> v2.upgrade("head"));

		assertThat(failure).as("upgrading while a row holds the removed label fails").isNotNull();
		assertThat(failure.revision()).isEqualTo(removal.revision());
		assertThat(failure.sql()).contains("ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency");
		assertThat(failure.getMessage()).contains(removal.file().getFileName().toString())
			.contains("invalid input value for enum dealcurrency: \"AED\"")
			.contains("rolled back");
		// nothing half-applied: the old type, its labels and the rows are as before, no leftover _old type
		assertThat(v2.current()).containsExactly(first);
		assertThat(enumTypes(ds)).containsExactly("dealcurrency");
		assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP");
		assertThat(Sql.column(ds, "select title || ':' || currency from deal order by id")).containsExactly("a:USD",
				"held:AED");
		assertThat(v1.check()).isEmpty();

		// the way out the warning suggests
		execute(ds, "update deal set currency = 'EUR' where currency = 'AED'");
		v2.upgrade("head");
		assertThat(v2.current()).containsExactly(removal.revision());
		assertThat(v2.check()).isEmpty();
		assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "GBP");
	}

	@Test
	void reorderingValuesSwapsTheType(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.reorder.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.reorder.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title, currency) values (1, 'a', 'USD'), (2, 'b', 'AED')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("CREATE TYPE dealcurrency AS ENUM ('GBP', 'EUR', 'USD', 'AED');")
					.contains("USING currency::text::dealcurrency")
					.doesNotContain("ADD VALUE")
					// nothing is removed, so no row can fail
					.doesNotContain("WARNING");
			})
			.afterV2((ds) -> {
				assertThat(labels(ds, "dealcurrency")).containsExactly("GBP", "EUR", "USD", "AED");
				// enum order is the sort order
				assertThat(Sql.column(ds, "select currency from deal order by currency")).containsExactly("USD", "AED");
			})
			.afterDowngrade((ds) -> assertThat(labels(ds, "dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP"))
			.run(db);
	}

	/**
	 * A constant renamed in place (the only label removed and the only one added, at its position) is
	 * a probable rename: {@code RENAME VALUE} keeps the rows that hold it, where the swap would fail on
	 * them and no {@code UPDATE} before it could name the new label. A default and a check naming the
	 * label follow it.
	 */
	@Test
	void valueRenamedInPlaceIsRenamedAndTheRowsHoldingItFollow(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.renamevalue.v1.Ticket.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.renamevalue.v2.Ticket.class)
			.afterV1((ds) -> execute(ds, "insert into ticket (id, title, status) values (1, 'a', 'CLOSED')",
					"insert into ticket (id, title, status, reopened_from) values (2, 'b', 'OPEN', null)"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("-- WARNING: probable rename: 'CLOSED' and 'DONE' of ticketstatus are at the"
						+ " same place, so rows holding 'CLOSED' will hold 'DONE'; if this is not a rename, write the revision"
						+ " again with `db migrate --no-renames` (or answer n in the shell): it recreates the type without"
						+ " 'CLOSED' and says what to do with the rows holding it\n");
				// the default and the check naming the label follow it: nothing else to do
				assertThat(upgrade.lines().filter((line) -> !line.startsWith("--") && !line.isBlank()))
					.containsExactly("ALTER TYPE ticketstatus RENAME VALUE 'CLOSED' TO 'DONE';");
				assertThat(downgradeSection(text).lines().filter((line) -> !line.startsWith("--") && !line.isBlank()))
					.containsExactly("ALTER TYPE ticketstatus RENAME VALUE 'DONE' TO 'CLOSED';");
			})
			.afterV2((ds) -> {
				assertThat(labels(ds, "ticketstatus")).containsExactly("OPEN", "DONE", "ARCHIVED");
				execute(ds, "insert into ticket (id, title, reopened_from) values (3, 'c', default)");
				assertThat(Sql.column(ds, "select title || ':' || status || ':' || coalesce(reopened_from::text, '-')"
						+ " from ticket order by id")).containsExactly("a:DONE:DONE", "b:OPEN:-", "c:OPEN:DONE");
				execute(ds, "delete from ticket where id = 3");
			})
			.afterDowngrade((ds) -> {
				assertThat(labels(ds, "ticketstatus")).containsExactly("OPEN", "CLOSED", "ARCHIVED");
				assertThat(Sql.column(ds, "select title || ':' || status || ':' || coalesce(reopened_from::text, '-')"
						+ " from ticket order by id")).containsExactly("a:CLOSED:CLOSED", "b:OPEN:-");
			})
			.run(db);
	}

	/**
	 * A label rename asked for ({@code --rename ticketstatus:CLOSED=DONE}, or answered yes in the shell) is
	 * written whatever the rename mode, and the type's other changes (a label removed) follow it: the swap
	 * restores the default naming the renamed label.
	 */
	@Test
	void labelRenameAskedForIsWrittenBeforeTheSwapOfTheTypesOtherChanges(TestDatabase db) {
		ScenarioRunner runner = runner();
		DataSource ds = db.dataSource();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.renamevalue.v1.Ticket.class));
		v1.migrate("v1");
		v1.upgrade("head");
		execute(ds, "insert into ticket (id, title, status) values (1, 'a', 'CLOSED')");

		Migrations v3 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.renamevalue.v3.Ticket.class));
		MigrateResult generated = v3.migrate("done, no archive", dev.migrations.diff.DiffOptions.defaults()
			.withRenameMode(dev.migrations.diff.RenameMode.DROP_AND_ADD).withRenames(java.util.Map.of("ticketstatus:CLOSED", "DONE")));
		String upgrade = upgradeSection(read(generated.file()));
		assertThat(upgrade).contains("ALTER TYPE ticketstatus RENAME VALUE 'CLOSED' TO 'DONE';\n")
			.contains("CREATE TYPE ticketstatus AS ENUM ('OPEN', 'DONE');")
			.contains("ALTER TABLE ticket ALTER COLUMN reopened_from SET DEFAULT 'DONE'::ticketstatus;")
			.doesNotContain("probable rename");
		assertThat(upgrade.indexOf("RENAME VALUE")).isLessThan(upgrade.indexOf("RENAME TO ticketstatus_old"));
		v3.upgrade("head");
		assertThat(v3.check()).isEmpty();
		assertThat(Sql.column(ds, "select title || ':' || status || ':' || reopened_from from ticket"))
			.containsExactly("a:DONE:DONE");

		v3.downgrade("-1");
		assertThat(v1.check()).isEmpty();
		assertThat(labels(ds, "ticketstatus")).containsExactly("OPEN", "CLOSED", "ARCHIVED");
		assertThat(Sql.column(ds, "select title || ':' || status || ':' || reopened_from from ticket"))
			.containsExactly("a:CLOSED:CLOSED");
	}

	/**
	 * Labels of two types renamed in place in the revision that renames a column and a table of them: the table
	 * and the column whose default names the label are still renamed (they were dropped and created empty), and
	 * the partial index naming the label is kept (it was dropped and built again).
	 */
	@Test
	void labelsRenamedInPlaceWithATableAndAColumnRenamedKeepTheTablesRowsAndIndexes(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v1.Ticket.class,
				dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v1.Board.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v2.Ticket.class,
					dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v2.Board.class)
			.afterV1((ds) -> execute(ds, "insert into ticket (id, title, status, priority) values (1, 'a', 'CLOSED', 'HIGH')",
					"insert into board (id) values (1)"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("ALTER TYPE ticketstatus RENAME VALUE 'CLOSED' TO 'DONE';")
					.contains("ALTER TYPE priority RENAME VALUE 'HIGH' TO 'URGENT';")
					.contains("ALTER TABLE board RENAME TO panel;")
					.contains("ALTER TABLE ticket RENAME COLUMN title TO headline;");
				assertThat(upgrade.lines().filter((line) -> !line.startsWith("--")))
					.noneMatch((line) -> line.contains("DROP TABLE") || line.contains("INDEX"));
			})
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select id || ':' || status || ':' || reopened_from || ':' || priority from ticket"))
					.containsExactly("1:DONE:DONE:URGENT");
				assertThat(Sql.column(ds, "select id || ':' || state from panel")).containsExactly("1:DONE");
			})
			.afterDowngrade((ds) -> {
				assertThat(Sql.column(ds, "select id || ':' || status || ':' || reopened_from || ':' || priority from ticket"))
					.containsExactly("1:CLOSED:CLOSED:HIGH");
				assertThat(Sql.column(ds, "select id || ':' || state from board")).containsExactly("1:CLOSED");
			})
			.run(db);
	}

	/**
	 * A label rename asked for while a label is added after the renamed one and named by a default: the added
	 * label gets a revision of its own that commits first, and the rename goes with it ({@code ADD VALUE 'REVIEW'
	 * AFTER 'DONE'} failed there before the rename had run). The column the second revision drops comes back on
	 * downgrade with its default naming the label as it is then ({@code 'DONE'}, renamed back afterwards).
	 */
	@Test
	void labelRenameAskedForGoesWithALabelAddedAfterItInTheLabelsRevision(TestDatabase db) {
		ScenarioRunner runner = runner();
		DataSource ds = db.dataSource();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v3.Ticket.class));
		v1.migrate("v1");
		v1.upgrade("head");
		execute(ds, "insert into ticket (id, title, status, priority) values (1, 'a', 'CLOSED', 'HIGH')");

		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v4.Ticket.class));
		MigrateResult generated = v2.migrate("done and review",
				dev.migrations.diff.DiffOptions.defaults().withRenames(java.util.Map.of("ticketstatus:CLOSED", "DONE")));
		assertThat(generated.files()).hasSize(2);
		assertThat(upgradeSection(read(generated.files().get(0))))
			.contains("ALTER TYPE ticketstatus RENAME VALUE 'CLOSED' TO 'DONE';\n"
					+ "ALTER TYPE ticketstatus ADD VALUE IF NOT EXISTS 'REVIEW' AFTER 'DONE';");
		v2.upgrade("head");
		assertThat(v2.check()).isEmpty();
		assertThat(labels(ds, "ticketstatus")).containsExactly("OPEN", "DONE", "REVIEW", "ARCHIVED");
		assertThat(Sql.column(ds, "select id || ':' || status || ':' || review_from from ticket")).containsExactly("1:DONE:REVIEW");

		v2.downgrade("-2");
		assertThat(v1.check()).isEmpty();
		assertThat(labels(ds, "ticketstatus")).containsExactly("OPEN", "CLOSED", "ARCHIVED");
		assertThat(Sql.column(ds, "select id || ':' || status || ':' || reopened_from from ticket")).containsExactly("1:CLOSED:CLOSED");
	}

	/** The same in the online form ({@code db migrate --online}): the labels' step, then the change's. */
	@Test
	void labelRenameAskedForGoesWithALabelAddedAfterItInTheOnlineForm(TestDatabase db) {
		ScenarioRunner runner = runner();
		DataSource ds = db.dataSource();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v3.Ticket.class));
		v1.migrate("v1");
		v1.upgrade("head");
		execute(ds, "insert into ticket (id, title, status, priority) values (1, 'a', 'CLOSED', 'HIGH')");

		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v4.Ticket.class));
		MigrateResult generated = v2.migrate("done and review",
				dev.migrations.diff.DiffOptions.defaults().withRenames(java.util.Map.of("ticketstatus:CLOSED", "DONE")),
				dev.migrations.MigrateOptions.onlineForm());
		assertThat(upgradeSection(read(generated.files().get(0))))
			.contains("ALTER TYPE ticketstatus RENAME VALUE 'CLOSED' TO 'DONE';\n"
					+ "ALTER TYPE ticketstatus ADD VALUE IF NOT EXISTS 'REVIEW' AFTER 'DONE';");
		v2.upgrade("head");
		assertThat(v2.check()).isEmpty();
		assertThat(Sql.column(ds, "select id || ':' || status || ':' || review_from from ticket")).containsExactly("1:DONE:REVIEW");

		v2.downgrade("-" + generated.files().size());
		assertThat(v1.check()).isEmpty();
		assertThat(Sql.column(ds, "select id || ':' || status || ':' || reopened_from from ticket")).containsExactly("1:CLOSED:CLOSED");
	}

	/**
	 * A label added and named by a default while a check and a partial index compare the column with another
	 * label: the labels revision's downgrade swaps the type, so it drops the check and the index before the swap
	 * and adds them again after it (they named the old type's literal, and the conversion failed with
	 * {@code operator does not exist: ticketstatus <> ticketstatus_old}). Each step keeps the rows and leaves
	 * no difference.
	 */
	@Test
	void checksAndPartialIndexesNamingALabelAreDroppedAndAddedAroundTheSwapOfTheLabelsRevisionsDowngrade(TestDatabase db) {
		ScenarioRunner runner = runner();
		DataSource ds = db.dataSource();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.labelsused.v1.Ticket.class));
		v1.migrate("v1");
		v1.upgrade("head");
		execute(ds, "insert into ticket (id, title, status) values (1, 'a', 'CLOSED'), (2, null, 'OPEN')");

		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.labelsused.v2.Ticket.class));
		MigrateResult generated = v2.migrate("review");
		assertThat(generated.files()).hasSize(2);
		String labels = read(generated.files().get(0));
		assertThat(upgradeSection(labels)).contains("ALTER TYPE ticketstatus ADD VALUE IF NOT EXISTS 'REVIEW' AFTER 'CLOSED';")
			.as("the upgrade adds the label alone: no index rebuilt, no check validated again")
			.doesNotContain("INDEX").doesNotContain("CONSTRAINT");
		String downgrade = downgradeSection(labels);
		assertThat(downgrade).contains("ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ck_ticket_closed;")
			.contains("DROP INDEX IF EXISTS ix_ticket_open;");
		assertThat(downgrade.indexOf("DROP CONSTRAINT IF EXISTS ck_ticket_closed"))
			.isLessThan(downgrade.indexOf("ALTER COLUMN status TYPE ticketstatus"));
		assertThat(downgrade.indexOf("ADD CONSTRAINT ck_ticket_closed"))
			.isGreaterThan(downgrade.indexOf("ALTER COLUMN status TYPE ticketstatus"));
		assertThat(downgrade.indexOf("CREATE INDEX IF NOT EXISTS ix_ticket_open"))
			.isGreaterThan(downgrade.indexOf("ALTER COLUMN status TYPE ticketstatus"));

		upgradeAndDowngradeTwice(ds, v1, v2, generated.files().size(), "CLOSED");
	}

	/** The same in the online form: the labels' step, then the change's. */
	@Test
	void checksAndPartialIndexesNamingALabelAreDroppedAndAddedAroundTheSwapOfTheLabelsStepInTheOnlineForm(TestDatabase db) {
		ScenarioRunner runner = runner();
		DataSource ds = db.dataSource();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.labelsused.v1.Ticket.class));
		v1.migrate("v1");
		v1.upgrade("head");
		execute(ds, "insert into ticket (id, title, status) values (1, 'a', 'CLOSED'), (2, null, 'OPEN')");

		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.labelsused.v2.Ticket.class));
		MigrateResult generated = v2.migrate("review", dev.migrations.diff.DiffOptions.defaults(),
				dev.migrations.MigrateOptions.onlineForm());
		assertThat(upgradeSection(read(generated.files().get(0))))
			.as("the online form's labels step blocks no writes with an index built in its transaction")
			.doesNotContain("INDEX");
		String downgrade = downgradeSection(read(generated.files().get(0)));
		assertThat(downgrade.indexOf("DROP CONSTRAINT IF EXISTS ck_ticket_closed"))
			.isNotNegative().isLessThan(downgrade.indexOf("ALTER COLUMN status TYPE ticketstatus"));
		upgradeAndDowngradeTwice(ds, v1, v2, generated.files().size(), "CLOSED");
	}

	/**
	 * And with the label the check and the index name renamed ({@code --rename ticketstatus:CLOSED=DONE}): the
	 * labels revision renames it, then drops them and adds them again naming it as it is then.
	 */
	@Test
	void checksAndPartialIndexesNamingARenamedLabelAreDroppedAndAddedAroundTheSwapOfTheLabelsRevisionsDowngrade(
			TestDatabase db) {
		ScenarioRunner runner = runner();
		DataSource ds = db.dataSource();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.labelsused.v1.Ticket.class));
		v1.migrate("v1");
		v1.upgrade("head");
		execute(ds, "insert into ticket (id, title, status) values (1, 'a', 'CLOSED'), (2, null, 'OPEN')");

		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.labelsused.v3.Ticket.class));
		MigrateResult generated = v2.migrate("done and review",
				dev.migrations.diff.DiffOptions.defaults().withRenames(java.util.Map.of("ticketstatus:CLOSED", "DONE")));
		assertThat(generated.files()).hasSize(2);
		String labels = read(generated.files().get(0));
		assertThat(upgradeSection(labels)).contains("ALTER TYPE ticketstatus RENAME VALUE 'CLOSED' TO 'DONE';");
		String downgrade = downgradeSection(labels);
		assertThat(downgrade.indexOf("ADD CONSTRAINT ck_ticket_closed"))
			.isGreaterThan(downgrade.indexOf("ALTER COLUMN status TYPE ticketstatus"))
			.isLessThan(downgrade.indexOf("RENAME VALUE 'DONE' TO 'CLOSED'"));
		upgradeAndDowngradeTwice(ds, v1, v2, generated.files().size(), "DONE");
	}

	/**
	 * And with the table of the check and the index dropped by the later revision: its downgrade creates the table
	 * again with them, so the labels revision drops and adds them around its swap all the same.
	 */
	@Test
	void checksAndPartialIndexesOfATableTheLaterRevisionDropsAreDroppedAndAddedAroundTheSwap(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.labelsused.v1.Ticket.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.labelsused.v4.Board.class)
			.revision((text) -> {
				assertThat(text).contains("-- message: v2 (enum labels)\n");
				String downgrade = downgradeSection(text.substring(0, text.indexOf("-- revision:", 1)));
				assertThat(downgrade.indexOf("DROP CONSTRAINT IF EXISTS ck_ticket_closed"))
					.isNotNegative().isLessThan(downgrade.indexOf("ALTER COLUMN status TYPE ticketstatus"));
			})
			.afterDowngrade((ds) -> {
				assertThat(labels(ds, "ticketstatus")).containsExactly("OPEN", "CLOSED", "ARCHIVED");
				assertThat(Sql.column(ds, "select indexname from pg_indexes where indexname = 'ix_ticket_open'")).hasSize(1);
				assertThatThrownBy(() -> execute(ds, "insert into ticket (id, title, status) values (4, null, 'CLOSED')"))
					.hasMessageContaining("ck_ticket_closed");
			})
			.run(db);
	}

	/**
	 * Upgrades the revisions of a labels scenario, downgrades them one by one, twice: the rows are kept, no
	 * difference is left at either end, and the check and the index are there and work.
	 */
	private static void upgradeAndDowngradeTwice(DataSource ds, Migrations v1, Migrations v2, int revisions, String closed) {
		for (int round = 0; round < 2; round++) {
			v2.upgrade("head");
			assertThat(v2.check()).as("check after upgrading the revisions").isEmpty();
			assertThat(labels(ds, "ticketstatus")).containsExactly("OPEN", closed, "REVIEW", "ARCHIVED");
			execute(ds, "insert into ticket (id, title) values (3, 'c')");
			assertThat(Sql.column(ds, "select id || ':' || coalesce(title, '-') || ':' || status from ticket order by id"))
				.containsExactly("1:a:" + closed, "2:-:OPEN", "3:c:REVIEW");
			assertThatThrownBy(() -> execute(ds, "insert into ticket (id, title, status) values (4, null, '" + closed + "')"))
				.hasMessageContaining("ck_ticket_closed");
			execute(ds, "delete from ticket where id = 3");

			for (int i = 0; i < revisions; i++) {
				v2.downgrade("-1");
				assertThat(Sql.column(ds, "select id || ':' || coalesce(title, '-') from ticket order by id"))
					.as("rows after downgrading %d of %d revisions", i + 1, revisions).containsExactly("1:a", "2:-");
			}
			assertThat(v1.check()).as("check against v1 after downgrading the revisions").isEmpty();
			assertThat(labels(ds, "ticketstatus")).containsExactly("OPEN", "CLOSED", "ARCHIVED");
			assertThat(Sql.column(ds, "select id || ':' || coalesce(title, '-') || ':' || status from ticket order by id"))
				.containsExactly("1:a:CLOSED", "2:-:OPEN");
			assertThat(Sql.column(ds, "select indexname from pg_indexes where indexname = 'ix_ticket_open'")).hasSize(1);
			assertThatThrownBy(() -> execute(ds, "insert into ticket (id, title, status) values (4, null, 'CLOSED')"))
				.hasMessageContaining("ck_ticket_closed");
		}
	}

	/**
	 * A label rename naming the type with its schema is refused, where it was read as a rename of column
	 * {@code ticketstatus:CLOSED} of a table {@code public} that no table matches, left out without a word: the
	 * revision then swapped the type, which fails on the rows holding the label.
	 */
	@Test
	void aLabelRenameNamingTheTypesSchemaIsRefusedAndNothingIsWritten(TestDatabase db) throws Exception {
		ScenarioRunner runner = runner();
		DataSource ds = db.dataSource();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.renamevalue.v1.Ticket.class));
		v1.migrate("v1");
		v1.upgrade("head");
		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.renamevalue.v2.Ticket.class));
		dev.migrations.diff.DiffOptions noGuesses = dev.migrations.diff.DiffOptions.defaults()
			.withRenameMode(dev.migrations.diff.RenameMode.DROP_AND_ADD);

		assertThatThrownBy(() -> v2.migrate("done", noGuesses.withRenames(java.util.Map.of("public.ticketstatus:CLOSED", "DONE"))))
			.isInstanceOf(MigrationsException.class)
			.hasMessage("Cannot read the rename 'public.ticketstatus:CLOSED=DONE': name the enum type without its schema"
					+ " (ticketstatus:CLOSED=DONE), as the types of the migrated schema are named");
		assertThatThrownBy(() -> v2.migrate("done", noGuesses.withRenames(java.util.Map.of("ticket_status:CLOSED", "DONE"))))
			.isInstanceOf(MigrationsException.class)
			.hasMessage("Cannot rename label 'CLOSED' of enum type ticket_status to 'DONE': the database has no enum type"
					+ " ticket_status. Check the rename ticket_status:CLOSED=DONE you passed, or leave it out to recreate the type.");
		try (java.util.stream.Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).hasSize(1);
		}
	}

	/**
	 * A label renamed in place that the default of an array of the type names ({@code '{CLOSED}'::status[]}): the
	 * default follows the label, where it was set again to the new label and its downgrade set the old one before
	 * the label was renamed back (invalid input value for enum status: "CLOSED").
	 */
	@Test
	void aLabelRenamedInPlaceThatAnArrayDefaultNamesIsFollowedByTheDefault(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.renamevaluearray.v1.Card.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.renamevaluearray.v2.Card.class)
			.afterV1((ds) -> execute(ds, "insert into card (id) values (1)",
					"insert into card (id, status, history) values (2, 'OPEN', '{OPEN,CLOSED}')"))
			.revision((text) -> assertThat(upgradeSection(text).lines().filter((line) -> !line.startsWith("--") && !line.isBlank()))
				.containsExactly("ALTER TYPE status RENAME VALUE 'CLOSED' TO 'DONE';"))
			.afterV2((ds) -> assertThat(Sql.column(ds, "select id || ':' || status || ':' || history::text from card order by id"))
				.containsExactly("1:DONE:{DONE}", "2:OPEN:{OPEN,DONE}"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select id || ':' || status || ':' || history::text from card order by id"))
				.containsExactly("1:CLOSED:{CLOSED}", "2:OPEN:{OPEN,CLOSED}"))
			.run(db);
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void newTableUsingAnExistingEnumTypeDoesNotCreateItAgain(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.reusedtype.v1.Contact.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.reusedtype.v2.Contact.class,
					dev.migrations.autogenerate.scenarios.enums.reusedtype.v2.ContactEvent.class)
			.afterV1((ds) -> execute(ds, "insert into contact (id, name, status) values (1, 'Ann', 'ATTENDED')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("CREATE TABLE IF NOT EXISTS contact_event (")
					.contains("contact_event_status contacteventstatus")
					.doesNotContain("CREATE TYPE");
				// the type stays: contact still uses it
				assertThat(downgradeSection(text)).contains("DROP TABLE IF EXISTS contact_event").doesNotContain("DROP TYPE");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into contact_event (id, contact_id, contact_event_status) values (1, 1, 'WONTSHOW')");
				assertThat(enumTypes(ds)).containsExactly("contacteventstatus");
			})
			.afterDowngrade((ds) -> assertThat(labels(ds, "contacteventstatus")).containsExactly("INVITED", "WONTSHOW",
					"ATTENDED", "DENIED", "COULDNTMAKEIT"))
			.run(db);
	}

	@Test
	void newTableUsingAnExistingTypeThatGainsAValueAddsItOnceAndUsesItAsDefault(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.reusedandadded.v1.Contact.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.reusedandadded.v2.Contact.class,
					dev.migrations.autogenerate.scenarios.enums.reusedandadded.v2.ContactEvent.class)
			.revision((text) -> {
				String labels = upgradeSection(text);
				String rest = upgradeSection(text.substring(text.indexOf("-- revision:", 1)));
				assertThat(labels).contains("ALTER TYPE contacteventstatus ADD VALUE IF NOT EXISTS 'RESCHEDULED';");
				assertThat(rest).contains("contact_event_status contacteventstatus DEFAULT 'RESCHEDULED'::contacteventstatus");
				assertThat(labels + rest).doesNotContain("CREATE TYPE");
				assertThat(text).doesNotContain("transactional: false");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into contact_event (id) values (1)");
				assertThat(Sql.column(ds, "select contact_event_status from contact_event")).containsExactly("RESCHEDULED");
				execute(ds, "delete from contact_event");
			})
			.run(db);
	}

	@Test
	void twoTablesSharingOneTypeBothAcceptAnAddedValueAndBothAreSwappedBack(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.sharedtype.v1.Deal.class,
				dev.migrations.autogenerate.scenarios.enums.sharedtype.v1.Invoice.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.sharedtype.v2.Deal.class,
					dev.migrations.autogenerate.scenarios.enums.sharedtype.v2.Invoice.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title, currency) values (1, 'd', 'GBP')",
					"insert into invoice (id, amount, currency) values (1, 10.50, 'EUR')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).containsOnlyOnce("ALTER TYPE dealcurrency ADD VALUE IF NOT EXISTS 'BTC';")
					.doesNotContain("CREATE TYPE");
				// the swap back converts both columns of the type
				assertThat(downgradeSection(text))
					.contains("ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency;")
					.contains("ALTER TABLE invoice ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency;")
					.contains("rows of deal holding 'BTC'")
					.contains("rows of invoice holding 'BTC'");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into deal (id, title, currency) values (2, 'btc', 'BTC')",
						"insert into invoice (id, amount, currency) values (2, 1, 'BTC')");
				assertThat(Sql.column(ds, "select currency from deal order by id")).containsExactly("GBP", "BTC");
				assertThat(Sql.column(ds, "select currency from invoice order by id")).containsExactly("EUR", "BTC");
				execute(ds, "delete from deal where id = 2", "delete from invoice where id = 2");
			})
			.afterDowngrade((ds) -> {
				assertThat(Sql.column(ds, "select currency from deal")).containsExactly("GBP");
				assertThat(Sql.column(ds, "select currency from invoice")).containsExactly("EUR");
				assertThat(enumTypes(ds)).containsExactly("dealcurrency");
			})
			.run(db);
	}

	/**
	 * A label removed while the table (or the column) whose rows hold it is dropped: the table goes before the
	 * type is swapped instead of being converted, which failed on those rows; the downgrade creates it after
	 * the type is back.
	 */
	@Test
	void aTableDroppedWithTheLabelItsRowsHoldGoesBeforeTheSwap(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.sharedtype.v1.Deal.class,
				dev.migrations.autogenerate.scenarios.enums.sharedtype.v1.Invoice.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.removevalue.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title, currency) values (1, 'd', 'GBP')",
					"insert into invoice (id, amount, currency) values (1, 10.50, 'AED')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).doesNotContain("ALTER TABLE invoice").doesNotContain("rows of invoice");
				assertThat(upgrade.indexOf("DROP TABLE IF EXISTS invoice;")).isLessThan(upgrade.indexOf("RENAME TO dealcurrency_old"));
				String downgrade = downgradeSection(text);
				assertThat(downgrade.indexOf("CREATE TABLE IF NOT EXISTS invoice"))
					.isGreaterThan(downgrade.indexOf("DROP TYPE IF EXISTS dealcurrency_old"));
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select title || ':' || currency from deal")).containsExactly("d:GBP"))
			.afterDowngrade((ds) -> execute(ds, "insert into invoice (id, amount, currency) values (2, 1, 'AED')"))
			.run(db);
	}

	@Test
	void aColumnDroppedWithTheLabelItsRowsHoldGoesBeforeTheSwap(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.sharedtype.v1.Deal.class,
				dev.migrations.autogenerate.scenarios.enums.sharedtype.v1.Invoice.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.removevalue.v2.Deal.class,
					dev.migrations.autogenerate.scenarios.enums.droppedusage.Invoice.class)
			.afterV1((ds) -> execute(ds, "insert into invoice (id, amount, currency) values (1, 10.50, 'AED')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).doesNotContain("ALTER TABLE invoice ALTER COLUMN currency");
				assertThat(upgrade.indexOf("ALTER TABLE invoice DROP COLUMN IF EXISTS currency;"))
					.isLessThan(upgrade.indexOf("RENAME TO dealcurrency_old"));
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select amount from invoice")).containsExactly("10.50"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select amount || ':' || coalesce(currency::text, '-') from invoice"))
				.containsExactly("10.50:-"))
			.run(db);
	}

	/**
	 * The label a default names is removed and the default changes: the swap sets the new default after the
	 * conversion, and its downgrade the old one after the old type is back (setting it before failed).
	 */
	@Test
	void aDefaultWhoseLabelIsRemovedIsReplacedByTheSwapBothWays(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.defaultremoved.v1.Guest.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.defaultremoved.v2.Guest.class)
			.afterV1((ds) -> execute(ds, "insert into guest (id, rsvp) values (1, 'ATTENDED')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).doesNotContain("is not restored")
					.containsOnlyOnce("ALTER TABLE guest ALTER COLUMN rsvp SET DEFAULT 'ATTENDED'::rsvp;");
				assertThat(upgrade.indexOf("SET DEFAULT 'ATTENDED'::rsvp")).isLessThan(upgrade.indexOf("DROP TYPE IF EXISTS rsvp_old"));
				String downgrade = downgradeSection(text);
				assertThat(downgrade).containsOnlyOnce("ALTER TABLE guest ALTER COLUMN rsvp SET DEFAULT 'INVITED'::rsvp;");
				assertThat(downgrade.indexOf("SET DEFAULT 'INVITED'::rsvp"))
					.isGreaterThan(downgrade.indexOf("CREATE TYPE rsvp AS ENUM ('INVITED', 'ATTENDED', 'NOSHOW');"));
			})
			.afterV2((ds) -> {
				execute(ds, "insert into guest (id) values (2)");
				assertThat(Sql.column(ds, "select id || ':' || rsvp from guest order by id")).containsExactly("1:ATTENDED",
						"2:ATTENDED");
				execute(ds, "delete from guest where id = 2");
			})
			.afterDowngrade((ds) -> {
				execute(ds, "insert into guest (id) values (3)");
				assertThat(Sql.column(ds, "select id || ':' || rsvp from guest order by id")).containsExactly("1:ATTENDED",
						"3:INVITED");
			})
			.run(db);
	}

	@Test
	void enumColumnDefaultSurvivesTheSwap(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.enumdefault.v1.Invitation.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.enumdefault.v2.Invitation.class)
			.afterV1((ds) -> execute(ds, "insert into invitation (id, guest) values (1, 'Ann')",
					"insert into invitation (id, guest, status) values (2, 'Bob', 'ATTENDED')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("ALTER TABLE invitation ALTER COLUMN status DROP DEFAULT;")
					.contains("CREATE TYPE contacteventstatus AS ENUM ('INVITED', 'WONTSHOW', 'ATTENDED', 'COULDNTMAKEIT');")
					.contains("ALTER TABLE invitation ALTER COLUMN status SET DEFAULT 'INVITED'::contacteventstatus;");
				assertThat(upgrade.indexOf("DROP DEFAULT")).isLessThan(upgrade.indexOf("RENAME TO"));
				assertThat(upgrade.indexOf("SET DEFAULT")).isLessThan(upgrade.indexOf("DROP TYPE IF EXISTS"));
				assertThat(downgradeSection(text))
					.contains("ALTER TABLE invitation ALTER COLUMN status SET DEFAULT 'INVITED'::contacteventstatus;");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into invitation (id, guest) values (3, 'Cy')");
				assertThat(Sql.column(ds, "select guest || ':' || status from invitation order by id"))
					.containsExactly("Ann:INVITED", "Bob:ATTENDED", "Cy:INVITED");
				execute(ds, "delete from invitation where id = 3");
			})
			.afterDowngrade((ds) -> {
				execute(ds, "insert into invitation (id, guest) values (4, 'Di')");
				assertThat(Sql.column(ds, "select status from invitation where id = 4")).containsExactly("INVITED");
			})
			.run(db);
	}

	@Test
	void switchingAVarcharEnumToANamedTypeConvertsTheColumnInPlace(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.varchartoenum.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.varchartoenum.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, title, currency) values (1, 'kept', 'AED')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				// the check Hibernate puts on a varchar enum goes, the column is converted in place
				assertThat(upgrade).contains("ALTER TABLE deal DROP CONSTRAINT IF EXISTS deal_currency_check;")
					.contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');")
					.contains("-- WARNING: converts deal.currency from character varying(255) to dealcurrency")
					.contains("ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency;")
					.doesNotContain("DROP COLUMN");
				assertThat(upgrade.indexOf("CREATE TYPE")).isLessThan(upgrade.indexOf("ALTER COLUMN currency TYPE"));
				String downgrade = downgradeSection(text);
				assertThat(downgrade).contains("ALTER COLUMN currency TYPE character varying(255)")
					.contains("DROP TYPE IF EXISTS dealcurrency")
					.contains("ADD CONSTRAINT deal_currency_check CHECK")
					// every label fits in 255 characters: no value can be too long
					.doesNotContain("longer than 255 characters");
				assertThat(downgrade.indexOf("ALTER COLUMN currency TYPE")).isLessThan(downgrade.indexOf("DROP TYPE"));
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select pg_typeof(currency)::text || ':' || currency from deal"))
				.containsExactly("dealcurrency:AED"))
			.afterDowngrade((ds) -> {
				assertThat(Sql.column(ds, "select pg_typeof(currency)::text || ':' || currency from deal"))
					.containsExactly("character varying:AED");
				assertThat(enumTypes(ds)).isEmpty();
			})
			.run(db);
	}

	@Test
	void anOrdinalColumnTurnedIntoAStringOneKeepsEachRowsConstantNotItsDigits(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.ordinaltostring.v1.Customer.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.ordinaltostring.v2.Customer.class)
			.afterV1((ds) -> execute(ds, "insert into customer (id, tier) values (1, 0), (2, 2), (3, null)"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("USING (ARRAY['BRONZE', 'SILVER', 'GOLD'])[tier + 1]")
					.doesNotContain("numbers become their digits");
				assertThat(upgrade.indexOf("DROP CONSTRAINT IF EXISTS customer_tier_check"))
					.isLessThan(upgrade.indexOf("ALTER COLUMN tier TYPE"));
				assertThat(downgradeSection(text)).contains("USING array_position(ARRAY['BRONZE', 'SILVER', 'GOLD'], tier::text) - 1");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select id || ':' || coalesce(tier, '-') from customer order by id"))
				.containsExactly("1:BRONZE", "2:GOLD", "3:-"))
			.afterDowngrade((ds) -> assertThat(
					Sql.column(ds, "select id || ':' || coalesce(tier::text, '-') || ':' || pg_typeof(tier) from customer order by id"))
				.containsExactly("1:0:smallint", "2:2:smallint", "3:-:smallint"))
			.run(db);
	}

	@Test
	void droppingTheLastColumnOfATypeDropsTheTypeAndTheDowngradeRecreatesItFirst(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.droptype.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.droptype.v2.Deal.class)
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("-- WARNING: drops column deal.currency and its data")
					.contains("ALTER TABLE deal DROP COLUMN IF EXISTS currency;")
					.contains("DROP TYPE IF EXISTS dealcurrency;");
				assertThat(upgrade.indexOf("DROP COLUMN")).isLessThan(upgrade.indexOf("DROP TYPE"));
				String downgrade = downgradeSection(text);
				assertThat(downgrade).contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');")
					.contains("ADD COLUMN IF NOT EXISTS currency dealcurrency");
				assertThat(downgrade.indexOf("CREATE TYPE")).isLessThan(downgrade.indexOf("ADD COLUMN"));
			})
			.afterV2((ds) -> assertThat(enumTypes(ds)).isEmpty())
			.run(db);
	}

	@Test
	void namedOrdinalEnumGainsAValueAtTheEnd(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.ordinal.v1.Ticket.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.ordinal.v2.Ticket.class)
			.afterV1((ds) -> execute(ds, "insert into ticket (id, subject, priority) values (1, 's', 'HIGH')"))
			.revision((text) -> assertThat(upgradeSection(text))
				.contains("ALTER TYPE priority ADD VALUE IF NOT EXISTS 'URGENT';"))
			.afterV2((ds) -> assertThat(labels(ds, "priority")).containsExactly("LOW", "NORMAL", "HIGH", "URGENT"))
			.run(db);
	}

	@Test
	void labelsStoredByEnumeratedValueAreTheCodesNotTheConstantNames(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.enumeratedvalue.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.enumeratedvalue.v2.Deal.class)
			.afterV1((ds) -> {
				assertThat(labels(ds, "currency")).containsExactly("usd", "eur");
				execute(ds, "insert into deal (id, currency) values (1, 'eur')");
			})
			.revision((text) -> assertThat(upgradeSection(text))
				.contains("ALTER TYPE currency ADD VALUE IF NOT EXISTS 'gbp' AFTER 'usd';")
				.doesNotContain("POUND"))
			.afterV2((ds) -> {
				assertThat(labels(ds, "currency")).containsExactly("usd", "gbp", "eur");
				assertThat(Sql.column(ds, "select currency from deal")).containsExactly("eur");
			})
			.run(db);
	}

	@Test
	void aColumnMovedToAnotherEnumTypeIsConvertedInPlaceBetweenCreatingTheNewTypeAndDroppingTheOld(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.changetype.v1.Deal.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.changetype.v2.Deal.class)
			.afterV1((ds) -> execute(ds, "insert into deal (id, currency) values (1, 'AED')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				// no rename of the type is guessed: the new type is created and the column converted by label
				assertThat(upgrade).contains("CREATE TYPE currency AS ENUM ('USD', 'EUR', 'AED', 'GBP', 'BTC');")
					.contains("ALTER TABLE deal ALTER COLUMN currency TYPE currency USING currency::text::currency;")
					.contains("DROP TYPE IF EXISTS dealcurrency;")
					.doesNotContain("DROP COLUMN");
				assertThat(upgrade.indexOf("CREATE TYPE currency")).isLessThan(upgrade.indexOf("TYPE currency USING"));
				assertThat(upgrade.indexOf("TYPE currency USING")).isLessThan(upgrade.indexOf("DROP TYPE IF EXISTS dealcurrency"));
				String downgrade = downgradeSection(text);
				assertThat(downgrade).contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');")
					.contains("ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency;")
					.contains("DROP TYPE IF EXISTS currency;");
			})
			.afterV2((ds) -> {
				assertThat(enumTypes(ds)).containsExactly("currency");
				assertThat(Sql.column(ds, "select pg_typeof(currency)::text || ':' || currency from deal"))
					.containsExactly("currency:AED");
			})
			.afterDowngrade((ds) -> assertThat(enumTypes(ds)).containsExactly("dealcurrency"))
			.run(db);
	}

	@Test
	void anEnumNamedLikeABuiltInTypeIsRefusedWithTheWayOut(TestDatabase db) {
		DataSource ds = db.dataSource();
		ScenarioRunner runner = runner();
		Migrations v1 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.shadowedtype.v1.Deal.class));
		v1.migrate("deals");
		v1.upgrade("head");
		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.shadowedtype.v2.Deal.class));

		// Hibernate writes "currency Money": the built-in money type, not the enum
		assertThatThrownBy(() -> v2.migrate("money")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("The type money (enum " + PACKAGE + "shadowedtype.v2.Money) of column deal.currency"
					+ " has the name of a type PostgreSQL has built in")
			.hasMessageContaining("Rename the enum class")
			.hasMessageNotContaining("migrations_scratch_");
		assertThatThrownBy(v2::check).hasMessageContaining("Rename the enum class");
		assertThat(this.directory.toFile().list((dir, name) -> name.endsWith(".sql"))).hasSize(1);
		assertThat(v1.check()).isEmpty();
	}

	@Test
	void schemaHibernateCreatedHasNoDriftAndAnAddedValueKeepsItsAlphabeticalOrder(TestDatabase db) throws Exception {
		DataSource ds = db.dataSource();
		List<Class<?>> v1Entities = List.of(dev.migrations.autogenerate.scenarios.enums.hibernatecreated.v1.Deal.class);
		for (String sql : new EntityMetadataReader().read(EntitySource.of(v1Entities)).hibernateStatements()) {
			execute(ds, sql);
		}
		// Hibernate sorts the labels
		assertThat(labels(ds, "dealcurrency")).containsExactly("AED", "EUR", "GBP", "USD");
		execute(ds, "insert into deal (id, title, currency) values (1, 'kept', 'USD')");
		ScenarioRunner runner = runner();
		Migrations v1 = runner.migrations(ds, v1Entities);
		assertThat(v1.check()).as("a schema Hibernate created from the same entities").isEmpty();

		Migrations v2 = runner.migrations(ds, List.of(dev.migrations.autogenerate.scenarios.enums.hibernatecreated.v2.Deal.class));
		MigrateResult added = v2.migrate("add BTC");
		String text = java.nio.file.Files.readString(added.file());
		assertThat(upgradeSection(text)).contains("ALTER TYPE dealcurrency ADD VALUE IF NOT EXISTS 'BTC' AFTER 'AED';")
			.doesNotContain("RENAME TO")
			.doesNotContain("CREATE TYPE");
		v2.upgrade("head");
		assertThat(labels(ds, "dealcurrency")).containsExactly("AED", "BTC", "EUR", "GBP", "USD");
		assertThat(v2.check()).isEmpty();
		assertThat(v2.migrate("nothing").written()).isFalse();
		assertThat(Sql.column(ds, "select currency from deal")).containsExactly("USD");

		// the swap back moves Hibernate's casts to the recreated type, or the old type could not be dropped
		assertThat(downgradeSection(text)).contains("CREATE CAST (character varying AS dealcurrency) WITH INOUT AS IMPLICIT;")
			.contains("DROP CAST IF EXISTS (character varying AS dealcurrency_old);");
		v2.downgrade("-1");
		assertThat(labels(ds, "dealcurrency")).containsExactly("AED", "EUR", "GBP", "USD");
		assertThat(enumTypes(ds)).containsExactly("dealcurrency");
		assertThat(v1.check()).isEmpty();
		execute(ds, "insert into deal (id, title, currency) values (2, 'bound as varchar', 'EUR'::varchar)");
	}

	@Test
	void singleTableSubclassAddsNullableColumnsToTheParentTable(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.singletable.v1.Payment.class,
				dev.migrations.autogenerate.scenarios.enums.singletable.v1.CardPayment.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.singletable.v2.Payment.class,
					dev.migrations.autogenerate.scenarios.enums.singletable.v2.CardPayment.class,
					dev.migrations.autogenerate.scenarios.enums.singletable.v2.BankTransfer.class)
			.afterV1((ds) -> execute(ds, "insert into payment (id, dtype, amount, card_last_digits) values (1, 'CardPayment', 9.99, '4242')"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				// columns of a subclass are nullable in the shared table, even a primitive int: Hibernate
				// requires it for that subclass's rows with a check instead
				assertThat(upgrade).contains("ALTER TABLE payment ADD COLUMN IF NOT EXISTS iban character varying(34);")
					.contains("ALTER TABLE payment ADD COLUMN IF NOT EXISTS bank_name character varying(255);")
					.contains("ALTER TABLE payment ADD COLUMN IF NOT EXISTS transfer_days integer;")
					.contains("CHECK (dtype::text <> 'TRANSFER'::text OR transfer_days IS NOT NULL)")
					.doesNotContain("NOT NULL;")
					.doesNotContain("CREATE TABLE");
				// the discriminator's check gains the new value
				assertThat(upgrade).contains("ALTER TABLE payment DROP CONSTRAINT IF EXISTS payment_dtype_check;")
					.contains("ADD CONSTRAINT payment_dtype_check CHECK (dtype::text = ANY (ARRAY['CardPayment'::character varying,"
							+ " 'TRANSFER'::character varying]::text[]));");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into payment (id, dtype, amount, iban, transfer_days) values (2, 'TRANSFER', 100, 'DE89', 2)");
				assertThatThrownBy(() -> execute(ds, "insert into payment (id, dtype, amount) values (3, 'TRANSFER', 1)"))
					.hasMessageContaining("payment_check");
				assertThatThrownBy(() -> execute(ds, "insert into payment (id, dtype, amount) values (3, 'Cash', 1)"))
					.hasMessageContaining("payment_dtype_check");
				assertThat(Sql.column(ds, "select dtype || ':' || coalesce(card_last_digits, iban) from payment order by id"))
					.containsExactly("CardPayment:4242", "TRANSFER:DE89");
				execute(ds, "delete from payment where id = 2");
			})
			.run(db);
	}

	@Test
	void joinedSubclassCreatesItsTableWithAPrimaryKeyReferencingTheParent(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.joined.v1.Vehicle.class,
				dev.migrations.autogenerate.scenarios.enums.joined.v1.Car.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.joined.v2.Vehicle.class,
					dev.migrations.autogenerate.scenarios.enums.joined.v2.Car.class,
					dev.migrations.autogenerate.scenarios.enums.joined.v2.Truck.class)
			.afterV1((ds) -> execute(ds, "insert into vehicle (id, license_plate) values (1, 'B-1')",
					"insert into car (id, seat_count) values (1, 5)"))
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("CREATE TABLE IF NOT EXISTS truck (")
					.contains("axles integer NOT NULL")
					.contains("payload_tons double precision")
					.containsPattern("PRIMARY KEY \\(id\\)")
					.containsPattern("FOREIGN KEY \\(id\\) REFERENCES vehicle ?\\(id\\)");
				assertThat(upgrade.indexOf("CREATE TABLE")).isLessThan(upgrade.indexOf("FOREIGN KEY"));
				assertThat(downgradeSection(text)).contains("DROP TABLE IF EXISTS truck");
			})
			.afterV2((ds) -> {
				execute(ds, "insert into vehicle (id, license_plate) values (2, 'T-2')",
						"insert into truck (id, axles, payload_tons) values (2, 3, 7.5)");
				assertThat(Sql.column(ds, "select v.license_plate || ':' || t.axles from truck t join vehicle v using (id)"))
					.containsExactly("T-2:3");
				execute(ds, "delete from truck", "delete from vehicle where id = 2");
			})
			.afterDowngrade((ds) -> assertThat(Sql.postgresTables(ds)).doesNotContain("truck").contains("car"))
			.run(db);
	}

	@Test
	void jsonAndArrayColumnsAreAddedWithTheirPostgresTypes(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.jsonb.v1.Product.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.jsonb.v2.Product.class)
			.afterV1((ds) -> execute(ds, "insert into product (id, name) values (1, 'kept')"))
			.revision((text) -> assertThat(upgradeSection(text))
				.contains("ALTER TABLE product ADD COLUMN IF NOT EXISTS attributes jsonb;")
				.contains("ALTER TABLE product ADD COLUMN IF NOT EXISTS tags character varying(255)[];")
				.contains("ALTER TABLE product ADD COLUMN IF NOT EXISTS ratings integer[];"))
			.afterV2((ds) -> {
				execute(ds, "update product set attributes = '{\"color\":\"red\",\"size\":{\"eu\":42}}',"
						+ " tags = array['new', 'sale'], ratings = array[4, 5]");
				assertThat(Sql.column(ds, "select attributes->'size'->>'eu' || ':' || tags[2] || ':' || ratings[1] from product"))
					.containsExactly("42:sale:4");
			})
			.run(db);
	}

	@Test
	void theLobAdvisoryIsGivenOnceByTheRevisionThatCreatesTheColumnAndNotByLaterOnes(TestDatabase db) {
		Migrations migrations = runner().migrations(db.dataSource(),
				List.of(dev.migrations.autogenerate.scenarios.enums.lob.v2.Note.class));
		MigrateResult created = migrations.migrate("create note");
		assertThat(created.warnings()).filteredOn((warning) -> warning.contains("is stored as oid")).hasSize(1);
		migrations.upgrade("head");
		assertThat(migrations.migrate("nothing").warnings()).noneMatch((warning) -> warning.contains("is stored as oid"));
	}

	@Test
	void lobStringOnPostgresIsAnOidAndTheRevisionSaysSo(TestDatabase db) {
		ScenarioRunner runner = runner().v1(dev.migrations.autogenerate.scenarios.enums.lob.v1.Note.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.lob.v2.Note.class)
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("ALTER TABLE note ADD COLUMN IF NOT EXISTS body oid;");
				assertThat(text).contains("-- WARNING: note.body is stored as oid, a PostgreSQL large object")
					.contains("@JdbcTypeCode(SqlTypes.LONG32VARCHAR)");
			});
		runner.run(db);
	}

	@Test
	void tableAndColumnCommentsAreAddedAndChanged(TestDatabase db) {
		runner().v1(dev.migrations.autogenerate.scenarios.enums.comments.v1.Customer.class)
			.v2(dev.migrations.autogenerate.scenarios.enums.comments.v2.Customer.class)
			.revision((text) -> {
				String upgrade = upgradeSection(text);
				assertThat(upgrade).contains("COMMENT ON TABLE customer IS 'people who buy; it''s the billing party';")
					.contains("COMMENT ON COLUMN customer.name IS 'legal name, shown on invoices';")
					.contains("COMMENT ON COLUMN customer.email IS 'where invoices go';");
				String downgrade = downgradeSection(text);
				assertThat(downgrade).contains("COMMENT ON TABLE customer IS NULL;")
					.contains("COMMENT ON COLUMN customer.name IS 'shown on invoices';")
					.contains("COMMENT ON COLUMN customer.email IS NULL;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select obj_description('customer'::regclass, 'pg_class')"))
				.containsExactly("people who buy; it's the billing party"))
			.run(db);
	}


	/**
	 * The root of a single-table hierarchy renamed: its discriminator value changes, and the new check
	 * on the discriminator names the update that moves the existing rows to it.
	 */
	@Test
	void renamedRootEntityGivesTheUpdateOfItsDiscriminatorValue(TestDatabase db) throws Exception {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		Migrations v1 = runner.migrations(db.dataSource(), List.of(
				dev.migrations.autogenerate.scenarios.enums.rootrenamed.v1.Creature.class,
				dev.migrations.autogenerate.scenarios.enums.rootrenamed.v1.Dog.class));
		v1.migrate("create creature");
		v1.upgrade("head");
		execute(db.dataSource(), "insert into creature (id, dtype, name, breed) values (1, 'Creature', 'c', null),"
				+ " (2, 'Dog', 'd', 'pug')");
		Migrations v2 = runner.migrations(db.dataSource(), List.of(
				dev.migrations.autogenerate.scenarios.enums.rootrenamed.v2.Animal.class,
				dev.migrations.autogenerate.scenarios.enums.rootrenamed.v2.Dog.class));
		MigrateResult generated = v2.migrate("rename root");
		assertThat(upgradeSection(Files.readString(generated.file()))).contains("if 'Creature' was renamed"
				+ " 'Animal' (an enum constant or an entity, as a discriminator value), update them just before this"
				+ " statement: UPDATE creature SET dtype = 'Animal' WHERE dtype = 'Creature'\n");
	}

}
