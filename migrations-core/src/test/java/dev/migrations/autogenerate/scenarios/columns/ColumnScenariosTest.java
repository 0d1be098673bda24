package dev.migrations.autogenerate.scenarios.columns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.hibernate.boot.model.naming.ImplicitNamingStrategyComponentPathImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.diff.DiffOptions;
import dev.migrations.diff.RenameMode;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;

import static dev.migrations.autogenerate.ScenarioRunner.downgradeSection;
import static dev.migrations.autogenerate.ScenarioRunner.read;
import static dev.migrations.autogenerate.ScenarioRunner.upgradeSection;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code db migrate} writes when tables and columns of the entities change, each scenario
 * run through the full round trip of {@link ScenarioRunner} against PostgreSQL.
 */
@ExtendWith(TestDatabaseExtension.class)
class ColumnScenariosTest {

	private static final String ENTITIES = "dev.migrations.autogenerate.scenarios.columns.";

	@TempDir
	Path directory;

	@Test
	void newEntityCreatesItsTableAndSequenceAndTheDowngradeDropsThemWithAWarning(TestDatabase db) {
		run(db, "newtable.v1.Shelf", "newtable.v2.Shelf", "newtable.v2.Invoice").revision((text) -> {
			assertThat(upgradeSection(text)).contains("CREATE SEQUENCE IF NOT EXISTS invoice_seq INCREMENT BY 50;\n")
				// in Hibernate's column order: by size (numeric(38,2) takes 4 bytes here), then by name
				.contains("CREATE TABLE IF NOT EXISTS invoice (\n    total numeric(38,2),\n    id bigint NOT NULL,\n"
						+ "    number character varying(40) NOT NULL,\n"
						+ "    CONSTRAINT invoice_pkey PRIMARY KEY (id)\n);")
				.doesNotContain("shelf")
				.doesNotContain("WARNING");
			assertThat(downgradeSection(text)).contains("-- WARNING: drops table invoice and every row in it\n"
					+ "DROP TABLE IF EXISTS invoice;\n")
				.contains("DROP SEQUENCE IF EXISTS invoice_seq;");
		})
			.afterV2((ds) -> ScenarioRunner.execute(ds,
					"insert into invoice (id, number) values (nextval('invoice_seq'), 'INV-1')"))
			.afterDowngrade((ds) -> assertThat(Sql.postgresTables(ds)).doesNotContain("invoice"))
			.run(db);
	}

	@Test
	void removedEntityDropsItsTableWithAWarningAndTheDowngradeRecreatesIt(TestDatabase db) {
		run(db, "droptable.v1.Shelf", "droptable.v1.Leaflet", "droptable.v2.Shelf").afterV1((ds) -> ScenarioRunner
			.execute(ds, "insert into leaflet (id, title) values (1, 'gone'), (2, 'with the table')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("-- WARNING: drops table leaflet and every row in it\n"
						+ "DROP TABLE IF EXISTS leaflet;\n")
					.contains("-- WARNING: drops sequence leaflet_seq; its current value is lost\n"
							+ "DROP SEQUENCE IF EXISTS leaflet_seq;\n");
				assertThat(downgradeSection(text)).contains("CREATE SEQUENCE IF NOT EXISTS leaflet_seq INCREMENT BY 50;\n"
						+ "CREATE TABLE IF NOT EXISTS leaflet (\n    id bigint NOT NULL,\n"
						+ "    title character varying(255),\n    CONSTRAINT leaflet_pkey PRIMARY KEY (id)\n);");
			})
			.afterV2((ds) -> assertThat(Sql.postgresTables(ds)).doesNotContain("leaflet"))
			// the table comes back, its rows do not
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select count(*) from leaflet")).containsExactly("0"))
			.run(db);
	}

	@Test
	void newNullableColumnIsAddedWithoutWarningAndDroppedWithOneOnDowngrade(TestDatabase db) {
		run(db, "addcolumn.v1.Customer", "addcolumn.v2.Customer")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into customer (id, name) values (1, 'Ada')"))
			.revision((text) -> {
				assertThat(upgradeSection(text))
					.isEqualTo("ALTER TABLE customer ADD COLUMN IF NOT EXISTS nickname character varying(255);\n");
				assertThat(downgradeSection(text)).contains("-- WARNING: drops column customer.nickname and its data\n"
						+ "ALTER TABLE customer DROP COLUMN IF EXISTS nickname;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select name || '/' || coalesce(nickname, '-') from customer"))
				.containsExactly("Ada/-"))
			.run(db);
	}

	@Test
	void removedColumnIsDroppedWithAWarningAndReAddedOnDowngrade(TestDatabase db) {
		run(db, "dropcolumn.v1.Customer", "dropcolumn.v2.Customer")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into customer (id, name, fax_number) values (1, 'Ada', '555')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("-- WARNING: drops column customer.fax_number and its data\n"
						+ "ALTER TABLE customer DROP COLUMN IF EXISTS fax_number;");
				assertThat(downgradeSection(text))
					.isEqualTo("ALTER TABLE customer ADD COLUMN IF NOT EXISTS fax_number character varying(255);\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select name from customer")).containsExactly("Ada"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select name || '/' || coalesce(fax_number, 'NULL') from customer"))
				.containsExactly("Ada/NULL"))
			.run(db);
	}

	@Test
	void widenedVarcharNeedsNoUsingAndNoWarning(TestDatabase db) {
		run(db, "widen.v1.Product", "widen.v2.Product")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into product (id, name) values (1, 'kettle')"))
			.revision((text) -> {
				assertThat(upgradeSection(text))
					.isEqualTo("ALTER TABLE product ALTER COLUMN name TYPE character varying(200);\n");
				// going back narrows, which the downgrade says
				assertThat(downgradeSection(text)).contains("-- WARNING: narrows product.name from character varying(200) to"
						+ " character varying(50): values longer than 50 characters make this fail; shorten them first\n"
						+ "ALTER TABLE product ALTER COLUMN name TYPE character varying(50);");
			})
			.afterV2((ds) -> ScenarioRunner.execute(ds, "insert into product (id, name) values (2, '" + "x".repeat(200) + "')",
					"delete from product where id = 2"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select name from product")).containsExactly("kettle"))
			.run(db);
	}

	@Test
	void narrowedVarcharWarnsAboutLongerValues(TestDatabase db) {
		run(db, "narrow.v1.Product", "narrow.v2.Product")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into product (id, name) values (1, 'kettle')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("-- WARNING: narrows product.name from character varying(200) to"
						+ " character varying(50): values longer than 50 characters make this fail; shorten them first\n"
						+ "ALTER TABLE product ALTER COLUMN name TYPE character varying(50);")
					.doesNotContain("USING");
				assertThat(downgradeSection(text))
					.isEqualTo("ALTER TABLE product ALTER COLUMN name TYPE character varying(200);\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select name from product")).containsExactly("kettle"))
			.run(db);
	}

	@Test
	void stringToIntegerCastsWithUsingAndKeepsNumericStrings(TestDatabase db) {
		run(db, "tointeger.v1.Ticket", "tointeger.v2.Ticket")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into ticket (id, seat) values (1, '42'), (2, ' 7'), (3, null)"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("-- WARNING: converts ticket.seat from character varying(255) to integer"
						+ " with USING seat::integer: values that are not valid integer make this fail\n"
						+ "ALTER TABLE ticket ALTER COLUMN seat TYPE integer USING seat::integer;");
				// integer to text has an assignment cast, and every integer fits: no USING, no warning back
				assertThat(downgradeSection(text)).isEqualTo("ALTER TABLE ticket ALTER COLUMN seat TYPE character varying(255);\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select coalesce(seat + 1, -1) from ticket order by id"))
				.containsExactly("43", "8", "-1"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select seat from ticket order by id"))
				.containsExactly("42", "7", null))
			.run(db);
	}

	/**
	 * An address column that stops being {@code inet} keeps the text the application read from it:
	 * a host address stays {@code 10.0.0.1}, where PostgreSQL's cast to text would append {@code /32}.
	 */
	@Test
	void inetToStringKeepsTheAddressesAsTheApplicationReadThem(TestDatabase db) {
		run(db, "inettext.v1.Visitor", "inettext.v2.Visitor")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into visitor (id, address) values (1, '10.0.0.1'),"
					+ " (2, '10.1.0.0/16'), (3, '2001:db8::1'), (4, null)"))
			.revision((text) -> {
				assertThat(upgradeSection(text))
					.isEqualTo("ALTER TABLE visitor ALTER COLUMN address TYPE character varying(49) USING abbrev(address);\n");
				assertThat(downgradeSection(text)).contains("ALTER TABLE visitor ALTER COLUMN address TYPE inet USING address::inet;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select address from visitor order by id"))
				.containsExactly("10.0.0.1", "10.1.0.0/16", "2001:db8::1", null))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select address from visitor order by id"))
				.containsExactly("10.0.0.1", "10.1.0.0/16", "2001:db8::1", null))
			.run(db);
	}

	/** As for one address: each address of an array stays as the application read it, {@code 10.0.0.1}. */
	@Test
	void inetArrayToStringArrayKeepsTheAddressesAsTheApplicationReadThem(TestDatabase db) {
		run(db, "inetarraytext.v1.Visitor", "inetarraytext.v2.Visitor")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into visitor (id, addresses) values"
					+ " (1, '{10.0.0.1,10.1.0.0/16,NULL,2001:db8::1}'), (2, '{}'), (3, null)"))
			.revision((text) -> assertThat(upgradeSection(text)).isEqualTo("ALTER TABLE visitor ALTER COLUMN addresses"
					+ " TYPE character varying(255)[] USING addresses::text::character varying(255)[];\n"))
			.afterV2((ds) -> assertThat(Sql.column(ds, "select addresses::text from visitor order by id"))
				.containsExactly("{10.0.0.1,10.1.0.0/16,NULL,2001:db8::1}", "{}", null))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select addresses::text from visitor order by id"))
				.containsExactly("{10.0.0.1,10.1.0.0/16,NULL,2001:db8::1}", "{}", null))
			.run(db);
	}

	@Test
	void notNullWarnsAboutNullRowsAndTheDowngradeDropsIt(TestDatabase db) {
		run(db, "setnotnull.v1.Account", "setnotnull.v2.Account")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into account (id, email) values (1, 'ada@example.com')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("-- WARNING: fails if account.email holds NULL: backfill first, e.g."
						+ " UPDATE account SET email = <value> WHERE email IS NULL\n"
						+ "ALTER TABLE account ALTER COLUMN email SET NOT NULL;");
				assertThat(downgradeSection(text)).isEqualTo("ALTER TABLE account ALTER COLUMN email DROP NOT NULL;\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select is_nullable from information_schema.columns"
					+ " where table_name = 'account' and column_name = 'email'")).containsExactly("NO"))
			.run(db);
	}

	@Test
	void droppingNotNullNeedsNoWarningButItsDowngradeHasOne(TestDatabase db) {
		run(db, "dropnotnull.v1.Account", "dropnotnull.v2.Account")
			.revision((text) -> {
				assertThat(upgradeSection(text)).isEqualTo("ALTER TABLE account ALTER COLUMN email DROP NOT NULL;\n");
				assertThat(downgradeSection(text)).contains("-- WARNING: fails if account.email holds NULL")
					.contains("ALTER TABLE account ALTER COLUMN email SET NOT NULL;");
			})
			.afterV2((ds) -> ScenarioRunner.execute(ds, "insert into account (id, email) values (1, null)",
					"delete from account"))
			.run(db);
	}

	@Test
	void columnDefaultsAreAddedChangedAndRestoredOnDowngrade(TestDatabase db) {
		run(db, "defaults.v1.Preference", "defaults.v2.Preference")
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("ALTER TABLE preference ALTER COLUMN theme SET DEFAULT 'light'::character varying;")
					.contains("ALTER TABLE preference ALTER COLUMN font_scale SET DEFAULT 2;")
					.doesNotContain("WARNING");
				assertThat(downgradeSection(text)).contains("ALTER TABLE preference ALTER COLUMN theme DROP DEFAULT;")
					.contains("ALTER TABLE preference ALTER COLUMN font_scale SET DEFAULT 1;");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into preference (id) values (1)");
				assertThat(Sql.column(ds, "select theme || '/' || font_scale from preference")).containsExactly("light/2");
			})
			.afterDowngrade((ds) -> {
				ScenarioRunner.execute(ds, "insert into preference (id) values (2)");
				assertThat(Sql.column(ds, "select coalesce(theme, 'NULL') || '/' || font_scale from preference order by id"))
					.containsExactly("light/2", "NULL/1");
			})
			.run(db);
	}

	@Test
	void numericPrecisionAndScaleChangeKeepsValues(TestDatabase db) {
		run(db, "precision.v1.PriceEntry", "precision.v2.PriceEntry")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into price_entry (id, amount) values (1, 12345678.91)"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).isEqualTo("ALTER TABLE price_entry ALTER COLUMN amount TYPE numeric(14,4);\n");
				assertThat(downgradeSection(text)).contains("-- WARNING: narrows price_entry.amount from numeric(14,4) to"
						+ " numeric(10,2): values are rounded to 2 decimal places\n")
					.contains("values with more than 8 digits before the decimal point make this fail\n"
							+ "ALTER TABLE price_entry ALTER COLUMN amount TYPE numeric(10,2);");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select amount from price_entry")).containsExactly("12345678.9100"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select amount from price_entry")).containsExactly("12345678.91"))
			.run(db);
	}

	@Test
	void probableColumnRenameIsWrittenAsRenameWithTheDropAndAddInAComment(TestDatabase db) {
		run(db, "renamecolumn.v1.Person", "renamecolumn.v2.Person")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into person (id, full_name, age) values (1, 'Ada Lovelace', 36)"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("-- WARNING: probable rename: person.full_name and display_name have the"
						+ " same type, nullability and default; if this is not a rename, replace this statement with:"
						+ " ALTER TABLE person DROP COLUMN IF EXISTS full_name;"
						+ " ALTER TABLE person ADD COLUMN IF NOT EXISTS display_name character varying(120)\n"
						+ "ALTER TABLE person RENAME COLUMN full_name TO display_name;")
					.doesNotContain("DROP COLUMN IF EXISTS full_name;\n");
				assertThat(downgradeSection(text)).contains("ALTER TABLE person RENAME COLUMN display_name TO full_name;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select display_name from person")).containsExactly("Ada Lovelace"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select full_name from person")).containsExactly("Ada Lovelace"))
			.run(db);
	}

	@Test
	void explicitDropAndAddModeWritesDropAndAddInsteadOfTheRename(TestDatabase db) {
		String revision = roundTrip(db, UnaryOperator.identity(),
				DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD), entities("renamecolumn.v1.Person"),
				entities("renamecolumn.v2.Person"),
				(ds) -> ScenarioRunner.execute(ds, "insert into person (id, full_name, age) values (1, 'Ada Lovelace', 36)"),
				(ds) -> assertThat(Sql.column(ds, "select coalesce(display_name, 'NULL') from person"))
					.containsExactly("NULL"));

		assertThat(upgradeSection(revision)).contains("ALTER TABLE person ADD COLUMN IF NOT EXISTS display_name character varying(120);\n")
			.contains("-- WARNING: drops column person.full_name and its data\n"
					+ "ALTER TABLE person DROP COLUMN IF EXISTS full_name;")
			.doesNotContain("RENAME")
			.doesNotContain("probable rename");
		assertThat(downgradeSection(revision)).doesNotContain("RENAME");
	}

	@Test
	void probableTableRenameIsWrittenAsRenameTable(TestDatabase db) {
		run(db, "renametable.v1.Memo", "renametable.v2.Memo")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into memo (id, body) values (nextval('memo_seq'), 'kept'),"
					+ " (nextval('memo_seq'), 'also kept')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("-- WARNING: probable rename: memo and note have the same columns; if this is"
						+ " not a rename, replace this statement with: DROP TABLE IF EXISTS memo; CREATE TABLE IF NOT EXISTS note"
						+ " (id bigint NOT NULL, body character varying(255), CONSTRAINT note_pkey PRIMARY KEY (id))\n"
						+ "ALTER TABLE memo RENAME TO note;")
					// its sequence follows, so the ids go on where they were
					.contains("ALTER SEQUENCE memo_seq RENAME TO note_seq;\n")
					.doesNotContain("DROP TABLE IF EXISTS memo;\n")
					.doesNotContain("DROP SEQUENCE IF EXISTS memo_seq;\n");
				assertThat(downgradeSection(text)).contains("ALTER TABLE note RENAME TO memo;")
					.contains("ALTER SEQUENCE note_seq RENAME TO memo_seq;\n");
			})
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select body from note order by id")).containsExactly("kept", "also kept");
				// the ids the application draws next must not collide with the rows kept
				assertThat(Sql.column(ds, "select nextval('note_seq') > max(id) from note")).containsExactly("t");
			})
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select body from memo order by id"))
				.containsExactly("kept", "also kept"))
			.run(db);
	}

	@Test
	void renamedTablesTakeTheirSequencesAndConstraintNamesAlong(TestDatabase db) {
		String names = "select conname from pg_constraint where conrelid::regclass::text in ('label', 'purchase', 'creature')"
				+ " union select indexname from pg_indexes where tablename in ('label', 'purchase', 'creature') order by 1";
		List<String> fresh = namesOfAFreshSchema(names, "renametables.v2.Label", "renametables.v2.Purchase",
				"renametables.v2.Creature");
		run(db, "renametables.v1.Tag", "renametables.v1.Order", "renametables.v1.Animal", "renametables.v2.Label",
				"renametables.v2.Purchase", "renametables.v2.Creature")
			.afterV1((ds) -> ScenarioRunner.execute(ds,
					"insert into tag (id, label) values (nextval('tag_seq'), 'red'), (nextval('tag_seq'), 'blue')",
					"insert into \"order\" (id, total, tag_id) values (nextval('order_seq'), 10, 1), (nextval('order_seq'), 20, 1)",
					"insert into animal (id, name, legs) values (nextval('animal_seq'), 'cat', 4), (nextval('animal_seq'), 'ant', 6)"))
			.revision((text) -> {
				// three tables renamed at once, each sequence following its own table
				assertThat(upgradeSection(text)).contains("ALTER SEQUENCE animal_seq RENAME TO creature_seq;\n")
					.contains("ALTER SEQUENCE order_seq RENAME TO purchase_seq;\n")
					.contains("ALTER SEQUENCE tag_seq RENAME TO label_seq;\n")
					.contains("ALTER TABLE label RENAME CONSTRAINT tag_pkey TO label_pkey;\n")
					.contains("ALTER TABLE purchase RENAME CONSTRAINT order_pkey TO purchase_pkey;\n")
					.doesNotContainPattern("(?m)^DROP SEQUENCE");
				assertThat(downgradeSection(text)).contains("ALTER TABLE label RENAME CONSTRAINT label_pkey TO tag_pkey;\n")
					.contains("ALTER SEQUENCE creature_seq RENAME TO animal_seq;\n");
			})
			.afterV2((ds) -> {
				// the names are those of a schema created from the new entities: a new table named tag can have tag_pkey
				assertThat(Sql.column(ds, names)).isEqualTo(fresh);
				ScenarioRunner.execute(ds, "insert into label (id, label) values (nextval('label_seq'), 'green')",
						"insert into purchase (id, total, tag_id) values (nextval('purchase_seq'), 30, 1)",
						"insert into creature (id, name, legs) values (nextval('creature_seq'), 'dog', 4)");
				assertThat(Sql.column(ds, "select count(*) from creature")).containsExactly("3");
				ScenarioRunner.execute(ds, "create table tag (id bigint, constraint tag_pkey primary key (id))",
						"drop table tag");
			})
			.afterDowngrade((ds) -> {
				assertThat(Sql.column(ds, "select conname from pg_constraint where conrelid = 'tag'::regclass order by 1"))
					.contains("tag_pkey");
				assertThat(Sql.column(ds, "select name from animal order by id")).containsExactly("cat", "ant", "dog");
			})
			.run(db);
	}

	@Test
	void aNewTablesSequenceIsNotTakenFromAnUnrelatedTable(TestDatabase db) {
		run(db, "sequencetables.v1.Diary", "sequencetables.v2.Diary", "sequencetables.v2.Tag")
			.afterV1((ds) -> ScenarioRunner.execute(ds,
					"insert into diary_entry (id, body) values (nextval('diary_entry_seq'), 'one'),"
							+ " (nextval('diary_entry_seq'), 'two')"))
			.revision((text) -> assertThat(upgradeSection(text)).doesNotContain("RENAME TO tag_seq")
				.contains("CREATE SEQUENCE IF NOT EXISTS tag_seq INCREMENT BY 50;\n")
				.contains("DROP SEQUENCE IF EXISTS diary_entry_seq;\n"))
			// tag's numbering starts at the beginning, not where the diary's left off
			.afterV2((ds) -> assertThat(Sql.column(ds, "select nextval('tag_seq')")).containsExactly("1"))
			.run(db);
	}

	/** The constraint and index names a schema created from the entities by a first revision has. */
	private List<String> namesOfAFreshSchema(String query, String... entities) {
		TestDatabase fresh = TestDatabases.postgres();
		try {
			// beside the scenario's directory, not in it: its revisions are the scenario's own
			Path directory = Files.createDirectories(this.directory.resolveSibling(this.directory.getFileName() + "-fresh"));
			Migrations migrations = new ScenarioRunner(directory).migrations(fresh.dataSource(), entities(entities));
			migrations.migrate("fresh");
			migrations.upgrade("head");
			return Sql.column(fresh.dataSource(), query);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			fresh.closeInBackground();
		}
	}

	@Test
	void reservedWordTablesQuotedInTheMappingAreQuotedInTheSql(TestDatabase db) {
		run(db, "reserved.v1.User", "reserved.v2.User", "reserved.v2.Order")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into \"user\" (id, login) values (1, 'ada')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("CREATE TABLE IF NOT EXISTS \"order\" (\n    \"position\" integer,\n"
						+ "    buyer_id bigint,\n    id bigint NOT NULL,\n    CONSTRAINT order_pkey PRIMARY KEY (id)\n);")
					.contains("ALTER TABLE \"user\" ADD COLUMN IF NOT EXISTS email character varying(255);")
					.contains("ALTER TABLE \"order\" ADD CONSTRAINT fk_order_buyer_id__user FOREIGN KEY (buyer_id)"
							+ " REFERENCES \"user\" (id);");
				assertThat(downgradeSection(text)).contains("DROP TABLE IF EXISTS \"order\";")
					.contains("ALTER TABLE \"user\" DROP COLUMN IF EXISTS email;");
			})
			.afterV2((ds) -> ScenarioRunner.execute(ds,
					"insert into \"order\" (id, buyer_id, \"position\") values (nextval('order_seq'), 1, 1)"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select login from \"user\"")).containsExactly("ada"))
			.run(db);
	}

	/**
	 * Names as real models have them: quoted mixed case with spaces and dashes, reserved words, Cyrillic and
	 * German letters, and names past 63 bytes (explicit index, unique and foreign key names, a long column,
	 * a collection table built from two long names, Cyrillic names whose two-byte letters pass the limit).
	 * The server keeps every long name cut to 63 bytes of whole characters, and the revisions use those
	 * names, so checks stay empty and the downgrade drops what the upgrade added.
	 */
	@Test
	void quotedUnicodeAndLongNamesRoundTrip(TestDatabase db) {
		run(db, "identifiers.v1.CustomerSubscriptionBillingAgreementHistoryRec",
				"identifiers.v1.AnotherRatherLongEntityNameForTheBillingAccountOwnerParty", "identifiers.v1.Zakaz",
				"identifiers.v1.OrderLine", "identifiers.v1.Grp", "identifiers.v2.CustomerSubscriptionBillingAgreementHistoryRec",
				"identifiers.v2.AnotherRatherLongEntityNameForTheBillingAccountOwnerParty", "identifiers.v2.Zakaz",
				"identifiers.v2.OrderLine", "identifiers.v2.Grp")
			.afterV1((ds) -> {
				assertThat(Sql.column(ds, "select relname from pg_class where relnamespace = current_schema()::regnamespace"
						+ " and relkind in ('r', 'i') and (octet_length(relname) = 63 or relname ~ '[^a-z0-9_]') order by 1"))
					.contains("customer_subscription_billing_agreement_history_rec_attached_do",
							"ix_customer_subscription_billing_agreement_history_record_effec", "OrderLine",
							"заказ", "индекс_заказа_по_размеру_и_статусу");
				// Hibernate writes an @Index name unquoted, backticks or not, so the server folds it
				assertThat(Sql.column(ds, "select indexname from pg_indexes where tablename = 'OrderLine' order by 1"))
					.containsExactly("OrderLine_pkey", "ix_orderline_total");
				ScenarioRunner.execute(ds, "insert into \"заказ\" (id, \"größe\") values (1, 42)");
			})
			.revision((text) -> assertThat(upgradeSection(text).lines()
					.filter((line) -> !line.isBlank() && !line.startsWith("--"))).containsExactlyInAnyOrder(
					"ALTER TABLE \"OrderLine\" ADD COLUMN IF NOT EXISTS \"Shipped At\" character varying(255);",
					"ALTER TABLE customer_subscription_billing_agreement_history_rec ADD COLUMN IF NOT EXISTS"
							+ " added_later_with_another_very_long_column_name_that_goes_past_t character varying(255);",
					"ALTER TABLE \"group\" ADD COLUMN IF NOT EXISTS \"offset\" integer;",
					"ALTER TABLE \"заказ\" ADD COLUMN IF NOT EXISTS breite integer;"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select \"größe\" from \"заказ\"")).containsExactly("42"))
			.run(db);
	}

	@Test
	void reservedWordTablesQuotedByAutoQuoteKeywordAreQuotedInTheSql(TestDatabase db) {
		String revision = roundTrip(db, (source) -> source.withSetting("hibernate.auto_quote_keyword", "true"),
				DiffOptions.defaults(), entities("autoquote.v1.User"), entities("autoquote.v2.User", "autoquote.v2.Order"),
				(ds) -> ScenarioRunner.execute(ds, "insert into \"user\" (id, login) values (1, 'ada')"),
				(ds) -> ScenarioRunner.execute(ds,
						"insert into \"order\" (id, buyer_id, \"position\") values (nextval('order_seq'), 1, 1)"));

		// the keyword setting quotes "order" and "user" in Hibernate's DDL; the revision quotes them by the same rule
		assertThat(upgradeSection(revision)).isEqualTo("""
				CREATE SEQUENCE IF NOT EXISTS order_seq INCREMENT BY 50;
				CREATE TABLE IF NOT EXISTS "order" (
				    "position" integer,
				    buyer_id bigint,
				    id bigint NOT NULL,
				    CONSTRAINT order_pkey PRIMARY KEY (id)
				);
				ALTER TABLE "order" ADD CONSTRAINT fk_order_buyer_id__user FOREIGN KEY (buyer_id) REFERENCES "user" (id);
				""");
		assertThat(downgradeSection(revision)).contains("DROP TABLE IF EXISTS \"order\";\n");
	}

	@Test
	void embeddedColumnsAreAddedWithTheirOverriddenNames(TestDatabase db) {
		run(db, "embedded.v1.Shipment", "embedded.v2.Shipment", "embedded.v2.Address")
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("ALTER TABLE shipment ADD COLUMN IF NOT EXISTS street_line character varying(255);")
					.contains("ALTER TABLE shipment ADD COLUMN IF NOT EXISTS postal_code character varying(10);")
					.contains("ALTER TABLE shipment ADD COLUMN IF NOT EXISTS destination_street_line character varying(255);")
					.contains("ALTER TABLE shipment ADD COLUMN IF NOT EXISTS destination_postal_code character varying(255);");
				assertThat(downgradeSection(text)).contains("ALTER TABLE shipment DROP COLUMN IF EXISTS destination_postal_code;");
			})
			.run(db);
	}

	@Test
	void embeddedColumnsArePrefixedWithTheComponentPathNamingStrategy(TestDatabase db) {
		String revision = roundTrip(db,
				(source) -> source.withImplicitNamingStrategy(ImplicitNamingStrategyComponentPathImpl.class),
				DiffOptions.defaults(), entities("componentpath.v1.Shipment"),
				entities("componentpath.v2.Shipment", "componentpath.v2.Address"),
				(ds) -> ScenarioRunner.execute(ds, "insert into shipment (id, reference) values (1, 'S-1')"),
				(ds) -> assertThat(Sql.column(ds, "select reference || '/' || coalesce(origin_postal_code, '-') from shipment"))
					.containsExactly("S-1/-"));

		// two embeddeds of one type need no overrides: each attribute path prefixes its columns
		assertThat(upgradeSection(revision)).isEqualTo("""
				ALTER TABLE shipment ADD COLUMN IF NOT EXISTS destination_postal_code character varying(10);
				ALTER TABLE shipment ADD COLUMN IF NOT EXISTS origin_postal_code character varying(10);
				ALTER TABLE shipment ADD COLUMN IF NOT EXISTS destination_street_line character varying(255);
				ALTER TABLE shipment ADD COLUMN IF NOT EXISTS origin_street_line character varying(255);
				""");
	}

	@Test
	void elementCollectionCreatesItsTableWithAForeignKey(TestDatabase db) {
		run(db, "elementcollection.v1.Recipe", "elementcollection.v2.Recipe")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into recipe (id, title) values (1, 'soup')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("CREATE TABLE IF NOT EXISTS recipe_tags (\n    recipe_id bigint NOT NULL,\n"
						+ "    tags character varying(255)\n);")
					.contains("ALTER TABLE recipe_tags ADD CONSTRAINT fk_recipe_tags_recipe_id__recipe FOREIGN KEY (recipe_id)"
							+ " REFERENCES recipe (id);");
				assertThat(downgradeSection(text)).contains("DROP TABLE IF EXISTS recipe_tags;");
			})
			.afterV2((ds) -> ScenarioRunner.execute(ds, "insert into recipe_tags (recipe_id, tags) values (1, 'hot')"))
			.run(db);
	}

	@Test
	void identityKeyOnANewTableNeedsNoSequence(TestDatabase db) {
		run(db, "identity.v1.Shelf", "identity.v2.Shelf", "identity.v2.Badge")
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("CREATE TABLE IF NOT EXISTS badge (\n"
						+ "    id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,\n")
					.doesNotContain("SEQUENCE");
				assertThat(downgradeSection(text)).contains("DROP TABLE IF EXISTS badge;").doesNotContain("SEQUENCE");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into badge (title) values ('first'), ('second')");
				assertThat(Sql.column(ds, "select id from badge order by id")).containsExactly("1", "2");
			})
			.run(db);
	}

	@Test
	void changedAllocationSizeAltersTheSequenceIncrement(TestDatabase db) {
		run(db, "allocationsize.v1.Ticket", "allocationsize.v2.Ticket")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "select nextval('ticket_number_seq')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).isEqualTo("ALTER SEQUENCE ticket_number_seq INCREMENT BY 10;\n");
				assertThat(downgradeSection(text)).isEqualTo("ALTER SEQUENCE ticket_number_seq INCREMENT BY 50;\n");
			})
			// the value drawn so far is kept: the next block starts after it
			.afterV2((ds) -> assertThat(Sql.column(ds, "select nextval('ticket_number_seq')")).containsExactly("11"))
			.run(db);
	}

	@Test
	void typeChangeOfAColumnWithADefaultDropsAndRestoresTheDefaultAroundTheCast(TestDatabase db) {
		run(db, "typewithdefault.v1.Counter", "typewithdefault.v2.Counter")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into counter (id) values (1)"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).isEqualTo("""
						ALTER TABLE counter ALTER COLUMN hits DROP DEFAULT;
						-- WARNING: converts counter.hits from character varying(255) to integer with USING hits::integer: values that are not valid integer make this fail
						ALTER TABLE counter ALTER COLUMN hits TYPE integer USING hits::integer;
						ALTER TABLE counter ALTER COLUMN hits SET DEFAULT 0;
						""");
				assertThat(downgradeSection(text)).contains("ALTER TABLE counter ALTER COLUMN hits SET DEFAULT '0'::character varying;");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into counter (id) values (2)");
				assertThat(Sql.column(ds, "select hits + 1 from counter order by id")).containsExactly("1", "1");
			})
			.run(db);
	}

	@Test
	void newNotNullColumnWithADefaultFillsTheRowsWithoutWarning(TestDatabase db) {
		run(db, "notnullwithdefault.v1.Task", "notnullwithdefault.v2.Task")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into task (id, title) values (1, 'write')"))
			.revision((text) -> assertThat(upgradeSection(text)).isEqualTo(
					"ALTER TABLE task ADD COLUMN IF NOT EXISTS state character varying(20) DEFAULT 'open'::character varying NOT NULL;\n"))
			.afterV2((ds) -> assertThat(Sql.column(ds, "select title || '/' || state from task")).containsExactly("write/open"))
			.run(db);
	}

	@Test
	void newNotNullColumnWithoutADefaultWarnsThatFilledTablesFail(TestDatabase db) {
		run(db, "notnullnodefault.v1.Task", "notnullnodefault.v2.Task")
			.revision((text) -> assertThat(upgradeSection(text)).isEqualTo("""
					-- WARNING: fails if task has rows: NOT NULL priority has no default; add it nullable, backfill it, then SET NOT NULL, or give it a default
					ALTER TABLE task ADD COLUMN IF NOT EXISTS priority integer NOT NULL;
					"""))
			.run(db);
	}

	@Test
	void notNullWithADefaultSetsTheDefaultFirstAndSuggestsBackfillingWithIt(TestDatabase db) {
		run(db, "notnullsetdefault.v1.Account", "notnullsetdefault.v2.Account")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into account (id, locale) values (1, 'de')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).isEqualTo("""
						ALTER TABLE account ALTER COLUMN locale SET DEFAULT 'en'::character varying;
						-- WARNING: fails if account.locale holds NULL: backfill first, e.g. UPDATE account SET locale = DEFAULT WHERE locale IS NULL
						ALTER TABLE account ALTER COLUMN locale SET NOT NULL;
						""");
				assertThat(downgradeSection(text)).isEqualTo("""
						ALTER TABLE account ALTER COLUMN locale DROP DEFAULT;
						ALTER TABLE account ALTER COLUMN locale DROP NOT NULL;
						""");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select locale from account")).containsExactly("de"))
			.run(db);
	}

	@Test
	void widerTypesNeedNoUsingAndOnlyTheDowngradeWarns(TestDatabase db) {
		run(db, "widertypes.v1.Measurement", "widertypes.v2.Measurement")
			.afterV1((ds) -> ScenarioRunner.execute(ds,
					"insert into measurement (id, reading, note, ratio) values (1, 2147483647, 'calm', 0.5)"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).isEqualTo("""
						ALTER TABLE measurement ALTER COLUMN ratio TYPE double precision;
						ALTER TABLE measurement ALTER COLUMN reading TYPE bigint;
						ALTER TABLE measurement ALTER COLUMN note TYPE text;
						""");
				assertThat(downgradeSection(text))
					.contains("-- WARNING: narrows measurement.reading from bigint to integer: values out of range make this fail\n")
					.contains("-- WARNING: converts measurement.ratio from double precision to real: it keeps about 6 significant"
							+ " digits, so values may lose precision\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select reading + 1 || '/' || note || '/' || ratio from measurement"))
				.containsExactly("2147483648/calm/0.5"))
			.run(db);
	}

	@Test
	void switchingASequenceKeyToIdentityMovesTheIdentityPastTheRows(TestDatabase db) {
		run(db, "toidentity.v1.Badge", "toidentity.v2.Badge")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into badge (id, title) values (nextval('badge_seq'), 'first'),"
					+ " (nextval('badge_seq'), 'second')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("ALTER TABLE badge ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;\n"
						+ "SELECT setval(pg_get_serial_sequence('badge', 'id'), max(id)) FROM badge;\n")
					.contains("-- WARNING: drops sequence badge_seq; its current value is lost\n");
				assertThat(downgradeSection(text)).contains("CREATE SEQUENCE IF NOT EXISTS badge_seq INCREMENT BY 50;\n")
					.contains("ALTER TABLE badge ALTER COLUMN id DROP IDENTITY IF EXISTS;\n");
			})
			// the application inserts without an id now
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into badge (title) values ('third')");
				assertThat(Sql.column(ds, "select title from badge order by id")).containsExactly("first", "second", "third");
			})
			.run(db);
	}

	/** A boolean stored by YesNoConverter or TrueFalseConverter becomes its letter, and back. */
	@Test
	void booleansBecomeTheLettersOfTheirConverterAndBack(TestDatabase db) {
		run(db, "yesno.v1.Sink", "yesno.v2.Sink")
			.afterV1((ds) -> ScenarioRunner.execute(ds,
					"insert into sink (id, flag, checked) values (1, true, false), (2, false, true), (3, null, null)"))
			.revision((text) -> {
				assertThat(upgradeSection(text))
					.contains("ALTER TABLE sink ALTER COLUMN flag TYPE character(1)"
							+ " USING CASE WHEN flag THEN 'Y' WHEN NOT flag THEN 'N' END;\n")
					.contains("ALTER TABLE sink ALTER COLUMN checked TYPE character(1)"
							+ " USING CASE WHEN checked THEN 'T' WHEN NOT checked THEN 'F' END;\n")
					.doesNotContain("WARNING");
				assertThat(downgradeSection(text)).contains("ALTER TABLE sink ALTER COLUMN flag TYPE boolean USING flag::boolean;\n")
					.contains("ALTER TABLE sink ALTER COLUMN checked TYPE boolean USING checked::boolean;\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select coalesce(flag, '-') || coalesce(checked, '-') from sink order by id"))
				.containsExactly("YF", "NT", "--"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds,
					"select coalesce(flag::text, 'null') || ' ' || coalesce(checked::text, 'null') from sink order by id"))
				.containsExactly("true false", "false true", "null null"))
			.run(db);
	}

	@Test
	void renamedManyToOneRenamesItsColumnAndKeepsTheForeignKey(TestDatabase db) {
		run(db, "renamefk.v1.Owner", "renamefk.v1.Pet", "renamefk.v2.Owner", "renamefk.v2.Pet")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into owner (id, name) values (1, 'Ada')",
					"insert into pet (id, owner_id) values (1, 1)"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("ALTER TABLE pet RENAME COLUMN owner_id TO keeper_id;\n")
					.doesNotContain("FOREIGN KEY")
					.doesNotContain("DROP CONSTRAINT");
				assertThat(downgradeSection(text)).contains("ALTER TABLE pet RENAME COLUMN keeper_id TO owner_id;\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select o.name from pet p join owner o on o.id = p.keeper_id"))
				.containsExactly("Ada"))
			.run(db);
	}

	@Test
	void renamedParentTableKeepsTheForeignKeysThatReferenceIt(TestDatabase db) {
		run(db, "renameparent.v1.Folder", "renameparent.v1.Document", "renameparent.v2.Folder",
				"renameparent.v2.Document")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into folder (id, name) values (nextval('folder_seq'), 'inbox')",
					"insert into document (id, folder_id) values (1, currval('folder_seq'))"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).contains("ALTER SEQUENCE folder_seq RENAME TO directory_seq;\n")
					.contains("ALTER TABLE folder RENAME TO directory;\n")
					.doesNotContain("FOREIGN KEY")
					.doesNotContainPattern("(?m)^DROP");
				assertThat(downgradeSection(text)).contains("ALTER TABLE directory RENAME TO folder;\n")
					.contains("ALTER SEQUENCE directory_seq RENAME TO folder_seq;\n");
			})
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select f.name from document d join directory f on f.id = d.folder_id"))
					.containsExactly("inbox");
				assertThat(Sql.column(ds, "select nextval('directory_seq') > max(id) from directory")).containsExactly("t");
			})
			.run(db);
	}

	@Test
	void removedEntityWithAnElementCollectionDropsBothTablesAndTheDowngradeLinksThemAgain(TestDatabase db) {
		run(db, "dropcollection.v1.Shelf", "dropcollection.v1.Recipe", "dropcollection.v2.Shelf")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into recipe (id, title) values (1, 'soup')",
					"insert into recipe_tags (recipe_id, tags) values (1, 'hot')"))
			.revision((text) -> {
				assertThat(upgradeSection(text))
					.startsWith("ALTER TABLE recipe_tags DROP CONSTRAINT IF EXISTS fk_recipe_tags_recipe_id__recipe;\n")
					.contains("DROP TABLE IF EXISTS recipe;\n")
					.contains("DROP TABLE IF EXISTS recipe_tags;\n");
				assertThat(downgradeSection(text)).endsWith("ALTER TABLE recipe_tags ADD CONSTRAINT fk_recipe_tags_recipe_id__recipe"
						+ " FOREIGN KEY (recipe_id) REFERENCES recipe (id);\n");
			})
			.run(db);
	}

	@Test
	void newManyToOneOnAFilledTableAddsTheColumnAndAForeignKeyWithoutAFalseWarning(TestDatabase db) {
		run(db, "addfk.v1.Author", "addfk.v1.Book", "addfk.v2.Author", "addfk.v2.Book")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into book (id, title) values (1, 'Dune')"))
			.revision((text) -> assertThat(upgradeSection(text)).isEqualTo("""
					ALTER TABLE book ADD COLUMN IF NOT EXISTS author_id bigint;
					ALTER TABLE book ADD CONSTRAINT fk_book_author_id__author FOREIGN KEY (author_id) REFERENCES author (id);
					"""))
			// the new column holds only NULLs, so the foreign key cannot fail: no warning
			.afterV2((ds) -> assertThat(Sql.column(ds, "select title from book where author_id is null")).containsExactly("Dune"))
			.run(db);
	}

	@Test
	void temporalTypeChangesWarnAboutRoundingAndTimeZones(TestDatabase db) {
		run(db, "temporal.v1.Visit", "temporal.v2.Visit")
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into visit (id, started_at, ended_at, day)"
					+ " values (1, '2024-05-01 10:00:00', '2024-05-01 11:30:00.123456', '2024-05-01')"))
			.revision((text) -> {
				assertThat(upgradeSection(text)).isEqualTo("""
						ALTER TABLE visit ALTER COLUMN day TYPE timestamp(6) without time zone;
						-- WARNING: narrows visit.ended_at from timestamp(6) without time zone to timestamp(3) without time zone: fractional seconds are rounded to 3 digits
						ALTER TABLE visit ALTER COLUMN ended_at TYPE timestamp(3) without time zone;
						-- WARNING: converts visit.started_at from timestamp(6) without time zone to timestamp(6) with time zone: values are interpreted in the session's TimeZone setting
						ALTER TABLE visit ALTER COLUMN started_at TYPE timestamp(6) with time zone;
						""");
				assertThat(downgradeSection(text)).contains("-- WARNING: converts visit.day from timestamp(6) without time zone to date:"
						+ " the time of day is dropped\nALTER TABLE visit ALTER COLUMN day TYPE date;\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select to_char(ended_at, 'HH24:MI:SS.US') || ' ' || day from visit"))
				.containsExactly("11:30:00.123000 2024-05-01 00:00:00"))
			.run(db);
	}

	// Helpers

	private ScenarioRunner run(TestDatabase db, String... v1AndV2) {
		List<String> names = List.of(v1AndV2);
		return new ScenarioRunner(this.directory)
			.v1(entities(names.stream().filter((name) -> name.contains(".v1.")).toArray(String[]::new)).toArray(Class<?>[]::new))
			.v2(entities(names.stream().filter((name) -> name.contains(".v2.")).toArray(String[]::new)).toArray(Class<?>[]::new));
	}

	private static List<Class<?>> entities(String... names) {
		return java.util.Arrays.stream(names).<Class<?>>map((name) -> {
			try {
				return Class.forName(ENTITIES + name);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalArgumentException(ex);
			}
		}).toList();
	}

	/**
	 * The round trip of {@link ScenarioRunner#run} for what the runner does not take: Hibernate
	 * settings of the application and explicit diff options for {@code migrate}.
	 * @return the text of the revision generated for v2
	 */
	private String roundTrip(TestDatabase db, UnaryOperator<EntitySource> settings, DiffOptions options,
			List<Class<?>> v1, List<Class<?>> v2, Consumer<DataSource> afterV1, Consumer<DataSource> afterV2) {
		DataSource dataSource = db.dataSource();
		Migrations first = migrations(dataSource, settings.apply(EntitySource.of(v1)), this.directory);
		assertThat(first.migrate("v1", options).written()).isTrue();
		first.upgrade("head");
		assertThat(first.check()).isEmpty();
		afterV1.accept(dataSource);

		Migrations second = migrations(dataSource, settings.apply(EntitySource.of(v2)), this.directory);
		MigrateResult generated = second.migrate("v2", options);
		assertThat(generated.written()).isTrue();
		String revision = read(generated.file());
		second.upgrade("head");
		assertThat(second.compare(options).differences()).as("after upgrading to v2; revision:%n%s", revision).isEmpty();
		afterV2.accept(dataSource);

		second.downgrade("-1");
		assertThat(migrations(dataSource, settings.apply(EntitySource.of(v1)), this.directory).compare(options).differences())
			.as("against v1 after downgrading; revision:%n%s", revision).isEmpty();

		for (List<Class<?>> entities : List.of(v1, v2)) {
			EntitySource source = settings.apply(EntitySource.of(entities));
			TestDatabase fresh = TestDatabases.postgres();
			try {
				HibernateSchemaCreation.create(fresh.dataSource(), source);
				Path empty = this.directory.resolve("hibernate-" + System.nanoTime());
				createDirectories(empty);
				assertThat(migrations(fresh.dataSource(), source, empty).compare(options).differences())
					.as("against a schema Hibernate created from %s", entities).isEmpty();
			}
			finally {
				fresh.closeInBackground();
			}
		}
		return revision;
	}

	private static Migrations migrations(DataSource dataSource, EntitySource source, Path directory) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + directory).outputDirectory(directory)
			.entities(source).load();
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
