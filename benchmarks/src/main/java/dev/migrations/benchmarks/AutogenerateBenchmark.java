package dev.migrations.benchmarks;

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

import dev.migrations.Migrations;
import dev.migrations.diff.Difference;
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

	private record Measurement(double millis, int reads, int others, double readMillis, double otherMillis,
			long peakHeap, long liveHeap, long allocated, String result) {

		String statements() {
			return String.format(Locale.ROOT, "%d / %d (waited %s / %s ms)", this.reads, this.others,
					Stats.ms(this.readMillis), Stats.ms(this.otherMillis));
		}

	}

	void run(Report report) throws Exception {
		int small = this.settings.entities();
		int large = 2 * small;
		System.err.println("P3: generating and compiling " + large + " entity classes");
		long compileStart = System.nanoTime();
		List<Class<?>> all = EntityGenerator.compileAndLoad(this.work.resolve("entities"), large);
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

	private Measurement measureOurs(Case c, Path noRevisions) {
		CountingDataSource counting = new CountingDataSource(c.database().dataSource());
		ClassLoader loader = c.classes().get(0).getClassLoader();
		List<Difference> differences;
		long start;
		long elapsed;
		try (HeapSampler heap = HeapSampler.start()) {
			start = System.nanoTime();
			Migrations migrations = Migrations.configure().dataSource(counting)
				.locations("filesystem:" + noRevisions.toAbsolutePath())
				.entities(EntitySource.of(c.classes()).withClassLoader(loader))
				.load();
			differences = migrations.check();
			elapsed = System.nanoTime() - start;
			heap.close();
			String result = describe(differences);
			if (differences.size() != c.expectedDifferences()) {
				result += " (expected " + c.expectedDifferences() + ")";
			}
			return new Measurement(Stats.millis(elapsed), counting.reads(), counting.others(), counting.readMillis(),
					counting.otherMillis(), heap.peakUsed(), heap.maxLive(), heap.allocated(), result);
		}
	}

	private Measurement measureHibernate(Case c) {
		CountingDataSource counting = new CountingDataSource(c.database().dataSource());
		String result;
		long elapsed;
		try (HeapSampler heap = HeapSampler.start()) {
			long start = System.nanoTime();
			try {
				hibernateSchemaAction(c.classes(), counting, "validate");
				result = "valid";
			}
			catch (SchemaManagementException ex) {
				result = "stops at the first: " + firstLine(ex.getMessage());
			}
			elapsed = System.nanoTime() - start;
			heap.close();
			return new Measurement(Stats.millis(elapsed), counting.reads(), counting.others(), counting.readMillis(),
					counting.otherMillis(), heap.peakUsed(), heap.maxLive(), heap.allocated(), result);
		}
	}

	/**
	 * Timed: opening the connection, the reference's metadata and both snapshots, the diff and its
	 * text report. Not timed: what {@code diff-changelog} would make of the result, for the result
	 * column.
	 */
	private Measurement measureLiquibase(Case c) {
		CountingDataSource counting = new CountingDataSource(c.database().dataSource());
		try (HeapSampler heap = HeapSampler.start()) {
			long start = System.nanoTime();
			try (LiquibaseDiff liquibase = LiquibaseDiff.open(c.classes(), counting)) {
				LiquibaseDiff.Result diff = liquibase.diff();
				long elapsed = System.nanoTime() - start;
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
						heap.maxLive(), heap.allocated(), result);
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
			Metadata metadata = sources.buildMetadata();
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
