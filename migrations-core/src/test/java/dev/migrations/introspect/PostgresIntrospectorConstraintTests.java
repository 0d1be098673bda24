package dev.migrations.introspect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.ForeignKey.Action;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Primary keys, unique constraints, foreign keys and check constraints, read from a real PostgreSQL. */
@ExtendWith(TestDatabaseExtension.class)
class PostgresIntrospectorConstraintTests {

	private final PostgresIntrospector introspector = new PostgresIntrospector();

	private Connection connection;

	@BeforeEach
	void connect(TestDatabase database) throws SQLException {
		this.connection = database.connection();
		execute("CREATE SCHEMA app");
	}

	@AfterEach
	void disconnect() throws SQLException {
		this.connection.close();
	}

	@Test
	void readsPrimaryKeysInKeyOrder() throws SQLException {
		execute("CREATE TABLE app.order_line (order_id bigint, line_no int, PRIMARY KEY (line_no, order_id))",
				"CREATE TABLE app.plain (id int CONSTRAINT plain_id_is_key PRIMARY KEY)",
				"CREATE TABLE app.keyless (id int)");

		SchemaModel model = read();

		assertThat(model.table("order_line").orElseThrow().primaryKey())
			.isEqualTo(new PrimaryKey("order_line_pkey", List.of("line_no", "order_id")));
		assertThat(model.table("plain").orElseThrow().primaryKey())
			.isEqualTo(new PrimaryKey("plain_id_is_key", List.of("id")));
		assertThat(model.table("keyless").orElseThrow().primaryKey()).isNull();
	}

	@Test
	void tellsUniqueConstraintsFromUniqueIndexes() throws SQLException {
		execute("""
				CREATE TABLE app.account (
					id int PRIMARY KEY,
					email text CONSTRAINT uk_email UNIQUE,
					tenant int, login text,
					code text,
					CONSTRAINT account_login_key UNIQUE (login, tenant)
				)""", "CREATE UNIQUE INDEX ux_account_code ON app.account (code)");

		Table table = read().table("account").orElseThrow();

		assertThat(table.uniqueConstraints()).containsExactly(
				new UniqueConstraint("account_login_key", List.of("login", "tenant")),
				new UniqueConstraint("uk_email", List.of("email")));
		assertThat(table.indexes())
			.containsExactly(new Index("ux_account_code", List.of("code"), true, "btree", null, List.of()));
	}

	@Test
	void readsForeignKeysWithColumnOrderAndActions() throws SQLException {
		execute("CREATE TABLE app.parent (a int, b int, code text, PRIMARY KEY (a, b))",
				"CREATE UNIQUE INDEX parent_code_ux ON app.parent (code)", """
						CREATE TABLE app.child (
							id int PRIMARY KEY,
							pa int, pb int, parent_code text, other_id int,
							CONSTRAINT fk_cascade FOREIGN KEY (pb, pa) REFERENCES app.parent (b, a)
								ON DELETE CASCADE ON UPDATE SET NULL,
							CONSTRAINT fk_code FOREIGN KEY (parent_code) REFERENCES app.parent (code)
								ON DELETE RESTRICT ON UPDATE SET DEFAULT,
							CONSTRAINT fk_self FOREIGN KEY (other_id) REFERENCES app.child
						)""");

		SchemaModel model = read();

		assertThat(model.table("child").orElseThrow().foreignKeys()).containsExactly(
				new ForeignKey("fk_cascade", List.of("pb", "pa"), null, "parent", List.of("b", "a"), Action.CASCADE,
						Action.SET_NULL),
				new ForeignKey("fk_code", List.of("parent_code"), null, "parent", List.of("code"), Action.RESTRICT,
						Action.SET_DEFAULT),
				new ForeignKey("fk_self", List.of("other_id"), null, "child", List.of("id"), Action.NO_ACTION,
						Action.NO_ACTION));
		// The unique index a foreign key relies on is still an index of its own table.
		assertThat(model.table("parent").orElseThrow().indexes()).extracting(Index::name)
			.containsExactly("parent_code_ux");
	}

	@Test
	void namesTheSchemaOfAReferencedTableElsewhere() throws SQLException {
		execute("CREATE SCHEMA shared", "CREATE TABLE shared.country (code char(2) PRIMARY KEY)",
				"CREATE TABLE app.address (id int, country char(2) CONSTRAINT fk_country REFERENCES shared.country)");

		assertThat(read().table("address").orElseThrow().foreignKeys()).containsExactly(new ForeignKey("fk_country",
				List.of("country"), "shared", "country", List.of("code"), Action.NO_ACTION, Action.NO_ACTION));
	}

	@Test
	void readsCheckExpressionsWithoutTheCheckKeyword() throws SQLException {
		execute("""
				CREATE TABLE app.product (
					price numeric(10,2) CONSTRAINT price_positive CHECK (price > 0),
					status varchar(20) CHECK (status IN ('DRAFT', 'PUBLISHED')),
					name text NOT NULL,
					CONSTRAINT tricky CHECK (name <> ')' AND (price < 100 OR name LIKE '%(%'))
				)""", "ALTER TABLE app.product ADD CONSTRAINT later CHECK (length(name) > 2) NOT VALID");

		assertThat(read().table("product").orElseThrow().checks()).containsExactly(
				new CheckConstraint("later", "length(name) > 2"),
				new CheckConstraint("price_positive", "price > 0::numeric"),
				new CheckConstraint("product_status_check",
						"status::text = ANY (ARRAY['DRAFT'::character varying, 'PUBLISHED'::character varying]::text[])"),
				new CheckConstraint("tricky", "name <> ')'::text AND (price < 100::numeric OR name ~~ '%(%'::text)"));
	}

	@Test
	void readsTheCheckHibernateWritesForAnEnumeratedColumn() throws SQLException {
		execute("create table app.bulletin (id bigint not null, status varchar(255) "
				+ "check ((status in ('DRAFT','PUBLISHED','ARCHIVED'))), primary key (id))");

		assertThat(read().table("bulletin").orElseThrow().checks())
			.containsExactly(new CheckConstraint("bulletin_status_check", "status::text = ANY (ARRAY["
					+ "'DRAFT'::character varying, 'PUBLISHED'::character varying, 'ARCHIVED'::character varying"
					+ "]::text[])"));
	}

	@Test
	void keepsQuotedNamesInConstraints() throws SQLException {
		execute("CREATE TABLE app.\"Order\" (\"Id\" int CONSTRAINT \"Order_PK\" PRIMARY KEY, "
				+ "\"user\" text CONSTRAINT \"Unique User\" UNIQUE, \"Amount\" int CONSTRAINT \"Amount_Positive\" CHECK (\"Amount\" > 0), "
				+ "\"parent\" int CONSTRAINT \"Parent_FK\" REFERENCES app.\"Order\")");

		Table table = read().table("Order").orElseThrow();

		assertThat(table.primaryKey()).isEqualTo(new PrimaryKey("Order_PK", List.of("Id")));
		assertThat(table.uniqueConstraints()).containsExactly(new UniqueConstraint("Unique User", List.of("user")));
		assertThat(table.checks()).containsExactly(new CheckConstraint("Amount_Positive", "\"Amount\" > 0"));
		assertThat(table.foreignKeys()).containsExactly(new ForeignKey("Parent_FK", List.of("parent"), null, "Order",
				List.of("Id"), Action.NO_ACTION, Action.NO_ACTION));
	}

	@Test
	void doesNotTakeNotNullForACheck() throws SQLException {
		execute("CREATE TABLE app.t (id int NOT NULL, name text NOT NULL)");

		assertThat(read().table("t").orElseThrow().checks()).isEmpty();
	}

	private SchemaModel read() {
		return this.introspector.introspect(this.connection, "app", (table) -> true);
	}

	private void execute(String... statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
