package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.revision.JavaRevision;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision's {@code SET SESSION ...} ends with it on MariaDB: the version-table rows, the next revisions and whoever
 * uses the connection next (the application's pool) see the session the command began with.
 */
@ExtendWith(TestDatabaseExtension.class)
class MariaDbSessionSettingsTest {

	private static final String SETTINGS = "SELECT CONCAT_WS('|', @@sql_mode, @@foreign_key_checks, @@time_zone, @@autocommit,"
			+ " @@lock_wait_timeout, @@max_statement_time, @@collation_connection, @@unique_checks, DATABASE())";

	@TempDir
	Path directory;

	@Test
	void settingsARevisionChangesDoNotReachTheVersionTableTheNextRevisionsOrThePool(@MariaDb TestDatabase db)
			throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "changes the session", "CREATE TABLE parent (id int PRIMARY KEY);\n"
				+ "SET SESSION sql_mode = 'ANSI_QUOTES';\n/*!40014 SET FOREIGN_KEY_CHECKS = 0 */;\nSET time_zone = '+05:00';\n"
				+ "SET autocommit = 0;\nSET SESSION lock_wait_timeout = 7;\nSET max_statement_time = 30;\nSET collation_connection = 'utf8mb4_bin';\n"
				+ "SET @@session.unique_checks = 0;\nCREATE TABLE child (parent_id int, FOREIGN KEY (parent_id) REFERENCES parent (id));",
				"DROP TABLE child;\nDROP TABLE parent;");
		// what the next revision runs with, kept in a table
		files.write("bbbb00000002", "aaaa00000001", "records the session", "CREATE TABLE seen AS " + SETTINGS + " AS settings;",
				"DROP TABLE seen;");
		// a data revision: in one transaction with its row, which must commit
		files.write("cccc00000003", "bbbb00000002", "a row", "INSERT INTO parent VALUES (1);", "DELETE FROM parent;");
		try (Connection connection = db.dataSource().getConnection()) {
			List<String> before = column(connection, SETTINGS);
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
				.locations(files.location()).load();

			migrations.upgrade("head");

			assertThat(Sql.column(db.dataSource(), "SELECT settings FROM seen")).isEqualTo(before);
			// the connection goes back to the pool as it came
			assertThat(column(connection, SETTINGS)).isEqualTo(before);
			// committed: another session sees the rows
			assertThat(Sql.column(db.dataSource(), "SELECT revision FROM migrations_version ORDER BY applied_seq"))
				.containsExactly("aaaa00000001", "bbbb00000002", "cccc00000003");
			assertThat(Sql.column(db.dataSource(), "SELECT id FROM parent")).containsExactly("1");
		}
	}

	@Test
	void aDatabaseARevisionUsesOrTablesItLeavesLockedDoNotReachTheVersionTableOrTheNextRevisions(@MariaDb TestDatabase db)
			throws SQLException {
		String other = db.name() + "_other";
		Sql.execute(db.dataSource(), "CREATE DATABASE " + other);
		try {
			RevisionFiles files = new RevisionFiles(this.directory);
			files.write("aaaa00000001", "none", "in another database", "USE " + other + ";\nCREATE TABLE elsewhere (id int);",
					"DROP TABLE " + other + ".elsewhere;");
			files.write("bbbb00000002", "aaaa00000001", "locks", "CREATE TABLE locked (id int);\nLOCK TABLES locked WRITE;",
					"DROP TABLE locked;");
			files.write("cccc00000003", "bbbb00000002", "plain", "CREATE TABLE here (id int);", "DROP TABLE here;");
			Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load();

			migrations.upgrade("head");

			assertThat(Sql.column(db.dataSource(), "SELECT CONCAT(table_schema, '.', table_name) FROM information_schema.tables"
					+ " WHERE table_schema IN (DATABASE(), '" + other + "') ORDER BY table_schema <> DATABASE(), table_name"))
				.containsExactly(db.name() + ".here", db.name() + ".locked", db.name() + ".migrations_version",
						db.name() + ".migrations_version_log", other + ".elsewhere");
			assertThat(migrations.current()).containsExactly("cccc00000003");
			migrations.downgrade("base");
			assertThat(migrations.current()).isEmpty();
		}
		finally {
			Sql.execute(db.dataSource(), "DROP DATABASE IF EXISTS " + other);
		}
	}

	@Test
	void aJavaRevisionsSettingsAndTheTransactionItLeavesOpenEndWithIt(@MariaDb TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "a table", "CREATE TABLE parent (id int PRIMARY KEY);", "DROP TABLE parent;");
		try (Connection connection = db.dataSource().getConnection()) {
			List<String> before = column(connection, SETTINGS);
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
				.locations(files.location()).javaRevisions(List.of(new OpeningRevision())).load();

			migrations.upgrade("head");

			// another session sees its row and the revision's as applied: nothing was left uncommitted
			assertThat(Sql.column(db.dataSource(), "SELECT CONCAT(revision, ' ', state) FROM migrations_version ORDER BY 1"))
				.containsExactly("aaaa00000001 APPLIED", "java00000002 APPLIED");
			assertThat(Sql.column(db.dataSource(), "SELECT id FROM parent")).containsExactly("1");
			assertThat(column(connection, SETTINGS)).isEqualTo(before);
			assertThat(column(connection, "SELECT @@in_transaction")).containsExactly("0");
		}
	}

	/** Runs outside a transaction, sets sql_mode and foreign_key_checks, and leaves a transaction open. */
	static class OpeningRevision implements JavaRevision {

		@Override
		public String revision() {
			return "java00000002";
		}

		@Override
		public List<String> downRevisions() {
			return List.of("aaaa00000001");
		}

		@Override
		public String message() {
			return "opens a transaction";
		}

		@Override
		public boolean transactional() {
			return false;
		}

		@Override
		public void upgrade(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION sql_mode = 'ANSI_QUOTES', foreign_key_checks = 0");
				statement.execute("START TRANSACTION");
				statement.execute("INSERT INTO parent VALUES (1)");
			}
		}

		@Override
		public void downgrade(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DELETE FROM parent");
			}
		}

	}

	private static List<String> column(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
