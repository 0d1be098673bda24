package dev.migrations.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import com.sun.management.OperatingSystemMXBean;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.diff.Difference;
import dev.migrations.entity.EntityMetadataReader;
import dev.migrations.entity.EntitySource;
import dev.migrations.introspect.PostgresIntrospector;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * P3, {@code db check} on large entity sets: 500 entities (about 5,000 columns, with indexes, unique
 * and check constraints and foreign keys) against a database Hibernate created from them, against
 * one with 50 differences, and 1,000 entities. Hibernate's own schema validation
 * ({@code hibernate.hbm2ddl.auto=validate}, run the way a SessionFactory runs it) on the same
 * entities and database is the reference; Liquibase's {@code diff} (liquibase-hibernate7, see
 * {@link LiquibaseDiff}) is a second one.
 */
final class AutogenerateBenchmark {

	private static final int DIFFERENCES_PER_KIND = 10;

	/** Liquibase's diff takes 10–25 s a run at these sizes; {@code -Dbench.liquibase=false} leaves it out. */
	private static final boolean LIQUIBASE = !"false".equals(System.getProperty("bench.liquibase"));

	private final Benchmarks.Settings settings;

	private final Path work;

	AutogenerateBenchmark(Benchmarks.Settings settings, Path work) {
		this.settings = settings;
		this.work = work;
	}

	private record Case(String name, List<Class<?>> classes, TestDatabase database, int expectedDifferences) {

	}

	/**
	 * One timed run. {@code splitMillis}: for ours, a second {@code check()} of the same instance (the entities
	 * kept: introspection, prediction and diff), for Hibernate its metadata build; NaN when not measured.
	 * {@code cpu}: the CPU time the run took in this JVM and in the PostgreSQL backends it used.
	 */
	private record Measurement(double millis, int reads, int others, double readMillis, double otherMillis,
			long peakHeap, long liveHeap, long allocated, String result, double splitMillis, long heapBefore, Cpu cpu) {

		String statements() {
			return String.format(Locale.ROOT, "%d / %d (waited %s / %s ms); CPU %s", this.reads, this.others,
					Stats.ms(this.readMillis), Stats.ms(this.otherMillis), this.cpu);
		}

	}

	/**
	 * The CPU time of a run: the whole JVM's (every thread: the tool's, a second thread it starts, the garbage
	 * collector, the JIT compiler, the heap sampler) and the PostgreSQL backends' of the connections it closed
	 * ({@link BackendCpuDataSource}; NaN where {@code /proc} cannot be read). Waiting for a core on a loaded
	 * machine does not stretch it, as it does the elapsed time. With it, the garbage collections during the run.
	 */
	private record Cpu(double jvmMillis, double serverMillis, long collections, long collectionMillis) {

		private static final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

		static long jvmNanos() {
			return os.getProcessCpuTime();
		}

		/** The garbage collections so far and the milliseconds they took, as the collectors count them. */
		static long[] collectionsSoFar() {
			long[] total = new long[2];
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				total[0] += Math.max(0, collector.getCollectionCount());
				total[1] += Math.max(0, collector.getCollectionTime());
			}
			return total;
		}

		static Cpu since(long jvmStart, long[] collectionsStart, BackendCpuDataSource server) {
			long backend = (server != null) ? server.nanos() : -1;
			long[] collections = collectionsSoFar();
			return new Cpu(Stats.millis(jvmNanos() - jvmStart), (backend < 0) ? Double.NaN : Stats.millis(backend),
					collections[0] - collectionsStart[0], collections[1] - collectionsStart[1]);
		}

		double totalMillis() {
			return this.jvmMillis + this.serverMillis;
		}

		@Override
		public String toString() {
			return "JVM " + Stats.ms(this.jvmMillis) + " / server " + Stats.ms(this.serverMillis) + " ms, "
					+ this.collections + " GC (" + this.collectionMillis + " ms)";
		}

	}

	void run(Report report) throws Exception {
		int small = this.settings.entities();
		int large = 2 * small;
		System.err.println("P3: generating and compiling " + large + " entity classes");
		long compileStart = System.nanoTime();
		List<Class<?>> all = EntityGenerator.compileAndLoad(entitiesDirectory(large), large);
		System.err.printf(Locale.ROOT, "P3: compiled in %.1f s%n", (System.nanoTime() - compileStart) / 1e9);
		List<Class<?>> half = all.subList(0, small);
		Path noRevisions = Files.createDirectories(this.work.resolve("no-revisions"));

		List<Case> cases = new ArrayList<>();
		try {
			System.err.println("P3: creating the databases with Hibernate's schema creation");
			cases.add(new Case(small + " entities, database in sync", half, created(half), 0));
			TestDatabase changed = created(half);
			int expected = introduceDifferences(changed.dataSource(), small);
			cases.add(new Case(small + " entities, " + expected + " differences", half, changed, expected));
			cases.add(new Case(large + " entities, database in sync", all, created(all), 0));

			// One untimed round on the smaller set, so no tool pays for class loading and JIT in the figures.
			measureOurs(cases.get(0), noRevisions);
			measureHibernate(cases.get(0));
			if (LIQUIBASE) {
				measureLiquibase(cases.get(0));
			}

			Map<String, Double> oursMedians = new LinkedHashMap<>();
			for (Case c : cases) {
				List<Measurement> ours = new ArrayList<>();
				List<Measurement> hibernate = new ArrayList<>();
				List<Measurement> liquibase = new ArrayList<>();
				List<Runnable> tools = new ArrayList<>(List.of(() -> ours.add(measureOurs(c, noRevisions)),
						() -> hibernate.add(measureHibernate(c))));
				if (LIQUIBASE) {
					tools.add(() -> liquibase.add(measureLiquibase(c)));
				}
				for (int i = 0; i < this.settings.checkRuns(); i++) {
					// each tool goes first, second and last in turn
					for (int t = 0; t < tools.size(); t++) {
						tools.get((i + t) % tools.size()).run();
					}
				}
				int introspectorQueries = introspectorQueries(c.database().dataSource());
				Measurement oursMedian = median(ours);
				Measurement hibernateMedian = median(hibernate);
				oursMedians.put(c.name(), oursMedian.millis());
				String benchmark = "P3 " + c.name() + " (median of " + this.settings.checkRuns() + ")";
				report.add(new Report.CheckRow(benchmark, "migrations check()", oursMedian.millis(),
						oursMedian.statements() + "; introspector: " + introspectorQueries + " catalog queries per schema",
						oursMedian.peakHeap(), oursMedian.liveHeap(), oursMedian.allocated(), oursMedian.result()));
				report.add(new Report.CheckRow(benchmark, "Hibernate validate", hibernateMedian.millis(),
						hibernateMedian.statements(), hibernateMedian.peakHeap(),
						hibernateMedian.liveHeap(), hibernateMedian.allocated(), hibernateMedian.result()));
				Measurement liquibaseMedian = LIQUIBASE ? median(liquibase) : null;
				if (LIQUIBASE) {
					report.add(new Report.CheckRow(benchmark, "Liquibase diff", liquibaseMedian.millis(),
							liquibaseMedian.statements(), liquibaseMedian.peakHeap(), liquibaseMedian.liveHeap(),
							liquibaseMedian.allocated(), liquibaseMedian.result()));
				}
				report.add(new Report.Row(benchmark, oursMedian.millis(), "Hibernate validate", hibernateMedian.millis(),
						"≤ 1.5× Hibernate", oursMedian.millis() <= 1.5 * hibernateMedian.millis(),
						Stats.spread(ours.stream().map(Measurement::millis).toList()) + " / "
								+ Stats.spread(hibernate.stream().map(Measurement::millis).toList())));
				report.add(cpuRow(benchmark, ours, hibernate));
				if (LIQUIBASE) {
					report.add(new Report.Row(benchmark, oursMedian.millis(), "Liquibase diff", liquibaseMedian.millis(),
							"(for reference)", null, Stats.spread(ours.stream().map(Measurement::millis).toList()) + " / "
									+ Stats.spread(liquibase.stream().map(Measurement::millis).toList())));
				}
			}
			double smallMillis = oursMedians.get(cases.get(0).name());
			double largeMillis = oursMedians.get(cases.get(2).name());
			report.add(new Report.TargetRow("P3 check, " + small + " entities in sync: < 3 s", Stats.ms(smallMillis) + " ms",
					smallMillis < 3000));
			report.add(new Report.TargetRow("P3 check, " + large + " entities ≤ 2.2× " + small + " entities",
					String.format(Locale.ROOT, "%.2f× (%s ms / %s ms)", largeMillis / smallMillis, Stats.ms(largeMillis),
							Stats.ms(smallMillis)),
					largeMillis <= 2.2 * smallMillis));
		}
		finally {
			for (Case c : cases) {
				c.database().close();
			}
		}
	}

	/**
	 * {@code p3scale}: the in-sync check at each of {@link Benchmarks.Settings#entitySizes()} (default 500, 2,000,
	 * 5,000 and 10,000 entities), each size on its own database that Hibernate created, dropped before the next.
	 * Ours, Hibernate's validation and Liquibase's diff alternate as in P3; Liquibase only up to
	 * {@code -Dbench.liquibase.max-entities} (default 2,000), and once more, alone, at sizes up to
	 * {@code -Dbench.liquibase.once-entities} (default 0: not at all). Besides, at each size and untimed
	 * against the others: the entities read alone, the live schema read alone, a second check of the same instance
	 * (the entities kept), and {@code migrate()} writing the revision that creates the whole schema on an empty
	 * database, at sizes up to {@code -Dbench.p3scale.migrate-max-entities} (default 1,000).
	 */
	void runScale(Report report) throws Exception {
		List<Integer> sizes = this.settings.entitySizes();
		int smallest = sizes.get(0);
		int largest = sizes.get(sizes.size() - 1);
		int liquibaseMax = Integer.getInteger("bench.liquibase.max-entities", 2000);
		int liquibaseOnce = Integer.getInteger("bench.liquibase.once-entities", 0);
		// migrate() on an empty database runs every table's DDL in the scratch schema (in parts that fit in the
		// server's lock table), minutes at 10,000 entities under load, so only sizes up to this are tried
		int migrateMax = Integer.getInteger("bench.p3scale.migrate-max-entities", 1000);
		// only migrate() and the upgrade of what it wrote, at each size (no check, no Hibernate, no Liquibase)
		boolean migrateOnly = Boolean.getBoolean("bench.p3scale.migrate-only");
		System.err.println("P3 scale: generating and compiling " + largest + " entity classes");
		long compileStart = System.nanoTime();
		List<Class<?>> all = EntityGenerator.compileAndLoad(entitiesDirectory(largest), largest);
		System.err.printf(Locale.ROOT, "P3 scale: compiled (or reused) in %.1f s%n", (System.nanoTime() - compileStart) / 1e9);
		Path noRevisions = Files.createDirectories(this.work.resolve("no-revisions"));
		Map<Integer, Double> oursMedians = new LinkedHashMap<>();
		Map<Integer, Double> hibernateMedians = new LinkedHashMap<>();
		boolean warm = false;
		for (int size : sizes) {
			List<Class<?>> classes = all.subList(0, size);
			if (migrateOnly) {
				measureMigrate(report, classes);
				continue;
			}
			long createStart = System.nanoTime();
			Case c = new Case(size + " entities, database in sync", classes, created(classes), 0);
			System.err.printf(Locale.ROOT, "P3 scale: %d entities, Hibernate created the database in %.1f s%n", size,
					(System.nanoTime() - createStart) / 1e9);
			boolean liquibase = LIQUIBASE && size <= liquibaseMax;
			try {
				if (!warm) {
					// one untimed round, so no tool pays for class loading and JIT in the figures
					measureOurs(c, noRevisions);
					measureHibernate(c);
					if (liquibase) {
						measureLiquibase(c);
					}
					warm = true;
				}
				List<Measurement> ours = new ArrayList<>();
				List<Measurement> hibernate = new ArrayList<>();
				List<Measurement> liquibaseRuns = new ArrayList<>();
				List<Runnable> tools = new ArrayList<>(List.of(() -> ours.add(measureOurs(c, noRevisions, true)),
						() -> hibernate.add(measureHibernate(c))));
				if (liquibase) {
					tools.add(() -> liquibaseRuns.add(measureLiquibase(c)));
				}
				for (int i = 0; i < this.settings.checkRuns(); i++) {
					for (int t = 0; t < tools.size(); t++) {
						tools.get((i + t) % tools.size()).run();
					}
				}
				String runsNote = "median of " + this.settings.checkRuns();
				if (!liquibase && LIQUIBASE && size <= liquibaseOnce) {
					liquibaseRuns.add(measureLiquibase(c));
				}
				double entitiesRead = timeEntitiesRead(classes);
				double introspection = timeIntrospection(c.database().dataSource());
				Measurement oursMedian = median(ours);
				Measurement hibernateMedian = median(hibernate);
				oursMedians.put(size, oursMedian.millis());
				hibernateMedians.put(size, hibernateMedian.millis());
				String benchmark = "P3 scale " + c.name() + " (" + runsNote + ")";
				double kept = Stats.median(ours.stream().map(Measurement::splitMillis).toList());
				report.add(new Report.CheckRow(benchmark, "migrations check()", oursMedian.millis(),
						oursMedian.statements(), oursMedian.peakHeap(), oursMedian.liveHeap(), oursMedian.allocated(),
						oursMedian.result() + "; heap used before: " + Stats.mb(oursMedian.heapBefore())
								+ " MB; split (apart): entities read " + Stats.ms(entitiesRead)
								+ " ms, live schema read " + Stats.ms(introspection)
								+ " ms, a second check with the entities kept " + Stats.ms(kept) + " ms"));
				report.add(new Report.CheckRow(benchmark, "Hibernate validate", hibernateMedian.millis(),
						hibernateMedian.statements(), hibernateMedian.peakHeap(), hibernateMedian.liveHeap(),
						hibernateMedian.allocated(), hibernateMedian.result() + "; heap used before: "
								+ Stats.mb(hibernateMedian.heapBefore()) + " MB; metadata build "
								+ Stats.ms(Stats.median(hibernate.stream().map(Measurement::splitMillis).toList())) + " ms"));
				report.add(new Report.Row(benchmark, oursMedian.millis(), "Hibernate validate", hibernateMedian.millis(),
						"≤ 1.5× Hibernate", oursMedian.millis() <= 1.5 * hibernateMedian.millis(),
						Stats.spread(ours.stream().map(Measurement::millis).toList()) + " / "
								+ Stats.spread(hibernate.stream().map(Measurement::millis).toList())));
				report.add(cpuRow(benchmark, ours, hibernate));
				if (!liquibaseRuns.isEmpty()) {
					Measurement liquibaseMedian = median(liquibaseRuns);
					String liquibaseBenchmark = liquibase ? benchmark
							: "P3 scale " + c.name() + " (ours: " + runsNote + "; Liquibase: one run, after the others)";
					report.add(new Report.CheckRow(liquibaseBenchmark, "Liquibase diff", liquibaseMedian.millis(),
							liquibaseMedian.statements(), liquibaseMedian.peakHeap(), liquibaseMedian.liveHeap(),
							liquibaseMedian.allocated(), liquibaseMedian.result() + "; heap used before: "
									+ Stats.mb(liquibaseMedian.heapBefore()) + " MB"));
					report.add(new Report.Row(liquibaseBenchmark, oursMedian.millis(), "Liquibase diff",
							liquibaseMedian.millis(), "(for reference)", null,
							Stats.spread(ours.stream().map(Measurement::millis).toList()) + " / "
									+ Stats.spread(liquibaseRuns.stream().map(Measurement::millis).toList())));
				}
			}
			finally {
				c.database().close();
			}
			if (size <= migrateMax) {
				measureMigrate(report, classes);
			}
		}
		if (migrateOnly) {
			return;
		}
		double base = oursMedians.get(smallest);
		for (int size : sizes) {
			if (size == smallest) {
				continue;
			}
			double factor = size / (double) smallest;
			double allowed = 1.1 * factor;
			double measured = oursMedians.get(size) / base;
			report.add(new Report.TargetRow(String.format(Locale.ROOT, "P3 check, %,d entities ≤ %.1f× %,d entities (linear)",
					size, allowed, smallest), String.format(Locale.ROOT, "%.2f× (%s ms / %s ms); Hibernate validate %.2f×",
							measured, Stats.ms(oursMedians.get(size)), Stats.ms(base),
							hibernateMedians.get(size) / hibernateMedians.get(smallest)),
					measured <= allowed));
		}
	}

	/** The entities read alone (Hibernate's metadata, its DDL, the model), as {@code check()} reads them; one run. */
	private static double timeEntitiesRead(List<Class<?>> classes) {
		long start = System.nanoTime();
		new EntityMetadataReader().read(EntitySource.of(classes).withClassLoader(classes.get(0).getClassLoader()));
		return Stats.millis(System.nanoTime() - start);
	}

	/** The live schema read alone, on a connection of its own; median of 3 (a read is short next to the rest). */
	private static double timeIntrospection(DataSource dataSource) throws SQLException {
		List<Double> runs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			try (Connection connection = dataSource.getConnection()) {
				long start = System.nanoTime();
				new PostgresIntrospector().introspect(connection, "public", (table) -> true);
				runs.add(Stats.millis(System.nanoTime() - start));
			}
		}
		return Stats.median(runs);
	}

	/** {@code migrate()} on an empty database: one revision creating every table, written to a fresh directory. */
	private void measureMigrate(Report report, List<Class<?>> classes) throws IOException {
		Path revisions = Files.createDirectories(this.work.resolve("migrate-" + classes.size()));
		try (TestDatabase empty = TestDatabases.postgres()) {
			CountingDataSource counting = new CountingDataSource(empty.dataSource());
			MigrateResult result;
			long elapsed;
			try (HeapSampler heap = HeapSampler.start()) {
				long start = System.nanoTime();
				try {
					result = Migrations.configure().dataSource(counting)
						.locations("filesystem:" + revisions.toAbsolutePath())
						.entities(EntitySource.of(classes).withClassLoader(classes.get(0).getClassLoader()))
						.load()
						.migrate("create the schema");
				}
				catch (RuntimeException ex) {
					report.add(new Report.CheckRow("P3 scale " + classes.size() + " entities, migrate() on an empty database (one run)",
							"migrations migrate()", Stats.millis(System.nanoTime() - start), "-", heap.peakUsed(),
							heap.maxLive(), heap.allocated(), "failed: " + firstLine(ex.getMessage())));
					return;
				}
				elapsed = System.nanoTime() - start;
				heap.close();
				long bytes = 0;
				for (Path file : result.files()) {
					bytes += Files.size(file);
				}
				report.add(new Report.CheckRow("P3 scale " + classes.size() + " entities, migrate() on an empty database (one run)",
						"migrations migrate()", Stats.millis(elapsed), counting.reads() + " / " + counting.others()
								+ String.format(Locale.ROOT, " (waited %s / %s ms)", Stats.ms(counting.readMillis()),
										Stats.ms(counting.otherMillis())),
						heap.peakUsed(), heap.maxLive(), heap.allocated(),
						result.files().size() + " revision file(s), " + Stats.mb(bytes) + " MB, " + result.operations().size()
								+ " operations, " + result.differences().size() + " differences; heap used before: "
								+ Stats.mb(heap.usedAtStart()) + " MB"));
			}
			measureUpgrade(report, classes.size(), empty, revisions, result.files().size());
		}
	}

	/** {@code upgrade head} of what {@code migrate()} wrote, on the database it was generated against; one run. */
	private static void measureUpgrade(Report report, int entities, TestDatabase database, Path revisions, int files) {
		String benchmark = "P3 scale " + entities + " entities, upgrade head of what migrate() wrote (one run)";
		BackendCpuDataSource backends = new BackendCpuDataSource(database.dataSource());
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		HeapSampler heap = HeapSampler.start();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		String outcome;
		try {
			int applied = Migrations.configure().dataSource(backends).locations("filesystem:" + revisions.toAbsolutePath())
				.load()
				.upgrade("head")
				.steps()
				.size();
			outcome = applied + " of " + files + " revision(s) applied, one transaction each";
		}
		catch (RuntimeException ex) {
			outcome = "failed: " + firstLine(ex.getMessage());
		}
		double millis = Stats.millis(System.nanoTime() - start);
		long client = threads.getCurrentThreadCpuTime() - cpuStart;
		heap.close();
		long backend = backends.nanos();
		report.add(new Report.CheckRow(benchmark, "migrations upgrade", millis, "-", heap.peakUsed(), heap.maxLive(),
				heap.allocated(), outcome
				+ "; CPU: client " + Stats.ms(client / 1e6) + " ms, backends "
				+ ((backend < 0) ? "unknown" : Stats.ms(backend / 1e6) + " ms") + "; load average after: " + loadAverage()));
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** Where the entities are compiled: the run's own directory, or {@code -Dbench.entities.dir/N} to reuse them. */
	private Path entitiesDirectory(int count) {
		String reused = System.getProperty("bench.entities.dir");
		return (reused != null) ? Path.of(reused).resolve(Integer.toString(count)) : this.work.resolve("entities");
	}

	/** The CPU the runs took, JVM and server together: the ratio that waiting for a core does not stretch. */
	private static Report.Row cpuRow(String benchmark, List<Measurement> ours, List<Measurement> hibernate) {
		List<Double> oursCpu = ours.stream().map((m) -> m.cpu().totalMillis()).toList();
		List<Double> hibernateCpu = hibernate.stream().map((m) -> m.cpu().totalMillis()).toList();
		return new Report.Row(benchmark.replace(" (median", ", CPU of JVM and server (median"), Stats.median(oursCpu),
				"Hibernate validate", Stats.median(hibernateCpu), "(for reference: not stretched by waiting for a core)", null,
				Stats.spread(oursCpu) + " / " + Stats.spread(hibernateCpu));
	}

	private Measurement measureOurs(Case c, Path noRevisions) {
		return measureOurs(c, noRevisions, false);
	}

	private Measurement measureOurs(Case c, Path noRevisions, boolean split) {
		BackendCpuDataSource server = new BackendCpuDataSource(c.database().dataSource());
		CountingDataSource counting = new CountingDataSource(server);
		ClassLoader loader = c.classes().get(0).getClassLoader();
		List<Difference> differences;
		long start;
		long elapsed;
		try (HeapSampler heap = HeapSampler.start()) {
			long cpuStart = Cpu.jvmNanos();
			long[] collectionsStart = Cpu.collectionsSoFar();
			start = System.nanoTime();
			Migrations migrations = Migrations.configure().dataSource(counting)
				.locations("filesystem:" + noRevisions.toAbsolutePath())
				.entities(EntitySource.of(c.classes()).withClassLoader(loader))
				.load();
			differences = migrations.check();
			elapsed = System.nanoTime() - start;
			Cpu cpu = Cpu.since(cpuStart, collectionsStart, server);
			heap.close();
			String result = describe(differences);
			if (differences.size() != c.expectedDifferences()) {
				result += " (expected " + c.expectedDifferences() + ")";
			}
			int reads = counting.reads();
			int others = counting.others();
			double readMillis = counting.readMillis();
			double otherMillis = counting.otherMillis();
			double again = Double.NaN;
			if (split) {
				long againStart = System.nanoTime();
				migrations.check();
				again = Stats.millis(System.nanoTime() - againStart);
			}
			return new Measurement(Stats.millis(elapsed), reads, others, readMillis, otherMillis, heap.peakUsed(),
					heap.maxLive(), heap.allocated(), result, again, heap.usedAtStart(), cpu);
		}
	}

	private Measurement measureHibernate(Case c) {
		BackendCpuDataSource server = new BackendCpuDataSource(c.database().dataSource());
		CountingDataSource counting = new CountingDataSource(server);
		String result;
		long elapsed;
		long[] metadata = new long[1];
		try (HeapSampler heap = HeapSampler.start()) {
			long cpuStart = Cpu.jvmNanos();
			long[] collectionsStart = Cpu.collectionsSoFar();
			long start = System.nanoTime();
			try {
				hibernateSchemaAction(c.classes(), counting, "validate", metadata);
				result = "valid";
			}
			catch (SchemaManagementException ex) {
				result = "stops at the first: " + firstLine(ex.getMessage());
			}
			elapsed = System.nanoTime() - start;
			Cpu cpu = Cpu.since(cpuStart, collectionsStart, server);
			heap.close();
			return new Measurement(Stats.millis(elapsed), counting.reads(), counting.others(), counting.readMillis(),
					counting.otherMillis(), heap.peakUsed(), heap.maxLive(), heap.allocated(), result,
					Stats.millis(metadata[0]), heap.usedAtStart(), cpu);
		}
	}

	/**
	 * Timed: opening the connection, the reference's metadata and both snapshots, the diff and its
	 * text report. Not timed: what {@code diff-changelog} would make of the result, for the result
	 * column.
	 */
	private Measurement measureLiquibase(Case c) {
		BackendCpuDataSource server = new BackendCpuDataSource(c.database().dataSource());
		CountingDataSource counting = new CountingDataSource(server);
		try (HeapSampler heap = HeapSampler.start()) {
			long cpuStart = Cpu.jvmNanos();
			long[] collectionsStart = Cpu.collectionsSoFar();
			long start = System.nanoTime();
			try (LiquibaseDiff liquibase = LiquibaseDiff.open(c.classes(), counting)) {
				LiquibaseDiff.Result diff = liquibase.diff();
				long elapsed = System.nanoTime() - start;
				// its connection is still open here: the JVM's CPU only
				Cpu cpu = Cpu.since(cpuStart, collectionsStart, null);
				heap.close();
				int reads = counting.reads();
				int others = counting.others();
				double readMillis = counting.readMillis();
				double otherMillis = counting.otherMillis();
				if (Boolean.getBoolean("bench.liquibaseReport")) {
					System.err.println(diff.report());
				}
				// before the change log: the extension's change generators drop the differences they ignore from the result
				String differences = describe(diff, c);
				String result = differences + "; diff-changelog from it: " + liquibase.changeLog(diff);
				return new Measurement(Stats.millis(elapsed), reads, others, readMillis, otherMillis, heap.peakUsed(),
						heap.maxLive(), heap.allocated(), result, Double.NaN, heap.usedAtStart(), cpu);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Liquibase diff failed", ex);
			}
		}
	}

	/**
	 * What a SessionFactory does for {@code hibernate.hbm2ddl.auto}: boot the metadata of the classes
	 * with the application's settings, then run the schema tool; the same naming strategies as the
	 * entity source's defaults, so both tools map the entities alike.
	 */
	static void hibernateSchemaAction(List<Class<?>> classes, DataSource dataSource, String action) {
		hibernateSchemaAction(classes, dataSource, action, new long[1]);
	}

	/** The same, with the nanoseconds the metadata build took put in {@code metadataNanos[0]}. */
	static void hibernateSchemaAction(List<Class<?>> classes, DataSource dataSource, String action, long[] metadataNanos) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("hibernate.connection.datasource", dataSource);
		settings.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
		settings.put("hibernate.physical_naming_strategy", "dev.migrations.entity.SnakeCasePhysicalNamingStrategy");
		settings.put("hibernate.implicit_naming_strategy", "dev.migrations.entity.OwningTableImplicitNamingStrategy");
		settings.put("hibernate.hbm2ddl.auto", action);
		BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
			.applyClassLoader(classes.get(0).getClassLoader()).build();
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			classes.forEach(sources::addAnnotatedClass);
			long start = System.nanoTime();
			Metadata metadata = sources.buildMetadata();
			metadataNanos[0] = System.nanoTime() - start;
			SchemaManagementToolCoordinator.process(metadata, registry, settings, null);
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
		}
	}

	private static TestDatabase created(List<Class<?>> classes) {
		TestDatabase database = TestDatabases.postgres();
		hibernateSchemaAction(classes, database.dataSource(), "create");
		return database;
	}

	/**
	 * Ten each of: a missing index, a changed column type, a missing column, an extra column, a
	 * nullability change, on tables spread over the whole set.
	 */
	private static int introduceDifferences(DataSource dataSource, int entities) throws SQLException {
		List<Function<String, String>> kinds = List.of(
				(table) -> "DROP INDEX ix_" + table + "_name",
				(table) -> "ALTER TABLE " + table + " ALTER COLUMN name TYPE varchar(120)",
				(table) -> "ALTER TABLE " + table + " DROP COLUMN description",
				(table) -> "ALTER TABLE " + table + " ADD COLUMN legacy_flag boolean",
				(table) -> "ALTER TABLE " + table + " ALTER COLUMN name DROP NOT NULL");
		int step = entities / DIFFERENCES_PER_KIND;
		int count = 0;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (int kind = 0; kind < kinds.size(); kind++) {
				for (int k = 0; k < DIFFERENCES_PER_KIND; k++) {
					int entity = 1 + k * step + kind * (step / kinds.size());
					statement.execute(kinds.get(kind).apply(EntityGenerator.tableName(entity)));
					count++;
				}
			}
		}
		return count;
	}

	private static int introspectorQueries(DataSource dataSource) throws SQLException {
		PostgresIntrospector introspector = new PostgresIntrospector();
		try (Connection connection = dataSource.getConnection()) {
			introspector.introspect(connection, "public", (table) -> true);
		}
		return introspector.lastQueryCount();
	}

	private static String describe(List<Difference> differences) {
		if (differences.isEmpty()) {
			return "in sync";
		}
		Map<String, Long> kinds = differences.stream()
			.collect(Collectors.groupingBy(Difference::kind, TreeMap::new, Collectors.counting()));
		return differences.size() + " differences: " + kinds.entrySet().stream()
			.map((e) -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
	}

	private static String describe(LiquibaseDiff.Result diff, Case c) {
		if (diff.count() == 0) {
			return "no differences";
		}
		String result = diff.count() + " differences: " + diff.summary();
		String fields = diff.changedFields();
		if (!fields.isEmpty()) {
			result += " (changed fields: " + fields + ")";
		}
		if (c.expectedDifferences() == 0) {
			result = "false differences on the in-sync database: " + result;
		}
		return result;
	}

	private static String firstLine(String message) {
		String line = (message == null) ? "" : message.lines().findFirst().orElse("");
		return (line.length() > 90) ? line.substring(0, 90) + "…" : line;
	}

	private static Measurement median(List<Measurement> runs) {
		List<Measurement> sorted = new ArrayList<>(runs);
		sorted.sort((a, b) -> Double.compare(a.millis(), b.millis()));
		return sorted.get(sorted.size() / 2);
	}

}
