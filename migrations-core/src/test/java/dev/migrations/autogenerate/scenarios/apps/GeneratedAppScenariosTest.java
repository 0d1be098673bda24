package dev.migrations.autogenerate.scenarios.apps;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.beanValidationOnClassPath;
import static dev.migrations.autogenerate.ScenarioRunner.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of application mappings: entities in the style of generated applications (JHipster:
 * audit columns, a shared sequence generator, {@code @NotNull}/{@code @Size}/{@code @Pattern}/
 * {@code @DecimalMin} fields, enums, owner and inverse {@code @ManyToMany} sides, {@code @OneToOne
 * @MapsId}, element collections, {@code Instant}/{@code LocalDate}/{@code ZonedDateTime},
 * {@code byte[]} with {@code @Lob} and content-type columns, UUID ids). Each goes through the round
 * trip of {@link ScenarioRunner}, including a schema Hibernate itself creates from v1 and from v2.
 * <p>
 * The suite runs twice: with Hibernate Validator on the class path, as with
 * spring-boot-starter-validation, and without it (the {@code without-bean-validation} test
 * execution). Each scenario asserts the SQL of both; {@link #bv} picks the one of this run.
 */
@ExtendWith(TestDatabaseExtension.class)
class GeneratedAppScenariosTest {

	private static final String PACKAGE = "dev.migrations.autogenerate.scenarios.apps.";

	@TempDir
	Path directory;

	@Test
	void blogWithTagsOnBothSidesOfAManyToMany(TestDatabase db) {
		app("blog", List.of("Blog", "Post", "Tag", "@User", "@Authority"), List.of("Blog", "Post", "Tag", "@User", "@Authority"))
			.afterV1((ds) -> {
				assertThat(primaryKey(ds, "rel_post__tag")).isEqualTo("PRIMARY KEY (post_id, tag_id)");
				assertThat(primaryKey(ds, "jhi_user_authority")).isEqualTo("PRIMARY KEY (user_id, authority_name)");
				// the generator every entity declares is one sequence
				assertThat(Sql.column(ds, "select sequencename from pg_sequences where sequencename not like 'migrations%'"))
					.containsExactly("sequence_generator");
				assertThat(columns(ds, "post")).contains("content text NOT NULL");
			})
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					ALTER TABLE post ADD COLUMN IF NOT EXISTS summary character varying(500);
					-- WARNING: narrows blog.handle from character varying(255) to character varying(30): values longer than 30 characters make this fail; shorten them first
					ALTER TABLE blog ALTER COLUMN handle TYPE character varying(30);
					""", """
					ALTER TABLE post ADD COLUMN IF NOT EXISTS summary character varying(255);
					""")))
			.run(db);
	}

	@Test
	void usersWithAuthoritiesAndAuditColumns(TestDatabase db) {
		// v1 is the user every other scenario shares
		app("users", List.of("@User", "@Authority"), List.of("User", "@Authority"))
			.afterV1((ds) -> {
				assertThat(columns(ds, "jhi_user")).contains("login character varying(50) NOT NULL",
						"password_hash character varying(60) NOT NULL", "created_by character varying(50) NOT NULL",
						"created_date timestamp(6) with time zone", "activated boolean NOT NULL");
				assertThat(columns(ds, "jhi_authority")).containsExactly("name character varying(50) NOT NULL");
				assertThat(primaryKey(ds, "jhi_user_authority")).isEqualTo("PRIMARY KEY (user_id, authority_name)");
			})
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE jhi_user ADD COLUMN IF NOT EXISTS phone character varying(20);
					ALTER TABLE jhi_user ALTER COLUMN image_url TYPE character varying(512);
					"""))
			.run(db);
	}

	@Test
	void storeWithAnEnumValueAddedAndAnImageWithItsContentType(TestDatabase db) {
		app("store", List.of("Product", "ProductCategory"), List.of("Product", "ProductCategory"))
			.afterV1((ds) -> assertThat(columns(ds, "product")).contains("price numeric(21,2) NOT NULL", "image oid",
					"image_content_type character varying(255)", "product_size character varying(255) NOT NULL"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE product DROP CONSTRAINT IF EXISTS product_product_size_check;
					ALTER TABLE product ADD CONSTRAINT product_product_size_check CHECK (product_size::text = ANY (ARRAY['S'::character varying, 'M'::character varying, 'L'::character varying, 'XL'::character varying, 'XXL'::character varying]::text[]));
					"""))
			.run(db);
	}

	@Test
	void ordersWithRequiredRelationshipsAndAQuantityBound(TestDatabase db) {
		app("orders", List.of("Customer", "ProductOrder", "OrderItem", "@User", "@Authority"),
				List.of("Customer", "ProductOrder", "OrderItem", "@User", "@Authority"))
			.afterV1((ds) -> {
				assertThat(columns(ds, "customer")).contains("user_id bigint NOT NULL");
				assertThat(checks(ds, "order_item")).filteredOn((check) -> check.startsWith("order_item_quantity"))
					.containsExactlyElementsOf(bv(List.of("order_item_quantity_check quantity >= 0"), List.of()));
			})
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					ALTER TABLE order_item DROP CONSTRAINT IF EXISTS order_item_quantity_check;
					ALTER TABLE product_order ADD COLUMN IF NOT EXISTS notes character varying(2000);
					-- WARNING: fails if rows of order_item violate it
					ALTER TABLE order_item ADD CONSTRAINT order_item_quantity_check CHECK (quantity >= 0 AND quantity <= 1000);
					""", """
					ALTER TABLE product_order ADD COLUMN IF NOT EXISTS notes character varying(255);
					""")))
			.run(db);
	}

	@Test
	void invoicesWithDigitsAndARequiredCurrency(TestDatabase db) {
		app("invoices", List.of("Invoice", "Shipment"), List.of("Invoice", "Shipment"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					-- WARNING: fails if invoice has rows: NOT NULL currency has no default; add it nullable, backfill it, then SET NOT NULL, or give it a default
					ALTER TABLE invoice ADD COLUMN IF NOT EXISTS currency character varying(3) NOT NULL;
					-- WARNING: narrows invoice.payment_amount from numeric(38,2) to numeric(12,2): values with more than 10 digits before the decimal point make this fail
					ALTER TABLE invoice ALTER COLUMN payment_amount TYPE numeric(12,2);
					""", """
					ALTER TABLE invoice ADD COLUMN IF NOT EXISTS currency character varying(255);
					""")))
			.run(db);
	}

	@Test
	void notificationsWithAnEnumValueAndAMinimum(TestDatabase db) {
		app("notifications", List.of("Notification"), List.of("Notification"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE notification DROP CONSTRAINT IF EXISTS notification_format_check;
					ALTER TABLE notification ADD COLUMN IF NOT EXISTS retries integer;
					ALTER TABLE notification ADD CONSTRAINT notification_format_check CHECK (format::text = ANY (ARRAY['EMAIL'::character varying, 'SMS'::character varying, 'PARCEL'::character varying, 'PUSH'::character varying]::text[]));
					""" + bv("""
					ALTER TABLE notification ADD CONSTRAINT notification_retries_check CHECK (retries >= 1);
					""", "")))
			.run(db);
	}

	@Test
	void documentsWithUuidIdsAndAFolderTree(TestDatabase db) {
		app("documents", List.of("Document"), List.of("Document", "Folder"))
			.afterV1((ds) -> assertThat(columns(ds, "document")).contains("id uuid NOT NULL", "content oid NOT NULL",
					"title character varying(255) NOT NULL"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					CREATE TABLE IF NOT EXISTS folder (
					    id uuid NOT NULL,
					    parent_id uuid,
					    name character varying(100)%s,
					    CONSTRAINT folder_pkey PRIMARY KEY (id)
					);
					ALTER TABLE document ADD COLUMN IF NOT EXISTS folder_id uuid;
					ALTER TABLE document ADD CONSTRAINT fk_document_folder_id__folder FOREIGN KEY (folder_id) REFERENCES folder (id);
					ALTER TABLE folder ADD CONSTRAINT fk_folder_parent_id__folder FOREIGN KEY (parent_id) REFERENCES folder (id);
					""".formatted(bv(" NOT NULL", ""))))
			.run(db);
	}

	@Test
	void profilesSharingTheUsersKeyThroughMapsId(TestDatabase db) {
		app("profiles", List.of("UserProfile", "@User", "@Authority"), List.of("UserProfile", "@User", "@Authority"))
			.afterV1((ds) -> assertThat(Sql.column(ds, "select pg_get_constraintdef(oid) from pg_constraint"
					+ " where conrelid = 'user_profile'::regclass and contype in ('p', 'f') order by contype"))
				.containsExactly("FOREIGN KEY (id) REFERENCES jhi_user(id)", "PRIMARY KEY (id)"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE user_profile ADD COLUMN IF NOT EXISTS avatar_content_type character varying(255);
					ALTER TABLE user_profile ADD COLUMN IF NOT EXISTS avatar oid;
					ALTER TABLE user_profile ALTER COLUMN bio TYPE character varying(4000);
					"""))
			.run(db);
	}

	@Test
	void eventsWithEveryTemporalType(TestDatabase db) {
		app("events", List.of("Event"), List.of("Event"))
			.afterV1((ds) -> assertThat(columns(ds, "event")).contains("starts_at timestamp(6) with time zone NOT NULL",
					"duration numeric(21,0)", "day date", "doors_open time(0) without time zone",
					"created_at timestamp(6) with time zone"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE event ADD COLUMN IF NOT EXISTS ends_at timestamp(6) with time zone;
					ALTER TABLE event ADD COLUMN IF NOT EXISTS reminder_at timestamp(6) without time zone;
					"""))
			.run(db);
	}

	@Test
	void bankWithLabelledOperations(TestDatabase db) {
		app("bank", List.of("BankAccount", "Operation", "Label", "@User", "@Authority"),
				List.of("BankAccount", "Operation", "Label", "@User", "@Authority"))
			.afterV1((ds) -> assertThat(primaryKey(ds, "rel_operation__label")).isEqualTo("PRIMARY KEY (label_id, operation_id)"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE operation ADD COLUMN IF NOT EXISTS category character varying(30);
					""" + bv("""
					-- WARNING: narrows label.label from character varying(255) to character varying(50): values longer than 50 characters make this fail; shorten them first
					ALTER TABLE label ALTER COLUMN label TYPE character varying(50);
					""", "")))
			.run(db);
	}

	@Test
	void humanResourcesWithOneToOnesAndASelfReference(TestDatabase db) {
		app("hr", List.of("Region", "Country", "Location", "Department", "Employee", "Job", "Task", "JobHistory"),
				List.of("Region", "Country", "Location", "Department", "Employee", "Job", "Task", "JobHistory"))
			.afterV1((ds) -> {
				assertThat(primaryKey(ds, "rel_job__task")).isEqualTo("PRIMARY KEY (job_id, task_id)");
				assertThat(Sql.column(ds, "select conname from pg_constraint where conrelid = 'job_history'::regclass"
						+ " and contype = 'u' order by 1")).containsExactly("job_history_department_id_key",
								"job_history_employee_id_key", "job_history_job_id_key");
			})
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE employee ADD COLUMN IF NOT EXISTS title character varying(255);
					""" + bv("""
					-- WARNING: narrows employee.phone_number from character varying(255) to character varying(20): values longer than 20 characters make this fail; shorten them first
					ALTER TABLE employee ALTER COLUMN phone_number TYPE character varying(20);
					-- WARNING: fails if rows of employee violate it
					ALTER TABLE employee ADD CONSTRAINT employee_commission_pct_check CHECK (commission_pct >= 0 AND commission_pct <= 100);
					-- WARNING: fails if rows of employee violate it
					ALTER TABLE employee ADD CONSTRAINT employee_salary_check CHECK (salary >= 0);
					""", "")))
			.run(db);
	}

	@Test
	void conferenceWithTextBlobsAndANewRoom(TestDatabase db) {
		app("conference", List.of("Session", "Speaker"), List.of("Session", "Speaker", "Room"))
			.afterV1((ds) -> assertThat(columns(ds, "speaker")).contains("bio text NOT NULL"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					CREATE TABLE IF NOT EXISTS room (
					    seats integer,
					    id bigint NOT NULL,
					    name character varying(40) NOT NULL,
					    CONSTRAINT room_pkey PRIMARY KEY (id),
					    CONSTRAINT room_seats_check CHECK (seats >= 1)
					);
					ALTER TABLE session ADD COLUMN IF NOT EXISTS room_id bigint;
					-- WARNING: narrows speaker.twitter from character varying(255) to character varying(15): values longer than 15 characters make this fail; shorten them first
					ALTER TABLE speaker ALTER COLUMN twitter TYPE character varying(15);
					ALTER TABLE session ADD CONSTRAINT fk_session_room_id__room FOREIGN KEY (room_id) REFERENCES room (id);
					""", """
					CREATE TABLE IF NOT EXISTS room (
					    seats integer,
					    id bigint NOT NULL,
					    name character varying(40),
					    CONSTRAINT room_pkey PRIMARY KEY (id)
					);
					ALTER TABLE session ADD COLUMN IF NOT EXISTS room_id bigint;
					ALTER TABLE session ADD CONSTRAINT fk_session_room_id__room FOREIGN KEY (room_id) REFERENCES room (id);
					""")))
			.run(db);
	}

	@Test
	void libraryWithAYearRange(TestDatabase db) {
		app("library", List.of("Author", "Publisher", "Book"), List.of("Author", "Publisher", "Book"))
			.afterV1((ds) -> assertThat(checks(ds, "book")).containsExactlyElementsOf(bv(
					List.of("book_copies_check copies >= 0", "book_publish_year_check publish_year >= 1450 AND publish_year <= 2100"),
					List.of())))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					ALTER TABLE book DROP CONSTRAINT IF EXISTS book_publish_year_check;
					ALTER TABLE book ADD COLUMN IF NOT EXISTS language character varying(2);
					ALTER TABLE book ADD CONSTRAINT book_publish_year_check CHECK (publish_year >= 1450 AND publish_year <= 2200);
					""", """
					ALTER TABLE book ADD COLUMN IF NOT EXISTS language character varying(255);
					""")))
			.run(db);
	}

	@Test
	void taskTrackerWithAnOrdinalEnumAndAttachments(TestDatabase db) {
		app("tasks", List.of("Project", "Ticket", "Label", "@User", "@Authority"),
				List.of("Project", "Ticket", "Label", "Attachment", "@User", "@Authority"))
			.afterV1((ds) -> assertThat(checks(ds, "ticket")).containsExactly("ticket_priority_check priority >= 0 AND priority <= 2"))
			.revision((text) -> {
				assertThat(text).contains("-- WARNING: attachment.file is stored as oid, a PostgreSQL large object");
				assertThat(upgrade(text)).isEqualTo("""
						CREATE TABLE IF NOT EXISTS attachment (
						    id bigint NOT NULL,
						    ticket_id bigint NOT NULL,
						    file_content_type character varying(255) NOT NULL,
						    file oid NOT NULL,
						    CONSTRAINT attachment_pkey PRIMARY KEY (id)
						);
						ALTER TABLE attachment ADD CONSTRAINT fk_attachment_ticket_id__ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id);
						""");
			})
			.run(db);
	}

	@Test
	void clinicWithElementCollectionsOfStrings(TestDatabase db) {
		app("clinic", List.of("Patient", "Doctor", "Appointment"), List.of("Patient", "Doctor", "Appointment"))
			.afterV1((ds) -> assertThat(primaryKey(ds, "doctor_specialty")).isEqualTo("PRIMARY KEY (doctor_id, specialty)"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					CREATE TABLE IF NOT EXISTS doctor_language (
					    language character varying(2),
					    preference integer NOT NULL,
					    doctor_id bigint NOT NULL,
					    CONSTRAINT doctor_language_pkey PRIMARY KEY (preference, doctor_id),
					    CONSTRAINT doctor_language_preference_check CHECK (preference >= 0)
					);
					""" + bv("ALTER TABLE appointment ALTER COLUMN reason TYPE character varying(1000);\n", "") + """
					ALTER TABLE doctor_language ADD CONSTRAINT fk_doctor_language_doctor_id__doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id);
					"""))
			.run(db);
	}

	@Test
	void recipesWithCollectionsOfEmbeddablesAndAMap(TestDatabase db) {
		app("recipes", List.of("Recipe", "Ingredient"), List.of("Recipe", "Ingredient"))
			// Bean Validation inside the elements of a collection table never reaches the DDL
			.afterV1((ds) -> assertThat(columns(ds, "recipe_ingredient")).containsExactly("grams integer",
					"recipe_id bigint NOT NULL", "name character varying(255)"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					CREATE TABLE IF NOT EXISTS recipe_nutrition (
					    amount numeric(38,2),
					    recipe_id bigint NOT NULL,
					    nutrient character varying(30) NOT NULL,
					    CONSTRAINT recipe_nutrition_pkey PRIMARY KEY (recipe_id, nutrient)
					);
					ALTER TABLE recipe_nutrition ADD CONSTRAINT fk_recipe_nutrition_recipe_id__recipe FOREIGN KEY (recipe_id) REFERENCES recipe (id);
					"""))
			.run(db);
	}

	@Test
	void inventoryWithValidatedEmbeddedAddresses(TestDatabase db) {
		app("inventory", List.of("Warehouse", "Address", "StockItem"), List.of("Warehouse", "Address", "StockItem"))
			.afterV1((ds) -> assertThat(columns(ds, "warehouse")).contains(bv("street character varying(100) NOT NULL",
					"street character varying(255)"), bv("billing_street character varying(100)", "billing_street character varying(255)")))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					ALTER TABLE stock_item DROP CONSTRAINT IF EXISTS stock_item_quantity_check;
					ALTER TABLE stock_item ADD COLUMN IF NOT EXISTS bin character varying(8);
					ALTER TABLE warehouse ALTER COLUMN billing_zip TYPE character varying(12);
					ALTER TABLE warehouse ALTER COLUMN zip TYPE character varying(12);
					-- WARNING: fails if rows of stock_item violate it
					ALTER TABLE stock_item ADD CONSTRAINT stock_item_quantity_check CHECK (quantity >= 0 AND quantity <= 10000);
					""", """
					ALTER TABLE stock_item ADD COLUMN IF NOT EXISTS bin character varying(8);
					""")))
			.run(db);
	}

	@Test
	void auditColumnsInheritedFromAMappedSuperclass(TestDatabase db) {
		app("audit", List.of("Article"), List.of("Article", "Reaction"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					CREATE TABLE IF NOT EXISTS reaction (
					    article_id bigint NOT NULL,
					    created_date timestamp(6) with time zone,
					    id bigint NOT NULL,
					    last_modified_date timestamp(6) with time zone,
					""" + bv("""
					    emoji character varying(16) NOT NULL,
					    created_by character varying(50) NOT NULL,
					    last_modified_by character varying(50),
					""", """
					    created_by character varying(50) NOT NULL,
					    last_modified_by character varying(50),
					    emoji character varying(255),
					""") + """
					    CONSTRAINT reaction_pkey PRIMARY KEY (id)
					);
					ALTER TABLE reaction ADD CONSTRAINT fk_reaction_article_id__article FOREIGN KEY (article_id) REFERENCES article (id);
					"""))
			.run(db);
	}

	@Test
	void enrollmentsWithAnEmbeddedIdMadeOfTwoForeignKeys(TestDatabase db) {
		app("enrollment", List.of("Course", "Student", "Enrollment", "EnrollmentId"),
				List.of("Course", "Student", "Enrollment", "EnrollmentId"))
			.afterV1((ds) -> {
				assertThat(primaryKey(ds, "enrollment")).isEqualTo("PRIMARY KEY (course_id, student_id)");
				assertThat(primaryKey(ds, "student_favourites")).isEqualTo("PRIMARY KEY (favourites_id, student_id)");
			})
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE enrollment ADD COLUMN IF NOT EXISTS status character varying(12);
					ALTER TABLE enrollment ADD CONSTRAINT enrollment_status_check CHECK (status::text = ANY (ARRAY['ACTIVE'::character varying, 'COMPLETED'::character varying, 'DROPPED'::character varying]::text[]));
					"""))
			.run(db);
	}

	@Test
	void realEstateWithBoundsAndDigits(TestDatabase db) {
		app("realestate", List.of("Property", "Photo"), List.of("Property", "Photo"))
			.afterV1((ds) -> assertThat(columns(ds, "property")).contains(bv("price numeric(14,2) NOT NULL",
					"price numeric(38,2) NOT NULL"), "area double precision"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					ALTER TABLE property DROP CONSTRAINT IF EXISTS property_rooms_check;
					ALTER TABLE property ADD COLUMN IF NOT EXISTS floor integer;
					ALTER TABLE property ADD CONSTRAINT property_floor_check CHECK (floor >= 0);
					ALTER TABLE property ADD CONSTRAINT property_rooms_check CHECK (rooms >= 1 AND rooms <= 100);
					""", """
					ALTER TABLE property ADD COLUMN IF NOT EXISTS floor integer;
					""")))
			.run(db);
	}

	@Test
	void flightsBetweenTwoAirportsAndARequiredBookingTime(TestDatabase db) {
		app("flights", List.of("Airport", "Flight", "Passenger", "Booking"), List.of("Airport", "Flight", "Passenger", "Booking"))
			.afterV1((ds) -> assertThat(columns(ds, "airport")).contains(bv("iata character varying(3) NOT NULL",
					"iata character varying(255) NOT NULL")))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					-- WARNING: fails if booking has rows: NOT NULL booked_at has no default; add it nullable, backfill it, then SET NOT NULL, or give it a default
					ALTER TABLE booking ADD COLUMN IF NOT EXISTS booked_at timestamp(6) with time zone NOT NULL;
					""", """
					ALTER TABLE booking ADD COLUMN IF NOT EXISTS booked_at timestamp(6) with time zone;
					""")))
			.run(db);
	}

	@Test
	void chatWithParticipantsAndATextBlobThatMustNotBeBlank(TestDatabase db) {
		app("chat", List.of("Conversation", "Message", "@User", "@Authority"), List.of("Conversation", "Message", "@User", "@Authority"))
			.afterV1((ds) -> {
				assertThat(columns(ds, "message")).contains(bv("content text NOT NULL", "content text"));
				assertThat(primaryKey(ds, "rel_conversation__participant"))
					.isEqualTo("PRIMARY KEY (conversation_id, participant_id)");
			})
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE message ADD COLUMN IF NOT EXISTS edited_at timestamp(6) with time zone;
					ALTER TABLE message ADD COLUMN IF NOT EXISTS reaction character varying(%s);
					""".formatted(bv("10", "255"))))
			.run(db);
	}

	@Test
	void fitnessWithABoundMovedAndDurations(TestDatabase db) {
		app("fitness", List.of("Member", "Workout"), List.of("Member", "Workout"))
			.afterV1((ds) -> execute(ds, "insert into member (id, name, height_cm) values (gen_random_uuid(), 'Ada', 170)"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					ALTER TABLE member DROP CONSTRAINT IF EXISTS member_height_cm_check;
					ALTER TABLE workout ADD COLUMN IF NOT EXISTS notes character varying(500);
					ALTER TABLE member ADD CONSTRAINT member_height_cm_check CHECK (height_cm >= 40 AND height_cm <= 250);
					""", """
					ALTER TABLE workout ADD COLUMN IF NOT EXISTS notes character varying(255);
					""")))
			.afterV2((ds) -> assertThat(Sql.column(ds, "select height_cm from member")).containsExactly("170"))
			.run(db);
	}

	@Test
	void crmWithDealsAndContacts(TestDatabase db) {
		app("crm", List.of("Company", "Contact", "Deal"), List.of("Company", "Contact", "Deal"))
			.afterV1((ds) -> assertThat(columns(ds, "deal")).contains(bv("amount numeric(12,2)", "amount numeric(38,2)")))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE deal DROP CONSTRAINT IF EXISTS deal_stage_check;
					ALTER TABLE deal ADD COLUMN IF NOT EXISTS probability integer;
					""" + bv("""
					ALTER TABLE deal ADD CONSTRAINT deal_probability_check CHECK (probability >= 0 AND probability <= 100);
					""", "") + """
					ALTER TABLE deal ADD CONSTRAINT deal_stage_check CHECK (stage::text = ANY (ARRAY['LEAD'::character varying, 'QUALIFIED'::character varying, 'PROPOSAL'::character varying, 'WON'::character varying, 'LOST'::character varying]::text[]));
					"""))
			.run(db);
	}

	@Test
	void gatewayWithAuditEventDataAndPersistentTokens(TestDatabase db) {
		app("gateway", List.of("PersistentAuditEvent", "@User", "@Authority"),
				List.of("PersistentAuditEvent", "PersistentToken", "@User", "@Authority"))
			.afterV1((ds) -> assertThat(primaryKey(ds, "jhi_persistent_audit_evt_data")).isEqualTo("PRIMARY KEY (event_id, name)"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					CREATE TABLE IF NOT EXISTS jhi_persistent_token (
					    token_date date,
					    user_id bigint,
					    series character varying(20) NOT NULL,
					    token_value character varying(20) NOT NULL,
					    ip_address character varying(39),
					    user_agent character varying(255),
					    CONSTRAINT jhi_persistent_token_pkey PRIMARY KEY (series)
					);
					ALTER TABLE jhi_persistent_token ADD CONSTRAINT fk_jhi_persistent_token_user_id__jhi_user FOREIGN KEY (user_id) REFERENCES jhi_user (id);
					"""))
			.run(db);
	}

	@Test
	void surveyWithAQuotedPositionColumn(TestDatabase db) {
		app("survey", List.of("Survey", "Question", "Choice"), List.of("Survey", "Question", "Choice"))
			.revision((text) -> assertThat(upgrade(text)).isEqualTo(bv("""
					ALTER TABLE question DROP CONSTRAINT IF EXISTS question_position_check;
					ALTER TABLE survey ADD COLUMN IF NOT EXISTS anonymous boolean;
					-- WARNING: fails if rows of question violate it
					ALTER TABLE question ADD CONSTRAINT question_position_check CHECK ("position" >= 1 AND "position" <= 50);
					""", """
					ALTER TABLE survey ADD COLUMN IF NOT EXISTS anonymous boolean;
					""")))
			.run(db);
	}

	// Helpers

	/** The value for this run: with Hibernate Validator on the class path, or without it. */
	private static <T> T bv(T withValidator, T withoutValidator) {
		return beanValidationOnClassPath() ? withValidator : withoutValidator;
	}

	/**
	 * The statements of the upgrade section without the header comment and the large-object warnings
	 * every revision repeats; the bounds of {@code @Min} and {@code @Max} in one order (Hibernate joins
	 * them in the validator's order, which changes from one JVM to the next).
	 */
	private static String upgrade(String revision) {
		String section = revision.substring(revision.indexOf("-- upgrade\n") + "-- upgrade\n".length(),
				revision.indexOf("\n-- downgrade\n"));
		return bounds(section.replaceAll("(?m)^-- Generated by .*\n", "")
			.replaceAll("(?m)^-- WARNING: \\S+ is stored as oid, a PostgreSQL large object.*\n", ""));
	}

	private static String bounds(String sql) {
		return sql.replaceAll("(\"?\\w+\"?) <= (\\d+) AND \\1 >= (\\d+)", "$1 >= $3 AND $1 <= $2");
	}

	private static List<String> columns(DataSource dataSource, String table) {
		return Sql.column(dataSource, "select attname || ' ' || format_type(atttypid, atttypmod)"
				+ " || case when attnotnull then ' NOT NULL' else '' end from pg_attribute where attrelid = '" + table
				+ "'::regclass and attnum > 0 and not attisdropped order by attnum");
	}

	private static List<String> checks(DataSource dataSource, String table) {
		return Sql.column(dataSource, "select conname || ' ' || pg_get_constraintdef(oid, true) from pg_constraint"
				+ " where conrelid = '" + table + "'::regclass and contype = 'c' order by conname")
			.stream()
			.map((check) -> bounds(check.replaceFirst(" CHECK \\((.*)\\)$", " $1")))
			.toList();
	}

	private static String primaryKey(DataSource dataSource, String table) {
		return Sql.column(dataSource, "select pg_get_constraintdef(oid) from pg_constraint where conrelid = '" + table
				+ "'::regclass and contype = 'p'").get(0);
	}

	private ScenarioRunner app(String scenario, List<String> v1, List<String> v2) {
		return new ScenarioRunner(this.directory).v1(classes(scenario, "v1", v1)).v2(classes(scenario, "v2", v2));
	}

	// @Name: a class of the common package (the JHipster user and authority); otherwise the version's
	// class, or the class both versions of the scenario share, in the scenario's own package
	private static Class<?>[] classes(String scenario, String version, List<String> names) {
		return names.stream()
			.map((name) -> name.startsWith("@") ? load(PACKAGE + "common." + name.substring(1))
					: load(PACKAGE + scenario + "." + version + "." + name, PACKAGE + scenario + "." + name))
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
