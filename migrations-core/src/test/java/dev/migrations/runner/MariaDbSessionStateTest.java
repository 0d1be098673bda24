package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.RevisionFiles;
import dev.migrations.Sql;
import dev.migrations.TestDataSources;
import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings a MariaDB revision changes that change how the statements putting them back are read, put back all the same. */
@ExtendWith(TestDatabaseExtension.class)
class MariaDbSessionStateTest {

	private static final String SETTINGS = "SELECT CONCAT_WS('|', @@sql_mode, @@character_set_client, @@character_set_connection,"
			+ " IFNULL(@@character_set_results, 'none'), @@tx_read_only, @@tx_isolation, @@foreign_key_checks, DATABASE())";

	@TempDir
	Path directory;

	@Test
	void settingsThatChangeHowStatementsAreReadArePutBack(@MariaDb TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "changes the reading", "CREATE TABLE parent (id int PRIMARY KEY);\n"
				+ "SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE child (parent_id int, FOREIGN KEY (parent_id) REFERENCES parent (id));\n"
				+ "INSERT INTO child VALUES (7);\nSET FOREIGN_KEY_CHECKS = 1;\n"
				+ "SET SESSION sql_mode = 'ORACLE,ANSI_QUOTES,NO_BACKSLASH_ESCAPES,PIPES_AS_CONCAT';\nSET character_set_connection = latin1;\n"
				+ "SET character_set_results = NULL;\nSET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE;\n"
				+ "SET SESSION TRANSACTION READ ONLY;", "DROP TABLE child;\nDROP TABLE parent;");
		files.write("bbbb00000002", "aaaa00000001", "records the session", "CREATE TABLE seen AS " + SETTINGS + " AS settings;",
				"DROP TABLE seen;");
		try (Connection connection = db.dataSource().getConnection()) {
			List<String> before = column(connection, SETTINGS);
			Migrations migrations = Migrations.configure().dataSource(TestDataSources.singleConnection(connection))
				.locations(files.location()).load();

			migrations.upgrade("head");

			assertThat(Sql.column(db.dataSource(), "SELECT settings FROM seen")).isEqualTo(before);
			assertThat(column(connection, SETTINGS)).isEqualTo(before);
			assertThat(Sql.column(db.dataSource(), "SELECT parent_id FROM child")).containsExactly("7");
			migrations.downgrade("base");
			assertThat(migrations.current()).isEmpty();
		}
	}

	@Test
	void aDataRevisionInATransactionChangingTheNextTransactionsIsolationAndAccess(@MariaDb TestDatabase db) throws SQLException {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "a table", "CREATE TABLE parent (id int PRIMARY KEY);", "DROP TABLE parent;");
		// only data statements: in one transaction with its row
		files.write("bbbb00000002", "aaaa00000001", "rows", "SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE;\n"
				+ "INSERT INTO parent VALUES (1);\nSET SESSION TRANSACTION READ ONLY;", "DELETE FROM parent;");
		files.write("cccc00000003", "bbbb00000002", "more rows", "INSERT INTO parent VALUES (2);", "DELETE FROM parent WHERE id = 2;");
		List<String> sql = Collections.synchronizedList(new ArrayList<>());
		try (Connection connection = db.dataSource().getConnection()) {
			List<String> before = column(connection, SETTINGS);
			Migrations migrations = Migrations.configure()
				.dataSource(TestDataSources.recording(TestDataSources.singleConnection(connection), sql))
				.locations(files.location()).load();

			migrations.upgrade("head");

			assertThat(column(connection, SETTINGS)).isEqualTo(before);
			assertThat(Sql.column(db.dataSource(), "SELECT id FROM parent ORDER BY id")).containsExactly("1", "2");
			// read around the revision that sets, not around the others
			assertThat(sql.stream().filter((text) -> text.contains("SESSION_VARIABLES"))).hasSize(2);
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
