package dev.migrations.boottests.othertools;

import java.util.List;

import dev.migrations.Migrations;
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
 * The shop with Liquibase and Spring Boot's Liquibase auto-configuration on its class path. Liquibase
 * migrates as soon as its bean is created, so the check must not create it.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class LiquibaseSideBySideTests {

	private static final String LIQUIBASE = "spring.liquibase.change-log=classpath:apps/shop/liquibase/changelog.sql";

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void bothOnTheSameSchemaStopBeforeEitherRuns(TestDatabase database, CapturedOutput output) {
		Apps.failToStart(ShopApplication.class, shop(database), LIQUIBASE);
		assertThat(FlywaySideBySideTests.report(output)).contains("Liquibase and migrations would both migrate schema public",
				"spring.liquibase.enabled=false", "migrations.baseline=<that revision's id>");
		assertThat(Sql.tables(database, "public")).isEmpty();
	}

	@Test
	void aLiquibaseDatabaseIsTakenOverWithABaseline(TestDatabase database, CapturedOutput output) {
		try (Apps liquibaseOnly = new Apps()) {
			liquibaseOnly.start(ShopApplication.class, shop(database), LIQUIBASE, "migrations.enabled=false");
		}
		assertThat(Sql.tables(database, "public")).containsExactly("customer", "databasechangelog",
				"databasechangeloglock");
		ConfigurableApplicationContext context = this.apps.start(ShopApplication.class, shop(database), LIQUIBASE,
				"spring.liquibase.enabled=false", "migrations.baseline=" + ShopApplication.ADD_EMAIL);
		assertThat(context.getBean(Migrations.class).current()).containsExactly(ShopApplication.ADD_EMAIL);
		assertThat(output).contains("Baseline: schema public had 1 table (customer)",
				"Liquibase's history (databasechangelog, at change set 2::shop");
	}

	private static List<String> shop(TestDatabase database) {
		return Apps.with(Apps.with(Apps.database(database), ShopApplication.DEFAULTS), "spring.flyway.enabled=false",
				"migrations.drift.enabled=false");
	}

}
