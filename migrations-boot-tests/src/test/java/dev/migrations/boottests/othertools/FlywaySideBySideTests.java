package dev.migrations.boottests.othertools;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.boottests.app.Customer;
import dev.migrations.boottests.app.CustomerRepository;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop with Flyway's real artifacts and Spring Boot's Flyway auto-configuration on its class
 * path, as a team moving from Flyway has it: both tools would migrate the same schema, so the
 * startup stops before either runs; the documented path then takes the Flyway-built database over.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class FlywaySideBySideTests {

	private static final String FLYWAY = "spring.flyway.locations=classpath:apps/shop/flyway";

	private static final String NO_LIQUIBASE = "spring.liquibase.enabled=false";

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void bothOnTheSameSchemaStopBeforeEitherRuns(TestDatabase database, CapturedOutput output) {
		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY);
		assertThat(report(output)).contains(
				"Flyway and migrations would both migrate schema public of " + database.jdbcUrl()
						+ " on this startup (Flyway is on the class path and spring.flyway.enabled is not false)",
				"spring.flyway.enabled=false", "migrations.baseline=<that revision's id>", "db migrate -m \"initial schema\"",
				"migrations.enabled=false");
		// a new application's database: Flyway built nothing there, so no revision or baseline is needed for it
		assertThat(report(output)).contains("Schema public is empty (no table, no Flyway history): Flyway built nothing"
				+ " here, so on this database turning Flyway off (spring.flyway.enabled=false) is all it takes, and"
				+ " migrations create the schema from the revisions.",
				"To move a database Flyway has migrated (production, a colleague's) to migrations:")
			.doesNotContain("To move this database from Flyway");
		assertThat(Sql.tables(database, "public")).isEmpty();
	}

	@Test
	void aFlywayDatabaseIsTakenOverWithABaseline(TestDatabase database, CapturedOutput output) {
		try (Apps flywayOnly = new Apps()) {
			ConfigurableApplicationContext context = flywayOnly.start(ShopApplication.class, shop(database), FLYWAY,
					"migrations.enabled=false");
			context.getBean(CustomerRepository.class).save(new Customer("Ada", "ada@example.com"));
		}
		assertThat(Sql.query(database, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1", "2");

		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY);
		assertThat(report(output)).contains("the schema has Flyway's history (flyway_schema_history, at version 2"
				+ " (add customer email))", "(at version 2 (add customer email))");

		int before = output.toString().length();
		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY, "spring.flyway.enabled=false");
		assertThat(report(output.toString().substring(before))).contains(
				"Schema public has 1 table (customer) but no revision recorded in migrations_version; it has Flyway's"
						+ " history (flyway_schema_history, at version 2 (add customer email))",
				"migrations.baseline=<revision>");

		ConfigurableApplicationContext context = this.apps.start(ShopApplication.class, shop(database), FLYWAY,
				"spring.flyway.enabled=false", "migrations.baseline=" + ShopApplication.ADD_EMAIL);
		assertThat(context.getBean(Migrations.class).current()).containsExactly(ShopApplication.ADD_EMAIL);
		assertThat(context.getBean(CustomerRepository.class).findByEmail("ada@example.com")).hasSize(1);
		assertThat(output).contains("Baseline: schema public had 1 table (customer) and no recorded revision, so "
				+ ShopApplication.ADD_EMAIL + " (add customer email) and its ancestors are recorded as applied without"
				+ " running them; Flyway's history (flyway_schema_history, at version 2 (add customer email)) stays in"
				+ " place and is no longer read");
		assertThat(Sql.query(database, "SELECT count(*) FROM flyway_schema_history")).containsExactly("2");
	}

	@Test
	void withTheBaselineSetOnlyTurningFlywayOffIsLeftToDo(TestDatabase database, CapturedOutput output) {
		try (Apps flywayOnly = new Apps()) {
			flywayOnly.start(ShopApplication.class, shop(database), FLYWAY, "migrations.enabled=false");
		}
		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY, "migrations.baseline=" + ShopApplication.ADD_EMAIL);
		String report = report(output);
		assertThat(report).contains("1. Turn Flyway off: spring.flyway.enabled=false (or remove its dependency)."
				+ " migrations.baseline=" + ShopApplication.ADD_EMAIL + " is set already: on the next start the existing"
				+ " tables are taken as that revision");
		assertThat(report).doesNotContain("Set migrations.baseline=", "Have a revision that creates the schema");
		assertThat(Sql.query(database, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1", "2");
	}

	@Test
	void aFailedFlywayMigrationIsNotAdoptedUntilRepaired(TestDatabase database, CapturedOutput output) {
		try (Apps flywayOnly = new Apps()) {
			flywayOnly.start(ShopApplication.class, shop(database), FLYWAY, "migrations.enabled=false");
		}
		// what Flyway records when V3 failed half-way (on a database without transactional DDL)
		Sql.execute(database, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, execution_time, success) VALUES (3, '3', 'add customer phone', 'SQL',"
				+ " 'V3__add_customer_phone.sql', 0, 'postgres', 1, false)");

		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY);
		assertThat(report(output)).contains(
				"with a failed migration: version 3 (add customer phone, V3__add_customer_phone.sql)",
				"0. Repair the failed migration first", "`flyway repair`");

		int before = output.toString().length();
		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY, "spring.flyway.enabled=false",
				"migrations.baseline=" + ShopApplication.ADD_EMAIL);
		assertThat(report(output.toString().substring(before))).contains(
				"Schema public was not adopted: Flyway's history (flyway_schema_history) records a failed migration,"
						+ " version 3 (add customer phone, V3__add_customer_phone.sql), so the schema may be half-changed",
				"`flyway repair`", "DELETE FROM public.flyway_schema_history WHERE success = false");
		assertThat(Sql.query(database, "SELECT count(*) FROM migrations_version")).containsExactly("0");

		Sql.execute(database, "DELETE FROM flyway_schema_history WHERE success = false");
		ConfigurableApplicationContext context = this.apps.start(ShopApplication.class, shop(database), FLYWAY,
				"spring.flyway.enabled=false", "migrations.baseline=" + ShopApplication.ADD_EMAIL);
		assertThat(context.getBean(Migrations.class).current()).containsExactly(ShopApplication.ADD_EMAIL);
	}

	@Test
	void flywaysRepeatableScriptsAreNamedInTheReport(TestDatabase database, CapturedOutput output) {
		String locations = FLYWAY + ",classpath:apps/shop/flyway-views";
		try (Apps flywayOnly = new Apps()) {
			flywayOnly.start(ShopApplication.class, shop(database), locations, "migrations.enabled=false");
		}
		Apps.failToStart(ShopApplication.class, shop(database), locations);
		assertThat(report(output)).contains(
				"and repeatable migrations applied: customer view (R__customer_view.sql)",
				"Flyway's V*.sql scripts, and its R__*.sql repeatable scripts,",
				"Flyway's repeatable scripts applied here (customer view (R__customer_view.sql)) created objects too");
	}

	@Test
	void flywayMerelyOnTheClassPathOfADatabaseMigrationsManagesIsToldToBeTurnedOff(TestDatabase database,
			CapturedOutput output) {
		try (Apps migrationsOnly = new Apps()) {
			migrationsOnly.start(ShopApplication.class, shop(database), FLYWAY, "spring.flyway.enabled=false");
		}
		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY);
		String report = report(output);
		assertThat(report).contains("Flyway is enabled on a database that migrations already manages",
				"Set spring.flyway.enabled=false, or remove the dependency");
		assertThat(report).doesNotContain("To move this database from Flyway");
		assertThat(Sql.tables(database, "public")).doesNotContain("flyway_schema_history");
	}

	@Test
	void flywayEnabledAgainOnADatabaseTakenOverFromItIsToldToBeTurnedOffOnly(TestDatabase database,
			CapturedOutput output) {
		try (Apps flywayOnly = new Apps()) {
			flywayOnly.start(ShopApplication.class, shop(database), FLYWAY, "migrations.enabled=false");
		}
		try (Apps takingOver = new Apps()) {
			takingOver.start(ShopApplication.class, shop(database), FLYWAY, "spring.flyway.enabled=false",
					"migrations.baseline=" + ShopApplication.ADD_EMAIL);
		}
		// a configuration (a profile, another environment) without spring.flyway.enabled=false
		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY, "migrations.baseline=" + ShopApplication.ADD_EMAIL);
		String report = report(output);
		assertThat(report).contains("Flyway is enabled on a database that migrations already manages: schema public"
				+ " was taken over from Flyway (its revisions are recorded by migrations; Flyway's history"
				+ " (flyway_schema_history, at version 2 (add customer email)) stays in place, no longer read)",
				"only the last step is left: set spring.flyway.enabled=false, or remove the dependency");
		// not the steps already taken: a revision for the schema, the baseline
		assertThat(report).doesNotContain("To move this database from Flyway", "Have a revision that creates the schema");
		assertThat(Sql.query(database, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1", "2");
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY revision"))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
	}

	@Test
	void aFlywayHistoryUnderANameOfItsOwnIsReadAsFlywaysWhenTakingOver(TestDatabase database, CapturedOutput output) {
		String table = "spring.flyway.table=shop_schema_versions";
		try (Apps flywayOnly = new Apps()) {
			flywayOnly.start(ShopApplication.class, shop(database), FLYWAY, table, "migrations.enabled=false");
		}
		assertThat(Sql.tables(database, "public")).containsExactly("customer", "shop_schema_versions");

		Apps.failToStart(ShopApplication.class, shop(database), FLYWAY, table, "spring.flyway.enabled=false");
		assertThat(report(output)).contains("Schema public has 1 table (customer) but no revision recorded in"
				+ " migrations_version; it has Flyway's history (shop_schema_versions, at version 2 (add customer email))");

		ConfigurableApplicationContext context = this.apps.start(ShopApplication.class, shop(database), FLYWAY, table,
				"spring.flyway.enabled=false", "migrations.baseline=" + ShopApplication.ADD_EMAIL);
		assertThat(context.getBean(Migrations.class).current()).containsExactly(ShopApplication.ADD_EMAIL);
		assertThat(output).contains("Flyway's history (shop_schema_versions, at version 2 (add customer email)) stays in"
				+ " place and is no longer read");
		assertThat(context.getBean(Migrations.class).check()).isEmpty();
	}

	@Test
	void flywayOnAnotherSchemaRunsBesideMigrations(TestDatabase database) {
		this.apps.start(ShopApplication.class, shop(database), FLYWAY, "spring.flyway.default-schema=legacy",
				"spring.flyway.schemas=legacy");
		assertThat(Sql.tables(database, "legacy")).containsExactly("customer", "flyway_schema_history");
		assertThat(Sql.tables(database, "public")).containsExactly("customer", "migrations_version",
				"migrations_version_log");
	}

	private static List<String> shop(TestDatabase database) {
		return Apps.with(Apps.with(Apps.database(database), ShopApplication.DEFAULTS), NO_LIQUIBASE,
				"migrations.drift.enabled=false");
	}

	static String report(CapturedOutput output) {
		return report(output.toString());
	}

	static String report(String output) {
		int start = output.lastIndexOf("APPLICATION FAILED TO START");
		assertThat(start).as("a failure analysis was reported").isNotNegative();
		return output.substring(start);
	}

}
