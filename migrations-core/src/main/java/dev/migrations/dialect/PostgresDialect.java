package dev.migrations.dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.sql.SqlSyntax;

/**
 * PostgreSQL: transactional DDL, a session-level advisory lock, {@code timestamptz} in the version
 * tables.
 */
public final class PostgresDialect implements Dialect {

	private static final Logger logger = LoggerFactory.getLogger(PostgresDialect.class);

	/** First half of the advisory lock key: "migr" in ASCII, so our locks are recognisable in pg_locks. */
	static final int LOCK_NAMESPACE = 0x6d696772;

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

	/** Keywords that PostgreSQL reserves as column or table names (appendix C, "reserved" and "reserved (can be function or type)"). */
	static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
			"asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation", "column",
			"concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
			"current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
			"distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
			"grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
			"lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull",
			"null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
			"returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
			"tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose",
			"when", "where", "window", "with");

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public SqlSyntax sqlSyntax() {
		return SqlSyntax.POSTGRESQL;
	}

	@Override
	public boolean supportsTransactionalDdl() {
		return true;
	}

	@Override
	public String quoteIfNeeded(String identifier) {
		if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
			return identifier;
		}
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_schema()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		// The whole search_path, not just its first entry, so it can be put back exactly.
		String previous;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('search_path')")) {
			rs.next();
			previous = rs.getString(1);
		}
		try (PreparedStatement statement = connection.prepareStatement("select set_config('search_path', ?, false)")) {
			statement.setString(1, quoteIfNeeded(schema));
			statement.executeQuery().close();
		}
		return previous;
	}

	@Override
	public void restoreSchema(Connection connection, String previous) throws SQLException {
		if (previous == null) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement("select set_config('search_path', ?, false)")) {
			statement.setString(1, previous);
			statement.executeQuery().close();
		}
	}

	@Override
	public String useSchemaStatement(String schema) {
		return "SET search_path TO " + quoteIfNeeded(schema);
	}

	// Each revision commits on its own; without this, a thousand small revisions wait for a thousand
	// WAL flushes. PostgreSQL still flushes synchronously when a transaction removes files.
	@Override
	public List<String> deferredCommitStatements() {
		return List.of("SET LOCAL synchronous_commit TO OFF");
	}

	@Override
	public List<String> createSchemaIfMissing(String schema) {
		return List.of("CREATE SCHEMA IF NOT EXISTS " + quoteIfNeeded(schema));
	}

	@Override
	public List<String> createVersionTables(String versionTable, String logTable) {
		return List.of("CREATE TABLE IF NOT EXISTS " + versionTable + " (\n"
				+ "    revision varchar(64) NOT NULL PRIMARY KEY,\n"
				+ "    down_revisions varchar(2000) NOT NULL,\n"
				+ "    message varchar(2000),\n"
				+ "    kind varchar(10) NOT NULL,\n"
				+ "    source varchar(2000),\n"
				+ "    checksum varchar(64),\n"
				+ "    state varchar(10) NOT NULL,\n"
				+ "    applied_seq bigint NOT NULL,\n"
				+ "    applied_at timestamptz NOT NULL,\n"
				+ "    execution_millis bigint NOT NULL,\n"
				+ "    applied_by varchar(255) NOT NULL,\n"
				+ "    error text\n"
				+ ")",
				"CREATE TABLE IF NOT EXISTS " + logTable + " (\n"
						+ "    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
						+ "    revision varchar(64) NOT NULL,\n"
						+ "    operation varchar(10) NOT NULL,\n"
						+ "    message varchar(2000),\n"
						+ "    checksum varchar(64),\n"
						+ "    performed_at timestamptz NOT NULL,\n"
						+ "    execution_millis bigint NOT NULL,\n"
						+ "    performed_by varchar(255) NOT NULL\n"
						+ ")");
	}

	@Override
	public String timestampLiteral(Instant instant) {
		return "'" + instant + "'::timestamptz";
	}

	@Override
	public DatabaseLock lock(Connection connection, String lockName, Duration timeout) throws SQLException {
		int key = lockKey(lockName);
		long deadline = System.nanoTime() + timeout.toNanos();
		long sleepMillis = 20;
		while (true) {
			if (tryLock(connection, key)) {
				return () -> unlock(connection, key, lockName);
			}
			if (System.nanoTime() >= deadline) {
				String holder = describeHolder(connection, key);
				throw new LockTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for the migrations lock on "
						+ lockName + "; it is held by " + holder
						+ ". Another instance is probably upgrading this database: wait for it to finish, or if that session is stuck,"
						+ " end it (SELECT pg_terminate_backend(pid)) and retry. The wait is set by migrations.lock-timeout.", holder);
			}
			try {
				Thread.sleep(sleepMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("Interrupted while waiting for the migrations lock", ex);
			}
			sleepMillis = Math.min(sleepMillis * 2, 250);
		}
	}

	static int lockKey(String lockName) {
		CRC32 crc = new CRC32();
		crc.update(lockName.getBytes(StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

	private static boolean tryLock(Connection connection, int key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
			statement.setInt(1, LOCK_NAMESPACE);
			statement.setInt(2, key);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static void unlock(Connection connection, int key, String lockName) {
		try {
			if (connection.isClosed()) {
				return;
			}
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
				statement.setInt(1, LOCK_NAMESPACE);
				statement.setInt(2, key);
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next() && !rs.getBoolean(1)) {
						logger.warn("The migrations lock on {} was not held when releasing it", lockName);
					}
				}
			}
		}
		catch (SQLException ex) {
			// Never hide the original error; the lock goes away with the session anyway.
			logger.warn("Could not release the migrations lock on {}: {}", lockName, ex.getMessage());
		}
	}

	private static String describeHolder(Connection connection, int key) {
		String sql = "select a.pid, a.usename, a.application_name, a.client_addr, a.backend_start, a.state"
				+ " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
				+ " where l.locktype = 'advisory' and l.granted and l.classid = ? and l.objid = ? and l.objsubid = 2"
				+ " and l.database = (select oid from pg_database where datname = current_database())";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, Integer.toUnsignedLong(LOCK_NAMESPACE));
			statement.setLong(2, Integer.toUnsignedLong(key));
			List<String> holders = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String app = rs.getString("application_name");
					holders.add("pid " + rs.getInt("pid") + " (user " + rs.getString("usename")
							+ ((app == null || app.isEmpty()) ? "" : ", application '" + app + "'")
							+ ((rs.getString("client_addr") == null) ? "" : ", client " + rs.getString("client_addr"))
							+ ", connected since " + rs.getTimestamp("backend_start").toInstant()
							+ ", state " + rs.getString("state") + ")");
				}
			}
			return holders.isEmpty() ? "a session that released it just now" : String.join("; ", holders);
		}
		catch (SQLException ex) {
			return "another session (pg_locks could not be read: " + ex.getMessage() + ")";
		}
	}

}
