package dev.migrations.boottests.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM (as Kubernetes sends it to a pod it replaces) while the startup upgrade of a web application runs a
 * revision: the revision completes, no other starts, the application does not start serving, and the next start
 * goes on from there.
 */
@ExtendWith(TestDatabaseExtension.class)
class ShutdownDuringStartupUpgradeTests {

	@TempDir
	Path directory;

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void theRevisionRunningCompletesAndNoOtherStarts(TestDatabase database) throws Exception {
		Path revisions = writeRevisions();
		List<String> args = arguments(database, revisions);
		JavaProcess app;
		try (Connection holder = database.connection(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4242)");
			app = JavaProcess.start(this.directory, ShopApplication.class, args);
			try {
				await(() -> Sql.query(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
						+ " AND wait_event = 'advisory' AND datname = current_database()").equals(List.of("1")),
						"the first revision waiting for the test's lock", app);
				app.terminate();
				await(() -> err(app).contains("migrations: the process is shutting down"), "the shutdown's notice", app);
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(4242)");
			}
		}
		app.close();
		String output = app.out() + app.err();
		assertThat(app.isAlive()).isFalse();
		assertThat(Sql.query(database, "SELECT revision || ' ' || state FROM migrations_version")).as(output)
			.containsExactly("aaaa00000001 APPLIED");
		assertThat(Sql.tables(database, "public")).containsExactly("migrations_version", "migrations_version_log", "one");
		assertThat(app.err()).as(output).contains("migrations: Stopped before revision bbbb00000002");
		assertThat(output).doesNotContain("Started ShopApplication");

		// the next start goes on from there
		this.apps.start(ShopApplication.class, Apps.database(database), "migrations.locations=filesystem:" + revisions,
				"spring.jpa.hibernate.ddl-auto=none");
		assertThat(Sql.query(database, "SELECT revision || ' ' || state FROM migrations_version ORDER BY applied_seq"))
			.containsExactly("aaaa00000001 APPLIED", "bbbb00000002 APPLIED");
	}

	@Test
	void anInstanceWaitingForTheLockStopsAtOnce(TestDatabase database) throws Exception {
		Path revisions = writeRevisions();
		List<String> args = arguments(database, revisions);
		try (Connection holder = database.connection(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4242)");
			JavaProcess upgrading = JavaProcess.start(this.directory, ShopApplication.class, args);
			try {
				await(() -> Sql.query(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
						+ " AND wait_event = 'advisory' AND datname = current_database()").equals(List.of("1")),
						"the first revision waiting for the test's lock", upgrading);
				JavaProcess waiting = JavaProcess.start(this.directory, ShopApplication.class, args);
				assertThat(waiting.awaitOutput(Pattern.compile("Waiting for the migrations lock"))).as(waiting.err())
					.isNotNull();
				waiting.terminate();
				// ends while the other instance still holds the lock, not at migrations.lock-timeout
				JavaProcess.Finished stopped = waiting.await();
				assertThat(upgrading.isAlive()).isTrue();
				assertThat(stopped.err()).as(stopped.toString())
					.contains("migrations: Stopped while waiting for the migrations lock");
				assertThat(stopped.out() + stopped.err()).doesNotContain("Started ShopApplication");
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(4242)");
				upgrading.close();
			}
		}
	}

	@Test
	void withTenantsTheTenantsUnderWayCompleteAndNoOtherTenantStarts(TestDatabase database) throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		// the revision waits for a lock this test holds, so the signal arrives while two tenants run it
		Files.writeString(revisions.resolve("aaaa00000001_wait.sql"), "-- revision: aaaa00000001\n-- down_revision: none\n"
				+ "-- message: wait\n-- created: 2026-12-05T00:00:00Z\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "SELECT pg_advisory_xact_lock(4242);\n\n-- downgrade\nDROP TABLE one;\n");
		List<String> args = arguments(database, revisions);
		args.add("--migrations.tenants.schemas=tenant_a,tenant_b,tenant_c");
		args.add("--migrations.tenants.parallelism=2");
		JavaProcess app;
		try (Connection holder = database.connection(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(4242)");
			app = JavaProcess.start(this.directory, ShopApplication.class, args);
			try {
				await(() -> Sql.query(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
						+ " AND wait_event = 'advisory' AND datname = current_database()").equals(List.of("2")),
						"two tenants' revision waiting for the test's lock", app);
				app.terminate();
				await(() -> err(app).contains("migrations: the process is shutting down"), "the shutdown's notice", app);
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(4242)");
			}
		}
		app.close();
		String output = app.out() + app.err();
		assertThat(app.isAlive()).isFalse();
		for (String tenant : List.of("tenant_a", "tenant_b")) {
			assertThat(Sql.query(database, "SELECT revision || ' ' || state FROM " + tenant + ".migrations_version"))
				.as(output).containsExactly("aaaa00000001 APPLIED");
		}
		// tenant_c was not started: not even its schema was created
		assertThat(Sql.query(database, "SELECT nspname::text FROM pg_namespace WHERE nspname LIKE 'tenant_%' ORDER BY 1"))
			.as(output).containsExactly("tenant_a", "tenant_b");
		assertThat(app.err()).as(output).contains("migrations: Stopped the tenants' upgrade (the process is shutting down):"
				+ " 2 of 3 tenant(s) done, 1 not started: run the command again for those (--tenant tenant_c).");
		assertThat(output).doesNotContain("Started ShopApplication");
	}

	private Path writeRevisions() throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		// the first revision waits for a lock this test holds, so the signal arrives while it runs
		Files.writeString(revisions.resolve("aaaa00000001_wait.sql"), "-- revision: aaaa00000001\n-- down_revision: none\n"
				+ "-- message: wait\n-- created: 2026-12-05T00:00:00Z\n\n-- upgrade\nCREATE TABLE one (id int);\n"
				+ "SELECT pg_advisory_xact_lock(4242);\n\n-- downgrade\nDROP TABLE one;\n");
		Files.writeString(revisions.resolve("bbbb00000002_next.sql"), "-- revision: bbbb00000002\n"
				+ "-- down_revision: aaaa00000001\n-- message: next\n-- created: 2026-12-05T00:00:00Z\n\n-- upgrade\n"
				+ "CREATE TABLE two (id int);\n\n-- downgrade\nDROP TABLE two;\n");
		return revisions;
	}

	private static List<String> arguments(TestDatabase database, Path revisions) {
		List<String> args = new ArrayList<>();
		for (String setting : Apps.with(Apps.database(database), "migrations.locations=filesystem:" + revisions,
				"spring.jpa.hibernate.ddl-auto=none", "server.port=0", "spring.main.banner-mode=off")) {
			args.add("--" + setting);
		}
		return args;
	}

	private static String err(JavaProcess app) {
		try {
			return app.err();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(BooleanSupplier condition, String what, JavaProcess app) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline || !app.isAlive()) {
				throw new AssertionError("No sign of " + what + ":\n" + app.out() + app.err());
			}
			Thread.sleep(50);
		}
	}

}
