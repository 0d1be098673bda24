package dev.migrations.autogenerate.scenarios.libraries;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.entity.EntityMetadataException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.execute;
import static dev.migrations.autogenerate.ScenarioRunner.upgradeSection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Libraries applications add that change Hibernate's metadata, each through the round trip of
 * {@link ScenarioRunner} with a change typical of the library.
 */
@ExtendWith(TestDatabaseExtension.class)
class LibraryScenariosTest {

	@TempDir
	Path directory;

	/**
	 * Hypersistence Utils' {@code JsonType}: without a {@code columnDefinition} the column is what the
	 * type gives for PostgreSQL, with one it is that definition; a new {@code jsonb} column and one whose
	 * definition goes from {@code json} to {@code jsonb}, on rows that hold JSON.
	 */
	@Test
	void hypersistenceJsonType(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.libraries.json.v1.Listing.class)
			.v2(dev.migrations.autogenerate.scenarios.libraries.json.v2.Listing.class)
			.afterV1((ds) -> execute(ds, "insert into listing (id, attributes, dimensions, tags) values (1,"
					+ " '{\"colour\": \"red\"}', '{\"width\": 2, \"height\": 3}', '[\"new\"]')"))
			.revision((text) -> assertThat(upgradeSection(text)).isEqualTo("""
					ALTER TABLE listing ADD COLUMN IF NOT EXISTS variants jsonb;
					-- WARNING: converts listing.tags from json to jsonb: duplicate keys keep only their last value, and whitespace and key order are not kept
					ALTER TABLE listing ALTER COLUMN tags TYPE jsonb;
					"""))
			.afterV2((ds) -> assertThat(Sql.column(ds, "select tags::text || ' ' || pg_typeof(labels) from listing"))
				.containsExactly("[\"new\"] character varying"))
			.run(db);
	}

	/**
	 * A JSON type without a column definition has no DDL type on PostgreSQL: Hibernate cannot create its
	 * table, though the application runs with {@code ddl-auto=none}. {@code migrate} names the column and
	 * what to write.
	 */
	@Test
	void aJsonTypeWithoutAColumnDefinitionIsNamedWithWhatToWrite(TestDatabase db) {
		Migrations migrations = new ScenarioRunner(this.directory).migrations(db.dataSource(),
				List.of(dev.migrations.autogenerate.scenarios.libraries.json.Preference.class));
		assertThatExceptionOfType(EntityMetadataException.class).isThrownBy(() -> migrations.migrate("preferences"))
			.withMessageStartingWith("Hibernate cannot write the DDL of the 1 entity classes: Error creating SQL 'create'"
					+ " commands for table 'preference' [Unable to determine SQL type name for column 'settings'")
			.withMessageEndingWith("give such a column its type with @Column(columnDefinition = \"...\"), e.g. \"jsonb\""
					+ " for a library's JSON type.");
	}

}
