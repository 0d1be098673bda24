package dev.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A column type as a statement writes it, reduced to what decides whether changing it rewrites the
 * table: the canonical type name ({@code varchar} and {@code character varying} are one type), its
 * modifiers ({@code (255)}, {@code (12,2)}) and its array dimensions.
 *
 * @param name the canonical name, e.g. {@code character varying}, {@code timestamptz}, {@code integer}
 * @param modifiers the numbers in parentheses, empty when none
 * @param arrayDimensions how many {@code []} follow (or {@code ARRAY})
 * @param sql the type as written
 */
record ColumnType(String name, List<Long> modifiers, int arrayDimensions, String sql) {

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("int4", "integer"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
			Map.entry("varchar", "character varying"), Map.entry("char varying", "character varying"),
			Map.entry("char", "character"), Map.entry("bpchar", "character"), Map.entry("bool", "boolean"),
			Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("decimal", "numeric"),
			Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
			Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
			Map.entry("varbit", "bit varying"), Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"),
			Map.entry("serial2", "smallserial"));

	/** Types whose modifier is a maximum or a precision: raising or dropping it keeps the stored bytes. */
	private static final Set<String> WIDENABLE = Set.of("character varying", "bit varying", "timestamp", "timestamptz",
			"time", "timetz", "interval");

	/** Reads a type from its tokens (the type only, without {@code COLLATE} or constraints). */
	static ColumnType of(List<Token> tokens) {
		List<String> words = new ArrayList<>();
		List<Long> modifiers = new ArrayList<>();
		int arrays = 0;
		int i = 0;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			if (token.isSymbol("(")) {
				int close = SqlCursor.closing(tokens, i);
				for (int k = i + 1; k < close; k++) {
					if (tokens.get(k).kind() == Token.Kind.NUMBER) {
						modifiers.add(parseNumber(tokens.get(k).text()));
					}
				}
				i = close + 1;
				continue;
			}
			if (token.isSymbol("[")) {
				arrays++;
				i = SqlCursor.closing(tokens, i) + 1;
				continue;
			}
			if (token.is("array")) {
				arrays++;
			}
			else if (token.isSymbol(".")) {
				// a schema-qualified type: only the last name counts, pg_catalog.int4 is int4
				words.clear();
			}
			else if (token.isIdentifier()) {
				words.add(token.value());
			}
			i++;
		}
		String name = String.join(" ", words);
		if (name.equals("float") || name.equals("double")) {
			name = (modifiers.isEmpty() || modifiers.get(0) > 24) ? "double precision" : "real";
			modifiers = List.of();
		}
		name = ALIASES.getOrDefault(name, name);
		if (name.equals("numeric") && modifiers.size() == 1) {
			modifiers = List.of(modifiers.get(0), 0L);
		}
		String sql = SqlCursor.text(tokens);
		return new ColumnType(name, List.copyOf(modifiers), arrays, sql);
	}

	private static long parseNumber(String text) {
		try {
			return Long.parseLong(text.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** {@code serial}, {@code bigserial} or {@code smallserial}: an integer with a sequence default. */
	boolean isSerial() {
		return this.arrayDimensions == 0 && this.name.endsWith("serial");
	}

	/** What changing a column of this type to {@code target} does to the table's stored rows. */
	enum Change {

		/** Nothing is stored differently and no row needs checking. */
		NO_REWRITE,

		/** Every row is rewritten (or at least checked) under the ACCESS EXCLUSIVE lock. */
		REWRITE,

		/** {@code timestamp} to {@code timestamptz} or back: no rewrite only when the session's time zone is UTC. */
		REWRITE_UNLESS_UTC

	}

	/** Time types whose precision stops at 6: 6 or more is the same as none. */
	private static final Set<String> TEMPORAL = Set.of("timestamp", "timestamptz", "time", "timetz");

	private static final int MAX_TEMPORAL_PRECISION = 6;

	/**
	 * Whether moving from this type to {@code target} rewrites the table, following PostgreSQL's
	 * binary-coercible casts and length-coercion shortcuts: {@code varchar(n)} to a larger or no
	 * length or to {@code text}, {@code text} to {@code varchar}, {@code numeric(p,s)} to a larger
	 * precision with the same scale or to {@code numeric}, {@code bit varying} and time precisions
	 * raised (a time type without precision to precision 6, its maximum, too), {@code cidr} to {@code inet}.
	 */
	Change changeTo(ColumnType target) {
		if (this.arrayDimensions != target.arrayDimensions) {
			return Change.REWRITE;
		}
		boolean unbounded = target.modifiers.isEmpty() || (TEMPORAL.contains(target.name)
				&& target.modifiers.size() == 1 && target.modifiers.get(0) >= MAX_TEMPORAL_PRECISION);
		if (this.name.equals(target.name)) {
			if (this.modifiers.equals(target.modifiers)
					|| (unbounded && (WIDENABLE.contains(this.name) || this.name.equals("numeric")))) {
				return Change.NO_REWRITE;
			}
			if (WIDENABLE.contains(this.name) && !this.modifiers.isEmpty() && target.modifiers.size() == 1
					&& target.modifiers.get(0) >= this.modifiers.get(0)) {
				return Change.NO_REWRITE;
			}
			if (this.name.equals("numeric") && this.modifiers.size() == 2 && target.modifiers.size() == 2
					&& target.modifiers.get(1).equals(this.modifiers.get(1)) && target.modifiers.get(0) >= this.modifiers.get(0)) {
				return Change.NO_REWRITE;
			}
			return Change.REWRITE;
		}
		if (this.name.equals("character varying") && target.name.equals("text")) {
			return Change.NO_REWRITE;
		}
		if (this.name.equals("text") && target.name.equals("character varying") && unbounded) {
			return Change.NO_REWRITE;
		}
		if (this.name.equals("cidr") && target.name.equals("inet")) {
			return Change.NO_REWRITE;
		}
		// either way round (PostgreSQL 12 and later)
		boolean zones = (this.name.equals("timestamp") && target.name.equals("timestamptz"))
				|| (this.name.equals("timestamptz") && target.name.equals("timestamp"));
		if (zones && (unbounded || (!this.modifiers.isEmpty() && target.modifiers.get(0) >= this.modifiers.get(0)))) {
			return Change.REWRITE_UNLESS_UTC;
		}
		return Change.REWRITE;
	}

	@Override
	public String toString() {
		return this.sql;
	}

}
