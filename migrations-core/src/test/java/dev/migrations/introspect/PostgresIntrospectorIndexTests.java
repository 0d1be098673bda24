package dev.migrations.introspect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.schema.Index;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Table;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Indexes of every shape, read from a real PostgreSQL. */
@ExtendWith(TestDatabaseExtension.class)
class PostgresIntrospectorIndexTests {

	private final PostgresIntrospector introspector = new PostgresIntrospector();

	private Connection connection;

	@BeforeEach
	void connect(TestDatabase database) throws SQLException {
		this.connection = database.connection();
		execute("CREATE SCHEMA app", """
				CREATE TABLE app.account (
					id bigint PRIMARY KEY,
					email varchar(255),
					name text,
					tenant int,
					created_at timestamp(6),
					deleted boolean,
					payload jsonb,
					body text,
					search tsvector,
					period tstzrange,
					"Order" text,
					"user" text
				)""");
	}

	@AfterEach
	void disconnect() throws SQLException {
		this.connection.close();
	}

	@Test
	void readsMultiColumnIndexInKeyOrder() throws SQLException {
		execute("CREATE INDEX ix_tenant_name ON app.account (tenant, name)");

		assertThat(index("ix_tenant_name"))
			.isEqualTo(new Index("ix_tenant_name", List.of("tenant", "name"), false, "btree", null, List.of()));
	}

	@Test
	void readsExpressionIndexAsTheServerPrintsIt() throws SQLException {
		execute("CREATE UNIQUE INDEX ux_email_lower ON app.account (lower(email))",
				"CREATE INDEX ix_sum ON app.account ((tenant + id), lower(name))");

		assertThat(index("ux_email_lower"))
			.isEqualTo(new Index("ux_email_lower", List.of("lower(email::text)"), true, "btree", null, List.of()));
		assertThat(index("ix_sum").elements()).containsExactly("(tenant + id)", "lower(name)");
	}

	@Test
	void readsPartialIndexPredicate() throws SQLException {
		execute("CREATE INDEX ix_live_email ON app.account (email) WHERE deleted = false");

		assertThat(index("ix_live_email")).isEqualTo(
				new Index("ix_live_email", List.of("email"), false, "btree", "deleted = false", List.of()));
	}

	@Test
	void addsSortOrderThatTheKeyFunctionLeavesOut() throws SQLException {
		execute("CREATE INDEX ix_sorted ON app.account (created_at DESC, tenant DESC NULLS LAST, "
				+ "name NULLS FIRST, email ASC NULLS LAST, lower(name) DESC)");

		assertThat(index("ix_sorted").elements()).containsExactly("created_at DESC", "tenant DESC NULLS LAST",
				"name NULLS FIRST", "email", "lower(name) DESC");
	}

	@Test
	void addsCollationAndNonDefaultOperatorClass() throws SQLException {
		execute("CREATE INDEX ix_prefix ON app.account (name COLLATE \"C\" text_pattern_ops, email varchar_pattern_ops, tenant int4_ops)");

		assertThat(index("ix_prefix").elements()).containsExactly("name COLLATE \"C\" text_pattern_ops",
				"email varchar_pattern_ops", "tenant");
	}

	@Test
	void qualifiesAnOperatorClassOfAnotherSchema() throws SQLException {
		execute("CREATE EXTENSION pg_trgm SCHEMA public",
				"CREATE INDEX ix_name_trgm ON app.account USING gin (name public.gin_trgm_ops)");

		assertThat(index("ix_name_trgm"))
			.isEqualTo(new Index("ix_name_trgm", List.of("name public.gin_trgm_ops"), false, "gin", null, List.of()));
	}

	@Test
	void readsGinAndGistIndexes() throws SQLException {
		execute("CREATE INDEX ix_payload ON app.account USING gin (payload)",
				"CREATE INDEX ix_payload_path ON app.account USING gin (payload jsonb_path_ops)",
				"CREATE INDEX ix_search ON app.account USING gin (search)",
				"CREATE INDEX ix_body_fts ON app.account USING gin (to_tsvector('english', body))",
				"CREATE INDEX ix_period ON app.account USING gist (period)",
				"CREATE INDEX ix_search_gist ON app.account USING gist (search)",
				"CREATE INDEX ix_tenant_hash ON app.account USING hash (tenant)");

		assertThat(read().table("account").orElseThrow().indexes()).containsExactly(
				new Index("ix_body_fts", List.of("to_tsvector('english'::regconfig, body)"), false, "gin", null,
						List.of()),
				new Index("ix_payload", List.of("payload"), false, "gin", null, List.of()),
				new Index("ix_payload_path", List.of("payload jsonb_path_ops"), false, "gin", null, List.of()),
				new Index("ix_period", List.of("period"), false, "gist", null, List.of()),
				new Index("ix_search", List.of("search"), false, "gin", null, List.of()),
				new Index("ix_search_gist", List.of("search"), false, "gist", null, List.of()),
				new Index("ix_tenant_hash", List.of("tenant"), false, "hash", null, List.of()));
	}

	@Test
	void readsIncludedColumnsApartFromKeys() throws SQLException {
		execute("CREATE UNIQUE INDEX ux_email_covering ON app.account (email) INCLUDE (name, \"Order\")");

		assertThat(index("ux_email_covering")).isEqualTo(
				new Index("ux_email_covering", List.of("email"), true, "btree", null, List.of("name", "Order")));
	}

	@Test
	void printsQuotedIdentifiersInElements() throws SQLException {
		execute("CREATE INDEX \"IX_Order\" ON app.account (\"Order\" DESC, \"user\", lower(\"Order\"))");

		assertThat(index("IX_Order").elements()).containsExactly("\"Order\" DESC", "\"user\"", "lower(\"Order\")");
	}

	@Test
	void leavesOutIndexesThatBackConstraints() throws SQLException {
		execute("ALTER TABLE app.account ADD CONSTRAINT uk_email UNIQUE (email)",
				"CREATE UNIQUE INDEX ux_name ON app.account (name)",
				"ALTER TABLE app.account ADD CONSTRAINT uk_name UNIQUE USING INDEX ux_name",
				"ALTER TABLE app.account ADD CONSTRAINT no_overlap EXCLUDE USING gist (period WITH &&)",
				"CREATE INDEX ix_tenant ON app.account (tenant)");

		assertThat(read().table("account").orElseThrow().indexes()).extracting(Index::name)
			.containsExactly("ix_tenant");
	}

	@Test
	void sortsIndexesByName() throws SQLException {
		execute("CREATE INDEX zz ON app.account (tenant)", "CREATE INDEX aa ON app.account (name)",
				"CREATE INDEX \"Mm\" ON app.account (email)");

		assertThat(read().table("account").orElseThrow().indexes()).extracting(Index::name)
			.containsExactly("Mm", "aa", "zz");
	}

	private Index index(String name) {
		Table table = read().table("account").orElseThrow();
		return table.indexes().stream().filter((index) -> index.name().equals(name)).findFirst().orElseThrow();
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
