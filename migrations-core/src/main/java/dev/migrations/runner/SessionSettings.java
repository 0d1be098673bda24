package dev.migrations.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;

/**
 * The session settings a revision changes for the rest of the session, put back as they were before it once it has
 * run: otherwise they would apply to the tool's own version-table statements, to every later revision of the same
 * command (which then lands its tables in another schema, owned by another role, or fails for a reason of the revision
 * before it), and to whoever uses the session next (the application's pool, the next tenant). On PostgreSQL: {@code SET
 * search_path}, {@code SET ROLE}, {@code SET SESSION AUTHORIZATION}, {@code SET statement_timeout}, {@code
 * set_config(..., false)}; {@code SET LOCAL} is the revision's own business and ends with its transaction anyway. On
 * MariaDB: {@code SET [SESSION]} of any system variable ({@code sql_mode}, {@code foreign_key_checks}, {@code
 * time_zone}, {@code autocommit}, {@code max_statement_time}...), {@code SET NAMES}, {@code SET ROLE}, {@code USE}
 * and {@code LOCK TABLES}. What else a PostgreSQL revision leaves in the session ends with it too (temporary tables,
 * {@code LISTEN}, {@code PREPARE}, session advisory locks), and a transaction a revision run outside one left open
 * ({@link #endTransaction}). A Java revision's statements are not known: the settings are read around each one.
 */
final class SessionSettings {

	private static final String READ = "SELECT name, setting FROM pg_catalog.pg_settings WHERE source = 'session'"
			// neither is in pg_settings; a role a revision sets would own the next revisions' tables
			+ " UNION ALL SELECT 'session_authorization', pg_catalog.current_setting('session_authorization')"
			+ " UNION ALL SELECT 'role', pg_catalog.current_setting('role')"
			// what else a revision can leave in the session, each with the statement that ends it: a temporary
			// table hides a table of the same name from the next revisions, a prepared statement's name is taken
			+ " UNION ALL SELECT ' temp ' || c.oid, 'DROP ' || CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'S' THEN 'SEQUENCE'"
			+ " ELSE 'TABLE' END || ' IF EXISTS ' || c.oid::pg_catalog.regclass || ' CASCADE' FROM pg_catalog.pg_class c"
			+ " WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind IN ('r', 'p', 'v', 'S')"
			+ " UNION ALL SELECT ' listen ' || c, 'UNLISTEN ' || pg_catalog.quote_ident(c)"
			+ " FROM pg_catalog.pg_listening_channels() c"
			+ " UNION ALL SELECT ' prepared ' || name, 'DEALLOCATE ' || pg_catalog.quote_ident(name)"
			+ " FROM pg_catalog.pg_prepared_statements WHERE from_sql"
			+ " UNION ALL SELECT ' advisory ' || l.classid || ' ' || l.objid || ' ' || l.objsubid || ' ' || l.mode,"
			+ " 'SELECT pg_catalog.pg_advisory_unlock' || CASE l.mode WHEN 'ShareLock' THEN '_shared' ELSE '' END || '('"
			+ " || CASE l.objsubid WHEN 1 THEN ((l.classid::int8 << 32) | l.objid::int8)::text"
			+ " ELSE (l.classid::int8 - CASE WHEN l.classid::int8 > 2147483647 THEN 4294967296 ELSE 0 END)::text || ', '"
			+ " || (l.objid::int8 - CASE WHEN l.objid::int8 > 2147483647 THEN 4294967296 ELSE 0 END)::text END || ')'"
			+ " FROM pg_catalog.pg_locks l WHERE l.locktype = 'advisory' AND l.pid = pg_catalog.pg_backend_pid() AND l.granted";

	/** At most this many unlocks of one advisory lock a revision took again and again. */
	private static final int UNLOCKS = 1000;

	private static final String RESTORE = "SELECT pg_catalog.set_config(?, ?, false)";

	private static final String RESET = "SELECT pg_catalog.set_config(name, reset_val, false) FROM pg_catalog.pg_settings"
			+ " WHERE name = ?";

	private static final String MARIADB_READ = "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.SESSION_VARIABLES"
			+ " UNION ALL SELECT ' database', DATABASE() UNION ALL SELECT ' role', CURRENT_ROLE()";

	private static final String MYSQL_READ = "SELECT UPPER(VARIABLE_NAME), VARIABLE_VALUE FROM performance_schema.session_variables"
			+ " UNION ALL SELECT ' database', DATABASE()";

	/** MariaDB's session variables that change by themselves, statement by statement. */
	private static final Set<String> MARIADB_NOT_SETTINGS = Set.of("TIMESTAMP", "LAST_INSERT_ID", "IDENTITY", "INSERT_ID",
			"RAND_SEED1", "RAND_SEED2", "IN_TRANSACTION", "GTID_SEQ_NO", "LAST_GTID", "WARNING_COUNT", "ERROR_COUNT",
			"PSEUDO_THREAD_ID");

	private static final int GLOBAL_VARIABLE = 1229;

	private static final int READ_ONLY_VARIABLE = 1238;

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

	private SessionSettings() {
	}

	/**
	 * Whether a statement may change a setting beyond its transaction: only then are the settings read around it.
	 * {@code null} (a Java revision, whose statements are not known) may.
	 */
	static boolean mayChange(List<SqlStatement> statements, SqlSyntax syntax) {
		return mayChange(statements, syntax, true);
	}

	/**
	 * Whether a statement may change a setting the tool's own statements depend on ({@code search_path}, the role,
	 * a timeout): not a temporary table, {@code LISTEN}, {@code PREPARE} or an advisory lock, which are only ended after
	 * the revision. {@code null} (a Java revision) may.
	 */
	static boolean mayChangeSettings(List<SqlStatement> statements, SqlSyntax syntax) {
		return mayChange(statements, syntax, false);
	}

	private static boolean mayChange(List<SqlStatement> statements, SqlSyntax syntax, boolean leftovers) {
		if (statements == null) {
			return true;
		}
		for (SqlStatement statement : statements) {
			String text = statement.sql();
			// the statement's start only: a long INSERT is not copied
			String sql = text.substring(0, Math.min(text.length(), 40)).toLowerCase(Locale.ROOT);
			if (syntax == SqlSyntax.MARIADB) {
				if (mariaDbMayChange(sql)) {
					return true;
				}
				continue;
			}
			if (sql.startsWith("reset") || sql.startsWith("discard") || containsIgnoringCase(text, "set_config")) {
				return true;
			}
			// an unlock may release a lock the session held before, the migrations lock among them
			if (leftovers && (containsIgnoringCase(text, "advisory_lock") || containsIgnoringCase(text, "advisory_unlock")
					|| startsWithWord(sql, "listen")
					|| startsWithWord(sql, "prepare")
					|| startsWithWord(sql, "create") && (sql.contains(" temp ") || sql.contains(" temporary ")))) {
				return true;
			}
			// a DO block or a procedure may SET through EXECUTE
			if (startsWithWord(sql, "do") || startsWithWord(sql, "call")) {
				return true;
			}
			if (startsWithWord(sql, "set")) {
				String rest = sql.substring(3).stripLeading();
				if (!rest.startsWith("local") && !rest.startsWith("constraints") && !rest.startsWith("transaction")) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean mariaDbMayChange(String sql) {
		// an executable comment of a dump (/*!40014 SET FOREIGN_KEY_CHECKS=0 */) sets as the statement in it does
		String statement = sql;
		if (statement.startsWith("/*!") || statement.startsWith("/*m!")) {
			int i = statement.indexOf('!') + 1;
			while (i < statement.length() && Character.isDigit(statement.charAt(i))) {
				i++;
			}
			statement = statement.substring(i).stripLeading();
		}
		if (startsWithWord(statement, "set")) {
			String rest = statement.substring(3).stripLeading();
			// a user variable (SET @x) is the revisions' to share, as a data statement
			return !rest.startsWith("@") || rest.startsWith("@@");
		}
		return startsWithWord(statement, "use") || startsWithWord(statement, "lock") || startsWithWord(statement, "call")
				|| startsWithWord(statement, "begin") || startsWithWord(statement, "execute");
	}

	private static boolean startsWithWord(String sql, String word) {
		return sql.startsWith(word) && (sql.length() == word.length() || !Character.isLetterOrDigit(sql.charAt(word.length()))
				&& sql.charAt(word.length()) != '_');
	}

	/** Whether a statement sets the role or the session's user, which {@code RESET ALL} leaves as it is. */
	static boolean changesRole(List<SqlStatement> statements) {
		for (SqlStatement statement : statements) {
			String sql = statement.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
			if (sql.startsWith("set role") || sql.startsWith("set session role") || sql.startsWith("set session authorization")
					|| sql.startsWith("reset role") || sql.startsWith("reset session authorization")
					|| sql.startsWith("discard") || sql.contains("set_config('role'")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a statement sets the session's user, which neither {@code RESET ALL} nor {@code RESET ROLE} puts back: the
	 * next statements would run as that user.
	 */
	static boolean changesSessionUser(List<SqlStatement> statements) {
		for (SqlStatement statement : statements) {
			String sql = statement.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
			if (sql.startsWith("set session authorization") || sql.startsWith("discard")
					|| sql.contains("set_config('session_authorization'")) {
				return true;
			}
		}
		return false;
	}

	// a word with an underscore, found from the underscores of the text: a long INSERT is not copied
	private static boolean containsIgnoringCase(String text, String word) {
		int offset = word.indexOf('_');
		for (int i = text.indexOf('_'); i >= 0; i = text.indexOf('_', i + 1)) {
			int start = i - offset;
			if (start >= 0 && text.regionMatches(true, start, word, 0, word.length())) {
				return true;
			}
		}
		return false;
	}

	/** The settings changed in this session (PostgreSQL), or all of the session's (MariaDB), by name. */
	static Map<String, String> read(Connection connection, SqlSyntax syntax) throws SQLException {
		if (syntax != SqlSyntax.MARIADB) {
			return read(connection, syntax, READ);
		}
		try {
			return read(connection, syntax, MARIADB_READ);
		}
		catch (SQLException ex) {
			// MySQL 8 has them in performance_schema only, and no roles of this kind
			return read(connection, syntax, MYSQL_READ);
		}
	}

	private static Map<String, String> read(Connection connection, SqlSyntax syntax, String sql) throws SQLException {
		Map<String, String> settings = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				if (syntax != SqlSyntax.MARIADB || !MARIADB_NOT_SETTINGS.contains(rs.getString(1))) {
					settings.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		return settings;
	}

	/** Puts back the settings as {@link #read} found them before: changed ones to their value, new ones reset. */
	static void restore(Connection connection, Map<String, String> before, SqlSyntax syntax) throws SQLException {
		if (syntax == SqlSyntax.MARIADB) {
			restoreMariaDb(connection, before);
			return;
		}
		// a revision's own statement_timeout must not cancel the reads that put it back: off until it is put
		// back, last
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET statement_timeout = 0");
		}
		// a LISTEN in the revision's transaction shows in pg_listening_channels() only once committed: all of them
		// end when the session listened to none before
		if (before.keySet().stream().noneMatch((name) -> name.startsWith(" listen "))) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("UNLISTEN *");
			}
		}
		Map<String, String> after = read(connection, syntax);
		List<String> names = new ArrayList<>(new TreeSet<>(after.keySet()));
		for (String name : new TreeSet<>(before.keySet())) {
			if (!after.containsKey(name)) {
				names.add(name);
			}
		}
		// the session's user first (it resets the role), then the role, before the settings that role may not change
		names.sort(Comparator.comparingInt((String name) -> switch (name) {
			case "session_authorization" -> 0;
			case "role" -> 1;
			case "statement_timeout" -> 3;
			default -> 2;
		}));
		for (String name : names) {
			String was = before.get(name);
			if (name.startsWith(" ")) {
				if (was == null) {
					end(connection, name, after.get(name));
				}
				else if (!after.containsKey(name) && name.startsWith(" advisory ")) {
					takeBack(connection, was);
				}
				continue;
			}
			if (Objects.equals(was, after.get(name))) {
				continue;
			}
			try (PreparedStatement statement = connection.prepareStatement((was != null) ? RESTORE : RESET)) {
				statement.setString(1, name);
				if (was != null) {
					statement.setString(2, was);
				}
				statement.executeQuery().close();
			}
		}
	}

	/**
	 * Ends a transaction a revision run outside one opened and left open (a Java revision's {@code BEGIN} or {@code
	 * START TRANSACTION} with auto-commit on): otherwise its version-table row would be written in it, and rolled back
	 * with it when the connection is closed, or the connection would go back to the pool in it. Committed when the
	 * revision completed (as each of its statements would be), rolled back when it failed.
	 */
	static void endTransaction(Connection connection, SqlSyntax syntax, boolean completed) throws SQLException {
		if (!connection.getAutoCommit()) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			if (!completed && syntax == SqlSyntax.POSTGRESQL) {
				// a failed statement may have aborted it, where nothing but a ROLLBACK runs (a warning when none is open)
				statement.execute("ROLLBACK");
				return;
			}
			String open = "SELECT @@in_transaction = 1";
			if (syntax == SqlSyntax.POSTGRESQL) {
				// a setting local to the transaction outlives its statement only in an open one
				statement.executeQuery("SELECT pg_catalog.set_config('migrations.in_transaction', 'yes', true)").close();
				open = "SELECT pg_catalog.current_setting('migrations.in_transaction', true) = 'yes'";
			}
			boolean inTransaction;
			try (ResultSet rs = statement.executeQuery(open)) {
				inTransaction = rs.next() && rs.getBoolean(1);
			}
			if (inTransaction) {
				statement.execute(completed ? "COMMIT" : "ROLLBACK");
			}
		}
	}

	/** Ends what a revision left in the session: drops its temporary table, unlistens, releases its advisory lock. */
	private static void end(Connection connection, String name, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (!name.startsWith(" advisory ")) {
				statement.execute(sql);
				return;
			}
			// taken n times, held until unlocked n times; a transaction's own lock is not unlocked this way (false)
			for (int i = 0; i < UNLOCKS; i++) {
				try (ResultSet rs = statement.executeQuery(sql)) {
					if (!rs.next() || !rs.getBoolean(1)) {
						return;
					}
				}
			}
		}
	}

	/**
	 * Takes back an advisory lock the session held before the revision and the revision released ({@code
	 * pg_advisory_unlock_all()}, {@code DISCARD ALL}): the migrations lock among them, without which another instance
	 * could run the next revisions at the same time.
	 */
	private static void takeBack(Connection connection, String unlock) throws SQLException {
		String lock = unlock.replace("pg_advisory_unlock", "pg_try_advisory_lock");
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(lock)) {
			if (!rs.next() || !rs.getBoolean(1)) {
				throw new SQLException("the revision released the session's advisory lock "
						+ lock.substring(lock.indexOf('(')) + " (pg_advisory_unlock_all(), DISCARD ALL or an unlock), which"
						+ " the session held before it (the migrations lock, or the application's), and another session took"
						+ " it meanwhile: the revisions are no longer kept apart from another instance's. Remove the unlock"
						+ " from the revision; a revision releases only the advisory locks it takes");
			}
		}
	}

	private static void restoreMariaDb(Connection connection, Map<String, String> before) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// tables a revision locked and left locked (which also commits what autocommit = 0 left pending), and
			// its max_statement_time, not to stop the reads that put it back: that one last
			statement.execute("UNLOCK TABLES");
			statement.execute("SET SESSION max_statement_time = 0");
		}
		Map<String, String> after = read(connection, SqlSyntax.MARIADB);
		List<String> names = new ArrayList<>(new TreeSet<>(after.keySet()));
		// the role first (a setting may need its privileges), sql_mode next (how the values are quoted), then the rest
		names.sort(Comparator.comparingInt((String name) -> switch (name) {
			case " role" -> 0;
			case "SQL_MODE" -> 1;
			case "MAX_STATEMENT_TIME" -> 3;
			default -> 2;
		}));
		for (String name : names) {
			String was = before.get(name);
			if (!before.containsKey(name) || Objects.equals(was, after.get(name))) {
				continue;
			}
			try {
				if (name.equals(" database")) {
					if (was != null) {
						try (Statement statement = connection.createStatement()) {
							statement.execute("USE " + quote(was));
						}
					}
				}
				else if (name.equals(" role")) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("SET ROLE " + ((was == null) ? "NONE" : quote(was)));
					}
				}
				else if (was == null || NUMBER.matcher(was).matches()) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("SET SESSION " + name + " = " + ((was == null) ? "NULL" : was));
					}
				}
				else {
					try (PreparedStatement statement = connection.prepareStatement("SET SESSION " + name + " = ?")) {
						statement.setString(1, was);
						statement.execute();
					}
				}
			}
			catch (SQLException ex) {
				// a global-only variable a revision changed with SET GLOBAL shows in the session too: not the session's
				if (ex.getErrorCode() != GLOBAL_VARIABLE && ex.getErrorCode() != READ_ONLY_VARIABLE) {
					throw ex;
				}
			}
		}
	}

	private static String quote(String name) {
		return "`" + name.replace("`", "``") + "`";
	}

}
