package dev.migrations.autogenerate.scenarios.hibernate;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.scenarios.hibernate.HibernateFeatureScenariosTest.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate settings and class-path facts that change the DDL, each given to the entity side and to
 * the schema Hibernate creates alike (as {@code spring.jpa.properties} reach both in an
 * application): the round trip of {@link ScenarioRunner} holds for each, and the schema shows the
 * setting took effect.
 */
@ExtendWith(TestDatabaseExtension.class)
class HibernateSettingsScenariosTest {

	@TempDir
	Path directory;

	/** Without settings: uuid, time zones kept, a join table's key in Hibernate's column order. */
	@Test
	void defaultSettings(TestDatabase db) {
		gadgets().afterV1((ds) -> {
			assertThat(types(ds, "gadget")).containsExactly("checked_at timestamp(6) with time zone",
					"created_at timestamp(6) with time zone", "id uuid", "name character varying(255)",
					"released_at timestamp(6) with time zone");
			assertThat(primaryKey(ds, "gadget_accessories")).isEqualTo("PRIMARY KEY (accessories_id, gadget_id)");
		})
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					ALTER TABLE gadget ADD COLUMN IF NOT EXISTS active boolean;
					ALTER TABLE gadget ADD COLUMN IF NOT EXISTS batch uuid;
					"""))
			.run(db);
	}

	/** {@code hibernate.type.preferred_uuid_jdbc_type=CHAR}: UUIDs and the keys referencing them as char(36). */
	@Test
	void uuidsStoredAsCharacters(TestDatabase db) {
		gadgets().configure((source) -> source.withSetting("hibernate.type.preferred_uuid_jdbc_type", "CHAR"))
			.afterV1((ds) -> assertThat(types(ds, "gadget_accessories"))
				.containsExactly("accessories_id character(36)", "gadget_id character(36)"))
			.revision((text) -> assertThat(upgrade(text)).contains("ADD COLUMN IF NOT EXISTS batch character(36);"))
			.run(db);
	}

	/** {@code hibernate.timezone.default_storage=NORMALIZE}: zoned and offset times without a time zone. */
	@Test
	void timeZonesNormalized(TestDatabase db) {
		gadgets().configure((source) -> source.withSetting("hibernate.timezone.default_storage", "NORMALIZE"))
			.afterV1((ds) -> assertThat(types(ds, "gadget")).contains("checked_at timestamp(6) without time zone",
					"released_at timestamp(6) without time zone"))
			.run(db);
	}

	/** {@code hibernate.column_ordering_strategy=legacy}: keys in the mapping's order, as Hibernate then creates them. */
	@Test
	void legacyColumnOrder(TestDatabase db) {
		gadgets().configure((source) -> source.withSetting("hibernate.column_ordering_strategy", "legacy"))
			.afterV1((ds) -> assertThat(primaryKey(ds, "gadget_accessories"))
				.isEqualTo("PRIMARY KEY (gadget_id, accessories_id)"))
			.run(db);
	}

	/**
	 * A library on the class path that contributes mappings (as Envers contributes its audit tables)
	 * is found by the entity side through the application's class loader, as by the application's
	 * Hibernate.
	 */
	@Test
	void mappingsContributedByALibraryOnTheClassPath(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.hibernate.contributed.v1.Ledger.class)
			.v2(dev.migrations.autogenerate.scenarios.hibernate.contributed.v2.Ledger.class)
			.revision((text) -> assertThat(upgrade(text)).isEqualTo("""
					CREATE SEQUENCE IF NOT EXISTS audit_trail_entry_seq INCREMENT BY 50;
					CREATE TABLE IF NOT EXISTS audit_trail_entry (
					    changed_at timestamp(6) with time zone,
					    id bigint NOT NULL,
					    entity_name character varying(60) NOT NULL,
					    CONSTRAINT audit_trail_entry_pkey PRIMARY KEY (id)
					);
					"""))
			.run(db);
	}

	private ScenarioRunner gadgets() {
		return new ScenarioRunner(this.directory)
			.v1(dev.migrations.autogenerate.scenarios.hibernate.settings.v1.Gadget.class,
					dev.migrations.autogenerate.scenarios.hibernate.settings.Accessory.class)
			.v2(dev.migrations.autogenerate.scenarios.hibernate.settings.v2.Gadget.class,
					dev.migrations.autogenerate.scenarios.hibernate.settings.Accessory.class);
	}

	private static List<String> types(DataSource dataSource, String table) {
		return Sql.column(dataSource, "select attname || ' ' || format_type(atttypid, atttypmod) from pg_attribute"
				+ " where attrelid = '" + table + "'::regclass and attnum > 0 and not attisdropped order by attname");
	}

	private static String primaryKey(DataSource dataSource, String table) {
		return Sql.column(dataSource, "select pg_get_constraintdef(oid) from pg_constraint where conrelid = '" + table
				+ "'::regclass and contype = 'p'").get(0);
	}

}
