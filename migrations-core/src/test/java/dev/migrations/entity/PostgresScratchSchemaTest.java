package dev.migrations.entity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.MigrationsException;
import dev.migrations.entity.fixtures.reserved.Order;
import dev.migrations.entity.fixtures.reserved.User;
import dev.migrations.entity.fixtures.schema.AuditEntry;
import dev.migrations.entity.fixtures.schema.Note;
import dev.migrations.entity.fixtures.shop.Shop;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresScratchSchemaTest {

	private static final EntityModel SHOP = new EntityMetadataReader().read(EntitySource.of(Shop.ENTITIES));

	private static TestDatabase database;

	private Connection connection;

	@BeforeEach
	void connect() throws SQLException {
		this.connection = database.connection();
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	@Test
	void materializesTheEntitiesInAScratchSchemaThatIsGoneAfterwards() throws SQLException {
		String searchPathBefore = searchPath();
		List<String> castsBefore = queryList("select count(*) from pg_cast");

		Map<String, List<String>> columns = PostgresScratchSchema.materialize(this.connection, SHOP,
				(c, schema) -> {
					// the session's temporary schema: no WAL, no fsync per index
					assertThat(schema).startsWith("pg_temp_");
					assertThat(queryList("select current_schema()")).containsExactly(schema);
					assertThat(enumLabels(schema, "priority")).containsExactly("LOW", "MEDIUM", "HIGH", "URGENT");
					assertThat(queryList("select pg_get_constraintdef(oid) from pg_constraint where conname ="
							+ " 'customer_status_check' and connamespace = '" + schema + "'::regnamespace"))
						.singleElement()
						.asString()
						.contains("'ACTIVE'::character varying", "'SUSPENDED'", "'CLOSED'");
					return columnsByTable(schema);
				});

		assertThat(columns.keySet()).containsExactlyElementsOf(SHOP.tableNames());
		// in Hibernate's column order: by size, then by name
		assertThat(columns.get("customer")).containsExactly("credit_limit", "id", "tenant_id", "version", "zip_code",
				"last_name", "email_address", "address2_line", "first_name", "status", "street", "notes", "preferences",
				"priority");
		assertThat(columns.get("product_tags")).containsExactly("product_id", "tags_id");
		assertNothingLeft();
		assertThat(searchPath()).isEqualTo(searchPathBefore);
		assertThat(queryList("select count(*) from pg_cast")).isEqualTo(castsBefore);
		assertThat(this.connection.getAutoCommit()).isTrue();
	}

	@Test
	void aSessionWithTemporaryTablesOfItsOwnGetsANamedScratchSchemaAndKeepsThem() throws SQLException {
		execute("create temporary table customer (note text)");
		execute("insert into customer values ('mine')");
		try {
			Map<String, List<String>> columns = PostgresScratchSchema.materialize(this.connection, SHOP,
					(c, schema) -> {
						assertThat(schema).startsWith(PostgresScratchSchema.SCHEMA_PREFIX);
						return columnsByTable(schema);
					});

			assertThat(columns.keySet()).containsExactlyElementsOf(SHOP.tableNames());
			assertThat(queryList("select note from pg_temp.customer")).containsExactly("mine");
			assertThat(queryList("select nspname from pg_namespace where nspname like 'migrations\\_scratch\\_%'"))
				.isEmpty();
		}
		finally {
			execute("drop table pg_temp.customer");
		}
		assertNothingLeft();
	}

	@Test
	void createsItsOwnEnumTypeWhenTheLiveSchemaHasOneOfTheSameName() throws SQLException {
		execute("create type priority as enum ('OLD')");
		try {
			List<String> scratchLabels = PostgresScratchSchema.materialize(this.connection, SHOP,
					(c, schema) -> enumLabels(schema, "priority"));

			assertThat(scratchLabels).containsExactly("LOW", "MEDIUM", "HIGH", "URGENT");
			assertThat(enumLabels("public", "priority")).containsExactly("OLD");
			assertNothingLeft();
		}
		finally {
			execute("drop type priority");
		}
	}

	@Test
	void theConnectionsSchemaAndSearchPathAreNotUsed() throws SQLException {
		execute("create schema live");
		try {
			execute("set search_path to live, public");
			List<String> scratchTables = PostgresScratchSchema.materialize(this.connection, SHOP,
					(c, schema) -> queryList("select table_name from information_schema.tables where table_schema"
							+ " = '" + schema + "' order by 1"));

			assertThat(scratchTables).containsExactlyElementsOf(SHOP.tableNames());
			assertThat(queryList("select count(*) from information_schema.tables where table_schema = 'live'"))
				.containsExactly("0");
			assertThat(searchPath()).isEqualTo("live, public");
		}
		finally {
			execute("reset search_path");
			execute("drop schema live cascade");
		}
	}

	@Test
	void leavesACallersOpenTransactionAsItWas() throws SQLException {
		this.connection.setAutoCommit(false);
		execute("set local search_path to public");
		execute("create table caller_work (id int)");

		List<String> tables = PostgresScratchSchema.materialize(this.connection, SHOP,
				(c, schema) -> queryList("select count(*) from information_schema.tables where table_schema ="
						+ " current_schema()"));

		assertThat(tables).containsExactly(String.valueOf(SHOP.tableNames().size()));
		assertThat(this.connection.getAutoCommit()).isFalse();
		assertThat(searchPath()).isEqualTo("public");
		assertThat(queryList("select count(*) from caller_work")).containsExactly("0");
		this.connection.rollback();
		this.connection.setAutoCommit(true);
		assertThat(queryList("select to_regclass('public.caller_work')::text")).containsOnlyNulls();
		assertNothingLeft();
	}

	@Test
	void aFailingStatementIsNamedAndNothingRemains() throws SQLException {
		List<String> statements = List.of("create table first_one (id int)", "create table second_one (id nosuchtype)",
				"create table third_one (id int)");

		assertThatExceptionOfType(ScratchSchemaException.class)
			.isThrownBy(() -> PostgresScratchSchema.materialize(this.connection, statements, List.of(),
					(c, schema) -> null))
			.satisfies((ex) -> {
				assertThat(ex.getStatementNumber()).isEqualTo(2);
				assertThat(ex.getStatement()).isEqualTo("create table second_one (id nosuchtype)");
				assertThat(ex.getSqlState()).isEqualTo("42704");
			})
			.withMessageContaining("statement 2 of 3: create table second_one (id nosuchtype)")
			.withMessageContaining("type \"nosuchtype\" does not exist");
		assertNothingLeft();
		assertThat(queryList("select to_regclass('first_one')::text")).containsOnlyNulls();
		assertThat(this.connection.getAutoCommit()).isTrue();
	}

	@Test
	void aQuoteInACommentIsNamedAsSuchNotAsAReservedWord() {
		List<String> statements = List.of("create table customer (id int)",
				"comment on table customer is 'people who buy; it's the billing party'");

		assertThatExceptionOfType(ScratchSchemaException.class)
			.isThrownBy(() -> PostgresScratchSchema.materialize(this.connection, statements, List.of(),
					(c, schema) -> null))
			.withMessageContaining("statement 2 of 2: comment on table customer is")
			.withMessageContaining("Hibernate copies @Comment text into its DDL without escaping it")
			.withMessageContaining("@Comment(\"it''s\")")
			.withMessageNotContaining("reserved word");
	}

	@Test
	void reservedWordTablesFailWithAHintAndWorkWhenHibernateQuotesThem() throws SQLException {
		EntityModel unquoted = new EntityMetadataReader().read(EntitySource.of(User.class, Order.class));

		assertThatExceptionOfType(ScratchSchemaException.class)
			.isThrownBy(() -> PostgresScratchSchema.materialize(this.connection, unquoted, (Connection c) -> null))
			.withMessageContaining("create table order (")
			.withMessageContaining("\"order\" is a reserved word in PostgreSQL")
			.withMessageContaining("hibernate.auto_quote_keyword=true");
		assertNothingLeft();

		EntityModel quoted = new EntityMetadataReader()
			.read(EntitySource.of(User.class, Order.class).withSetting("hibernate.auto_quote_keyword", true));
		List<String> tables = PostgresScratchSchema.materialize(this.connection, quoted,
				(c, schema) -> queryList("select table_name from information_schema.tables where table_schema = '"
						+ schema + "' order by 1"));
		assertThat(tables).containsExactly("Order", "User");
	}

	@Test
	void explicitSchemasAreFoldedIntoTheScratchSchema() throws SQLException {
		EntityModel model = new EntityMetadataReader().read(EntitySource.of(AuditEntry.class, Note.class));

		Map<String, List<String>> columns = PostgresScratchSchema.materialize(this.connection, model,
				(c, schema) -> {
					assertThat(enumLabels(schema, "auditaction")).containsExactly("update", "insert", "delete",
							"it's undone");
					assertThat(enumLabels(schema, "notekind")).containsExactly("PLAIN", "WARNING", "ALERT");
					return columnsByTable(schema);
				});

		assertThat(columns).containsOnlyKeys("audit_entry", "note");
		assertThat(queryList("select to_regnamespace('audit')::text")).containsOnlyNulls();
		assertNothingLeft();
	}

	@Test
	void anExceptionFromTheWorkRollsBackAndPropagates() throws SQLException {
		IllegalStateException failure = new IllegalStateException("introspection failed");

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> PostgresScratchSchema.materialize(this.connection, SHOP, (Connection c) -> {
				throw failure;
			}))
			.isSameAs(failure);
		assertNothingLeft();
		assertThat(this.connection.getAutoCommit()).isTrue();
	}

	@Test
	void anSqlExceptionFromTheWorkIsWrapped() throws SQLException {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> PostgresScratchSchema.materialize(this.connection, SHOP,
					(c, schema) -> c.createStatement().executeQuery("select * from no_such_table")))
			.withMessageContaining("Reading the scratch schema pg_temp_")
			.withMessageContaining("no_such_table");
		assertNothingLeft();
	}

	@Test
	void workThatCommitsIsRefusedAndItsSchemaRemoved() throws SQLException {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> PostgresScratchSchema.materialize(this.connection, SHOP, (c, schema) -> {
				c.commit();
				return null;
			}))
			.withMessageContaining("committed the transaction");
		assertNothingLeft();
		assertThat(this.connection.getAutoCommit()).isTrue();
	}

	@Test
	void typesOfInstalledExtensionsResolve() throws SQLException {
		execute("create schema ext");
		execute("create extension citext schema ext");
		try {
			String type = PostgresScratchSchema.materialize(this.connection,
					List.of("create table person (email citext)"), List.of(),
					(c, schema) -> queryList("select n.nspname || '.' || t.typname from pg_attribute a join pg_type t"
							+ " on t.oid = a.atttypid join pg_namespace n on n.oid = t.typnamespace where a.attrelid = '"
							+ schema + ".person'::regclass and a.attname = 'email'").get(0));

			assertThat(type).isEqualTo("ext.citext");
			assertNothingLeft();
		}
		finally {
			execute("drop schema ext cascade");
		}
	}

	@Test
	void removesSchemaQualifiersOutsideLiterals() {
		List<String> qualifiers = List.of("audit", "\"Sales\"");

		assertThat(PostgresScratchSchema.unqualify(
				"alter table if exists audit.note add constraint fk foreign key (x) references AUDIT.entry",
				qualifiers))
			.isEqualTo("alter table if exists note add constraint fk foreign key (x) references entry");
		assertThat(PostgresScratchSchema.unqualify("create table \"Sales\".\"Order\" (note varchar(9) default"
				+ " 'audit.x')", qualifiers))
			.isEqualTo("create table \"Order\" (note varchar(9) default 'audit.x')");
		assertThat(PostgresScratchSchema.unqualify("create table myaudit.t (audit int, x_audit.y int)", qualifiers))
			.isEqualTo("create table myaudit.t (audit int, x_audit.y int)");
		assertThat(PostgresScratchSchema.unqualify("create table \"audit.x\" (id int)", qualifiers))
			.isEqualTo("create table \"audit.x\" (id int)");
	}

	private void assertNothingLeft() throws SQLException {
		assertThat(queryList("select count(*) from pg_class where relnamespace = pg_my_temp_schema()"))
			.containsExactly("0");
		assertThat(queryList("select nspname from pg_namespace where nspname like 'migrations\\_scratch\\_%'"))
			.isEmpty();
		assertThat(queryList("select typname from pg_type t join pg_namespace n on n.oid = t.typnamespace"
				+ " where typname in ('priority', 'auditaction', 'notekind') and nspname <> 'public'")).isEmpty();
		assertThat(queryList("select relname from pg_class where relname in ('customer', 'orders', 'note', 'user')"))
			.isEmpty();
	}

	private Map<String, List<String>> columnsByTable(String schema) throws SQLException {
		Map<String, List<String>> columns = new TreeMap<>();
		try (PreparedStatement query = this.connection.prepareStatement("select table_name, column_name from"
				+ " information_schema.columns where table_schema = ? order by table_name, ordinal_position")) {
			query.setString(1, schema);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					columns.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>()).add(rs.getString(2));
				}
			}
		}
		return columns;
	}

	private List<String> enumLabels(String schema, String type) throws SQLException {
		return queryList("select e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace n"
				+ " on n.oid = t.typnamespace where n.nspname = '" + schema + "' and t.typname = '" + type
				+ "' order by e.enumsortorder");
	}

	private String searchPath() throws SQLException {
		return queryList("show search_path").get(0);
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<String> queryList(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	@BeforeAll
	static void createDatabase() {
		database = TestDatabases.postgres();
	}

	@AfterAll
	static void dropDatabase() {
		// Null when no server could be found: the failure to create it is the one to report.
		if (database != null) {
			database.close();
		}
	}

}
