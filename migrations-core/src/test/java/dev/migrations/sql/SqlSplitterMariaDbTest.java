package dev.migrations.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.test.MariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the statements of a script with a {@code DELIMITER}-wrapped procedure and function one by
 * one to a real MariaDB, in a fresh test database; skipped, saying how to provide a server, when there
 * is no MariaDB.
 */
@ExtendWith(TestDatabaseExtension.class)
class SqlSplitterMariaDbTest {

	// Text block: each \\ below is one backslash in the SQL.
	private static final String SCRIPT = """
			CREATE TABLE bulletin (
			    id INT AUTO_INCREMENT PRIMARY KEY,
			    `title; odd ``name``` VARCHAR(100) NOT NULL,
			    data JSON
			);

			# comments in all three styles; none is sent
			-- like this; too
			/* and this; */
			INSERT INTO bulletin (`title; odd ``name```, data) VALUES ('it\\'s; escaped \\\\', '{"key":true}');
			INSERT INTO bulletin (`title; odd ``name```) VALUES ("double \\"quoted\\"; and ""doubled""\");
			/*!40101 SET @executable = 'ran; yes' */;
			SET @arithmetic = 1--1;

			DELIMITER $$
			CREATE PROCEDURE add_bulletin(IN p_title VARCHAR(100))
			BEGIN
			    -- body statements end with ; and stay inside the procedure
			    INSERT INTO bulletin (`title; odd ``name```) VALUES (CONCAT(p_title, '; via procedure'));
			    SET @added = (SELECT COUNT(*) FROM bulletin);
			END$$

			CREATE FUNCTION shout(s VARCHAR(100)) RETURNS VARCHAR(100) DETERMINISTIC
			BEGIN
			    DECLARE result VARCHAR(100);
			    SET result = CONCAT(UPPER(s), '!');
			    RETURN result;
			END$$
			DELIMITER ;

			CALL add_bulletin('from; procedure');
			""";

	@Test
	void statementsRunOneByOneDoWhatTheScriptSays(@MariaDb TestDatabase database) throws SQLException {
		List<SqlStatement> statements = SqlSplitter.split(SCRIPT, SqlSyntax.MARIADB);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 10, 11, 12, 13, 16, 23, 31);

		try (Connection connection = database.connection()) {
			execute(connection, statements);

			assertThat(rows(connection, "SELECT `title; odd ``name```, data FROM bulletin ORDER BY id")).containsExactly(
					List.of("it's; escaped \\", "{\"key\":true}"),
					Arrays.asList("double \"quoted\"; and \"doubled\"", null),
					Arrays.asList("from; procedure; via procedure", null));
			assertThat(rows(connection, "SELECT @executable, @arithmetic, @added, shout('hi')"))
				.containsExactly(List.of("ran; yes", "2", "3", "HI!"));
		}
	}

	private static void execute(Connection connection, List<SqlStatement> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : statements) {
				try {
					statement.execute(sql.sql());
				}
				catch (SQLException ex) {
					throw new AssertionError("Statement at line " + sql.line() + " failed: " + sql.sql(), ex);
				}
			}
		}
	}

	private static List<List<String>> rows(Connection connection, String query) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(query)) {
			int columns = resultSet.getMetaData().getColumnCount();
			while (resultSet.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(resultSet.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
