package dev.migrations.benchmarks;

import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * The child JVM of the cold startup benchmark: one no-op upgrade by one tool in a fresh JVM, as an
 * application starting up does it. Prints {@code elapsed_ns=...}, the time from before the tool's
 * first class is touched until the database is known to be up to date.
 * <p>
 * Arguments: {@code migrations|flyway <directory>}; the database comes from the environment
 * ({@code BENCH_JDBC_URL}, {@code BENCH_USER}, {@code BENCH_PASSWORD}).
 */
public final class ColdStart {

	private ColdStart() {
	}

	public static void main(String[] args) {
		Benchmarks.quietLogging();
		String tool = args[0];
		Path directory = Path.of(args[1]);
		DataSource dataSource = new Tools.Database(System.getenv("BENCH_JDBC_URL"), System.getenv("BENCH_USER"),
				System.getenv("BENCH_PASSWORD")).dataSource();
		long start = System.nanoTime();
		int executed = switch (tool) {
			case "migrations" -> Tools.migrationsUpgrade(dataSource, directory).steps().size();
			case "flyway" -> Tools.flywayMigrate(dataSource, directory).migrationsExecuted;
			default -> throw new IllegalArgumentException("Unknown tool " + tool + ": use migrations or flyway.");
		};
		long elapsed = System.nanoTime() - start;
		if (executed != 0) {
			throw new IllegalStateException(tool + " applied " + executed + " revisions in what should be a no-op startup.");
		}
		System.out.println("elapsed_ns=" + elapsed);
	}

}
