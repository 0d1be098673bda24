package dev.migrations.rehearse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.test.JavaProcess;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy of a rehearsal that is stopped half-way: dropped as its process shuts down, and named by the next rehearsal. */
@ExtendWith(TestDatabaseExtension.class)
class RehearsalCopyLeftPostgresTest {

	@TempDir
	Path directory;

	private RevisionFiles files(String change) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "items", "CREATE TABLE item (id int PRIMARY KEY);", "DROP TABLE item;");
		files.write("bbbb00000002", "aaaa00000001", "change", change, "SELECT 1;");
		return files;
	}

	private static List<String> copies(TestDatabase db) {
		String prefix = Rehearsal.copyName(db.name());
		prefix = prefix.substring(0, prefix.length() - 8);
		return Sql.column(db.dataSource(), "SELECT datname FROM pg_database WHERE datname ~ '^" + prefix
				+ "[0-9a-f]{8}$' ORDER BY datname");
	}

	private static void dropCopies(TestDatabase db) {
		for (String copy : copies(db)) {
			Sql.execute(db.dataSource(), "DROP DATABASE IF EXISTS " + PostgresIdentifiers.quote(copy) + " WITH (FORCE)");
		}
	}

	@Test
	void aRehearsalStoppedBySigtermDropsItsCopy(TestDatabase db) throws Exception {
		RevisionFiles files = files("SELECT pg_sleep(120);");
		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().upgrade("aaaa00000001");
		db.newSessionForEachConnection();
		List<String> command = JavaProcess.javaCommand(RehearsalChild.class);
		command.addAll(List.of(db.jdbcUrl(), db.username(), (db.password() != null) ? db.password() : "", files.location()));
		Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(this.directory.resolve("child.log").toFile())
			.start();
		try {
			// the copy exists and the revision is running on it
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			List<String> running = List.of();
			while (running.isEmpty() && System.nanoTime() < deadline && child.isAlive()) {
				Thread.sleep(100);
				running = Sql.column(db.dataSource(), "SELECT datname FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(120)%'"
						+ " AND datname LIKE '%_rehearsal_%'");
			}
			assertThat(running).as(Files.readString(this.directory.resolve("child.log"))).hasSize(1);
			assertThat(copies(db)).isEqualTo(running);

			child.destroy();
			assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
			assertThat(copies(db)).as(Files.readString(this.directory.resolve("child.log"))).isEmpty();
			assertThat(Files.readString(this.directory.resolve("child.log")))
				.contains("The rehearsal was stopped: its copy " + running.get(0) + " was dropped.");
		}
		finally {
			child.destroyForcibly();
			dropCopies(db);
		}
	}

	@Test
	void theNextRehearsalNamesACopyLeftBehindWithoutDroppingIt(TestDatabase db) {
		RevisionFiles files = files("CREATE INDEX ix_item ON item (id);");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");
		String prefix = Rehearsal.copyName(db.name());
		String left = prefix.substring(0, prefix.length() - 8) + "deadbeef";
		Sql.execute(db.dataSource(), "CREATE DATABASE " + PostgresIdentifiers.quote(left) + " TEMPLATE template0");
		try {
			db.newSessionForEachConnection();
			RehearsalReport report = migrations.rehearse("head", RehearsalOptions.copy(db.jdbcUrl(), db.username(),
					db.password()));
			assertThat(report.failed()).isFalse();
			assertThat(report.toText()).contains("Note: Left behind by earlier rehearsals that were stopped: " + left
					+ ". Unless a rehearsal is running on it, drop it:\n  DROP DATABASE " + PostgresIdentifiers.quote(left)
					+ " WITH (FORCE);");
			assertThat(copies(db)).containsExactly(left);
		}
		finally {
			dropCopies(db);
		}
	}

}
