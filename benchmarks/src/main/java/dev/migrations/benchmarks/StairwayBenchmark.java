package dev.migrations.benchmarks;

import java.io.IOException;
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
		for (int i = 0; i < runs; i++) {
			for (int k = 0; k < 2; k++) {
				try (TestDatabase database = TestDatabases.postgres()) {
					Migrations migrations = Migrations.configure()
						.dataSource(database.dataSource())
						.locations("filesystem:" + revisions)
						.load();
					long start = System.nanoTime();
					if ((i + k) % 2 == 0) {
						MigrationsTester.of(migrations).assertStairway();
						stairway.add(Stats.millis(System.nanoTime() - start));
					}
					else {
						migrations.upgrade("head");
						migrations.downgrade("base");
						once.add(Stats.millis(System.nanoTime() - start));
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
		if (withTarget) {
			report.add(new Report.TargetRow(String.format(Locale.ROOT, "T1 stairway of %d revisions under 2× applying them "
					+ "up and down once", REVISIONS), Stats.ms(ours) + " ms vs " + Stats.ms(reference) + " ms ("
							+ Stats.ratio(ours, reference) + ")", met));
		}
	}

}
