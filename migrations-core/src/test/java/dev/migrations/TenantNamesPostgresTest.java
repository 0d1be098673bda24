package dev.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.tenant.Tenant;
import dev.migrations.tenant.TenantOutcome;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.tenant.TenantState;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant names as a thousand customers' schemas come: upper case, spaces, quotes, dots, SQL keywords, the word
 * {@code all}, commas, 63 bytes of several-byte letters; the query's duplicates and NULLs.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantNamesPostgresTest {

	private static final String ACCOUNT = "aaaa00000001";

	private static final String NOTE = "bbbb00000002";

	/** 21 three-byte letters: 63 bytes, all PostgreSQL keeps. */
	private static final String LONGEST = "株".repeat(21);

	private static final List<String> HOSTILE = List.of("Acme Corp", "Order", "select", "a.b", "it's", "x\"y", "all",
			"a,b", " padded ", "-x", LONGEST);

	@TempDir
	Path directory;

	@Test
	void schemasNeedingQuotesAreMigratedReadAndSelectedByTheirExactNames(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "account", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		files.write(NOTE, ACCOUNT, "note", "CREATE TABLE note (id int PRIMARY KEY);", "DROP TABLE note;");
		execute(db, "CREATE TABLE public.tenant (name text)");
		for (String name : HOSTILE) {
			insert(db, name);
		}
		TenantMigrations tenants = migrations(db).tenants().schemaQuery("SELECT name FROM public.tenant").parallelism(3).build();
		assertThat(tenants.tenants()).extracting(Tenant::name).containsExactlyElementsOf(HOSTILE);

		TenantRun run = tenants.upgrade(ACCOUNT);

		assertThat(run.succeeded()).as(run.summary()).isTrue();
		for (String name : HOSTILE) {
			assertThat(tables(db, name)).as(name).containsExactlyInAnyOrder("account", "migrations_version", "migrations_version_log");
		}
		// no folded or cut twin was made
		assertThat(schemasLike(db)).doesNotContain("acme corp", "order", LONGEST.substring(0, 20));

		// each selected by its exact name, through the selector's text as a command line gives it
		for (String name : HOSTILE) {
			TenantRun one = tenants.upgrade("head", TenantSelector.parse(TenantSelector.of(name).toString()));
			assertThat(one.outcomes()).as(name).extracting(TenantOutcome::tenant).containsExactly(name);
		}
		assertThat(tenants.status(TenantSelector.all(), 100).upToDate()).isTrue();
		assertThat(tenants.current("x\"y")).containsExactly(NOTE);
		assertThat(tenants.downgrade("base", TenantSelector.of("all")).outcomes()).extracting(TenantOutcome::tenant)
			.containsExactly("all");
		assertThat(tables(db, "all")).containsExactlyInAnyOrder("migrations_version", "migrations_version_log");
		assertThat(tables(db, "a,b")).contains("note");
	}

	@Test
	void aQuotedSchemaPlaceholderTakesNamesNeedingQuotesAndAnUnquotedOneFailsThatTenantAlone(TestDatabase db)
			throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "note", """
				CREATE TABLE "${schema}".note (id int PRIMARY KEY);
				COMMENT ON TABLE "${schema}".note IS 'notes of ${tenant}';""", "DROP TABLE note;");
		List<String> names = List.of("Acme Corp", "Order", "select", "a.b", LONGEST);
		TenantMigrations tenants = migrations(db).tenants().schemas(names).build();

		TenantRun run = tenants.upgrade("head");

		assertThat(run.succeeded()).as(run.summary()).isTrue();
		for (String name : names) {
			assertThat(tables(db, name)).as(name).contains("note");
		}

		files.write(NOTE, ACCOUNT, "unquoted", "CREATE TABLE ${schema}.other (id int PRIMARY KEY);", "DROP TABLE other;");
		TenantRun unquoted = migrations(db).tenants().schemas("plain", "Order").build().upgrade("head");
		// as written: a name needing quotes breaks the statement in its tenant only, which is rolled back
		assertThat(unquoted.failed()).extracting(TenantOutcome::tenant).containsExactly("Order");
		assertThat(unquoted.failed().get(0).error()).contains("syntax error");
		assertThat(tables(db, "plain")).contains("note", "other");
		assertThat(tables(db, "Order")).doesNotContain("other");
	}

	@Test
	void aQueryReturningDuplicatesAndNullsListsEachTenantOnce(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "account", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		TenantMigrations tenants = migrations(db).tenants().schemas("t1")
			.schemaQuery("SELECT * FROM (VALUES ('t1'), (NULL), ('t2'), ('t2'), (''), ('T2')) AS v(name)")
			.build();

		assertThat(tenants.tenants()).extracting(Tenant::name).containsExactly("t1", "t2", "T2");
		TenantRun run = tenants.upgrade("head");
		assertThat(run.succeeded()).as(run.summary()).isTrue();
		assertThat(run.outcomes()).hasSize(3);
	}

	@Test
	void aTenantWhoseSchemaWasDroppedAfterItsFirstUpgradeIsBehindAndUpgradedAgain(TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write(ACCOUNT, "none", "account", "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
		TenantMigrations tenants = migrations(db).tenants().schemas("t1", "Gone Co").build();
		assertThat(tenants.upgrade("head").succeeded()).isTrue();
		execute(db, "DROP SCHEMA \"Gone Co\" CASCADE");

		assertThat(tenants.state("Gone Co").state()).isEqualTo(TenantState.State.BEHIND);
		assertThat(tenants.upgrade("head").succeeded()).isTrue();
		assertThat(tables(db, "Gone Co")).contains("account");
	}

	@Test
	void theSummarysAdviceSelectsExactlyTheFailedTenantsAsAShellWord() {
		assertThat(advice("globex")).isEqualTo("--tenant globex");
		assertThat(advice("Acme Corp")).isEqualTo("--tenant 'Acme Corp'");
		assertThat(advice("all")).isEqualTo("--tenant '\"all\"'");
		assertThat(advice("ALL")).isEqualTo("--tenant '\"ALL\"'");
		assertThat(advice("a,b")).isEqualTo("--tenant '\"a,b\"'");
		assertThat(advice("it's")).isEqualTo("--tenant 'it'\\''s'");
		assertThat(advice("x\"y")).isEqualTo("--tenant 'x\"y'");
		assertThat(advice("\"q\"")).isEqualTo("--tenant '\"\"\"q\"\"\"'");
		assertThat(advice(" padded ")).isEqualTo("--tenant '\" padded \"'");
		assertThat(advice("--spring.x")).isEqualTo("--tenant '\"--spring.x\"'");
		assertThat(advice("all", "globex")).isEqualTo("--tenant '\"all\",globex'");
	}

	@Test
	void aBareAllAmongNamesIsRefusedSayingHowToNameATenantCalledAll(TestDatabase db) {
		assertThatThrownBy(() -> TenantSelector.parse("all,acme"))
			.hasMessageStartingWith("`all` selects every tenant and takes no other name; a tenant named all is written in"
					+ " double quotes: --tenant '\"all\"'");
		assertThatThrownBy(() -> TenantSelector.parse("\"acme")).hasMessageStartingWith("The tenant name \"acme has no closing");
		assertThat(TenantSelector.parse(" All ").isAll()).isTrue();
		assertThat(TenantSelector.parse("\"all\"").isAll()).isFalse();
		assertThat(TenantSelector.parse("\"a,b\", c").toString()).isEqualTo("\"a,b\",c");
		assertThat(TenantSelector.parse("\"say \"\"hi\"\"\"").select(List.of(new Tenant("say \"hi\"", "s", db.dataSource()))))
			.extracting(Tenant::name).containsExactly("say \"hi\"");
	}

	@Test
	void aNameWithANoBreakSpaceIsTakenExactlyAndShownInQuotesWhereTheSpaceCannotBeSeen(TestDatabase db) {
		// pasted from a web page: a no-break space is no whitespace to trim, and the name is a name of its own
		assertThatThrownBy(() -> TenantSelector.parse("\u00A0acme").select(List.of(new Tenant("acme", "acme", db.dataSource()))))
			.hasMessageStartingWith("No tenant named \"\u00A0acme\" among the 1 tenant(s) (acme).");
		assertThat(advice("acme\u202F")).isEqualTo("--tenant '\"acme\u202F\"'");
		assertThat(TenantSelector.parse(TenantSelector.of("\u00A0acme").toString()).select(List.of(new Tenant("\u00A0acme",
				"x", db.dataSource())))).extracting(Tenant::name).containsExactly("\u00A0acme");
	}

	private static String advice(String... failed) {
		List<TenantOutcome> outcomes = new ArrayList<>();
		for (String name : failed) {
			outcomes.add(new TenantOutcome(name, null, null, "Database error", new MigrationsException("x")));
		}
		String summary = new TenantRun("upgrade", "head", outcomes, 1, Duration.ZERO).summary();
		int start = summary.lastIndexOf("(select them with ") + "(select them with ".length();
		return summary.substring(start, summary.length() - 2);
	}

	private Migrations migrations(TestDatabase db) {
		return Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory).load();
	}

	private static void insert(TestDatabase db, String name) throws SQLException {
		try (Connection connection = db.connection();
				PreparedStatement statement = connection.prepareStatement("INSERT INTO public.tenant VALUES (?)")) {
			statement.setString(1, name);
			statement.executeUpdate();
		}
	}

	private static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> tables(TestDatabase db, String schema) throws SQLException {
		try (Connection connection = db.connection();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
			statement.setString(1, schema);
			return column(statement.executeQuery());
		}
	}

	private static List<String> schemasLike(TestDatabase db) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
			return column(statement.executeQuery("SELECT nspname FROM pg_namespace"));
		}
	}

	private static List<String> column(ResultSet rows) throws SQLException {
		List<String> values = new ArrayList<>();
		while (rows.next()) {
			values.add(rows.getString(1));
		}
		return values;
	}

}
