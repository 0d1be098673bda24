package dev.migrations.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the statements of a tricky script one by one to a real PostgreSQL, in a fresh test database, and checks
 * that the database did what the script says.
 */
@ExtendWith(TestDatabaseExtension.class)
class SqlSplitterPostgresTest {

	// Text block: each \\ below is one backslash in the SQL.
	private static final String SCRIPT = """
			CREATE TABLE bulletin (
			    id serial PRIMARY KEY,
			    "title; with semicolon" text NOT NULL,
			    raw json,
			    data jsonb,
			    status text NOT NULL DEFAULT 'draft'
			);

			-- JSON with colons is sent as written: no :key bind parameters
			INSERT INTO bulletin ("title; with semicolon", raw, data)
			VALUES ('json', '{"key":true}', '{"key":true, "url":"http://host:8080/:id"}'::jsonb);
			INSERT INTO bulletin ("title; with semicolon") VALUES (E'it\\'s; escaped \\\\ and\\ttabbed');
			INSERT INTO bulletin ("title; with semicolon") VALUES ('it''s; doubled, C:\\');

			CREATE FUNCTION mark_touched() RETURNS trigger AS $$
			BEGIN
			    -- a comment; inside the body
			    NEW.status := NEW.status || '; touched';
			    RETURN NEW;
			END;
			$$ LANGUAGE plpgsql;

			CREATE TRIGGER bulletin_touch BEFORE UPDATE ON bulletin
			FOR EACH ROW EXECUTE FUNCTION mark_touched();

			DO $do$
			BEGIN
			    INSERT INTO bulletin ("title; with semicolon") VALUES ($t$from a DO block; with $$ inside$t$);
			    UPDATE bulletin SET status = 'published' WHERE "title; with semicolon" = 'json';
			END
			$do$;

			CREATE FUNCTION add_or_keep(a int, b int) RETURNS int
			LANGUAGE sql
			BEGIN ATOMIC
			    SELECT CASE WHEN a IS NULL THEN b ELSE a + b END;
			END;

			/* nested /* comments; */ are still comments; */
			PREPARE double_it(int) AS SELECT $1 * 2;
			CREATE TABLE doubled AS EXECUTE double_it(21);
			CREATE TABLE key_check AS SELECT data ? 'key' AS has_key, data->>'url' AS url FROM bulletin WHERE data IS NOT NULL;
			""";

	@Test
	void statementsRunOneByOneDoWhatTheScriptSays(TestDatabase database) throws SQLException {
		List<SqlStatement> statements = SqlSplitter.split(SCRIPT, SqlSyntax.POSTGRESQL);
		assertThat(statements).extracting(SqlStatement::line)
			.containsExactly(1, 10, 12, 13, 15, 23, 26, 33, 40, 41, 42);

		try (Connection connection = database.connection()) {
			execute(connection, statements);

			assertThat(rows(connection, "SELECT raw::text, data->>'key', data->>'url', status FROM bulletin"
					+ " WHERE \"title; with semicolon\" = 'json'"))
				.containsExactly(List.of("{\"key\":true}", "true", "http://host:8080/:id", "published; touched"));
			assertThat(rows(connection, "SELECT \"title; with semicolon\" FROM bulletin ORDER BY id"))
				.extracting((row) -> row.get(0))
				.containsExactly("json", "it's; escaped \\ and\ttabbed", "it's; doubled, C:\\",
						"from a DO block; with $$ inside");
			assertThat(rows(connection, "SELECT add_or_keep(2, 3), add_or_keep(NULL, 3)"))
				.containsExactly(List.of("5", "3"));
			assertThat(rows(connection, "SELECT * FROM doubled")).containsExactly(List.of("42"));
			assertThat(rows(connection, "SELECT has_key::text, url FROM key_check"))
				.containsExactly(List.of("true", "http://host:8080/:id"));
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
