package dev.migrations.entity;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.migrations.entity.fixtures.shop.Shop;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Table;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every prediction is held against what a real PostgreSQL makes of the same DDL
 * ({@link PredictionAssertions}); these tests also pin down which tables are predicted, so a
 * predictor that gave up on everything would fail here.
 */
class PostgresDdlPredictionTest {

	private static TestDatabase database;

	private Connection connection;

	@BeforeAll
	static void createDatabase() {
		database = TestDatabases.postgres();
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@BeforeEach
	void connect() throws SQLException {
		this.connection = database.connection();
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	@Test
	void predictsTheTablesAnApplicationTypicallyHasExactlyAsTheServerPrintsThem() {
		PostgresDdlPrediction prediction = PredictionAssertions.assertPredictionsMatchTheServer(this.connection,
				read(Ticket.class, Topic.class));

		assertThat(prediction.reasons()).isEmpty();
		assertThat(prediction.tables()).containsOnlyKeys("ticket", "topic");
		Table ticket = prediction.table("ticket").orElseThrow();
		assertThat(ticket.checks()).extracting(CheckConstraint::name)
			.containsExactly("ticket_priority_check", "ticket_state_check");
		assertThat(ticket.comment()).isEqualTo("Support tickets, kept for a year");
		assertThat(ticket.column("subject").orElseThrow().comment()).isEqualTo("what it is about");
	}

	@Test
	void predictsTheShopExceptTablesWithNamedEnumTypesAndPredictsItsSequences() {
		PostgresDdlPrediction prediction = PredictionAssertions.assertPredictionsMatchTheServer(this.connection,
				read(Shop.ENTITIES.toArray(Class<?>[]::new)));

		// customer and orders have a column of the named enum type Priority: left to the server
		assertThat(prediction.tables()).containsOnlyKeys("car", "category", "customer_phone_numbers", "delivery_truck",
				"order_line", "payment", "product", "product_tags", "tag", "vehicle");
		assertThat(prediction.sequences()).containsKeys("category_seq", "order_number_seq", "tag_seq");
	}

	@Test
	void leavesDefaultsAndOtherTablesTheServerMightSpellDifferentlyToTheServer() {
		PostgresDdlPrediction prediction = PredictionAssertions.assertPredictionsMatchTheServer(this.connection,
				model("create table plain (id bigint not null, primary key (id))",
						"create table with_default (id bigint not null, state varchar(10) default 'new', primary key (id))",
						"create table with_user_check (id bigint not null, price numeric(10,2), primary key (id),"
								+ " check (price > 0))",
						"create table with_text_check (id bigint not null, kind text check ((kind in ('A','B'))),"
								+ " primary key (id))",
						"create table \"Quoted\" (id bigint not null, primary key (id))",
						"create table with_interval (id bigint not null, took interval second(6), primary key (id))",
						"create table with_expression_index (id bigint not null, name varchar(20), primary key (id))",
						"create index ix_lower_name on with_expression_index (lower(name))"));

		assertThat(prediction.tables()).containsOnlyKeys("plain", "Quoted");
	}

	@Test
	void doesNotPredictANameTheServerWouldHaveToNumber() throws SQLException {
		// a_b.c and a.b_c both want the unique constraint name a_b_c_key: the server names one a_b_c_key1
		PostgresDdlPrediction prediction = PredictionAssertions.assertPredictionsMatchTheServer(this.connection,
				model("create table a_b (id bigint not null, c varchar(10) unique, primary key (id))",
						"create table a (id bigint not null, b_c varchar(10) unique, primary key (id))",
						"create table other (id bigint not null, primary key (id))",
						"create index other_pkey_x on other (id)", "create table b_pkey (id integer)",
						"create table b (id bigint not null, primary key (id))"));

		// b's primary key would be b_pkey, the name of another table: neither is predicted
		assertThat(prediction.tables()).containsOnlyKeys("other");
	}

	@Test
	void aStatementOfAnUnknownShapeTurnsThePredictionOff() {
		PostgresDdlPrediction prediction = PostgresDdlPrediction
			.of(model("create table plain (id bigint not null, primary key (id))",
					"create view plain_view as select * from plain"));

		assertThat(prediction.enabled()).isFalse();
		assertThat(prediction.disabledReason()).contains("create view plain_view");
		assertThat(prediction.tables()).isEmpty();
		assertThat(prediction.select(Set.of("plain"), Set.of()).statements()).hasSize(2);
	}

	@Test
	void runsOnlyTheTablesStillNeededAndAddsTheirIndexesAndForeignKeysWithoutBuildingThem() {
		EntityModel model = model("create sequence parent_seq start with 1 increment by 50",
				"create sequence child_seq start with 1 increment by 50",
				"create table parent (id bigint not null, name varchar(20), primary key (id))",
				"create table child (id bigint default nextval('child_seq') not null, parent_id bigint, primary key (id))",
				"create index ix_parent_name on parent (name)", "create index ix_child_parent on child (parent_id)",
				"alter table if exists child add constraint fk_child_parent foreign key (parent_id) references parent");
		PostgresDdlPrediction prediction = PredictionAssertions.assertPredictionsMatchTheServer(this.connection, model);

		PostgresDdlPrediction.Selection selection = prediction.select(Set.of("parent"), Set.of("parent_seq", "child_seq"));

		// child_seq stays: the child table, which runs, calls it
		assertThat(selection.statements()).containsExactly("create sequence child_seq start with 1 increment by 50",
				"create table child (id bigint default nextval('child_seq') not null, parent_id bigint, primary key (id))");
		assertThat(selection.supportTables()).isEmpty();
		assertThat(selection.attachments().get("child").indexes()).extracting(dev.migrations.schema.Index::name).containsExactly("ix_child_parent");
		assertThat(selection.attachments().get("child").foreignKeys()).singleElement()
			.satisfies((fk) -> assertThat(fk.referencedColumns()).containsExactly("id"));
		assertThat(prediction.select(Set.of("parent", "child"), Set.of("parent_seq", "child_seq")).statements()).isEmpty();
	}

	@Test
	void createsAReferencedTableBareWhenAForeignKeyToItMustRun() {
		EntityModel model = model("create table parent (id bigint not null, name varchar(20), primary key (id))",
				"create table child (id bigint not null, parent_id bigint, primary key (id))",
				"create index ix_parent_name on parent (name)",
				"alter table if exists child add constraint fk_child_parent foreign key (parent_id) references parent"
						+ " on update cascade");
		PostgresDdlPrediction prediction = PredictionAssertions.assertPredictionsMatchTheServer(this.connection, model);

		PostgresDdlPrediction.Selection selection = prediction.select(Set.of("parent"), Set.of());

		assertThat(prediction.tables()).containsOnlyKeys("parent");
		assertThat(selection.statements()).containsExactly(
				"create table parent (id bigint not null, name varchar(20), primary key (id))",
				"create table child (id bigint not null, parent_id bigint, primary key (id))",
				"alter table if exists child add constraint fk_child_parent foreign key (parent_id) references parent"
						+ " on update cascade");
		assertThat(selection.supportTables()).containsExactly("parent");
	}

	@Test
	void predictsBeanValidationBoundsOnIntegerColumnsAndLeavesCastConstantsToTheServer() {
		EntityModel model = read(Rating.class, Price.class, Offset.class, Huge.class);
		PostgresDdlPrediction prediction = PredictionAssertions.assertPredictionsMatchTheServer(this.connection, model);

		assertThat(prediction.tables()).containsOnlyKeys("rating");
		Table rating = prediction.table("rating").orElseThrow();
		assertThat(rating.checks()).extracting(CheckConstraint::name)
			.containsExactly("rating_count_check", "rating_score_check", "rating_stars_check", "rating_weight_check");
		assertThat(rating.column("label").orElseThrow().type()).isEqualTo("character varying(40)");
		assertThat(rating.column("label").orElseThrow().nullable()).isFalse();
		// the server casts a constant to numeric, prints a negative one and one beyond int with a cast
		assertThat(prediction.reasons()).containsOnlyKeys("price", "offset_value", "huge");
		assertThat(prediction.reasons().get("price")).contains("numeric");
		assertThat(prediction.reasons().get("offset_value")).contains("-5");
		assertThat(prediction.reasons().get("huge")).contains("10000000000");
	}

	private static EntityModel read(Class<?>... classes) {
		return new EntityMetadataReader().read(EntitySource.of(classes));
	}

	private static EntityModel model(String... statements) {
		return new EntityModel(List.of(statements), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(statements), EntityMetadataReader.DEFAULT_DIALECT, null, List.of());
	}

	@Entity(name = "Rating")
	public static class Rating {

		@Id
		Long id;

		@jakarta.validation.constraints.Min(1)
		@jakarta.validation.constraints.Max(5)
		int stars;

		@jakarta.validation.constraints.Min(0)
		@jakarta.validation.constraints.Max(100)
		Integer score;

		@jakarta.validation.constraints.Max(1000)
		short weight;

		@jakarta.validation.constraints.Min(0)
		Long count;

		@jakarta.validation.constraints.NotBlank
		@jakarta.validation.constraints.Size(max = 40)
		String label;

	}

	@Entity(name = "Price")
	public static class Price {

		@Id
		Long id;

		@jakarta.validation.constraints.Min(0)
		BigDecimal amount;

	}

	@Entity(name = "OffsetValue")
	public static class Offset {

		@Id
		Long id;

		@jakarta.validation.constraints.Min(-5)
		int shift;

	}

	@Entity(name = "Huge")
	public static class Huge {

		@Id
		Long id;

		@jakarta.validation.constraints.Max(10000000000L)
		long total;

	}

	public enum State {

		NEW, OPEN, CLOSED

	}

	@Entity(name = "Topic")
	public static class Topic {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE)
		Long id;

		@Column(nullable = false, unique = true, length = 60)
		String title;

		UUID externalId;

		double score;

		float weight;

		LocalDateTime openedAt;

	}

	@Entity(name = "Ticket")
	@jakarta.persistence.Table(indexes = { @Index(name = "ix_ticket_subject", columnList = "subject"),
			@Index(name = "ix_ticket_opened_state", columnList = "opened DESC, state") })
	@Comment("Support tickets, kept for a year")
	public static class Ticket {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

		@Column(nullable = false, length = 120)
		@Comment("what it is about")
		String subject;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false, length = 20)
		State state;

		@Enumerated
		State priority;

		@Column(precision = 12, scale = 2)
		BigDecimal amount;

		boolean urgent;

		LocalDate due;

		Instant opened;

		byte[] attachment;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "topic_id")
		@OnDelete(action = OnDeleteAction.CASCADE)
		Topic topic;

		@ManyToOne(fetch = FetchType.LAZY)
		Ticket duplicateOf;

	}

}
