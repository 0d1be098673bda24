package dev.migrations.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.MigrationsException;
import dev.migrations.dialect.Dialect;
import dev.migrations.revision.JavaRevision;

/**
 * Where revision statements go: a live connection, or an offline script. Both receive exactly the
 * same calls from {@link RevisionRunner}, so the offline script is what the online run would do.
 */
sealed interface ExecutionTarget permits ExecutionTarget.Jdbc, ExecutionTarget.Script {

	void begin() throws SQLException;

	void commit() throws SQLException;

	/**
	 * Runs the tool's statements that close a transaction (a revision's version-table row and log
	 * entry), then commits. Online on PostgreSQL's driver they go to the server in one exchange with
	 * the commit; the server stops at the first that fails, and the transaction is then rolled back.
	 */
	void commit(List<SqlCommand> last) throws SQLException;

	/**
	 * Rolls back the transaction {@link #begin()} opened, if one is open.
	 * @return {@code false} when the database said it could not undo everything: changes to tables of an
	 * engine without transactions (MariaDB's MyISAM, Aria) stay
	 */
	boolean rollback();

	/** Runs a statement of a revision file exactly as written. */
	void execute(String sql) throws SQLException;

	/**
	 * Runs one of the tool's own statements.
	 * @return the number of rows it changed; -1 when not known (a script)
	 */
	int execute(SqlCommand command) throws SQLException;

	void runJava(JavaRevision revision, boolean upgrade) throws Exception;

	void comment(String text);

	boolean online();

	/** Executes against a connection. */
	final class Jdbc implements ExecutionTarget {

		/** MariaDB's and MySQL's ER_WARNING_NOT_COMPLETE_ROLLBACK. */
		private static final int NOT_COMPLETE_ROLLBACK = 1196;

		private final Connection connection;

		/** Whether the driver sends statements separated by semicolons together, as PostgreSQL's does; read once. */
		private Boolean sendsTogether;

		Jdbc(Connection connection) {
			this.connection = connection;
		}

		Connection connection() {
			return this.connection;
		}

		@Override
		public void begin() throws SQLException {
			this.connection.setAutoCommit(false);
		}

		@Override
		public void commit() throws SQLException {
			this.connection.commit();
			this.connection.setAutoCommit(true);
		}

		@Override
		public void commit(List<SqlCommand> last) throws SQLException {
			if (last.isEmpty() || !sendsTogether()) {
				for (SqlCommand command : last) {
					execute(command);
				}
				commit();
				return;
			}
			// One round trip instead of one per statement and one for the commit: a revision of two
			// statements takes three rather than five. Each statement is still its own (no multi-row or
			// CTE rewriting), so the rows and what a failure reports are those of the statements.
			StringBuilder sql = new StringBuilder();
			List<Object> parameters = new ArrayList<>();
			for (SqlCommand command : last) {
				sql.append(command.sql()).append(';');
				parameters.addAll(command.parameters());
			}
			execute(new SqlCommand(sql.append("COMMIT").toString(), parameters));
			// the transaction ended with the COMMIT: the driver, idle, sends nothing for this
			this.connection.setAutoCommit(true);
		}

		private boolean sendsTogether() throws SQLException {
			if (this.sendsTogether == null) {
				this.sendsTogether = "PostgreSQL JDBC Driver".equals(this.connection.getMetaData().getDriverName());
			}
			return this.sendsTogether;
		}

		@Override
		public boolean rollback() {
			try {
				if (!this.connection.getAutoCommit()) {
					this.connection.rollback();
					boolean undone = !keptChanges(this.connection.getWarnings());
					this.connection.setAutoCommit(true);
					return undone;
				}
			}
			catch (SQLException ex) {
				// The original failure is what the user needs; a broken connection is closed by the caller.
			}
			return true;
		}

		/** Whether the warnings of a rollback include MariaDB's and MySQL's "some non-transactional changed tables couldn't be rolled back". */
		private static boolean keptChanges(SQLWarning warning) {
			for (SQLWarning next = warning; next != null; next = next.getNextWarning()) {
				if (next.getErrorCode() == NOT_COMPLETE_ROLLBACK) {
					return true;
				}
			}
			return false;
		}

		@Override
		public void execute(String sql) throws SQLException {
			try (Statement statement = this.connection.createStatement()) {
				// Sent as written: no JDBC escape or bind-parameter processing, so {"key":true} and :word are safe.
				statement.setEscapeProcessing(false);
				statement.execute(sql);
			}
		}

		@Override
		public int execute(SqlCommand command) throws SQLException {
			StringBuilder sql = new StringBuilder();
			List<Object> parameters = command.parameters();
			int index = 0;
			List<Object> bound = new java.util.ArrayList<>();
			for (char c : command.sql().toCharArray()) {
				if (c == '?') {
					Object value = parameters.get(index++);
					if (value instanceof SqlCommand.Expression expression) {
						sql.append(expression.sql());
					}
					else {
						sql.append('?');
						bound.add(value);
					}
				}
				else {
					sql.append(c);
				}
			}
			try (PreparedStatement statement = this.connection.prepareStatement(sql.toString())) {
				for (int i = 0; i < bound.size(); i++) {
					Object value = bound.get(i);
					if (value == null) {
						statement.setNull(i + 1, Types.VARCHAR);
					}
					else if (value instanceof Long || value instanceof Integer) {
						statement.setLong(i + 1, ((Number) value).longValue());
					}
					else {
						statement.setString(i + 1, value.toString());
					}
				}
				return statement.executeUpdate();
			}
		}

		@Override
		public void runJava(JavaRevision revision, boolean upgrade) throws Exception {
			// in the revision's transaction, which commits with its version-table row: a commit of its own would keep
			// what ran before it if a later step failed, while the revision would be recorded as not applied
			boolean outside = this.connection.getAutoCommit();
			Connection connection = outside ? this.connection
					: NoCommitConnection.of(this.connection, (call) -> "Java revision " + revision.revision() + " ("
							+ revision.getClass().getName() + ") called " + call + " in the transaction it runs in, which"
							+ " commits with its version-table row: what ran before the call would stay if a later step"
							+ " failed, while the revision would be recorded as not applied. Remove the call, or run the"
							+ " revision outside a transaction (transactional() returning false) to commit in batches.");
			boolean completed = false;
			try {
				if (upgrade) {
					revision.upgrade(connection);
				}
				else {
					revision.downgrade(connection);
				}
				completed = true;
			}
			finally {
				if (outside && completed) {
					autoCommitAgain(true);
				}
				else if (outside) {
					try {
						autoCommitAgain(false);
					}
					catch (SQLException ex) {
						// the revision's own failure is what the user needs; a broken connection is closed by the caller
					}
				}
			}
		}

		/**
		 * Puts auto-commit back on after a revision outside a transaction that turned it off (to commit in batches)
		 * and left it so: otherwise its version-table row would be written in the open transaction and rolled back
		 * with it when the connection is closed, leaving a completed revision recorded as running. What it left
		 * uncommitted is committed when it completed (as every statement outside a transaction is), rolled back
		 * when it failed.
		 */
		private void autoCommitAgain(boolean completed) throws SQLException {
			if (this.connection.isClosed() || this.connection.getAutoCommit()) {
				return;
			}
			if (!completed) {
				this.connection.rollback();
			}
			this.connection.setAutoCommit(true);
		}

		@Override
		public void comment(String text) {
		}

		@Override
		public boolean online() {
			return true;
		}

	}

	/** Writes an SQL script a DBA can run. */
	final class Script implements ExecutionTarget {

		private final Dialect dialect;

		private final StringBuilder out = new StringBuilder();

		/** The script's own session statements (its schema's search path), run again after a reset. */
		private final List<String> session = new ArrayList<>();

		Script(Dialect dialect) {
			this.dialect = dialect;
		}

		/** Runs a statement setting up the script's session, and again after each {@link #resetSession}. */
		void sessionSetup(String sql) {
			this.session.add(sql);
			execute(sql);
		}

		/**
		 * Puts back the session as the script set it up, after a revision that may change its settings: what the
		 * script runs next (the version-table row, later revisions) must not run under the revision's
		 * {@code search_path}, role or {@code statement_timeout}, as the online runner restores them.
		 */
		void resetSession(boolean role, boolean sessionUser) {
			comment("the revision changes session settings: put them back");
			if (sessionUser) {
				// the session's user the script was run as; only a superuser could change it
				execute("RESET SESSION AUTHORIZATION");
			}
			if (role) {
				execute("RESET ROLE");
			}
			execute("RESET ALL");
			for (String sql : this.session) {
				execute(sql);
			}
		}

		String text() {
			return this.out.toString();
		}

		@Override
		public void begin() {
			this.out.append(this.dialect.beginTransaction()).append(";\n");
			for (String sql : this.dialect.afterBeginTransaction()) {
				this.out.append(sql).append(";\n");
			}
		}

		@Override
		public void commit() {
			this.out.append(this.dialect.commitTransaction()).append(";\n");
		}

		@Override
		public void commit(List<SqlCommand> last) {
			for (SqlCommand command : last) {
				execute(command);
			}
			commit();
		}

		@Override
		public boolean rollback() {
			return true;
		}

		@Override
		public void execute(String sql) {
			if (this.dialect.name().equals("mariadb") && sql.contains(";")) {
				// A compound statement (procedure, trigger) needs another delimiter for the mariadb client.
				this.out.append("DELIMITER $$\n").append(sql).append("$$\nDELIMITER ;\n");
			}
			else {
				this.out.append(sql).append(";\n");
			}
		}

		@Override
		public int execute(SqlCommand command) {
			StringBuilder sql = new StringBuilder();
			int index = 0;
			for (char c : command.sql().toCharArray()) {
				if (c == '?') {
					Object value = command.parameters().get(index++);
					sql.append((value instanceof SqlCommand.Expression expression) ? expression.sql() : this.dialect.literal(value));
				}
				else {
					sql.append(c);
				}
			}
			this.out.append(sql).append(";\n");
			return -1;
		}

		@Override
		public void runJava(JavaRevision revision, boolean upgrade) {
			throw new MigrationsException("Revision " + revision.revision() + " (class " + revision.getClass().getName()
					+ ") is a Java revision and cannot be written to an offline SQL script. Run it online with `db upgrade`,"
					+ " or generate the script for the ranges before and after it.");
		}

		@Override
		public void comment(String text) {
			for (String line : text.split("\n", -1)) {
				this.out.append("-- ").append(line).append('\n');
			}
		}

		@Override
		public boolean online() {
			return false;
		}

	}

}
