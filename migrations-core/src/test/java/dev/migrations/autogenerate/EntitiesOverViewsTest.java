package dev.migrations.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.autogenerate.views.OrderLine;
import dev.migrations.autogenerate.views.Shop;
import dev.migrations.autogenerate.views.ShopRanking;
import dev.migrations.autogenerate.views.ShopTotal;
import dev.migrations.diff.Difference;
import dev.migrations.entity.EntityMetadataReader;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code @Immutable} entity mapped with {@code @Table} to a view or a materialized view the
 * application creates in a revision of its own (the usual way to read a report through JPA): the
 * view is not a missing table, and no foreign key can reference it.
 */
@ExtendWith(TestDatabaseExtension.class)
class EntitiesOverViewsTest {

	private static final EntitySource ENTITIES = EntitySource.of(Shop.class, OrderLine.class, ShopTotal.class,
			ShopRanking.class);

	@TempDir
	Path revisions;

	@Test
	void anEntityOverAnExistingViewIsNoMissingTableAndNoForeignKeyReferencesIt(TestDatabase db) throws Exception {
		createTablesAndViews(db);
		Migrations migrations = migrations(db);

		assertThat(migrations.check()).isEmpty();
		MigrateResult nothing = migrations.migrate("nothing");
		assertThat(nothing.written()).isFalse();
	}

	@Test
	void aRealChangeBesideTheViewsIsFoundAlone(TestDatabase db) throws Exception {
		createTablesAndViews(db);
		execute(db.dataSource(), "drop materialized view mv_shop_ranking", "drop view v_shop_total",
				"alter table order_line drop column amount");
		execute(db.dataSource(), "create view v_shop_total as select shop_id, count(*) as lines, 0::numeric as total"
				+ " from order_line group by shop_id");
		execute(db.dataSource(), "create materialized view mv_shop_ranking as select id as shop_id,"
				+ " (rank() over (order by name))::integer as position from shop");
		Migrations migrations = migrations(db);

		assertThat(migrations.check()).extracting(Difference::kind, Difference::object)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("COLUMN_MISSING", "order_line.amount"));
		MigrateResult written = migrations.migrate("amount");
		assertThat(ScenarioRunner.upgradeSection(Files.readString(written.file())))
			.isEqualTo("ALTER TABLE order_line ADD COLUMN IF NOT EXISTS amount numeric(12,2);\n");
		migrations.reload();
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
	}

	/**
	 * The schema as the application has it: the tables Hibernate creates from the entities
	 * ({@code ddl-auto=create}) but the two over views, which a revision of its own creates.
	 */
	private static void createTablesAndViews(TestDatabase db) {
		List<String> tables = new EntityMetadataReader().read(ENTITIES).hibernateStatements().stream()
			.filter((statement) -> !statement.contains("v_shop_total") && !statement.contains("mv_shop_ranking"))
			.toList();
		execute(db.dataSource(), tables.toArray(String[]::new));
		execute(db.dataSource(), "create view v_shop_total as select shop_id, count(*) as lines, sum(amount) as total"
				+ " from order_line group by shop_id");
		execute(db.dataSource(), "create materialized view mv_shop_ranking as select id as shop_id,"
				+ " (rank() over (order by name))::integer as position from shop");
	}

	private Migrations migrations(TestDatabase db) {
		return Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.revisions)
			.outputDirectory(this.revisions)
			.entities(ENTITIES)
			.load();
	}

}
