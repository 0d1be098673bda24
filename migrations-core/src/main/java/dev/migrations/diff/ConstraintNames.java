package dev.migrations.diff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrations.dialect.PostgresIdentifiers;
import dev.migrations.schema.Index;

/**
 * Readable, deterministic names for constraints and indexes whose wanted name is a generated hash
 * (Hibernate's {@code FKev1o...}, {@code UK...}, {@code customerPK}) or absent: {@code pk_<table>},
 * {@code uq_<table>_<cols>}, {@code fk_<table>_<cols>__<reftable>}, {@code ck_<table>_<cols>},
 * {@code ix_<table>_<cols>}. Names longer than PostgreSQL's 63 bytes are cut and end in a short hash
 * of the full name, so two long names stay distinct.
 */
public final class ConstraintNames {

	/** PostgreSQL's identifier limit in bytes ({@code NAMEDATALEN - 1}). */
	public static final int MAX_LENGTH = 63;

	private static final Pattern HASHED = Pattern.compile("(?i)(fk|uk|pk|idx|ix)([0-9a-z]{15,})");

	private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

	/** Words of an expression that are never column names: keywords and operators. */
	private static final Set<String> NOT_COLUMNS = Set.of("and", "or", "not", "null", "is", "true", "false", "any",
			"all", "some", "array", "in", "like", "ilike", "similar", "to", "escape", "between", "case", "when", "then",
			"else", "end", "asc", "desc", "nulls", "first", "last", "collate", "distinct", "isnull", "notnull", "cast",
			"as", "at");

	/**
	 * Words after which a type or a collation follows, not a column: {@code CAST(x AS name)},
	 * {@code created_at AT TIME ZONE 'UTC'}, {@code email COLLATE "C"}.
	 */
	private static final Set<String> TYPE_INTRODUCERS = Set.of("as", "at", "collate");

	/** Later words of multi-word types: {@code character varying}, {@code timestamp without time zone}. */
	private static final Set<String> TYPE_CONTINUATIONS = Set.of("varying", "precision", "without", "with", "time", "zone");

	private ConstraintNames() {
	}

	/**
	 * Whether a wanted name should be replaced by a readable one: absent, a Hibernate hash, or
	 * Hibernate's {@code <table>PK}. Names a user chose, and the server's own
	 * ({@code bulletin_pkey}, {@code bulletin_slug_key}), are kept.
	 * @param name the wanted name, may be {@code null}
	 * @param table the table the constraint belongs to
	 * @return {@code true} to generate a name
	 */
	public static boolean needsReadableName(String name, String table) {
		if (name == null || name.isBlank()) {
			return true;
		}
		var matcher = HASHED.matcher(name);
		if (matcher.matches() && matcher.group(2).chars().anyMatch(Character::isDigit)) {
			return true;
		}
		return name.equalsIgnoreCase(table + "pk");
	}

	public static String primaryKey(String table) {
		return truncate("pk_" + part(table));
	}

	public static String unique(String table, List<String> columns) {
		return truncate("uq_" + part(table) + "_" + parts(columns));
	}

	public static String foreignKey(String table, List<String> columns, String referencedTable) {
		return truncate("fk_" + part(table) + "_" + parts(columns) + "__" + part(referencedTable));
	}

	/**
	 * A check constraint's name from the columns its expression mentions, e.g. {@code ck_offer_price}
	 * for {@code (price > (0)::numeric)}.
	 * @param table the table
	 * @param expression the check expression
	 * @return the name
	 */
	public static String check(String table, String expression) {
		List<String> columns = columnsOf(expression);
		return truncate("ck_" + part(table) + (columns.isEmpty() ? "" : "_" + parts(columns)));
	}

	public static String index(String table, Index index) {
		List<String> columns = new ArrayList<>();
		for (String element : index.elements()) {
			columns.addAll(columnsOf(element));
		}
		List<String> distinct = List.copyOf(new LinkedHashSet<>(columns));
		return truncate("ix_" + part(table) + (distinct.isEmpty() ? "" : "_" + parts(distinct)));
	}

	/**
	 * A name as PostgreSQL stores it: its first {@link #MAX_LENGTH} bytes of UTF-8, cut at a character's boundary
	 * (unlike {@link #truncate}, no hash is added). An {@code @Index} name longer than that is stored cut.
	 */
	public static String asStored(String name) {
		return PostgresIdentifiers.asStored(name);
	}

	/**
	 * Cuts a name to {@link #MAX_LENGTH} bytes, ending it in {@code _} and 8 hex digits of a hash of
	 * the full name; shorter names are returned as they are.
	 * @param name a name
	 * @return a name PostgreSQL keeps whole
	 */
	public static String truncate(String name) {
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= MAX_LENGTH) {
			return name;
		}
		String suffix = "_" + hash(name);
		StringBuilder prefix = new StringBuilder();
		int used = 0;
		for (int i = 0; i < name.length();) {
			int codePoint = name.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > MAX_LENGTH - suffix.length()) {
				break;
			}
			prefix.appendCodePoint(codePoint);
			used += size;
			i += Character.charCount(codePoint);
		}
		while (prefix.length() > 0 && prefix.charAt(prefix.length() - 1) == '_') {
			prefix.setLength(prefix.length() - 1);
		}
		return prefix + suffix;
	}

	/**
	 * The column names an expression mentions, in order of first appearance. A word is a type, not a
	 * column, right after {@code ::}, {@code AS}, {@code AT} or {@code COLLATE} and in the rest of a
	 * multi-word type, so columns called {@code name}, {@code date} or {@code text} still count.
	 */
	static List<String> columnsOf(String expression) {
		Set<String> columns = new LinkedHashSet<>();
		int i = 0;
		int length = expression.length();
		String previous = null;
		boolean inType = false;
		while (i < length) {
			char c = expression.charAt(i);
			if (c == '\'') {
				i = skipQuoted(expression, i, '\'');
				previous = null;
				inType = false;
			}
			else if (c == '"') {
				int end = skipQuoted(expression, i, '"');
				String word = expression.substring(i + 1, end - 1).replace("\"\"", "\"");
				boolean type = isCast(expression, i) || isTypeIntroducer(previous);
				if (!type && !isCall(expression, end)) {
					columns.add(word);
				}
				previous = null;
				inType = type;
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				var matcher = WORD.matcher(expression).region(i, length);
				matcher.lookingAt();
				int end = matcher.end();
				String word = expression.substring(i, end);
				String lower = word.toLowerCase(Locale.ROOT);
				boolean type = isCast(expression, i) || isTypeIntroducer(previous)
						|| (inType && TYPE_CONTINUATIONS.contains(lower));
				if (!type && !NOT_COLUMNS.contains(lower) && !word.endsWith("_ops") && !isCall(expression, end)) {
					columns.add(word);
				}
				previous = lower;
				inType = type;
				i = end;
			}
			else if (Character.isDigit(c)) {
				while (i < length && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
					i++;
				}
				previous = null;
				inType = false;
			}
			else {
				if (!Character.isWhitespace(c)) {
					previous = null;
					inType = false;
				}
				i++;
			}
		}
		return List.copyOf(columns);
	}

	private static boolean isTypeIntroducer(String word) {
		return word != null && TYPE_INTRODUCERS.contains(word);
	}

	private static boolean isCall(String expression, int end) {
		int after = end;
		while (after < expression.length() && expression.charAt(after) == ' ') {
			after++;
		}
		return after < expression.length() && expression.charAt(after) == '(';
	}

	private static boolean isCast(String expression, int start) {
		int before = start - 1;
		while (before >= 0 && expression.charAt(before) == ' ') {
			before--;
		}
		return before >= 1 && expression.charAt(before) == ':' && expression.charAt(before - 1) == ':';
	}

	private static int skipQuoted(String text, int start, char quote) {
		int i = start + 1;
		while (i < text.length()) {
			if (text.charAt(i) == quote) {
				if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return text.length();
	}

	private static String parts(List<String> names) {
		List<String> parts = new ArrayList<>();
		for (String name : names) {
			parts.add(part(name));
		}
		return String.join("_", parts);
	}

	private static String part(String name) {
		String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
		return lower.isEmpty() ? "_" : lower;
	}

	private static String hash(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}
