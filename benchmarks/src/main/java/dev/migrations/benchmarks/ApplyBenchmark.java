package dev.migrations.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * P2, applying N small revisions to an empty database. {@code psql -1 -f} of the concatenated SQL is
 * the physical limit (one transaction, no bookkeeping); beyond 1,000 revisions, which one transaction
 * cannot hold with the server's default lock table, {@code psql -f} of the SQL in transactions of 1,000
 * revisions. Flyway does the same bookkeeping as we do (a history row per script).
 */
final class ApplyBenchmark {

	private final Benchmarks.Settings settings;

	private final RevisionFixtures fixtures;

	ApplyBenchmark(Benchmarks.Settings settings, RevisionFixtures fixtures) {
		this.settings = settings;
		this.fixtures = fixtures;
	}

	void run(Report report) throws IOException, InterruptedException {
		int count = this.fixtures.count;
		System.err.println("P2: " + this.settings.applyRuns() + " runs of applying " + count
				+ " revisions to a fresh database with each tool");
		List<Double> ours = new ArrayList<>();
		List<Double> flyway = new ArrayList<>();
		List<Double> psql = new ArrayList<>();
		boolean chunked = !this.fixtures.psqlInOneTransaction();
		String psqlName = chunked ? "psql -f, a transaction per " + RevisionFixtures.PSQL_TRANSACTION_REVISIONS + " revisions"
				: "psql -1 -f (one transaction)";
		for (int i = 0; i < this.settings.applyRuns(); i++) {
			for (int k = 0; k < 3; k++) {
				// Rotate the order so that no tool always runs on a server just warmed (or dirtied) by another.
				switch ((i + k) % 3) {
					case 0 -> {
						try (TestDatabase database = TestDatabases.postgres()) {
							long start = System.nanoTime();
							int applied = Tools.migrationsUpgrade(Tools.Database.of(database).dataSource(), this.fixtures.revisions)
								.steps().size();
							ours.add(Stats.millis(System.nanoTime() - start));
							progress("ours", ours);
							StartupBenchmark.require(applied == count, "migrations upgrade");
						}
					}
					case 1 -> {
						try (TestDatabase database = TestDatabases.postgres()) {
							long start = System.nanoTime();
							int applied = Tools.flywayMigrate(Tools.Database.of(database).dataSource(), this.fixtures.flywayScripts)
								.migrationsExecuted;
							flyway.add(Stats.millis(System.nanoTime() - start));
							progress("flyway", flyway);
							StartupBenchmark.require(applied == count, "Flyway migrate");
						}
					}
					default -> {
						try (TestDatabase database = TestDatabases.postgres()) {
							long start = System.nanoTime();
							Tools.psql(database, this.fixtures.concatenated, !chunked);
							psql.add(Stats.millis(System.nanoTime() - start));
							progress("psql", psql);
						}
					}
				}
			}
		}
		String name = "P2 apply " + count + " revisions to an empty database (median of " + this.settings.applyRuns() + ")";
		double oursMedian = Stats.median(ours);
		double psqlMedian = Stats.median(psql);
		double flywayMedian = Stats.median(flyway);
		report.add(new Report.Row(name, oursMedian, psqlName, psqlMedian, "≤ 1.3× psql",
				oursMedian <= 1.3 * psqlMedian, Stats.spread(ours) + " / " + Stats.spread(psql)));
		report.add(new Report.Row(name, oursMedian, "Flyway migrate()", flywayMedian, "≤ 0.9× Flyway",
				oursMedian <= 0.9 * flywayMedian, Stats.spread(ours) + " / " + Stats.spread(flyway)));
	}

	// each run as it ends, so that a long run that fails later still shows what it measured
	private static void progress(String tool, List<Double> runs) {
		System.err.printf("  P2 %s run %d: %,.0f ms%n", tool, runs.size(), runs.get(runs.size() - 1));
	}

}
