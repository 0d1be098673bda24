package dev.migrations.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.TenantMigrations;
import dev.migrations.tenant.TenantRun;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * M1: many tenants. N schemas (default 1,000) × R revisions (default 50, a table and an index each)
 * upgraded from empty, then again with nothing to do (a restart: the revisions read again), by
 * {@link TenantMigrations} with P workers (default 4), against a hand-written Flyway loop over the
 * same schemas, once one schema after another and once on a pool of the same P threads. Each tool
 * gets its own fresh database and a plain data source (no pool); the report gives the wall time and
 * the connections used (opened in all, and the most open at once).
 * <p>
 * One run per tool: {@code -Dbench.tenants=N}, {@code -Dbench.tenant-revisions=R},
 * {@code -Dbench.tenant-parallelism=P}; {@code -Dbench.tenant-sequential=false} leaves out the Flyway
 * loop that runs one schema at a time (about 2 s a schema from empty on two busy cores).
 */
final class TenantsBenchmark {

	private final int tenants = Integer.getInteger("bench.tenants", 1000);

	private final int revisions = Integer.getInteger("bench.tenant-revisions", 50);

	private final int parallelism = Integer.getInteger("bench.tenant-parallelism", TenantMigrations.DEFAULT_PARALLELISM);

	/** Whether the Flyway loop also runs one schema at a time (the slowest part at full size). */
	private final boolean sequential = Boolean.parseBoolean(System.getProperty("bench.tenant-sequential", "true"));

	private final Path work;

	TenantsBenchmark(Path work) {
		this.work = work;
	}

	void run(Report report) throws Exception {
		RevisionFixtures fixtures = RevisionFixtures.write(this.work.resolve("tenants"), this.revisions);
		List<String> schemas = new ArrayList<>();
		for (int i = 1; i <= this.tenants; i++) {
			schemas.add(String.format(Locale.ROOT, "tenant_%05d", i));
		}
		String size = this.tenants + " schemas × " + this.revisions + " revisions";
		System.err.println("M1: " + size + ", " + this.parallelism + " at a time");
		try (TestDatabase oursDb = TestDatabases.postgres(); TestDatabase sequentialDb = TestDatabases.postgres();
				TestDatabase parallelDb = TestDatabases.postgres()) {
			Measured[] empty = new Measured[3];
			Measured[] noop = new Measured[3];
			for (int pass = 0; pass < 2; pass++) {
				Measured[] into = (pass == 0) ? empty : noop;
				int expected = (pass == 0) ? this.revisions : 0;
				into[0] = measure(oursDb, (ds) -> ours(ds, fixtures, schemas, expected));
				into[1] = this.sequential ? measure(sequentialDb, (ds) -> flyway(ds, fixtures, schemas, 1, expected)) : null;
				into[2] = measure(parallelDb, (ds) -> flyway(ds, fixtures, schemas, this.parallelism, expected));
				System.err.println("  M1 " + ((pass == 0) ? "from empty" : "no-op") + ": ours " + into[0] + "; Flyway loop "
						+ into[1] + "; Flyway on " + this.parallelism + " threads " + into[2]);
			}
			add(report, "M1 " + size + ", from empty", empty);
			add(report, "M1 " + size + ", no-op", noop);
		}
		report.note("M1: TenantMigrations with " + this.parallelism + " workers against a hand-written Flyway loop "
				+ "(Flyway.configure().schemas(s)...migrate() per schema), run one schema after another and on a pool of "
				+ this.parallelism + " threads; one run each, each tool on its own fresh database with a plain data source "
				+ "(a new connection each time). The no-op pass loads the revisions (or scripts) again, as a restart would. "
				+ "Connections: opened in all / most open at once.");
	}

	private void add(Report report, String name, Measured[] measured) {
		if (measured[1] != null) {
			report.add(new Report.Row(name + " (Flyway loop, one schema at a time)", measured[0].millis(),
				"Flyway loop", measured[1].millis(), "—", null, "connections opened / most open at once: ours "
						+ measured[0].connections() + ", Flyway " + measured[1].connections()));
		}
		report.add(new Report.Row(name + " (Flyway loop on " + this.parallelism + " threads)", measured[0].millis(),
				"Flyway, " + this.parallelism + " threads", measured[2].millis(), "—", null,
				"connections opened / most open at once: ours " + measured[0].connections() + ", Flyway "
						+ measured[2].connections()));
	}

	private int ours(DataSource dataSource, RevisionFixtures fixtures, List<String> schemas, int expected) {
		TenantRun run = Migrations.configure().dataSource(dataSource).locations("filesystem:" + fixtures.revisions)
			.load().tenants().schemas(schemas).parallelism(this.parallelism).build().upgrade("head");
		StartupBenchmark.require(run.succeeded(), "tenants upgrade: " + run.summary());
		int steps = run.outcomes().stream().mapToInt((o) -> o.result().steps().size()).sum();
		StartupBenchmark.require(steps == expected * schemas.size(), "tenants upgrade applied " + steps);
		return steps;
	}

	private int flyway(DataSource dataSource, RevisionFixtures fixtures, List<String> schemas, int threads, int expected)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> applied = new ArrayList<>();
			for (String schema : schemas) {
				applied.add(pool.submit(() -> Flyway.configure().dataSource(dataSource).schemas(schema)
					.locations("filesystem:" + fixtures.flywayScripts.toAbsolutePath()).load().migrate().migrationsExecuted));
			}
			int steps = 0;
			for (Future<Integer> future : applied) {
				steps += future.get();
			}
			StartupBenchmark.require(steps == expected * schemas.size(), "Flyway loop applied " + steps);
			return steps;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Measured measure(TestDatabase database, Work work) throws Exception {
		OpenConnections connections = new OpenConnections(Tools.Database.of(database).dataSource());
		long start = System.nanoTime();
		work.run(connections);
		return new Measured(Stats.millis(System.nanoTime() - start), connections.opened.get() + " / " + connections.peak.get());
	}

	@FunctionalInterface
	private interface Work {

		int run(DataSource dataSource) throws Exception;

	}

	private record Measured(double millis, String connections) {

		@Override
		public String toString() {
			return Stats.ms(this.millis) + " ms, connections " + this.connections;
		}

	}

	/** Counts the connections opened, and the most open at once. */
	static final class OpenConnections extends DelegatingDataSource {

		final AtomicInteger opened = new AtomicInteger();

		final AtomicInteger open = new AtomicInteger();

		final AtomicInteger peak = new AtomicInteger();

		OpenConnections(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = obtainTargetDataSource().getConnection();
			this.opened.incrementAndGet();
			this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			AtomicInteger closes = new AtomicInteger();
			return (Connection) Proxy.newProxyInstance(TenantsBenchmark.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close") && closes.getAndIncrement() == 0) {
							this.open.decrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}

}
