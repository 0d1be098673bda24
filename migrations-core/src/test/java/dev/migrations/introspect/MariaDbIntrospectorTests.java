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
import dev.migrations.schema.Column;
import dev.migrations.schema.Column.Identity;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.ForeignKey.Action;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a real MariaDB database; skipped when no MariaDB server is reachable. */
@ExtendWith(TestDatabaseExtension.class)
class MariaDbIntrospectorTests {

	private final MariaDbIntrospector introspector = new MariaDbIntrospector();

	private TestDatabase database;

	private Connection connection;

	@BeforeEach
	void connect(@MariaDb TestDatabase database) throws SQLException {
		this.database = database;
		this.connection = database.connection();
	}

	@AfterEach
	void disconnect() throws SQLException {
		this.connection.close();
	}

	@Test
	void readsColumnsWithTypesDefaultsAndComments() throws SQLException {
		execute("""
				CREATE TABLE item (
					id bigint AUTO_INCREMENT PRIMARY KEY,
					name varchar(100) NOT NULL DEFAULT 'x',
					price decimal(10,2) DEFAULT 0,
					status enum('NEW','DONE') DEFAULT 'NEW',
					created_at timestamp(6) NOT NULL DEFAULT current_timestamp(6),
					note text COMMENT 'free text',
					doubled int AS (id * 2) VIRTUAL,
					flags int unsigned
				) COMMENT 'Things for sale'""");

		Table table = read().table("item").orElseThrow();

		assertThat(table.comment()).isEqualTo("Things for sale");
		assertThat(table.columns()).containsExactly(new Column("id", "bigint(20)", false, null, Identity.BY_DEFAULT, null),
				new Column("name", "varchar(100)", false, "'x'", null, null),
				new Column("price", "decimal(10,2)", true, "0.00", null, null),
				new Column("status", "enum('NEW','DONE')", true, "'NEW'", null, null),
				new Column("created_at", "timestamp(6)", false, "current_timestamp(6)", null, null),
				new Column("note", "text", true, null, null, "free text"),
				new Column("doubled", "int(11)", true, null, null, null),
				new Column("flags", "int(10) unsigned", true, null, null, null));
	}

	@Test
	void readsKeysIndexesAndChecks() throws SQLException {
		execute("CREATE TABLE parent (a int, b int, code varchar(20), PRIMARY KEY (b, a), CONSTRAINT uk_code UNIQUE (code))",
				"""
						CREATE TABLE child (
							id int PRIMARY KEY,
							pa int, pb int, name varchar(200), `order` int, body text,
							price decimal(10,2) CHECK (price >= 0),
							CONSTRAINT fk_parent FOREIGN KEY (pb, pa) REFERENCES parent (b, a) ON DELETE CASCADE ON UPDATE SET NULL,
							CONSTRAINT chk_name CHECK (name <> ')'),
							KEY ix_name (name(10) DESC, `order`),
							FULLTEXT KEY ft_body (body)
						)""", "CREATE UNIQUE INDEX ux_order ON child (`order`)",
				"CREATE UNIQUE INDEX ux_name_prefix ON child (name(20))");

		SchemaModel model = read();

		Table parent = model.table("parent").orElseThrow();
		assertThat(parent.primaryKey()).isEqualTo(new PrimaryKey("PRIMARY", List.of("b", "a")));
		assertThat(parent.uniqueConstraints()).containsExactly(new UniqueConstraint("uk_code", List.of("code")));
		Table child = model.table("child").orElseThrow();
		assertThat(child.foreignKeys()).containsExactly(new ForeignKey("fk_parent", List.of("pb", "pa"), null, "parent",
				List.of("b", "a"), Action.CASCADE, Action.SET_NULL));
		assertThat(child.uniqueConstraints()).containsExactly(new UniqueConstraint("ux_order", List.of("order")));
		assertThat(child.indexes()).containsExactly(
				new Index("fk_parent", List.of("`pb`", "`pa`"), false, "btree", null, List.of()),
				new Index("ft_body", List.of("`body`"), false, "fulltext", null, List.of()),
				new Index("ix_name", List.of("`name`(10) DESC", "`order`"), false, "btree", null, List.of()),
				new Index("ux_name_prefix", List.of("`name`(20)"), true, "btree", null, List.of()));
		assertThat(child.checks()).containsExactly(new CheckConstraint("chk_name", "`name` <> ')'"),
				new CheckConstraint("price", "`price` >= 0"));
	}

	@Test
	void readsSequencesAndLeavesOutViewsAndExcludedTables() throws SQLException {
		execute("CREATE SEQUENCE invoice_number START WITH 1000 INCREMENT BY 50 MINVALUE 10 MAXVALUE 900000 CACHE 5 CYCLE",
				"CREATE SEQUENCE ticket", "CREATE TABLE kept (id int PRIMARY KEY)",
				"CREATE TABLE migrations_version (id int PRIMARY KEY, CHECK (id > 0))",
				"CREATE VIEW kept_view AS SELECT id FROM kept");

		SchemaModel model = this.introspector.introspect(this.connection, this.database.name(),
				(table) -> !table.startsWith("migrations_"));

		assertThat(model.tables()).extracting(Table::name).containsExactly("kept");
		assertThat(model.sequences()).containsExactly(
				new Sequence("invoice_number", "bigint", 1000, 50, 10, 900000, 5, true),
				new Sequence("ticket", "bigint", 1, 1, 1, Long.MAX_VALUE - 1, 1000, false));
		assertThat(model.enumTypes()).isEmpty();
	}

	@Test
	void keepsObjectsOfOtherDatabasesAndTablesApart(@MariaDb TestDatabase otherDatabase) throws SQLException {
		String other = otherDatabase.name();
		try {
			execute("CREATE TABLE " + other + ".stray (id int PRIMARY KEY, price int CHECK (price > 1))",
					"CREATE SEQUENCE " + other + ".stray_seq",
					"CREATE TABLE country (code char(2) PRIMARY KEY)",
					"CREATE TABLE " + other + ".address (country char(2), CONSTRAINT fk_country FOREIGN KEY (country) "
							+ "REFERENCES " + this.database.name() + ".country (code))",
					"CREATE TABLE `Order` (price int CHECK (price > 2), stray_id int, "
							+ "CONSTRAINT fk_stray FOREIGN KEY (stray_id) REFERENCES " + other + ".stray (id))",
					"CREATE TABLE `order_line` (price int CHECK (price > 3))");

			SchemaModel model = read();

			assertThat(model.tables()).extracting(Table::name).containsExactly("Order", "country", "order_line");
			assertThat(model.sequences()).isEmpty();
			assertThat(model.table("Order").orElseThrow().checks())
				.containsExactly(new CheckConstraint("price", "`price` > 2"));
			assertThat(model.table("order_line").orElseThrow().checks())
				.containsExactly(new CheckConstraint("price", "`price` > 3"));
			assertThat(model.table("Order").orElseThrow().foreignKeys()).containsExactly(new ForeignKey("fk_stray",
					List.of("stray_id"), other, "stray", List.of("id"), Action.RESTRICT, Action.RESTRICT));
		}
		finally {
			// Foreign keys between the two databases would stop either from being dropped after the test.
			execute("DROP TABLE IF EXISTS " + other + ".address", "DROP TABLE IF EXISTS `Order`");
		}
	}

	@Test
	void needsTheSameNumberOfQueriesForTwoTablesAsForTwoHundred() throws SQLException {
		createTables(2);
		SchemaModel small = read();
		int smallQueries = this.introspector.lastQueryCount();
		createTables(200);
		SchemaModel large = read();

		assertThat(small.tables()).hasSize(2);
		assertThat(large.tables()).hasSize(200);
		assertThat(smallQueries).isPositive().isEqualTo(this.introspector.lastQueryCount());
	}

	private void createTables(int upTo) throws SQLException {
		for (int i = 0; i < upTo; i++) {
			execute("CREATE TABLE IF NOT EXISTS t" + i
					+ " (id int PRIMARY KEY, name varchar(20), KEY ix_t" + i + "_name (name))");
		}
	}

	private SchemaModel read() {
		return this.introspector.introspect(this.connection, this.database.name(), (table) -> true);
	}

	private void execute(String... statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
