package dev.migrations.runner;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.sql.SqlSyntax;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements MariaDB can roll back with the rest of a revision, and which it cannot or may commit. */
class DataStatementsTest {

	@ParameterizedTest
	@ValueSource(strings = { "INSERT INTO item VALUES (1)", "update item set name = 'x'", "DELETE FROM item",
			"REPLACE INTO item VALUES (1)", "SELECT count(*) FROM item", "select\nname from item",
			"WITH t AS (SELECT 1) SELECT * FROM t", "SET @n = 0", "set @n := (select max(id) from item), @m = 'a,b'",
			"SET @`odd name` = 1", "/* backfill */ UPDATE item SET name = NULL", "INSERT INTO item SELECT * FROM old_item" })
	void dataStatementsRollBack(String sql) {
		assertThat(DataStatements.rollsBack(sql, SqlSyntax.MARIADB)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE TABLE t (id int)", "ALTER TABLE item ADD COLUMN x int", "DROP TABLE item",
			"TRUNCATE TABLE item", "RENAME TABLE a TO b", "CREATE INDEX ix ON item (name)", "LOCK TABLES item WRITE",
			"UNLOCK TABLES", "CALL backfill()", "LOAD DATA INFILE 'x' INTO TABLE item", "SET autocommit = 1",
			"SET @@session.autocommit = 1", "SET @n = 0, autocommit = 1", "SET @n = 0, @@autocommit = 1",
			"SET NAMES utf8mb4", "SET STATEMENT max_statement_time = 1 FOR UPDATE item SET name = 'x'",
			"SET foreign_key_checks = 0", "COMMIT", "START TRANSACTION", "BEGIN", "GRANT SELECT ON item TO x",
			"/*!40101 UPDATE item SET name = 'x' */", "SET @n = 0 /*!, autocommit = 1 */", "ANALYZE TABLE item",
			"DO sleep(1)", "HANDLER item OPEN", "FLUSH TABLES", "UPDATEx", "selected_rows" })
	void everythingElseDoesNot(String sql) {
		assertThat(DataStatements.rollsBack(sql, SqlSyntax.MARIADB)).isFalse();
	}

}
