package dev.migrations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a script ({@code db upgrade --sql}) through {@code psql} as its header says, stopping at the first error. */
public final class Psql {

	private Psql() {
	}

	/** The {@code psql} executable; the test is skipped where none is installed. */
	public static Path executable() {
		Path psql = TestDatabases.psqlExecutable().orElse(null);
		Assumptions.assumeTrue(psql != null, "psql is not installed: the script cannot be run through it");
		return psql;
	}

	/** Runs the script on the database and asserts that psql completed it. */
	public static void run(String script, TestDatabase db) throws Exception {
		Path file = Files.createTempFile("script", ".sql");
		try {
			Files.writeString(file, script);
			Process process = new ProcessBuilder(executable().toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
					file.toString(), db.psqlConnectionUri()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
