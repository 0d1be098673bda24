package dev.migrations.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.Migrations;
import dev.migrations.revision.Revision;
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
		try (Connection connection = database.dataSource().getConnection();
				Connection full = database.dataSource().getConnection();
				StairwaySnapshots snapshots = StairwaySnapshots.open(migrations, connection, true)) {
			assertThat(snapshots.incremental()).isTrue();
			for (Revision revision : migrations.graph().revisions()) {
				migrations.upgrade(revision.id());
				assertThat(snapshots.take().objects()).as("after the upgrade of %s", revision.id())
					.isEqualTo(SchemaSnapshot.take(migrations, full, false).objects());
				migrations.downgrade("-1");
				assertThat(snapshots.take().objects()).as("after the downgrade of %s", revision.id())
					.isEqualTo(SchemaSnapshot.take(migrations, full, false).objects());
				migrations.upgrade(revision.id());
				assertThat(snapshots.take().objects()).as("after the second upgrade of %s", revision.id())
					.isEqualTo(SchemaSnapshot.take(migrations, full, false).objects());
			}
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
			try (Connection connection = asOwner.getConnection();
					StairwaySnapshots snapshots = StairwaySnapshots.open(migrations, connection, true)) {
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
	void theStairwayPassesOverThem(TestDatabase database) {
		MigrationsTesterPostgresTests.tester(database, "dependents").assertStairway().assertDowngradeLeavesNoTrace();
	}

}
