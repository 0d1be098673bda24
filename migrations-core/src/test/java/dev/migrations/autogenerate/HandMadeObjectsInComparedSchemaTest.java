package dev.migrations.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.Sql;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code columnDefinition} naming a domain, an enum type or a sequence that a hand-written revision
 * created in the compared schema (the way applications used PostgreSQL enum types before Hibernate
 * created them): the application's Hibernate finds them, and so does the comparison.
 */
@ExtendWith(TestDatabaseExtension.class)
class HandMadeObjectsInComparedSchemaTest {

	private static final EntitySource V1 = EntitySource.of(dev.migrations.autogenerate.handmade.v1.Customer.class);

	private static final EntitySource V2 = EntitySource.of(dev.migrations.autogenerate.handmade.v2.Customer.class);

	@TempDir
	Path revisions;

	@Test
	void columnsOfHandMadeTypesAreInSyncAndAChangeIsWrittenWithTheirNames(TestDatabase db) throws Exception {
		execute(db.dataSource(), "create domain email_address as varchar(320) check (value like '%@%')",
				"create sequence customer_number_seq", "create type mood as enum ('happy', 'sad')");
		HibernateSchemaCreation.create(db.dataSource(), V1);

		Migrations v1 = migrations(db, V1);
		assertThat(v1.check()).isEmpty();
		assertThat(v1.migrate("nothing").written()).isFalse();

		Migrations v2 = migrations(db, V2);
		MigrateResult written = v2.migrate("backup email");
		assertThat(ScenarioRunner.upgradeSection(Files.readString(written.file())))
			.isEqualTo("""
					-- WARNING: fails if customer has rows: NOT NULL backup_email has no default; add it nullable, backfill it, then SET NOT NULL, or give it a default
					ALTER TABLE customer ADD COLUMN IF NOT EXISTS backup_email email_address NOT NULL;
					""");
		v2.reload();
		v2.upgrade("head");
		assertThat(v2.check()).isEmpty();
	}

	@Test
	void theComparisonLeavesTheLiveSchemaAsItWas(TestDatabase db) {
		execute(db.dataSource(), "create domain email_address as varchar(320) check (value like '%@%')",
				"create sequence customer_number_seq", "create type mood as enum ('happy', 'sad')");
		Migrations migrations = migrations(db, V1);
		assertThat(migrations.check()).extracting((difference) -> difference.kind()).containsExactly("TABLE_MISSING");
		assertThat(Sql.column(db.dataSource(), "select count(*) from pg_class c join pg_namespace n"
				+ " on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'")).containsExactly("0");
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
