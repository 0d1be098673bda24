package dev.migrations.runner;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migrations.MigrationsException;
import dev.migrations.Secrets;
import dev.migrations.dialect.Dialect;
import dev.migrations.revision.Revision;

/**
 * The two tables the tool keeps in the target schema: the applied revisions, and an append-only log of
 * every upgrade, downgrade, stamp and baseline. Writes are {@link SqlCommand}s so the same statements serve
 * online execution and offline scripts.
 */
final class VersionTable {

	static final String KIND_SQL = "SQL";

	static final String KIND_JAVA = "JAVA";

	/** The log's operation for a revision recorded as applied without running by a baseline (see {@link #baselined}). */
	static final String BASELINE = "BASELINE";

	/** The log's operation for a revision recorded by {@code db stamp}. */
	static final String STAMP = "STAMP";

	private static final String COLUMNS = "revision, down_revisions, message, kind, source, checksum, state, applied_seq, "
			+ "applied_at, execution_millis, applied_by, error";

	private final Dialect dialect;

	private final String schema;

	private final String table;

	private final String logTable;

	private final String qualifiedTable;

	private final String qualifiedLogTable;

	/** The length of the revision columns. */
	static final int MAX_REVISION_LENGTH = 64;

	private final SquashedRows squashed;

	VersionTable(Dialect dialect, String schema, String table) {
		this(dialect, schema, table, SquashedRows.NONE);
	}

	/** @param squashed how rows of revisions replaced by a squash read */
	VersionTable(Dialect dialect, String schema, String table, SquashedRows squashed) {
		int length = dialect.identifierLength(table + "_log");
		if (length > dialect.maxIdentifierLength()) {
			int room = dialect.maxIdentifierLength() - dialect.identifierLength("_log");
			throw new MigrationsException("The version table name '" + table + "' (migrations.version-table) is too long for "
					+ dialect.name() + ": its log table '" + table + "_log' has " + length + " " + dialect.identifierLengthUnit()
					+ ", and " + dialect.name() + " keeps at most " + dialect.maxIdentifierLength() + " (longer names are "
					+ "cut, so the two tables would collide). Use a name of at most " + room + " "
					+ dialect.identifierLengthUnit() + ".");
		}
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
		this.logTable = table + "_log";
		this.qualifiedTable = dialect.qualify(schema, table);
		this.qualifiedLogTable = dialect.qualify(schema, this.logTable);
		this.squashed = squashed;
	}

	String table() {
		return this.table;
	}

	String logTable() {
		return this.logTable;
	}

	String qualifiedTable() {
		return this.qualifiedTable;
	}

	List<String> createStatements() {
		return this.dialect.createVersionTables(this.qualifiedTable, this.qualifiedLogTable);
	}

	boolean exists(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = this.dialect.name().equals("mariadb") ? (this.schema != null ? this.schema : connection.getCatalog()) : null;
		String schemaPattern = this.dialect.name().equals("mariadb") ? null
				: (this.schema != null ? this.schema : this.dialect.currentSchema(connection));
		for (String candidate : List.of(this.table, this.table.toUpperCase(Locale.ROOT), this.table.toLowerCase(Locale.ROOT))) {
			try (ResultSet rs = metaData.getTables(catalog, schemaPattern, candidate, null)) {
				if (rs.next()) {
					return true;
				}
			}
		}
		return false;
	}

	/** The rows recorded in the middle of squashed histories, each with its squash (see {@link SquashedRows#midway}). */
	Map<String, Revision> midway(List<AppliedRevision> rows) {
		return this.squashed.midway(rows);
	}

	/**
	 * Every row, in the order the revisions were applied; empty when the table does not exist yet.
	 * Rows of revisions replaced by a squash read as {@link SquashedRows} says.
	 */
	List<AppliedRevision> read(Connection connection) throws SQLException {
		return translate(readStored(connection));
	}

	/** Rows as stored read as {@link #read} returns them. */
	List<AppliedRevision> translate(List<AppliedRevision> storedRows) {
		return this.squashed.translate(storedRows);
	}

	/** Whether no squash replaces revisions of this history (so no row needs translating or recording). */
	boolean squashFree() {
		return this.squashed.isEmpty();
	}

	/** See {@link SquashedRows#storedWithoutSquash}. */
	Revision storedWithoutSquash(List<AppliedRevision> storedRows) {
		return this.squashed.storedWithoutSquash(storedRows);
	}

	/**
	 * Under the lock, before a command writes: records squashes in place of the revisions they
	 * replace where the database recorded their squash point (see {@link SquashedRows}).
	 */
	void recordSquashes(Connection connection, java.util.function.Supplier<String> performedBy) throws SQLException {
		if (!this.squashed.isEmpty()) {
			this.squashed.record(connection, this, readStored(connection), performedBy);
		}
	}

	/** Every row as stored, in the order the revisions were applied. */
	List<AppliedRevision> readStored(Connection connection) throws SQLException {
		// One round trip: read the table and treat "no such table" as no rows, rather than asking the
		// catalog first (the status behind the actuator endpoint is read per request). Inside a
		// transaction a failed statement would abort it, so only then is the catalog asked first; and on
		// MariaDB, whose driver logs every error the server sends as a warning.
		if (askCatalogFirst(connection) && !exists(connection)) {
			return List.of();
		}
		List<AppliedRevision> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = executeIfExists(statement, "SELECT " + COLUMNS + " FROM " + this.qualifiedTable
						+ " ORDER BY applied_seq")) {
			if (rs == null) {
				return List.of();
			}
			// Every startup reads every row: columns by position, in the order of COLUMNS.
			while (rs.next()) {
				rows.add(new AppliedRevision(rs.getString(1), splitList(rs.getString(2)), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), state(rs.getString(7), rs.getString(1)), rs.getLong(8),
						this.dialect.readTimestamp(rs, 9), rs.getLong(10), rs.getString(11),
						// a row an earlier release recorded may hold a failed statement's password as written
						Secrets.maskSql(rs.getString(12))));
			}
		}
		return rows;
	}

	/**
	 * What an upgrade checks before running anything, in the order the revisions were applied: the
	 * revision, checksum and state of each row, its other components empty (no parents, {@code null}s
	 * and zeros). When a revision is recorded as not completed, every column of every row instead, as
	 * {@link #read} returns them, for the message that reports it. An upgrade with nothing to do, as
	 * at most startups, so receives and decodes a quarter of the columns of every row.
	 */
	List<AppliedRevision> readStates(Connection connection) throws SQLException {
		if (askCatalogFirst(connection) && !exists(connection)) {
			return List.of();
		}
		List<AppliedRevision> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = executeIfExists(statement, "SELECT revision, checksum, state FROM " + this.qualifiedTable
						+ " ORDER BY applied_seq")) {
			if (rs == null) {
				return List.of();
			}
			while (rs.next()) {
				AppliedRevision.State state = state(rs.getString(3), rs.getString(1));
				if (state != AppliedRevision.State.APPLIED) {
					rows = null;
					break;
				}
				rows.add(new AppliedRevision(rs.getString(1), List.of(), null, null, null, rs.getString(2), state, 0, null, 0,
						null, null));
			}
		}
		return (rows != null) ? this.squashed.translate(rows) : read(connection);
	}

	private boolean askCatalogFirst(Connection connection) throws SQLException {
		return !connection.getAutoCommit() || this.dialect.name().equals("mariadb");
	}

	private static ResultSet executeIfExists(Statement statement, String sql) throws SQLException {
		try {
			return statement.executeQuery(sql);
		}
		catch (SQLException ex) {
			if (isMissingTable(ex)) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * PostgreSQL's undefined_table, the SQL standard's base table not found (MariaDB, H2), and H2's
	 * variant for a database with no tables at all.
	 */
	private static boolean isMissingTable(SQLException ex) {
		String state = ex.getSQLState();
		return "42P01".equals(state) || "42S02".equals(state) || "42S04".equals(state);
	}

	private AppliedRevision.State state(String name, String revision) {
		// not Enum.valueOf first, whose first call builds a map by reflection
		if ("APPLIED".equals(name)) {
			return AppliedRevision.State.APPLIED;
		}
		for (AppliedRevision.State state : AppliedRevision.State.values()) {
			if (state.name().equals(name)) {
				return state;
			}
		}
		throw new MigrationsException(this.qualifiedTable + " records revision " + revision + " in state "
				+ ((name != null) ? "'" + name + "'" : "NULL") + ", which this tool never writes (it writes "
				+ String.join(", ", Arrays.asList(AppliedRevision.State.values()).stream().map(Enum::name).toList())
				+ "): the row was edited by hand or by another tool. Set the state the revision is really in, e.g. UPDATE "
				+ this.qualifiedTable + " SET state = 'APPLIED' WHERE revision = '" + revision.replace("'", "''")
				+ "' if it ran to the end, or delete the row if it did not run, then run the command again.");
	}

	static List<String> splitList(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		if (value.indexOf(',') < 0) {
			String item = value.trim();
			return item.isEmpty() ? List.of() : List.of(item);
		}
		List<String> items = new ArrayList<>(2);
		for (String part : value.split(",")) {
			String item = part.trim();
			if (!item.isEmpty()) {
				items.add(item);
			}
		}
		return List.copyOf(items);
	}

	/**
	 * For offline scripts: how long the revision's transaction has run when the statement runs,
	 * measured by the server (0 where the dialect cannot).
	 */
	Object elapsedInTransaction() {
		String start = this.dialect.transactionStart();
		String elapsed = (start != null) ? this.dialect.elapsedMillisSince(start) : null;
		return (elapsed != null) ? new SqlCommand.Expression(elapsed) : 0L;
	}

	/** For offline scripts: how long since the revision's row was written as running, measured by the server. */
	Object elapsedSinceAppliedAt() {
		String elapsed = this.dialect.elapsedMillisSince("applied_at");
		return (elapsed != null) ? new SqlCommand.Expression(elapsed) : 0L;
	}

	/** For offline scripts: the execution time recorded in the revision's row. */
	Object recordedMillis(String revision) {
		return new SqlCommand.Expression("(SELECT execution_millis FROM " + this.qualifiedTable + " WHERE revision = "
				+ this.dialect.literal(revision) + ")");
	}

	SqlCommand insert(Revision revision, AppliedRevision.State state, Object executionMillis, String appliedBy,
			String error) {
		// applied_seq comes from the table itself so that online and offline runs number rows the same way.
		return SqlCommand.of("INSERT INTO " + this.qualifiedTable + " (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, "
				+ "COALESCE(MAX(applied_seq), 0) + 1, ?, ?, ?, ? FROM " + this.qualifiedTable,
				revision.id(), String.join(",", revision.downRevisions()), truncate(revision.message(), 2000), kind(revision),
				truncate(revision.source(), 2000), revision.checksum(), state.name(), now(), executionMillis,
				truncate(appliedBy, 255), error);
	}

	/**
	 * The same row as {@link #insert(Revision, AppliedRevision.State, Object, String, String)} with its
	 * {@code applied_seq} given: a run that writes many rows reads the next number once
	 * ({@link #nextAppliedSeq}) and counts on, rather than scanning the table for its maximum per row.
	 */
	SqlCommand insert(Revision revision, AppliedRevision.State state, Object executionMillis, String appliedBy,
			String error, long appliedSeq) {
		return SqlCommand.of("INSERT INTO " + this.qualifiedTable + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				revision.id(), String.join(",", revision.downRevisions()), truncate(revision.message(), 2000), kind(revision),
				truncate(revision.source(), 2000), revision.checksum(), state.name(), appliedSeq, now(),
				executionMillis, truncate(appliedBy, 255), error);
	}

	/** The {@code applied_seq} the next row gets: what {@link #insert} computes in the statement. */
	long nextAppliedSeq(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(applied_seq), 0) + 1 FROM " + this.qualifiedTable)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	SqlCommand markApplied(Revision revision, Object executionMillis) {
		return SqlCommand.of("UPDATE " + this.qualifiedTable + " SET state = ?, execution_millis = ?, error = NULL, checksum = ?"
				+ " WHERE revision = ?", AppliedRevision.State.APPLIED.name(), executionMillis, revision.checksum(), revision.id());
	}

	/**
	 * The failure of a revision run outside a transaction: an upgrade's row becomes {@code FAILED}, a downgrade's
	 * stays {@code REVERTING}, each with the error. Only while the row is as the revision left it: written on a new
	 * connection after the revision's own died (and its lock with it), another session may have changed it since
	 * ({@code db stamp}), and what that session recorded stands.
	 */
	SqlCommand markFailed(String revision, boolean upgrade, String error) {
		AppliedRevision.State running = upgrade ? AppliedRevision.State.RUNNING : AppliedRevision.State.REVERTING;
		AppliedRevision.State failed = upgrade ? AppliedRevision.State.FAILED : AppliedRevision.State.REVERTING;
		return SqlCommand.of("UPDATE " + this.qualifiedTable + " SET state = ?, error = ? WHERE revision = ? AND state = ?",
				failed.name(), error, revision, running.name());
	}

	/** The note on a revision's row, recorded as running or reverting, on how far it got. */
	SqlCommand markProgress(String revision, boolean upgrade, String note) {
		return SqlCommand.of("UPDATE " + this.qualifiedTable + " SET error = ? WHERE revision = ? AND state = ?", note,
				revision, (upgrade ? AppliedRevision.State.RUNNING : AppliedRevision.State.REVERTING).name());
	}

	SqlCommand markReverting(String revision, String note) {
		return SqlCommand.of("UPDATE " + this.qualifiedTable + " SET state = ?, error = ? WHERE revision = ?",
				AppliedRevision.State.REVERTING.name(), note, revision);
	}

	SqlCommand delete(String revision) {
		return SqlCommand.of("DELETE FROM " + this.qualifiedTable + " WHERE revision = ?", revision);
	}

	/**
	 * Of the revisions given, those whose latest recording in the log is a baseline's: recorded as applied
	 * without running because the schema already had them, and neither run nor stamped since.
	 */
	Set<String> baselined(Connection connection, Collection<String> revisions) throws SQLException {
		if (revisions.isEmpty()) {
			return Set.of();
		}
		Map<String, String> latest = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = executeIfExists(statement, "SELECT revision, operation FROM " + this.qualifiedLogTable
						+ " WHERE operation IN ('" + BASELINE + "', '" + STAMP + "', 'UPGRADE') ORDER BY id")) {
			if (rs == null) {
				return Set.of();
			}
			while (rs.next()) {
				latest.put(rs.getString(1), rs.getString(2));
			}
		}
		Set<String> baselined = new LinkedHashSet<>();
		for (String revision : revisions) {
			if (BASELINE.equals(latest.get(revision))) {
				baselined.add(revision);
			}
		}
		return baselined;
	}

	SqlCommand log(String revision, String operation, String message, String checksum, Object executionMillis,
			String performedBy) {
		return SqlCommand.of("INSERT INTO " + this.qualifiedLogTable
				+ " (revision, operation, message, checksum, performed_at, execution_millis, performed_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
				revision, operation, truncate(message, 2000), checksum, now(), executionMillis, truncate(performedBy, 255));
	}

	static String kind(Revision revision) {
		return (revision.body() instanceof Revision.JavaBody) ? KIND_JAVA : KIND_SQL;
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/** The time the statement runs, as precise as the version tables keep it (MariaDB's needs (6)), online and offline alike. */
	private SqlCommand.Expression now() {
		return new SqlCommand.Expression(this.dialect.currentTimestamp());
	}

}
