package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.Migrations;
import dev.migrations.runner.CommandResult;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/** The operations being timed, each as a user of the tool would write it. */
final class Tools {

	private Tools() {
	}

	/** Where a database is, in a form a child JVM can be given. */
	record Database(String jdbcUrl, String username, String password) {

		static Database of(TestDatabase database) {
			return new Database(database.jdbcUrl(), database.username(), database.password());
		}

		/** A plain data source without a pool: each tool opens its connections as it would at startup. */
		DataSource dataSource() {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setURL(this.jdbcUrl);
			dataSource.setUser(this.username);
			if (this.password != null) {
				dataSource.setPassword(this.password);
			}
			return dataSource;
		}

	}

	/** Reads the revisions and upgrades to head: what an application does at startup. */
	static CommandResult migrationsUpgrade(DataSource dataSource, Path revisions) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + revisions.toAbsolutePath()).load()
			.upgrade("head");
	}

	static MigrateResult flywayMigrate(DataSource dataSource, Path scripts) {
		return Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts.toAbsolutePath()).load().migrate();
	}

	/**
	 * {@code psql -1 -f}: the whole script in one transaction, the least work a server can be given; or,
	 * {@code oneTransaction} false, {@code psql -f} of a script that opens and commits its own transactions.
	 */
	static void psql(TestDatabase database, Path script, boolean oneTransaction) throws IOException, InterruptedException {
		Path psql = TestDatabases.psqlExecutable()
			.orElseThrow(() -> new IllegalStateException("psql is needed for P2: install the PostgreSQL client."));
		List<String> command = new ArrayList<>(List.of(psql.toString(), "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f",
				script.toString(), "-o", "/dev/null", database.psqlConnectionUri()));
		if (!oneTransaction) {
			command.remove("-1");
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (database.password() != null) {
			builder.environment().put("PGPASSWORD", database.password());
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + output);
		}
	}
}
