package dev.migrations.test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.TestAbortedException;

import dev.migrations.test.TestDatabase.Vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

@ExtendWith(TestDatabaseExtension.class)
class TestDatabaseExtensionTest {

	@Test
	void parameterIsAFreshPostgresDatabase(TestDatabase db) throws SQLException {
		assertThat(db.vendor()).isEqualTo(Vendor.POSTGRESQL);
		assertThat(Databases.queryString(db, "SELECT current_database()")).isEqualTo(db.name());
	}

	@Test
	void twoParametersAreTwoDatabases(TestDatabase first, TestDatabase second) throws SQLException {
		assertThat(first.name()).isNotEqualTo(second.name());
		assertThat(Databases.exists(first.server(), first.name())).isTrue();
		assertThat(Databases.exists(first.server(), second.name())).isTrue();
	}

	@Test
	void mariaDbParameterIsAFreshMariaDbDatabase(@MariaDb TestDatabase db, TestDatabase postgres) throws SQLException {
		assertThat(db.vendor()).isEqualTo(Vendor.MARIADB);
		assertThat(postgres.vendor()).isEqualTo(Vendor.POSTGRESQL);
		assertThat(Databases.queryString(db, "SELECT DATABASE()")).isEqualTo(db.name());
	}

	@Test
	void databasesAreDroppedAfterEachTest() throws SQLException, InterruptedException {
		Recorded.names.clear();

		Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Recorded.class)).execute().testEvents();

		tests.assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(Recorded.names).hasSize(4).doesNotHaveDuplicates();
		// dropped on the background thread: the tests did not wait for it, this one does
		BackgroundDrops.instance().awaitAll();
		for (String name : Recorded.names) {
			assertThat(Databases.exists(Databases.postgresServer(), name)).as(name).isFalse();
		}
	}

	@Test
	void mariaDbTestIsSkippedWithInstructionsWhenNoServerAnswers() {
		String property = "migrations.test.mariadb.url";
		String previous = System.getProperty(property);
		System.setProperty(property, "jdbc:mariadb://127.0.0.1:1/");
		try {
			Events tests = EngineTestKit.engine("junit-jupiter")
				.selectors(selectClass(NeedsMariaDb.class))
				.execute()
				.testEvents();

			tests.assertStatistics((stats) -> stats.started(1).aborted(1).failed(0));
			tests.assertThatEvents()
				.haveExactly(1, event(test("usesMariaDb"), abortedWithReason(instanceOf(TestAbortedException.class),
						message((text) -> text.contains("No MariaDB server for test databases")
								&& text.contains("jdbc:mariadb://127.0.0.1:1/ (system property migrations.test.mariadb.url)")
								&& text.contains("MIGRATIONS_TEST_MARIADB_URL")))));
		}
		finally {
			if (previous == null) {
				System.clearProperty(property);
			}
			else {
				System.setProperty(property, previous);
			}
		}
	}

	/** Run through the test kit: records the names of the databases it was given. */
	@ExtendWith(TestDatabaseExtension.class)
	static class Recorded {

		static final List<String> names = new CopyOnWriteArrayList<>();

		@BeforeEach
		void setUp(TestDatabase db) {
			names.add(db.name());
		}

		@Test
		void one(TestDatabase db) {
			names.add(db.name());
		}

		@Test
		void other(TestDatabase db) {
			names.add(db.name());
		}

	}

	@ExtendWith(TestDatabaseExtension.class)
	static class NeedsMariaDb {

		@Test
		void usesMariaDb(@MariaDb TestDatabase db) {
			assertThat(db.vendor()).isEqualTo(Vendor.MARIADB);
		}

	}

}
