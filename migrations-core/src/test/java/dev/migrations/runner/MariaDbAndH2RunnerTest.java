package dev.migrations.runner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.RevisionInfo;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The runner on databases without transactional DDL. */
@ExtendWith(TestDatabaseExtension.class)
class MariaDbAndH2RunnerTest {

	@TempDir
	Path directory;

	RevisionFiles writeRevisions() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int PRIMARY KEY, name varchar(50));",
				"DROP TABLE item;");
		files.write("bbbb00000002", "aaaa00000001", "seed item",
				"INSERT INTO item VALUES (1, 'it''s {\"key\":true}');\nCREATE INDEX ix_item_name ON item (name);",
				"DROP INDEX ix_item_name ON item;\nDELETE FROM item;");
		return files;
	}

	@Test
	void upgradesAndDowngradesOnMariaDb(@MariaDb TestDatabase db) {
		RevisionFiles files = writeRevisions();
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThat(migrations.dialect().name()).isEqualTo("mariadb");
		// no version table yet: nothing applied, everything pending, and reading created nothing
		assertThat(migrations.current()).isEmpty();
		assertThat(migrations.status().pending()).containsExactly("aaaa00000001", "bbbb00000002");
		assertThat(Sql.column(db.dataSource(), "select count(*) from information_schema.tables where table_schema = database()"))
			.containsExactly("0");

		assertThat(migrations.upgrade("head").steps()).extracting(StepResult::revision)
			.containsExactly("aaaa00000001", "bbbb00000002");
		assertThat(Sql.column(db.dataSource(), "select name from item")).containsExactly("it's {\"key\":true}");
		assertThat(migrations.current()).containsExactly("bbbb00000002");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version order by applied_seq"))
			.containsExactly("APPLIED", "APPLIED");
		// times kept to the microsecond, as the columns allow (two whole seconds in a row would be a one in a
		// million chance each)
		assertThat(Sql.column(db.dataSource(), "select count(*) from migrations_version where microsecond(applied_at) > 0"))
			.doesNotContain("0");

		migrations.downgrade("base");
		assertThat(Sql.column(db.dataSource(), "select count(*) from information_schema.tables where table_schema = database()"
				+ " and table_name = 'item'")).containsExactly("0");
		assertThat(migrations.current()).isEmpty();
	}

	/**
	 * A user that may only read (the application's own, given to migrations too) is told, as on PostgreSQL, that it
	 * may not create the version tables and what to grant or connect as: MariaDB's refusal (1142, SQLState 42000)
	 * was a bare "Database error".
	 */
	@Test
	void revisionIdsDifferingOnlyInCaseAreRefusedBeforeAnythingRunsOnMariaDb(@MariaDb TestDatabase db) {
		// MariaDB compares the version table's ids without case: the second could never be recorded
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("abcd1234", "none", "lower", "CREATE TABLE lower_case (id int);", "DROP TABLE lower_case;");
		files.write("ABCD1234", "abcd1234", "upper", "CREATE TABLE upper_case (id int);", "DROP TABLE upper_case;");

		assertThatThrownBy(() -> Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load()
			.upgrade("head")).hasMessageStartingWith("revisions ABCD1234 ("
				+ files.directory().resolve("ABCD1234_upper.sql") + ") and abcd1234 ("
				+ files.directory().resolve("abcd1234_lower.sql") + ") differ only in case")
			.hasMessageContaining("give one of them a new id");
		assertThat(Sql.column(db.dataSource(), "select count(*) from information_schema.tables where table_schema = database()"))
			.containsExactly("0");
	}

	@Test
	void aUserThatMayNotCreateTheVersionTablesIsToldWhatToGrantOnMariaDb(@MariaDb TestDatabase db) throws Exception {
		RevisionFiles files = writeRevisions();
		String user = "mig_reader_" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffffL);
		Sql.execute(db.dataSource(), "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'reader'");
		try {
			Sql.execute(db.dataSource(), "GRANT SELECT, INSERT, UPDATE, DELETE ON `" + db.name() + "`.* TO '" + user + "'@'%'");
			org.mariadb.jdbc.MariaDbDataSource reader = new org.mariadb.jdbc.MariaDbDataSource(db.jdbcUrl());
			reader.setUser(user);
			reader.setPassword("reader");
			Migrations migrations = Migrations.configure().dataSource(reader).locations(files.location()).load();

			Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

			assertThat(failure).isInstanceOf(WriteRefusedException.class);
			assertThat(failure.getMessage().lines().findFirst().orElseThrow())
				.startsWith("Could not create the version table " + db.name() + ".migrations_version: user " + user
						+ " may not (")
				.endsWith("Nothing was changed.");
			assertThat(failure.getMessage()).contains("migrations.user")
				.contains("GRANT CREATE, ALTER, DROP, INDEX, REFERENCES ON `" + db.name() + "`.* TO '" + user + "'@'%'");
			assertThat(Sql.column(db.dataSource(), "select count(*) from information_schema.tables where table_schema = '"
					+ db.name() + "'")).containsExactly("0");
		}
		finally {
			Sql.execute(db.dataSource(), "DROP USER '" + user + "'@'%'");
		}
	}

	/**
	 * DDL on MariaDB runs outside a transaction and waits for the table's metadata lock behind any open transaction
	 * that read the table, up to lock_wait_timeout (a day by default): when it runs out, the message names that
	 * setting (not only innodb_lock_wait_timeout, which is for rows) and the revision is recorded as failed.
	 */
	@Test
	void aRevisionStoppedByTheMetadataLockWaitOnMariaDbNamesTheTimeout(@MariaDb TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "one", "CREATE TABLE one (id int PRIMARY KEY);", "DROP TABLE one;");
		files.write("bbbb00000002", "aaaa00000001", "two", "ALTER TABLE one ADD COLUMN note varchar(10);",
				"ALTER TABLE one DROP COLUMN note;");
		org.mariadb.jdbc.MariaDbDataSource impatient = new org.mariadb.jdbc.MariaDbDataSource(db.jdbcUrl()
				+ (db.jdbcUrl().contains("?") ? "&" : "?") + "sessionVariables=lock_wait_timeout=1");
		impatient.setUser(db.username());
		if (db.password() != null) {
			impatient.setPassword(db.password());
		}
		Migrations migrations = Migrations.configure().dataSource(impatient).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");

		Throwable failure;
		try (Connection reader = db.connection(); Statement statement = reader.createStatement()) {
			// an open transaction that read the table holds its metadata lock until it ends
			reader.setAutoCommit(false);
			statement.executeQuery("SELECT * FROM one").close();
			failure = catchThrowable(() -> migrations.upgrade("head"));
			reader.rollback();
		}

		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("Lock wait timeout exceeded")
			.hasMessageContaining("It ran outside a transaction: no statement of it had run before this one.")
			.hasMessageContaining("lock_wait_timeout (a table's metadata lock")
			.hasMessageContaining("The revision is recorded as FAILED");
	}

	/**
	 * A server whose time zone is not the JVM's: the version table's {@code datetime} holds the server's wall
	 * clock, and the time a revision was applied is still the instant it happened, as on PostgreSQL.
	 */
	@Test
	void appliedAtOnMariaDbIsTheInstantWhateverTheServersTimeZone(@MariaDb TestDatabase db) {
		RevisionFiles files = writeRevisions();
		DataSource kolkata = TestDataSources.initialized(db.dataSource(), "SET time_zone = '+05:30'");
		Migrations migrations = Migrations.configure().dataSource(kolkata).locations(files.location()).load();
		Instant before = Instant.now().minus(Duration.ofMinutes(10));
		migrations.upgrade("head");
		Instant after = Instant.now().plus(Duration.ofMinutes(10));

		assertThat(migrations.history()).extracting(RevisionInfo::appliedAt)
			.allSatisfy((appliedAt) -> assertThat(appliedAt).isBetween(before, after));
		// a session in the JVM's zone reads the same instants
		assertThat(Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().history())
			.extracting(RevisionInfo::appliedAt).allSatisfy((appliedAt) -> assertThat(appliedAt).isBetween(before, after));
	}

	@Test
	void migrateOnMariaDbSaysFirstThatAutogenerateIsPostgresOnly(@MariaDb TestDatabase db) {
		RevisionFiles files = writeRevisions();
		// revisions pending too: what cannot work at all comes before what to do first
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.entities(dev.migrations.entity.EntitySource.of(dev.migrations.lint.fixtures.Account.class)).load();
		assertThatThrownBy(() -> migrations.migrate("add account"))
			.hasMessageStartingWith("Autogenerate (db migrate, db check, db create-db) supports PostgreSQL; mariadb is not"
					+ " supported yet");
		assertThat(files.directory().toFile().list()).hasSize(2);
	}

	/**
	 * A configured schema the first upgrade creates (on MariaDB a database, here one whose name needs quotes) does not
	 * exist before it: the database is at base, as on PostgreSQL, not "Unknown database" with advice to correct the
	 * URL, which does not name it.
	 */
	@Test
	void aSchemaTheFirstUpgradeCreatesIsAtBaseBeforeItOnMariaDb(@MariaDb TestDatabase db) {
		RevisionFiles files = writeRevisions();
		String schema = db.name() + "-later";
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.schema(schema).load();
		try {
			assertThat(migrations.current()).isEmpty();
			assertThat(migrations.status().pending()).containsExactly("aaaa00000001", "bbbb00000002");
			assertThat(migrations.history()).extracting(RevisionInfo::state).containsOnly(RevisionInfo.State.PENDING);

			migrations.upgrade("head");
			assertThat(migrations.current()).containsExactly("bbbb00000002");
			assertThat(Sql.column(db.dataSource(), "select name from `" + schema + "`.item")).hasSize(1);
		}
		finally {
			Sql.execute(db.dataSource(), "DROP DATABASE IF EXISTS `" + schema + "`");
		}
	}

	/**
	 * The scripts (--sql) from a database whose configured schema the first upgrade creates start at base, as on
	 * PostgreSQL, and writing them creates nothing: no "Unknown database" from reading the version table or its log.
	 */
	@Test
	void scriptsFromASchemaTheFirstUpgradeCreatesStartAtBaseOnMariaDb(@MariaDb TestDatabase db) {
		RevisionFiles files = writeRevisions();
		String schema = db.name() + "-script";
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
			.schema(schema).load();
		try {
			assertThat(migrations.upgradeSql("head"))
				.startsWith("-- Upgrade script for mariadb, from base to bbbb00000002 (head): 2 revision(s).\n");
			assertThat(migrations.downgradeSql("base"))
				.startsWith("-- Downgrade script for mariadb, from base to base: 0 revision(s).\n");
			assertThat(Sql.column(db.dataSource(), "select count(*) from information_schema.schemata where schema_name = '"
					+ schema + "'")).as("writing the scripts created nothing").containsExactly("0");
		}
		finally {
			Sql.execute(db.dataSource(), "DROP DATABASE IF EXISTS `" + schema + "`");
		}
	}

	/** The same on H2. */
	@Test
	void scriptsFromASchemaTheFirstUpgradeCreatesStartAtBaseOnH2() {
		RevisionFiles files = writeRevisions();
		DataSource h2 = TestDataSources.driverManager("jdbc:h2:mem:script" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Migrations migrations = Migrations.configure().dataSource(h2).locations(files.location()).schema("LATER").load();

		assertThat(migrations.upgradeSql("head"))
			.startsWith("-- Upgrade script for h2, from base to bbbb00000002 (head): 2 revision(s).\n");
		assertThat(migrations.downgradeSql("base")).startsWith("-- Downgrade script for h2, from base to base: 0 revision(s).\n");
		assertThat(Sql.column(h2, "select count(*) from information_schema.schemata where schema_name = 'LATER'"))
			.containsExactly("0");
	}

	/** The same on H2, whose schemas the first upgrade creates too. */
	@Test
	void aSchemaTheFirstUpgradeCreatesIsAtBaseBeforeItOnH2() {
		RevisionFiles files = writeRevisions();
		DataSource h2 = TestDataSources.driverManager("jdbc:h2:mem:later" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Migrations migrations = Migrations.configure().dataSource(h2).locations(files.location()).schema("LATER").load();

		assertThat(migrations.current()).isEmpty();
		assertThat(migrations.status().pending()).containsExactly("aaaa00000001", "bbbb00000002");

		migrations.upgrade("head");
		assertThat(migrations.current()).containsExactly("bbbb00000002");
	}

	/**
	 * An application without JPA on H2 (or MariaDB) calling check() is told that autogenerate supports PostgreSQL,
	 * not to configure entities that would then be refused all the same.
	 */
	@Test
	void checkOnH2WithoutEntitiesSaysFirstThatAutogenerateIsPostgresOnly() {
		RevisionFiles files = writeRevisions();
		DataSource h2 = TestDataSources.driverManager("jdbc:h2:mem:check" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Migrations migrations = Migrations.configure().dataSource(h2).locations(files.location()).load();
		migrations.upgrade("head");

		assertThatThrownBy(migrations::check).hasMessageStartingWith("Autogenerate (db migrate, db check, db create-db)"
				+ " supports PostgreSQL; h2 is not supported yet");
		assertThatThrownBy(() -> migrations.migrate("add account")).hasMessageStartingWith("Autogenerate (db migrate,"
				+ " db check, db create-db) supports PostgreSQL; h2 is not supported yet");
		assertThat(files.directory().toFile().list()).hasSize(2);
	}

	/**
	 * MariaDB's version tables keep when a revision ran as a datetime in the session's time zone: it is read in that
	 * zone, not in the JVM's (a server in UTC read by an application in New York said 5 hours ahead).
	 */
	@Test
	void appliedAtIsReadInTheSessionTimeZoneNotTheJvms(@MariaDb TestDatabase db) {
		ZoneOffset jvm = ZoneId.systemDefault().getRules().getOffset(Instant.now());
		String session = (Math.abs(jvm.getTotalSeconds() - 5 * 3600) > 3600) ? "+05:00" : "-05:00";
		DataSource inSessionZone = withSessionSetting(db, "SET time_zone = '" + session + "'");
		RevisionFiles files = writeRevisions();
		Migrations migrations = Migrations.configure().dataSource(inSessionZone).locations(files.location()).load();
		Instant before = Instant.now();
		migrations.upgrade("head");
		assertThat(migrations.history()).extracting(RevisionInfo::appliedAt)
			.allSatisfy((appliedAt) -> assertThat(Duration.between(before, appliedAt).abs()).isLessThan(Duration.ofHours(1)));
	}

	/** The test database's connections, each running {@code sql} first (as migrations.init-sqls does). */
	static DataSource withSessionSetting(TestDatabase db, String sql) {
		return (DataSource) Proxy.newProxyInstance(MariaDbAndH2RunnerTest.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					Object result;
					try {
						result = method.invoke(db.dataSource(), arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					if (result instanceof Connection connection) {
						try (Statement statement = connection.createStatement()) {
							statement.execute(sql);
						}
					}
					return result;
				});
	}

	/**
	 * With NO_BACKSLASH_ESCAPES in sql_mode a backslash in a string is itself, where revision files are read as
	 * MariaDB reads them by default, as an escape: a revision with one is refused before anything runs, naming its
	 * line and the setting (it was refused as an unterminated string, or sent as two statements in one); a
	 * revision without one runs, and one with another mistake is told that mistake.
	 */
	@Test
	void aBackslashInAStringIsRefusedWhenTheSessionHasNoBackslashEscapes(@MariaDb TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "setting", "CREATE TABLE setting (name varchar(20), value varchar(50));",
				"DROP TABLE setting;");
		files.write("bbbb00000002", "aaaa00000001", "paths",
				"INSERT INTO setting VALUES ('root', 'C:\\data\\');\nINSERT INTO setting VALUES ('logs', 'D:');",
				"DELETE FROM setting;");
		Migrations migrations = Migrations.configure()
			.dataSource(withSessionSetting(db, "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')"))
			.locations(files.location()).load();
		migrations.upgrade("aaaa00000001");

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith(files.directory().resolve("bbbb00000002_paths.sql") + ":7: the upgrade section has a"
					+ " backslash in a string, and the sql_mode of the migrations' connection has NO_BACKSLASH_ESCAPES")
			.hasMessageEndingWith("Nothing of this revision was run.");
		assertThat(Sql.column(db.dataSource(), "select count(*) from setting")).containsExactly("0");
		assertThat(migrations.current()).containsExactly("aaaa00000001");

		// a backslash outside strings is no reason: another mistake is named as it is
		files.write("bbbb00000002", "aaaa00000001", "paths", "-- reads C:\\data\n"
				+ "CREATE PROCEDURE purge() BEGIN DELETE FROM setting; END;", "DROP PROCEDURE purge;");
		Migrations again = Migrations.configure()
			.dataSource(withSessionSetting(db, "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')"))
			.locations(files.location()).load();
		assertThatThrownBy(() -> again.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageStartingWith(files.directory().resolve("bbbb00000002_paths.sql") + ":8: the upgrade section cannot be"
					+ " split into statements: Line 8 starts a stored program")
			.hasMessageNotContaining("NO_BACKSLASH_ESCAPES");
	}

	@Test
	void failureOnMariaDbIsRecordedWithTheStatementsThatRan(@MariaDb TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "two tables", "CREATE TABLE first_table (id int);\nCREATE TABLE broken (id nonsense);",
				"DROP TABLE IF EXISTS broken;\nDROP TABLE IF EXISTS first_table;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement 2 of 2 (line 8)")
			.hasMessageContaining("statement 1 was applied")
			.hasMessageContaining("db stamp base");
		assertThat(Sql.column(db.dataSource(), "select state from migrations_version")).containsExactly("FAILED");
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(FailedRevisionException.class);
	}

	/**
	 * A revision failing half-way through its DDL on MariaDB, whose statements commit one by one: the message names
	 * the statements that stay applied, so that undoing them by hand needs no counting in the file; after they are
	 * undone and the parent stamped, the corrected file runs.
	 */
	@Test
	void aRevisionFailingHalfWayOnMariaDbNamesWhatStaysAppliedAndRunsAgainOnceFixed(@MariaDb TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int PRIMARY KEY);", "DROP TABLE item;");
		String upgrade = "CREATE TABLE tag (id int PRIMARY KEY, label varchar(50));\n"
				+ "ALTER TABLE item\n  ADD COLUMN note varchar(100);\nALTER TABLE item ADD COLUMN broken nonsense;\n"
				+ "CREATE INDEX ix_item_note ON item (note);";
		String downgrade = "DROP INDEX ix_item_note ON item;\nALTER TABLE item DROP COLUMN broken;\n"
				+ "ALTER TABLE item DROP COLUMN note;\nDROP TABLE tag;";
		files.write("bbbb00000002", "aaaa00000001", "add tags", upgrade, downgrade);
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

		assertThat(failure).isInstanceOf(MigrationFailedException.class);
		assertThat(failure.getMessage().lines().findFirst().orElseThrow()).isEqualTo("Revision bbbb00000002 ("
				+ files.directory().resolve("bbbb00000002_add_tags.sql") + ") failed at upgrade statement 3 of 4 (line 10):");
		assertThat(failure.getMessage()).contains("It ran outside a transaction: statements 1 to 2 were applied and stay"
				+ " applied:\n    1 (line 7): CREATE TABLE tag (id int PRIMARY KEY, label varchar(50))\n"
				+ "    2 (line 8): ALTER TABLE item ADD COLUMN note varchar(100)\nThe revision is recorded as FAILED in")
			.endsWith("run `db stamp bbbb00000002` if you completed the upgrade, or `db stamp aaaa00000001` if you undid it.");
		// db current shows what the version table keeps: the same list
		assertThat(migrations.status().revisions()).filteredOn((revision) -> revision.revision().equals("bbbb00000002"))
			.singleElement()
			.satisfies((revision) -> assertThat(revision.error()).contains("were applied and stay applied:\n    1 (line 7):")
				.endsWith("\n    2 (line 8): ALTER TABLE item ADD COLUMN note varchar(100)"));

		// undone by hand, the parent stamped: the corrected file runs
		Sql.execute(db.dataSource(), "DROP TABLE tag");
		Sql.execute(db.dataSource(), "ALTER TABLE item DROP COLUMN note");
		files.write("bbbb00000002", "aaaa00000001", "add tags", upgrade.replace("nonsense", "int"), downgrade);
		Migrations fixed = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		fixed.stamp("aaaa00000001");
		fixed.upgrade("head");
		assertThat(fixed.current()).containsExactly("bbbb00000002");
		assertThat(Sql.column(db.dataSource(), "select column_name from information_schema.columns where table_schema ="
				+ " database() and table_name = 'item' order by ordinal_position")).containsExactly("id", "note", "broken");
	}

	/** One statement applied before the failure is named as one, on H2 as on MariaDB. */
	@Test
	void aRevisionFailingAtItsSecondStatementOnH2NamesTheOneApplied() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "two tables", "CREATE TABLE first_table (id int);\nCREATE TABLE broken (id nonsense);",
				"DROP TABLE IF EXISTS broken;\nDROP TABLE IF EXISTS first_table;");
		DataSource h2 = TestDataSources.driverManager("jdbc:h2:mem:second" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Migrations migrations = Migrations.configure().dataSource(h2).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("It ran outside a transaction: statement 1 was applied and stays applied:\n"
					+ "    1 (line 7): CREATE TABLE first_table (id int)\nThe revision is recorded as FAILED in")
			.hasMessageNotContaining("statements 1 to 1");
	}

	/** Of many statements applied, the message names the last ten one by one and the lines of the others. */
	@Test
	void aRevisionFailingAfterManyStatementsOnH2NamesTheLastTenApplied() {
		RevisionFiles files = new RevisionFiles(this.directory);
		StringBuilder upgrade = new StringBuilder();
		for (int i = 1; i <= 12; i++) {
			upgrade.append("CREATE TABLE t").append(i).append(" (id int);\n");
		}
		files.write("aaaa00000001", "none", "many tables", upgrade + "CREATE TABLE broken (id nonsense);", "SELECT 1;");
		DataSource h2 = TestDataSources.driverManager("jdbc:h2:mem:many" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Migrations migrations = Migrations.configure().dataSource(h2).locations(files.location()).load();

		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statements 1 to 12 were applied and stay applied:\n    statements 1 to 2 (lines 7 to 8)\n"
					+ "    3 (line 9): CREATE TABLE t3 (id int)\n")
			.hasMessageContaining("\n    12 (line 18): CREATE TABLE t12 (id int)\nThe revision is recorded as FAILED");
	}

	/**
	 * Eleven statements applied on MariaDB: the one not named on a line of its own is one statement, not "statements 1
	 * to 1"; a password literal stays masked and a long statement over several lines is shown on one, cut short.
	 */
	@Test
	void aRevisionFailingAfterElevenStatementsOnMariaDbNamesTheFirstAsOne(@MariaDb TestDatabase db) {
		RevisionFiles files = new RevisionFiles(this.directory);
		StringBuilder upgrade = new StringBuilder();
		for (int i = 1; i <= 9; i++) {
			upgrade.append("CREATE TABLE t").append(i).append(" (id int);\n");
		}
		upgrade.append("CREATE TABLE wide (\n  first_column_with_a_long_name varchar(100),\n"
				+ "  second_column_with_a_long_name varchar(100),\n  third_column_with_a_long_name varchar(100)\n);\n");
		upgrade.append("SELECT PASSWORD('sekret-h32-pass');\nCREATE TABLE broken (id nonsense);");
		files.write("aaaa00000001", "none", "many tables", upgrade.toString(), "SELECT 1;");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

		Throwable failure = catchThrowable(() -> migrations.upgrade("head"));

		assertThat(failure).isInstanceOf(MigrationFailedException.class);
		assertThat(failure.getMessage()).contains("statements 1 to 11 were applied and stay applied:\n    statement 1 (line 7)\n"
				+ "    2 (line 8): CREATE TABLE t2 (id int)\n")
			.contains("\n    10 (line 16): CREATE TABLE wide ( first_column_with_a_long_name varchar(100),"
					+ " second_column_with_a_long_name varchar(100), third_colum ...\n"
					+ "    11 (line 21): SELECT PASSWORD('******')\nThe revision is recorded as FAILED")
			.doesNotContain("statements 1 to 1 ")
			.doesNotContain("sekret-h32-pass");
		assertThat(Sql.column(db.dataSource(), "select error from migrations_version")).singleElement()
			.asString().doesNotContain("sekret-h32-pass");
	}

	@Test
	void lockTimeoutOnMariaDbNamesTheConnectionHoldingIt(@MariaDb TestDatabase db) throws Exception {
		RevisionFiles files = writeRevisions();
		try (java.sql.Connection holder = db.connection();
				java.sql.Statement statement = holder.createStatement()) {
			statement.executeQuery("select get_lock('migrations:" + db.name() + ".migrations_version', 0)").close();
			long id;
			try (java.sql.ResultSet rs = statement.executeQuery("select connection_id()")) {
				rs.next();
				id = rs.getLong(1);
			}
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location())
				.lockTimeout(java.time.Duration.ofSeconds(1)).load();
			assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(dev.migrations.dialect.LockTimeoutException.class)
				.hasMessageContaining("held by connection " + id + " ")
				.hasMessageContaining("end it (KILL " + id + ")")
				.hasMessageContaining("migrations.lock-timeout");
		}
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();
		assertThat(migrations.upgrade("head").steps()).hasSize(2);
	}

	@Test
	void upgradesAndDowngradesOnH2() throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int PRIMARY KEY, name varchar(50));",
				"DROP TABLE item;");
		files.write("bbbb00000002", "aaaa00000001", "seed item",
				"INSERT INTO item VALUES (1, 'x');\nCREATE INDEX ix_item_name ON item (name);",
				"DROP INDEX ix_item_name;\nDELETE FROM item;");
		String url = "jdbc:h2:mem:runner" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = dev.migrations.TestDataSources.driverManager(url, "sa", "");
		Migrations migrations = Migrations.configure().dataSource(dataSource).locations(files.location()).load();
		assertThat(migrations.dialect().name()).isEqualTo("h2");
		assertThat(migrations.current()).isEmpty();
		assertThat(migrations.status().pending()).containsExactly("aaaa00000001", "bbbb00000002");
		migrations.upgrade("head");
		assertThat(Sql.column(dataSource, "select name from item")).containsExactly("x");
		assertThat(migrations.current()).containsExactly("bbbb00000002");
		migrations.downgrade("-1");
		assertThat(Sql.column(dataSource, "select count(*) from item")).containsExactly("0");
		assertThat(migrations.current()).isEqualTo(List.of("aaaa00000001"));
		assertThat(migrations.upgradeSql("base:head")).contains("CREATE TABLE IF NOT EXISTS migrations_version");
	}

	@Test
	void aRevisionRecordedAsRunningOnH2MayBeRunningInAnotherProcessNotOnlyLeftFromAnEarlierRun() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int PRIMARY KEY);", "DROP TABLE item;");
		files.write("bbbb00000002", "aaaa00000001", "index item", "CREATE INDEX ix_item ON item (id);", "DROP INDEX ix_item;");
		String url = "jdbc:h2:mem:running" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = dev.migrations.TestDataSources.driverManager(url, "sa", "");
		Migrations migrations = Migrations.configure().dataSource(dataSource).locations(files.location()).load();
		migrations.upgrade("aaaa00000001");
		// what another JVM on the same H2 server leaves while it runs b: H2's lock does not reach it
		Sql.execute(dataSource, "UPDATE migrations_version SET revision = 'bbbb00000002', down_revisions = 'aaaa00000001',"
				+ " state = 'RUNNING', applied_seq = 2 WHERE revision = 'aaaa00000001'");
		Sql.execute(dataSource, "INSERT INTO migrations_version (revision, down_revisions, message, kind, source, checksum,"
				+ " state, applied_seq, applied_at, execution_millis, applied_by, error) SELECT 'aaaa00000001', '', message,"
				+ " kind, source, checksum, 'APPLIED', 1, applied_at, 0, applied_by, NULL FROM migrations_version");
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOfSatisfying(FailedRevisionException.class,
				(ex) -> {
					assertThat(ex.mayBeRunningElsewhere()).isTrue();
					assertThat(ex.getMessage()).contains("bbbb00000002 (")
						.contains("it may be running in another process, which h2's lock, held within one JVM, does not see,"
								+ " or its process died")
						.doesNotContain("the process may have died");
				});
	}

	/**
	 * A reserved word is quoted whatever the JVM's locale: in Turkish, {@code "LIMIT".toLowerCase()} is
	 * {@code "lımıt"} (dotless i), which no list of keywords holds.
	 */
	@Test
	void aReservedWordAsSchemaOnH2IsQuotedInATurkishLocale() {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int PRIMARY KEY);", "DROP TABLE item;");
		DataSource dataSource = dev.migrations.TestDataSources.driverManager(
				"jdbc:h2:mem:limit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Locale locale = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			Migrations migrations = Migrations.configure().dataSource(dataSource).schema("LIMIT").locations(files.location())
				.load();
			migrations.upgrade("head");
			assertThat(migrations.current()).containsExactly("aaaa00000001");
		}
		finally {
			Locale.setDefault(locale);
		}
		assertThat(Sql.column(dataSource, "select table_name from information_schema.tables where table_schema = 'LIMIT'"
				+ " order by 1")).contains("ITEM");
	}

	@Test
	void aLowerCaseSchemaOnH2FoldsAsItsCreateSchemaDoes() throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "create item", "CREATE TABLE item (id int PRIMARY KEY);", "DROP TABLE item;");
		for (String mode : List.of("", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
			String url = "jdbc:h2:mem:schema" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + mode;
			DataSource dataSource = dev.migrations.TestDataSources.driverManager(url, "sa", "");
			Migrations migrations = Migrations.configure().dataSource(dataSource).schema("app").locations(files.location())
				.load();
			migrations.upgrade("head");
			assertThat(migrations.current()).containsExactly("aaaa00000001");
			String folded = mode.isEmpty() ? "APP" : "app";
			assertThat(Sql.column(dataSource, "select table_name from information_schema.tables where table_schema = '"
					+ folded + "' order by 1")).as(url).hasSize(3);
		}
	}

}
