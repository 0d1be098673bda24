package dev.migrations.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The casts PostgreSQL has between the built-in types autogenerate converts columns between, as
 * {@code pg_cast} lists them (PostgreSQL 12 to 16 have the same rows), so that a revision can be
 * rendered without a database and still only use conversions the server has. A test holds this
 * table against the live server's {@code pg_cast}.
 * <p>
 * Not listed, because {@code pg_cast} does not list them: the conversions through a type's text
 * form that PostgreSQL allows between any type and a string type, implicitly in the assignment
 * context towards {@code text}, {@code character varying} and {@code character}, and only
 * explicitly from them.
 */
final class PostgresCasts {

	/** The types of the table, as {@code format_type} prints them without modifiers. */
	static final Set<String> TYPES = Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision",
			"money", "boolean", "bit", "bit varying", "text", "character varying", "character", "date",
			"time without time zone", "time with time zone", "timestamp without time zone", "timestamp with time zone",
			"interval", "bytea", "uuid", "json", "jsonb", "oid", "inet", "cidr");

	/**
	 * Every row of {@code pg_cast} between two of {@link #TYPES}: source, target and context
	 * ({@code i} implicit, {@code a} assignment, {@code e} explicit only).
	 */
	static final String TABLE = """
			bigint -> bit: e
			bigint -> double precision: i
			bigint -> integer: a
			bigint -> money: a
			bigint -> numeric: i
			bigint -> oid: i
			bigint -> real: i
			bigint -> smallint: a
			bit -> bigint: e
			bit -> bit varying: i
			bit -> integer: e
			bit varying -> bit: i
			boolean -> character varying: a
			boolean -> character: a
			boolean -> integer: e
			boolean -> text: a
			character -> character varying: i
			character -> text: i
			character varying -> character: i
			character varying -> text: i
			cidr -> character varying: a
			cidr -> character: a
			cidr -> inet: i
			cidr -> text: a
			date -> timestamp with time zone: i
			date -> timestamp without time zone: i
			double precision -> bigint: a
			double precision -> integer: a
			double precision -> numeric: a
			double precision -> real: a
			double precision -> smallint: a
			inet -> character varying: a
			inet -> character: a
			inet -> cidr: a
			inet -> text: a
			integer -> bigint: i
			integer -> bit: e
			integer -> boolean: e
			integer -> double precision: i
			integer -> money: a
			integer -> numeric: i
			integer -> oid: i
			integer -> real: i
			integer -> smallint: a
			interval -> time without time zone: a
			json -> jsonb: a
			jsonb -> bigint: e
			jsonb -> boolean: e
			jsonb -> double precision: e
			jsonb -> integer: e
			jsonb -> json: a
			jsonb -> numeric: e
			jsonb -> real: e
			jsonb -> smallint: e
			money -> numeric: a
			numeric -> bigint: a
			numeric -> double precision: i
			numeric -> integer: a
			numeric -> money: a
			numeric -> real: i
			numeric -> smallint: a
			oid -> bigint: a
			oid -> integer: a
			real -> bigint: a
			real -> double precision: i
			real -> integer: a
			real -> numeric: a
			real -> smallint: a
			smallint -> bigint: i
			smallint -> double precision: i
			smallint -> integer: i
			smallint -> numeric: i
			smallint -> oid: i
			smallint -> real: i
			text -> character varying: i
			text -> character: i
			time with time zone -> time without time zone: a
			time without time zone -> interval: i
			time without time zone -> time with time zone: i
			timestamp with time zone -> date: a
			timestamp with time zone -> time with time zone: a
			timestamp with time zone -> time without time zone: a
			timestamp with time zone -> timestamp without time zone: a
			timestamp without time zone -> date: a
			timestamp without time zone -> time without time zone: a
			timestamp without time zone -> timestamp with time zone: i
			""";

	/** How a value of one type may be cast to another. */
	enum Context {

		/** Implicitly or on assignment: {@code ALTER COLUMN ... TYPE} needs no {@code USING}. */
		ASSIGNMENT,

		/** Only with an explicit cast, {@code USING column::type}. */
		EXPLICIT

	}

	private static final Map<List<String>, Context> CASTS = parse(TABLE);

	private PostgresCasts() {
	}

	/**
	 * The cast PostgreSQL has from one type of {@link #TYPES} to another, {@code null} when it has none.
	 * @param source the source type without modifiers
	 * @param target the target type without modifiers
	 */
	static Context cast(String source, String target) {
		return CASTS.get(List.of(source, target));
	}

	static Map<List<String>, Context> all() {
		return CASTS;
	}

	private static Map<List<String>, Context> parse(String table) {
		Map<List<String>, Context> casts = new HashMap<>();
		for (String line : table.strip().split("\n")) {
			int arrow = line.indexOf(" -> ");
			int colon = line.lastIndexOf(": ");
			String context = line.substring(colon + 2).strip();
			casts.put(List.of(line.substring(0, arrow).strip(), line.substring(arrow + 4, colon).strip()),
					context.equals("e") ? Context.EXPLICIT : Context.ASSIGNMENT);
		}
		return Map.copyOf(casts);
	}

}
