package dev.migrations.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.migrations.sql.SqlStatement;

/**
 * The session settings a revision changes for the rest of the session ({@code SET search_path},
 * {@code SET ROLE}, {@code SET statement_timeout}, {@code set_config(..., false)}), put back as they
 * were before it once it has run (PostgreSQL): otherwise they would apply to the tool's own
 * version-table statements and to every later revision of the same command, which then lands its
 * tables in another schema or fails for a reason of the revision before it. {@code SET LOCAL} is
 * the revision's own business and ends with its transaction anyway.
 */
final class SessionSettings {

	private static final String READ = "SELECT name, setting FROM pg_catalog.pg_settings WHERE source = 'session'";

	private static final String RESTORE = "SELECT pg_catalog.set_config(?, ?, false)";

	private static final String RESET = "SELECT pg_catalog.set_config(name, reset_val, false) FROM pg_catalog.pg_settings"
			+ " WHERE name = ?";

	private SessionSettings() {
	}

	/** Whether a statement may change a setting beyond its transaction: only then are the settings read around it. */
	static boolean mayChange(List<SqlStatement> statements) {
		for (SqlStatement statement : statements) {
			String text = statement.sql();
			// the statement's start only: a long INSERT is not copied
			String sql = text.substring(0, Math.min(text.length(), 40)).toLowerCase(Locale.ROOT);
			if (sql.startsWith("reset") || sql.startsWith("discard") || containsIgnoringCase(text, "set_config")) {
				return true;
			}
			if (sql.startsWith("set") && sql.length() > 3 && !Character.isLetterOrDigit(sql.charAt(3))) {
				String rest = sql.substring(3).stripLeading();
				if (!rest.startsWith("local") && !rest.startsWith("constraints") && !rest.startsWith("transaction")) {
					return true;
				}
			}
		}
		return false;
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

	private static boolean containsIgnoringCase(String text, String word) {
		for (int i = text.indexOf('_'); i >= 0; i = text.indexOf('_', i + 1)) {
			int start = i - 3;
			if (start >= 0 && text.regionMatches(true, start, word, 0, word.length())) {
				return true;
			}
		}
		return false;
	}

	/** The settings changed in this session, by name. */
	static Map<String, String> read(Connection connection) throws SQLException {
		Map<String, String> settings = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(READ)) {
			while (rs.next()) {
				settings.put(rs.getString(1), rs.getString(2));
			}
		}
		return settings;
	}

	/** Puts back the settings as {@link #read} found them before: changed ones to their value, new ones reset. */
	static void restore(Connection connection, Map<String, String> before) throws SQLException {
		// a revision's own statement_timeout must not cancel the reads that put it back: off until it is put
		// back, last
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET statement_timeout = 0");
		}
		Map<String, String> after = read(connection);
		List<String> names = new ArrayList<>(new TreeSet<>(after.keySet()));
		for (String name : new TreeSet<>(before.keySet())) {
			if (!after.containsKey(name)) {
				names.add(name);
			}
		}
		names.sort((a, b) -> Boolean.compare(a.equals("statement_timeout"), b.equals("statement_timeout")));
		for (String name : names) {
			String was = before.get(name);
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

}
