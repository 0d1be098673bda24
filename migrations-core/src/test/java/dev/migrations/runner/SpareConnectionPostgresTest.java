package dev.migrations.runner;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a data source that opens a new session per connection, the session loading opened to learn the dialect is
 * the one the first command runs on: a cold startup opens one session, not two.
 */
@ExtendWith(TestDatabaseExtension.class)
class SpareConnectionPostgresTest {

	@TempDir
	Path directory;

	@BeforeEach
	void noExpiryWhileTheTestRuns() {
		// on a slow, busy machine a test may take longer than a startup's two seconds between loading and upgrading
		SpareConnection.lifetimeMillis = 600_000;
	}

	@AfterEach
	void expiryAsShipped() {
		SpareConnection.lifetimeMillis = SpareConnection.LIFETIME_MILLIS;
	}

	/** A closed session leaves pg_stat_activity when its backend has exited, which the client does not wait for. */
	private static void awaitNoSession(TestDatabase db, String applicationName) {
		for (int i = 0; i < 600 && !sessionsOf(db, applicationName).isEmpty(); i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		assertThat(sessionsOf(db, applicationName)).as("sessions left open").isEmpty();
	}

	private static PGSimpleDataSource plain(TestDatabase db, String applicationName) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(db.jdbcUrl());
		dataSource.setUser(db.username());
		if (db.password() != null) {
			dataSource.setPassword(db.password());
		}
		dataSource.setApplicationName(applicationName);
		return dataSource;
	}

	private static List<String> sessionsOf(TestDatabase db, String applicationName) {
		return Sql.column(db.dataSource(),
				"select pid::text from pg_stat_activity where application_name = '" + applicationName + "'");
	}

	@Test
	void aRehearsalOnACopyIsNotKeptWaitingByTheSessionLoadingOpened(TestDatabase db) {
		// CREATE DATABASE ... TEMPLATE refuses while another session is on the database, the test's own too
		db.newSessionForEachConnection();
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int);", "DROP TABLE item;");
		Migrations migrations = Migrations.configure().dataSource(plain(db, "spare-rehearse")).locations(files.location())
			.load();
		assertThat(sessionsOf(db, "spare-rehearse")).hasSize(1);

		// `db rehearse` in command mode: the command is the rehearsal, which the kept session would stop
		assertThat(migrations.rehearse("head").revisions()).hasSize(1);
		assertThat(Sql.postgresTables(db.dataSource())).isEmpty();
	}

	@Test
	void theFirstCommandRunsOnTheSessionThatLoadingOpened(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "who", "CREATE TABLE who AS SELECT pg_backend_pid() AS pid;", "DROP TABLE who;");
		Migrations migrations = Migrations.configure().dataSource(plain(db, "spare-first")).locations(files.location()).load();
		List<String> loading = sessionsOf(db, "spare-first");
		assertThat(loading).hasSize(1);
		assertThat(migrations.upgrade("head").steps()).hasSize(1);
		// the upgrade looked for a no-op on that session, then took the lock and ran the revision on it
		assertThat(Sql.column(db.dataSource(), "select pid::text from who")).containsExactlyElementsOf(loading);
		awaitNoSession(db, "spare-first");
		// only once: the next command opens its own
		assertThat(migrations.upgrade("head").steps()).isEmpty();
		awaitNoSession(db, "spare-first");
	}

	@Test
	void loadingThatFailsOnTheFilesLeavesNoSessionOpen(TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "first", "CREATE TABLE first_table (id int);", "DROP TABLE first_table;");
		files.write("aaaa00000002", "none", "second", "CREATE TABLE second_table (id int);", "DROP TABLE second_table;");
		files.write("aaaa00000003", "aaaa00000009", "third", "CREATE TABLE third_table (id int);", "DROP TABLE third_table;");
		assertThatThrownBy(() -> Migrations.configure().dataSource(plain(db, "spare-failed")).locations(files.location()).load())
			.hasMessageContaining("aaaa00000009");
		awaitNoSession(db, "spare-failed");
	}

	@Test
	void aPoolOrAnyOtherDataSourceIsNotKept(TestDatabase db) {
		assertThat(SpareConnection.keepsFor(plain(db, "x"))).isTrue();
		// the test support's own data source, like a pool or a routing data source, is not one of those listed
		assertThat(SpareConnection.keepsFor(db.dataSource())).isFalse();
		assertThat(SpareConnection.keepsFor(new PGSimpleDataSource() {
		})).isFalse();
	}

}
