package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
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

	/** The name used in locations ({@code {vendor}}) and messages: {@code postgresql}, {@code mariadb}, {@code h2}. */
	String name();

	SqlSyntax sqlSyntax();

	/** Whether a failed DDL statement can be rolled back together with the rest of its revision. */
	boolean supportsTransactionalDdl();

	/** Quotes an identifier when the database would otherwise fold or reject it. */
	String quoteIfNeeded(String identifier);

	/** {@code schema.table}, quoted as needed; just the table when {@code schema} is {@code null}. */
	default String qualify(String schema, String table) {
		return (schema == null) ? quoteIfNeeded(table) : quoteIfNeeded(schema) + "." + quoteIfNeeded(table);
	}

	/** The schema unqualified names resolve to on this connection. */
	String currentSchema(Connection connection) throws SQLException;

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
	List<String> createVersionTables(String versionTable, String logTable);

	/**
	 * Takes the lock that serialises every writing command on this database, waiting up to
	 * {@code timeout}.
	 * @throws LockTimeoutException when another session holds it past the timeout, naming that session
	 */
	DatabaseLock lock(Connection connection, String lockName, Duration timeout) throws SQLException;

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

	/**
	 * Statements that let the current transaction commit without waiting for the disk, for revisions
	 * followed by another in the same run: the last revision's commit waits, and waiting for the log
	 * to reach disk up to it covers every earlier commit. A commit lost to a server crash in between
	 * loses the revision together with its version-table row, so the next upgrade applies it again.
	 * Empty where the database has no such setting.
	 */
	default List<String> deferredCommitStatements() {
		return List.of();
	}

	/** The statements that open and close a transaction in an offline script. */
	default String beginTransaction() {
		return "BEGIN";
	}

	default String commitTransaction() {
		return "COMMIT";
	}

	/** Detects the dialect from the JDBC connection's metadata. */
	static Dialect detect(Connection connection) {
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			return forProductName(metaData.getDatabaseProductName(), metaData.getURL());
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the database product from the JDBC connection: " + ex.getMessage(), ex);
		}
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
