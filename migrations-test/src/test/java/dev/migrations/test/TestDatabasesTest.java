package dev.migrations.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.migrations.test.TestDatabase.Vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestDatabasesTest {

	@Test
	void postgresDatabaseIsFreshAndNamedWithItsCreationTime() throws SQLException {
		Instant before = Instant.now().minusSeconds(1);
		// a database is usually the spare created in the background while the one before it was handed out,
		// and the first here may be one created before this test: the second is created within it
		try (TestDatabase first = TestDatabases.postgres(); TestDatabase db = TestDatabases.postgres()) {
			assertThat(db.vendor()).isEqualTo(Vendor.POSTGRESQL);
			assertThat(db.name()).matches("mig_\\d+_[0-9a-f]{8}").isNotEqualTo(first.name());
			assertThat(DatabaseServer.createdAt(db.name())).get()
				.satisfies((created) -> assertThat(created).isBetween(before, Instant.now()));
			assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://").contains("/" + db.name()).doesNotContain("password");
			assertThat(Databases.queryString(db, "SELECT current_database()")).isEqualTo(db.name());
			assertThat(Databases.queryString(db,
					"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
				.isEqualTo("0");
		}
	}

	@Test
	void dataSourceAndConnectionReachTheSameDatabase() throws SQLException {
		try (TestDatabase db = TestDatabases.postgres()) {
			try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE note (id int PRIMARY KEY)");
				statement.execute("INSERT INTO note VALUES (7)");
			}
			try (Connection connection = db.dataSource().getConnection()) {
				assertThat(connection.getMetaData().getUserName()).isEqualTo(db.username());
			}
			assertThat(Databases.queryString(db, "SELECT id FROM note")).isEqualTo("7");
		}
	}

	@Test
	void closeDropsTheDatabaseEvenWithConnectionsLeftOpen() throws SQLException {
		TestDatabase db = TestDatabases.postgres();
		Connection forgotten = db.connection();
		assertThat(Databases.exists(db.server(), db.name())).isTrue();

		db.close();

		assertThat(Databases.exists(db.server(), db.name())).isFalse();
		assertThat(forgotten.isValid(2)).isFalse();
		forgotten.close();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(db::connection)
			.withMessageContaining(db.name());
		db.close();
	}

	@Test
	void closeInBackgroundRefusesConnectionsAtOnceAndDropsTheDatabaseBeforeLong() throws Exception {
		TestDatabase db = TestDatabases.postgres();
		Connection forgotten = db.connection();

		db.closeInBackground();

		assertThat(db.isClosed()).isTrue();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(db::connection)
			.withMessageContaining(db.name());
		BackgroundDrops.instance().awaitAll();
		assertThat(Databases.exists(db.server(), db.name())).isFalse();
		assertThat(forgotten.isValid(2)).isFalse();
		forgotten.close();
		db.closeInBackground();
		db.close();
	}

	@Test
	void databasesCreatedInParallelAreDistinctAndUsable() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		List<TestDatabase> databases = new ArrayList<>();
		try {
			List<Callable<TestDatabase>> creations = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				creations.add(TestDatabases::postgres);
			}
			for (Future<TestDatabase> created : threads.invokeAll(creations, 60, TimeUnit.SECONDS)) {
				databases.add(created.get());
			}
			assertThat(databases).extracting(TestDatabase::name).doesNotHaveDuplicates().hasSize(4);
			for (TestDatabase db : databases) {
				assertThat(Databases.queryString(db, "SELECT current_database()")).isEqualTo(db.name());
			}
		}
		finally {
			threads.shutdownNow();
			databases.forEach(TestDatabase::close);
		}
	}

	@Test
	void staleDatabasesFromKilledRunsAreDroppedAndRecentOnesKept() throws SQLException {
		DatabaseServer server = Databases.postgresServer();
		Instant now = Instant.now();
		String stale = DatabaseServer.newName(now.minus(Duration.ofHours(7)));
		String recent = DatabaseServer.newName(now.minus(Duration.ofHours(5)));
		String foreign = "mig_kept_" + Long.toHexString(System.nanoTime());
		try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
			for (String name : List.of(stale, recent, foreign)) {
				statement.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0");
			}
		}
		try {
			List<String> dropped = server.dropStaleDatabases(now);

			assertThat(dropped).contains(stale).doesNotContain(recent, foreign);
			assertThat(Databases.exists(server, stale)).isFalse();
			assertThat(Databases.exists(server, recent)).isTrue();
			assertThat(Databases.exists(server, foreign)).isTrue();
		}
		finally {
			server.dropDatabase(recent);
			server.dropDatabase(foreign);
		}
	}

	@Test
	void psqlRunsAScriptAgainstTheDatabase() throws Exception {
		Optional<Path> psql = TestDatabases.psqlExecutable();
		Assumptions.assumeTrue(psql.isPresent(), "no psql executable on this machine");
		try (TestDatabase db = TestDatabases.postgres()) {
			Process process = new ProcessBuilder(psql.get().toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
					"CREATE TABLE from_psql (id int); INSERT INTO from_psql VALUES (1), (2);", db.psqlConnectionUri())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			assertThat(Databases.queryString(db, "SELECT count(*) FROM from_psql")).isEqualTo("2");
		}
	}

	@Test
	void mariadbDatabaseIsFreshAndDroppedOnClose() throws SQLException {
		TestDatabase db = TestDatabases.mariadb();
		Connection forgotten = db.connection();
		forgotten.setAutoCommit(false);
		try (Statement statement = forgotten.createStatement()) {
			statement.execute("CREATE TABLE note (id int PRIMARY KEY) ENGINE=InnoDB");
			// The open transaction holds a metadata lock that would make DROP DATABASE wait.
			statement.execute("INSERT INTO note VALUES (1)");
		}
		assertThat(db.vendor()).isEqualTo(Vendor.MARIADB);
		assertThat(db.jdbcUrl()).startsWith("jdbc:mariadb://").contains("/" + db.name());
		assertThat(Databases.queryString(db, "SELECT DATABASE()")).isEqualTo(db.name());
		assertThat(Databases.exists(db.server(), db.name())).isTrue();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(db::psqlConnectionUri)
			.withMessageContaining("MariaDB");

		db.close();

		assertThat(Databases.exists(db.server(), db.name())).isFalse();
		forgotten.close();
	}

}
