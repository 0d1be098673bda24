package dev.migrations.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
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
