package dev.migrations.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Many instances starting at once: the lock makes every revision run exactly once. */
class ConcurrentUpgradePostgresTest {

	static final int THREADS = 8;

	static final int ROUNDS = 20;

	static final int REVISIONS = 6;

	@TempDir
	Path directory;

	@Test
	void eightConnectionsUpgradingAtOnceApplyEachRevisionOnce() throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		String parent = "none";
		for (int i = 1; i <= REVISIONS; i++) {
			String id = "rev" + i + "000000000";
			// CREATE TABLE without IF NOT EXISTS and a counter row: running any revision twice would fail or count twice.
			files.write(id, parent, "table " + i,
					(i == 1 ? "CREATE TABLE runs (revision text NOT NULL);\n" : "") + "CREATE TABLE t" + i
							+ " (id int PRIMARY KEY);\nINSERT INTO runs VALUES ('" + id + "');",
					"DROP TABLE t" + i + ";");
			parent = id;
		}
		String head = parent;
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				try (TestDatabase db = TestDatabases.postgres()) {
					CountDownLatch start = new CountDownLatch(1);
					List<Future<CommandResult>> results = new ArrayList<>();
					for (int t = 0; t < THREADS; t++) {
						// each thread is its own "instance": its own Migrations and its own connections
						Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
							.load();
						results.add(pool.submit(() -> {
							start.await();
							return migrations.upgrade("head");
						}));
					}
					start.countDown();
					int applied = 0;
					for (Future<CommandResult> result : results) {
						CommandResult done = result.get(5, TimeUnit.MINUTES);
						assertThat(done.currentAfter()).containsExactly(head);
						applied += done.steps().size();
					}
					assertThat(applied).as("revisions applied across all threads in round %d", round).isEqualTo(REVISIONS);
					assertThat(Sql.column(db.dataSource(), "select count(*) from runs")).containsExactly(String.valueOf(REVISIONS));
					assertThat(Sql.column(db.dataSource(), "select count(*) from migrations_version"))
						.containsExactly(String.valueOf(REVISIONS));
					assertThat(Sql.column(db.dataSource(),
							"select count(*) from migrations_version_log where operation = 'UPGRADE'"))
						.containsExactly(String.valueOf(REVISIONS));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
