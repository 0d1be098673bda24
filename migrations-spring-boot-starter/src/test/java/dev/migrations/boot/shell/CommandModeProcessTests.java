package dev.migrations.boot.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java ... ShellTestApplication db check} as CI would run it: a JVM of its own that ends with
 * the command's status.
 */
@ExtendWith(TestDatabaseExtension.class)
class CommandModeProcessTests {

	@TempDir
	Path directory;

	@Test
	void theJvmEndsWithTheStatusOfTheCommand(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);

		Finished upgrade = java(database, revisions, "db", "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.out()).containsPattern("Upgraded to 2b3c4d5e6f70 from base: 2 revisions in \\d+ ms\\.");

		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP INDEX ix_bulletin_title");
		}
		Finished check = java(database, revisions, "db", "check");
		assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
		assertThat(check.out()).contains("  INDEX_MISSING  bulletin: the database lacks index ix_bulletin_title on (title)");
		assertThat(check.err()).contains("the database differs from the entities");

		Finished json = java(database, revisions, "db", "check", "--format", "json");
		assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
		// one line of JSON on standard output; the log (this test class path's logback-test.xml logs at INFO) goes to
		// standard error
		List<String> lines = json.out().lines().toList();
		assertThat(lines).hasSize(1);
		assertThat(json.err().lines()).anyMatch((line) -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d+ .*"));
		JsonNode drift = JsonMapper.builder().build().readTree(lines.get(0));
		assertThat(drift.get("status").asString()).isEqualTo("DETECTED");
		assertThat(drift.get("differences").get(0).get("kind").asString()).isEqualTo("INDEX_MISSING");

		// the format's name in capitals is JSON as well, for the command and for where the log goes
		for (String[] format : new String[][] { { "--format=JSON" }, { "--format", "Json" } }) {
			List<String> words = new ArrayList<>(List.of("db", "check"));
			words.addAll(Arrays.asList(format));
			Finished capitals = java(database, revisions, words.toArray(String[]::new));
			assertThat(capitals.exitCode()).as(capitals.toString()).isEqualTo(1);
			assertThat(capitals.out().lines()).as(capitals.toString()).hasSize(1).first().asString().startsWith("{");
		}
	}

	@Test
	void aFormatThatIsNotJsonLeavesTheFailuresMessageFirstOnStandardError(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);
		// no JSON is printed: the log stays on standard output, so standard error's first line is the usage error
		for (String format : List.of("Json,other", "jsonl")) {
			Finished refused = java(database, revisions, "db", "current", "--format=" + format);
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
			assertThat(refused.err().lines().findFirst()).as(refused.toString())
				.hasValue("--format " + format + " is not a format: use text or json (see `db current --help`)");
			assertThat(refused.out()).as(refused.toString()).contains("Starting ShellTestApplication");
		}
	}

	@Test
	void standardOutputOfAScriptIsTheScriptAlone(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);

		Finished script = java(database, revisions, "db", "upgrade", "--sql", "--spring.main.banner-mode=console");
		assertThat(script.exitCode()).as(script.toString()).isZero();
		// what psql -f would read: SQL and comments only; the banner and the log are on standard error
		assertThat(script.out().lines().filter((line) -> !line.isBlank())).isNotEmpty()
			.allMatch((line) -> line.startsWith("--") || line.matches("^[A-Z(\\s].*|^\\);?$|^.*;$|^\\s.*"), "SQL");
		assertThat(script.out()).contains("CREATE TABLE bulletin").doesNotContain(" INFO ").doesNotContain(":: Spring Boot ::");
		assertThat(script.err()).contains(":: Spring Boot ::");
	}

	@Test
	void aCommandInAnApplicationWithMigrationsTurnedOffIsAFailureNotAStartup(TestDatabase database) throws Exception {
		Path revisions = this.directory.resolve("revisions");
		ShellTestRevisions.writeBulletin(revisions);

		Finished check = java(database, revisions, "db", "check", "--migrations.enabled=false");
		assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
		assertThat(check.err()).startsWith("`db check` was not run: migrations.enabled=false turns the db commands off");
		assertThat(check.out()).isEmpty();
	}

	@Test
	void aShutdownDuringAnUpgradeCompletesTheRevisionRunningAndStartsNoOther(TestDatabase database) throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		// the first revision waits for a lock this test holds, so the signal arrives while it runs
		Files.writeString(revisions.resolve("aaaa00000001_wait.sql"), "-- revision: aaaa00000001\n-- down_revision: none\n"
				+ "-- message: wait\n-- created: 2026-12-04T00:00:00Z\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "SELECT pg_advisory_xact_lock(4242);\n\n-- downgrade\nDROP TABLE one;\n");
		Files.writeString(revisions.resolve("bbbb00000002_next.sql"), "-- revision: bbbb00000002\n"
				+ "-- down_revision: aaaa00000001\n-- message: next\n-- created: 2026-12-04T00:00:00Z\n\n-- upgrade\n"
				+ "CREATE TABLE two (id int);\n\n-- downgrade\nDROP TABLE two;\n");
		Path err = Files.createTempFile(this.directory, "err", ".txt");
		Path out = Files.createTempFile(this.directory, "out", ".txt");
		try (Connection holder = database.connection(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4242)");
			Process process = start(database, revisions, out, err, "db", "upgrade");
			try {
				awaitTrue(() -> column(database, "select count(*)::text from pg_stat_activity where"
						+ " wait_event_type = 'Lock' and wait_event = 'advisory' and datname = current_database()")
					.equals(List.of("1")), "the first revision waiting for the test's lock", err);
				// SIGTERM, as Kubernetes sends it
				process.destroy();
				awaitTrue(() -> Files.readString(err).contains("migrations: the process is shutting down"),
						"the shutdown's notice", out);
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(4242)");
			}
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
			String output = Files.readString(out) + Files.readString(err);
			// the status of a process ended by SIGTERM (128 + 15), once the revision running has completed
			assertThat(process.exitValue()).as(output).isEqualTo(143);
			assertThat(column(database, "select revision || ' ' || state from migrations_version")).as(output)
				.containsExactly("aaaa00000001 APPLIED");
			assertThat(Files.readString(err)).contains("migrations: Stopped before revision bbbb00000002 (" + revisions.resolve("bbbb00000002_next.sql")
					+ "): the command's thread was interrupted (the process is shutting down). 1 of 2 revisions applied and"
					+ " recorded; the rest were not started.");
		}
		assertThat(column(database, "select revision || ' ' || state from migrations_version"))
			.containsExactly("aaaa00000001 APPLIED");
		assertThat(column(database, "select table_name::text from information_schema.tables where table_schema ="
				+ " current_schema() order by 1")).containsExactly("migrations_version", "migrations_version_log", "one");
	}

	@Test
	void aShutdownDuringATenantRunCompletesTheTenantUnderWayAndStartsNoOtherTenant(TestDatabase database) throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		// the revision waits for a lock this test holds, so the signal arrives while the first tenant runs it
		Files.writeString(revisions.resolve("aaaa00000001_wait.sql"), "-- revision: aaaa00000001\n-- down_revision: none\n"
				+ "-- message: wait\n-- created: 2026-12-04T00:00:00Z\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "SELECT pg_advisory_xact_lock(4243);\n\n-- downgrade\nDROP TABLE one;\n");
		Path err = Files.createTempFile(this.directory, "err", ".txt");
		Path out = Files.createTempFile(this.directory, "out", ".txt");
		Process process;
		try (Connection holder = database.connection(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4243)");
			// one tenant at a time: tenant_a runs first, tenant_b waits for its turn
			process = start(database, revisions, out, err, "db", "upgrade", "--tenant", "all",
					"--migrations.tenants.schemas=tenant_a,tenant_b", "--migrations.tenants.parallelism=1");
			try {
				awaitTrue(() -> column(database, "select count(*)::text from pg_stat_activity where"
						+ " wait_event_type = 'Lock' and wait_event = 'advisory' and datname = current_database()")
					.equals(List.of("1")), "tenant_a's revision waiting for the test's lock", err);
				// SIGTERM, as Kubernetes sends it
				process.destroy();
				awaitTrue(() -> Files.readString(err).contains("migrations: the process is shutting down"),
						"the shutdown's notice", out);
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(4243)");
			}
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		}
		String output = Files.readString(out) + Files.readString(err);
		assertThat(process.exitValue()).as(output).isEqualTo(143);
		assertThat(column(database, "select revision || ' ' || state from tenant_a.migrations_version")).as(output)
			.containsExactly("aaaa00000001 APPLIED");
		// tenant_b was not started: not even its schema was created
		assertThat(column(database, "select nspname::text from pg_namespace where nspname like 'tenant_%' order by 1"))
			.as(output).containsExactly("tenant_a");
		assertThat(Files.readString(err)).as(output)
			.contains("migrations: Stopped the tenants' upgrade (the process is shutting down): 1 of 2 tenant(s) done,"
					+ " 1 not started: run the command again for those (--tenant tenant_b).");
	}

	@Test
	void aShutdownDuringATenantRunNamesTheTenantStoppedHalfWayAmongThoseToRunAgain(TestDatabase database) throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		// the first revision waits for a lock this test holds, so the signal arrives before tenant_a's second revision
		Files.writeString(revisions.resolve("aaaa00000001_wait.sql"), "-- revision: aaaa00000001\n-- down_revision: none\n"
				+ "-- message: wait\n-- created: 2026-12-04T00:00:00Z\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "SELECT pg_advisory_xact_lock(4244);\n\n-- downgrade\nDROP TABLE one;\n");
		Files.writeString(revisions.resolve("bbbb00000002_next.sql"), "-- revision: bbbb00000002\n"
				+ "-- down_revision: aaaa00000001\n-- message: next\n-- created: 2026-12-04T00:00:00Z\n\n-- upgrade\n"
				+ "CREATE TABLE two (id int);\n\n-- downgrade\nDROP TABLE two;\n");
		Path err = Files.createTempFile(this.directory, "err", ".txt");
		Path out = Files.createTempFile(this.directory, "out", ".txt");
		Process process;
		try (Connection holder = database.connection(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4244)");
			process = start(database, revisions, out, err, "db", "upgrade", "--tenant", "all",
					"--migrations.tenants.schemas=tenant_a,tenant_b", "--migrations.tenants.parallelism=1");
			try {
				awaitTrue(() -> column(database, "select count(*)::text from pg_stat_activity where"
						+ " wait_event_type = 'Lock' and wait_event = 'advisory' and datname = current_database()")
					.equals(List.of("1")), "tenant_a's revision waiting for the test's lock", err);
				process.destroy();
				// tenant_a's own notice, said once its command is told to start no other revision
				awaitTrue(() -> Files.readString(err).contains("the revision running (if any) is completed"),
						"the shutdown's notice", out);
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(4244)");
			}
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		}
		String output = Files.readString(out) + Files.readString(err);
		assertThat(column(database, "select revision || ' ' || state from tenant_a.migrations_version")).as(output)
			.containsExactly("aaaa00000001 APPLIED");
		// tenant_a is behind as much as tenant_b: both are named to run the command again for
		assertThat(Files.readString(err)).as(output)
			.contains("migrations: Stopped the tenants' upgrade (the process is shutting down): 0 of 2 tenant(s) done,"
					+ " 1 not finished (the log says where each stopped or why it failed), 1 not started: run the command"
					+ " again for those (--tenant tenant_a,tenant_b).");
		// tenant_a's own line aims the command it advises at tenant_a: alone, it would upgrade the default schema
		assertThat(Files.readString(err)).as(output)
			.contains("migrations: Stopped before revision bbbb00000002 (" + revisions.resolve("bbbb00000002_next.sql")
					+ "): the command's thread was interrupted (the process is shutting down). 1 of 2 revisions applied and"
					+ " recorded; the rest were not started. Run `db upgrade --tenant tenant_a` again (or start the"
					+ " application again) to go on.")
			.doesNotContain("Run `db upgrade` again");
	}

	private static List<String> column(TestDatabase database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static void awaitTrue(Condition condition, String what, Path err) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No sign of " + what + " within a minute:\n" + Files.readString(err));
			}
			Thread.sleep(50);
		}
	}

	@FunctionalInterface
	private interface Condition {

		boolean holds() throws Exception;

	}

	private Process start(TestDatabase database, Path revisions, Path out, Path err, String... words) throws IOException {
		List<String> command = JavaProcess.javaCommand(ShellTestApplication.class);
		command.addAll(Arrays.asList(words));
		command.addAll(ShellSession.connectionArguments(database, revisions));
		return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
	}

	private Finished java(TestDatabase database, Path revisions, String... words)
			throws IOException, InterruptedException, SQLException {
		List<String> command = JavaProcess.javaCommand(ShellTestApplication.class);
		command.addAll(Arrays.asList(words));
		command.addAll(ShellSession.connectionArguments(database, revisions));
		Path out = Files.createTempFile(this.directory, "out", ".txt");
		Path err = Files.createTempFile(this.directory, "err", ".txt");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("`" + String.join(" ", words) + "` did not end within 5 minutes:\n" + Files.readString(out)
					+ Files.readString(err));
		}
		return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	/**
	 * A JVM that ended.
	 *
	 * @param exitCode its exit status
	 * @param out its standard output
	 * @param err its standard error
	 */
	record Finished(int exitCode, String out, String err) {
	}

}
