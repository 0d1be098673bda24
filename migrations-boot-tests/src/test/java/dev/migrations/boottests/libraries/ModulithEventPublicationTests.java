package dev.migrations.boottests.libraries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.boottests.libraries.modulith.ModulithApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Modulith's JPA event publication registry, whose {@code event_publication} entity its
 * auto-configuration adds to the application's entity packages: the revision creates its table, and
 * {@code db check} and {@code db migrate} in command mode (with and without the application context)
 * count it as an entity's, not as a table to drop. Runs in the {@code modulith} execution, the only one
 * with Spring Modulith on the class path.
 */
@ExtendWith(TestDatabaseExtension.class)
class ModulithEventPublicationTests {

	@TempDir
	Path revisions;

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void theRegistrysTableIsAnEntitysTableInEveryMode(TestDatabase db) throws Exception {
		Migrations migrations = this.apps.start(ModulithApplication.class, properties(db), "spring.jpa.hibernate.ddl-auto=none")
			.getBean(Migrations.class);
		MigrateResult initial = migrations.migrate("initial");
		assertThat(Files.readString(initial.files().get(0))).contains("CREATE TABLE IF NOT EXISTS event_publication (",
				"CREATE TABLE IF NOT EXISTS shipment (");
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();

		JavaProcess.Finished fast = command(db, "db", "check");
		assertThat(fast.exitCode()).as(fast.toString()).isZero();
		JavaProcess.Finished withContext = command(db, "db", "check", "--migrations.shell.command-mode.fast-start=false");
		assertThat(withContext.exitCode()).as(withContext.toString()).isZero();
		JavaProcess.Finished migrate = command(db, "db", "migrate", "-m", "nothing");
		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		try (var files = Files.list(this.revisions)) {
			assertThat(files.filter((file) -> file.toString().endsWith(".sql")).count()).isEqualTo(1);
		}
	}

	@Test
	void aSchemaHibernateCreatedShowsNoDrift(TestDatabase db) throws Exception {
		this.apps.start(ModulithApplication.class, properties(db), "spring.jpa.hibernate.ddl-auto=create",
				"migrations.enabled=false").close();
		Migrations migrations = this.apps.start(ModulithApplication.class, properties(db), "spring.jpa.hibernate.ddl-auto=none")
			.getBean(Migrations.class);
		assertThat(migrations.check()).isEmpty();
		JavaProcess.Finished fast = command(db, "db", "check");
		assertThat(fast.exitCode()).as(fast.toString()).isZero();
	}

	private JavaProcess.Finished command(TestDatabase db, String... words) throws Exception {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		for (String setting : properties(db)) {
			args.add("--" + setting);
		}
		try (JavaProcess process = JavaProcess.start(this.revisions, ModulithApplication.class, args)) {
			return process.await();
		}
	}

	private List<String> properties(TestDatabase db) {
		return Apps.with(Apps.database(db), "migrations.locations=filesystem:" + this.revisions,
				"migrations.generate.output-dir=" + this.revisions, "migrations.drift.enabled=false",
				"migrations.upgrade-on-startup=false");
	}

}
