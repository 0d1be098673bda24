package dev.migrations.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateOptions;
import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.Sql;
import dev.migrations.RevisionFiles;
import dev.migrations.TenantMigrations;
import dev.migrations.tenant.TenantRun;
import dev.migrations.tenant.TenantSelector;
import dev.migrations.diff.DiffOptions;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-written views reading the entities' tables: PostgreSQL refuses to change the type of a column a view reads
 * ({@code cannot alter type of a column used by a view or rule}), so a generated revision that does drops the views
 * first (those reading them too) and creates them again after, as the database defines them, with their comments,
 * privileges and indexes; its downgrade does the same around its own change. A column dropped under a view is
 * left to the reviewer, with a warning.
 */
@ExtendWith(TestDatabaseExtension.class)
class DependentViewsTest {

	private static final EntitySource V1 = EntitySource.of(dev.migrations.autogenerate.dependentviews.v1.Ticket.class);

	// title 50 -> 100 characters
	private static final EntitySource V2 = EntitySource.of(dev.migrations.autogenerate.dependentviews.v2.Ticket.class);

	// the label CLOSED removed: the enum type is swapped for a new one
	private static final EntitySource V3 = EntitySource.of(dev.migrations.autogenerate.dependentviews.v3.Ticket.class);

	// the label ARCHIVED added
	private static final EntitySource V5 = EntitySource.of(dev.migrations.autogenerate.dependentviews.v5.Ticket.class);

	// the label ARCHIVED added and named by the column's default: the labels get a revision of their own
	private static final EntitySource V6 = EntitySource.of(dev.migrations.autogenerate.dependentviews.v6.Ticket.class);

	// priority removed
	private static final EntitySource V4 = EntitySource.of(dev.migrations.autogenerate.dependentviews.v4.Ticket.class);

	@TempDir
	Path revisions;

	@Test
	void viewsReadingAColumnWhoseTypeChangesAreDroppedAndCreatedAgainAroundIt(TestDatabase db) throws Exception {
		String base = withViews(db);
		Migrations v2 = migrations(db, V2);
		MigrateResult written = v2.migrate("longer titles");
		String revision = Files.readString(written.file());
		List<String> upgrade = statements(ScenarioRunner.upgradeSection(revision));
		// the readers of a view before it, the change, then each created again before its readers
		assertThat(upgrade).containsSubsequence("DROP VIEW open_ticket_title", "DROP VIEW open_ticket",
				"ALTER TABLE ticket ALTER COLUMN title TYPE character varying(100)",
				"CREATE VIEW open_ticket WITH (security_barrier=true) AS",
				"COMMENT ON VIEW open_ticket IS 'the open ones'", "GRANT SELECT ON open_ticket TO PUBLIC",
				"CREATE VIEW open_ticket_title AS");
		assertThat(upgrade).containsSubsequence("DROP MATERIALIZED VIEW ticket_count",
				"ALTER TABLE ticket ALTER COLUMN title TYPE character varying(100)",
				"CREATE MATERIALIZED VIEW ticket_count AS",
				"CREATE UNIQUE INDEX ticket_count_title ON ticket_count USING btree (title)");
		// a view of another schema too
		assertThat(upgrade).containsSubsequence("DROP VIEW reporting.\"Ticket Titles\"",
				"ALTER TABLE ticket ALTER COLUMN title TYPE character varying(100)",
				"CREATE VIEW reporting.\"Ticket Titles\" AS");
		// its definition names the table qualified (the revision runs in the compared schema, or in each tenant's),
		// the schema's own views unqualified
		assertThat(ScenarioRunner.upgradeSection(revision)).containsOnlyOnce("public.ticket");
		// the view reading another column is left alone
		assertThat(revision).doesNotContain("ticket_priority");
		assertThat(statements(ScenarioRunner.downgradeSection(revision))).containsSubsequence("DROP VIEW open_ticket_title",
				"DROP VIEW open_ticket", "ALTER TABLE ticket ALTER COLUMN title TYPE character varying(50)",
				"CREATE VIEW open_ticket WITH (security_barrier=true) AS", "CREATE VIEW open_ticket_title AS");

		v2.reload();
		v2.upgrade("head");
		assertThat(v2.check()).isEmpty();
		assertThat(Sql.column(db.dataSource(), "select title from open_ticket_title")).containsExactly("FIRST");
		assertViewsAsBefore(db);
		assertThat(Sql.column(db.dataSource(), "select character_maximum_length from information_schema.columns"
				+ " where table_name = 'ticket' and column_name = 'title'")).containsExactly("100");

		v2.downgrade(base);
		assertThat(Sql.column(db.dataSource(), "select character_maximum_length from information_schema.columns"
				+ " where table_name = 'ticket' and column_name = 'title'")).containsExactly("50");
		assertViewsAsBefore(db);
		assertThat(Sql.column(db.dataSource(), "select title from open_ticket_title")).containsExactly("FIRST");
	}

	@Test
	void aViewReadingAColumnOfAnEnumTypeSwappedForAnotherIsRebuiltAroundTheSwap(TestDatabase db) throws Exception {
		String base = withViews(db);
		Migrations v3 = migrations(db, V3);
		MigrateResult written = v3.migrate("no closed tickets");
		List<String> upgrade = statements(ScenarioRunner.upgradeSection(Files.readString(written.file())));
		assertThat(upgrade).containsSubsequence("DROP VIEW open_ticket_title", "DROP VIEW open_ticket",
				"CREATE VIEW open_ticket WITH (security_barrier=true) AS", "CREATE VIEW open_ticket_title AS");
		assertThat(upgrade).noneMatch((statement) -> statement.contains("ticket_count"));

		v3.reload();
		v3.upgrade("head");
		assertThat(v3.check()).isEmpty();
		assertThat(Sql.column(db.dataSource(), "select title from open_ticket_title")).containsExactly("FIRST");
		v3.downgrade(base);
		assertViewsAsBefore(db);
		assertThat(Sql.column(db.dataSource(), "select title from open_ticket_title")).containsExactly("FIRST");
	}

	@Test
	void aViewNamingAnEnumTypeSwappedForAnotherIsRebuiltAroundTheSwap(TestDatabase db) throws Exception {
		String base = withViews(db);
		// it reads no column of that type, but the old type cannot be dropped under it
		execute(db.dataSource(), "create view ticket_default_status as select id, 'OPEN'::status as status from ticket");
		Migrations v3 = migrations(db, V3);
		List<String> upgrade = statements(ScenarioRunner.upgradeSection(Files.readString(v3.migrate("no closed tickets")
			.file())));
		assertThat(upgrade).containsSubsequence("DROP VIEW ticket_default_status", "DROP TYPE IF EXISTS status_old",
				"CREATE VIEW ticket_default_status AS");

		v3.reload();
		v3.upgrade("head");
		assertThat(Sql.column(db.dataSource(), "select status::text from ticket_default_status")).containsExactly("OPEN");
		v3.downgrade(base);
		assertThat(Sql.column(db.dataSource(), "select status::text from ticket_default_status")).containsExactly("OPEN");
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_type where typname = 'status_old'"))
			.containsExactly("0");
	}

	@Test
	void aLabelAddedInPlaceRebuildsTheViewsOnlyInTheDowngradeWhichSwapsTheType(TestDatabase db) throws Exception {
		String base = withViews(db);
		Migrations v5 = migrations(db, V5);
		MigrateResult written = v5.migrate("archived tickets");
		String revision = Files.readString(written.file());
		assertThat(ScenarioRunner.upgradeSection(revision)).doesNotContain("VIEW");
		assertThat(statements(ScenarioRunner.downgradeSection(revision))).containsSubsequence("DROP VIEW open_ticket_title",
				"DROP VIEW open_ticket", "CREATE VIEW open_ticket WITH (security_barrier=true) AS",
				"CREATE VIEW open_ticket_title AS");

		v5.reload();
		v5.upgrade("head");
		assertThat(v5.check()).isEmpty();
		v5.downgrade(base);
		assertViewsAsBefore(db);
		assertThat(Sql.column(db.dataSource(), "select title from open_ticket_title")).containsExactly("FIRST");
	}

	@Test
	void aLabelAddedAndUsedRebuildsTheViewsInTheDowngradeOfTheLabelsRevision(TestDatabase db) throws Exception {
		String base = withViews(db);
		Migrations v6 = migrations(db, V6);
		MigrateResult written = v6.migrate("archived by default");
		assertThat(written.files()).hasSize(2);
		String labels = Files.readString(written.files().get(0));
		assertThat(ScenarioRunner.upgradeSection(labels)).doesNotContain("VIEW");
		assertThat(statements(ScenarioRunner.downgradeSection(labels))).containsSubsequence("DROP VIEW open_ticket_title",
				"DROP VIEW open_ticket", "DROP TYPE IF EXISTS status_old", "CREATE VIEW open_ticket WITH (security_barrier=true) AS",
				"CREATE VIEW open_ticket_title AS");
		assertThat(Files.readString(written.files().get(1))).doesNotContain("VIEW");

		v6.reload();
		v6.upgrade("head");
		assertThat(v6.check()).isEmpty();
		v6.downgrade(base);
		assertViewsAsBefore(db);
		assertThat(Sql.column(db.dataSource(), "select title from open_ticket_title")).containsExactly("FIRST");
	}

	@Test
	void aColumnDroppedUnderAViewIsLeftToTheReviewerWithAWarning(TestDatabase db) throws Exception {
		withViews(db);
		MigrateResult written = migrations(db, V4).migrate("no priority");
		assertThat(written.warnings()).contains("ticket_priority reads ticket.priority, which this revision drops:"
				+ " PostgreSQL refuses the drop while the view exists. Edit the revision: drop the view before and create"
				+ " it again without what is dropped after (SELECT pg_get_viewdef('ticket_priority'::regclass) prints its"
				+ " definition)");
		assertThat(Files.readString(written.file())).doesNotContain("DROP VIEW");
	}

	@Test
	void theOnlineFormSaysWhichViewsItDoesNotRebuild(TestDatabase db) throws Exception {
		withViews(db);
		MigrateResult written = migrations(db, V2).migrate("longer titles", DiffOptions.defaults(),
				MigrateOptions.onlineForm());
		assertThat(written.warnings()).anyMatch((warning) -> warning.startsWith("open_ticket reads ticket.title, whose"
				+ " type this change alters: PostgreSQL refuses it while the view exists, and the online form does not"
				+ " drop and create views again."));
	}

	@Test
	void theGrantsOnAViewsColumnsAndTheirDefaultsAreCreatedAgainToo(TestDatabase db) throws Exception {
		String base = withViews(db);
		execute(db.dataSource(), "create view ticket_form as select id, title, priority from ticket",
				"alter view ticket_form alter column priority set default 7",
				"grant select (title), update (title) on ticket_form to public");
		Migrations v2 = migrations(db, V2);
		v2.migrate("longer titles");
		v2.reload();
		v2.upgrade("head");
		assertFormAsBefore(db);
		v2.downgrade(base);
		assertFormAsBefore(db);
	}

	@Test
	void theStatisticsOfAMaterializedViewAreCreatedAgainToo(TestDatabase db) throws Exception {
		String base = withViews(db);
		execute(db.dataSource(), "create statistics ticket_count_stats (ndistinct) on title, n from ticket_count");
		Migrations v2 = migrations(db, V2);
		// named as the schema the revisions run in names it
		assertThat(Files.readString(v2.migrate("longer titles").file()))
			.contains("CREATE STATISTICS ticket_count_stats (ndistinct) ON title, n FROM ticket_count;");
		v2.reload();
		v2.upgrade("head");
		assertThat(Sql.column(db.dataSource(), "select pg_get_statisticsobjdef(oid) from pg_statistic_ext"))
			.containsExactly("CREATE STATISTICS public.ticket_count_stats (ndistinct) ON title, n FROM ticket_count");
		v2.downgrade(base);
		assertThat(Sql.column(db.dataSource(), "select pg_get_statisticsobjdef(oid) from pg_statistic_ext"))
			.containsExactly("CREATE STATISTICS public.ticket_count_stats (ndistinct) ON title, n FROM ticket_count");
	}

	@Test
	void aViewAFunctionNeedsIsLeftToTheReviewerWithAWarning(TestDatabase db) throws Exception {
		withViews(db);
		execute(db.dataSource(), "create function open_tickets() returns setof open_ticket language sql"
				+ " as 'select * from open_ticket'");
		MigrateResult written = migrations(db, V2).migrate("longer titles");
		assertThat(written.warnings()).contains("open_ticket is needed by function open_tickets(): PostgreSQL refuses"
				+ " to drop the view under them, and the revision drops it and creates it again around the change of"
				+ " ticket.title. Edit the revision: drop them before DROP VIEW open_ticket and create them again after"
				+ " the view");
		// said in the revision too, where it fails, once at db migrate
		assertThat(Files.readString(written.file())).contains("-- WARNING: open_ticket is needed by function"
				+ " open_tickets(): PostgreSQL refuses to drop the view under them,");
		assertThat(written.warnings()).filteredOn((warning) -> warning.startsWith("open_ticket is needed by")).hasSize(1);
	}

	@Test
	void aViewNamingALabelTheRevisionRemovesIsLeftToTheReviewerWithAWarning(TestDatabase db) throws Exception {
		withViews(db);
		execute(db.dataSource(), "create view closed_ticket as select id from ticket where status = 'CLOSED'");
		MigrateResult written = migrations(db, V3).migrate("no closed tickets");
		assertThat(written.warnings()).contains("closed_ticket names the enum label status.CLOSED, which this revision"
				+ " removes: creating the view again after the change fails (invalid input value for enum). Edit the"
				+ " revision: create the view again without the label");
	}

	private static void assertFormAsBefore(TestDatabase db) {
		assertThat(Sql.column(db.dataSource(), "select has_column_privilege('public', 'ticket_form', 'title', 'UPDATE')"
				+ " and not has_column_privilege('public', 'ticket_form', 'priority', 'SELECT')")).containsExactly("t");
		assertThat(Sql.column(db.dataSource(), "select column_default from information_schema.columns"
				+ " where table_name = 'ticket_form' and column_name = 'priority'")).containsExactly("7");
	}

	/** The tickets at their first revision, with views over them; the revision's id. */
	@Test
	void aRevisionGeneratedOnOneTenantRebuildsEachTenantsViewsOverItsOwnTablesAndWarnsOfTheTenantsNameInThem(
			TestDatabase db) throws Exception {
		Migrations v1 = migrations(db, V1);
		String base = v1.migrate("tickets").revision();
		String views = "aaaa0000beef";
		new RevisionFiles(this.revisions).write(views, base, "views",
				"CREATE VIEW \"${schema}\".open_ticket AS SELECT id, title, '${tenant}' AS tenant FROM \"${schema}\".ticket"
						+ " WHERE status = 'OPEN';\nCREATE VIEW open_ticket_title AS SELECT upper(title) AS title, tenant"
						+ " FROM open_ticket;",
				"DROP VIEW open_ticket_title;\nDROP VIEW \"${schema}\".open_ticket;");
		List<String> names = List.of("t_acme", "t_globex", "t_initech");
		assertThat(migrations(db, V1).tenants().schemas(names).parallelism(3).build().upgrade("head").succeeded()).isTrue();
		for (String tenant : names) {
			execute(db.dataSource(), "insert into " + tenant + ".ticket (id, title, status, priority) values (1, '"
					+ tenant + "', 'OPEN', 2)");
		}
		// a view of a shared schema reading one tenant's table
		execute(db.dataSource(), "create schema reporting",
				"create view reporting.acme_titles as select title from t_acme.ticket");

		MigrateResult written = migrations(db, V2).tenants().schemas(names).build().forTenant("t_acme")
			.migrate("longer titles");

		// the tenant's name a placeholder wrote in its view is written as it reads there: the reviewer puts the
		// placeholder back
		assertThat(written.warnings()).contains("open_ticket names the schema t_acme as a string ('t_acme'), created again"
				+ " as written: run in another tenant's schema, it names t_acme there too. Where ${schema} or ${tenant}"
				+ " wrote it, write the placeholder again in both sections of the revision");
		String revision = Files.readString(written.file());
		assertThat(ScenarioRunner.upgradeSection(revision)).contains("CREATE VIEW open_ticket AS", "FROM ticket",
				"CREATE VIEW reporting.acme_titles AS", "FROM t_acme.ticket");
		Files.writeString(written.file(), revision.replace("'t_acme'::text", "'${tenant}'::text"));

		TenantMigrations tenants = migrations(db, V2).tenants().schemas(names).parallelism(3).build();
		TenantRun upgrade = tenants.upgrade("head");
		assertThat(upgrade.summary()).startsWith("upgrade head on 3 tenant(s)").contains("3 changed (3 revision(s)), 0 already there, 0 failed.");
		assertTenantViews(db, names, "100");
		for (String tenant : names) {
			assertThat(tenants.check(tenant)).isEmpty();
		}
		TenantRun downgrade = tenants.downgrade(views, TenantSelector.all());
		assertThat(downgrade.summary()).contains("3 changed (3 revision(s)), 0 already there, 0 failed.");
		assertTenantViews(db, names, "50");
	}

	// each tenant's views read its own table, the shared view the one tenant's
	private static void assertTenantViews(TestDatabase db, List<String> tenants, String length) {
		for (String tenant : tenants) {
			assertThat(Sql.column(db.dataSource(), "select title || '/' || tenant from " + tenant + ".open_ticket_title"))
				.containsExactly(tenant.toUpperCase() + "/" + tenant);
			assertThat(Sql.column(db.dataSource(), "select character_maximum_length from information_schema.columns"
					+ " where table_schema = '" + tenant + "' and table_name = 'open_ticket' and column_name = 'title'"))
				.containsExactly(length);
		}
		assertThat(Sql.column(db.dataSource(), "select title from reporting.acme_titles")).containsExactly("t_acme");
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_views where schemaname = 'reporting'"
				+ " or schemaname like 't\\_%'")).containsExactly("7");
	}

	private String withViews(TestDatabase db) {
		Migrations v1 = migrations(db, V1);
		String base = v1.migrate("tickets").revision();
		v1.reload();
		v1.upgrade("head");
		execute(db.dataSource(), "insert into ticket (id, title, status, priority) values (1, 'first', 'OPEN', 2)",
				"create view open_ticket with (security_barrier) as select id, title from ticket where status = 'OPEN'",
				"create schema reporting", "create view reporting.\"Ticket Titles\" as select title from ticket",
				"create view open_ticket_title as select upper(title) as title from open_ticket",
				"create view ticket_priority as select id, priority from ticket",
				"create materialized view ticket_count as select title, count(*) as n from ticket group by title",
				"create unique index ticket_count_title on ticket_count (title)",
				"comment on view open_ticket is 'the open ones'", "grant select on open_ticket to public");
		return base;
	}

	private static void assertViewsAsBefore(TestDatabase db) {
		assertThat(Sql.column(db.dataSource(), "select obj_description('open_ticket'::regclass, 'pg_class')"))
			.containsExactly("the open ones");
		assertThat(Sql.column(db.dataSource(), "select has_table_privilege('public', 'open_ticket', 'SELECT')"))
			.containsExactly("t");
		assertThat(Sql.column(db.dataSource(), "select indexname from pg_indexes where tablename = 'ticket_count'"))
			.containsExactly("ticket_count_title");
		assertThat(Sql.column(db.dataSource(), "select n from ticket_count")).containsExactly("1");
		assertThat(Sql.column(db.dataSource(), "select title from reporting.\"Ticket Titles\"")).containsExactly("first");
	}

	private static List<String> statements(String section) {
		// each statement's first line
		return List.of(section.split(";\n")).stream()
			.map((statement) -> statement.replaceAll("(?m)^--.*\n", "").strip())
			.map((statement) -> statement.lines().findFirst().orElse(""))
			.toList();
	}

	private Migrations migrations(TestDatabase db, EntitySource entities) {
		return Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.revisions)
			.outputDirectory(this.revisions)
			.entities(entities)
			.load();
	}

}
