package dev.migrations.autogenerate.scenarios.domains;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole domain models written the way well-known open-source applications write them, each through
 * the round trip of {@link ScenarioRunner}: from an empty database the revision applies and
 * {@code check} is empty, a schema Hibernate creates itself shows no drift, and a handful of real
 * changes give exactly those changes.
 */
@ExtendWith(TestDatabaseExtension.class)
class DomainScenariosTest {

	private static final String PACKAGE = "dev.migrations.autogenerate.scenarios.domains.";

	@TempDir
	Path directory;

	/**
	 * Spring PetClinic's model: mapped superclasses {@code BaseEntity}, {@code NamedEntity} and
	 * {@code Person} shared by owners and vets, one-to-many join columns with {@code @OrderBy}, a
	 * {@code @JoinTable}. v2 shortens a column of the superclass (both tables follow), adds an e-mail, a
	 * unique licence and an index.
	 */
	@Test
	void petClinic(TestDatabase db) {
		domain("petclinic", List.of("Owner", "Vet", "Pet", "PetType", "Specialty", "Visit"),
				List.of("Owner", "Vet", "Pet", "PetType", "Specialty", "Visit"))
			.afterV1((ds) -> assertThat(columns(ds, "owners")).containsExactly("id integer NOT NULL",
					"address character varying(255)" + bv(" NOT NULL", ""), "city character varying(255)" + bv(" NOT NULL", ""),
					"first_name character varying(255)" + bv(" NOT NULL", ""),
					"last_name character varying(255)" + bv(" NOT NULL", ""),
					"telephone character varying(255)" + bv(" NOT NULL", "")))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE owners ADD COLUMN IF NOT EXISTS email character varying(%s);
					ALTER TABLE vets ADD COLUMN IF NOT EXISTS license character varying(20);
					-- WARNING: narrows owners.last_name from character varying(255) to character varying(80): values longer than 80 characters make this fail; shorten them first
					ALTER TABLE owners ALTER COLUMN last_name TYPE character varying(80);
					-- WARNING: narrows vets.last_name from character varying(255) to character varying(80): values longer than 80 characters make this fail; shorten them first
					ALTER TABLE vets ALTER COLUMN last_name TYPE character varying(80);
					ALTER TABLE vets ADD CONSTRAINT vets_license_key UNIQUE (license);
					CREATE INDEX IF NOT EXISTS ix_owners_last_name ON owners (last_name);
					""".formatted(bv("120", "255"))))
			.run(db);
	}

	/** PetClinic's {@code Integer} ids become {@code Long}: every key and every column referencing one. */
	@Test
	void petClinicMovesToLongIds(TestDatabase db) {
		List<String> entities = List.of("Owner", "Vet", "Pet", "PetType", "Specialty", "Visit");
		new ScenarioRunner(this.directory).v1(classes("petclinic", "v1", entities))
			.v2(classes("petclinic", "longids", entities))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					-- WARNING: fails if visits has rows: NOT NULL vet_id has no default; add it nullable, backfill it, then SET NOT NULL, or give it a default
					ALTER TABLE visits ADD COLUMN IF NOT EXISTS vet_id bigint NOT NULL;
					ALTER TABLE owners ALTER COLUMN id TYPE bigint;
					ALTER TABLE pets ALTER COLUMN id TYPE bigint;
					ALTER TABLE pets ALTER COLUMN owner_id TYPE bigint;
					ALTER TABLE pets ALTER COLUMN type_id TYPE bigint;
					ALTER TABLE specialties ALTER COLUMN id TYPE bigint;
					ALTER TABLE types ALTER COLUMN id TYPE bigint;
					ALTER TABLE vet_specialties ALTER COLUMN specialty_id TYPE bigint;
					ALTER TABLE vet_specialties ALTER COLUMN vet_id TYPE bigint;
					ALTER TABLE vets ALTER COLUMN id TYPE bigint;
					ALTER TABLE visits ALTER COLUMN id TYPE bigint;
					ALTER TABLE visits ALTER COLUMN pet_id TYPE bigint;
					ALTER TABLE visits ADD CONSTRAINT fk_visits_vet_id__vets FOREIGN KEY (vet_id) REFERENCES vets (id);
					"""))
			.run(db);
	}

	/** Keycloak's style: upper-case names in the annotations, folded by Spring's naming strategy. */
	@Test
	void identityProvider(TestDatabase db) {
		identity(UnaryOperator.identity(), List.of("keycloak_role", "keycloak_role_role_kind_check", "service_account",
				"realm", "display_name_html", "role_kind"))
			.afterV1((ds) -> {
				assertThat(columns(ds, "keycloak_role")).contains("role_kind character(1) NOT NULL");
				// a primitive with a @Column is nullable to Hibernate, like any other
				assertThat(columns(ds, "realm")).contains("password_history smallint", "otp_digits smallint",
						"otp_kind character(1)", "theme_code character(1)", "lockout_factor real", "version bigint NOT NULL");
				assertThat(Sql.column(ds, "select pg_get_constraintdef(oid) from pg_constraint"
						+ " where conrelid = 'federated_identity'::regclass and contype in ('p', 'f') order by contype"))
					.containsExactly("FOREIGN KEY (user_id) REFERENCES user_entity(id)",
							"PRIMARY KEY (user_id, identity_provider)");
			})
			.run(db);
	}

	/** The names as written, as an application keeping Hibernate's standard physical naming strategy. */
	@Test
	void identityProviderWithTheNamesAsWritten(TestDatabase db) {
		identity((source) -> source.withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class),
				List.of("keycloak_role", "keycloak_role_role_kind_check", "service_account", "realm", "display_name_html",
						"role_kind"))
			.run(db);
	}

	/** The names as written and quoted, so the server keeps them upper-case. */
	@Test
	void identityProviderWithQuotedNames(TestDatabase db) {
		identity((source) -> source.withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withSetting("hibernate.globally_quoted_identifiers", "true"),
				List.of("\"KEYCLOAK_ROLE\"", "\"KEYCLOAK_ROLE_ROLE_KIND_check\"", "\"SERVICE_ACCOUNT\"", "\"REALM\"",
						"\"DISPLAY_NAME_HTML\"", "\"ROLE_KIND\""))
			.run(db);
	}

	/**
	 * v2 adds a column to the realm and a third kind of role: its column, and its one-character
	 * discriminator value in the check.
	 */
	private ScenarioRunner identity(UnaryOperator<EntitySource> configuration, List<String> names) {
		List<String> v1 = List.of("RealmEntity", "UserEntity", "CredentialEntity", "FederatedIdentityEntity",
				"UserRoleMappingEntity", "RoleEntity", "RealmRole", "ClientRole");
		List<String> v2 = new ArrayList<>(v1);
		v2.add("ServiceRole");
		return domain("identity", v1, v2).configure(configuration)
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE %1$s DROP CONSTRAINT IF EXISTS %2$s;
					ALTER TABLE %1$s ADD COLUMN IF NOT EXISTS %3$s character varying(36);
					ALTER TABLE %4$s ADD COLUMN IF NOT EXISTS %5$s character varying(2048);
					ALTER TABLE %1$s ADD CONSTRAINT %2$s CHECK (%6$s = ANY (ARRAY['R'::bpchar, 'C'::bpchar, 'S'::bpchar]));
					""".formatted(names.toArray())));
	}

	/**
	 * Broadleaf's style: ids from one shared {@code @TableGenerator} table, {@code JOINED} with a
	 * {@code @PrimaryKeyJoinColumn}, {@code TABLE_PER_CLASS} on a sequence, a {@code @SecondaryTable},
	 * an {@code @EmbeddedId} with {@code @MapsId}, an {@code @IdClass}, overrides of nested embeddables,
	 * converters ({@code YesNoConverter}, to a {@code Character}, from a set), {@code @Temporal}, maps
	 * keyed by a column and by an entity, an {@code @OrderColumn} on a many-to-many. v2 adds an embedded
	 * amount and widens two columns.
	 */
	@Test
	void commerce(TestDatabase db) {
		List<String> entities = List.of("Category", "Product", "ProductBundle", "PaymentInfo", "CreditCardPayment",
				"GiftCardPayment", "OrderItem", "OrderItemAttribute", "FulfillmentItem", "Store");
		domain("commerce", entities, entities)
			.afterV1((ds) -> {
				// the generators of three entities share one table, a row each
				assertThat(columns(ds, "sequence_generator")).containsExactly("id_val bigint",
						"id_name character varying(255) NOT NULL");
				assertThat(columns(ds, "blc_product_bundle")).contains("product_id bigint NOT NULL");
				// an override's column replaces the embeddable's, NOT NULL included; a nested one's path is dotted
				assertThat(columns(ds, "blc_store")).contains("street character varying(120)", "lat double precision",
						"min_order_amount numeric(12,2)", "min_order_currency character(3)");
			})
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE blc_store ADD COLUMN IF NOT EXISTS delivery_fee_amount numeric(38,2);
					ALTER TABLE blc_store ADD COLUMN IF NOT EXISTS delivery_fee_currency character(3);
					ALTER TABLE blc_order_item_attribute ALTER COLUMN value TYPE character varying(1024);
					ALTER TABLE blc_store ALTER COLUMN min_order_amount TYPE numeric(19,2);
					"""))
			.run(db);
	}

	/**
	 * The RealWorld "conduit" back end as Spring applications write it: UUID ids
	 * ({@code GenerationType.UUID}), auditing columns and a version from a mapped superclass, a
	 * {@code @NaturalId} e-mail, an {@code @EmbeddedId} with {@code @MapsId}, an {@code @IdClass}, a
	 * sequence of allocation size 50, a {@code @Lob} and a text body, a {@code @Formula}, an
	 * {@code @SQLRestriction}, a many-to-many whose join table has a named unique constraint, Hibernate
	 * Validator's {@code @Email}, {@code @Size(min, max)} and {@code @Pattern}. v2 adds a column and an
	 * index, renames a column, turns a bounded bio into text and tightens a title's bound.
	 */
	@Test
	void conduit(TestDatabase db) {
		List<String> entities = List.of("User", "Article", "Comment", "Follow", "Tag", "Favorite");
		domain("conduit", entities, entities).validatedByHibernate()
			.revision((text) -> {
				if (ScenarioRunner.beanValidationOnClassPath()) {
					assertThat(upgrade(text)).isEqualTo("""
							-- WARNING: probable rename: users.image and avatar_url have the same type, nullability and default; if this is not a rename, replace this statement with: ALTER TABLE users DROP COLUMN IF EXISTS image; ALTER TABLE users ADD COLUMN IF NOT EXISTS avatar_url character varying(255)
							ALTER TABLE users RENAME COLUMN image TO avatar_url;
							ALTER TABLE users ADD COLUMN IF NOT EXISTS display_name character varying(80);
							-- WARNING: narrows articles.title from character varying(200) to character varying(150): values longer than 150 characters make this fail; shorten them first
							ALTER TABLE articles ALTER COLUMN title TYPE character varying(150);
							ALTER TABLE users ALTER COLUMN bio TYPE text;
							CREATE INDEX IF NOT EXISTS ix_comments_author ON comments (author_id);
							""");
				}
				else {
					// without Validator the display name is a varchar(255) too: which new column the image became is ambiguous
					assertThat(text).contains("-- WARNING: not proposed as a rename: users.image has the same type, nullability"
							+ " and default as users.avatar_url and users.display_name, so which one it became is ambiguous;");
				}
				assertThat(text).contains("CREATE INDEX IF NOT EXISTS ix_comments_author ON comments (author_id);\n");
			})
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into users (id, email, username, password, bio, image,"
					+ " created_at, updated_at, version) values ('5b4f6f4e-0f5e-4d1c-9a43-1f6f0e1c2a10', 'jake@jake.jake', 'jake',"
					+ " 'x', 'I work at statefarm', 'https://i.stack.imgur.com/xHWG8.jpg', now(), now(), 0)"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select username || ' ' || bio || ' ' || coalesce(image, '-') from users"))
				.containsExactly("jake I work at statefarm " + bv("https://i.stack.imgur.com/xHWG8.jpg", "-")))
			.run(db);
	}

	/**
	 * A shop with every inheritance strategy: products in one table told apart by a discriminator column,
	 * payments {@code JOINED} with a discriminator and a {@code @PrimaryKeyJoinColumn}, notifications
	 * {@code TABLE_PER_CLASS}, three entities sharing one sequence generator; nested embeddables overridden
	 * with {@code @AttributeOverride} (dotted paths), element collections with {@code @OrderColumn} and
	 * {@code @MapKeyColumn}, JSON and array columns, {@code Year} and {@code Duration}, decimals bounded by
	 * {@code @Digits}, {@code @DecimalMin} and {@code @DecimalMax}, enums stored as strings and as ordinals,
	 * {@code @ColumnDefault}, indexes in {@code @Table}. v2 adds enum constants, a column on the root and on
	 * a subclass, an index, renames a column, widens a length and changes two validator bounds.
	 */
	@Test
	void storefront(TestDatabase db) {
		List<String> entities = List.of("Product", "Book", "DigitalProduct", "Payment", "CardPayment", "BankTransfer",
				"Notification", "EmailNotification", "SmsNotification", "CustomerOrder", "Coupon", "StockLevel");
		domain("storefront", entities, entities).validatedByHibernate()
			.revision((text) -> {
				if (ScenarioRunner.beanValidationOnClassPath()) {
					// Hibernate joins @Min and @Max in the order Hibernate Validator lists them, which changes between runs
					assertThat(upgrade(text).replace("(rating >= 0 AND rating <= 10)", "(rating <= 10 AND rating >= 0)")).isEqualTo("""
							ALTER TABLE products DROP CONSTRAINT IF EXISTS products_rating_check;
							ALTER TABLE products DROP CONSTRAINT IF EXISTS products_status_check;
							ALTER TABLE products DROP CONSTRAINT IF EXISTS products_visibility_check;
							CREATE TABLE IF NOT EXISTS product_images (
							    product_id bigint NOT NULL,
							    url character varying(512)
							);
							CREATE TABLE IF NOT EXISTS product_regions (
							    product_id bigint NOT NULL,
							    region character varying(8),
							    CONSTRAINT product_regions_product_id_region_key UNIQUE (product_id, region)
							);
							CREATE TABLE IF NOT EXISTS product_translations (
							    product_id bigint NOT NULL,
							    locale character varying(10) NOT NULL,
							    title character varying(200),
							    CONSTRAINT product_translations_pkey PRIMARY KEY (product_id, locale)
							);
							-- WARNING: probable rename: products.support_email and contact_email have the same type, nullability and default; if this is not a rename, replace this statement with: ALTER TABLE products DROP COLUMN IF EXISTS support_email; ALTER TABLE products ADD COLUMN IF NOT EXISTS contact_email character varying(255)
							ALTER TABLE products RENAME COLUMN support_email TO contact_email;
							ALTER TABLE products ADD COLUMN IF NOT EXISTS weight_grams integer;
							ALTER TABLE products ADD COLUMN IF NOT EXISTS publisher character varying(120);
							ALTER TABLE products ALTER COLUMN sku TYPE character varying(80);
							-- WARNING: narrows products.name from character varying(200) to character varying(150): values longer than 150 characters make this fail; shorten them first
							ALTER TABLE products ALTER COLUMN name TYPE character varying(150);
							-- WARNING: drops column products.internal_notes and its data
							ALTER TABLE products DROP COLUMN IF EXISTS internal_notes;
							CREATE INDEX IF NOT EXISTS ix_products_status ON products (status);
							ALTER TABLE products ADD CONSTRAINT products_rating_check CHECK (rating <= 10 AND rating >= 0);
							ALTER TABLE products ADD CONSTRAINT products_status_check CHECK (status::text = ANY (ARRAY['DRAFT'::character varying, 'ACTIVE'::character varying, 'ON_SALE'::character varying, 'RETIRED'::character varying]::text[]));
							ALTER TABLE products ADD CONSTRAINT products_visibility_check CHECK (visibility >= 0 AND visibility <= 2);
							ALTER TABLE product_images ADD CONSTRAINT fk_product_images_product_id__products FOREIGN KEY (product_id) REFERENCES products (id);
							ALTER TABLE product_regions ADD CONSTRAINT fk_product_regions_product_id__products FOREIGN KEY (product_id) REFERENCES products (id);
							ALTER TABLE product_translations ADD CONSTRAINT fk_product_translations_product_id__products FOREIGN KEY (product_id) REFERENCES products (id);
							""");
				}
				else {
					assertThat(text).contains("-- WARNING: not proposed as a rename: products.support_email has the same type,"
							+ " nullability and default as products.contact_email and products.publisher");
				}
			})
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into products (id, product_type, sku, name, price,"
					+ " support_email, internal_notes, status) values (1, 'BOOK', 'B-1', 'Dune', 12.5, 'help@shop.test', 'n', 'ACTIVE')"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select sku || ' ' || coalesce(support_email, '-') || ' ' || status from products"))
				.containsExactly("B-1 " + bv("help@shop.test", "-") + " ACTIVE"))
			.run(db);
	}

	/**
	 * The shop's next release: an unordered element collection gets an {@code @OrderColumn}, a map key
	 * column widens, {@code @Digits} and {@code @DecimalMax} widen a price, an ordinal enum becomes a
	 * string one, and a nullable count becomes {@code @NotNull} with a {@code @ColumnDefault}.
	 */
	@Test
	void storefrontNextRelease(TestDatabase db) {
		List<String> entities = List.of("Product", "Book", "DigitalProduct", "Payment", "CardPayment", "BankTransfer",
				"Notification", "EmailNotification", "SmsNotification", "CustomerOrder", "Coupon", "StockLevel");
		new ScenarioRunner(this.directory).v1(classes("storefront", "v2", entities))
			.v2(classes("storefront", "v3", entities))
			.validatedByHibernate()
			.afterV1((ds) -> ScenarioRunner.execute(ds,
					"insert into products (id, product_type, sku, name, price, stock, visibility) values (1, 'BOOK', 'B-1', 'Dune', 12.5, 3, 1)",
					"insert into product_images (product_id, url) values (1, 'front.png'), (1, 'back.png')",
					"insert into product_translations (product_id, locale, title) values (1, 'fr', 'Dune')"))
			.revision((text) -> assertThat(ScenarioRunner.beanValidationOnClassPath() ? upgrade(text) : "").isIn("", """
					ALTER TABLE products DROP CONSTRAINT IF EXISTS products_visibility_check;
					ALTER TABLE product_images ADD COLUMN IF NOT EXISTS "position" integer;
					-- WARNING: numbers the rows of each (product_id) of product_images from 0 in the order they are stored, which is the order they were written in unless they were updated since; update "position" after this statement if the lists must keep another order
					UPDATE product_images AS t SET "position" = numbered.list_index FROM (SELECT ctid AS row_id, row_number() OVER (PARTITION BY product_id ORDER BY ctid) - 1 AS list_index FROM product_images) AS numbered WHERE t.ctid = numbered.row_id;
					ALTER TABLE product_images ALTER COLUMN "position" SET NOT NULL;
					ALTER TABLE product_translations ALTER COLUMN locale TYPE character varying(16);
					ALTER TABLE products ALTER COLUMN price TYPE numeric(15,3);
					ALTER TABLE products ALTER COLUMN stock SET DEFAULT 0;
					-- WARNING: fails if products.stock holds NULL: backfill first, e.g. UPDATE products SET stock = DEFAULT WHERE stock IS NULL
					ALTER TABLE products ALTER COLUMN stock SET NOT NULL;
					-- WARNING: converts the enum positions in products.visibility to its labels (0 is 'HIDDEN', 1 is 'CATALOG', 2 is 'SEARCH'), as its checks before and after say it holds the same enum
					ALTER TABLE products ALTER COLUMN visibility TYPE character varying(10) USING (ARRAY['HIDDEN', 'CATALOG', 'SEARCH'])[visibility + 1];
					-- WARNING: fails if product_images holds NULL or duplicate values in ("position", product_id)
					ALTER TABLE product_images ADD CONSTRAINT product_images_pkey PRIMARY KEY ("position", product_id);
					-- WARNING: fails if rows of product_images violate it
					ALTER TABLE product_images ADD CONSTRAINT product_images_position_check CHECK ("position" >= 0);
					ALTER TABLE products ADD CONSTRAINT products_visibility_check CHECK (visibility::text = ANY (ARRAY['HIDDEN'::character varying, 'CATALOG'::character varying, 'SEARCH'::character varying]::text[]));
					"""))
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select sku || ' ' || price || ' ' || stock || ' ' || visibility from products"))
					.containsExactly("B-1 12.500 3 CATALOG");
				// the images the list held keep the order they were written in
				assertThat(Sql.column(ds, "select position || ' ' || url from product_images order by position"))
					.containsExactly("0 front.png", "1 back.png");
			})
			.afterDowngrade((ds) -> {
				assertThat(Sql.column(ds, "select sku || ' ' || price || ' ' || stock || ' ' || visibility from products"))
					.containsExactly("B-1 12.50 3 1");
				assertThat(Sql.column(ds, "select locale || ' ' || title from product_translations")).containsExactly("fr Dune");
				assertThat(Sql.column(ds, "select url from product_images order by url")).containsExactly("back.png", "front.png");
			})
			.run(db);
	}

	/**
	 * The identity realm's next release (see {@code RealApplicationScenariosTest#identityRealm}): an enum
	 * constant used by a set, a map key and an ordinal list, an array's length, fractional seconds, a
	 * float's precision, a comment, a {@code @Check}, a validator bound, {@code @OnDelete} removed, a
	 * subclass with an integer discriminator value and a column added to another.
	 */
	@Test
	void identityRealm(TestDatabase db) {
		List<String> entities = List.of("RealmEntity", "ClientEntity", "ConfidentialClient", "ClientProfile");
		List<String> v2 = new ArrayList<>(entities);
		v2.add("PublicClient");
		domain("realm", entities, v2).validatedByHibernate()
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into realm (id, name, access_token_lifespan, flag, weight, level,"
					+ " priority, version, ratio, touched) values ('r1', 'master', 300, 'y', 1.5, 1, 2, now(), 0.25, now())",
					"insert into realm_ordinal_flows (realm_id, idx, ordinal_flows) values ('r1', 0, 2)",
					"insert into client (id, client_kind, realm_id, client_id, secret) values (1, 1, 'r1', 'admin-cli', 's')"))
			// a float's precision within double precision and an array's length change nothing on PostgreSQL
			.revision((text) -> assertThat(upgrade(text)).contains("""
					ALTER TABLE client ADD COLUMN IF NOT EXISTS pkce_required boolean;
					ALTER TABLE client ADD COLUMN IF NOT EXISTS jwks_url character varying(%s);
					ALTER TABLE realm ALTER COLUMN created TYPE timestamp(6) with time zone;
					COMMENT ON COLUMN realm.ssl_required IS 'Where SSL is required, by address';
					ALTER TABLE client ADD CONSTRAINT client_client_kind_check CHECK (client_kind = ANY (ARRAY[0, 1, 2]));
					""".formatted(bv("512", "255")), """
					-- WARNING: fails if rows of realm violate it
					ALTER TABLE realm ADD CONSTRAINT realm_lifespan_positive CHECK (access_token_lifespan >= 60);
					ALTER TABLE realm_flow_timeouts ADD CONSTRAINT realm_flow_timeouts_flow_check CHECK (flow::text = ANY (ARRAY['BROWSER'::character varying, 'DIRECT_GRANT'::character varying, 'RESET'::character varying, 'DEVICE'::character varying]::text[]));
					ALTER TABLE realm_ordinal_flows ADD CONSTRAINT realm_ordinal_flows_ordinal_flows_check CHECK (ordinal_flows >= 0 AND ordinal_flows <= 3);
					ALTER TABLE realm_required_flows ADD CONSTRAINT realm_required_flows_flow_check CHECK (flow::text = ANY (ARRAY['BROWSER'::character varying, 'DIRECT_GRANT'::character varying, 'RESET'::character varying, 'DEVICE'::character varying]::text[]));
					""").doesNotContain("ratio", "otp_digits"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select r.name || ' ' || r.ratio || ' ' || c.client_id || ' '"
					+ " || f.ordinal_flows from realm r, client c, realm_ordinal_flows f")).containsExactly("master 0.25 admin-cli 2"))
			.run(db);
	}

	/**
	 * The shop's release after: a column on the root of the {@code TABLE_PER_CLASS} notifications (every
	 * concrete table gets it) and a column on a {@code JOINED} subclass, with rows in both.
	 */
	@Test
	void storefrontInheritanceRelease(TestDatabase db) {
		List<String> entities = List.of("Product", "Book", "DigitalProduct", "Payment", "CardPayment", "BankTransfer",
				"Notification", "EmailNotification", "SmsNotification", "CustomerOrder", "Coupon", "StockLevel");
		new ScenarioRunner(this.directory).v1(classes("storefront", "v3", entities))
			.v2(classes("storefront", "v4", entities))
			.validatedByHibernate()
			.afterV1((ds) -> ScenarioRunner.execute(ds,
					"insert into email_notification (id, recipient, body) values (1, 'a@b.test', null)",
					"insert into orders (id, order_number, street, status, version) values (1000, 'O-1', 'Main 1', 'NEW', 0)",
					"insert into payments (id, kind, amount, order_id) values ('5b4f6f4e-0f5e-4d1c-9a43-1f6f0e1c2a10', 'CARD', 10, 1000)",
					"insert into card_payments (payment_id, last4) values ('5b4f6f4e-0f5e-4d1c-9a43-1f6f0e1c2a10', '4242')"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE card_payments ADD COLUMN IF NOT EXISTS holder_name character varying(%s);
					ALTER TABLE email_notification ADD COLUMN IF NOT EXISTS channel character varying(20);
					ALTER TABLE sms_notification ADD COLUMN IF NOT EXISTS channel character varying(20);
					""".formatted(bv("26", "255"))))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select e.recipient || ' ' || c.last4 from email_notification e,"
					+ " card_payments c")).containsExactly("a@b.test 4242"))
			.run(db);
	}

	/** The value for this run: with Hibernate Validator on the class path, or without it. */
	private static <T> T bv(T withValidator, T withoutValidator) {
		return ScenarioRunner.beanValidationOnClassPath() ? withValidator : withoutValidator;
	}

	/** The statements of the upgrade section, without the header comment. */
	private static String upgrade(String revision) {
		return ScenarioRunner.upgradeSection(revision);
	}

	private static List<String> columns(DataSource dataSource, String table) {
		return Sql.column(dataSource, "select attname || ' ' || format_type(atttypid, atttypmod)"
				+ " || case when attnotnull then ' NOT NULL' else '' end from pg_attribute where attrelid = '" + table
				+ "'::regclass and attnum > 0 and not attisdropped order by attnum");
	}

	private ScenarioRunner domain(String domain, List<String> v1, List<String> v2) {
		return new ScenarioRunner(this.directory).v1(classes(domain, "v1", v1)).v2(classes(domain, "v2", v2));
	}

	// the version's class, or the class both versions of the domain share
	private static Class<?>[] classes(String domain, String version, List<String> names) {
		return names.stream()
			.map((name) -> load(PACKAGE + domain + "." + version + "." + name, PACKAGE + domain + "." + name))
			.toArray(Class<?>[]::new);
	}

	private static Class<?> load(String... candidates) {
		for (String candidate : candidates) {
			try {
				return Class.forName(candidate);
			}
			catch (ClassNotFoundException ex) {
				// the next candidate
			}
		}
		throw new IllegalArgumentException("None of " + List.of(candidates) + " exists");
	}

}
