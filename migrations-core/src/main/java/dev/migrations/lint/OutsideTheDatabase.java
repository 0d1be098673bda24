package dev.migrations.lint;

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
public final class OutsideTheDatabase {

	/**
	 * What a statement does outside its database.
	 *
	 * @param what the statement's command and what it changes, as a message says it
	 * @param rolledBack whether the server undoes it when the statement's transaction rolls back
	 */
	public record Reach(String what, boolean rolledBack) {
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
	public static Reach of(String sql) {
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

	/** Reads the statement's words with {@link SqlLexer}, and those of its string constants and dollar bodies. */
	private static void read(String sql, List<Word> words, boolean prose) {
		List<Token> tokens = SqlLexer.tokens(sql);
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			switch (token.kind()) {
				case WORD -> words.add(new Word(token.value(), prose,
						i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")));
				case QUOTED -> words.add(new Word("\"", prose, false));
				case STRING -> {
					words.add(new Word("'", prose, false));
					read(stringContent(token.text()), words, true);
				}
				case DOLLAR -> {
					String text = token.text();
					int tag = text.indexOf('$', 1) + 1;
					read(text.substring(tag, Math.max(tag, text.length() - tag)), words, prose);
				}
				case SYMBOL -> {
					if (token.isSymbol(";")) {
						words.add(new Word(";", prose, false));
					}
				}
				default -> {
				}
			}
		}
	}

	/** What a string constant ({@code '...'}, {@code E'...'}) holds, {@code ''} undoubled. */
	private static String stringContent(String text) {
		int open = text.indexOf('\'');
		int close = text.endsWith("'") && text.length() > open + 1 ? text.length() - 1 : text.length();
		return text.substring(open + 1, close).replace("''", "'");
	}

}
