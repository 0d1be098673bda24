package dev.migrations.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extensions installed in the compared schema ({@code CREATE EXTENSION citext} puts its type in
 * {@code public}): their types and functions read the same on both sides, unqualified, so a schema
 * Hibernate created shows no drift, and a revision names them as the application's DDL does.
 */
@ExtendWith(TestDatabaseExtension.class)
class ExtensionObjectsInComparedSchemaTest {

	private static final EntitySource V1 = EntitySource.of(dev.migrations.autogenerate.extensions.v1.Member.class);

	private static final EntitySource V2 = EntitySource.of(dev.migrations.autogenerate.extensions.v2.Member.class);

	@TempDir
	Path revisions;

	@Test
	void aSchemaHibernateCreatedWithExtensionTypesAndFunctionsIsInSyncAndAChangeIsWrittenUnqualified(TestDatabase db)
			throws Exception {
		execute(db.dataSource(), "create extension citext", "create extension ltree", "create extension \"uuid-ossp\"");
		HibernateSchemaCreation.create(db.dataSource(), V1);

		Migrations v1 = migrations(db, V1);
		assertThat(v1.check()).isEmpty();
		assertThat(v1.migrate("nothing").written()).isFalse();

		Migrations v2 = migrations(db, V2);
		MigrateResult written = v2.migrate("nickname");
		assertThat(ScenarioRunner.upgradeSection(Files.readString(written.file())))
			.isEqualTo("ALTER TABLE member ADD COLUMN IF NOT EXISTS nickname citext;\n");
		v2.reload();
		v2.upgrade("head");
		assertThat(v2.check()).isEmpty();
	}

	@Test
	void aNewTableWithExtensionTypesIsCreatedWithTheirNamesAsWritten(TestDatabase db) throws Exception {
		execute(db.dataSource(), "create extension citext", "create extension ltree", "create extension \"uuid-ossp\"");
		Migrations migrations = migrations(db, V1);
		MigrateResult written = migrations.migrate("member");
		assertThat(Files.readString(written.file())).contains("id uuid DEFAULT uuid_generate_v4() NOT NULL",
				"email citext", "aliases citext[]", "path ltree").doesNotContain("public.");
		migrations.reload();
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
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
