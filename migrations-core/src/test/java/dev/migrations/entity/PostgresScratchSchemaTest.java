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
import dev.migrations.dialect.PostgresLockTable;
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

	// parts of five of manyTables (12 each, with the two they reference)
	private static final int SMALL_PARTS = 5 * 12 + 2 * PostgresLockTable.TABLE_WEIGHT;

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
	void ddlBeyondTheServersLockTableIsCreatedInPartsEachTableReadOnce() throws SQLException {
		// one transaction creating these holds ~11 locks a table: 2.7 times what the lock table is sized for
		// (a server with the defaults fails at about 1.6 times)
		int tables = lockTableSize() / 4;
		List<String> ddl = manyTables(tables);
		String searchPathBefore = searchPath();
		int lockBudget = Integer.parseInt(queryList("select current_setting('max_locks_per_transaction')::int"
				+ " * current_setting('max_connections')::int").get(0));

		List<List<String>> parts = PostgresScratchSchema.materializeInParts(this.connection, ddl, List.of(),
				(c, schema, partTables) -> {
					assertThat(schema).startsWith("pg_temp_");
					assertThat(Integer.parseInt(queryList("select count(*) from pg_locks where pid = pg_backend_pid()")
						.get(0))).isLessThan(lockBudget);
					List<String> read = new ArrayList<>();
					for (String table : queryList("select relname from pg_class where relkind = 'r' and relnamespace ="
							+ " pg_my_temp_schema() order by relname")) {
						if (partTables.test(table)) {
							read.add(table);
						}
					}
					// each of the part's foreign keys was created, those to tables of other parts too
					assertThat(queryList("select count(*) from pg_constraint where contype = 'f' and connamespace ="
							+ " pg_my_temp_schema()")).containsExactly(String.valueOf(2 * read.size()
									- (read.contains("t_00001") ? 2 : 0)));
					return read;
				});

		assertThat(parts).hasSizeGreaterThan(2);
		List<String> read = parts.stream().flatMap(List::stream).sorted().toList();
		assertThat(read).hasSize(tables).doesNotHaveDuplicates().first().isEqualTo("t_00001");
		assertNothingLeft();
		assertThat(searchPath()).isEqualTo(searchPathBefore);
		assertThat(this.connection.getAutoCommit()).isTrue();
	}

	@Test
	void aSmallModelIsCreatedInOneTransaction() throws SQLException {
		List<String> transactions = PostgresScratchSchema.materializeInParts(this.connection, SHOP.createStatements(),
				List.of(), (c, schema, partTables) -> {
					assertThat(SHOP.tableNames()).allMatch(partTables);
					assertThat(partTables.test("anything")).isTrue();
					return queryList("select txid_current()").get(0);
				});

		assertThat(transactions).hasSize(1);
		assertNothingLeft();
	}

	@Test
	void partsLeaveACallersOpenTransactionAsItWas() throws SQLException {
		this.connection.setAutoCommit(false);
		execute("create table caller_work (id int)");
		String transaction = queryList("select txid_current()").get(0);

		List<Integer> parts = PostgresScratchSchema.materializeInParts(this.connection, manyTables(15), SMALL_PARTS,
				(c, schema, partTables) -> {
					assertThat(queryList("select txid_current()")).containsExactly(transaction);
					return 1;
				});

		assertThat(parts).hasSize(3);
		assertThat(queryList("select count(*) from caller_work")).containsExactly("0");
		assertThat(this.connection.getAutoCommit()).isFalse();
		this.connection.rollback();
		this.connection.setAutoCommit(true);
		assertNothingLeft();
	}

	@Test
	void aSessionKilledInAPartLeavesNothingBehind() throws SQLException {
		String pid = queryList("select pg_backend_pid()").get(0);
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> PostgresScratchSchema.materializeInParts(this.connection, manyTables(15), SMALL_PARTS,
					(c, schema, partTables) -> {
						if (!partTables.test("t_00001")) {
							try (Connection other = database.connection(); Statement statement = other.createStatement()) {
								statement.execute("select pg_terminate_backend(" + pid + ", 30000)");
							}
						}
						return queryList("select 1");
					}));

		this.connection.close();
		this.connection = database.connection();
		assertThat(queryList("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
				+ " where c.relname like 't\\_%' or n.nspname like 'migrations\\_scratch\\_%'")).containsExactly("0");
	}

	@Test
	void failingDdlInALaterPartIsNumberedAsInTheWholeDdl() throws SQLException {
		List<String> ddl = new ArrayList<>(manyTables(15));
		ddl.add("create index ix_broken on t_00012 (no_such_column)");

		assertThatExceptionOfType(ScratchSchemaException.class)
			.isThrownBy(() -> PostgresScratchSchema.materializeInParts(this.connection, ddl, SMALL_PARTS,
					(c, schema, partTables) -> null))
			.satisfies((ex) -> assertThat(ex.getStatementNumber()).isEqualTo(ddl.size()))
			.withMessageContaining("statement " + ddl.size() + " of " + ddl.size()
					+ ": create index ix_broken on t_00012 (no_such_column)");
		assertNothingLeft();
		assertThat(this.connection.getAutoCommit()).isTrue();
	}

	// tables with a TOAST table, a unique key, an identity, a check, and foreign keys to the first and the previous
	private static List<String> manyTables(int count) {
		List<String> ddl = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			ddl.add(String.format("create table t_%05d (id bigint generated by default as identity, code varchar(40) unique,"
					+ " note varchar(2000), status varchar(9) check (status in ('NEW','OLD')), first_id bigint, parent_id bigint,"
					+ " primary key (id))", i));
		}
		for (int i = 2; i <= count; i++) {
			ddl.add(String.format("alter table if exists t_%05d add constraint fk_t_%05d_first foreign key (first_id)"
					+ " references t_00001", i, i));
			ddl.add(String.format("alter table if exists t_%05d add constraint fk_t_%05d_parent foreign key (parent_id)"
					+ " references t_%05d", i, i, i - 1));
		}
		return ddl;
	}

	// the lock table's size: max_locks_per_transaction × (every backend the server may start + prepared transactions)
	private int lockTableSize() throws SQLException {
		return Integer.parseInt(queryList("select current_setting('max_locks_per_transaction')::int"
				+ " * (current_setting('max_connections')::int + current_setting('autovacuum_max_workers')::int + 1"
				+ " + current_setting('max_worker_processes')::int + current_setting('max_wal_senders')::int"
				+ " + current_setting('max_prepared_transactions')::int)").get(0));
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
