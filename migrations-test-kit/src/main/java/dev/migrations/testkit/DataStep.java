package dev.migrations.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.opentest4j.AssertionFailedError;

/**
 * A data test under way: rows written at one revision, revisions applied, rows expected afterwards. Obtained
 * from {@link MigrationsTester#at(String)}; each method returns this step, so a test reads as one sentence.
 */
public final class DataStep {

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

	private final MigrationsTester tester;

	private final List<String> story = new ArrayList<>();

	DataStep(MigrationsTester tester, String revision) {
		this.tester = tester;
		this.story.add("at " + tester.describe(revision));
	}

	/**
	 * Inserts rows into a table. On PostgreSQL, strings are sent untyped, so they fill enum, JSON and other
	 * typed columns as a literal in SQL would.
	 * @param table the table, as written in SQL
	 */
	public DataStep insert(String table, Row... rows) {
		for (Row row : rows) {
			List<String> columns = new ArrayList<>(row.values().keySet());
			StringBuilder sql = new StringBuilder("INSERT INTO ").append(checkedName(table)).append(" (");
			for (int i = 0; i < columns.size(); i++) {
				sql.append((i > 0) ? ", " : "").append(checkedName(columns.get(i)));
			}
			sql.append(") VALUES (").append("?, ".repeat(Math.max(0, columns.size() - 1)))
				.append(columns.isEmpty() ? "" : "?").append(')');
			try (Connection connection = this.tester.migrations().dataSource().getConnection();
					PreparedStatement statement = connection.prepareStatement(sql.toString())) {
				boolean postgres = this.tester.migrations().dialect().name().equals("postgresql");
				for (int i = 0; i < columns.size(); i++) {
					Object value = row.values().get(columns.get(i));
					if (postgres && (value instanceof String || value instanceof Enum<?>)) {
						statement.setObject(i + 1, Row.normalise(value), Types.OTHER);
					}
					else {
						statement.setObject(i + 1, value);
					}
				}
				statement.executeUpdate();
			}
			catch (SQLException ex) {
				throw new AssertionFailedError("Could not insert " + row + " into " + checkedName(table) + " "
						+ String.join(", ", this.story) + ": " + ex.getMessage(), ex);
			}
		}
		this.story.add("inserted into " + table);
		return this;
	}

	/** Runs SQL of the test's own, e.g. an {@code UPDATE} setting up a case the inserts cannot. */
	public DataStep execute(String sql) {
		try (Connection connection = this.tester.migrations().dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new AssertionFailedError("Could not run " + sql + " " + String.join(", ", this.story) + ": "
					+ ex.getMessage(), ex);
		}
		return this;
	}

	/** Upgrades to a target ({@code head}, a revision id, {@code +1}, ...). */
	public DataStep upgradeTo(String target) {
		this.tester.upgrade(target, () -> "upgrade to " + target + " " + String.join(", ", this.story));
		this.story.add("upgraded to " + target + " (" + String.join(", ", this.tester.migrations().current()) + ")");
		return this;
	}

	/** Downgrades to a target ({@code base}, a revision id, {@code -1}, ...). */
	public DataStep downgradeTo(String target) {
		this.tester.downgrade(target, () -> "downgrade to " + target + " " + String.join(", ", this.story));
		this.story.add("downgraded to " + target + " (" + String.join(", ", this.tester.migrations().current()) + ")");
		return this;
	}

	/**
	 * The table holds exactly these rows, in any order, looking only at the columns the expected rows name:
	 * an enum change that lost a label, or a backfill that missed rows, shows here.
	 */
	public DataStep assertRows(String table, Row... expected) {
		Set<String> columns = new LinkedHashSet<>();
		for (Row row : expected) {
			columns.addAll(row.values().keySet());
		}
		List<Map<String, String>> wanted = new ArrayList<>();
		for (Row row : expected) {
			wanted.add(row.comparable(columns));
		}
		List<Map<String, String>> actual = select(table, columns);
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
				message.append("\n  missing: ").append(missing);
			}
			if (!unexpected.isEmpty()) {
				message.append("\n  not expected: ").append(unexpected);
			}
			message.append("\n  expected: ").append(wanted).append("\n  actual: ").append(actual);
			throw new AssertionFailedError(message.toString(), wanted.toString(), actual.toString());
		}
		return this;
	}

	/** The table's rows, as column name to value, for assertions of the test's own. */
	public List<Map<String, Object>> rows(String table) {
		List<Map<String, Object>> rows = new ArrayList<>();
		String sql = "SELECT * FROM " + checkedName(table);
		try (Connection connection = this.tester.migrations().dataSource().getConnection();
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
					+ ex.getMessage(), ex);
		}
		return rows;
	}

	private List<Map<String, String>> select(String table, Set<String> columns) {
		StringBuilder sql = new StringBuilder("SELECT ");
		int i = 0;
		for (String column : columns) {
			sql.append((i++ > 0) ? ", " : "").append(checkedName(column));
		}
		sql.append(" FROM ").append(checkedName(table));
		List<Map<String, String>> rows = new ArrayList<>();
		try (Connection connection = this.tester.migrations().dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql.toString())) {
			while (rs.next()) {
				Map<String, String> row = new LinkedHashMap<>();
				int index = 1;
				for (String column : columns) {
					row.put(column, Row.normalise(rs.getObject(index++)));
				}
				rows.add(row);
			}
		}
		catch (SQLException ex) {
			throw new AssertionFailedError("Could not read " + columns + " of " + table + " "
					+ String.join(", ", this.story) + ": " + ex.getMessage(), ex);
		}
		return rows;
	}

	private static String checkedName(String name) {
		if (!PLAIN_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a plain table or column name: "
					+ "use execute(...) with SQL of your own for quoted names.");
		}
		return name;
	}

}
