package dev.migrations.introspect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What belongs to the model (table filter, schemas, sequences, partitions, extension objects) and
 * what introspection leaves behind on the connection.
 */
@ExtendWith(TestDatabaseExtension.class)
class PostgresIntrospectorScopeTests {

	private final PostgresIntrospector introspector = new PostgresIntrospector();

	private TestDatabase database;

	private Connection connection;

	@BeforeEach
	void connect(TestDatabase database) throws SQLException {
		this.database = database;
		this.connection = database.connection();
		execute("CREATE SCHEMA app");
	}

	@AfterEach
	void disconnect() throws SQLException {
		this.connection.close();
	}

	@Test
	void leavesOutExcludedTablesWithEverythingOnThem() throws SQLException {
		execute("CREATE TABLE app.customer (id int PRIMARY KEY, email text UNIQUE)",
				"CREATE TABLE app.migrations_version (id int PRIMARY KEY, tag text CHECK (tag <> ''))",
				"CREATE INDEX ix_version_tag ON app.migrations_version (tag)",
				"ALTER TABLE app.migrations_version ADD CONSTRAINT fk_customer FOREIGN KEY (id) REFERENCES app.customer",
				"COMMENT ON TABLE app.migrations_version IS 'tool table'");

		SchemaModel model = this.introspector.introspect(this.connection, "app",
				(table) -> !table.startsWith("migrations_"));

		assertThat(model.tables()).extracting(Table::name).containsExactly("customer");
		assertThat(model.table("customer").orElseThrow().indexes()).isEmpty();
	}

	@Test
	void keepsAForeignKeyToAnExcludedTable() throws SQLException {
		execute("CREATE TABLE app.legacy (id int PRIMARY KEY)",
				"CREATE TABLE app.current (id int, legacy_id int CONSTRAINT fk_legacy REFERENCES app.legacy)");

		SchemaModel model = this.introspector.introspect(this.connection, "app", "current"::equals);

		assertThat(model.tables()).extracting(Table::name).containsExactly("current");
		assertThat(model.table("current").orElseThrow().foreignKeys()).extracting(ForeignKey::referencedTable)
			.containsExactly("legacy");
	}

	@Test
	void doesNotLeakObjectsOfAnotherSchema() throws SQLException {
		execute("CREATE SCHEMA other", "CREATE TABLE app.item (id int PRIMARY KEY, name text)",
				"CREATE TABLE other.item (id int PRIMARY KEY, name text, extra text, CHECK (extra <> ''))",
				"CREATE INDEX ix_other_name ON other.item (name)", "CREATE TABLE other.stray (id int)",
				"CREATE SEQUENCE other.stray_seq", "CREATE TYPE other.stray_type AS ENUM ('A')",
				"CREATE TABLE public.stray (id int)");

		SchemaModel model = read();

		assertThat(model.tables()).extracting(Table::name).containsExactly("item");
		Table item = model.table("item").orElseThrow();
		assertThat(item.columns()).hasSize(2);
		assertThat(item.checks()).isEmpty();
		assertThat(item.indexes()).isEmpty();
		assertThat(model.sequences()).isEmpty();
		assertThat(model.enumTypes()).isEmpty();
	}

	@Test
	void readsAMissingSchemaAsEmpty() {
		assertThat(this.introspector.introspect(this.connection, "nowhere", (table) -> true))
			.isEqualTo(SchemaModel.empty("nowhere"));
	}

	@Test
	void readsStandAloneSequencesOnly() throws SQLException {
		execute("CREATE SEQUENCE app.invoice_number START 1000 INCREMENT 50 MINVALUE 10 MAXVALUE 900000 CACHE 5",
				"CREATE SEQUENCE app.ticket AS integer CYCLE", "CREATE SEQUENCE app.countdown AS smallint INCREMENT -1",
				"CREATE TABLE app.t (id bigint GENERATED ALWAYS AS IDENTITY, legacy serial, seq_id bigint DEFAULT nextval('app.ticket'))",
				"CREATE SEQUENCE app.manually_owned OWNED BY app.t.seq_id");

		SchemaModel model = read();

		assertThat(model.sequences()).containsExactly(
				new Sequence("countdown", "smallint", -1, -1, -32768, -1, 1, false),
				new Sequence("invoice_number", "bigint", 1000, 50, 10, 900000, 5, false),
				new Sequence("ticket", "integer", 1, 1, 1, Integer.MAX_VALUE, 1, true));
		assertThat(model.table("t").orElseThrow().column("seq_id").orElseThrow().defaultExpression())
			.isEqualTo("nextval('ticket'::regclass)");
	}

	@Test
	void readsPartitionedTablesWithoutTheirPartitions() throws SQLException {
		execute("""
				CREATE TABLE app.event (
					id bigint, happened_at date, kind text,
					PRIMARY KEY (id, happened_at)
				) PARTITION BY RANGE (happened_at)""",
				"CREATE TABLE app.event_2025 PARTITION OF app.event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
				"CREATE TABLE app.event_2026 PARTITION OF app.event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
				"CREATE INDEX ix_event_kind ON app.event (kind)",
				"CREATE TABLE app.audit (event_id bigint, happened_at date, "
						+ "CONSTRAINT fk_event FOREIGN KEY (event_id, happened_at) REFERENCES app.event)");

		SchemaModel model = read();

		assertThat(model.tables()).extracting(Table::name).containsExactly("audit", "event");
		assertThat(model.table("event").orElseThrow().indexes()).extracting(Index::name)
			.containsExactly("ix_event_kind");
		assertThat(model.table("audit").orElseThrow().foreignKeys()).extracting(ForeignKey::name)
			.containsExactly("fk_event");
	}

	@Test
	void leavesOutViewsAndExtensionTables() throws SQLException {
		execute("CREATE TABLE app.t (id int)", "CREATE VIEW app.v AS SELECT id FROM app.t",
				"CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t",
				"CREATE EXTENSION pg_trgm SCHEMA public", "CREATE TABLE app.extension_data (id serial)",
				"CREATE SEQUENCE app.extension_seq", "CREATE TYPE app.extension_enum AS ENUM ('A')",
				"ALTER EXTENSION pg_trgm ADD TABLE app.extension_data",
				"ALTER EXTENSION pg_trgm ADD SEQUENCE app.extension_seq",
				"ALTER EXTENSION pg_trgm ADD TYPE app.extension_enum");

		SchemaModel model = read();

		assertThat(model.tables()).extracting(Table::name).containsExactly("t");
		assertThat(model.sequences()).isEmpty();
		assertThat(model.enumTypes()).isEmpty();
	}

	@Test
	void readsTheSameSchemaUnderAnyName() throws SQLException {
		String ddl = """
				CREATE TYPE %1$s.mood AS ENUM ('SAD', 'HAPPY');
				CREATE SEQUENCE %1$s.ticket START 7;
				CREATE TABLE %1$s.person (
					id serial PRIMARY KEY,
					mood %1$s.mood DEFAULT 'HAPPY',
					ticket bigint DEFAULT nextval('%1$s.ticket'),
					email varchar(100) CHECK (email <> ''),
					manager_id int REFERENCES %1$s.person
				);
				CREATE INDEX ix_person_mood ON %1$s.person (mood) WHERE mood <> 'SAD'::%1$s.mood;
				CREATE INDEX ix_person_email ON %1$s.person (lower(email));
				""";
		execute("CREATE SCHEMA app_copy", ddl.formatted("app"), ddl.formatted("app_copy"));

		SchemaModel original = read();
		SchemaModel copy = this.introspector.introspect(this.connection, "app_copy", (table) -> true);

		assertThat(copy.tables()).isEqualTo(original.tables());
		assertThat(copy.sequences()).isEqualTo(original.sequences());
		assertThat(copy.enumTypes()).isEqualTo(original.enumTypes());
		assertThat(original.table("person").orElseThrow().indexes()).extracting(Index::where)
			.containsExactly(null, "mood <> 'SAD'::mood");
	}

	@Test
	void leavesAnAutoCommitConnectionAsItFoundIt() throws SQLException {
		Connection connection = this.connection;
		execute("CREATE TABLE app.t (id int)", "SET search_path = public");

		read();

		assertThat(connection.getAutoCommit()).isTrue();
		assertThat(searchPath(connection)).isEqualTo("public");
	}

	@Test
	void seesTheUncommittedDdlOfTheCallersTransactionAndLeavesItUsable() throws SQLException {
		try (Connection connection = this.database.connection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE app.scratch (id int)");
			}

			SchemaModel model = this.introspector.introspect(connection, "app", (table) -> true);

			assertThat(model.tables()).extracting(Table::name).containsExactly("scratch");
			assertThat(connection.getAutoCommit()).isFalse();
			assertThat(searchPath(connection)).isEqualTo("\"$user\", public");
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE app.scratch_two (id int)");
			}
			connection.rollback();
		}
		assertThat(read().tables()).isEmpty();
	}

	@Test
	void reportsTheSchemaWhenTheCatalogCannotBeRead() throws SQLException {
		Connection closed = this.database.connection();
		closed.close();

		assertThatExceptionOfType(SchemaIntrospectionException.class)
			.isThrownBy(() -> this.introspector.introspect(closed, "app", (table) -> true))
			.withMessageContaining("Could not read schema 'app'")
			.withMessageContaining("connection");
	}

	@Test
	void needsTheSameNumberOfQueriesForTwoTablesAsForTwoHundred() throws SQLException {
		execute("CREATE SCHEMA big");
		createTables("app", 2);
		createTables("big", 200);

		SchemaModel small = read();
		int smallQueries = this.introspector.lastQueryCount();
		SchemaModel large = this.introspector.introspect(this.connection, "big", (table) -> true);
		int largeQueries = this.introspector.lastQueryCount();

		assertThat(small.tables()).hasSize(2);
		assertThat(large.tables()).hasSize(200);
		assertThat(large.tables()).allSatisfy((table) -> {
			assertThat(table.columns()).hasSize(4);
			assertThat(table.indexes()).hasSize(1);
			assertThat(table.foreignKeys()).hasSize(1);
		});
		assertThat(smallQueries).isEqualTo(largeQueries).isEqualTo(7);
	}

	@Test
	void introspectsFiveHundredTablesOfTenColumns() throws SQLException {
		StringBuilder ddl = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			ddl.append("CREATE TABLE app.t").append(i).append(" (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
			for (int c = 1; c < 10; c++) {
				ddl.append(", c").append(c).append(" varchar(").append(c * 10).append(") DEFAULT 'x'");
			}
			ddl.append(");\n");
			ddl.append("CREATE INDEX ix_t").append(i).append(" ON app.t").append(i).append(" (c1, c2);\n");
		}
		execute(ddl.toString());

		long start = System.nanoTime();
		SchemaModel model = read();
		long millis = (System.nanoTime() - start) / 1_000_000;

		System.out.printf("Introspected 500 tables x 10 columns in %d ms with %d queries%n", millis,
				this.introspector.lastQueryCount());
		assertThat(model.tables()).hasSize(500);
		assertThat(model.tables()).allSatisfy((table) -> assertThat(table.columns()).hasSize(10));
	}

	private void createTables(String schema, int count) throws SQLException {
		StringBuilder ddl = new StringBuilder("CREATE TABLE " + schema + ".root (id int PRIMARY KEY);\n");
		for (int i = 1; i < count; i++) {
			ddl.append("CREATE TABLE %1$s.t%2$d (id int PRIMARY KEY, root_id int REFERENCES %1$s.root, name text, n int CHECK (n > 0));\n"
				.formatted(schema, i));
			ddl.append("CREATE INDEX ix_t%2$d ON %1$s.t%2$d (name);\n".formatted(schema, i));
		}
		ddl.append("ALTER TABLE %1$s.root ADD COLUMN root_id int REFERENCES %1$s.root, ADD COLUMN name text, ADD COLUMN n int;\n"
			.formatted(schema));
		ddl.append("CREATE INDEX ix_root ON %1$s.root (name);\n".formatted(schema));
		execute(ddl.toString());
	}

	private SchemaModel read() {
		return this.introspector.introspect(this.connection, "app", (table) -> true);
	}

	private static String searchPath(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW search_path")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private void execute(String... statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
