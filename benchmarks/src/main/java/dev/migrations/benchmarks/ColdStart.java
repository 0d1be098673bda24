package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.migrations.Migrations;

/**
 * The child JVM of the cold startup benchmark: one no-op upgrade by one tool in a fresh JVM, as an
 * application starting up does it (the same calls as {@link Tools}). Prints {@code elapsed_ns=...},
 * the time from before the tool's first class is touched until the database is known to be up to
 * date, and for ours {@code load_ns=...}, the part spent reading the revisions.
 * <p>
 * Arguments: {@code migrations|flyway|connect <directory>} ({@code connect} only connects and runs
 * {@code SELECT 1}: the floor of any JVM tool); the database comes from the environment
 * ({@code BENCH_JDBC_URL}, {@code BENCH_USER}, {@code BENCH_PASSWORD}).
 */
public final class ColdStart {

	private ColdStart() {
	}

	public static void main(String[] args) throws SQLException {
		Benchmarks.quietLogging();
		String tool = args[0];
		Path directory = Path.of(args[1]);
		DataSource dataSource = new Tools.Database(System.getenv("BENCH_JDBC_URL"), System.getenv("BENCH_USER"),
				System.getenv("BENCH_PASSWORD")).dataSource();
		long start = System.nanoTime();
		int executed;
		long loaded = 0;
		switch (tool) {
			case "migrations" -> {
				Migrations migrations = Migrations.configure().dataSource(dataSource)
					.locations("filesystem:" + directory.toAbsolutePath()).load();
				loaded = System.nanoTime() - start;
				executed = migrations.upgrade("head").steps().size();
			}
			case "flyway" -> executed = Tools.flywayMigrate(dataSource, directory).migrationsExecuted;
			case "connect" -> {
				// the floor: what any JVM tool pays before its own work (driver, connection, one query)
				try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT 1")) {
					rs.next();
				}
				executed = 0;
			}
			default -> throw new IllegalArgumentException("Unknown tool " + tool + ": use migrations, flyway or connect.");
		}
		long elapsed = System.nanoTime() - start;
		if (executed != 0) {
			throw new IllegalStateException(tool + " applied " + executed + " revisions in what should be a no-op startup.");
		}
		System.out.println("elapsed_ns=" + elapsed);
		if (loaded > 0) {
			// where a cold start goes: reading the revisions, or talking to the database
			System.out.println("load_ns=" + loaded);
		}
	}

}
