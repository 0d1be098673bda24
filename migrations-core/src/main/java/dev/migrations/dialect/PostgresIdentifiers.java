package dev.migrations.dialect;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quoting of PostgreSQL identifiers and literals, with the server's own rule
 * ({@code quote_ident}): an identifier stays bare only when it is lower case letters, digits and
 * underscores not starting with a digit, and is not a keyword PostgreSQL reserves in any way
 * (reserved, type or function name, or column name keywords such as {@code user}, {@code order},
 * {@code group}, {@code check}, {@code time}). So rendered names read like the server prints them.
 */
public final class PostgresIdentifiers {

	private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]*");

	/** Every keyword of PostgreSQL 15 not in the unreserved category ({@code pg_get_keywords()}). */
	private static final Set<String> KEYWORDS = Set.of(
			"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
			"between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
			"coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
			"current_catalog", "current_date", "current_role", "current_schema", "current_time",
			"current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
			"do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
			"freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
			"initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
			"join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
			"national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
			"offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
			"precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user",
			"setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then",
			"time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
			"values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
			"xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
			"xmlserialize", "xmltable");

	private PostgresIdentifiers() {
	}

	/**
	 * Whether an identifier must be quoted to keep its spelling.
	 * @param identifier an identifier as the catalog stores it
	 * @return {@code true} when bare it would be folded to lower case, break the syntax, or read as a keyword
	 */
	public static boolean needsQuoting(String identifier) {
		return !SAFE.matcher(identifier).matches() || KEYWORDS.contains(identifier);
	}

	/**
	 * The identifier as SQL, quoted only when needed: {@code bulletin}, {@code "user"}, {@code "MixedCase"}.
	 * @param identifier an identifier as the catalog stores it
	 * @return the identifier ready to put in a statement
	 */
	public static String quote(String identifier) {
		return needsQuoting(identifier) ? "\"" + identifier.replace("\"", "\"\"") + "\"" : identifier;
	}

	/**
	 * A possibly schema-qualified name, each part quoted when needed.
	 * @param schema the schema, {@code null} for none
	 * @param name the name
	 * @return {@code schema.name} or {@code name}
	 */
	public static String qualified(String schema, String name) {
		return (schema != null) ? quote(schema) + "." + quote(name) : quote(name);
	}

	/** The most bytes of a name PostgreSQL keeps ({@code NAMEDATALEN - 1}). */
	public static final int MAX_NAME_BYTES = 63;

	/**
	 * A name as PostgreSQL stores it: its first {@link #MAX_NAME_BYTES} bytes of UTF-8, cut at a character's boundary.
	 * @param name a name
	 * @return the name, cut when longer
	 */
	public static String asStored(String name) {
		int bytes = 0;
		int end = 0;
		while (end < name.length()) {
			int codePoint = name.codePointAt(end);
			int size = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			if (bytes + size > MAX_NAME_BYTES) {
				return name.substring(0, end);
			}
			bytes += size;
			end += Character.charCount(codePoint);
		}
		return name;
	}

	/**
	 * A string literal, with quotes doubled ({@code standard_conforming_strings} is on since PostgreSQL 9.1).
	 * @param value the text
	 * @return {@code 'text'}, or {@code NULL} for {@code null}
	 */
	public static String literal(String value) {
		return (value != null) ? "'" + value.replace("'", "''") + "'" : "NULL";
	}

}
