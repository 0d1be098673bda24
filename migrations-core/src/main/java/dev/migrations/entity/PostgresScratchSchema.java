package dev.migrations.entity;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationsException;
import dev.migrations.dialect.PostgresLockTable;

/**
 * Materializes the entities' DDL in a throw-away PostgreSQL schema, inside a transaction that is
 * always rolled back, so the live-database introspector can read what the entities would create
 * with the very queries it uses on the live schema, and the server itself canonicalizes type
 * names, defaults and check expressions.
 * <p>
 * The scratch schema is the session's temporary schema ({@code pg_temp_N}) when the session may
 * create temporary objects and has none yet: temporary tables and indexes are written to neither
 * the WAL nor the disk's cache flushes (a regular index build ends in an fsync), which makes the
 * DDL several times faster. Otherwise it is {@code CREATE SCHEMA migrations_scratch_<random>}.
 * Either way, inside the transaction {@code SET LOCAL search_path} puts the scratch schema first,
 * then the schemas of installed extensions (so types such as {@code citext} resolve) and
 * {@code pg_catalog}; the compared schema comes last when given (so a {@code columnDefinition} naming a
 * domain, an enum type or a sequence a hand-written revision created there resolves, as it does for the
 * application). Unqualified objects are created in the first schema of the path, so every one, named enum
 * types included, is created in the scratch schema even when a type of the same name exists in
 * {@code public}. Schema qualifiers Hibernate writes for explicitly mapped schemas
 * ({@link EntityModel#schemaQualifiers()}) are removed, so those objects land in the scratch schema
 * too: the scratch schema is one flat schema.
 * <p>
 * Afterwards the transaction is rolled back (to a savepoint when the caller had a transaction
 * open), on success and on every failure, so no schema, type or cast persists; autocommit and
 * {@code search_path} are as before.
 * <p>
 * A transaction holds a lock on each relation it creates until it ends, and the server's lock
 * table, shared by all sessions, has room for about {@code max_locks_per_transaction ×
 * max_connections} of them (a server with the defaults runs out at about 1,150 tables created in
 * one transaction, failing every session's DDL while it lasts).
 * {@link #materializeInParts} therefore cuts DDL that would take more than half of that into parts
 * ({@link ScratchParts}), each created, read and rolled back on its own, with the tables its
 * foreign keys reference in other parts created alongside. The parts are rolled back rather than
 * committed (a schema built up over several commits and dropped afterwards): nothing is ever
 * committed, so a process killed half-way leaves nothing behind, no stale schema waits for a later
 * run to remove it, and the session's temporary schema stays usable. Committed temporary tables
 * would not be safe: a session ending with thousands of them drops them all in one transaction,
 * runs out of the lock table itself (measured: {@code FATAL: out of shared memory} at the exit of a
 * session holding 2,000 tables, failing another session's DDL at that moment) and leaves them in
 * its {@code pg_temp_N}.
 */
public final class PostgresScratchSchema {

	/** The prefix of the name of a scratch schema that is not the session's temporary schema. */
	public static final String SCHEMA_PREFIX = "migrations_scratch_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger logger = LoggerFactory.getLogger(PostgresScratchSchema.class);

	// whether the session's temporary schema holds anything (false before its first object)
	private static final String TEMPORARY_OBJECTS_EXIST = "EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relnamespace ="
			+ " pg_catalog.pg_my_temp_schema()) OR EXISTS (SELECT 1 FROM pg_catalog.pg_type WHERE typnamespace ="
			+ " pg_catalog.pg_my_temp_schema())";

	private PostgresScratchSchema() {
	}

	/**
	 * Work to do while the scratch schema exists.
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface ScratchWork<T> {

		/**
		 * @param connection the connection, inside the transaction; must not commit or roll back
		 * @param schema the scratch schema's name (also the current schema)
		 * @return the result, e.g. the introspected scratch schema
		 * @throws SQLException when reading fails
		 */
		T apply(Connection connection, String schema) throws SQLException;

	}

	/**
	 * Work to do with one part of the scratch schema.
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface PartWork<T> {

		/**
		 * @param connection the connection, inside the transaction; must not commit or roll back
		 * @param schema the scratch schema's name (also the current schema)
		 * @param partTables whether a table (catalog spelling) is one this part is for: other
		 * tables in the schema were created only for the part's foreign keys to reference, and are
		 * read in the part they belong to
		 * @return the result, e.g. the introspected part
		 * @throws SQLException when reading fails
		 */
		T apply(Connection connection, String schema, Predicate<String> partTables) throws SQLException;

	}

	/**
	 * Like {@link #materialize(Connection, List, Collection, ScratchWork)}, for DDL of any size: when
	 * it would hold more than half of the server's lock table, it is created in parts, one rolled-back
	 * transaction each, and the work runs once for each part. A stand-alone sequence and an enum type
	 * may be in several parts; every table is the part's table in exactly one.
	 * @param <T> the result type
	 * @param connection a connection to the PostgreSQL database
	 * @param createStatements DDL statements, in order; unqualified names land in the scratch schema
	 * @param schemaQualifiers schema prefixes to remove from the statements
	 * @param work what to do with each part
	 * @return the work's results, one per part, in order (one when the DDL was not cut)
	 * @throws ScratchSchemaException when a DDL statement fails, numbered as in the whole DDL
	 */
	public static <T> List<T> materializeInParts(Connection connection, List<String> createStatements,
			Collection<String> schemaQualifiers, PartWork<T> work) {
		return materializeInParts(connection, createStatements, schemaQualifiers, null, work);
	}

	/**
	 * Like {@link #materializeInParts(Connection, List, Collection, PartWork)}, with the objects of
	 * {@code visibleSchema} found by the DDL's unqualified names, after those of the scratch schema,
	 * the extensions' schemas and {@code pg_catalog}: a {@code columnDefinition} naming a domain, an
	 * enum type or a sequence that a hand-written revision created in the compared schema resolves as
	 * it does for the application. Unqualified objects are still created in the scratch schema.
	 * @param <T> the result type
	 * @param connection a connection to the PostgreSQL database
	 * @param createStatements DDL statements, in order; unqualified names land in the scratch schema
	 * @param schemaQualifiers schema prefixes to remove from the statements
	 * @param visibleSchema the schema whose objects the DDL may use, {@code null} for none
	 * @param work what to do with each part
	 * @return the work's results, one per part, in order (one when the DDL was not cut)
	 * @throws ScratchSchemaException when a DDL statement fails, numbered as in the whole DDL
	 */
	public static <T> List<T> materializeInParts(Connection connection, List<String> createStatements,
			Collection<String> schemaQualifiers, String visibleSchema, PartWork<T> work) {
		List<String> statements = createStatements.stream().map((s) -> unqualify(s, schemaQualifiers)).toList();
		int budget = PostgresLockTable.budget(PostgresLockTable.weight(statements), () -> PostgresLockTable.budget(connection));
		return materializeInParts(connection, statements, budget, visibleSchema, work);
	}

	// statements already unqualified; parts of at most lockBudget (ScratchParts' weights)
	static <T> List<T> materializeInParts(Connection connection, List<String> statements, int lockBudget,
			PartWork<T> work) {
		return materializeInParts(connection, statements, lockBudget, null, work);
	}

	private static <T> List<T> materializeInParts(Connection connection, List<String> statements, int lockBudget,
			String visibleSchema, PartWork<T> work) {
		List<ScratchParts.Part> parts = (PostgresLockTable.weight(statements) > lockBudget)
				? ScratchParts.split(statements, lockBudget) : List.of();
		if (parts.size() <= 1) {
			// today's one transaction: every table is the part's own
			ScratchWork<T> whole = (c, schema) -> work.apply(c, schema, (table) -> true);
			// a list that may hold a null result, like the work's
			return Collections.singletonList(materialize(statements, numbers(statements.size()), statements.size(),
					connection, visibleSchema, whole));
		}
		logger.debug("Creating {} statements in the scratch schema in {} parts of about {} locks at most",
				statements.size(), parts.size(), lockBudget);
		List<T> results = new ArrayList<>(parts.size());
		for (ScratchParts.Part part : parts) {
			results.add(materialize(part.statements(), part.numbers(), statements.size(), connection, visibleSchema,
					(c, schema) -> work.apply(c, schema, part.tables()::contains)));
		}
		return results;
	}

	private static List<Integer> numbers(int count) {
		List<Integer> numbers = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			numbers.add(i);
		}
		return numbers;
	}

	/**
	 * Creates the entity model in a scratch schema, runs the work, and rolls everything back.
	 * @param <T> the result type
	 * @param connection a connection to the PostgreSQL database
	 * @param model the entity model whose {@link EntityModel#createStatements()} to run
	 * @param work what to do with the scratch schema, given its name
	 * @return the work's result
	 * @throws ScratchSchemaException when a DDL statement fails
	 */
	public static <T> T materialize(Connection connection, EntityModel model, ScratchWork<T> work) {
		return materialize(connection, model.createStatements(), model.schemaQualifiers(), work);
	}

	/**
	 * Like {@link #materialize(Connection, EntityModel, ScratchWork)}, for work that needs only the
	 * connection (whose current schema is the scratch schema).
	 * @param <T> the result type
	 * @param connection a connection to the PostgreSQL database
	 * @param model the entity model whose {@link EntityModel#createStatements()} to run
	 * @param work what to do with the scratch schema
	 * @return the work's result
	 */
	public static <T> T materialize(Connection connection, EntityModel model, Function<Connection, T> work) {
		return materialize(connection, model, (c, schema) -> work.apply(c));
	}

	/**
	 * Creates the given objects in a scratch schema, runs the work, and rolls everything back.
	 * @param <T> the result type
	 * @param connection a connection to the PostgreSQL database
	 * @param createStatements DDL statements, run in order; unqualified names land in the scratch
	 * schema
	 * @param schemaQualifiers schema prefixes (as written in the DDL, e.g. {@code public} or
	 * {@code "Audit"}) to remove from the statements
	 * @param work what to do with the scratch schema, given its name
	 * @return the work's result
	 * @throws ScratchSchemaException when a DDL statement fails
	 */
	public static <T> T materialize(Connection connection, List<String> createStatements,
			Collection<String> schemaQualifiers, ScratchWork<T> work) {
		List<String> statements = createStatements.stream().map((s) -> unqualify(s, schemaQualifiers)).toList();
		return materialize(statements, numbers(statements.size()), statements.size(), connection, null, work);
	}

	// statements already unqualified; numbers are their positions in the whole DDL of count statements
	private static <T> T materialize(List<String> statements, List<Integer> numbers, int count, Connection connection,
			String visibleSchema, ScratchWork<T> work) {
		String schema = SCHEMA_PREFIX + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
		try {
			return new Run(connection, schema, visibleSchema).execute(statements, numbers, count, work);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not set up or remove the scratch schema " + schema + ": "
					+ ex.getMessage() + ". Check the connection and that the user may create schemas in the database.",
					ex);
		}
	}

	/**
	 * Removes schema qualifiers from a statement, leaving string literals and other identifiers
	 * alone: {@code create table public.audit (...)} becomes {@code create table audit (...)}.
	 * @param statement a DDL statement
	 * @param schemaQualifiers qualifiers as written in the DDL, unquoted ones matched case-insensitively
	 * @return the statement without those qualifiers
	 */
	static String unqualify(String statement, Collection<String> schemaQualifiers) {
		if (schemaQualifiers.isEmpty()) {
			return statement;
		}
		StringBuilder result = new StringBuilder(statement.length());
		int i = 0;
		while (i < statement.length()) {
			char c = statement.charAt(i);
			if (c == '\'') {
				int end = endOfQuoted(statement, i, '\'');
				result.append(statement, i, end);
				i = end;
				continue;
			}
			if (startsToken(statement, i)) {
				String qualifier = qualifierAt(statement, i, schemaQualifiers);
				if (qualifier != null) {
					i += qualifier.length() + 1;
					continue;
				}
				if (c == '"') {
					int end = endOfQuoted(statement, i, '"');
					result.append(statement, i, end);
					i = end;
					continue;
				}
			}
			result.append(c);
			i++;
		}
		return result.toString();
	}

	private static boolean startsToken(String sql, int index) {
		if (index == 0) {
			return true;
		}
		char before = sql.charAt(index - 1);
		return !(Character.isLetterOrDigit(before) || before == '_' || before == '$' || before == '.'
				|| before == '"');
	}

	private static String qualifierAt(String sql, int index, Collection<String> qualifiers) {
		for (String qualifier : qualifiers) {
			int end = index + qualifier.length();
			if (end < sql.length() && sql.charAt(end) == '.'
					&& sql.regionMatches(!qualifier.startsWith("\""), index, qualifier, 0, qualifier.length())) {
				return qualifier;
			}
		}
		return null;
	}

	// index just past the closing quote; a doubled quote is an escaped one
	private static int endOfQuoted(String sql, int start, char quote) {
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	private static String quoteIdentifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	/**
	 * One use of a connection: everything that must be undone is undone in {@link #execute}.
	 */
	private static final class Run {

		private final Connection connection;

		private String schema;

		// whether the objects go to the session's temporary schema
		private boolean temporary;

		// the schema whose objects the DDL may use, searched after pg_catalog; null for none
		private final String visibleSchema;

		Run(Connection connection, String schema, String visibleSchema) {
			this.connection = connection;
			this.schema = schema;
			this.visibleSchema = visibleSchema;
		}

		<T> T execute(List<String> statements, List<Integer> numbers, int count, ScratchWork<T> work)
				throws SQLException {
			boolean autoCommit = this.connection.getAutoCommit();
			if (autoCommit) {
				this.connection.setAutoCommit(false);
			}
			// a caller's open transaction is left as it was: only our part is rolled back
			Savepoint savepoint = autoCommit ? null : this.connection.setSavepoint();
			boolean succeeded = false;
			try {
				prepare();
				runAll(statements, numbers, count);
				if (this.temporary) {
					this.schema = temporarySchema();
				}
				T result = callWork(work);
				rollback(savepoint);
				succeeded = true;
				return result;
			}
			finally {
				if (!succeeded) {
					rollbackQuietly(savepoint);
				}
				try {
					if (autoCommit) {
						this.connection.setAutoCommit(true);
					}
					if (dropIfCommitted() && succeeded) {
						throw new MigrationsException("The work done in the scratch schema " + this.schema
								+ " committed the transaction, so the schema outlived it; it has been dropped."
								+ " Work given to the scratch schema must only read: never commit, roll back or"
								+ " change the autocommit mode.");
					}
				}
				catch (SQLException ex) {
					if (succeeded) {
						throw ex;
					}
					// the failure that got us here is the one to report
				}
			}
		}

		private void prepare() throws SQLException {
			this.temporary = temporarySchemaUsable();
			try (Statement statement = this.connection.createStatement()) {
				if (!this.temporary) {
					statement.execute("CREATE SCHEMA " + quoteIdentifier(this.schema));
				}
				statement.execute("SET LOCAL search_path TO " + searchPath());
			}
		}

		// the session may create temporary objects and has none a name could clash with
		private boolean temporarySchemaUsable() throws SQLException {
			try (Statement statement = this.connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT pg_catalog.has_database_privilege("
							+ "pg_catalog.current_database(), 'TEMPORARY') AND NOT (" + TEMPORARY_OBJECTS_EXIST + ")")) {
				return rs.next() && rs.getBoolean(1);
			}
		}

		// pg_temp_N once the first object made it exist
		private String temporarySchema() throws SQLException {
			try (Statement statement = this.connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT nspname FROM pg_catalog.pg_namespace"
							+ " WHERE oid = pg_catalog.pg_my_temp_schema()")) {
				return rs.next() ? rs.getString(1) : "pg_temp";
			}
		}

		// the scratch schema first, so every unqualified CREATE lands there; extension schemas so
		// their types resolve; never the live schemas otherwise
		private String searchPath() throws SQLException {
			List<String> path = new ArrayList<>();
			path.add(this.temporary ? "pg_temp" : quoteIdentifier(this.schema));
			try (Statement statement = this.connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT DISTINCT n.nspname FROM pg_catalog.pg_extension e"
							+ " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace"
							+ " WHERE n.nspname <> 'pg_catalog' ORDER BY n.nspname")) {
				while (rs.next()) {
					path.add(quoteIdentifier(rs.getString(1)));
				}
			}
			path.add("pg_catalog");
			if (this.visibleSchema != null && !path.contains(quoteIdentifier(this.visibleSchema))) {
				// after pg_catalog, as for the application, whose search_path lists it implicitly first
				path.add(quoteIdentifier(this.visibleSchema));
			}
			if (!this.temporary) {
				// listed last, the session's own temporary tables cannot take the DDL's names
				path.add("pg_temp");
			}
			return String.join(", ", path);
		}

		private void runAll(List<String> statements, List<Integer> numbers, int count) throws SQLException {
			try (Statement statement = this.connection.createStatement()) {
				// Hibernate's DDL is plain SQL: no JDBC escape syntax to translate
				statement.setEscapeProcessing(false);
				for (int i = 0; i < statements.size(); i++) {
					String sql = statements.get(i);
					try {
						statement.execute(sql);
					}
					catch (SQLException ex) {
						throw new ScratchSchemaException(numbers.get(i), count, sql, ex);
					}
				}
			}
		}

		// the temporary schema was empty before: anything in it now was committed by the work
		private boolean discardIfCommitted() throws SQLException {
			boolean exists;
			try (Statement statement = this.connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT " + TEMPORARY_OBJECTS_EXIST)) {
				exists = rs.next() && rs.getBoolean(1);
			}
			catch (SQLException ex) {
				// an aborted caller transaction cannot be queried; our objects were not committed in it
				return false;
			}
			if (exists) {
				try (Statement statement = this.connection.createStatement()) {
					statement.execute("DISCARD TEMP");
				}
				if (!this.connection.getAutoCommit()) {
					this.connection.commit();
				}
			}
			return exists;
		}

		private <T> T callWork(ScratchWork<T> work) {
			try {
				return work.apply(this.connection, this.schema);
			}
			catch (SQLException ex) {
				throw new MigrationsException("Reading the scratch schema " + this.schema + " failed: "
						+ ex.getMessage() + ". The scratch schema was rolled back; nothing was changed.", ex);
			}
		}

		private void rollback(Savepoint savepoint) throws SQLException {
			if (savepoint != null) {
				this.connection.rollback(savepoint);
				this.connection.releaseSavepoint(savepoint);
			}
			else {
				this.connection.rollback();
			}
		}

		// never hides the failure that got us here
		private void rollbackQuietly(Savepoint savepoint) {
			try {
				rollback(savepoint);
			}
			catch (SQLException ex) {
				// a broken connection ends its transaction uncommitted anyway
			}
		}

		// a work that commits would leave the scratch schema behind: remove it
		private boolean dropIfCommitted() throws SQLException {
			if (this.temporary) {
				return discardIfCommitted();
			}
			boolean exists;
			try (PreparedStatement query = this.connection
				.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
				query.setString(1, this.schema);
				try (ResultSet rs = query.executeQuery()) {
					exists = rs.next();
				}
			}
			catch (SQLException ex) {
				// an aborted caller transaction cannot be queried; our schema was not committed in it
				return false;
			}
			if (exists) {
				try (Statement statement = this.connection.createStatement()) {
					statement.execute("DROP SCHEMA " + quoteIdentifier(this.schema) + " CASCADE");
				}
				if (!this.connection.getAutoCommit()) {
					this.connection.commit();
				}
			}
			return exists;
		}

	}

}
