package dev.migrations.autogenerate.scenarios.hibernate;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.diff.Difference;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Hibernate feature that contributes to the DDL, each through the full round trip of
 * {@link ScenarioRunner}; in each, a schema the application's own Hibernate creates (an
 * EntityManagerFactory with {@code ddl-auto=create}) shows no difference, before and after the
 * change.
 */
@ExtendWith(TestDatabaseExtension.class)
class HibernateFeatureScenariosTest {

	private static final String PACKAGE = "dev.migrations.autogenerate.scenarios.hibernate.";

	@TempDir
	Path directory;

	/** {@code @Comment} on the class and on fields: table and column comments. */
	@Test
	void comments(TestDatabase db) {
		run("comments", List.of("Article"), List.of("Article"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select obj_description('article'::regclass, 'pg_class')"))
				.containsExactly("Published articles"))
			.revision((text) -> {
				assertThat(upgrade(text)).isEqualTo("""
						ALTER TABLE article ADD COLUMN IF NOT EXISTS byline character varying(255);
						COMMENT ON COLUMN article.byline IS 'who wrote it';
						COMMENT ON COLUMN article.title IS 'the headline on the front page';
						""");
				assertThat(downgrade(text)).contains("COMMENT ON COLUMN article.title IS 'the headline shown in lists';");
			})
			.run(db);
	}

	/** {@code @ColumnDefault}: the server's spelling of each default, compared as the server prints it. */
	@Test
	void columnDefaults(TestDatabase db) {
		run("defaults", List.of("Job"), List.of("Job"))
			.afterV1((ds) -> execute(ds, "insert into job (id) values (1)"))
			.revision((text) -> {
				assertThat(upgrade(text)).isEqualTo("""
						ALTER TABLE job ADD COLUMN IF NOT EXISTS created_at timestamp(6) with time zone DEFAULT CURRENT_TIMESTAMP;
						ALTER TABLE job ALTER COLUMN retries SET DEFAULT 3;
						""");
				assertThat(downgrade(text)).contains("ALTER TABLE job ALTER COLUMN retries SET DEFAULT 0;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select retries || ' ' || state || ' ' || enabled from job"))
				.containsExactly("0 queued true"))
			.run(db);
	}

	/** {@code @Check} on the class (named) and on a field. */
	@Test
	void checks(TestDatabase db) {
		run("checks", List.of("Offer"), List.of("Offer"))
			.revision((text) -> {
				assertThat(upgrade(text)).isEqualTo("""
						ALTER TABLE offer DROP CONSTRAINT IF EXISTS offer_dates;
						-- WARNING: fails if rows of offer violate it
						ALTER TABLE offer ADD CONSTRAINT offer_dates CHECK (valid_to >= valid_from);
						""");
				assertThat(text).doesNotContain("discount");
			})
			.run(db);
	}

	/** {@code @Formula} attributes are computed in selects: never a column. */
	@Test
	void formulasAreNoColumns(TestDatabase db) {
		run("formula", List.of("Invoice"), List.of("Invoice"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select count(*) from information_schema.columns"
					+ " where table_name = 'invoice' and column_name = 'gross'")).containsExactly("0"))
			.revision((text) -> assertThat(upgrade(text))
				.isEqualTo("ALTER TABLE invoice ADD COLUMN IF NOT EXISTS code character varying(255);\n"))
			.run(db);
	}

	/** {@code @JdbcTypeCode}: json, text, char, and the types Hibernate picks for arrays and inet. */
	@Test
	void jdbcTypeCodes(TestDatabase db) {
		run("jdbctypes", List.of("Device"), List.of("Device"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select column_name || ' ' || format_type(atttypid, atttypmod)"
					+ " from information_schema.columns c join pg_attribute a on a.attrelid = 'device'::regclass"
					+ " and a.attname = c.column_name where c.table_name = 'device' order by column_name"))
				.containsExactly("address inet", "attributes jsonb", "id bigint", "notes text", "serial character(36)",
						"tags character varying(255)[]"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("ALTER TABLE device ADD COLUMN IF NOT EXISTS history jsonb;\n"))
			.run(db);
	}

	/** {@code @Lob} on PostgreSQL: {@code oid} for strings, byte and char arrays, with a warning; the alternatives. */
	@Test
	void lobs(TestDatabase db) {
		run("lobs", List.of("Attachment"), List.of("Attachment"))
			.revision((text) -> {
				assertThat(upgrade(text)).contains("ALTER TABLE attachment ADD COLUMN IF NOT EXISTS text text;\n"
						+ "-- WARNING: attachment.letters is stored as oid, a PostgreSQL large object")
					.contains("unless large objects are intended.\n"
						+ "ALTER TABLE attachment ADD COLUMN IF NOT EXISTS letters oid;\n")
					.doesNotContain("thumbnail")
					.doesNotContain("raw");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select column_name || ' ' || data_type"
					+ " from information_schema.columns where table_name = 'attachment' order by column_name"))
				.containsExactly("body oid", "data oid", "id bigint", "letters oid", "raw bytea", "text text",
						"thumbnail bytea"))
			.run(db);
	}

	/**
	 * {@code @GeneratedColumn} (a stored generated column) and {@code @Generated} with a default: the
	 * generated column is created as one, and compared by its expression as the server prints it.
	 */
	@Test
	void generatedColumns(TestDatabase db) {
		run("generated", List.of("LineItem"), List.of("LineItem"))
			.afterV1((ds) -> {
				execute(ds, "insert into line_item (id, quantity, unit_price) values (1, 3, 2.50)");
				assertThat(Sql.column(ds, "select total || ' ' || pg_get_expr(d.adbin, d.adrelid) from line_item,"
						+ " pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum"
						+ " where a.attrelid = 'line_item'::regclass and a.attname = 'total' and a.attgenerated = 's'"))
					.containsExactly("7.50 ((quantity)::numeric * unit_price)");
			})
			.revision((text) -> assertThat(upgrade(text))
				.isEqualTo("ALTER TABLE line_item ADD COLUMN IF NOT EXISTS note character varying(255);\n"))
			.run(db);
	}

	/**
	 * A generated column whose expression changes is dropped and added again (PostgreSQL cannot alter
	 * it in place), and a new one is added after the column its expression reads.
	 */
	@Test
	void generatedColumnExpressionChangedAndAdded(TestDatabase db) {
		ScenarioRunner runner = run("generatedchange", List.of("Parcel"), List.of("Parcel"));
		runner
			.afterV1((ds) -> execute(ds, "insert into parcel (id, length_cm, width_cm) values (1, 30, 20)"))
			.revision((text) -> {
				assertThat(upgrade(text)).isEqualTo("""
						-- WARNING: drops column parcel.girth and its data
						-- WARNING: the generation expression of parcel.girth changes (generated always as (length_cm + width_cm) -> generated always as (2 * (length_cm + width_cm))), which PostgreSQL cannot alter in place: the column is dropped and added again
						ALTER TABLE parcel DROP COLUMN IF EXISTS girth;
						ALTER TABLE parcel ADD COLUMN IF NOT EXISTS height_cm integer;
						ALTER TABLE parcel ADD COLUMN IF NOT EXISTS girth integer GENERATED ALWAYS AS (2 * (length_cm + width_cm)) STORED;
						ALTER TABLE parcel ADD COLUMN IF NOT EXISTS volume_cm3 integer GENERATED ALWAYS AS ((length_cm * width_cm) * height_cm) STORED;
						""");
				assertThat(downgrade(text)).contains(
						"ALTER TABLE parcel ADD COLUMN IF NOT EXISTS girth integer GENERATED ALWAYS AS (length_cm + width_cm) STORED;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select girth || ' ' || area_cm2 from parcel")).containsExactly("100 600"))
			.afterDowngrade((ds) -> assertThat(runner.migrations(ds, List.of(classes("generatedchange", "v2", List.of("Parcel"))))
				.check()).extracting(Difference::detail)
				.contains("parcel.girth: database has generated always as (length_cm + width_cm), entities want generated"
						+ " always as (2 * (length_cm + width_cm))"))
			.run(db);
	}

	/**
	 * The type of a column a generated column reads changes: PostgreSQL refuses to alter it while the
	 * generated column reads it, so the generated column is dropped before and added again after; a
	 * generated column's own type changes in place.
	 */
	@Test
	void generatedColumnReadingAColumnWhoseTypeChanges(TestDatabase db) {
		run("generatedbase", List.of("Basket"), List.of("Basket"))
			.afterV1((ds) -> execute(ds, "insert into basket (id, items, price) values (1, 3, 2.50)"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					-- WARNING: drops column basket.slots and its data
					-- WARNING: the generated column basket.slots reads items, whose type changes, which PostgreSQL refuses while a generated column reads it: the generated column is dropped before and added again after
					ALTER TABLE basket DROP COLUMN IF EXISTS slots;
					-- WARNING: drops column basket.total and its data
					-- WARNING: the type of the generated column basket.total changes (numeric(12,2) -> numeric(14,2)): it is dropped and added again with its new type
					ALTER TABLE basket DROP COLUMN IF EXISTS total;
					ALTER TABLE basket ALTER COLUMN items TYPE bigint;
					ALTER TABLE basket ADD COLUMN IF NOT EXISTS slots integer GENERATED ALWAYS AS (items + 1) STORED;
					ALTER TABLE basket ADD COLUMN IF NOT EXISTS total numeric(14,2) GENERATED ALWAYS AS ((items)::numeric * price) STORED;
					"""))
			.afterV2((ds) -> assertThat(Sql.column(ds, "select total || ' ' || slots from basket")).containsExactly("7.50 4"))
			.run(db);
	}

	/**
	 * One entity with what a Spring team's model carries together (table and column comments, checks
	 * on the class and a field, defaults, a natural id, a formula, JSON, array, inet and uuid types,
	 * time zone storage, java.time types, large objects, {@code columnDefinition}s in any case and
	 * spacing, a sequence with an initial value, versions, enums, an ordered element collection, a
	 * join table with a unique constraint, Bean Validation) changed in each: the revision is exactly
	 * the changes, and a {@code columnDefinition} only spelled differently is none.
	 */
	@Test
	void aRealisticEntityChangedEverywhere(TestDatabase db) {
		boolean validation = ScenarioRunner.beanValidationOnClassPath();
		run("shipping", List.of("Shipment", "Tag"), List.of("Shipment", "Tag"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select last_value from shipment_seq")).containsExactly("1000"))
			// Hibernate joins @Min and @Max in the order the validator lists them, which changes between JVMs
			.revision((text) -> assertThat(upgrade(text).replace("(stars <= 10 AND stars >= 1)", "(stars >= 1 AND stars <= 10)"))
				.isEqualTo("""
					ALTER TABLE shipment DROP CONSTRAINT IF EXISTS shipment_priority_check;
					""" + (validation ? "ALTER TABLE shipment DROP CONSTRAINT IF EXISTS shipment_stars_check;\n" : "") + """
					ALTER TABLE shipment DROP CONSTRAINT IF EXISTS shipment_status_check;
					ALTER TABLE shipment DROP CONSTRAINT IF EXISTS shipment_weight_grams_check;
					ALTER TABLE shipment DROP CONSTRAINT IF EXISTS shipment_weight_positive;
					ALTER SEQUENCE shipment_seq INCREMENT BY 50;
					ALTER TABLE shipment ADD COLUMN IF NOT EXISTS shipped_at_tz integer;
					ALTER TABLE shipment ADD COLUMN IF NOT EXISTS added character varying(255);
					ALTER TABLE shipment ALTER COLUMN attempts SET DEFAULT 1;
					""" + (validation ? "ALTER TABLE shipment ALTER COLUMN digits TYPE numeric(11,3);\n" : "") + """
					ALTER TABLE shipment ALTER COLUMN fee TYPE numeric(12,2);
					ALTER TABLE shipment ALTER COLUMN five SET DEFAULT 6;
					ALTER TABLE shipment ALTER COLUMN version TYPE bigint;
					""" + (validation ? "ALTER TABLE shipment ALTER COLUMN sized TYPE character varying(40);\n" : "") + """
					ALTER TABLE shipment ALTER COLUMN state SET DEFAULT 'new'::character varying;
					COMMENT ON COLUMN shipment.carrier IS 'carrier';
					COMMENT ON TABLE shipment IS 'Shipments sent out';
					ALTER TABLE shipment ADD CONSTRAINT shipment_priority_check CHECK (priority >= 0 AND priority <= 3);
					""" + (validation ? "ALTER TABLE shipment ADD CONSTRAINT shipment_stars_check CHECK (stars >= 1 AND stars <= 10);\n"
							: "") + """
					ALTER TABLE shipment ADD CONSTRAINT shipment_status_check CHECK (status::text = ANY (ARRAY['NEW'::character varying, 'SENT'::character varying, 'DELIVERED'::character varying, 'LOST'::character varying]::text[]));
					-- WARNING: fails if rows of shipment violate it
					ALTER TABLE shipment ADD CONSTRAINT shipment_weight_grams_check CHECK (weight_grams < 2000000);
					-- WARNING: fails if rows of shipment violate it
					ALTER TABLE shipment ADD CONSTRAINT shipment_weight_positive CHECK (weight_grams >= 10);
					"""))
			.run(db);
	}

	/**
	 * Converters that change the column: Hibernate's yes/no, true/false and numeric boolean
	 * converters (with their checks), an auto-applied converter of a record to {@code bigint}, and one
	 * of an enum to a {@code varchar}.
	 */
	@Test
	void convertersChangeTheColumnType(TestDatabase db) {
		run("converters", List.of("Account", "MoneyConverter", "ColorConverter"),
				List.of("Account", "MoneyConverter", "ColorConverter"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select column_name || ' ' || data_type"
					+ " from information_schema.columns where table_name = 'account' order by column_name"))
				.containsExactly("active character", "balance bigint", "color character varying", "id bigint",
						"verified character"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					-- WARNING: fails if account has rows: NOT NULL archived has no default; add it nullable, backfill it, then SET NOT NULL, or give it a default
					ALTER TABLE account ADD COLUMN IF NOT EXISTS archived integer NOT NULL;
					ALTER TABLE account ADD COLUMN IF NOT EXISTS credit_limit bigint;
					ALTER TABLE account ADD CONSTRAINT account_archived_check CHECK (archived = ANY (ARRAY[0, 1]));
					"""))
			.run(db);
	}

	/** Embeddables with attribute overrides, including a nested embeddable's attributes. */
	@Test
	void embeddablesWithOverrides(TestDatabase db) {
		run("embeddables", List.of("Company", "Address", "GeoPoint"), List.of("Company", "Address", "GeoPoint"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select column_name || ' ' || format_type(atttypid, atttypmod)"
					+ " || ' ' || attnotnull from information_schema.columns c join pg_attribute a"
					+ " on a.attrelid = 'company'::regclass and a.attname = c.column_name where c.table_name = 'company'"
					+ " and column_name like 'hq%' order by column_name"))
				// an override's column replaces the embeddable's: the postal code loses its length and NOT NULL
				.containsExactly("hq_city character varying(255) true", "hq_lat double precision false",
						"hq_lng double precision false", "hq_postal_code character varying(255) false",
						"hq_street character varying(80) false"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE company ADD COLUMN IF NOT EXISTS ship_lat double precision;
					ALTER TABLE company ADD COLUMN IF NOT EXISTS ship_lng double precision;
					ALTER TABLE company ADD COLUMN IF NOT EXISTS ship_postal_code character varying(12);
					ALTER TABLE company ADD COLUMN IF NOT EXISTS ship_city character varying(255);
					ALTER TABLE company ADD COLUMN IF NOT EXISTS ship_street character varying(255);
					"""))
			.run(db);
	}

	/**
	 * Collection tables and their keys in Hibernate's column order: a set of strings, a list with an
	 * {@code @OrderColumn}, a map with an {@code @MapKeyColumn}, a list of embeddables (no key), and
	 * an ordered one-to-many join table.
	 */
	@Test
	void collectionTablesWithOrderAndMapKeyColumns(TestDatabase db) {
		run("collections", List.of("Recipe", "Ingredient"), List.of("Recipe", "Ingredient", "Review"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select conrelid::regclass || ' ' || pg_get_constraintdef(oid)"
					+ " from pg_constraint where contype = 'p' and conrelid::regclass::text like 'recipe_%' order by 1"))
				// a set of strings whose element may be null has no key; the others are in Hibernate's column order
				.containsExactly("recipe_quantities PRIMARY KEY (recipe_id, unit)",
						"recipe_step PRIMARY KEY (\"position\", recipe)"))
			.revision((text) -> assertThat(upgrade(text)).contains("""
					CREATE TABLE IF NOT EXISTS recipe_rating (
					    stars integer,
					    recipe_id bigint NOT NULL,
					    reviewer character varying(40) NOT NULL,
					    CONSTRAINT recipe_rating_pkey PRIMARY KEY (recipe_id, reviewer)
					);
					""").contains("""
					CREATE TABLE IF NOT EXISTS recipe_review (
					    rank integer NOT NULL,
					    recipe_id bigint NOT NULL,
					    reviews_id bigint NOT NULL,
					    CONSTRAINT recipe_review_pkey PRIMARY KEY (rank, recipe_id),
					    CONSTRAINT recipe_review_reviews_id_key UNIQUE (reviews_id),
					    CONSTRAINT recipe_review_rank_check CHECK (rank >= 0)
					);
					"""))
			.run(db);
	}

	/** {@code JOINED}: a new subclass is a new table whose key references the parent's. */
	@Test
	void joinedInheritance(TestDatabase db) {
		run("joined", List.of("Payment", "CardPayment", "BankTransfer"),
				List.of("Payment", "CardPayment", "BankTransfer", "WalletPayment"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					CREATE TABLE IF NOT EXISTS wallet_payment (
					    id bigint NOT NULL,
					    wallet_account character varying(255),
					    wallet_provider character varying(255),
					    CONSTRAINT wallet_payment_pkey PRIMARY KEY (id)
					);
					ALTER TABLE wallet_payment ADD CONSTRAINT fk_wallet_payment_id__payment FOREIGN KEY (id) REFERENCES payment (id);
					"""))
			.run(db);
	}

	/**
	 * {@code SINGLE_TABLE}: a new subclass adds nullable columns and a value to the discriminator's
	 * check; Bean Validation's {@code @NotNull} on a subclass stays nullable in the shared table.
	 */
	@Test
	void singleTableInheritance(TestDatabase db) {
		run("singletable", List.of("Vehicle", "Car"), List.of("Vehicle", "Car", "Truck"))
			.afterV1((ds) -> execute(ds, "insert into vehicle (id, dtype, plate) values (1, 'Vehicle', 'B-1')"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE vehicle DROP CONSTRAINT IF EXISTS vehicle_dtype_check;
					ALTER TABLE vehicle ADD COLUMN IF NOT EXISTS payload_tons double precision;
					ALTER TABLE vehicle ADD CONSTRAINT vehicle_dtype_check CHECK (dtype::text = ANY (ARRAY['Vehicle'::character varying, 'Car'::character varying, 'TRUCK'::character varying]::text[]));
					"""))
			.run(db);
	}

	/** {@code TABLE_PER_CLASS}: each concrete class has a whole table of its own. */
	@Test
	void tablePerClassInheritance(TestDatabase db) {
		run("tableperclass", List.of("Animal", "Dog", "Cat"), List.of("Animal", "Dog", "Cat", "Parrot"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					CREATE TABLE IF NOT EXISTS parrot (
					    words integer,
					    id bigint NOT NULL,
					    name character varying(255),
					    CONSTRAINT parrot_pkey PRIMARY KEY (id)
					);
					"""))
			.run(db);
	}

	/** {@code @SecondaryTable}: its columns are added to the second table. */
	@Test
	void secondaryTable(TestDatabase db) {
		run("secondarytable", List.of("Customer"), List.of("Customer"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select pg_get_constraintdef(oid) from pg_constraint"
					+ " where conrelid = 'customer_details'::regclass and contype = 'f'"))
				.containsExactly("FOREIGN KEY (customer_id) REFERENCES customer(id)"))
			.revision((text) -> assertThat(upgrade(text))
				.isEqualTo("ALTER TABLE customer_details ADD COLUMN IF NOT EXISTS tax_number character varying(30);\n"))
			.run(db);
	}

	/** {@code @NaturalId}: a unique constraint over the natural id's columns. */
	@Test
	void naturalId(TestDatabase db) {
		run("naturalid", List.of("Book"), List.of("Book"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE book DROP CONSTRAINT IF EXISTS book_isbn_key;
					ALTER TABLE book ADD COLUMN IF NOT EXISTS edition integer;
					ALTER TABLE book ADD CONSTRAINT book_edition_isbn_key UNIQUE (edition, isbn);
					"""))
			.run(db);
	}

	/** {@code @SoftDelete}: the indicator column of each strategy, with the comment Hibernate gives it. */
	@Test
	void softDelete(TestDatabase db) {
		run("softdelete", List.of("Comment"), List.of("Comment", "Topic", "Member"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select column_name || ' ' || data_type || ' ' || is_nullable"
					+ " from information_schema.columns where table_name = 'comment' and column_name = 'deleted'"))
				.containsExactly("deleted boolean NO"))
			.revision((text) -> assertThat(upgrade(text)).contains("""
					CREATE TABLE IF NOT EXISTS member (
					    active boolean NOT NULL,
					    id bigint NOT NULL,
					    name character varying(255),
					    CONSTRAINT member_pkey PRIMARY KEY (id)
					);
					COMMENT ON COLUMN member.active IS 'Soft-delete indicator';
					""").contains("    deleted timestamp(6) with time zone,\n"))
			.run(db);
	}

	/**
	 * An embeddable stored as one JSON document ({@code @Embedded @JdbcTypeCode(SqlTypes.JSON)}): a
	 * {@code jsonb} column with the check Hibernate writes for the enum inside it, which the rows of a
	 * filled table pass while the new column is empty.
	 */
	@Test
	void embeddableAsJson(TestDatabase db) {
		run("jsonembeddable", List.of("Subscriber"), List.of("Subscriber", "Preferences"))
			.afterV1((ds) -> execute(ds, "insert into subscriber (id, email) values (1, 'a@example.com')"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE subscriber ADD COLUMN IF NOT EXISTS preferences jsonb;
					ALTER TABLE subscriber ADD CONSTRAINT subscriber_preferences_check CHECK (preferences IS NULL OR ((preferences ->> 'theme'::text)::character varying) IS NULL OR ((((preferences ->> 'theme'::text)::character varying)::text) = ANY (ARRAY['LIGHT'::character varying, 'DARK'::character varying]::text[])));
					"""))
			.afterV2((ds) -> execute(ds, "update subscriber set preferences = '{\"theme\": \"DARK\", \"newsletter\": true}'"))
			.run(db);
	}

	/**
	 * Columns first written as {@code columnDefinition}s in the server's other spellings of their types
	 * ({@code int8}, {@code bpchar(1)}, {@code timetz}, {@code float4}, {@code varchar(255)[]}, {@code oid},
	 * {@code interval second(6)}) and then mapped as Hibernate makes them (a {@code List} as an array, JSON,
	 * {@code @Lob}, {@code @JdbcTypeCode}): no difference either way round.
	 */
	@Test
	void typesSpelledOtherwiseInAColumnDefinitionAreNoDifference(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		List<Class<?>> definitions = List.of(classes("spellings", "v1", List.of("Spelling")));
		List<Class<?>> mapped = List.of(classes("spellings", "v2", List.of("Spelling")));
		runner.migrations(db.dataSource(), definitions).migrate("definitions");
		runner.migrations(db.dataSource(), definitions).upgrade("head");
		assertThat(runner.migrations(db.dataSource(), mapped).check()).isEmpty();
		assertThat(runner.migrations(db.dataSource(), mapped).migrate("mapped").written()).isFalse();
		runner.assertHibernateCreatedSchemaHasNoDrift(mapped);
		runner.assertHibernateCreatedSchemaHasNoDrift(definitions);
	}

	/**
	 * The column types and mapping features applications use (UUID keys, arrays, JSON, inet, intervals,
	 * java.time types, large objects, converters, element collections of enums and embeddables,
	 * {@code columnDefinition}s of every kind), each changed to a compatible type: each change is exactly
	 * its {@code ALTER}, with the {@code USING} that keeps the values as the application read them.
	 */
	@Test
	void everyTypeChangedToACompatibleOne(TestDatabase db) {
		String id = "6a1e0f3c-1f3e-4b8e-9f00-000000000001";
		run("everytype", List.of("Gizmo", "Widget"), List.of("Gizmo", "Widget"))
			.afterV1((ds) -> execute(ds, "insert into gizmo (id, version, serial, counts, address, letter, dbl, real_value,"
					+ " required, big, plain_decimal, lob_text, kind_short, raw_json) values ('" + id + "', now(), 'S1',"
					+ " '{1,2}', '10.0.0.1', 'x', 1, 1.5, 'r', 12345, 12.5, lo_from_bytea(0, convert_to('hello', 'UTF8')),"
					+ " 'SMALL', '{\"a\": 1}')", "insert into widget (version, not_empty, gizmo_id, legacy_date, cash,"
					+ " plain_json, mode, xml, code3, any_numeric) values (0, 'n', '" + id + "', '2024-01-02', 12.34,"
					+ " '{\"b\": 2}', 'a', '<a/>', 'abc', 3.14159)"))
			.revision((text) -> assertThat(upgrade(text)).contains(
					"ALTER TABLE gizmo ALTER COLUMN counts TYPE bigint[];\n",
					"ALTER TABLE gizmo ALTER COLUMN address TYPE character varying(45) USING abbrev(address);\n",
					"ALTER TABLE gizmo ALTER COLUMN lob_text TYPE text USING convert_from(lo_get(lob_text), 'UTF8');\n",
					"ALTER TABLE gizmo ALTER COLUMN int4 TYPE bigint;\n", "ALTER TABLE gizmo ALTER COLUMN cv TYPE text;\n",
					"ALTER TABLE gizmo ALTER COLUMN real_value TYPE double precision;\n",
					"ALTER TABLE gizmo ALTER COLUMN money TYPE numeric(12,2);\n",
					"ALTER TABLE widget ALTER COLUMN seq SET GENERATED BY DEFAULT;\n",
					"ALTER TABLE widget ALTER COLUMN plain_json TYPE jsonb;\n",
					"ALTER TABLE widget ALTER COLUMN cash TYPE numeric(12,2);\n",
					"ALTER TABLE widget ALTER COLUMN serial_no DROP DEFAULT;\n")
				.doesNotContain("<expression"))
			.afterV2((ds) -> assertThat(Sql.column(ds, "select address || ' ' || lob_text || ' ' || counts::text || ' '"
					+ " || plain_decimal || ' ' || big || ' ' || cash || ' ' || plain_json::text from gizmo, widget"))
				.containsExactly("10.0.0.1 hello {1,2} 13 12345 12.34 {\"b\": 2}"))
			.run(db);
	}

	/** {@code @TenantId}: a column like any other, not null. */
	@Test
	void tenantId(TestDatabase db) {
		run("tenant", List.of("Document"), List.of("Document", "Folder"))
			.revision((text) -> assertThat(upgrade(text)).contains("    tenant character varying(255) NOT NULL,\n"))
			.run(db);
	}

	/**
	 * The mapping features of Hibernate 6 and 7 applications have started to use, on one entity:
	 * {@code @IdClass} and {@code @Embeddable} records, {@code @EmbeddedColumnNaming}, {@code @SoftDelete}
	 * with its own column name and converter, {@code @SecondaryRow}, {@code @PartitionKey},
	 * {@code @ConcreteProxy}, {@code @SQLRestriction}, {@code @ColumnTransformer(write)}, {@code Year},
	 * {@code YearMonth}, {@code Duration}, {@code @TimeZoneStorage(COLUMN)}, the time-based
	 * {@code @UuidGenerator}s.
	 */
	@Test
	void hibernateSixAndSevenMappings(TestDatabase db) {
		run("modern", List.of("Parcel", "Token"), List.of("Parcel", "Token"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select column_name || ' ' || format_type(atttypid, atttypmod)"
					+ " from information_schema.columns c join pg_attribute a on a.attrelid = 'parcel'::regclass"
					+ " and a.attname = c.column_name where c.table_name = 'parcel' order by column_name"))
				.containsExactly("billing_month bytea", "carrier character varying(255)", "code character varying(255)",
						"from_city character varying(255)", "from_zip character varying(255)",
						"labels character varying(255)[]", "number bigint", "picked_up_at timestamp(6) with time zone",
						"picked_up_at_tz integer", "removed character(1)", "season integer", "transit numeric(21,0)",
						"weight integer"))
			.revision((text) -> assertThat(upgrade(text)).contains(
					"ALTER TABLE parcel ADD COLUMN IF NOT EXISTS delivered_at_tz integer;\n",
					"ALTER TABLE parcel ADD COLUMN IF NOT EXISTS to_city character varying(255);\n",
					"ALTER TABLE parcel_customs ADD COLUMN IF NOT EXISTS declared_in integer;\n",
					"ALTER TABLE parcel ALTER COLUMN removed TYPE integer USING removed::integer;\n",
					"ALTER TABLE parcel ADD CONSTRAINT parcel_removed_check CHECK (removed = ANY (ARRAY[0, 1]));\n",
					"ALTER TABLE parcel ADD CONSTRAINT parcel_season_recent CHECK (season >= 2000);\n")
				.doesNotContain("weight", "upper(", "region"))
			.run(db);
	}

	/**
	 * {@code @SoftDelete} added to entities whose tables hold rows: the indicator is {@code NOT NULL}, and
	 * the rows there are take its "not deleted" value (as the strategy and converter store it) instead of
	 * the statement failing on them; the column keeps no default, as Hibernate maps it.
	 */
	@Test
	void softDeleteAddedToAFilledTable(TestDatabase db) {
		run("softdeleteadded", List.of("Note", "Memo", "Pin"), List.of("Note", "Memo", "Pin"))
			.afterV1((ds) -> execute(ds, "insert into note (id, body) values (1, 'kept')",
					"insert into memo (id, body) values (1, 'kept')", "insert into memo_tags (memo_id, tags) values (1, 'a')",
					"insert into pin (id) values (1)"))
			.revision((text) -> {
				assertThat(upgrade(text)).startsWith("""
						ALTER TABLE memo ADD COLUMN IF NOT EXISTS active character(1) DEFAULT 'Y' NOT NULL;
						ALTER TABLE memo ALTER COLUMN active DROP DEFAULT;
						COMMENT ON COLUMN memo.active IS 'Soft-delete indicator';
						ALTER TABLE memo_tags ADD COLUMN IF NOT EXISTS deleted boolean DEFAULT false NOT NULL;
						ALTER TABLE memo_tags ALTER COLUMN deleted DROP DEFAULT;
						COMMENT ON COLUMN memo_tags.deleted IS 'Soft-delete indicator';
						ALTER TABLE note ADD COLUMN IF NOT EXISTS archived boolean DEFAULT false NOT NULL;
						ALTER TABLE note ALTER COLUMN archived DROP DEFAULT;
						COMMENT ON COLUMN note.archived IS 'Soft-delete indicator';
						ALTER TABLE pin ADD COLUMN IF NOT EXISTS active boolean DEFAULT true NOT NULL;
						ALTER TABLE pin ALTER COLUMN active DROP DEFAULT;
						COMMENT ON COLUMN pin.active IS 'Soft-delete indicator';
						""").doesNotContain("has no default");
				assertThat(downgrade(text)).contains("ALTER TABLE note DROP COLUMN IF EXISTS archived;\n");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select n.archived || ' ' || m.active || ' ' || coalesce("
					+ "(select column_default from information_schema.columns where table_name = 'note'"
					+ " and column_name = 'archived'), 'none') || ' ' || p.active || ' ' || t.deleted from note n, memo m, pin p, memo_tags t"))
				.containsExactly("false Y none true false"))
			.run(db);
	}

	/**
	 * {@code @OrderColumn} added to lists whose tables hold rows (an element collection, a many-to-many's
	 * join table): the index is {@code NOT NULL} and part of the key, so the rows there are are numbered
	 * within their owner, from the list's base, in the order they are stored, instead of the statement
	 * failing on them; the downgrade drops the index and keeps the rows.
	 */
	@Test
	void orderColumnAddedToFilledLists(TestDatabase db) {
		run("ordercolumnadded", List.of("Playlist", "Track"), List.of("Playlist", "Track"))
			.afterV1((ds) -> execute(ds, "insert into playlist (id) values (1), (2)",
					"insert into track (id, title) values (10, 'x'), (11, 'y'), (12, 'z')",
					"insert into playlist_tags (playlist_id, tags) values (1, 'a'), (2, 'c'), (1, 'b')",
					"insert into playlist_tracks (playlist_id, tracks_id) values (1, 11), (2, 12), (1, 10)"))
			.revision((text) -> assertThat(upgrade(text)).startsWith("""
					ALTER TABLE playlist_tags ADD COLUMN IF NOT EXISTS tags_order integer;
					-- WARNING: numbers the rows of each (playlist_id) of playlist_tags from 0 in the order they are stored, which is the order they were written in unless they were updated since; update tags_order after this statement if the lists must keep another order
					UPDATE playlist_tags AS t SET tags_order = numbered.list_index FROM (SELECT ctid AS row_id, row_number() OVER (PARTITION BY playlist_id ORDER BY ctid) - 1 AS list_index FROM playlist_tags) AS numbered WHERE t.ctid = numbered.row_id;
					ALTER TABLE playlist_tags ALTER COLUMN tags_order SET NOT NULL;
					ALTER TABLE playlist_tracks ADD COLUMN IF NOT EXISTS "position" integer;
					-- WARNING: numbers the rows of each (playlist_id) of playlist_tracks from 1 in the order they are stored, which is the order they were written in unless they were updated since; update "position" after this statement if the lists must keep another order
					UPDATE playlist_tracks AS t SET "position" = numbered.list_index FROM (SELECT ctid AS row_id, row_number() OVER (PARTITION BY playlist_id ORDER BY ctid) AS list_index FROM playlist_tracks) AS numbered WHERE t.ctid = numbered.row_id;
					ALTER TABLE playlist_tracks ALTER COLUMN "position" SET NOT NULL;
					""").doesNotContain("has no default"))
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select playlist_id || ' ' || tags_order || ' ' || tags from playlist_tags order by 1"))
					.containsExactly("1 0 a", "1 1 b", "2 0 c");
				assertThat(Sql.column(ds, "select playlist_id || ' ' || position || ' ' || tracks_id from playlist_tracks"
						+ " order by 1")).containsExactly("1 1 11", "1 2 10", "2 1 12");
			})
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select playlist_id || ' ' || tags from playlist_tags order by 1"))
				.containsExactly("1 a", "1 b", "2 c"))
			.run(db);
	}

	/**
	 * {@code @OrderColumn} added to lists of owners with composite keys (an {@code @EmbeddedId}, an
	 * {@code @IdClass}) and to one-to-many lists (a join column, a {@code mappedBy}), whose index goes into the
	 * children's table: each owner's rows are numbered apart, from the list's base (a one-to-many's list
	 * is read by its index: a child of the list left without one fails the owner's loading), and the
	 * children no owner holds keep no index.
	 */
	@Test
	void orderColumnAddedToListsOfCompositeOwnersAndJoinColumns(TestDatabase db) {
		List<String> entities = List.of("Shelf", "Crate", "Folder", "Item", "Doc", "Binder", "Page");
		run("ordercolumnowners", entities, entities)
			.validatedByHibernate()
			.afterV1((ds) -> execute(ds, "insert into shelf (room, slot) values ('a', 1), ('a', 2)",
					"insert into shelf_labels (shelf_room, shelf_slot, labels) values ('a', 1, 'x'), ('a', 2, 'y'), ('a', 1, 'z')",
					"insert into item (id) values (10), (11), (12)",
					"insert into crate (site, number) values ('s', 1), ('s', 2)",
					"insert into crate_items (crate_site, crate_number, items_id) values ('s', 1, 11), ('s', 2, 12), ('s', 1, 10)",
					"insert into folder (id) values (1), (2)",
					"insert into doc (id, title, folder_id) values (100, 'p', 1), (101, 'q', null), (102, 'r', 2), (103, 's', 1), (104, 't', null)",
					"insert into binder (id) values (1)", "insert into page (id, binder_id) values (7, 1), (8, null), (9, 1)"))
			.revision((text) -> assertThat(upgrade(text)).contains("""
					UPDATE crate_items AS t SET slot_no = numbered.list_index FROM (SELECT ctid AS row_id, row_number() OVER (PARTITION BY crate_site, crate_number ORDER BY ctid) AS list_index FROM crate_items) AS numbered WHERE t.ctid = numbered.row_id;
					""", """
					ALTER TABLE doc ADD COLUMN IF NOT EXISTS doc_order integer;
					-- WARNING: numbers the rows of each (folder_id) of doc from 3 in the order they are stored, which is the order they were written in unless they were updated since; update doc_order after this statement if the lists must keep another order; the rows of no (folder_id) keep no index
					UPDATE doc AS t SET doc_order = numbered.list_index FROM (SELECT ctid AS row_id, row_number() OVER (PARTITION BY folder_id ORDER BY ctid) + 2 AS list_index FROM doc WHERE folder_id IS NOT NULL) AS numbered WHERE t.ctid = numbered.row_id;
					ALTER TABLE page ADD COLUMN IF NOT EXISTS pages_order integer;
					""", """
					UPDATE shelf_labels AS t SET labels_order = numbered.list_index FROM (SELECT ctid AS row_id, row_number() OVER (PARTITION BY shelf_room, shelf_slot ORDER BY ctid) - 1 AS list_index FROM shelf_labels) AS numbered WHERE t.ctid = numbered.row_id;
					ALTER TABLE shelf_labels ALTER COLUMN labels_order SET NOT NULL;
					""").doesNotContain("ALTER TABLE doc ALTER COLUMN doc_order SET NOT NULL", "ALTER TABLE page ALTER COLUMN"))
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select shelf_slot || ' ' || labels_order || ' ' || labels from shelf_labels order by 1"))
					.containsExactly("1 0 x", "1 1 z", "2 0 y");
				assertThat(Sql.column(ds, "select crate_number || ' ' || slot_no || ' ' || items_id from crate_items order by 1"))
					.containsExactly("1 1 11", "1 2 10", "2 1 12");
				assertThat(Sql.column(ds, "select id || ' ' || coalesce(folder_id::text, '-') || ' ' || coalesce(doc_order::text, '-')"
						+ " from doc order by id")).containsExactly("100 1 3", "101 - -", "102 2 3", "103 1 4", "104 - -");
				assertThat(Sql.column(ds, "select id || ' ' || coalesce(pages_order::text, '-') from page order by id"))
					.containsExactly("7 0", "8 -", "9 1");
			})
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select id || ' ' || coalesce(folder_id::text, '-') from doc order by id"))
				.containsExactly("100 1", "101 -", "102 2", "103 1", "104 -"))
			.run(db);
	}

	private ScenarioRunner run(String scenario, List<String> v1, List<String> v2) {
		return new ScenarioRunner(this.directory).v1(classes(scenario, "v1", v1)).v2(classes(scenario, "v2", v2));
	}

	// the version's class, or the class both versions share, in the scenario's own package
	private static Class<?>[] classes(String scenario, String version, List<String> names) {
		return names.stream().map((name) -> {
			try {
				return Class.forName(PACKAGE + scenario + "." + version + "." + name);
			}
			catch (ClassNotFoundException ex) {
				try {
					return Class.forName(PACKAGE + scenario + "." + name);
				}
				catch (ClassNotFoundException notShared) {
					throw new IllegalArgumentException(notShared);
				}
			}
		}).toArray(Class<?>[]::new);
	}

	/** The statements of the upgrade section, with their warnings, without the header comment. */
	static String upgrade(String revision) {
		String section = revision.substring(revision.indexOf("-- upgrade\n") + "-- upgrade\n".length(),
				revision.indexOf("\n-- downgrade\n"));
		return section.replaceAll("(?m)^-- Generated by .*\n", "");
	}

	static String downgrade(String revision) {
		return revision.substring(revision.indexOf("-- downgrade\n") + "-- downgrade\n".length());
	}

}
