package dev.migrations.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opentest4j.AssertionFailedError;

import dev.migrations.revision.TargetResolver;

/**
 * A data test under way: rows written at one revision, revisions applied, rows expected afterwards. Obtained
 * from {@link MigrationsTester#at(String)}; each method returns this step, so a test reads as one sentence.
 * <p>
 * Tables and columns are named as the database stores them, and the kit quotes them in the SQL it writes as the
 * database needs ({@code "user"} on PostgreSQL, {@code `user`} on MariaDB): {@code insert("user", row("id", 1))}
 * for a table named with a reserved word, {@code row("User_id", 7)} for a column created as {@code "User_id"}
 * (as Hibernate names some), {@code deal} for a table created unquoted as {@code DEAL} (which PostgreSQL stores
 * as {@code deal}). A name may also be written quoted, as in SQL ({@code "User_id"}, or with backticks), which
 * means the same; a table may be qualified by its schema ({@code app.deal}). Columns the test does not name are
 * read by their stored names.
 */
public final class DataStep {

	private final MigrationsTester tester;

	private final List<String> story = new ArrayList<>();

	// the tables rows were inserted into, as SQL names them: read again after each revision an upgrade applies, so
	// that a failed assertion can name the revision that changed them
	private final Set<String> inserted = new LinkedHashSet<>();

	// what those tables held before the upgrades since the test last wrote rows (insert, execute) and after each
	// revision they applied; empty after a downgrade or an upgrade to a relative target
	private List<Reading> readings = List.of();

	// revision: the one applied before the reading, or for the first reading the revisions the database was at
	private record Reading(String revision, Map<String, List<Map<String, String>>> tables) {
	}

	DataStep(MigrationsTester tester, String revision) {
		this.tester = tester;
		this.story.add("at " + tester.describe(revision));
	}

	/**
	 * Inserts rows into a table. On PostgreSQL, strings are sent untyped, so they fill enum, JSON and other
	 * typed columns as a literal in SQL would.
	 * @param table the table, as stored (see the class description), e.g. {@code user}, {@code app.deal}
	 * @param rows the rows, their columns named as stored, e.g. {@code row("id", 1, "User_id", 7)}
	 */
	public DataStep insert(String table, Row... rows) {
		for (Row row : rows) {
			List<String> columns = new ArrayList<>(row.values().keySet());
			StringBuilder sql = new StringBuilder("INSERT INTO ").append(tableName(table)).append(" (");
			for (int i = 0; i < columns.size(); i++) {
				sql.append((i > 0) ? ", " : "").append(columnName(columns.get(i)));
			}
			if (columns.isEmpty()) {
				// a row of defaults (an identity, a default now()): PostgreSQL and H2 have no empty column list
				sql.setLength(sql.length() - 2);
				sql.append(this.tester.migrations().dialect().name().equals("mariadb") ? " () VALUES ()" : " DEFAULT VALUES");
			}
			else {
				sql.append(") VALUES (").append("?, ".repeat(columns.size() - 1)).append("?)");
			}
			try (Connection connection = connection();
					PreparedStatement statement = connection.prepareStatement(sql.toString())) {
				boolean postgres = this.tester.migrations().dialect().name().equals("postgresql");
				for (int i = 0; i < columns.size(); i++) {
					Object value = row.values().get(columns.get(i));
					if (postgres && (value instanceof String || value instanceof Enum<?>)) {
						statement.setObject(i + 1, Row.normalise(value), Types.OTHER);
					}
					else if (postgres && textArray(value) != null) {
						// untyped too, so that the strings fill an array of an enum, jsonb or uuid as they fill one value
						statement.setObject(i + 1, textArray(value), Types.OTHER);
					}
					else {
						statement.setObject(i + 1, bindable(value));
					}
				}
				statement.executeUpdate();
			}
			catch (SQLException ex) {
				throw new AssertionFailedError("Could not insert " + row + " into " + tableName(table) + " "
						+ String.join(", ", this.story) + ": " + ex.getMessage() + namedAsStored(ex), ex);
			}
		}
		this.story.add("inserted into " + table);
		// by its name in SQL: user and "user" are one table
		this.inserted.add(tableName(table));
		// the rows are the test's from here: the next upgrade reads them first
		this.readings = List.of();
		return this;
	}

	/** Runs SQL of the test's own, e.g. an {@code UPDATE} setting up a case the inserts cannot. */
	public DataStep execute(String sql) {
		try (Connection connection = connection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new AssertionFailedError("Could not run " + sql + " " + String.join(", ", this.story) + ": "
					+ ex.getMessage(), ex);
		}
		this.readings = List.of();
		return this;
	}

	/** Upgrades to a target ({@code head}, a revision id, {@code +1}, ...). */
	public DataStep upgradeTo(String target) {
		List<String> plan = this.inserted.isEmpty() ? null : plan(target);
		if (plan == null) {
			this.readings = List.of();
			this.tester.upgrade(target, () -> "upgrade to " + target + " " + String.join(", ", this.story));
		}
		else {
			// one revision at a time (each in its own transaction, as in one command), reading the tables rows
			// were inserted into after each
			// after an upgrade read this way, and no rows written since, the readings go on from its own: a later
			// upgrade's failed assertion can still name a revision applied by an earlier one
			List<Reading> readings = new ArrayList<>(this.readings);
			if (readings.isEmpty()) {
				readings.add(new Reading(String.join(", ", this.tester.migrations().current()), readInserted()));
			}
			for (String revision : plan) {
				this.tester.upgrade(revision, () -> "upgrade to " + target + " " + String.join(", ", this.story)
						+ ", at revision " + this.tester.describe(revision));
				readings.add(new Reading(revision, readInserted()));
			}
			this.readings = readings;
		}
		this.story.add("upgraded to " + target + " (" + String.join(", ", this.tester.migrations().current()) + ")");
		return this;
	}

	/** Downgrades to a target ({@code base}, a revision id, {@code -1}, ...). */
	public DataStep downgradeTo(String target) {
		this.readings = List.of();
		this.tester.downgrade(target, () -> "downgrade to " + target + " " + String.join(", ", this.story));
		this.story.add("downgraded to " + target + " (" + String.join(", ", this.tester.migrations().current()) + ")");
		return this;
	}

	/**
	 * The table holds exactly these rows, in any order, looking only at the columns the expected rows name:
	 * an enum change that lost a label, or a backfill that missed rows, shows here. Tables and columns are
	 * named as stored (see the class description).
	 */
	public DataStep assertRows(String table, Row... expected) {
		Set<String> columns = new LinkedHashSet<>();
		for (Row row : expected) {
			columns.addAll(row.values().keySet());
		}
		boolean stored = columns.isEmpty();
		if (stored) {
			// no row expected: every column of what the table holds is shown
			columns.addAll(columnsOf(table));
		}
		Map<String, String> types = new LinkedHashMap<>();
		List<Map<String, String>> actual = selectAsCompared(table, columns, stored, types);
		List<Map<String, String>> wanted = new ArrayList<>();
		for (Row row : expected) {
			wanted.add(asTheServerCompares(row.comparable(columns), types));
		}
		List<Map<String, String>> missing = new ArrayList<>(wanted);
		List<Map<String, String>> unexpected = new ArrayList<>();
		for (Map<String, String> row : actual) {
			if (!missing.remove(row)) {
				unexpected.add(row);
			}
		}
		if (!missing.isEmpty() || !unexpected.isEmpty()) {
			StringBuilder message = new StringBuilder("Table " + table + " does not hold the rows expected "
					+ String.join(", ", this.story) + ":");
			if (!missing.isEmpty()) {
				message.append("\n  missing: ").append(Row.shown(missing));
			}
			if (!unexpected.isEmpty()) {
				message.append("\n  not expected: ").append(Row.shown(unexpected));
			}
			String changedBy = changedBy(table, columns, wanted);
			if (changedBy != null) {
				message.append("\n  ").append(changedBy);
			}
			message.append("\n  expected: ").append(Row.shown(wanted)).append("\n  actual: ").append(Row.shown(actual));
			throw new AssertionFailedError(message.toString(), Row.shown(wanted), Row.shown(actual));
		}
		return this;
	}

	// the revisions an upgrade to the target applies, in order; null when it is not one revision or the head
	private List<String> plan(String target) {
		var migrations = this.tester.migrations();
		List<String> ends;
		if (target.equals("head") || target.equals("heads")) {
			ends = migrations.graph().heads();
		}
		else {
			try {
				// an id or prefix, label@head, <rev>+N: the revisions it names, whatever the database holds
				ends = new TargetResolver(migrations.graph()).resolve(target);
			}
			catch (RuntimeException ex) {
				// +N, or a target in error: run as given, without naming the revision that changed the rows
				return null;
			}
		}
		if (ends.size() != 1 && !target.equals("heads")) {
			return null;
		}
		Set<String> needed = new java.util.HashSet<>();
		for (String end : ends) {
			needed.addAll(migrations.graph().ancestors(end));
		}
		return migrations.status().pending().stream().filter(needed::contains).toList();
	}

	private Map<String, List<Map<String, String>>> readInserted() {
		Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
		for (String table : this.inserted) {
			List<String> columns = existingColumns(table);
			// null: the table is not there at this revision
			tables.put(table, (columns == null) ? null : selectAsCompared(table, new LinkedHashSet<>(columns), true));
		}
		return tables;
	}

	// the table's columns, null when it is not there at this revision
	private List<String> existingColumns(String table) {
		try {
			return readColumns(table);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private List<String> readColumns(String table) throws SQLException {
		try (Connection connection = connection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + tableName(table) + " WHERE 1 = 0")) {
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				names.add(rs.getMetaData().getColumnLabel(i));
			}
			return names;
		}
	}

	/**
	 * After the last upgrade, the revision from which the rows differ from the expected ones, compared in the
	 * expected columns that exist at each revision; null when it cannot be told.
	 */
	private String changedBy(String table, Set<String> columns, List<Map<String, String>> wanted) {
		String read = tableName(table);
		if (this.readings.isEmpty() || !this.readings.get(0).tables().containsKey(read)) {
			return null;
		}
		// per reading: true as expected, false not, null when none of the expected columns exist
		List<Boolean> states = new ArrayList<>();
		for (Reading reading : this.readings) {
			states.add(matches(reading.tables().get(read), columns, wanted));
		}
		int last = states.size() - 1;
		if (!Boolean.FALSE.equals(states.get(last))) {
			return null;
		}
		// the start of the last run of readings that differ
		int from = last;
		while (from > 0 && Boolean.FALSE.equals(states.get(from - 1))) {
			from--;
		}
		if (from == 0) {
			return "the rows already differed at " + describeAll(this.readings.get(0).revision())
					+ ", before the revisions applied since; " + lastChange(read, columns);
		}
		String revision = this.tester.describe(this.readings.get(from).revision());
		List<Map<String, String>> there = this.readings.get(from).tables().get(read);
		return "changed by revision " + revision + ": "
				+ (Boolean.TRUE.equals(states.get(from - 1)) ? "the rows were as expected before it and are not after it"
						: "the expected columns first exist after it, without the expected rows")
				+ ((there != null) ? " (after it, " + table + " held " + Row.shown(there) + ")" : "") + ".";
	}

	// the revisions (ids separated by commas) described, or base
	private String describeAll(String revisions) {
		if (revisions.isEmpty()) {
			return "base";
		}
		List<String> described = new ArrayList<>();
		for (String revision : revisions.split(", ")) {
			described.add(this.tester.describe(revision));
		}
		return String.join(", ", described);
	}

	/**
	 * Which revision applied since the first reading last changed the table's rows in the expected columns, the
	 * one that produced the rows compared; or that none did.
	 */
	private String lastChange(String read, Set<String> columns) {
		for (int i = this.readings.size() - 1; i > 0; i--) {
			List<Map<String, String>> after = projected(this.readings.get(i).tables().get(read), columns);
			List<Map<String, String>> before = projected(this.readings.get(i - 1).tables().get(read), columns);
			if (!java.util.Objects.equals(after, before)) {
				return "they were last changed by revision " + this.tester.describe(this.readings.get(i).revision())
						+ ", which left them as they are (after it, " + read + " held "
						+ Row.shown(this.readings.get(i).tables().get(read)) + ").";
			}
		}
		return "no revision applied since changed them in the expected columns.";
	}

	// rows in the expected columns present, as a multiset (sorted by their text); null when the table is not there
	private static List<Map<String, String>> projected(List<Map<String, String>> rows, Set<String> columns) {
		if (rows == null) {
			return null;
		}
		List<Map<String, String>> result = new ArrayList<>();
		for (Map<String, String> row : rows) {
			Map<String, String> projected = new LinkedHashMap<>();
			for (String column : columns) {
				String label = labelOf(row, column);
				if (label != null) {
					projected.put(column, row.get(label));
				}
			}
			result.add(projected);
		}
		result.sort(java.util.Comparator.comparing(Object::toString));
		return result;
	}

	private static Boolean matches(List<Map<String, String>> rows, Set<String> columns, List<Map<String, String>> wanted) {
		if (rows == null) {
			return null;
		}
		Set<String> present = new LinkedHashSet<>();
		if (!rows.isEmpty()) {
			for (String column : columns) {
				if (labelOf(rows.get(0), column) != null) {
					present.add(column);
				}
			}
			if (present.isEmpty()) {
				return null;
			}
		}
		else {
			present.addAll(columns);
		}
		List<Map<String, String>> missing = new ArrayList<>();
		for (Map<String, String> row : wanted) {
			Map<String, String> projected = new LinkedHashMap<>();
			present.forEach((column) -> projected.put(column, row.get(column)));
			missing.add(projected);
		}
		if (missing.size() != rows.size()) {
			return false;
		}
		for (Map<String, String> row : rows) {
			Map<String, String> projected = new LinkedHashMap<>();
			present.forEach((column) -> projected.put(column, row.get(labelOf(row, column))));
			if (!missing.remove(projected)) {
				return false;
			}
		}
		return true;
	}

	// the label a column named by the test has in rows read by stored names: the same name, else (MariaDB's
	// column names are not case sensitive) the one name equal to it ignoring case
	private static String labelOf(Map<String, String> row, String column) {
		String name = storedName(column);
		if (row.containsKey(name)) {
			return name;
		}
		String found = null;
		for (String label : row.keySet()) {
			if (label.equalsIgnoreCase(name)) {
				if (found != null) {
					return null;
				}
				found = label;
			}
		}
		return found;
	}

	private List<String> columnsOf(String table) {
		try {
			return readColumns(table);
		}
		catch (SQLException ex) {
			throw new AssertionFailedError("Could not read the columns of " + table + " " + String.join(", ", this.story)
					+ ": " + ex.getMessage() + namedAsStored(ex), ex);
		}
	}

	/**
	 * Values of the columns whose type the server compares otherwise than by their text, as the server prints
	 * them in a canonical form: JSON of a json or jsonb column as jsonb prints it (on MariaDB, as
	 * {@code JSON_COMPACT} does), so {@code {"a":1}} equals {@code {"a": 1}}; an interval justified as
	 * {@code justify_interval} prints it, so {@code 1 day} equals {@code 24 hours} and {@code PT24H}, as PostgreSQL's
	 * {@code =} on intervals has them; a {@code character(n)} without its padding, so {@code ab} equals
	 * {@code ab   }; a time with time zone as the server prints it, so {@code OffsetTime} 10:00+05:30 equals
	 * {@code 10:00:00+05:30}.
	 */
	private Map<String, String> asTheServerCompares(Map<String, String> row, Map<String, String> types) {
		if (types.isEmpty()) {
			return row;
		}
		Map<String, String> result = new LinkedHashMap<>(row);
		boolean mariadb = this.tester.migrations().dialect().name().equals("mariadb");
		try (Connection connection = connection()) {
			for (Map.Entry<String, String> column : types.entrySet()) {
				String value = result.get(column.getKey());
				if (value == null) {
					continue;
				}
				if (column.getValue().equals("bpchar")) {
					// character(n): its padding is no part of the value for PostgreSQL's =
					result.put(column.getKey(), withoutPadding(value));
					continue;
				}
				// MariaDB's JSON is text checked by json_valid: compacted, as written otherwise (null when not JSON)
				String sql = switch (column.getValue()) {
					case "interval" -> "SELECT CAST(justify_interval(CAST(? AS interval)) AS text)";
					case "timetz" -> "SELECT CAST(CAST(? AS timetz) AS text)";
					default -> mariadb ? "SELECT JSON_COMPACT(?)" : "SELECT CAST(CAST(? AS jsonb) AS text)";
				};
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					statement.setString(1, value);
					try (ResultSet rs = statement.executeQuery()) {
						rs.next();
						if (rs.getString(1) != null) {
							result.put(column.getKey(), rs.getString(1));
						}
					}
				}
				catch (SQLException ex) {
					// not a value the server reads as that type: compared as written, and shown as missing
				}
			}
		}
		catch (SQLException ex) {
			// no connection: compared as written
		}
		return result;
	}

	/** The table's rows, as column name (as stored) to value, for assertions of the test's own. */
	public List<Map<String, Object>> rows(String table) {
		List<Map<String, Object>> rows = new ArrayList<>();
		String sql = "SELECT * FROM " + tableName(table);
		try (Connection connection = connection();
				Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.put(meta.getColumnLabel(i), rs.getObject(i));
				}
				rows.add(row);
			}
		}
		catch (SQLException ex) {
			throw new AssertionFailedError("Could not read " + table + " " + String.join(", ", this.story) + ": "
					+ ex.getMessage() + namedAsStored(ex), ex);
		}
		return rows;
	}

	private List<Map<String, String>> selectAsCompared(String table, Set<String> columns, boolean stored) {
		return selectAsCompared(table, columns, stored, new LinkedHashMap<>());
	}

	// as select, json (which keeps the text as written) read as jsonb prints it and intervals justified, as the
	// expected values are
	private List<Map<String, String>> selectAsCompared(String table, Set<String> columns, boolean stored,
			Map<String, String> types) {
		List<Map<String, String>> rows = select(table, columns, stored, types);
		if (types.containsValue("json") || types.containsValue("interval")) {
			Map<String, String> recast = new LinkedHashMap<>(types);
			// jsonb is read as the server prints it already
			recast.values().removeIf("jsonb"::equals);
			rows.replaceAll((row) -> asTheServerCompares(row, recast));
		}
		return rows;
	}

	// the columns named by the test, or as read from the catalog (stored), keyed by those names
	private List<Map<String, String>> select(String table, Set<String> columns, boolean stored,
			Map<String, String> types) {
		StringBuilder sql = new StringBuilder("SELECT ");
		int i = 0;
		for (String column : columns) {
			sql.append((i++ > 0) ? ", " : "")
				.append(stored ? this.tester.migrations().dialect().quoteIfNeeded(column) : columnName(column));
		}
		sql.append(" FROM ").append(tableName(table));
		List<Map<String, String>> rows = new ArrayList<>();
		try (Connection connection = connection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql.toString())) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				Map<String, String> row = new LinkedHashMap<>();
				int index = 1;
				for (String column : columns) {
					String type = meta.getColumnTypeName(index);
					if ("jsonb".equalsIgnoreCase(type) || "json".equalsIgnoreCase(type) || "interval".equalsIgnoreCase(type)
							|| "bpchar".equalsIgnoreCase(type) || "timetz".equalsIgnoreCase(type)) {
						types.put(column, type.toLowerCase(java.util.Locale.ROOT));
					}
					row.put(column, Row.normalise(read(rs, index++, type)));
				}
				rows.add(row);
			}
		}
		catch (SQLException ex) {
			throw new AssertionFailedError("Could not read " + columns + " of " + table + " "
					+ String.join(", ", this.story) + ": " + ex.getMessage() + namedAsStored(ex), ex);
		}
		return rows;
	}

	/**
	 * A connection whose unqualified names are those of the schema the revisions run in (the configured
	 * schema, when there is one), as the revisions' own statements see them.
	 */
	private Connection connection() throws SQLException {
		Connection connection = this.tester.migrations().dataSource().getConnection();
		String schema = this.tester.migrations().schema();
		if (schema != null) {
			try {
				if (this.tester.migrations().dialect().name().equals("mariadb")) {
					connection.setCatalog(schema);
				}
				else {
					connection.setSchema(schema);
				}
			}
			catch (SQLException ex) {
				connection.close();
				throw ex;
			}
		}
		return connection;
	}

	/**
	 * A list or array of strings or enum constants (and nulls) as a PostgreSQL array literal, {@code {"ok","sad"}};
	 * null for any other value.
	 */
	private static String textArray(Object value) {
		List<?> elements;
		if (value instanceof java.util.Collection<?> collection) {
			elements = new ArrayList<>(collection);
		}
		else if (value instanceof Object[] array) {
			elements = java.util.Arrays.asList(array);
		}
		else {
			return null;
		}
		StringBuilder literal = new StringBuilder("{");
		for (Object element : elements) {
			if (element != null && !(element instanceof String) && !(element instanceof Enum<?>)) {
				return null;
			}
			literal.append((literal.length() > 1) ? "," : "");
			if (element == null) {
				literal.append("NULL");
			}
			else {
				String text = Row.normalise(element);
				literal.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
			}
		}
		return literal.append('}').toString();
	}

	/** A value as this driver takes it: an {@link Instant} as the UTC date-time it stands for. */
	private static Object bindable(Object value) {
		if (value instanceof java.util.Collection<?> collection) {
			// a list for an array column: an array of its elements' class, which the driver can type
			Class<?> type = collection.stream().filter(java.util.Objects::nonNull).findFirst().<Class<?>>map(Object::getClass)
				.orElse(String.class);
			Object array = java.lang.reflect.Array.newInstance(type, collection.size());
			int i = 0;
			for (Object element : collection) {
				java.lang.reflect.Array.set(array, i++, element);
			}
			return array;
		}
		return (value instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : value;
	}

	/**
	 * A column's value read as the {@code java.time} type of its SQL type, so that it compares with the value a
	 * test gives whatever the JVM's time zone: a timestamp with time zone as the instant, one without as the
	 * local date-time, a date, a time.
	 */
	private static Object read(ResultSet rs, int index, String typeName) throws SQLException {
		String type = (typeName != null) ? typeName.toLowerCase(java.util.Locale.ROOT) : "";
		if (type.equals("timestamptz") || type.equals("timestamp with time zone")) {
			return rs.getObject(index, OffsetDateTime.class);
		}
		if (type.equals("timestamp") || type.equals("datetime")) {
			return rs.getObject(index, LocalDateTime.class);
		}
		if (type.equals("year")) {
			// MariaDB's driver reads a YEAR as the first day of that year
			int year = rs.getInt(index);
			return rs.wasNull() ? null : year;
		}
		if (type.equals("date")) {
			return rs.getObject(index, LocalDate.class);
		}
		if (type.equals("time")) {
			return rs.getObject(index, LocalTime.class);
		}
		if (type.equals("bpchar")) {
			String value = rs.getString(index);
			return (value != null) ? withoutPadding(value) : null;
		}
		if (type.equals("timetz")) {
			// as the server prints it, with its own offset (the driver's Time would be in the JVM's zone)
			return rs.getString(index);
		}
		if (type.equals("interval")) {
			// as the server prints it (the driver's PGInterval prints every field), justified before comparing
			return rs.getString(index);
		}
		Object value = rs.getObject(index);
		if (value instanceof java.sql.Blob blob) {
			try {
				return blob.getBytes(1, (int) blob.length());
			}
			finally {
				blob.free();
			}
		}
		if (value instanceof java.sql.Array array) {
			try {
				return array.getArray();
			}
			finally {
				array.free();
			}
		}
		return value;
	}

	// a character(n) value without the spaces that pad it
	private static String withoutPadding(String value) {
		int end = value.length();
		while (end > 0 && value.charAt(end - 1) == ' ') {
			end--;
		}
		return value.substring(0, end);
	}

	// a table named by the test, as SQL: schema and table each quoted as the database needs
	private String tableName(String table) {
		List<String> parts = storedParts(table);
		if (parts.size() > 2) {
			throw notAName(table);
		}
		StringBuilder sql = new StringBuilder();
		for (String part : parts) {
			sql.append(sql.isEmpty() ? "" : ".").append(this.tester.migrations().dialect().quoteIfNeeded(part));
		}
		return sql.toString();
	}

	// a column named by the test, as SQL
	private String columnName(String column) {
		return this.tester.migrations().dialect().quoteIfNeeded(storedName(column));
	}

	// the stored name of a column named by the test: User_id for User_id or "User_id"
	private static String storedName(String column) {
		List<String> parts = storedParts(column);
		if (parts.size() != 1) {
			throw notAName(column);
		}
		return parts.get(0);
	}

	/**
	 * The parts of a name as written by a test, separated by dots, as stored: a part as written, or quoted as in
	 * SQL ({@code "User_id"}, {@code `User_id`}, a quote inside doubled) for the name between the quotes.
	 */
	static List<String> storedParts(String name) {
		List<String> parts = new ArrayList<>();
		int i = 0;
		int length = name.length();
		while (true) {
			StringBuilder part = new StringBuilder();
			char first = (i < length) ? name.charAt(i) : '.';
			if (first == '"' || first == '`') {
				boolean closed = false;
				i++;
				while (i < length && !closed) {
					char c = name.charAt(i++);
					if (c != first) {
						part.append(c);
					}
					else if (i < length && name.charAt(i) == first) {
						part.append(first);
						i++;
					}
					else {
						closed = true;
					}
				}
				if (!closed) {
					throw notAName(name);
				}
			}
			else {
				while (i < length && name.charAt(i) != '.') {
					char c = name.charAt(i++);
					if (c == '"' || c == '`') {
						throw notAName(name);
					}
					part.append(c);
				}
			}
			if (part.isEmpty()) {
				throw notAName(name);
			}
			parts.add(part.toString());
			if (i == length) {
				return parts;
			}
			if (name.charAt(i++) != '.') {
				throw notAName(name);
			}
		}
	}

	// for a table or column the database does not know (PostgreSQL's and MariaDB's SQL states): how to name one
	private static String namedAsStored(SQLException ex) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		return switch (state) {
			case "42P01", "42703", "42S02", "42S22" -> " (tables and columns are named as the database stores them, "
					+ "e.g. deal for a table created unquoted as Deal on PostgreSQL, User_id for a column created as "
					+ "\"User_id\")";
			default -> "";
		};
	}

	private static IllegalArgumentException notAName(String name) {
		return new IllegalArgumentException("'" + name + "' is not a table or column name: name a table or column as "
				+ "the database stores it (user, User_id, app.deal), or quoted as in SQL (\"User_id\").");
	}

}
