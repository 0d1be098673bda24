package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.sql.SqlSyntax;

/**
 * MariaDB and MySQL: DDL commits implicitly, so a revision with DDL runs as a recorded, recoverable
 * sequence of statements rather than in one transaction, while one of data statements only runs in one
 * transaction with its version-table row (the version tables are InnoDB); the lock is {@code GET_LOCK}.
 */
public final class MariaDbDialect implements Dialect {

	private static final Logger logger = LoggerFactory.getLogger(MariaDbDialect.class);

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

	// the words MariaDB 10.11 refuses as an unquoted table name (information_schema.keywords, each tried)
	private static final Set<String> RESERVED = Set.of("accessible", "add", "all", "alter", "analyze", "and", "as",
			"asc", "asensitive", "before", "between", "bigint", "binary", "blob", "both", "by", "call", "cascade",
			"case", "change", "char", "character", "check", "collate", "column", "condition", "constraint", "continue",
			"convert", "create", "cross", "current_date", "current_role", "current_time", "current_timestamp",
			"current_user", "cursor", "database", "databases", "day_hour", "day_microsecond", "day_minute",
			"day_second", "dec", "decimal", "declare", "default", "delayed", "delete", "delete_domain_id", "desc",
			"describe", "deterministic", "distinct", "distinctrow", "div", "do_domain_ids", "double", "drop", "dual",
			"each", "else", "elseif", "enclosed", "escaped", "except", "exists", "exit", "explain", "false", "fetch",
			"float", "float4", "float8", "for", "force", "foreign", "from", "fulltext", "grant", "group", "having",
			"high_priority", "hour_microsecond", "hour_minute", "hour_second", "if", "ignore", "ignore_domain_ids",
			"in", "index", "infile", "inner", "inout", "insensitive", "insert", "int", "int1", "int2", "int3", "int4",
			"int8", "integer", "intersect", "interval", "into", "is", "iterate", "join", "key", "keys", "kill",
			"leading", "leave", "left", "like", "limit", "linear", "lines", "load", "localtime", "localtimestamp",
			"lock", "long", "longblob", "longtext", "loop", "low_priority", "master_demote_to_replica",
			"master_demote_to_slave", "master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob", "mediumint",
			"mediumtext", "middleint", "minute_microsecond", "minute_second", "mod", "modifies", "natural",
			"no_write_to_binlog", "not", "null", "numeric", "offset", "on", "optimize", "option", "optionally", "or",
			"order", "out", "outer", "outfile", "over", "page_checksum", "parse_vcol_expr", "partition", "portion",
			"precision", "primary", "procedure", "purge", "range", "read", "read_write", "reads", "real", "recursive",
			"ref_system_id", "references", "regexp", "release", "rename", "repeat", "replace", "require", "resignal",
			"restrict", "return", "returning", "revoke", "right", "rlike", "row_number", "rows", "schema", "schemas",
			"second_microsecond", "select", "sensitive", "separator", "set", "show", "signal", "smallint", "spatial",
			"specific", "sql", "sql_big_result", "sql_calc_found_rows", "sql_small_result", "sqlexception", "sqlstate",
			"sqlwarning", "ssl", "starting", "stats_auto_recalc", "stats_persistent", "stats_sample_pages",
			"straight_join", "table", "terminated", "then", "tinyblob", "tinyint", "tinytext", "to", "trailing",
			"trigger", "true", "undo", "union", "unique", "unlock", "unsigned", "update", "usage", "use", "using",
			"utc_date", "utc_time", "utc_timestamp", "values", "varbinary", "varchar", "varcharacter", "varying",
			"when", "where", "while", "with", "write", "xor", "year_month", "zerofill");

	@Override
	public String name() {
		return "mariadb";
	}

	@Override
	public SqlSyntax sqlSyntax() {
		return SqlSyntax.MARIADB;
	}

	@Override
	public boolean supportsTransactionalDdl() {
		return false;
	}

	@Override
	public boolean supportsTransactionalData() {
		return true;
	}

	@Override
	public String quoteIfNeeded(String identifier) {
		if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED.contains(identifier.toLowerCase(Locale.ROOT))) {
			return identifier;
		}
		return "`" + identifier.replace("`", "``") + "`";
	}

	@Override
	public int maxIdentifierLength() {
		return 64;
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select database()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	// ER_BAD_DB_ERROR: in MariaDB a schema is a database
	@Override
	public boolean isMissingSchema(SQLException ex) {
		return ex.getErrorCode() == 1049;
	}

	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		// In MariaDB a schema is a database, which JDBC calls a catalog.
		String previous = connection.getCatalog();
		connection.setCatalog(schema);
		return previous;
	}

	@Override
	public void restoreSchema(Connection connection, String previous) throws SQLException {
		if (previous != null) {
			connection.setCatalog(previous);
		}
	}

	@Override
	public String useSchemaStatement(String schema) {
		return "USE " + quoteIfNeeded(schema);
	}

	@Override
	public List<String> createSchemaIfMissing(String schema) {
		return List.of("CREATE DATABASE IF NOT EXISTS " + quoteIfNeeded(schema));
	}

	@Override
	public VersionTableTypes versionTableTypes() {
		return new VersionTableTypes("datetime(6)", "text", "bigint NOT NULL AUTO_INCREMENT",
				" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
	}

	@Override
	public String literal(Object value) {
		if (value instanceof String text) {
			return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
		}
		return Dialect.super.literal(value);
	}

	@Override
	public String timestampLiteral(Instant instant) {
		return "'" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC).format(instant) + "'";
	}

	// A datetime has no zone: the version tables keep UTC, whatever the session's time_zone (the server's
	// own zone by default) and the JVM's, which the driver would read a wall clock in
	@Override
	public Instant readTimestamp(ResultSet resultSet, int column) throws SQLException {
		LocalDateTime timestamp = resultSet.getObject(column, LocalDateTime.class);
		return (timestamp != null) ? timestamp.toInstant(ZoneOffset.UTC) : null;
	}

	@Override
	public String currentTimestamp() {
		return "UTC_TIMESTAMP(6)";
	}

	@Override
	public String elapsedMillisSince(String timestamp) {
		return "TIMESTAMPDIFF(MICROSECOND, " + timestamp + ", UTC_TIMESTAMP(6)) DIV 1000";
	}

	@Override
	public String beginTransaction() {
		return "START TRANSACTION";
	}

	// UTC_TIMESTAMP is when the statement started, not the transaction: a user variable keeps the start
	@Override
	public List<String> afterBeginTransaction() {
		return List.of("SET @migrations_started = UTC_TIMESTAMP(6)");
	}

	@Override
	public String transactionStart() {
		return "@migrations_started";
	}

	@Override
	public String canonicalName(String identifier) {
		// names differing only in case are the same object where lower_case_table_names is set; sharing
		// the lock between two that are not only serialises them
		return identifier.toLowerCase(Locale.ROOT);
	}

	@Override
	public DatabaseLock lock(Connection connection, String lockName, Duration timeout) throws SQLException {
		// GET_LOCK names are limited to 64 characters and are server-wide: lockName includes the database.
		String name = truncate("migrations:" + lockName);
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		boolean waited = false;
		long waitSeconds = 0;
		long nextLog = started;
		while (true) {
			if (getLock(connection, name, waitSeconds)) {
				if (waited) {
					logger.info("Took the migrations lock '{}' after waiting {} ms", name, (System.nanoTime() - started) / 1_000_000);
				}
				return () -> unlock(connection, name);
			}
			if (Thread.currentThread().isInterrupted()) {
				// a shutdown (or the caller) stopped the command: GET_LOCK itself does not notice
				throw new SQLException("Interrupted while waiting for the migrations lock '" + name + "'");
			}
			long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
			if (remainingMillis <= 0) {
				break;
			}
			if (System.nanoTime() >= nextLog) {
				logger.info("Waiting for the migrations lock '{}' (waited {} ms of migrations.lock-timeout {} ms); it is held by {}",
						name, (System.nanoTime() - started) / 1_000_000, timeout.toMillis(), describeHolder(connection, name));
				nextLog = System.nanoTime() + LOCK_WAIT_LOG_INTERVAL.toNanos();
			}
			waited = true;
			// GET_LOCK waits in whole seconds: one at a time, so that an interrupt is seen within a second
			waitSeconds = 1;
		}
		String holder = describeHolder(connection, name);
		throw new LockTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for the migrations lock '" + name
				+ "'; it is held by " + holder + ". Another instance is probably upgrading this database: wait for it to finish,"
				+ " or if that connection is stuck, end it (" + endConnection(holder) + ") and retry. The wait is set by migrations.lock-timeout.",
				holder);
	}

	private static boolean getLock(Connection connection, String name, long seconds) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select get_lock(?, ?)")) {
			statement.setString(1, name);
			statement.setLong(2, seconds);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1) == 1;
			}
		}
	}

	/** The statement that ends the connection holding the lock, with its id when the holder names one. */
	static String endConnection(String holder) {
		Matcher id = Pattern.compile("^connection (\\d+) ").matcher(holder);
		return id.find() ? "KILL " + id.group(1) : "KILL <id>";
	}

	private static String truncate(String name) {
		return (name.length() <= 64) ? name : name.substring(0, 56) + Integer.toHexString(name.hashCode());
	}

	private static void unlock(Connection connection, String name) {
		try {
			if (connection.isClosed()) {
				return;
			}
			try (PreparedStatement statement = connection.prepareStatement("select release_lock(?)")) {
				statement.setString(1, name);
				statement.executeQuery().close();
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not release the migrations lock '{}': {}", name, ex.getMessage());
		}
	}

	@Override
	public String backslashesReadOtherwise(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT @@SESSION.sql_mode")) {
			if (!rs.next() || rs.getString(1) == null
					|| !List.of(rs.getString(1).toUpperCase(Locale.ROOT).split(",")).contains("NO_BACKSLASH_ESCAPES")) {
				return null;
			}
		}
		return "a string, and the sql_mode of the migrations' connection has NO_BACKSLASH_ESCAPES (the server's"
				+ " sql_mode, the JDBC URL's sessionVariables, or migrations.init-sqls), where a backslash is itself;"
				+ " revision files are read as MariaDB reads them by default, where it escapes the next character. Take"
				+ " it out for the migrations' connections (migrations.init-sqls[0]=SET SESSION sql_mode ="
				+ " REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')) and write a backslash in a string as \\\\, or"
				+ " write the string without one (CONCAT('C:', CHAR(92))).";
	}

	@Override
	public WriteRefusal writeRefusal(SQLException error) {
		return switch (error.getErrorCode()) {
			// ER_OPTION_PREVENTS_STATEMENT (--read-only), ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
			case 1290, 1792 -> WriteRefusal.READ_ONLY;
			// ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR,
			// ER_SPECIFIC_ACCESS_DENIED_ERROR
			case 1142, 1143, 1044, 1227 -> WriteRefusal.PRIVILEGE;
			default -> null;
		};
	}

	@Override
	public String grantToCreate(Connection connection, String user, String schema, boolean schemaItself) {
		// the account as the server knows it, with its host: 'name'@'host'
		String account = "'" + user + "'@'%'";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select current_user()")) {
			if (rs.next() && rs.getString(1) != null) {
				String current = rs.getString(1);
				int at = current.lastIndexOf('@');
				account = (at < 0) ? "'" + current + "'" : "'" + current.substring(0, at) + "'@'" + current.substring(at + 1) + "'";
			}
		}
		catch (SQLException ex) {
			// the user name as the driver gives it, any host
		}
		return "GRANT CREATE, ALTER, DROP, INDEX, REFERENCES ON " + ((schema != null) ? "`" + schema.replace("`", "``") + "`" : "<database>")
				+ ".* TO " + account;
	}

	@Override
	public String stoppedBySession(SQLException error, String command) {
		String state = (error.getSQLState() != null) ? error.getSQLState() : "";
		return switch (error.getErrorCode()) {
			// ER_LOCK_WAIT_TIMEOUT
			case 1205 -> "The statement itself may be right: innodb_lock_wait_timeout (a row lock) or lock_wait_timeout"
					+ " (a table's metadata lock) ran out while it waited for a lock another session holds"
					+ " (information_schema.innodb_lock_waits names a row lock's holder). Once that session's transaction"
					+ " has ended, or at a quieter time, run `" + command + "` again.";
			// ER_STATEMENT_TIMEOUT
			case 1969 -> "It was cancelled: max_statement_time ran out. If the statement needs longer, raise it for the"
					+ " migrations' connections (`SET SESSION max_statement_time = 0` in migrations.init-sqls), then run `"
					+ command + "` again.";
			// ER_LOCK_DEADLOCK
			case 1213 -> "The server rolled it back to end a deadlock with another session's transaction: run `" + command
					+ "` again.";
			// ER_QUERY_INTERRUPTED
			case 1317 -> "It was cancelled by another session (KILL QUERY): run `" + command + "` again.";
			// ER_CONNECTION_KILLED
			case 1927 -> PostgresDialect.sessionEnded(command);
			default -> state.startsWith("08") ? PostgresDialect.sessionEnded(command) : null;
		};
	}

	@Override
	public boolean lockHeldElsewhere(Connection connection, String lockName) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"select coalesce(is_used_lock(?) <> connection_id(), false)")) {
			statement.setString(1, truncate("migrations:" + lockName));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * The statement the holder runs, when it runs one: the statement of a revision under way, or, when its process
	 * was killed, the statement the server goes on running (and holding the lock) until it ends.
	 */
	static String running(String info) {
		if (info == null || info.isBlank()) {
			return "";
		}
		String statement = info.strip().replaceAll("\\s+", " ");
		return ": " + ((statement.length() <= 120) ? statement : statement.substring(0, 117) + "...");
	}

	private static String describeHolder(Connection connection, String name) {
		try (PreparedStatement statement = connection.prepareStatement(
				"select p.id, p.user, p.host, p.command, p.time, p.info from information_schema.processlist p where p.id = is_used_lock(?)")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				if (rs.next()) {
					return "connection " + rs.getLong("id") + " (user " + rs.getString("user") + "@" + rs.getString("host")
							+ ", " + rs.getString("command") + " for " + rs.getLong("time") + " s" + running(rs.getString("info")) + ")";
				}
			}
			return "a connection that released it just now";
		}
		catch (SQLException ex) {
			return "another connection (the process list could not be read: " + ex.getMessage() + ")";
		}
	}

}
