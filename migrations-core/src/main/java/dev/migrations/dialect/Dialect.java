package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.migrations.MigrationsException;
import dev.migrations.sql.SqlSyntax;

/**
 * Everything that differs per database for running revisions: how scripts are split, whether DDL is
 * transactional, how the version tables look, how the database lock is taken, and how values are
 * written as literals in offline scripts.
 */
public interface Dialect {

	/** How often waiting for the migrations lock is logged again. */
	Duration LOCK_WAIT_LOG_INTERVAL = Duration.ofSeconds(10);

	/** The name used in locations ({@code {vendor}}) and messages: {@code postgresql}, {@code mariadb}, {@code h2}. */
	String name();

	SqlSyntax sqlSyntax();

	/** Whether a failed DDL statement can be rolled back together with the rest of its revision. */
	boolean supportsTransactionalDdl();

	/**
	 * Where DDL is not transactional, whether a revision made only of data statements (INSERT, UPDATE,
	 * DELETE, queries) still runs in one transaction with its version-table row, so that it commits whole or
	 * not at all. Implied where DDL is transactional.
	 */
	default boolean supportsTransactionalData() {
		return supportsTransactionalDdl();
	}

	/** Quotes an identifier when the database would otherwise fold or reject it. */
	String quoteIfNeeded(String identifier);

	/** {@code schema.table}, quoted as needed; just the table when {@code schema} is {@code null}. */
	default String qualify(String schema, String table) {
		return (schema == null) ? quoteIfNeeded(table) : quoteIfNeeded(schema) + "." + quoteIfNeeded(table);
	}

	/**
	 * The name under which the database knows an identifier written unquoted or as {@link #quoteIfNeeded}
	 * writes it, so two spellings of one object compare equal (e.g. for the lock's name).
	 */
	default String canonicalName(String identifier) {
		return identifier;
	}

	/**
	 * The longest identifier the database keeps whole, in the unit of {@link #identifierLength}; longer
	 * ones are cut or rejected.
	 */
	default int maxIdentifierLength() {
		return Integer.MAX_VALUE;
	}

	/** The length of an identifier as the database counts it against {@link #maxIdentifierLength}. */
	default int identifierLength(String identifier) {
		return identifier.length();
	}

	/** The unit of {@link #identifierLength}, for messages. */
	default String identifierLengthUnit() {
		return "characters";
	}

	/** The schema unqualified names resolve to on this connection. */
	String currentSchema(Connection connection) throws SQLException;

	/**
	 * Where a command's version tables are and whether they are there, asked before the migrations lock is
	 * taken: the schema unqualified names resolve to on this connection ({@code schema} itself when given),
	 * and whether every one of {@code tables} exists in it. That they exist lets a command skip creating
	 * them (tables are not dropped while commands run); tables seen missing are created if still missing,
	 * under the lock. By default the tables are not looked up: the answer is "not known" and they are
	 * created if missing, as on a fresh database.
	 * @param schema the configured schema, {@code null} for the connection's default
	 * @param tables table names as the catalog stores them
	 */
	default Tables findTables(Connection connection, String schema, List<String> tables) throws SQLException {
		return new Tables((schema != null) ? schema : currentSchema(connection), false);
	}

	/**
	 * Why the connection has no schema that unqualified names resolve to ({@link #currentSchema} is {@code null}),
	 * as the end of a sentence starting "the session has no schema to create it in, as ".
	 */
	default String noCurrentSchema(Connection connection) {
		return "the connection names no schema (database) to use: name one in its URL";
	}

	/**
	 * What {@link #findTables} found.
	 * @param schema the schema unqualified names resolve to, or the configured one; {@code null} when there is none
	 * @param exist whether every table asked for is known to exist there
	 */
	record Tables(String schema, boolean exist) {
	}

	/**
	 * Whether {@link #useSchema} failed because the schema does not exist yet (the first upgrade creates it): a
	 * database where nothing was recorded. PostgreSQL's {@code search_path} takes a schema that does not exist.
	 */
	default boolean isMissingSchema(SQLException ex) {
		return false;
	}

	/**
	 * Makes unqualified names on this connection resolve to {@code schema}.
	 * @return what to pass to {@link #restoreSchema} to undo it
	 */
	default String useSchema(Connection connection, String schema) throws SQLException {
		String previous = connection.getSchema();
		connection.setSchema(schema);
		return previous;
	}

	/** Undoes {@link #useSchema}, so a pooled connection goes back as it came. */
	default void restoreSchema(Connection connection, String previous) throws SQLException {
		if (previous != null) {
			connection.setSchema(previous);
		}
	}

	/** The statement an offline script uses to make {@code schema} the default for what follows. */
	default String useSchemaStatement(String schema) {
		return "SET SCHEMA " + quoteIfNeeded(schema);
	}

	/** Statements that create the schema if it is missing; empty when the dialect does not create schemas. */
	List<String> createSchemaIfMissing(String schema);

	/** Statements creating the applied-revisions table and the log table if they are missing. */
	default List<String> createVersionTables(String versionTable, String logTable) {
		VersionTableTypes types = versionTableTypes();
		return List.of("CREATE TABLE IF NOT EXISTS " + versionTable + " (\n"
				+ "    revision varchar(64) NOT NULL PRIMARY KEY,\n"
				+ "    down_revisions varchar(2000) NOT NULL,\n"
				+ "    message varchar(2000),\n"
				+ "    kind varchar(10) NOT NULL,\n"
				+ "    source varchar(2000),\n"
				+ "    checksum varchar(64),\n"
				+ "    state varchar(10) NOT NULL,\n"
				+ "    applied_seq bigint NOT NULL,\n"
				+ "    applied_at " + types.timestamp() + " NOT NULL,\n"
				+ "    execution_millis bigint NOT NULL,\n"
				+ "    applied_by varchar(255) NOT NULL,\n"
				+ "    error " + types.text() + "\n"
				+ ")" + types.tableOptions(),
				"CREATE TABLE IF NOT EXISTS " + logTable + " (\n"
						+ "    id " + types.generatedKey() + " PRIMARY KEY,\n"
						+ "    revision varchar(64) NOT NULL,\n"
						+ "    operation varchar(10) NOT NULL,\n"
						+ "    message varchar(2000),\n"
						+ "    checksum varchar(64),\n"
						+ "    performed_at " + types.timestamp() + " NOT NULL,\n"
						+ "    execution_millis bigint NOT NULL,\n"
						+ "    performed_by varchar(255) NOT NULL\n"
						+ ")" + types.tableOptions());
	}

	/** The types that differ between databases in the version tables. */
	VersionTableTypes versionTableTypes();

	/**
	 * @param timestamp a timestamp type that keeps the instant
	 * @param text an unbounded text type
	 * @param generatedKey a bigint generated by the database
	 * @param tableOptions what follows the closing parenthesis of CREATE TABLE
	 */
	record VersionTableTypes(String timestamp, String text, String generatedKey, String tableOptions) {
	}

	/**
	 * Takes the lock that serialises every writing command on this database, waiting up to
	 * {@code timeout}. While it waits it logs that it does, naming the holder, when it starts waiting
	 * and every {@link #LOCK_WAIT_LOG_INTERVAL} after, and logs when it got the lock.
	 * @param lockName {@code schema.table} of the version table, as the database names them
	 * @throws LockTimeoutException when another session holds it past the timeout, naming that session
	 */
	DatabaseLock lock(Connection connection, String lockName, Duration timeout) throws SQLException;

	/**
	 * Whether another session holds the lock {@link #lock} takes, now: a command is running. Tells a revision
	 * recorded as running outside a transaction that is still running from one whose process died.
	 */
	boolean lockHeldElsewhere(Connection connection, String lockName) throws SQLException;

	/**
	 * The indexes of the schemas the connection's unqualified names resolve to that a build which did not finish
	 * left unusable (PostgreSQL's INVALID, after a {@code CREATE INDEX CONCURRENTLY} that failed or whose session
	 * ended), leaving out those a session is building now (whichever role) and a partitioned table's index, invalid
	 * until each partition's index is attached; none where the database has no such state.
	 */
	default List<InvalidIndex> invalidIndexes(Connection connection) throws SQLException {
		return List.of();
	}

	/** An index left unusable, and its table, each as SQL names it (qualified, quoted where needed). */
	record InvalidIndex(String name, String table) {
	}

	/**
	 * Why a statement of a revision run in a transaction (a SQL revision's, or one a Java revision ran) failed when the
	 * session stopped it rather than a mistake of its own (a lock or statement timeout ran out, a deadlock, the session
	 * ended), and what to do: a sentence ending with running {@code command} again; {@code null} when the error is the
	 * statement's.
	 */
	default String stoppedBySession(SQLException error, String command) {
		return null;
	}

	/**
	 * Why the session reads a backslash in a string otherwise than revision files are split, and what to do, as
	 * the end of a sentence starting "the upgrade section has a backslash in " (PostgreSQL:
	 * {@code standard_conforming_strings} off; MariaDB: {@code NO_BACKSLASH_ESCAPES} in {@code sql_mode});
	 * {@code null} when it reads them as the files are split.
	 */
	default String backslashesReadOtherwise(Connection connection) throws SQLException {
		return null;
	}

	/** Whether autogenerate ({@code db migrate}, {@code db check}, {@code db create-db}) compares this database. */
	default boolean supportsAutogenerate() {
		return false;
	}

	/**
	 * The other sessions in a transaction that hold locks on the database's tables now, as a sentence ending in a
	 * space: asked when a statement's lock wait ran out, so the one in its way is likely among them; empty when none,
	 * or when they cannot be read.
	 */
	default String lockHolders(Connection connection) {
		return "";
	}

	/** Why the database refused a statement of the tool's for where or as whom it connects, not what it runs. */
	enum WriteRefusal {

		/** The session, the user or the server allows reading only. */
		READ_ONLY,

		/** The user lacks a privilege. */
		PRIVILEGE

	}

	/** How the database refused, when the error says it refused to write for the session's sake; else {@code null}. */
	default WriteRefusal writeRefusal(SQLException error) {
		String state = (error.getSQLState() != null) ? error.getSQLState() : "";
		return switch (state) {
			case "25006" -> WriteRefusal.READ_ONLY;
			case "42501" -> WriteRefusal.PRIVILEGE;
			default -> null;
		};
	}

	/**
	 * The GRANT that lets {@code user} create the version tables in {@code schema}, or create {@code schema} itself.
	 * @param schema the schema, {@code null} when not known
	 */
	default String grantToCreate(Connection connection, String user, String schema, boolean schemaItself) {
		return "GRANT " + (schemaItself ? "CREATE ON DATABASE <database>"
				: "CREATE ON SCHEMA " + ((schema != null) ? schema : "<schema>")) + " TO " + user;
	}

	/** Why a session may not write (the server refused with "read-only"), as a sentence starting in lower case. */
	default String readOnlySession() {
		return "the session is read-only: the user or the server allows reading only (a replica?).";
	}

	/**
	 * Whether {@link #lock} and {@link #lockHeldElsewhere} cover every process using the database; {@code false}
	 * where the lock is held inside one JVM (H2), so that a revision recorded as running may be running in
	 * another process as well as have lost its process.
	 */
	default boolean locksAcrossProcesses() {
		return true;
	}

	/** Reads a timestamp column of the version tables as an instant, {@code null} for SQL NULL. */
	default Instant readTimestamp(ResultSet resultSet, int column) throws SQLException {
		Timestamp timestamp = resultSet.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** Writes a value as an SQL literal for offline scripts. */
	default String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Instant instant) {
			return timestampLiteral(instant);
		}
		return "'" + value.toString().replace("'", "''") + "'";
	}

	String timestampLiteral(Instant instant);

	/** The current time as the version tables record it (online and in offline scripts), as precise as they keep it. */
	default String currentTimestamp() {
		return "CURRENT_TIMESTAMP";
	}

	/**
	 * An expression for the milliseconds from {@code timestamp} (an SQL expression) to the moment it is
	 * evaluated, by the server's clock, for offline scripts; {@code null} where there is none.
	 */
	default String elapsedMillisSince(String timestamp) {
		return null;
	}

	/**
	 * The session setting that, set to {@code off}, lets commits return without waiting for the disk,
	 * for revisions followed by another in the same run: the last revision commits with the setting
	 * as it was, and waiting for the log to reach disk up to it covers every earlier commit. A commit
	 * lost to a server crash in between loses the revision together with its version-table row, so
	 * the next upgrade applies it again. {@code null} where the database has no such setting.
	 */
	default String deferredCommitSetting() {
		return null;
	}

	/** The statements that open and close a transaction in an offline script. */
	default String beginTransaction() {
		return "BEGIN";
	}

	default String commitTransaction() {
		return "COMMIT";
	}

	/** For offline scripts: what runs right after {@link #beginTransaction()}, e.g. to note when the transaction started. */
	default List<String> afterBeginTransaction() {
		return List.of();
	}

	/**
	 * For offline scripts: an expression for when the transaction {@link #beginTransaction()} opened started,
	 * by the server's clock; {@code null} where the script cannot tell.
	 */
	default String transactionStart() {
		return supportsTransactionalDdl() ? "CURRENT_TIMESTAMP" : null;
	}

	/**
	 * Detects the dialect from the JDBC connection: from its driver's class where the driver serves one product
	 * (PostgreSQL's, MariaDB's and MySQL's drivers, also below a pool's proxy), else from the connection's
	 * metadata. The driver's class gives the answer its metadata would ({@code getDatabaseProductName()} of
	 * PostgreSQL's driver is a constant) without loading the driver's metadata class, which is most of what
	 * detecting costs in a fresh JVM.
	 */
	static Dialect detect(Connection connection) {
		Dialect byDriver = byDriverClass(connection);
		if (byDriver != null) {
			return byDriver;
		}
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			return forProductName(metaData.getDatabaseProductName(), metaData.getURL());
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the database product from the JDBC connection: " + ex.getMessage(), ex);
		}
	}

	private static Dialect byDriverClass(Connection connection) {
		Connection current = connection;
		// a pool's proxy (HikariCP's, say) unwraps to what it wraps: a driver's connection, or another proxy
		for (int depth = 0; depth < 4; depth++) {
			Dialect dialect = forDriverClass(current.getClass().getName());
			if (dialect != null) {
				return dialect;
			}
			Connection unwrapped;
			try {
				unwrapped = current.unwrap(Connection.class);
			}
			catch (SQLException | RuntimeException ex) {
				// a wrapper that does not unwrap: its metadata says
				return null;
			}
			if (unwrapped == null || unwrapped == current) {
				return null;
			}
			current = unwrapped;
		}
		return null;
	}

	static Dialect forDriverClass(String connectionClass) {
		if (connectionClass.startsWith("org.postgresql.")) {
			return new PostgresDialect();
		}
		if (connectionClass.startsWith("org.mariadb.jdbc.") || connectionClass.startsWith("com.mysql.cj.jdbc.")) {
			return new MariaDbDialect();
		}
		return null;
	}

	static Dialect forProductName(String productName, String url) {
		String product = (productName == null) ? "" : productName.toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return new PostgresDialect();
		}
		if (product.contains("mariadb") || product.contains("mysql")) {
			return new MariaDbDialect();
		}
		if (product.equals("h2")) {
			return new H2Dialect(url);
		}
		throw new MigrationsException("Unsupported database '" + productName + "' (" + url
				+ "): supported are PostgreSQL, MariaDB/MySQL and H2.");
	}

	/**
	 * The dialect a JDBC URL names ({@code jdbc:postgresql:}, {@code jdbc:mariadb:} or {@code jdbc:mysql:},
	 * {@code jdbc:h2:}), without connecting; {@code null} for any other URL. For work that needs the dialect
	 * but no database, such as an offline script of a {@code from:to} range.
	 */
	public static Dialect forJdbcUrl(String url) {
		if (url == null) {
			return null;
		}
		String lower = url.strip().toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:postgresql:")) {
			return new PostgresDialect();
		}
		if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
			return new MariaDbDialect();
		}
		if (lower.startsWith("jdbc:h2:")) {
			return new H2Dialect(url.strip());
		}
		return null;
	}

	/** Looks a dialect up by its {@link #name()}. */
	static Dialect named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "postgresql", "postgres" -> new PostgresDialect();
			case "mariadb", "mysql" -> new MariaDbDialect();
			case "h2" -> new H2Dialect(null);
			default -> throw new MigrationsException("Unknown dialect '" + name + "': use postgresql, mariadb or h2.");
		};
	}

}
