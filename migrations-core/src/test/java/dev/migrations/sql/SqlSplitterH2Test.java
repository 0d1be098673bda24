package dev.migrations.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the statements of a script using H2's own comment and quoting forms one by one to an
 * in-memory H2 database, and checks that the database did what the script says.
 */
class SqlSplitterH2Test {

	// Text block: each \\ below is one backslash in the SQL.
	private static final String SCRIPT = """
			CREATE TABLE bulletin (
			    id INT AUTO_INCREMENT PRIMARY KEY,
			    "title; odd ""name""\" VARCHAR(200) NOT NULL,
			    data JSON
			);
			// an H2 line comment; not sent
			-- and this; too
			/* nested /* comments; */ still comments; */
			INSERT INTO bulletin ("title; odd ""name""\", data) VALUES ('it''s; C:\\', '{"key":true}' FORMAT JSON);
			INSERT INTO bulletin ("title; odd ""name""\") VALUES ($$a dollar; body$$);
			CREATE TABLE a$b AS SELECT COUNT(*) AS c FROM bulletin WHERE "title; odd ""name""\" <> ':name';
			""";

	@Test
	void statementsRunOneByOneDoWhatTheScriptSays() throws SQLException {
		List<SqlStatement> statements = SqlSplitter.split(SCRIPT, SqlSyntax.H2);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 9, 10, 11);

		String url = "jdbc:h2:mem:split_test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(url)) {
			try (Statement statement = connection.createStatement()) {
				statement.setEscapeProcessing(false);
				for (SqlStatement sql : statements) {
					statement.execute(sql.sql());
				}
			}
			assertThat(rows(connection, "SELECT \"title; odd \"\"name\"\"\", CAST(data AS VARCHAR) FROM bulletin ORDER BY id"))
				.containsExactly(List.of("it's; C:\\", "{\"key\":true}"),
						Arrays.asList("a dollar; body", null));
			assertThat(rows(connection, "SELECT c FROM a$b")).containsExactly(List.of("2"));
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
