package dev.migrations.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.dialect.PostgresLockTable;

/**
 * The entities' DDL cut into parts that each fit in the server's lock table, for
 * {@link PostgresScratchSchema#materializeInParts}.
 * <p>
 * A transaction holds a lock on every relation it creates (the table, its TOAST table and that
 * table's index, each index, the identity sequence) and on a few catalog objects, until it ends:
 * about ten per table. The server's lock table is shared by all sessions and sized
 * {@code max_locks_per_transaction × (max_connections + a few)}: 7,808 entries on a server with the
 * defaults, which a single transaction fills with about 1,150 tables (measured), failing its own DDL
 * and every other session's with {@code out of shared memory} while it lasts.
 * <p>
 * A part is one table's statements for each of its tables, in Hibernate's order, plus what they
 * need: every statement of no table (enum types, their casts), the {@code create table} (and unique
 * keys) of each table a foreign key of the part references that is in another part (created, not
 * read), and the stand-alone sequences a default of the part calls. Each stand-alone sequence
 * belongs to one part. Weights are {@link PostgresLockTable}'s.
 */
final class ScratchParts {

	private static final Pattern NEXTVAL = Pattern.compile("(?i)nextval\\s*\\(\\s*'([^']+)'");

	private ScratchParts() {
	}

	/**
	 * One part of the DDL.
	 * @param statements the statements to run, in Hibernate's order
	 * @param numbers each statement's 1-based position in the whole DDL
	 * @param tables the tables the part is for, in catalog spelling; the others it creates (referenced
	 * by its foreign keys) are there only to be referenced
	 */
	record Part(List<String> statements, List<Integer> numbers, Set<String> tables) {

		Part {
			statements = List.copyOf(statements);
			numbers = List.copyOf(numbers);
			tables = Set.copyOf(tables);
		}

	}

	/**
	 * Cuts the DDL into parts of at most {@code maxWeight} (a part of one table may weigh more).
	 * @param statements the DDL, schema qualifiers removed
	 * @param maxWeight the most a part may weigh
	 * @return the parts, or an empty list when a statement is of a shape this does not read (the DDL
	 * then runs whole)
	 */
	static List<Part> split(List<String> statements, int maxWeight) {
		List<Statement> read = new ArrayList<>(statements.size());
		for (String sql : statements) {
			Statement statement = Statement.read(sql);
			if (statement == null) {
				return List.of();
			}
			read.add(statement);
		}
		return new Splitter(statements, read).split(maxWeight);
	}

	/** One cut of one DDL. */
	private static final class Splitter {

		private final List<String> sql;

		private final List<Statement> statements;

		// a table's statements, by table in the order of their first statement
		private final Map<String, List<Integer>> byTable = new LinkedHashMap<>();

		private final Map<String, Integer> createStatements = new HashMap<>();

		private final Map<String, Integer> sequenceStatements = new HashMap<>();

		// statements of no table and no sequence: in every part
		private final List<Integer> shared = new ArrayList<>();

		// tables (String) and stand-alone sequences (Integer, the statement), in order
		private final List<Object> units = new ArrayList<>();

		Splitter(List<String> sql, List<Statement> statements) {
			this.sql = sql;
			this.statements = statements;
		}

		List<Part> split(int maxWeight) {
			for (int i = 0; i < this.statements.size(); i++) {
				Statement statement = this.statements.get(i);
				if (statement.creates()) {
					this.createStatements.putIfAbsent(statement.table(), i);
				}
				if (statement.sequence() != null) {
					this.sequenceStatements.putIfAbsent(statement.sequence(), i);
				}
			}
			for (int i = 0; i < this.statements.size(); i++) {
				Statement statement = this.statements.get(i);
				if (statement.table() != null) {
					if (!this.createStatements.containsKey(statement.table())) {
						// about a table the DDL does not create: run whole, where it fails as it would anyway
						return List.of();
					}
					this.byTable.computeIfAbsent(statement.table(), (table) -> {
						this.units.add(table);
						return new ArrayList<>();
					}).add(i);
				}
				else if (statement.sequence() != null) {
					this.units.add(i);
				}
				else {
					this.shared.add(i);
				}
			}
			List<Part> parts = new ArrayList<>();
			Builder part = new Builder();
			for (Object unit : this.units) {
				Builder next = part.copy();
				next.add(unit);
				if (next.weight > maxWeight && !part.isEmpty()) {
					parts.add(part.build());
					part = new Builder();
					part.add(unit);
				}
				else {
					part = next;
				}
			}
			if (!part.isEmpty() || parts.isEmpty()) {
				parts.add(part.build());
			}
			return parts;
		}

		private int weight(int statement) {
			return this.statements.get(statement).creates() ? PostgresLockTable.TABLE_WEIGHT : 1;
		}

		// what a table created only to be referenced weighs: its creation and its keys
		private int keyWeight(String table) {
			int weight = 0;
			for (int i : this.byTable.get(table)) {
				if (this.statements.get(i).key()) {
					weight += weight(i);
				}
			}
			return weight;
		}

		/** A part being filled. */
		private final class Builder {

			private final Set<String> tables = new LinkedHashSet<>();

			// tables created only to be referenced
			private final Set<String> referenced = new LinkedHashSet<>();

			private final Set<Integer> sequences = new LinkedHashSet<>();

			private int weight = Splitter.this.shared.size();

			Builder copy() {
				Builder copy = new Builder();
				copy.tables.addAll(this.tables);
				copy.referenced.addAll(this.referenced);
				copy.sequences.addAll(this.sequences);
				copy.weight = this.weight;
				return copy;
			}

			boolean isEmpty() {
				return this.tables.isEmpty() && this.sequences.isEmpty();
			}

			void add(Object unit) {
				if (unit instanceof Integer sequence) {
					addSequence(sequence);
					return;
				}
				String table = (String) unit;
				if (this.referenced.remove(table)) {
					this.weight -= keyWeight(table);
				}
				this.tables.add(table);
				for (int i : Splitter.this.byTable.get(table)) {
					this.weight += weight(i);
					for (String target : Splitter.this.statements.get(i).references()) {
						addReferenced(target);
					}
					Matcher nextval = NEXTVAL.matcher(Splitter.this.sql.get(i));
					while (nextval.find()) {
						Integer sequence = Splitter.this.sequenceStatements.get(Statement.sequenceName(nextval.group(1)));
						if (sequence != null) {
							addSequence(sequence);
						}
					}
				}
			}

			private void addSequence(int statement) {
				if (this.sequences.add(statement)) {
					this.weight++;
				}
			}

			private void addReferenced(String table) {
				Integer create = Splitter.this.createStatements.get(table);
				if (create == null || this.tables.contains(table) || !this.referenced.add(table)) {
					return;
				}
				this.weight += keyWeight(table);
				// a reference written into the create table itself needs its table too
				for (String target : Splitter.this.statements.get(create).references()) {
					addReferenced(target);
				}
			}

			Part build() {
				Set<Integer> chosen = new TreeSet<>(Splitter.this.shared);
				chosen.addAll(this.sequences);
				for (String table : this.tables) {
					chosen.addAll(Splitter.this.byTable.get(table));
				}
				for (String table : this.referenced) {
					for (int i : Splitter.this.byTable.get(table)) {
						if (Splitter.this.statements.get(i).key()) {
							chosen.add(i);
						}
					}
				}
				List<String> selected = new ArrayList<>(chosen.size());
				List<Integer> numbers = new ArrayList<>(chosen.size());
				for (int i : chosen) {
					selected.add(Splitter.this.sql.get(i));
					numbers.add(i + 1);
				}
				return new Part(selected, numbers, this.tables);
			}

		}

	}

	/**
	 * What a statement of Hibernate's DDL is about.
	 * @param table the table it creates or changes, {@code null} for none
	 * @param creates whether it is that table's {@code create table}
	 * @param key whether a foreign key to the table may need it: the {@code create table}, a unique
	 * key, any change of the table that references no other
	 * @param sequence the stand-alone sequence it creates, {@code null} for none
	 * @param references the tables its foreign keys reference
	 */
	record Statement(String table, boolean creates, boolean key, String sequence, Set<String> references) {

		/** @return what the statement is about, or {@code null} when it is not a shape read here */
		static Statement read(String sql) {
			List<Token> tokens = Token.read(sql);
			Set<String> references = new LinkedHashSet<>();
			for (int i = 0; i < tokens.size(); i++) {
				if (tokens.get(i).is("references")) {
					String referenced = name(tokens, i + 1);
					if (referenced == null) {
						return null;
					}
					references.add(referenced);
				}
			}
			if (tokens.size() < 3) {
				return new Statement(null, false, false, null, references);
			}
			if (tokens.get(0).is("create") && tokens.get(1).is("table")) {
				return table(tokens, skip(tokens, 2, "if", "not", "exists"), true, true, references);
			}
			if (tokens.get(0).is("alter") && tokens.get(1).is("table")) {
				int at = skip(tokens, skip(tokens, 2, "if", "exists"), "only");
				return table(tokens, at, false, references.isEmpty(), references);
			}
			if (tokens.get(0).is("create") && (tokens.get(1).is("index") || tokens.get(1).is("unique"))) {
				int on = 1;
				while (on < tokens.size() && !tokens.get(on).is("on")) {
					if (tokens.get(on).is("(")) {
						return null;
					}
					on++;
				}
				return table(tokens, skip(tokens, on + 1, "only"), false, tokens.get(1).is("unique"), references);
			}
			if (tokens.get(0).is("comment") && tokens.get(1).is("on")
					&& (tokens.get(2).is("table") || tokens.get(2).is("column"))) {
				// a column's comment names it table.column
				String table = (tokens.size() > 3) ? tokens.get(3).name() : null;
				return (table != null) ? new Statement(table, false, false, null, references) : null;
			}
			if (tokens.get(0).is("create") && tokens.get(1).is("sequence")) {
				String sequence = name(tokens, skip(tokens, 2, "if", "not", "exists"));
				return (sequence != null) ? new Statement(null, false, false, sequence, references) : null;
			}
			if (tokens.get(0).is("create") && (tokens.get(1).is("type") || tokens.get(1).is("cast"))) {
				return new Statement(null, false, false, null, references);
			}
			// any other shape: which tables it needs is not known
			return null;
		}

		private static Statement table(List<Token> tokens, int i, boolean creates, boolean key,
				Set<String> references) {
			String table = name(tokens, i);
			return (table != null) ? new Statement(table, creates, key, null, references) : null;
		}

		// an unqualified name at i; null when absent or qualified
		private static String name(List<Token> tokens, int i) {
			if (i >= tokens.size() || tokens.get(i).name() == null) {
				return null;
			}
			if (i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
				return null;
			}
			return tokens.get(i).name();
		}

		private static int skip(List<Token> tokens, int i, String... words) {
			int at = i;
			for (String word : words) {
				if (at < tokens.size() && tokens.get(at).is(word)) {
					at++;
				}
				else {
					return i;
				}
			}
			return at;
		}

		// nextval's argument as a catalog name: 'seq', 'seq'::regclass, '"Seq"'
		static String sequenceName(String text) {
			List<Token> tokens = Token.read(text);
			return (tokens.size() == 1) ? tokens.get(0).name() : null;
		}

	}

	/**
	 * A word (unquoted, lower-cased), a quoted identifier or a punctuation character; string literals
	 * are skipped.
	 * @param text the text
	 * @param quoted whether it was a quoted identifier
	 */
	record Token(String text, boolean quoted) {

		boolean is(String word) {
			return !this.quoted && this.text.equals(word);
		}

		// the identifier in catalog spelling, null for punctuation
		String name() {
			if (this.quoted) {
				return this.text;
			}
			char first = this.text.charAt(0);
			return (Character.isLetter(first) || first == '_') ? this.text : null;
		}

		static List<Token> read(String sql) {
			List<Token> tokens = new ArrayList<>();
			int i = 0;
			int length = sql.length();
			while (i < length) {
				char c = sql.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (c == '\'' || c == '"') {
					StringBuilder text = new StringBuilder();
					int j = i + 1;
					while (j < length) {
						if (sql.charAt(j) == c) {
							if (j + 1 < length && sql.charAt(j + 1) == c) {
								text.append(c);
								j += 2;
								continue;
							}
							break;
						}
						text.append(sql.charAt(j));
						j++;
					}
					if (c == '"') {
						tokens.add(new Token(text.toString(), true));
					}
					i = j + 1;
				}
				else if (Character.isLetterOrDigit(c) || c == '_') {
					int j = i;
					while (j < length && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
							|| sql.charAt(j) == '$')) {
						j++;
					}
					tokens.add(new Token(sql.substring(i, j).toLowerCase(Locale.ROOT), false));
					i = j;
				}
				else {
					tokens.add(new Token(String.valueOf(c), false));
					i++;
				}
			}
			return tokens;
		}

	}

}
