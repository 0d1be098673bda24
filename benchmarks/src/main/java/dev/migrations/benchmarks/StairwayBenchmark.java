package dev.migrations.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.Migrations;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import dev.migrations.testkit.MigrationsTester;

/**
 * T1, the test kit's stairway (every revision up, down and up again, with a schema snapshot before and after
 * each step) against applying the same revisions once up to {@code head} and once down to {@code base},
 * each on a fresh database: over a generated history (a table and an index per revision, 200 by default) and
 * over the sample application's revisions when run from the repository's root.
 */
final class StairwayBenchmark {

	static final int REVISIONS = Integer.getInteger("bench.stairway.revisions", 200);

	private static final Path SAMPLE_REVISIONS = Path.of("sample-app/src/main/resources/db/revisions");

	private final Benchmarks.Settings settings;

	private final Path work;

	StairwayBenchmark(Benchmarks.Settings settings, Path work) {
		this.settings = settings;
		this.work = work;
	}

	void run(Report report) throws IOException {
		RevisionFixtures generated = RevisionFixtures.write(this.work.resolve("stairway"), REVISIONS);
		measure(report, REVISIONS + " generated revisions", generated.revisions, true);
		sqlFloor(report);
		if (Files.isDirectory(SAMPLE_REVISIONS)) {
			try (var files = Files.list(SAMPLE_REVISIONS)) {
				long count = files.filter((file) -> file.toString().endsWith(".sql")).count();
				measure(report, "the sample's " + count + " revisions", SAMPLE_REVISIONS.toAbsolutePath(), false);
			}
		}
		else {
			report.note("T1: the sample's revisions were not measured: run the benchmarks from the repository's root.");
		}
		report.note("T1: each run on a fresh database; the stairway does three applications per revision (up, down, up), "
				+ "all its steps in one command (Migrations.steps(): one lock, the version table read once, each step's row, "
				+ "log entry and commit), where the reference does two (up, down) in two commands, so 1.5× is its floor before "
				+ "snapshots (more where creating costs more than dropping: here two creates per revision against one); its "
				+ "snapshots read the whole catalog at base and head and, after each step, only the objects the step touched "
				+ "and their dependents (event triggers, as a superuser), nothing after a step that only dropped tables.");
	}

	/**
	 * The floor of the ratio before any snapshot or bookkeeping: the generated revisions' own statements sent on one
	 * connection, each revision in a transaction of its own, in the stairway's order (create, drop, create per
	 * revision, with the stairway's {@code synchronous_commit = off}) against the reference's (all creates, then all
	 * drops, with the server's default), alternating on fresh databases.
	 */
	private void sqlFloor(Report report) {
		int runs = this.settings.applyRuns();
		System.err.println("T1: " + runs + " runs of the generated revisions' SQL alone, in the stairway's order and the reference's");
		List<Double> stairway = new ArrayList<>();
		List<Double> once = new ArrayList<>();
		List<Double> stairwayCpu = new ArrayList<>();
		List<Double> onceCpu = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			for (int k = 0; k < 2; k++) {
				boolean ours = (i + k) % 2 == 0;
				try (TestDatabase database = TestDatabases.postgres()) {
					BackendCpuDataSource backends = new BackendCpuDataSource(database.dataSource());
					long elapsed;
					try (Connection connection = backends.getConnection(); Statement statement = connection.createStatement()) {
						if (ours) {
							statement.execute("SET synchronous_commit = off");
						}
						connection.setAutoCommit(false);
						long start = System.nanoTime();
						for (int r = 1; r <= REVISIONS; r++) {
							create(statement, r);
							if (ours) {
								drop(statement, r);
								create(statement, r);
							}
						}
						if (!ours) {
							for (int r = REVISIONS; r >= 1; r--) {
								drop(statement, r);
							}
						}
						elapsed = System.nanoTime() - start;
					}
					(ours ? stairway : once).add(Stats.millis(elapsed));
					if (backends.nanos() >= 0) {
						(ours ? stairwayCpu : onceCpu).add(Stats.millis(backends.nanos()));
					}
					System.err.printf(Locale.ROOT, "  %s SQL: %s ms, CPU %s ms in the backend%n", ours ? "stairway" : "reference",
							Stats.ms(Stats.millis(elapsed)), Stats.ms(Stats.millis(backends.nanos())));
				}
				catch (SQLException ex) {
					throw new IllegalStateException("T1: the SQL alone failed: " + ex.getMessage(), ex);
				}
			}
		}
		report.add(new Report.Row("T1 floor: the " + REVISIONS + " revisions' SQL alone in the stairway's order (up, down, up)",
				Stats.median(stairway), "their SQL alone in the reference's order (up all, down all)", Stats.median(once), "—", null,
				Stats.spread(stairway) + " / " + Stats.spread(once)));
		if (stairwayCpu.size() == runs && onceCpu.size() == runs) {
			report.note(String.format(Locale.ROOT, "T1 floor, backend CPU: the stairway's order %s ms, the reference's %s ms, %s: "
					+ "what any stairway pays before its bookkeeping and snapshots (runs: %s / %s).",
					Stats.ms(Stats.median(stairwayCpu)), Stats.ms(Stats.median(onceCpu)),
					Stats.ratio(Stats.median(stairwayCpu), Stats.median(onceCpu)), Stats.spread(stairwayCpu),
					Stats.spread(onceCpu)));
		}
	}

	private static void create(Statement statement, int revision) throws SQLException {
		String table = String.format(Locale.ROOT, "t_%04d", revision);
		statement.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name varchar(100) NOT NULL, "
				+ "created_at timestamp NOT NULL DEFAULT now())");
		statement.execute("CREATE INDEX ix_" + table + "_name ON " + table + " (name)");
		statement.getConnection().commit();
	}

	private static void drop(Statement statement, int revision) throws SQLException {
		statement.execute(String.format(Locale.ROOT, "DROP TABLE t_%04d", revision));
		statement.getConnection().commit();
	}

	private void measure(Report report, String what, Path revisions, boolean withTarget) {
		int runs = this.settings.applyRuns();
		System.err.println("T1: " + runs + " runs of the stairway over " + what + ", and of upgrade head + downgrade base");
		List<Double> stairway = new ArrayList<>();
		List<Double> once = new ArrayList<>();
		List<Double> stairwayCpu = new ArrayList<>();
		List<Double> onceCpu = new ArrayList<>();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < runs; i++) {
			for (int k = 0; k < 2; k++) {
				try (TestDatabase database = TestDatabases.postgres()) {
					BackendCpuDataSource backends = new BackendCpuDataSource(database.dataSource());
					Migrations migrations = Migrations.configure()
						.dataSource(backends)
						.locations("filesystem:" + revisions)
						.load();
					long cpu = threads.getCurrentThreadCpuTime();
					long start = System.nanoTime();
					boolean ours = (i + k) % 2 == 0;
					if (ours) {
						MigrationsTester.of(migrations).assertStairway();
					}
					else {
						migrations.upgrade("head");
						migrations.downgrade("base");
					}
					long elapsed = System.nanoTime() - start;
					long thread = threads.getCurrentThreadCpuTime() - cpu;
					(ours ? stairway : once).add(Stats.millis(elapsed));
					System.err.printf(Locale.ROOT, "  %s: %s ms, CPU %s ms in this thread, %s ms in the backends%n",
							ours ? "stairway" : "reference", Stats.ms(Stats.millis(elapsed)),
							Stats.ms(Stats.millis(thread)), Stats.ms(Stats.millis(backends.nanos())));
					if (backends.nanos() >= 0) {
						(ours ? stairwayCpu : onceCpu).add(Stats.millis(thread + backends.nanos()));
					}
				}
			}
		}
		double ours = Stats.median(stairway);
		double reference = Stats.median(once);
		boolean met = ours < 2 * reference;
		report.add(new Report.Row("T1 stairway, " + what, ours, "upgrade head + downgrade base", reference,
				withTarget ? "< 2×" : "—", withTarget ? met : null,
				Stats.spread(stairway) + " / " + Stats.spread(once)));
		if (stairwayCpu.size() == runs && onceCpu.size() == runs) {
			report.note(String.format(Locale.ROOT, "T1, %s, CPU (this JVM's thread and the PostgreSQL backends it used, from "
					+ "/proc/<pid>/schedstat; not stretched by waiting for a core): the stairway %s ms, the reference %s ms, %s "
					+ "(runs: %s / %s).", what, Stats.ms(Stats.median(stairwayCpu)), Stats.ms(Stats.median(onceCpu)),
					Stats.ratio(Stats.median(stairwayCpu), Stats.median(onceCpu)), Stats.spread(stairwayCpu),
					Stats.spread(onceCpu)));
		}
		if (withTarget) {
			report.add(new Report.TargetRow(String.format(Locale.ROOT, "T1 stairway of %d revisions under 2× applying them "
					+ "up and down once", REVISIONS), Stats.ms(ours) + " ms vs " + Stats.ms(reference) + " ms ("
							+ Stats.ratio(ours, reference) + ")", met));
		}
	}

}
