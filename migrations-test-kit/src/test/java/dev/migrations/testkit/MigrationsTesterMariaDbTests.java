package dev.migrations.testkit;

import static dev.migrations.testkit.Row.row;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

import dev.migrations.Migrations;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

/** The checks that need no autogenerate, on MariaDB; skipped when there is no MariaDB server. */
@ExtendWith(TestDatabaseExtension.class)
class MigrationsTesterMariaDbTests {

	@Test
	void soundRevisionsPassEveryCheckAndKeepTheirRows(@MariaDb TestDatabase database) {
		MigrationsTester tester = tester(database, "good-mariadb");
		tester.assertSingleHead().assertUpgradeFromBase().assertStairway().assertDowngradeLeavesNoTrace();
		tester.at("910000000002")
			.insert("deal", row("id", 1, "status", "open", "currency", "EUR"))
			.upgradeTo("head")
			.assertRows("deal", row("id", 1, "status", "open", "currency", "EUR"));
	}

	@Test
	void aRevisionFailingPartWayInOneCheckDoesNotStopTheNextChecksOfTheClass(@MariaDb TestDatabase database) {
		Migrations migrations = Migrations.configure().dataSource(database.dataSource())
			.locations("classpath:revisions/failed-outside-transaction-mariadb").load();
		// MariaDB runs DDL outside a transaction: the upgrade fails on the row after its index was created
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> MigrationsTester.of(migrations).at("950000000001")
				.insert("deal", row("id", 1, "status", "lost"))
				.upgradeTo("head"))
			.withMessageStartingWith("Upgrade to head at 950000000001 (")
			.withMessageContaining("failed at upgrade statement 2 of 2")
			.withMessageContaining("\nThe test kit recorded the database at 950000000001 (db stamp 950000000001), so that"
					+ " the next checks start from there");
		// the methods of a @MigrationsTest class share the database and a tester each: the next ones run
		MigrationsTester next = MigrationsTester.of(migrations);
		next.assertStairway().assertDowngradeLeavesNoTrace().assertUpgradeFromBase();
	}

	@Test
	void stairwayNamesTheRevisionWhoseDowngradeForgetsAnIndex(@MariaDb TestDatabase database) {
		MigrationsTester tester = tester(database, "forgotten-index-mariadb");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of 920000000002 (")
			.withMessageContaining("index ix_deal_status on deal: missing before the upgrade, present after the downgrade");
	}

	@Test
	void theStatementsSuggestedForAForgottenDowngradeRunAsPasted(@MariaDb TestDatabase database,
			@MariaDb TestDatabase another, @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
		String message = org.junit.jupiter.api.Assertions.assertThrows(AssertionFailedError.class,
				tester(database, "undo-suggestions-mariadb")::assertStairway).getMessage();
		String suggested = message.substring(message.indexOf("Its downgrade may lack (review before use):\n")
				+ "Its downgrade may lack (review before use):\n".length());
		org.assertj.core.api.Assertions.assertThat(suggested).isEqualTo("  DROP TRIGGER trg_deal_code;"
				+ "\n  ALTER TABLE deal DROP CONSTRAINT ck_deal_status;"
				+ "\n  DROP INDEX ix_deal_status ON deal;"
				+ "\n  DROP INDEX ux_deal_code ON deal;"
				+ "\n  ALTER TABLE deal DROP COLUMN code;"
				+ "\n  DROP VIEW open_deal;"
				+ "\n  DROP TABLE note;"
				+ "\n  DROP PROCEDURE deal_count;");
		java.nio.file.Path revisions = directory.resolve("revisions");
		java.nio.file.Files.createDirectories(revisions);
		for (String file : java.util.List.of("940000000001_create_deal.sql", "940000000002_notes_codes_and_checks.sql")) {
			try (var in = MigrationsTesterMariaDbTests.class.getResourceAsStream("/revisions/undo-suggestions-mariadb/"
					+ file)) {
				String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				java.nio.file.Files.writeString(revisions.resolve(file), text.replace("SELECT 1;", suggested));
			}
		}
		MigrationsTester.of(Migrations.configure().dataSource(another.dataSource())
			.locations("filesystem:" + revisions).load()).assertStairway();
	}

	@Test
	void theStairwayAfterAnUpgradeFromBaseNamesTheRevisionWhoseDowngradeLeftATable(@MariaDb TestDatabase database) {
		MigrationsTester tester = tester(database, "table-left-mariadb");
		tester.assertSingleHead().assertUpgradeFromBase();
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of 950000000002 (")
			.withMessageContaining("Its downgrade may lack (review before use):\n  DROP TABLE audit;")
			.withMessageEndingWith("the stairway dropped it and started from base.)");
	}

	@Test
	void aDataLossIsShown(@MariaDb TestDatabase database) {
		MigrationsTester tester = tester(database, "good-mariadb");
		DataStep step = tester.at("910000000002").insert("deal", row("id", 1, "status", "open", "currency", "AED"));
		// MariaDB in its default strict mode refuses to drop a label still in use: the upgrade fails, named
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> step.upgradeTo("head"))
			.withMessageStartingWith("Upgrade to head at 910000000002 (")
			.withMessageContaining("910000000003");
	}

	@Test
	void comparingWithTheEntitiesSaysWhereItRuns(@MariaDb TestDatabase database) {
		MigrationsTester tester = MigrationsTester.of(Migrations.configure().dataSource(database.dataSource())
			.locations("classpath:revisions/good-mariadb")
			.entities(dev.migrations.entity.EntitySource.of(dev.migrations.testkit.entities.Deal.class))
			.load());
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(tester::assertEntitiesMatchSchema)
			.withMessage("assertEntitiesMatchSchema compares the schema with the entities as db check does, which supports"
					+ " PostgreSQL only, and this database is mariadb: check the entities in a test on PostgreSQL"
					+ " (@MigrationsTest's default database), and the revisions here with the other checks.");
	}

	@Test
	void dataTestsQuoteNamesWithBackticks(@MariaDb TestDatabase database) {
		// a reserved word, mixed-case columns, one the test never names
		tester(database, "quoted-names-mariadb").at("930000000001")
			.insert("order", row("id", 1, "User_id", 7, "group", "a"))
			.insert("`order`", row("id", 2, "`User_id`", 8))
			.upgradeTo("head")
			.assertRows("order", row("id", 1, "User_id", 7, "group", "a", "Rank", 1),
					row("id", 2, "User_id", 8, "group", null, "Rank", 1));
	}

	@Test
	void aCheckAfterAFailedStairwayNamesWhatItLeftInsteadOfAnUpgradeFailingOnItOutsideATransaction(
			@MariaDb TestDatabase database) {
		MigrationsTester tester = tester(database, "view-left-mariadb");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of 960000000002 (");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertDowngradeLeavesNoTrace)
			.withMessageStartingWith("Before upgrading to head: going back down to base does not restore the schema it"
					+ " had at base:\n  view open_deal: missing at base before, present at base again");
		// no revision was left recorded as failed
		org.assertj.core.api.Assertions.assertThat(tester.migrations().current()).isEmpty();
	}

	@Test
	void dataTestsCompareJsonByWhatItSays(@MariaDb TestDatabase database) {
		DataStep step = tester(database, "data-json-mariadb").at("970000000001")
			.insert("doc", row("id", 1, "body", "{\"a\":1,\"b\":[1,2]}"));
		step.assertRows("doc", row("id", 1, "body", "{\"a\": 1, \"b\": [1, 2]}"));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("doc", row("id", 1, "body", "{\"a\": 2, \"b\": [1, 2]}")))
			.withMessageContaining("\n  missing: [{id=1, body={\"a\":2,\"b\":[1,2]}}]")
			.withMessageContaining("\n  not expected: [{id=1, body={\"a\":1,\"b\":[1,2]}}]");
		// what is not JSON is compared as written
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("doc", row("id", 1, "body", "not json")))
			.withMessageContaining("\n  missing: [{id=1, body=not json}]");
	}

	@Test
	void dataTestsQuoteEveryWordMariaDbReserves(@MariaDb TestDatabase database) {
		// release, like year_month or rows, is reserved on MariaDB though not in SQL's own list
		tester(database, "data-types-mariadb").at("980000000001")
			.insert("release", row("id", 1))
			.assertRows("release", row("id", 1));
	}

	@Test
	void dataTestsCompareAYearAsTheNumberStored(@MariaDb TestDatabase database) {
		DataStep step = tester(database, "data-types-mariadb").at("980000000001")
			.insert("release", row("id", 1, "year", 2024), row("id", 2, "year", null))
			.assertRows("release", row("id", 1, "year", 2024), row("id", 2, "year", null));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("release", row("id", 1, "year", 2025), row("id", 2, "year", null)))
			.withMessageContaining("\n  not expected: [{id=1, year=2024}]");
	}

	@Test
	void theStatementsSuggestedForObjectsNamedWithReservedWordsRunAsPasted(@MariaDb TestDatabase database,
			@MariaDb TestDatabase another, @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
		String message = org.junit.jupiter.api.Assertions.assertThrows(AssertionFailedError.class,
				tester(database, "reserved-left-mariadb")::assertStairway).getMessage();
		String suggested = message.substring(message.indexOf("Its downgrade may lack (review before use):\n")
				+ "Its downgrade may lack (review before use):\n".length());
		org.assertj.core.api.Assertions.assertThat(suggested).isEqualTo("  DROP INDEX `key` ON `order`;"
				+ "\n  ALTER TABLE `order` DROP COLUMN `rows`;"
				+ "\n  DROP TABLE `release`;");
		java.nio.file.Path revisions = directory.resolve("revisions");
		java.nio.file.Files.createDirectories(revisions);
		for (String file : java.util.List.of("990000000001_create_order.sql", "990000000002_rows_and_releases.sql")) {
			try (var in = MigrationsTesterMariaDbTests.class.getResourceAsStream("/revisions/reserved-left-mariadb/" + file)) {
				String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				java.nio.file.Files.writeString(revisions.resolve(file), text.replace("SELECT 1;", suggested));
			}
		}
		MigrationsTester.of(Migrations.configure().dataSource(another.dataSource())
			.locations("filesystem:" + revisions).load()).assertStairway();
	}

	private static MigrationsTester tester(TestDatabase database, String set) {
		return MigrationsTester.of(
				Migrations.configure().dataSource(database.dataSource()).locations("classpath:revisions/" + set).load());
	}

}
