package dev.migrations.dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationsException;
import dev.migrations.sql.SqlSyntax;

/**
 * PostgreSQL: transactional DDL, a session-level advisory lock, {@code timestamptz} in the version
 * tables.
 */
public final class PostgresDialect implements Dialect {

	private static final Logger logger = LoggerFactory.getLogger(PostgresDialect.class);

	/** First half of the advisory lock key: "migr" in ASCII, so our locks are recognisable in pg_locks. */
	static final int LOCK_NAMESPACE = 0x6d696772;

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
		return PostgresIdentifiers.quote(identifier);
	}

	// NAMEDATALEN - 1: longer names are silently truncated
	@Override
	public int maxIdentifierLength() {
		return 63;
	}

	@Override
	public int identifierLength(String identifier) {
		return identifier.getBytes(StandardCharsets.UTF_8).length;
	}

	@Override
	public String identifierLengthUnit() {
		return "bytes";
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_schema()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	// One round trip for the name of the lock and whether the version tables need creating: where they
	// exist, as at every startup but the first, no CREATE TABLE IF NOT EXISTS is sent (each answers
	// with a notice the driver turns into a warning).
	@Override
	public Tables findTables(Connection connection, String schema, List<String> tables) throws SQLException {
		String namespace = (schema != null) ? PostgresIdentifiers.literal(schema) : "current_schema()";
		StringBuilder sql = new StringBuilder("select ").append(namespace)
			.append(", (select count(*) from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace")
			.append(" where n.nspname = ").append(namespace).append(" and c.relname in (");
		for (int i = 0; i < tables.size(); i++) {
			sql.append((i == 0) ? "" : ", ").append(PostgresIdentifiers.literal(tables.get(i)));
		}
		sql.append("))");
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
			rs.next();
			return new Tables(rs.getString(1), rs.getLong(2) == tables.size());
		}
	}

	@Override
	public String noCurrentSchema(Connection connection) {
		String searchPath;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('search_path')")) {
			rs.next();
			searchPath = rs.getString(1);
		}
		catch (SQLException ex) {
			searchPath = "not readable: " + ex.getMessage();
		}
		return "its search_path (" + searchPath + ") names no schema that exists (the search_path is set by ALTER ROLE or"
				+ " ALTER DATABASE ... SET search_path, the URL's currentSchema or migrations.init-sqls)";
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
	public String deferredCommitSetting() {
		return "synchronous_commit";
	}

	@Override
	public List<String> createSchemaIfMissing(String schema) {
		return List.of("CREATE SCHEMA IF NOT EXISTS " + quoteIfNeeded(schema));
	}

	@Override
	public VersionTableTypes versionTableTypes() {
		return new VersionTableTypes("timestamptz", "text", "bigint GENERATED BY DEFAULT AS IDENTITY", "");
	}

	// java.time instead of the Calendar behind getTimestamp: the version table is read at every startup
	@Override
	public Instant readTimestamp(ResultSet resultSet, int column) throws SQLException {
		OffsetDateTime timestamp = resultSet.getObject(column, OffsetDateTime.class);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	@Override
	public String timestampLiteral(Instant instant) {
		return "'" + instant + "'::timestamptz";
	}

	// clock_timestamp() moves during a transaction, CURRENT_TIMESTAMP is its start
	@Override
	public String elapsedMillisSince(String timestamp) {
		return "CAST(EXTRACT(EPOCH FROM clock_timestamp() - " + timestamp + ") * 1000 AS bigint)";
	}

	@Override
	public DatabaseLock lock(Connection connection, String lockName, Duration timeout) throws SQLException {
		int key = lockKey(lockName);
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		long nextLog = started;
		boolean waited = false;
		long sleepMillis = 20;
		while (true) {
			int pid = tryLock(connection, key, lockName);
			if (pid != 0) {
				if (waited) {
					logger.info("Took the migrations lock on {} after waiting {} ms", lockName,
							(System.nanoTime() - started) / 1_000_000);
				}
				return new AdvisoryLock(connection, key, lockName, pid);
			}
			long now = System.nanoTime();
			if (now >= deadline) {
				String holder = describeHolder(connection, key);
				throw new LockTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for the migrations lock on "
						+ lockName + "; it is held by " + holder
						+ ". Another instance is probably upgrading this database: wait for it to finish, or if that session is stuck,"
						+ " end it (" + endSession(holder) + ") and retry. The wait is set by migrations.lock-timeout."
						+ (holder.contains(", state idle)") ? " A session that holds the lock while idle may also be a server"
								+ " session of a pool in transaction mode (PgBouncer's pool_mode = transaction), left with the lock"
								+ " of a command that went through the pool: end it, and connect migrations to PostgreSQL directly"
								+ " or through a pool in session mode (migrations.url)." : ""), holder);
			}
			if (now >= nextLog) {
				logger.info("Waiting for the migrations lock on {} (waited {} ms of migrations.lock-timeout {} ms); it is held by {}",
						lockName, (now - started) / 1_000_000, timeout.toMillis(), describeHolder(connection, key));
				nextLog = now + LOCK_WAIT_LOG_INTERVAL.toNanos();
				waited = true;
			}
			try {
				Thread.sleep(Math.max(1, Math.min(sleepMillis, (deadline - now) / 1_000_000)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("Interrupted while waiting for the migrations lock", ex);
			}
			sleepMillis = Math.min(sleepMillis * 2, 250);
		}
	}

	/** The statement that ends the session holding the lock, with its pid when the holder names one. */
	static String endSession(String holder) {
		Matcher pid = Pattern.compile("^pid (\\d+) ").matcher(holder);
		return pid.find() ? "SELECT pg_terminate_backend(" + pid.group(1) + ")" : "SELECT pg_terminate_backend(pid)";
	}

	static int lockKey(String lockName) {
		CRC32 crc = new CRC32();
		crc.update(lockName.getBytes(StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

	// The keys are numbers, written in the statement: plain statements are all a no-op startup sends, and
	// the driver's prepared statements cost a few milliseconds more on first use in a fresh JVM (as does
	// a lambda's first call, hence the class below).
	//
	// A session lock is re-entrant: a server session that already holds it (taken by another client of a pool in
	// transaction mode, which then lent the session to this one) would grant it again, and two instances would both
	// hold it. So the lock is taken only by a session that does not hold it yet, unless this JVM took it there.
	//
	// Returns the session's pid when the lock was taken, 0 when another session holds it.
	private static int tryLock(Connection connection, int key, String lockName) throws SQLException {
		int pid;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_backend_pid(), case when exists (select 1 from pg_locks"
						+ " where locktype = 'advisory' and pid = pg_backend_pid() and classid = "
						+ Integer.toUnsignedLong(LOCK_NAMESPACE) + " and objid = " + Integer.toUnsignedLong(key)
						+ " and objsubid = 2 and granted) then null else " + lockCall("pg_try_advisory_lock", key).substring(7)
						+ " end")) {
			rs.next();
			pid = rs.getInt(1);
			boolean taken = rs.getBoolean(2);
			if (!rs.wasNull()) {
				return taken ? pid : 0;
			}
		}
		if (HELD.containsKey(pid + ":" + key)) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(lockCall("pg_try_advisory_lock", key))) {
				rs.next();
				return rs.getBoolean(1) ? pid : 0;
			}
		}
		throw new MigrationsException("The migrations lock on " + lockName + " is already held by this connection's server"
				+ " session (pid " + pid + "), which this connection did not take it on: the session is shared with other"
				+ " clients between transactions, as a pool in transaction mode does (PgBouncer's pool_mode = transaction"
				+ " or statement, or another pooler between the application and PostgreSQL). The migrations lock is a session"
				+ " lock, which does not hold there: instances starting at once would not be kept apart. Nothing was run.\n"
				+ "  Connect migrations to PostgreSQL directly or through a pool in session mode: set migrations.url (with"
				+ " migrations.user and migrations.password) to that address, while the application keeps its pooled URL.");
	}

	/** The locks this JVM holds, as "pid:key": taking one again on the same session is this JVM's own doing. */
	private static final Map<String, Integer> HELD = new ConcurrentHashMap<>();

	private static String lockCall(String function, int key) {
		return "select " + function + "(" + LOCK_NAMESPACE + ", " + key + ")";
	}

	/** The session-level advisory lock {@link #lock} took. */
	private static final class AdvisoryLock implements DatabaseLock {

		private final Connection connection;

		private final int key;

		private final String lockName;

		private final int pid;

		private final String held;

		AdvisoryLock(Connection connection, int key, String lockName, int pid) {
			this.connection = connection;
			this.key = key;
			this.lockName = lockName;
			this.pid = pid;
			this.held = pid + ":" + key;
			HELD.merge(this.held, 1, Integer::sum);
		}

		@Override
		public void close() {
			HELD.computeIfPresent(this.held, (session, count) -> (count > 1) ? count - 1 : null);
			unlock(this.connection, this.key, this.lockName, this.pid);
		}

	}

	private static void unlock(Connection connection, int key, String lockName, int pid) {
		try {
			if (connection.isClosed()) {
				return;
			}
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(lockCall("pg_advisory_unlock", key) + ", pg_backend_pid()")) {
				if (rs.next() && !rs.getBoolean(1)) {
					int releasing = rs.getInt(2);
					logger.warn("The migrations lock on {} was not held by the session releasing it{} Instances starting at"
							+ " once may not have been kept apart. Connect migrations to PostgreSQL directly or through a pool"
							+ " in session mode: set migrations.url (with migrations.user and migrations.password) to that"
							+ " address, while the application keeps its pooled URL.", lockName, (releasing != pid)
									? ": it was taken on server session pid " + pid + " and released on pid " + releasing
											+ ", so the connection's transactions went to different server sessions, as"
											+ " through a pool in transaction mode (PgBouncer's pool_mode = transaction);"
											+ " the lock may stay held by pid " + pid + " until the pool closes it."
									: " (pid " + pid + "): a statement run under it released it (pg_advisory_unlock_all(),"
											+ " DISCARD ALL), or the session was lent to another client meanwhile, as a pool in"
											+ " transaction mode does (PgBouncer's pool_mode = transaction).");
				}
			}
		}
		catch (SQLException ex) {
			// Never hide the original error; the lock goes away with the session anyway.
			logger.warn("Could not release the migrations lock on {}: {}", lockName, ex.getMessage());
		}
	}

	private static final String READ_ONLY_SESSION = "the session is read-only: default_transaction_read_only is on for"
			+ " this user or database (a read-only user), or the server is a standby (a replica; SELECT pg_is_in_recovery()"
			+ " says so).";

	@Override
	public boolean supportsAutogenerate() {
		return true;
	}

	@Override
	public String readOnlySession() {
		return READ_ONLY_SESSION;
	}

	@Override
	public String backslashesReadOtherwise(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SHOW standard_conforming_strings");
				ResultSet rs = statement.executeQuery()) {
			if (!rs.next() || !"off".equalsIgnoreCase(rs.getString(1))) {
				return null;
			}
		}
		return "a '...' string, and standard_conforming_strings is off on the migrations' connection (set by"
				+ " migrations.init-sqls, or the role's or database's settings), where it escapes the next character;"
				+ " revision files are read as PostgreSQL reads them by default, with the setting on, where it is a"
				+ " backslash. Turn it on for the migrations' connections (remove it from migrations.init-sqls, or add"
				+ " `SET standard_conforming_strings = on` there), or write the string as E'...' with its backslashes"
				+ " doubled.";
	}

	@Override
	public String stoppedBySession(SQLException error, String command) {
		String state = (error.getSQLState() != null) ? error.getSQLState() : "";
		return switch (state) {
			case "55P03" -> "The statement itself may be right: the session's lock_timeout ran out while it waited for a"
					+ " lock another session holds (pg_locks and pg_stat_activity name it). Once that session's transaction"
					+ " has ended, or at a quieter time, run `" + command + "` again.";
			case "57014" -> "It was cancelled: statement_timeout ran out (set on the role, the database, the connection or"
					+ " by the revision), or another session cancelled it. If the statement needs longer, start the revision's"
					+ " section with `SET LOCAL statement_timeout = 0` (or a longer time), then run `" + command + "` again.";
			case "25006" -> "The statement itself may be right: " + READ_ONLY_SESSION + " Connect migrations to the primary"
					+ " as a user that may change the schema (migrations.url, migrations.user and migrations.password; the"
					+ " application keeps its own), then run `" + command + "` again.";
			case "42501" -> "The statement itself may be right: the user migrations connect as lacks a privilege it needs"
					+ " (the server's message above says which). Connect migrations as a user that has it, the owner of the"
					+ " schema and its tables (migrations.user and migrations.password; the application keeps its own user), or"
					+ " have it granted; what only a superuser may do (event triggers, untrusted extensions) a DBA can run"
					+ " beforehand, and the revision leave out or guard (CREATE EXTENSION IF NOT EXISTS). Then run `" + command
					+ "` again.";
			case "40P01", "40001" -> "The server rolled it back to end a deadlock or a serialization conflict with another"
					+ " session's transaction: run `" + command + "` again.";
			case "25P03" -> "The server ended the session: the revision's transaction stayed idle (no statement running,"
					+ " its code working between statements) longer than idle_in_transaction_session_timeout, set on the role,"
					+ " the database or the server. Give the migrations' sessions longer (migrations.init-sqls: `SET"
					+ " idle_in_transaction_session_timeout = 0`, or a longer time), then run `" + command + "` again.";
			case "57P01", "57P02", "57P03", "57P05" -> sessionEnded(command);
			default -> state.startsWith("08") ? sessionEnded(command) : null;
		};
	}

	@Override
	public String lockHolders(Connection connection) {
		// user tables' locks (oids from 16384 on), of sessions in a transaction, oldest transaction first
		String sql = "select a.pid, a.usename, a.application_name, a.state, a.query,"
				+ " cast(extract(epoch from clock_timestamp() - a.xact_start) as bigint) as xact_seconds"
				+ " from pg_stat_activity a where a.pid <> pg_backend_pid() and a.xact_start is not null"
				+ " and exists (select 1 from pg_locks l where l.pid = a.pid and l.granted and l.locktype = 'relation'"
				+ " and l.relation >= 16384 and l.database = (select oid from pg_database where datname = current_database()))"
				+ " order by a.xact_start limit 3";
		List<String> holders = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				String app = rs.getString("application_name");
				String query = (rs.getString("query") != null) ? rs.getString("query").strip().replaceAll("\\s+", " ") : "";
				holders.add("pid " + rs.getInt("pid") + " (user " + rs.getString("usename")
						+ ((app == null || app.isEmpty()) ? "" : ", application '" + app + "'") + ", " + rs.getString("state")
						+ ", its transaction open for " + rs.getLong("xact_seconds") + " s"
						+ (query.isEmpty() ? "" : ", last statement: "
								+ ((query.length() <= 100) ? query : query.substring(0, 97) + "..."))
						+ ")");
			}
		}
		catch (SQLException ex) {
			return "";
		}
		return holders.isEmpty() ? "" : "Sessions in a transaction holding locks on tables when it gave up: "
				+ String.join("; ", holders) + ". ";
	}

	/** What to do after the revision's session ended: the server rolled back what it left unfinished. */
	static String sessionEnded(String command) {
		return "The session ended (the server was restarted, or the session terminated) or the connection was lost, and"
				+ " the server rolls back what a session leaves unfinished: once the server accepts connections again, run `"
				+ command + "` again.";
	}

	@Override
	public List<InvalidIndex> invalidIndexes(Connection connection) throws SQLException {
		// under way while a session builds an index of its table: its progress row names the table (REINDEX
		// CONCURRENTLY's names the index it replaces, not the new one), or, hidden from a role without
		// pg_read_all_stats, its session holds the table's SHARE UPDATE EXCLUSIVE lock
		List<InvalidIndex> indexes = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select format('%I.%I', n.nspname, c.relname), format('%I.%I', tn.nspname,"
						+ " t.relname) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid ="
						+ " c.relnamespace join pg_class t on t.oid = i.indrelid join pg_namespace tn on tn.oid = t.relnamespace"
						+ " where not i.indisvalid and c.relkind = 'i' and n.nspname = any (current_schemas(false))"
						+ " and not exists (select 1 from pg_stat_progress_create_index p where p.datid = (select oid from"
						+ " pg_database where datname = current_database()) and (p.relid = i.indrelid"
						+ " or p.relid is null and exists (select 1 from pg_locks l where l.pid = p.pid and l.locktype ="
						+ " 'relation' and l.database = p.datid and l.relation = i.indrelid and l.granted and l.mode ="
						+ " 'ShareUpdateExclusiveLock'))) order by 1")) {
			while (rs.next()) {
				indexes.add(new InvalidIndex(rs.getString(1), rs.getString(2)));
			}
		}
		return indexes;
	}

	@Override
	public boolean lockHeldElsewhere(Connection connection, String lockName) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select exists (select 1 from pg_locks l"
				+ " where l.locktype = 'advisory' and l.granted and l.classid = ? and l.objid = ? and l.objsubid = 2"
				+ " and l.database = (select oid from pg_database where datname = current_database())"
				+ " and l.pid <> pg_backend_pid())")) {
			statement.setLong(1, Integer.toUnsignedLong(LOCK_NAMESPACE));
			statement.setLong(2, Integer.toUnsignedLong(lockKey(lockName)));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * What the holder is running, when it runs something: the statement of a revision under way, or, when its
	 * process was killed, the statement the server goes on running (and holding the lock) until it ends.
	 */
	static String running(String state, String query, long seconds) {
		if (!"active".equals(state) || query == null || query.isBlank()) {
			return "";
		}
		String statement = query.strip().replaceAll("\\s+", " ");
		return ", running for " + seconds + " s: " + ((statement.length() <= 120) ? statement : statement.substring(0, 117) + "...");
	}

	private static String describeHolder(Connection connection, int key) {
		String sql = "select a.pid, a.usename, a.application_name, a.client_addr, a.backend_start, a.state, a.query,"
				+ " cast(extract(epoch from clock_timestamp() - a.query_start) as bigint) as query_seconds"
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
							+ ", state " + rs.getString("state") + running(rs.getString("state"), rs.getString("query"),
									rs.getLong("query_seconds")) + ")");
				}
			}
			return holders.isEmpty() ? "a session that released it just now" : String.join("; ", holders);
		}
		catch (SQLException ex) {
			return "another session (pg_locks could not be read: " + ex.getMessage() + ")";
		}
	}

}
