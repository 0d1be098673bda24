package dev.migrations.rehearse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds what a PostgreSQL statement changes outside the database it runs in, which a rehearsal on a copy
 * of that database would not keep to the copy: roles and role memberships, databases and their settings,
 * tablespaces, comments and security labels on those, the server's configuration ({@code ALTER SYSTEM}),
 * subscriptions, files and programs on the server ({@code COPY ... TO 'file'}, {@code PROGRAM}), and
 * functions acting on other sessions, servers or replication slots ({@code pg_terminate_backend},
 * {@code dblink_exec}...). Statements run through {@code EXECUTE} or in a {@code DO} block are found too:
 * the words of string constants and dollar-quoted bodies are read as well as the statement's own.
 */
final class OutsideTheDatabase {

	/** What the statement does outside the database, and whether the server undoes it when its transaction rolls back. */
	record Reach(String what, boolean rolledBack) {
	}

	private static final Set<String> SHARED_OBJECTS = Set.of("role", "user", "group", "database", "tablespace");

	private static final Set<String> OUTSIDE_FUNCTIONS = Set.of("dblink", "dblink_exec", "dblink_connect",
			"dblink_connect_u", "dblink_send_query", "dblink_open", "pg_terminate_backend", "pg_cancel_backend",
			"pg_reload_conf", "pg_rotate_logfile", "pg_switch_wal", "pg_promote", "pg_create_physical_replication_slot",
			"pg_create_logical_replication_slot", "pg_drop_replication_slot", "pg_copy_physical_replication_slot",
			"pg_copy_logical_replication_slot", "pg_replication_origin_create", "pg_replication_origin_drop", "lo_export",
			"pg_file_write", "pg_file_rename", "pg_file_unlink", "pg_file_sync");

	private OutsideTheDatabase() {
	}

	/** @return what the statement reaches outside its database, or {@code null} for nothing */
	static Reach of(String sql) {
		List<Word> words = new ArrayList<>();
		read(sql, words, false);
		for (int i = 0; i < words.size(); i++) {
			Word word = words.get(i);
			String next = text(words, i + 1);
			switch (word.text) {
				case "create", "alter", "drop" -> {
					if (SHARED_OBJECTS.contains(next) && !(next.equals("user") && text(words, i + 2).equals("mapping"))
							&& !(word.text.equals("alter") && next.equals("user") && text(words, i + 2).equals("mapping"))) {
						String object = next.equals("database") ? "a database of the server"
								: next.equals("tablespace") ? "a tablespace of the server"
										: "a role, which every database of the server shares";
						// CREATE and DROP of a database or tablespace cannot run in a transaction; the rest is rolled back
						boolean inTransaction = word.text.equals("alter")
								|| !next.equals("database") && !next.equals("tablespace");
						return new Reach(word.text.toUpperCase(Locale.ROOT) + " " + next.toUpperCase(Locale.ROOT) + " changes "
								+ object, inTransaction);
					}
					if (word.text.equals("drop") && next.equals("owned")) {
						return new Reach("DROP OWNED also revokes privileges on databases and tablespaces", true);
					}
					if (word.text.equals("alter") && next.equals("system")) {
						return new Reach("ALTER SYSTEM changes the server's configuration", false);
					}
					if (next.equals("subscription")) {
						return new Reach(word.text.toUpperCase(Locale.ROOT) + " SUBSCRIPTION works on another server's"
								+ " replication slot", false);
					}
				}
				case "comment" -> {
					if (next.equals("on") && Set.of("database", "role", "tablespace").contains(text(words, i + 2))) {
						return new Reach("COMMENT ON " + text(words, i + 2).toUpperCase(Locale.ROOT) + " changes what every"
								+ " database of the server shares", true);
					}
				}
				case "security" -> {
					if (next.equals("label")) {
						for (int j = i + 2; j < words.size() && j < i + 7; j++) {
							if (words.get(j).text.equals("on") && Set.of("database", "role", "tablespace")
								.contains(text(words, j + 1))) {
								return new Reach("SECURITY LABEL ON " + text(words, j + 1).toUpperCase(Locale.ROOT)
										+ " changes what every database of the server shares", true);
							}
						}
					}
				}
				case "grant", "revoke" -> {
					Reach reach = grant(words, i);
					if (reach != null) {
						return reach;
					}
				}
				case "reassign" -> {
					if (next.equals("owned")) {
						return new Reach("REASSIGN OWNED also changes the owner of databases and tablespaces", true);
					}
				}
				case "copy" -> {
					if (!word.prose) {
						Reach reach = copy(words, i);
						if (reach != null) {
							return reach;
						}
					}
				}
				default -> {
					if (word.call && OUTSIDE_FUNCTIONS.contains(word.text)) {
						return new Reach(word.text + "() acts outside the database", false);
					}
				}
			}
		}
		return null;
	}

	/** A role membership ({@code GRANT r TO u}, no {@code ON}) or privileges on a database or tablespace. */
	private static Reach grant(List<Word> words, int at) {
		if (words.get(at).prose) {
			// in a string constant: too likely prose
			return null;
		}
		for (int j = at + 1; j < words.size() && !words.get(j).text.equals(";"); j++) {
			String text = words.get(j).text;
			if (text.equals("on")) {
				String object = text(words, j + 1);
				if (object.equals("database") || object.equals("tablespace")) {
					return new Reach(words.get(at).text.toUpperCase(Locale.ROOT) + " ON " + object.toUpperCase(Locale.ROOT)
							+ " changes the privileges of " + (object.equals("database") ? "a database" : "a tablespace")
							+ " of the server", true);
				}
				return null;
			}
			if (text.equals("to") || text.equals("from")) {
				return new Reach(words.get(at).text.toUpperCase(Locale.ROOT) + " of a role to a role changes a membership,"
						+ " which every database of the server shares", true);
			}
		}
		return null;
	}

	/** {@code COPY ... TO 'file'} or {@code COPY ... PROGRAM}: the server's file system. */
	private static Reach copy(List<Word> words, int at) {
		for (int j = at + 1; j < words.size() && !words.get(j).text.equals(";"); j++) {
			if (words.get(j).text.equals("program")) {
				return new Reach("COPY ... PROGRAM runs a program on the server", false);
			}
			if (words.get(j).text.equals("to") && j + 1 < words.size() && words.get(j + 1).text.equals("'")) {
				return new Reach("COPY ... TO a file writes on the server's file system", false);
			}
		}
		return null;
	}

	private static String text(List<Word> words, int index) {
		return (index < words.size()) ? words.get(index).text : "";
	}

	/**
	 * A word in lower case; {@code prose} when it comes from a string constant (dollar-quoted bodies are read as
	 * code), {@code call} when an opening parenthesis follows it. A string constant is marked by the word
	 * {@code '} before its own words, a quoted identifier by {@code "}, a semicolon by {@code ;}.
	 */
	private record Word(String text, boolean prose, boolean call) {
	}

	private static void read(String sql, List<Word> words, boolean prose) {
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char ch = sql.charAt(i);
			if (sql.startsWith("--", i)) {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (sql.startsWith("/*", i)) {
				int depth = 1;
				int j = i + 2;
				while (j < length && depth > 0) {
					if (sql.startsWith("/*", j)) {
						depth++;
						j += 2;
					}
					else if (sql.startsWith("*/", j)) {
						depth--;
						j += 2;
					}
					else {
						j++;
					}
				}
				i = j;
			}
			else if (ch == '\'') {
				int j = i + 1;
				StringBuilder text = new StringBuilder();
				while (j < length) {
					char c = sql.charAt(j);
					if (c == '\'' && j + 1 < length && sql.charAt(j + 1) == '\'') {
						text.append('\'');
						j += 2;
					}
					else if (c == '\'') {
						break;
					}
					else if (c == '\\' && j + 1 < length) {
						// an E'' escape, or a plain backslash: either way not the end of the constant
						text.append(c).append(sql.charAt(j + 1));
						j += 2;
					}
					else {
						text.append(c);
						j++;
					}
				}
				words.add(new Word("'", prose, false));
				read(text.toString(), words, true);
				i = Math.min(j + 1, length);
			}
			else if (ch == '"') {
				int end = sql.indexOf('"', i + 1);
				words.add(new Word("\"", prose, false));
				i = (end < 0) ? length : end + 1;
			}
			else if (ch == '$' && dollarTag(sql, i) != null) {
				String tag = dollarTag(sql, i);
				int end = sql.indexOf(tag, i + tag.length());
				int bodyEnd = (end < 0) ? length : end;
				read(sql.substring(i + tag.length(), bodyEnd), words, prose);
				i = (end < 0) ? length : end + tag.length();
			}
			else if (Character.isLetter(ch) || ch == '_') {
				int j = i;
				while (j < length
						&& (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
					j++;
				}
				int k = j;
				while (k < length && Character.isWhitespace(sql.charAt(k))) {
					k++;
				}
				words.add(new Word(sql.substring(i, j).toLowerCase(Locale.ROOT), prose,
						k < length && sql.charAt(k) == '('));
				i = j;
			}
			else {
				if (ch == ';') {
					words.add(new Word(";", prose, false));
				}
				i++;
			}
		}
	}

	/** The dollar-quote tag opening at {@code i} ({@code $$} or {@code $name$}), or {@code null}. */
	private static String dollarTag(String sql, int i) {
		int j = i + 1;
		while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
			j++;
		}
		if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
			return sql.substring(i, j + 1);
		}
		return null;
	}

}
