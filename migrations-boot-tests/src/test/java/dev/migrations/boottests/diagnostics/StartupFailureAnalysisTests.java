package dev.migrations.boottests.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrations.boottests.ahead.AheadShopApplication;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.boottests.support.TcpProxy;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.SpringProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications that fail to start during their first hour with migrations, and what Spring Boot's
 * "APPLICATION FAILED TO START" report tells their developers.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class StartupFailureAnalysisTests {

	@Test
	void anEntityAheadOfTheDatabaseNamesTheColumnAndTheCommands(TestDatabase database, CapturedOutput output) {
		Apps.failToStart(AheadShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS));
		assertThat(report(output)).contains(
				"Hibernate's schema validation (spring.jpa.hibernate.ddl-auto=validate) found that the entities map column"
						+ " customer.phone, which the database does not have",
				"db migrate -m \"add phone to customer\"", "db upgrade", "db check");
	}

	@Test
	void anEntityAheadOfADatabaseTheStartupDidNotUpgradeNamesTheSettingThatTurnedTheUpgradeOff(TestDatabase database,
			CapturedOutput output) {
		Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
				"migrations.enabled=false");
		assertThat(report(output)).contains("found that the entities map table customer, which the database does not have",
				"Action:\n\nmigrations.enabled=false turned migrations off, so the startup did not upgrade the database");
		int before = output.toString().length();
		Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
				"migrations.upgrade-on-startup=false");
		assertThat(report(output.toString().substring(before))).contains(
				"Action:\n\nmigrations.upgrade-on-startup=false turned the startup upgrade off, so the startup did not upgrade"
						+ " the database");
	}

	/**
	 * A training run ({@code -Dspring.context.exit=onRefresh}, read here as Spring reads it) does not upgrade: Hibernate's
	 * validation then fails on the database as it is, and the report says why and what to set; a drift check that is
	 * to stop the startup does not stop it.
	 */
	@Test
	void aTrainingRunLeavesTheDatabaseAsItIsAndSaysWhyHibernateFoundItBehind(TestDatabase database, CapturedOutput output) {
		// the lifecycle processor reads the property once, when its class is loaded: loaded before, it does not end this JVM
		new DefaultLifecycleProcessor();
		SpringProperties.setProperty(DefaultLifecycleProcessor.EXIT_PROPERTY_NAME, DefaultLifecycleProcessor.ON_REFRESH_VALUE);
		try {
			Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS));
			assertThat(report(output)).contains("found that the entities map table customer, which the database does not have",
					"Action:\n\nThis is a training run (spring.context.exit=onRefresh), in which the startup upgrade does not"
							+ " run, so the database was not upgraded: set spring.jpa.hibernate.ddl-auto=none for the training run");
			try (Apps apps = new Apps()) {
				apps.start(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
						"spring.jpa.hibernate.ddl-auto=none", "migrations.drift.on-startup=fail");
			}
		}
		finally {
			SpringProperties.setProperty(DefaultLifecycleProcessor.EXIT_PROPERTY_NAME, null);
		}
		assertThat(output).contains("The startup upgrade does not run in a training run");
		assertThat(Sql.tables(database, "public")).isEmpty();
	}

	@Test
	void aColumnTheNextReleaseDroppedIsExplainedByTheDatabaseAheadAndTheDowngradeWithThatRelease(TestDatabase database,
			CapturedOutput output) {
		// the next release upgraded the database during a rolling deploy; this release's instance restarts
		try (Apps apps = new Apps()) {
			apps.start(ShopApplication.class, Apps.database(database),
					"migrations.locations=classpath:apps/shop/revisions,classpath:apps/shop-next");
		}
		Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS));
		assertThat(report(output)).contains("found that the entities map column customer.email, which the database does"
				+ " not have. The database is ahead of this code: revision 5b0b00000003, which this release does not have,"
				+ " was applied by a newer release",
				"Do not write a revision for this difference in this release",
				"java -jar <the newer release>.jar db downgrade " + ShopApplication.ADD_EMAIL)
			.doesNotContain("db migrate");
	}

	@Test
	void onADatabaseAheadARevisionOfThisReleaseEditedAfterItRanIsNamedBesideTheNewerRelease(TestDatabase database,
			CapturedOutput output, @TempDir Path revisions) throws IOException {
		try (Apps apps = new Apps()) {
			apps.start(ShopApplication.class, Apps.database(database),
					"migrations.locations=classpath:apps/shop/revisions,classpath:apps/shop-next");
		}
		// this release's files, one edited after it ran; checksums not validated, so the startup goes on as ahead
		for (String name : new String[] { "5b0b00000001_create_customer.sql", "5b0b00000002_add_customer_email.sql" }) {
			try (InputStream in = getClass().getResourceAsStream("/apps/shop/revisions/" + name)) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				Files.writeString(revisions.resolve(name), name.startsWith(ShopApplication.ADD_EMAIL)
						? text.replace("-- downgrade", "CREATE INDEX ix_customer_email ON customer (email);\n\n-- downgrade")
						: text);
			}
		}
		Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(database), "migrations.locations=filesystem:"
				+ revisions, "spring.jpa.hibernate.ddl-auto=validate", "migrations.validate-checksums=false"));
		assertThat(report(output)).contains("The database is ahead of this code: revision 5b0b00000003",
				"But revision " + ShopApplication.ADD_EMAIL + " of this release was also changed after it was applied"
						+ " (migrations.validate-checksums=false let the startup go on): the database has what it did when"
						+ " it ran, not what its file now says, which may be this difference");
	}

	@Test
	void anUnreachableDatabaseIsNamedWithoutItsPassword(TestDatabase database, CapturedOutput output) throws IOException {
		try (TcpProxy closed = TcpProxy.to(database, Integer.MAX_VALUE)) {
			String url = closed.jdbcUrl(database.jdbcUrl());
			String withPassword = url + (url.contains("?") ? "&" : "?") + "password=hunter2";
			Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(withPassword, database.username(), null),
					ShopApplication.DEFAULTS));
			assertThat(closed.refusedSoFar()).isPositive();
			assertThat(report(output)).contains("migrations could not connect to it",
					"Could not connect to jdbc:postgresql://127.0.0.1:" + closed.port() + "/", "password=******",
					"as user '" + database.username() + "'",
					"Check that the database server is running and reachable from this host at 127.0.0.1:" + closed.port(),
					"migrations.connect-retries=10");
			assertThat(output.toString()).doesNotContain("hunter2");
		}
	}

	@Test
	void aRejectedLoginSaysWhichPropertiesToCheck(TestDatabase database, CapturedOutput output) {
		Apps.failToStart(ShopApplication.class,
				Apps.with(Apps.database(database.jdbcUrl(), "no_such_user_here", "wrong"), ShopApplication.DEFAULTS));
		assertThat(report(output)).contains("Could not connect to " + database.jdbcUrl() + " as user 'no_such_user_here'",
				"The server rejected the login",
				"spring.datasource.username", "migrations.user");
	}

	@Test
	void aMissingDatabaseIsToldApartFromAnUnreachableServer(TestDatabase database, CapturedOutput output) {
		String missing = database.jdbcUrl().replace(database.name(), database.name() + "_missing");
		Apps.failToStart(ShopApplication.class,
				Apps.with(Apps.database(missing, database.username(), database.password()), ShopApplication.DEFAULTS));
		assertThat(report(output)).contains("database \"" + database.name() + "_missing\" does not exist",
				"The server answered but has no database of that name");
	}

	/**
	 * A pool made read-only (for a replica, or by mistake) and used by migrations too: the driver makes only its
	 * transactions read-only, so the version tables were created, then the first revision failed, blamed on a
	 * read-only user or a standby. The report names the pool's setting and leaves the database untouched.
	 */
	@Test
	void aReadOnlyPoolIsNamedAndNothingIsCreated(TestDatabase database, CapturedOutput output) {
		Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
				"spring.datasource.hikari.read-only=true");
		assertThat(report(output)).contains("The database was not upgraded: the migrations' connection is read-only",
				"spring.datasource.hikari.read-only=true", "migrations.url");
		assertThat(Sql.tables(database, "public")).isEmpty();
	}

	@Test
	void aFailingRevisionIsNamedWithItsFileLineAndSqlAndWasRolledBack(TestDatabase database, CapturedOutput output) {
		Apps.failToStart(ShopApplication.class, Apps.with(Apps.database(database), ShopApplication.DEFAULTS),
				"migrations.locations=classpath:apps/shop/revisions,classpath:apps/failing");
		assertThat(report(output)).contains(
				"revision 5b0bfa110003 failed at statement 2, apps/failing/5b0bfa110003_add_customer_tier.sql (line 9)",
				"ALTER TABLE customer ADD COLUMN tier varchar(10)", "relation \"tiers\" does not exist",
				"was rolled back: nothing of it was applied", "Fix it in apps/failing/5b0bfa110003_add_customer_tier.sql");
		assertThat(Sql.query(database, "SELECT revision FROM migrations_version ORDER BY applied_seq"))
			.containsExactly(ShopApplication.CREATE_CUSTOMER, ShopApplication.ADD_EMAIL);
		assertThat(Sql.tables(database, "public")).doesNotContain("tier");
	}

	@Test
	void noRevisionsYetSaysToGenerateTheFirstFromTheEntities(TestDatabase database, CapturedOutput output) {
		// a new application with the starter and its entities, before `db init`
		Apps.failToStart(ShopApplication.class, Apps.database(database), "spring.jpa.hibernate.ddl-auto=validate");
		assertThat(report(output)).contains("the revision location classpath:db/revisions does not exist",
				"    db init\n    db migrate -m \"initial schema\"        (generated from the JPA entities; review it)",
				"`db revision -m \"initial schema\"` writes an empty one to fill in by hand instead");
		assertThat(Sql.tables(database, "public")).isEmpty();
	}

	/** Spring Boot's failure report, from its banner on. */
	private static String report(CapturedOutput output) {
		return report(output.toString());
	}

	private static String report(String all) {
		int start = all.indexOf("APPLICATION FAILED TO START");
		assertThat(start).as("a failure analysis was reported").isNotNegative();
		return all.substring(start);
	}

}
