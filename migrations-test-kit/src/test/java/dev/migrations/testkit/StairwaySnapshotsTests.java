package dev.migrations.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.Migrations;
import dev.migrations.revision.Revision;
import dev.migrations.runner.RevisionSteps;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

/**
 * The stairway's step-by-step snapshots on PostgreSQL read only what each step touched: after every step of
 * revisions whose changes reach objects they do not name (a renamed table in another table's foreign key and
 * in a view, a renamed column in the view, a renamed sequence in a column default, a renamed enum type in
 * columns, an index rebuilt by a column's new type, dropped objects), what they keep is what a full read finds.
 */
@ExtendWith(TestDatabaseExtension.class)
class StairwaySnapshotsTests {

	@Test
	void eachStepKeepsWhatAFullReadFinds(TestDatabase database) throws Exception {
		Migrations migrations = Migrations.configure()
			.dataSource(database.dataSource())
			.locations("classpath:revisions/dependents")
			.load();
		try (RevisionSteps steps = migrations.steps();
				Connection connection = database.dataSource().getConnection();
				Connection full = database.dataSource().getConnection();
				StairwaySnapshots snapshots = StairwaySnapshots.open(migrations, connection, steps.connection(), true)) {
			assertEachStepKeepsWhatAFullReadFinds(migrations, steps, snapshots, full);
			assertThat(snapshots.matchesFullRead()).isTrue();
			// at head: every rename applied, the foreign key of line dropped
			assertThat(snapshots.take().objects()).doesNotContainKey("constraint line_deal_id_fkey on line")
				.containsEntry("column line.deal_id", "numeric(20,0)")
				.containsEntry("column open_deals.currency", "currency")
				.containsEntry("column deals.number", "bigint default nextval('deal_no_seq'::regclass)")
				.containsEntry("column deals.currency", "currency");
		}
		// the event triggers and their schema are gone
		try (Connection connection = database.dataSource().getConnection();
				var rs = connection.createStatement().executeQuery("select (select count(*) from pg_event_trigger)"
						+ " + (select count(*) from pg_namespace where nspname like 'migrations_stairway%')")) {
			rs.next();
			assertThat(rs.getInt(1)).isZero();
		}
	}

	@Test
	void objectsACommandDropsWithoutReportingThemAreForgotten(TestDatabase database) throws Exception {
		// DROP IDENTITY drops the column's sequence with no sql_drop event; a sequence owned by a column is read with
		// its table (a serial or identity column dropped, a sequence owned by another table, an identity column's new
		// type); a unique constraint dropped with its index; a partition detached, which only its parent reports
		Migrations migrations = Migrations.configure()
			.dataSource(database.dataSource())
			.locations("classpath:revisions/implicit-objects")
			.load();
		try (RevisionSteps steps = migrations.steps();
				Connection connection = database.dataSource().getConnection();
				Connection full = database.dataSource().getConnection();
				StairwaySnapshots snapshots = StairwaySnapshots.open(migrations, connection, steps.connection(), true)) {
			assertEachStepKeepsWhatAFullReadFinds(migrations, steps, snapshots, full);
			assertThat(snapshots.matchesFullRead()).isTrue();
			assertThat(snapshots.take().objects()).doesNotContainKey("sequence t_g_seq")
				.containsKey("sequence t_id_seq")
				.containsKey("sequence t_n_seq")
				.containsKey("index t_code_key");
			// and back, one revision at a time
			for (String revision : java.util.List.of("n10000000007", "n10000000006", "n10000000005", "n10000000004", "n10000000003",
					"n10000000002")) {
				steps.downgrade(revision);
				assertThat(snapshots.take().objects()).as("after the downgrade of %s", revision)
					.isEqualTo(SchemaSnapshot.take(migrations, full, false).objects());
			}
			assertThat(snapshots.take().objects()).doesNotContainKey("sequence t_id_seq").containsKey("sequence s");
		}
	}

	@Test
	void theStairwayPassesOverObjectsDroppedUnreported(TestDatabase database) {
		MigrationsTesterPostgresTests.tester(database, "implicit-objects").assertStairway().assertDowngradeLeavesNoTrace();
	}

	@Test
	void withoutASuperuserEveryStepReadsTheWholeSchemaAndStillNamesWhatDiffers(TestDatabase database) throws Exception {
		String role = "stairway_" + Long.toHexString(System.nanoTime());
		try (Connection admin = database.connection(); var statement = admin.createStatement()) {
			statement.execute("create role " + role + " login");
			statement.execute("alter database " + database.name() + " owner to " + role);
		}
		try {
			PGSimpleDataSource asOwner = new PGSimpleDataSource();
			asOwner.setURL(database.jdbcUrl());
			asOwner.setUser(role);
			Migrations migrations = Migrations.configure()
				.dataSource(asOwner)
				.locations("classpath:revisions/index-on-other-table")
				.load();
			try (RevisionSteps steps = migrations.steps();
					Connection connection = asOwner.getConnection();
					StairwaySnapshots snapshots = StairwaySnapshots.open(migrations, connection, steps.connection(), true)) {
				assertThat(snapshots.incremental()).isFalse();
			}
			assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(MigrationsTester.of(migrations)::assertStairway)
				.withMessageStartingWith("Stairway: the downgrade of b20000000002 (")
				.withMessageContaining("\n  index ix_deal_status: missing before the upgrade, present after the downgrade");
		}
		finally {
			try (Connection admin = database.connection(); var statement = admin.createStatement()) {
				statement.execute("drop owned by " + role);
				statement.execute("alter database " + database.name() + " owner to current_user");
				statement.execute("drop role " + role);
			}
		}
	}

	@Test
	void aCommandTouchingThousandsOfObjectsIsReportedInFullWithADomainsConstraints(TestDatabase database,
			@TempDir Path revisions) throws Exception {
		// one DROP TABLE of 300 tables drops about 3,000 objects: more than one notification's payload holds; a domain's
		// constraint is read by its domain
		StringBuilder create = new StringBuilder();
		StringJoiner drop = new StringJoiner(", ", "DROP TABLE ", ";\n");
		for (int i = 1; i <= 300; i++) {
			create.append("CREATE TABLE wide_").append(i).append(" (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'x',"
					+ " CHECK (name <> ''));\nCREATE INDEX ix_wide_").append(i).append(" ON wide_").append(i).append(" (name);\n");
			drop.add("wide_" + i);
		}
		Files.writeString(revisions.resolve("e30000000001_keep.sql"), "-- revision: e30000000001\n-- down_revision: none\n"
				+ "-- message: keep\n\n-- upgrade\nCREATE DOMAIN amount AS numeric CHECK (VALUE > 0);\n"
				+ "CREATE TABLE kept (id bigint PRIMARY KEY, note text, total amount);\n\n-- downgrade\n"
				+ "DROP TABLE kept;\nDROP DOMAIN amount;\n");
		Files.writeString(revisions.resolve("e30000000002_wide.sql"), "-- revision: e30000000002\n-- down_revision: "
				+ "e30000000001\n-- message: wide\n\n-- upgrade\n" + create + "CREATE INDEX ix_kept_note ON kept (note);\n"
				+ "ALTER DOMAIN amount ADD CONSTRAINT amount_small CHECK (VALUE < 1000000);\n\n"
				+ "-- downgrade\nALTER DOMAIN amount DROP CONSTRAINT amount_small;\nDROP INDEX ix_kept_note;\n" + drop);
		Migrations migrations = Migrations.configure()
			.dataSource(database.dataSource())
			.locations("filesystem:" + revisions)
			.load();
		try (RevisionSteps steps = migrations.steps();
				Connection connection = database.dataSource().getConnection();
				Connection full = database.dataSource().getConnection();
				StairwaySnapshots snapshots = StairwaySnapshots.open(migrations, connection, steps.connection(), true)) {
			steps.upgrade("e30000000001");
			snapshots.take();
			steps.upgrade("e30000000002");
			assertThat(snapshots.take().objects()).isEqualTo(SchemaSnapshot.take(migrations, full, false).objects())
				.containsKey("index ix_wide_300")
				.containsKey("constraint wide_300_name_check on wide_300")
				.containsKey("index ix_kept_note")
				.containsEntry("constraint amount_small on domain amount", "CHECK ((VALUE < (1000000)::numeric))");
			steps.downgrade("e30000000002");
			assertThat(snapshots.take().objects()).isEqualTo(SchemaSnapshot.take(migrations, full, false).objects())
				.doesNotContainKey("index ix_kept_note")
				.doesNotContainKey("constraint amount_small on domain amount")
				.containsKey("constraint amount_check on domain amount")
				.doesNotContainKey("column wide_1.id")
				.containsKey("column kept.note");
			assertThat(snapshots.matchesFullRead()).isTrue();
		}
	}

	@Test
	void theStairwayPassesOverThem(TestDatabase database) {
		MigrationsTesterPostgresTests.tester(database, "dependents").assertStairway().assertDowngradeLeavesNoTrace();
	}

	// every revision up, down, up, what the snapshots keep compared with a full read after each step
	private static void assertEachStepKeepsWhatAFullReadFinds(Migrations migrations, RevisionSteps steps,
			StairwaySnapshots snapshots, Connection full) throws SQLException {
		assertThat(snapshots.incremental()).isTrue();
		SchemaSnapshot before = snapshots.take();
		java.util.Map<String, String> beforeRead = SchemaSnapshot.take(migrations, full, false).objects();
		for (Revision revision : migrations.graph().revisions()) {
			steps.upgrade(revision.id());
			SchemaSnapshot upgraded = snapshots.take();
			java.util.Map<String, String> upgradedRead = SchemaSnapshot.take(migrations, full, false).objects();
			assertThat(upgraded.objects()).as("after the upgrade of %s", revision.id()).isEqualTo(upgradedRead);
			steps.downgrade(revision.id());
			assertThat(snapshots.take().objects()).as("after the downgrade of %s", revision.id())
				.isEqualTo(SchemaSnapshot.take(migrations, full, false).objects());
			steps.upgrade(revision.id());
			assertThat(snapshots.take().objects()).as("after the second upgrade of %s", revision.id())
				.isEqualTo(SchemaSnapshot.take(migrations, full, false).objects());
			// the snapshots are not copies, yet the earlier ones still hold what was read then
			assertThat(before.objects()).as("before the upgrade of %s, read again after", revision.id())
				.isEqualTo(beforeRead);
			assertThat(upgraded.objects()).as("after the upgrade of %s, read again after", revision.id())
				.isEqualTo(upgradedRead);
			before = snapshots.take();
			beforeRead = SchemaSnapshot.take(migrations, full, false).objects();
		}
	}

}
