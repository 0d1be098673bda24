package dev.migrations.boottests.nonjpa;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.nonjpa.jobs.JobsShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Batch's, Quartz's and Spring Session's schema initialization ({@code spring.batch.jdbc.initialize-schema},
 * {@code spring.quartz.jdbc.initialize-schema}, {@code spring.session.jdbc.initialize-schema}) beside the startup
 * upgrade: as after Flyway's, their scripts run after the upgrade, so a revision cannot use their tables; and their
 * tables are not the entities', so drift does not report them.
 */
@ExtendWith(TestDatabaseExtension.class)
class LibrarySchemasTests {

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void theLibrariesTablesAreCreatedAfterTheUpgradeAndAreNoDrift(TestDatabase database) {
		this.apps.startWeb(JobsShopApplication.class, jobsShop(database), "migrations.drift.on-startup=fail");
		assertThat(Sql.tables(database, "public")).contains("customer", "migrations_version", "batch_job_instance",
				"qrtz_job_details", "spring_session", "spring_session_attributes");
	}

	@Test
	void aLibrarysTablesThatARevisionCreatesUnderTheConfiguredNameAreNoDriftEither(TestDatabase database) {
		this.apps.startWeb(JobsShopApplication.class, jobsShop(database), "migrations.drift.on-startup=fail",
				"migrations.locations=classpath:apps/shop/revisions,classpath:apps/library-revisions",
				"spring.session.jdbc.initialize-schema=never", "spring.session.jdbc.table-name=WEB_SESSION");
		assertThat(Sql.tables(database, "public")).contains("web_session", "web_session_attributes")
			.doesNotContain("spring_session");
	}

	@Test
	void aRevisionCannotUseATableTheLibrarysScriptCreatesAfterTheUpgrade(TestDatabase database) {
		Throwable failure = Apps.failToStart(JobsShopApplication.class, jobsShop(database),
				"migrations.locations=classpath:apps/shop/revisions,classpath:apps/library-schemas");
		assertThat(failure).rootCause().hasMessageContaining("relation \"qrtz_triggers\" does not exist");
		assertThat(Sql.tables(database, "public")).doesNotContain("qrtz_triggers");
	}

	/**
	 * {@code java -jar app.jar db current} of the application: a command looks at the database as it is and changes
	 * nothing, so neither the libraries' schema scripts nor Quartz's scheduler (a lifecycle bean, started even when
	 * lazy) run.
	 */
	@Test
	void aCommandRunsNoLibrarysSchemaScriptAndStartsNoScheduler(TestDatabase database) {
		List<String> args = new ArrayList<>(List.of("db", "current", "--migrations.shell.command-mode.exit=false",
				"--migrations.shell.command-mode.fast-start=false"));
		jobsShop(database).forEach((setting) -> args.add("--" + setting));
		ConfigurableApplicationContext context = SpringApplication.run(JobsShopApplication.class, args.toArray(String[]::new));
		boolean schedulerStarted = context.getBeanFactory().containsSingleton("quartzScheduler");
		assertThat(SpringApplication.exit(context)).isZero();
		assertThat(schedulerStarted).as("Quartz's scheduler started").isFalse();
		assertThat(Sql.tables(database, "public")).isEmpty();
	}

	static List<String> jobsShop(TestDatabase database) {
		return Apps.with(Apps.with(Apps.database(database), ShopApplication.DEFAULTS), JobsShopApplication.LIBRARY_SCHEMAS);
	}

}
