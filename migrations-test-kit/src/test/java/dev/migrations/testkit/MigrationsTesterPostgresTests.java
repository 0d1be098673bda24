package dev.migrations.testkit;

import static dev.migrations.testkit.Row.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

import dev.migrations.Migrations;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.testkit.entities.Deal;

/** Each check passing on sound revisions and failing, with a message to act on, on a broken set. */
@ExtendWith(TestDatabaseExtension.class)
class MigrationsTesterPostgresTests {

	@Test
	void soundRevisionsPassEveryCheck(TestDatabase database) {
		MigrationsTester tester = tester(database, "good");
		tester.assertSingleHead().assertUpgradeFromBase().assertStairway().assertDowngradeLeavesNoTrace();
	}

	@Test
	void stairwayRecordsEachStepAsTheCommandsWouldAndLetsTheNextCommandTakeTheLock(TestDatabase database) throws Exception {
		Migrations migrations = Migrations.configure().dataSource(database.dataSource()).locations("classpath:revisions/good")
			.lockTimeout(java.time.Duration.ofMillis(300)).load();
		MigrationsTester.of(migrations).assertStairway();

		java.util.List<String> expected = new java.util.ArrayList<>();
		for (var revision : migrations.graph().revisions()) {
			expected.add(revision.id() + " UPGRADE");
			expected.add(revision.id() + " DOWNGRADE");
			expected.add(revision.id() + " UPGRADE");
		}
		java.util.List<String> logged = new java.util.ArrayList<>();
		try (var connection = database.dataSource().getConnection();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select revision || ' ' || operation from migrations_version_log order by id")) {
			while (rows.next()) {
				logged.add(rows.getString(1));
			}
		}
		assertThat(logged).containsExactlyElementsOf(expected);
		assertThat(migrations.current()).containsExactlyElementsOf(migrations.graph().heads());
		assertThat(migrations.downgrade("base").currentAfter()).isEmpty();
	}

	@Test
	void stairwayNamesTheRevisionWhoseDowngradeForgetsAnIndex(TestDatabase database) {
		MigrationsTester tester = tester(database, "forgotten-index");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of b10000000002 (")
			.withMessageContaining("add_status_index.sql")
			.withMessageContaining("index ix_deal_status: missing before the upgrade, present after the downgrade "
					+ "(CREATE INDEX ix_deal_status ON public.deal USING btree (status))")
			.withMessageEndingWith("Its downgrade may lack (review before use):\n  DROP INDEX ix_deal_status;");
	}

	@Test
	void stairwayComparesSequencesAndTheDowngradeLeavesNoTraceNamesWhatRemains(TestDatabase database,
			TestDatabase another) {
		MigrationsTester tester = tester(database, "leftover-sequence");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of f10000000001 (")
			.withMessageContaining("sequence deal_number_seq: missing before the upgrade, present after the downgrade");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(tester(another, "leftover-sequence")::assertDowngradeLeavesNoTrace)
			.withMessageStartingWith("After downgrading from head to base, 1 object(s) besides the version tables remain:")
			.withMessageContaining("\n  sequence deal_number_seq: bigint start 1")
			.withMessageEndingWith("\nThe downgrade of the revision that creates each must drop it (assertStairway names the"
					+ " revision); they are dropped by (review before use):\n  DROP SEQUENCE deal_number_seq;");
	}

	@Test
	void aCheckStartingAtAHeadItDidNotSeeBuiltNamesWhatTheWayDownLeftWhenAnUpgradeThenFails(TestDatabase database) {
		MigrationsTester tester = tester(database, "leftover-sequence");
		tester.migrations().upgrade("head"); // as the application's startup upgrade does before the test
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: upgrade of f10000000001 (")
			.withMessageContaining("already exists")
			.withMessageContaining("\nBefore this, the database was brought down to base from f10000000001 (where e.g. the"
					+ " application's startup upgrade had put it), and that left:\n  sequence deal_number_seq: bigint start 1")
			.withMessageEndingWith("the downgrade of the revision that creates it does not drop it; it may lack (review"
					+ " before use):\n  DROP SEQUENCE deal_number_seq;");
	}

	@Test
	void stairwayNamesAnIndexLeftOnATableTheDowngradeDoesNotTouch(TestDatabase database) {
		MigrationsTester tester = tester(database, "index-on-other-table");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of b20000000002 (")
			.withMessageContaining("add_note_body.sql")
			.withMessageContaining("\n  index ix_deal_status: missing before the upgrade, present after the downgrade "
					+ "(CREATE INDEX ix_deal_status ON public.deal USING btree (status))");
	}

	@Test
	void stairwayNamesAnEnumTypeLeftBehind(TestDatabase database) {
		MigrationsTester tester = tester(database, "enum-left-behind");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of e20000000002 (")
			.withMessageContaining("\n  enum type deal_kind: missing before the upgrade, present after the downgrade "
					+ "('sale', 'rent')")
			.withMessageEndingWith("\n  DROP TYPE deal_kind;");
	}

	@Test
	void aCheckAfterAnotherSaysWhatTheWayBackToBaseLeftBeforeFailingOnIt(TestDatabase database) {
		MigrationsTester tester = tester(database, "enum-left-behind");
		tester.assertUpgradeFromBase();
		// going back to base, what a downgrade left is named there, not as the next upgrade failing on it
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertDowngradeLeavesNoTrace)
			.withMessageStartingWith("Downgrade from head to base: going back down to base does not restore the schema it"
					+ " had at base:")
			.withMessageContaining("\n  enum type deal_kind: missing at base before, present at base again ('sale', 'rent')")
			.withMessageEndingWith("assertStairway names which.");
	}

	@Test
	void aWayDownRefusedForAViewALaterDowngradeLeftSaysWhereItComesFrom(TestDatabase database) {
		MigrationsTester tester = tester(database, "view-forgotten");
		tester.assertUpgradeFromBase();
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Before the stairway: downgrade to base failed: Revision m10000000001 (")
			.withMessageContaining("view big_deal depends on table deal")
			.withMessageEndingWith("\nWhat depends on it (the Detail above) was probably created by a later revision whose"
					+ " downgrade does not drop it: assertStairway on a database it finds at base (without Spring,"
					+ " @MigrationsTest(locations = ...) in a class of its own) names that revision.");
	}

	@Test
	void anUpgradeThatFailsTheSecondTimeOnRowsItsDowngradeKeptSaysSo(TestDatabase database) {
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester(database, "seed-kept")::assertStairway)
			.withMessageStartingWith("Stairway: upgrade again (after its downgrade) of k50000000002 (")
			.withMessageContaining("duplicate key value violates unique constraint \"deal_pkey\"")
			.withMessageEndingWith("\nIts first upgrade ran, and its downgrade restored the schema: the downgrade leaves"
					+ " something this upgrade meets again, e.g. rows it inserts (make the downgrade delete them) or objects"
					+ " of another schema.");
	}

	@Test
	void theStairwayAfterAnUpgradeFromBaseNamesTheRevisionWhoseDowngradeLeftAnObjectOfItsOwn(TestDatabase database) {
		MigrationsTester tester = tester(database, "enum-left-behind");
		tester.assertSingleHead().assertUpgradeFromBase(); // in the order of the README's example
		// the stairway drops what the way down left, starts from base, and names the revision and what it lacks
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of e20000000002 (")
			.withMessageContaining("\n  enum type deal_kind: missing before the upgrade, present after the downgrade "
					+ "('sale', 'rent')")
			.withMessageContaining("Its downgrade may lack (review before use):\n  DROP TYPE deal_kind;")
			.withMessageEndingWith("the stairway dropped it and started from base.)");
	}

	@Test
	void anExtensionInstalledBeforeTheRevisionsIsNoTraceOfThemAndOneADowngradeForgetsIsNamedAlone(TestDatabase database,
			TestDatabase another) throws Exception {
		// as a DBA or a container's init script installs it: its functions are in the schema, but belong to it
		try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
			statement.execute("create extension pgcrypto");
		}
		tester(database, "good").assertStairway().assertDowngradeLeavesNoTrace();

		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester(another, "extension-forgotten")::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of x10000000002 (")
			.withMessageContaining(":\n  extension pgcrypto: missing before the upgrade, present after the downgrade (")
			.withMessageNotContaining("function ")
			.withMessageEndingWith("Its downgrade may lack (review before use):\n  DROP EXTENSION pgcrypto;");
	}

	@Test
	void anExtensionOrSchemaTheRevisionsLeaveIsATraceWhenTheDatabaseWasSeenAtBaseWithoutIt(TestDatabase database,
			TestDatabase another) {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(tester(database, "extension-forgotten")::assertDowngradeLeavesNoTrace)
			.withMessageStartingWith("After downgrading from head to base, 1 object(s) besides the version tables remain:"
					+ "\n  extension pgcrypto: ");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(tester(another, "schema-left-behind")::assertDowngradeLeavesNoTrace)
			.withMessageStartingWith("After downgrading from head to base, 1 object(s) besides the version tables remain:"
					+ "\n  schema audit");
	}

	@Test
	void theStatementsSuggestedForAForgottenDowngradeRunAsTheyAre(TestDatabase database, TestDatabase another,
			TestDatabase third, TestDatabase fourth) {
		// a unique constraint takes its index with it: no DROP INDEX that would fail after (or before) it
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester(database, "undo-suggestions")::assertStairway)
			.withMessageContaining("\n  index uq_deal_code: missing before the upgrade, present after the downgrade")
			.withMessageEndingWith("Its downgrade may lack (review before use):\n  ALTER TABLE deal DROP CONSTRAINT uq_deal_code;");
		// a table takes its primary key's index and its identity's sequence
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(tester(another, "undo-suggestions-table")::assertStairway)
			.withMessageContaining("\n  sequence note_id_seq: missing before the upgrade, present after the downgrade")
			.withMessageEndingWith("Its downgrade may lack (review before use):\n  DROP TABLE note;");
		// a column renamed and not renamed back is renamed back, not dropped with its data
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(tester(third, "undo-suggestions-rename")::assertStairway)
			.withMessageContaining("\n  column deal.code: present before the upgrade (character varying(40) not null), missing"
					+ " after the downgrade")
			.withMessageEndingWith("Its downgrade may lack (review before use):\n  ALTER TABLE deal RENAME COLUMN reference TO code;");
		// a serial column takes its sequence
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(tester(fourth, "undo-suggestions-serial")::assertStairway)
			.withMessageContaining("\n  sequence deal_number_seq: missing before the upgrade, present after the downgrade")
			.withMessageEndingWith("Its downgrade may lack (review before use):\n  ALTER TABLE deal DROP COLUMN number;");
	}

	@Test
	void theStatementsSuggestedForATableTheDowngradeLeftLockedPutItsRowLevelSecurityAndGrantsBack(TestDatabase database) {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(tester(database, "undo-suggestions-access")::assertStairway)
			.withMessageContaining("\n  table deal: before the upgrade privileges =ar/postgres,postgres=arwdDxt/postgres; after the"
					+ " downgrade row level security privileges =r/postgres,postgres=arwdDxt/postgres")
			.withMessageEndingWith("Its downgrade may lack (review before use):"
					+ "\n  ALTER TABLE deal DISABLE ROW LEVEL SECURITY;"
					+ "\n  REVOKE ALL ON TABLE deal FROM PUBLIC;"
					+ "\n  GRANT SELECT, INSERT ON TABLE deal TO PUBLIC;");
	}

	@Test
	void theStatementsSuggestedForAColumnTheDowngradeLeftChangedPutItsTypeNotNullAndDefaultBack(TestDatabase database) {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(tester(database, "undo-suggestions-columns")::assertStairway)
			.withMessageContaining("\n  column deal.status: before the upgrade character varying(20) not null; after the downgrade"
					+ " character varying(20) not null default 'NEW'::character varying")
			.withMessageEndingWith("Its downgrade may lack (review before use):"
					+ "\n  ALTER TABLE deal ALTER COLUMN amount DROP NOT NULL;"
					+ "\n  ALTER TABLE deal ALTER COLUMN code TYPE character varying(40);"
					+ "\n  ALTER TABLE deal ALTER COLUMN kind SET DEFAULT 'sale'::text;"
					+ "\n  ALTER TABLE deal ALTER COLUMN status DROP DEFAULT;");
	}

	@Test
	void theStatementsSuggestedForCommentsAndColumnGrantsADowngradeForgetsRunAsPasted(TestDatabase database,
			TestDatabase another, @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
		String message = org.junit.jupiter.api.Assertions.assertThrows(AssertionFailedError.class,
				tester(database, "undo-suggestions-comments-grants")::assertStairway).getMessage();
		String suggested = message.substring(message.indexOf("Its downgrade may lack (review before use):\n")
				+ "Its downgrade may lack (review before use):\n".length());
		assertThat(suggested).isEqualTo("  COMMENT ON FUNCTION deal_total() IS NULL;\n  COMMENT ON VIEW big_deal IS NULL;"
				+ "\n  COMMENT ON TABLE deal IS NULL;\n  REVOKE ALL (amount) ON TABLE deal FROM PUBLIC;"
				+ "\n  REVOKE ALL (id) ON TABLE deal FROM PUBLIC;");
		assertPastedAsTheDowngradeTheyRestoreTheSchema(another, directory, "undo-suggestions-comments-grants", suggested,
				"y40000000001_create_deal.sql", "y40000000002_document_and_share_deal.sql");
	}

	@Test
	void aJavaRevisionsForgottenDowngradeIsToldAsItsMethod(TestDatabase database) {
		MigrationsTester tester = MigrationsTester.of(Migrations.configure().dataSource(database.dataSource())
			.locations("classpath:revisions/java-forgotten").javaPackages("dev.migrations.testkit.javaforgotten").load());
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of r30000000002 (class "
					+ "dev.migrations.testkit.javaforgotten.R30000000002CodeIndex, \"code index\") does not restore")
			.withMessageEndingWith("\nMake its downgrade method undo every object its upgrade creates or changes. Its"
					+ " downgrade may lack (review before use, each run with Statement.execute):\n  DROP INDEX ix_deal_code;");
	}

	@Test
	void anEnumValueADowngradeLeavesIsUndoneByMakingTheTypeAgainWithItsColumns(TestDatabase database,
			TestDatabase another, @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
		String message = org.junit.jupiter.api.Assertions.assertThrows(AssertionFailedError.class,
				tester(database, "undo-suggestions-enum-value")::assertStairway).getMessage();
		assertThat(message).startsWith("Stairway: the downgrade of y50000000002 (")
			.contains("\n  enum type deal_state: before the upgrade 'open', 'won'; after the downgrade 'open', 'won', 'lost'");
		String suggested = message.substring(message.indexOf("Its downgrade may lack (review before use):\n")
				+ "Its downgrade may lack (review before use):\n".length());
		assertThat(suggested).isEqualTo("  ALTER TYPE deal_state RENAME TO deal_state_old;"
				+ "\n  CREATE TYPE deal_state AS ENUM ('open', 'won');"
				+ "\n  ALTER TABLE deal ALTER COLUMN state DROP DEFAULT;"
				+ "\n  ALTER TABLE deal ALTER COLUMN state TYPE deal_state USING state::text::deal_state;"
				+ "\n  ALTER TABLE deal_note ALTER COLUMN state TYPE deal_state USING state::text::deal_state;"
				+ "\n  ALTER TABLE deal ALTER COLUMN state SET DEFAULT 'open'::deal_state;"
				+ "\n  DROP TYPE deal_state_old;");
		assertPastedAsTheDowngradeTheyRestoreTheSchema(another, directory, "undo-suggestions-enum-value", suggested,
				"y50000000001_create_deal.sql", "y50000000002_add_lost.sql");
	}

	@Test
	void theStatementsSuggestedForObjectsNamedWithReservedWordsOrCapitalsRunAsPasted(TestDatabase database,
			TestDatabase another, @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
		String message = org.junit.jupiter.api.Assertions.assertThrows(AssertionFailedError.class,
				tester(database, "undo-suggestions-quoted")::assertStairway).getMessage();
		String suggested = message.substring(message.indexOf("Its downgrade may lack (review before use):\n")
				+ "Its downgrade may lack (review before use):\n".length());
		assertThat(suggested).isEqualTo("  COMMENT ON COLUMN \"user\".\"Order\" IS NULL;"
				+ "\n  ALTER TABLE \"user\" RENAME COLUMN \"Status\" TO status;"
				+ "\n  ALTER TABLE \"user\" ALTER COLUMN \"Order\" DROP NOT NULL;"
				+ "\n  DROP INDEX \"Key\";"
				+ "\n  DROP VIEW \"select\";"
				+ "\n  DROP TABLE \"Release\";"
				+ "\n  ALTER TYPE \"Mood\" RENAME TO \"Mood_old\";"
				+ "\n  CREATE TYPE \"Mood\" AS ENUM ('ok');"
				+ "\n  ALTER TABLE \"user\" ALTER COLUMN mood TYPE \"Mood\" USING mood::text::\"Mood\";"
				+ "\n  DROP TYPE \"Mood_old\";");
		assertPastedAsTheDowngradeTheyRestoreTheSchema(another, directory, "undo-suggestions-quoted", suggested,
				"v00000000001_create_user.sql", "v00000000002_rename_index_release.sql");
	}

	// the revisions of a set, the statements suggested in place of the downgrade's SELECT 1: the stairway passes
	private static void assertPastedAsTheDowngradeTheyRestoreTheSchema(TestDatabase database, java.nio.file.Path directory,
			String set, String suggested, String... files) throws Exception {
		java.nio.file.Path revisions = directory.resolve("revisions");
		java.nio.file.Files.createDirectories(revisions);
		for (String file : files) {
			try (var in = MigrationsTesterPostgresTests.class.getResourceAsStream("/revisions/" + set + "/" + file)) {
				String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				java.nio.file.Files.writeString(revisions.resolve(file), text.replace("SELECT 1;", suggested));
			}
		}
		MigrationsTester.of(Migrations.configure().dataSource(database.dataSource())
			.locations("filesystem:" + revisions).load()).assertStairway();
	}

	@Test
	void revisionsWrittenForManyTenantsAreCheckedOnTheConfiguredSchema(TestDatabase database) throws Exception {
		try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
			statement.execute("create schema acme");
		}
		Migrations migrations = Migrations.configure().dataSource(database.dataSource()).schema("acme")
			.locations("classpath:revisions/placeholders").load();
		MigrationsTester tester = MigrationsTester.of(migrations);
		tester.at("p10000000001").insert("deal", row("id", 1, "code", "a")).upgradeTo("head")
			.assertRows("deal", row("id", 1, "code", "a"));
		assertThat(tester.snapshot()).containsEntry("comment on relation deal", "deals of acme");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of p10000000002 (")
			.withMessageContaining("\n  index ix_deal_code: missing before the upgrade, present after the downgrade "
					+ "(CREATE INDEX ix_deal_code ON acme.deal USING btree (code))");
	}

	@Test
	void stairwayNamesAColumnDefaultTheDowngradeChanged(TestDatabase database) {
		MigrationsTester tester = tester(database, "default-changed");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of d20000000002 (")
			.withMessageContaining("\n  column deal.status: before the upgrade character varying(20) not null; "
					+ "after the downgrade character varying(20) not null default 'open'::character varying");
	}

	@Test
	void stairwayNamesASchemaTheDowngradeLeavesBehind(TestDatabase database) {
		MigrationsTester tester = tester(database, "schema-left-behind");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of h10000000002 (")
			.withMessageContaining("\n  schema audit: missing before the upgrade, present after the downgrade")
			.withMessageEndingWith("Its downgrade may lack (review before use):\n  DROP SCHEMA audit;");
	}

	@Test
	void stairwayNamesACastTheDowngradeForgets(TestDatabase database) {
		MigrationsTester tester = tester(database, "cast-forgotten");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of i10000000002 (")
			.withMessageContaining("\n  cast (character varying as deal_kind): present before the upgrade (implicit with"
					+ " inout), missing after the downgrade")
			.withMessageEndingWith("\n  CREATE CAST (character varying AS deal_kind) WITH INOUT AS IMPLICIT;");
	}

	@Test
	void stairwayNamesTablePropertiesAndConstraintCommentsTheDowngradeLeaves(TestDatabase database) {
		MigrationsTester tester = tester(database, "table-properties-left");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of j10000000002 (")
			.withMessageContaining("\n  table deal: before the upgrade privileges ")
			.withMessageContaining("; after the downgrade unlogged row level security with (fillfactor=70) privileges ")
			.withMessageContaining("=r/")
			.withMessageContaining("\n  comment on constraint deal_pkey on deal: missing before the upgrade, present after"
					+ " the downgrade (one row a deal)");
	}

	@Test
	void stairwayNamesGrantsADowngradeForgetsEvenWhenALaterRevisionRevokesThem(TestDatabase database) {
		MigrationsTester tester = tester(database, "grant-revoked-later");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of k10000000002 (")
			.withMessageContaining("\n  table deal: before the upgrade privileges ")
			.withMessageContaining("\n  column deal.status: before the upgrade text; after the downgrade text privileges =w/")
			.withMessageContaining("\n  sequence deal_seq: before the upgrade bigint");
	}

	@Test
	void stairwayNamesTriggerRuleStatisticsAndStorageChangesADowngradeForgets(TestDatabase database) {
		MigrationsTester tester = tester(database, "alterations-forgotten");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of l10000000002 (")
			.withMessageContaining("\n  trigger deal_touch on deal: ")
			.withMessageContaining(" disabled")
			.withMessageContaining("\n  table deal: ")
			.withMessageContaining("replica identity f")
			.withMessageContaining("\n  index ix_deal_status: ")
			.withMessageContaining(" clustered")
			.withMessageContaining("\n  column deal.status: ")
			.withMessageContaining("statistics 500")
			.withMessageContaining("\n  rule deal_kept on deal: missing before the upgrade, present after the downgrade")
			.withMessageContaining("\n  statistics deal_status_amount: missing before the upgrade, present after the downgrade");
	}

	@Test
	void aForgottenViewIsToldToBeDroppedWhole(TestDatabase database) {
		MigrationsTester tester = tester(database, "view-forgotten");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of m10000000002 (")
			.withMessageContaining("\n  view big_deal: missing before the upgrade, present after the downgrade")
			.withMessageContaining("Its downgrade may lack (review before use):\n  DROP VIEW big_deal;")
			.withMessageNotContaining("DROP COLUMN")
			.withMessageNotContaining("COMMENT ON");
	}

	@Test
	void propertiesGrantsCastsAndSchemasUndoneByTheDowngradePassEveryCheck(TestDatabase database) {
		tester(database, "good-round-trips").assertStairway().assertDowngradeLeavesNoTrace();
	}

	@Test
	void stairwayNamesAnUpgradeThatBuildsAnotherSchemaTheSecondTime(TestDatabase database) {
		MigrationsTester tester = tester(database, "unrepeatable");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: upgrading g10000000002 (")
			.withMessageContaining("add_random_index.sql")
			.withMessageContaining("again after its downgrade gives another schema than the first time:")
			.withMessageContaining(": present after the first upgrade (CREATE INDEX ix_deal_")
			.withMessageContaining(" ON public.deal USING btree (status)), missing after the second")
			.withMessageContaining(": missing after the first upgrade, present after the second (CREATE INDEX ix_deal_")
			.withMessageContaining("The downgrade had restored the schema, so this comes from the upgrade itself");
	}

	@Test
	void entitiesMatchingTheSchemaPass(TestDatabase database) {
		tester(database, "matching", Deal.class).assertEntitiesMatchSchema();
	}

	@Test
	void aRevisionDriftingFromTheEntitiesShowsTheSqlThatFixesIt(TestDatabase database) {
		MigrationsTester tester = tester(database, "drift", Deal.class);
		tester.assertStairway();
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertEntitiesMatchSchema)
			.withMessageStartingWith("At head (c10000000002) the schema differs from the entities in 1 place(s):")
			// each difference as db check lists it: its kind, then the detail, which names the object once
			.satisfies((ex) -> assertThat(ex.getMessage().lines().skip(1).findFirst().orElse(""))
				.matches("  [A-Z_]+  deal\\.note: .*")
				.doesNotContain("deal.note: deal.note"))
			.withMessageContaining("A revision with this upgrade would fix it")
			.withMessageContaining("DROP COLUMN");
	}

	@Test
	void aSecondHeadIsNamedWithTheMergeToWrite(TestDatabase database) {
		MigrationsTester tester = tester(database, "two-heads");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertSingleHead)
			.withMessageStartingWith("The revisions have 2 heads, expected one:")
			.withMessageContaining("d1000000002a (")
			.withMessageContaining("d1000000002b (")
			.withMessageEndingWith("db merge -m \"merge heads\" d1000000002a d1000000002b");
	}

	@Test
	void aSecondHeadFailsOnlyTheSingleHeadCheckTheOthersUpgradeEveryHead(TestDatabase database) {
		MigrationsTester tester = tester(database, "two-heads");
		tester.assertUpgradeFromBase();
		assertThat(tester.migrations().current()).containsExactly("d1000000002a", "d1000000002b");
		tester.assertStairway().assertDowngradeLeavesNoTrace();
	}

	@Test
	void anEnumChangeThatKeepsRowsPassesTheDataTest(TestDatabase database) {
		tester(database, "good").at("a10000000002")
			.insert("deal", row("id", 1, "status", "open", "currency", "EUR"), row("id", 2, "status", "won", "currency", "USD"))
			.upgradeTo("head")
			.assertRows("deal", row("id", 1L, "currency", "EUR"), row("id", 2, "currency", "USD"));
	}

	@Test
	void anEnumChangeThatLosesRowsFailsTheDataTest(TestDatabase database) {
		DataStep step = tester(database, "enum-loss").at("e10000000001")
			.insert("deal", row("id", 1, "currency", "EUR"))
			.upgradeTo("head");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("deal", row("id", 1, "currency", "EUR")))
			.withMessageStartingWith("Table deal does not hold the rows expected at e10000000001 (")
			.withMessageContaining("upgraded to head (e10000000002)")
			.withMessageContaining("missing: [{id=1, currency=EUR}]")
			.withMessageContaining("not expected: [{id=1, currency=null}]");
		// the stairway alone does not see it: the schema round trip is clean
		tester(database, "enum-loss").assertStairway();
	}

	@Test
	void aDataTestNamesTheRevisionThatChangedTheRows(TestDatabase database) {
		DataStep lost = tester(database, "loss-in-the-middle").at("f10000000001")
			.insert("deal", row("id", 1, "currency", "EUR", "amount", 5), row("id", 2, "currency", "USD", "amount", 7))
			.upgradeTo("head");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> lost.assertRows("deal", row("id", 1, "currency", "EUR"), row("id", 2, "currency", "USD")))
			.withMessageStartingWith("Table deal does not hold the rows expected at f10000000001 (")
			.withMessageContaining("\n  changed by revision f10000000002 (")
			.withMessageContaining("\"drop AED from currency\"): the rows were as expected before it and are not after it")
			.withMessageContaining("currency=null");

		DataStep backfill = tester(database, "loss-in-the-middle").at("f10000000002")
			.insert("deal", row("id", 1, "currency", "EUR", "amount", 5))
			.upgradeTo("f10000000004");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> backfill.assertRows("deal", row("id", 1, "total", 5)))
			.withMessageContaining("\n  changed by revision f10000000004 (")
			.withMessageContaining("\"deal total, backfill forgotten\"): the rows were as expected before it");
		// rows as expected pass, after the same stepwise upgrade
		backfill.assertRows("deal", row("id", 1, "currency", "EUR", "amount", 5, "note", null, "total", null));

		// a difference already there before the upgrade is said to be
		DataStep before = tester(database, "loss-in-the-middle").at("f10000000003")
			.insert("deal", row("id", 3, "currency", "EUR"))
			.upgradeTo("head");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> before.assertRows("deal", row("id", 4, "currency", "EUR")))
			.withMessageContaining("\n  the rows already differed at f10000000003 (")
			.withMessageContaining("\"deal note\"), before the revisions applied since; no revision applied since changed"
					+ " them in the expected columns.");
	}

	@Test
	void aBackfillThatLeavesRowsUnfilledIsNamedEvenWhenTheRowsDifferedBeforeIt(TestDatabase database) {
		// the column exists, empty, when the rows are written: they differ from the start, and the backfill fills
		// only some of them; the revision that produced the rows compared is named, across the test's upgrades
		DataStep step = tester(database, "partial-backfill").at("p10000000002")
			.insert("deal", row("id", 1, "amount", 5), row("id", 2, "amount", 20))
			.upgradeTo("p10000000003")
			.upgradeTo("head");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("deal", row("id", 1, "total", 5), row("id", 2, "total", 20)))
			.withMessageContaining("missing: [{id=1, total=5}]")
			.withMessageContaining("\n  the rows already differed at p10000000002 (")
			.withMessageContaining("they were last changed by revision p10000000003 (revisions/partial-backfill/"
					+ "p10000000003_backfill_total.sql, \"backfill total\"), which left them as they are (after it, deal held");
		// rows written after an upgrade start the readings again: the backfill ran before them and is not named
		DataStep later = step.insert("deal", row("id", 3, "amount", 30)).upgradeTo("head");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> later.assertRows("deal", row("id", 3, "total", 30)))
			.withMessageNotContaining("p10000000003_backfill_total.sql");
	}

	@Test
	void dataTestsCompareTimesByTheirInstantAndJsonByWhatItSays(TestDatabase database) {
		java.time.OffsetDateTime noonInParis = java.time.OffsetDateTime.of(2026, 1, 2, 12, 0, 0, 0,
				java.time.ZoneOffset.ofHours(2));
		java.time.LocalDateTime local = java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5);
		DataStep step = tester(database, "data-types").at("l10000000001")
			.insert("sample", row("id", 1, "at", noonInParis, "local", local, "day", java.time.LocalDate.of(2026, 1, 2),
					"doc", "{\"a\":1}"), row("id", 2, "at", java.time.Instant.parse("2026-01-02T10:00:00Z")));
		step.assertRows("sample",
				row("id", 1, "at", noonInParis.toInstant(), "local", local, "day", java.time.LocalDate.of(2026, 1, 2), "doc",
						"{\"a\": 1}"),
				row("id", 2, "at", noonInParis.withOffsetSameInstant(java.time.ZoneOffset.UTC), "local", null, "day", null,
						"doc", null));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("sample", row("id", 1, "at", noonInParis.plusSeconds(1))))
			.withMessageContaining("missing: [{id=1, at=2026-01-02T10:00:01Z}]");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> step.assertRows("sample"))
			.withMessageContaining("not expected: [{id=1, at=2026-01-02T10:00:00Z, local=2026-01-02T03:04:05, day=2026-01-02,"
					+ " doc={\"a\": 1}}");
	}

	@Test
	void dataTestsCompareIntervalsAsPostgresqlDoes(TestDatabase database) {
		DataStep step = tester(database, "data-intervals").at("i10000000001")
			.insert("sample", row("id", 1, "span", "1 day"), row("id", 2, "span", "36 hours"), row("id", 3, "span", "1 mon"),
					row("id", 4));
		// equal as PostgreSQL's = has them, whatever the way they are written
		step.assertRows("sample", row("id", 1, "span", "1 day"), row("id", 2, "span", "1 day 12:00:00"),
				row("id", 3, "span", "30 days"), row("id", 4, "span", null));
		step.assertRows("sample", row("id", 1, "span", "24 hours"), row("id", 2, "span", java.time.Duration.ofHours(36)),
				row("id", 3, "span", "1 month"), row("id", 4, "span", null));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("sample", row("id", 1, "span", "25 hours"), row("id", 2, "span", "36 hours"),
					row("id", 3, "span", "1 mon"), row("id", 4, "span", null)))
			.withMessageContaining("missing: [{id=1, span=1 day 01:00:00}]")
			.withMessageContaining("not expected: [{id=1, span=1 day}]");
	}

	@Test
	void entitiesMatchSchemaWithoutEntitiesSaysWhereToNameThem(TestDatabase database) {
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester(database, "good")::assertEntitiesMatchSchema)
			.withMessageStartingWith("assertEntitiesMatchSchema has no entities to compare the schema with: name them with"
					+ " @MigrationsTest(entities = { Deal.class, ... })")
			.satisfies((ex) -> assertThat(ex.getMessage().lines().findFirst().orElseThrow())
				.contains("in a Spring test they are the application's, taken from its context"));
	}

	@Test
	void dataTestsCompareBytesArraysAndJsonByTheirValues(TestDatabase database) {
		DataStep step = tester(database, "data-bytes-arrays").at("q10000000001")
			.insert("sample", row("id", 1, "bin", new byte[] { 1, 2, (byte) 255 }, "tags", new String[] { "x", "y" }, "nums",
					new Integer[] { 1, 2 }, "doc", "{\"a\":1}"), row("id", 2), row("id", 3, "tags", java.util.List.of("z")));
		step.assertRows("sample",
				row("id", 1, "bin", new byte[] { 1, 2, (byte) 255 }, "tags", java.util.List.of("x", "y"), "nums",
						new int[] { 1, 2 }, "doc", "{\"a\": 1}"),
				row("id", 2, "bin", null, "tags", null, "nums", null, "doc", null), row("id", 3, "tags", new String[] { "z" }));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("sample", row("id", 1, "bin", new byte[] { 1 }, "tags", new String[] { "y", "x" }),
					row("id", 2), row("id", 3, "tags", java.util.List.of("z"))))
			.withMessageContaining("missing: [{id=1, bin=\\x01, tags=[y, x]}]")
			.withMessageContaining("not expected: [{id=1, bin=\\x0102ff, tags=[x, y]}]");
	}

	@Test
	void dataTestsReadAndWriteTheConfiguredSchema(TestDatabase database) throws Exception {
		try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
			statement.execute("create schema app");
		}
		Migrations migrations = Migrations.configure().dataSource(database.dataSource()).schema("app")
			.locations("classpath:revisions/data-types").load();
		MigrationsTester.of(migrations).at("l10000000001").insert("sample", row("id", 7)).upgradeTo("head")
			.assertRows("sample", row("id", 7));
		try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement();
				var rows = statement.executeQuery("select count(*) from app.sample")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void dataTestsQuoteNamesAndReadColumnsByTheirStoredNames(TestDatabase database) {
		// a reserved word, a mixed-case column as Hibernate writes them, a mixed-case column the test never names
		DataStep step = tester(database, "quoted-names").at("o10000000001")
			.insert("user", row("id", 1, "User_id", 7, "name", "ann"))
			.insert("\"user\"", row("id", 2, "\"User_id\"", 8))
			.insert("t", row("id", 1))
			.upgradeTo("head")
			.assertRows("user", row("id", 1, "User_id", 7, "order", 0), row("id", 2, "User_id", 8, "order", 0))
			.assertRows("t", row("id", 1, "MixedCase", "x"));
		assertThat(step.rows("user")).extracting((row) -> row.get("User_id")).containsExactlyInAnyOrder(7L, 8L);
		assertThat(step.rows("public.t")).containsExactly(java.util.Map.of("id", 1L, "MixedCase", "x"));
		// the revision that changed a mixed-case column is named
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("t", row("id", 1, "MixedCase", null)))
			.withMessageContaining("\n  changed by revision o10000000002 (")
			.withMessageContaining("not expected: [{id=1, MixedCase=x}]");
		// a name is as stored: written in another case, it names another column
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("t", row("id", 1, "mixedcase", "x")))
			.withMessageContaining("column \"mixedcase\" does not exist")
			.withMessageEndingWith("(tables and columns are named as the database stores them, e.g. deal for a table "
					+ "created unquoted as Deal on PostgreSQL, User_id for a column created as \"User_id\")");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> step.insert("\"user", row("id", 3)))
			.withMessageContaining("'\"user' is not a table or column name");
	}

	@Test
	void snapshotCarriesWhatTheModelDoesNot(TestDatabase database) {
		MigrationsTester tester = tester(database, "good");
		tester.assertUpgradeFromBase();
		assertThat(tester.snapshot()).containsEntry("enum type deal_currency", "'USD', 'EUR'")
			.containsEntry("comment on relation deal", "a deal")
			.containsKey("sequence deal_number_seq")
			.containsEntry("index ix_deal_status", "CREATE INDEX ix_deal_status ON public.deal USING btree (status)")
			.doesNotContainKey("table migrations_version");
	}

	@Test
	void dataTestsFillEnumArraysFromStringsAndInsertRowsOfDefaults(TestDatabase database) {
		tester(database, "data-enum-arrays").at("s10000000001")
			.insert("visit", row("moods", java.util.List.of("ok", "sad")), row("moods", new String[] { "sad" }), row())
			.assertRows("visit", row("id", 1, "moods", java.util.List.of("ok", "sad")), row("id", 2, "moods", new String[] { "sad" }),
					row("id", 3, "moods", null));
	}

	@Test
	void dataTestsTellANullFromTheWordNullAndAnArrayElementWithACommaFromTwo(TestDatabase database) {
		DataStep step = tester(database, "data-enum-arrays").at("s10000000001")
			.insert("visit", row("id", 1, "labels", java.util.List.of("a, b"), "note", "null"),
					row("id", 2, "labels", java.util.Arrays.asList("null", null), "note", ""));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("visit", row("id", 1, "labels", java.util.List.of("a", "b"), "note", "null"),
					row("id", 2, "labels", java.util.Arrays.asList("null", null), "note", "")))
			.withMessageContaining("\n  missing: [{id=1, labels=[a, b], note=\"null\"}]")
			.withMessageContaining("\n  not expected: [{id=1, labels=[\"a, b\"], note=\"null\"}]");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("visit", row("id", 1, "labels", java.util.List.of("a, b"), "note", null),
					row("id", 2, "labels", java.util.Arrays.asList(null, "null"), "note", "")))
			.withMessageContaining("\n  missing: [{id=1, labels=[\"a, b\"], note=null}, {id=2, labels=[null, \"null\"], note=\"\"}]")
			.withMessageContaining("\n  not expected: [{id=1, labels=[\"a, b\"], note=\"null\"}, {id=2, labels=[\"null\", null],"
					+ " note=\"\"}]");
		step.assertRows("visit", row("id", 1, "labels", java.util.List.of("a, b"), "note", "null"),
				row("id", 2, "labels", java.util.Arrays.asList("null", null), "note", ""));
	}

	@Test
	void aCheckAfterAFailedStairwayNamesWhatTheStairwayFoundLeftInsteadOfAnUpgradeFailingOnIt(TestDatabase database) {
		MigrationsTester tester = tester(database, "branches-enum-left");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertStairway)
			.withMessageStartingWith("Stairway: the downgrade of g10000000009 (");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(tester::assertDowngradeLeavesNoTrace)
			.withMessageStartingWith("Before upgrading to head: going back down to base does not restore the schema it"
					+ " had at base:\n  enum type deal_status: missing at base before, present at base again ('new', 'won')");
	}

	@Test
	void aHistoryWithBranchesAMergeDependsOnAJavaRevisionAndAConcurrentIndexPassesEveryCheck(TestDatabase database) {
		// depends_on makes the enum revision (c...) come before the index (b...2), which needs it, in the stairway
		assertThat(branches(database).migrations().graph().revisions()).extracting((revision) -> revision.id())
			.containsExactly("a00000000001", "b00000000001", "c00000000001", "b00000000002", "d00000000001", "e00000000001");
		branches(database).assertSingleHead().assertUpgradeFromBase().assertStairway().assertDowngradeLeavesNoTrace();
	}

	@Test
	void aDataTestUpToABranchHeadNamesTheRevisionThatChangedTheRows(TestDatabase database) {
		DataStep step = branches(database).at("a00000000001").insert("deal", row("id", 1, "status", "won", "note", "x"));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.upgradeTo("reports@head").assertRows("deal", row("id", 1, "note", "x")))
			.withMessageContaining("\n  changed by revision e00000000001 (class dev.migrations.testkit.javabranches."
					+ "E00000000001Audit, \"audit table from java\"): the rows were as expected before it and are not after it");
	}

	@Test
	void dataTestsCompareFixedLengthCharactersWithoutTheirPaddingAsPostgresqlDoes(TestDatabase database) {
		DataStep step = tester(database, "data-enum-arrays").at("s10000000001").insert("visit", row("id", 1, "code", "ab"));
		step.assertRows("visit", row("id", 1, "code", "ab")).assertRows("visit", row("id", 1, "code", "ab   "));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("visit", row("id", 1, "code", " ab")))
			.withMessageContaining("\n  missing: [{id=1, code=\" ab\"}]\n  not expected: [{id=1, code=ab}]");
	}

	@Test
	void dataTestsCompareATimeWithTimeZoneByItsTimeAndOffsetWhateverTheJvmsZone(TestDatabase database) {
		java.time.OffsetTime opens = java.time.OffsetTime.parse("10:00+05:30");
		DataStep step = tester(database, "data-enum-arrays").at("s10000000001").insert("visit", row("id", 1, "opens", opens));
		step.assertRows("visit", row("id", 1, "opens", opens)).assertRows("visit", row("id", 1, "opens", "10:00:00+05:30"));
		// another offset is another value for PostgreSQL's =, even at the same instant
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> step.assertRows("visit", row("id", 1, "opens", java.time.OffsetTime.parse("04:30Z"))))
			.withMessageContaining("\n  missing: [{id=1, opens=04:30:00+00}]\n  not expected: [{id=1, opens=10:00:00+05:30}]");
	}

	private static MigrationsTester branches(TestDatabase database) {
		return MigrationsTester.of(Migrations.configure().dataSource(database.dataSource()).locations("classpath:revisions/branches")
			.javaPackages("dev.migrations.testkit.javabranches").load());
	}

	static MigrationsTester tester(TestDatabase database, String set, Class<?>... entities) {
		var configuration = Migrations.configure().dataSource(database.dataSource()).locations("classpath:revisions/" + set);
		if (entities.length > 0) {
			configuration.entities(EntitySource.of(entities));
		}
		return MigrationsTester.of(configuration.load());
	}

}
