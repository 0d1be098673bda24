package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * P1, a no-op startup: the database already has every revision applied, and the tool must find out
 * that nothing is pending (connect, lock, read the version table, read and checksum the files,
 * resolve the graph). Timed in a warm JVM and in a fresh JVM per run, which is what an application
 * start really pays.
 */
final class StartupBenchmark {

	private static final String TARGET = "≤ 0.5× Flyway and < 200 ms";

	private final Benchmarks.Settings settings;

	private final RevisionFixtures fixtures;

	private final List<Double> coldLoad = new ArrayList<>();

	StartupBenchmark(Benchmarks.Settings settings, RevisionFixtures fixtures) {
		this.settings = settings;
		this.fixtures = fixtures;
	}

	void run(Report report) throws IOException, InterruptedException {
		int count = this.fixtures.count;
		System.err.println("P1: applying " + count + " revisions with each tool (setup)");
		try (TestDatabase oursDatabase = TestDatabases.postgres(); TestDatabase flywayDatabase = TestDatabases.postgres()) {
			Tools.Database ours = Tools.Database.of(oursDatabase);
			Tools.Database flyway = Tools.Database.of(flywayDatabase);
			DataSource oursSource = ours.dataSource();
			DataSource flywaySource = flyway.dataSource();
			require(Tools.migrationsUpgrade(oursSource, this.fixtures.revisions).steps().size() == count, "migrations setup");
			require(Tools.flywayMigrate(flywaySource, this.fixtures.flywayScripts).migrationsExecuted == count, "Flyway setup");

			System.err.println("P1 warm: " + this.settings.warmup() + " warm-up and " + this.settings.runs() + " measured runs each");
			List<Double> oursWarm = new ArrayList<>();
			List<Double> flywayWarm = new ArrayList<>();
			for (int i = 0; i < this.settings.warmup() + this.settings.runs(); i++) {
				boolean measured = i >= this.settings.warmup();
				// Alternate which tool goes first, so neither always follows the other's cache effects.
				for (int k = 0; k < 2; k++) {
					if ((i + k) % 2 == 0) {
						long start = System.nanoTime();
						require(Tools.migrationsUpgrade(oursSource, this.fixtures.revisions).steps().isEmpty(), "migrations no-op");
						if (measured) {
							oursWarm.add(Stats.millis(System.nanoTime() - start));
						}
					}
					else {
						long start = System.nanoTime();
						require(Tools.flywayMigrate(flywaySource, this.fixtures.flywayScripts).migrationsExecuted == 0, "Flyway no-op");
						if (measured) {
							flywayWarm.add(Stats.millis(System.nanoTime() - start));
						}
					}
				}
			}
			report.add(row("P1 no-op startup, " + count + " applied, warm JVM (median of " + this.settings.runs() + ")", oursWarm,
					flywayWarm));

			System.err.println("P1 cold: " + this.settings.coldRuns() + " fresh JVMs per tool");
			List<Double> oursCall = new ArrayList<>();
			List<Double> oursProcess = new ArrayList<>();
			List<Double> flywayCall = new ArrayList<>();
			List<Double> flywayProcess = new ArrayList<>();
			List<Double> floorCall = new ArrayList<>();
			List<Double> floorProcess = new ArrayList<>();
			List<Double> leastCall = new ArrayList<>();
			List<Double> leastProcess = new ArrayList<>();
			for (int i = 0; i < this.settings.coldRuns(); i++) {
				for (int k = 0; k < 4; k++) {
					switch ((i + k) % 4) {
						case 0 -> cold("migrations", this.fixtures.revisions, ours, oursCall, oursProcess);
						case 1 -> cold("flyway", this.fixtures.flywayScripts, flyway, flywayCall, flywayProcess);
						case 2 -> cold("least", this.fixtures.revisions, ours, leastCall, leastProcess);
						default -> cold("connect", this.fixtures.revisions, ours, floorCall, floorProcess);
					}
				}
			}
			report.add(row("P1 no-op startup, cold: fresh JVM per run, time of the call (median of "
					+ this.settings.coldRuns() + ")", oursCall, flywayCall));
			report.note("P1 cold: of our call, load() (connecting to find the dialect while a second thread reads, parses"
					+ " and checksums the " + count + " files and builds the graph) took a median "
					+ Stats.ms(Stats.median(this.coldLoad)) + " ms; the rest is upgrade(): reading the version table, without"
					+ " the lock (nothing is pending), on the session load() opened (kept for the first command on a data source"
					+ " that opens a new session per connection, as this one does).");
			report.add(new Report.Row("P1 cold: ours against the floor, a fresh JVM that only connects and runs SELECT 1"
					+ " (median of " + this.settings.coldRuns() + ")", Stats.median(oursCall), "connect + SELECT 1",
					Stats.median(floorCall), "(for reference: what < 200 ms is up against)", null,
					Stats.spread(oursCall) + " / " + Stats.spread(floorCall)));
			report.add(new Report.Row("P1 cold: the least work against the floor, a fresh JVM that connects, reads the version"
					+ " table and reads and hashes (CRC-32) the " + count + " files on a second thread (median of "
					+ this.settings.coldRuns() + ")", Stats.median(leastCall), "connect + SELECT 1", Stats.median(floorCall),
					"(for reference: what ≤ 1.3× the floor is up against)", null,
					Stats.spread(leastCall) + " / " + Stats.spread(floorCall)));
			Report.Row process = row("P1 no-op startup, cold: fresh JVM per run, whole process (median of "
					+ this.settings.coldRuns() + ")", oursProcess, flywayProcess);
			report.add(new Report.Row(process.benchmark(), process.oursMillis(), process.reference(),
					process.referenceMillis(), "(JVM start included; for reference)", null, process.notes()));
		}
	}

	private static Report.Row row(String benchmark, List<Double> ours, List<Double> flyway) {
		double oursMedian = Stats.median(ours);
		double flywayMedian = Stats.median(flyway);
		boolean met = oursMedian <= 0.5 * flywayMedian && oursMedian < 200;
		return new Report.Row(benchmark, oursMedian, "Flyway migrate()", flywayMedian, TARGET, met,
				Stats.spread(ours) + " / " + Stats.spread(flyway));
	}

	private void cold(String tool, Path directory, Tools.Database database, List<Double> call, List<Double> process)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
		// e.g. -Dbench.childJvmArgs=-XX:StartFlightRecording=filename=/tmp/cold-%p.jfr to profile the cold runs
		String childJvmArgs = System.getProperty("bench.childJvmArgs", "").strip();
		if (!childJvmArgs.isEmpty()) {
			command.addAll(List.of(childJvmArgs.split("\\s+")));
		}
		command.addAll(List.of(ColdStart.class.getName(), tool, directory.toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("BENCH_JDBC_URL", database.jdbcUrl());
		builder.environment().put("BENCH_USER", database.username());
		if (database.password() != null) {
			builder.environment().put("BENCH_PASSWORD", database.password());
		}
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		long start = System.nanoTime();
		Process child = builder.start();
		String output = new String(child.getInputStream().readAllBytes());
		int exit = child.waitFor();
		long wall = System.nanoTime() - start;
		if (exit != 0) {
			throw new IllegalStateException("The cold " + tool + " run exited with " + exit + ": " + output);
		}
		String line = output.lines().filter((l) -> l.startsWith("elapsed_ns=")).findFirst()
			.orElseThrow(() -> new IllegalStateException("The cold " + tool + " run printed no time: " + output));
		call.add(Stats.millis(Long.parseLong(line.substring("elapsed_ns=".length()).trim())));
		process.add(Stats.millis(wall));
		output.lines().filter((l) -> l.startsWith("load_ns=")).findFirst()
			.ifPresent((l) -> this.coldLoad.add(Stats.millis(Long.parseLong(l.substring("load_ns=".length()).trim()))));
	}

	static void require(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException(what + " did not do what the benchmark expects; its timing would be meaningless.");
		}
	}

}
