package dev.migrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A PostgreSQL test database's data source lends a closed connection again, in the state of a new session.
 */
class SimpleDataSourceTest {

	@Test
	void aClosedConnectionIsLentAgainWithNothingLeftOfItsSession() throws SQLException {
		try (TestDatabase db = TestDatabases.postgres()) {
			DataSource dataSource = db.dataSource();
			execute(dataSource, "CREATE TABLE note (id int PRIMARY KEY)");
			String pid;
			try (Connection first = dataSource.getConnection()) {
				pid = query(first, "SELECT pg_backend_pid()");
				query(first, "SELECT pg_advisory_lock(42)");
				try (Statement statement = first.createStatement()) {
					statement.execute("SET lock_timeout = '7s'");
					statement.execute("SET search_path TO pg_catalog");
					statement.execute("CREATE TEMPORARY TABLE scratch (id int)");
				}
				first.setAutoCommit(false);
				try (Statement statement = first.createStatement()) {
					statement.execute("INSERT INTO public.note VALUES (1)");
				}
			}

			try (Connection again = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
				assertThat(query(again, "SELECT pg_backend_pid()")).as("the same server session").isEqualTo(pid);
				assertThat(query(other, "SELECT pg_backend_pid()")).as("a connection lent at once is another").isNotEqualTo(pid);
				assertThat(again.getAutoCommit()).isTrue();
				assertThat(query(again, "SHOW lock_timeout")).isEqualTo("0");
				assertThat(query(again, "SHOW search_path")).isEqualTo("\"$user\", public");
				assertThat(query(again, "SELECT to_regclass('pg_temp.scratch') IS NULL")).isEqualTo("t");
				assertThat(query(again, "SELECT count(*) FROM note")).as("the transaction left open was rolled back").isEqualTo("0");
				assertThat(query(other, "SELECT pg_try_advisory_lock(42)")).as("the session's advisory lock was released").isEqualTo("t");
			}
		}
	}

	@Test
	void aClosedConnectionBehavesAsClosedAndClosingAgainDoesNothing() throws SQLException {
		try (TestDatabase db = TestDatabases.postgres()) {
			Connection connection = db.dataSource().getConnection();
			connection.close();
			connection.close();
			assertThat(connection.isClosed()).isTrue();
			assertThat(connection.isValid(1)).isFalse();
			assertThatExceptionOfType(SQLException.class).isThrownBy(connection::createStatement)
				.withMessage("This connection has been closed.");
		}
	}

	@Test
	void aKeptConnectionEndedByTheServerIsReplaced() throws SQLException {
		try (TestDatabase db = TestDatabases.postgres()) {
			DataSource dataSource = db.dataSource();
			try (Connection admin = dataSource.getConnection()) {
				String pid;
				try (Connection kept = dataSource.getConnection()) {
					pid = query(kept, "SELECT pg_backend_pid()");
				}
				// waits until the session has ended
				assertThat(query(admin, "SELECT pg_terminate_backend(" + pid + ", 60000)")).isEqualTo("t");
				try (Connection next = dataSource.getConnection()) {
					assertThat(query(next, "SELECT pg_backend_pid()")).isNotEqualTo(pid);
					assertThat(query(next, "SELECT current_database()")).isEqualTo(db.name());
				}
			}
		}
	}

	@Test
	void aConnectionWhoseDriverStateChangedIsClosedNotKept() throws SQLException {
		try (TestDatabase db = TestDatabases.postgres()) {
			DataSource dataSource = db.dataSource();
			String pid;
			try (Connection readOnly = dataSource.getConnection()) {
				readOnly.setReadOnly(true);
				pid = query(readOnly, "SELECT pg_backend_pid()");
			}
			try (Connection next = dataSource.getConnection()) {
				assertThat(next.isReadOnly()).isFalse();
				assertThat(query(next, "SELECT pg_backend_pid()")).isNotEqualTo(pid);
			}
		}
	}

	@Test
	void newSessionForEachConnectionKeepsNone() throws SQLException {
		try (TestDatabase db = TestDatabases.postgres()) {
			DataSource dataSource = db.dataSource();
			String kept = pid(dataSource);
			Connection lent = dataSource.getConnection();
			String lentPid = query(lent, "SELECT pg_backend_pid()");

			db.newSessionForEachConnection();
			lent.close();

			String first = pid(dataSource);
			String second = pid(dataSource);
			assertThat(first).isNotIn(kept, lentPid);
			assertThat(second).isNotIn(kept, lentPid, first);
		}
	}

	private static String pid(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return query(connection, "SELECT pg_backend_pid()");
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
