package dev.migrations.lint;

import java.util.List;
import java.util.Set;

/**
 * Which functions in a column default make {@code ADD COLUMN} rewrite the table. PostgreSQL 11+
 * stores a non-volatile default once (even {@code now()}, which is stable); a volatile one is
 * evaluated for every existing row.
 */
final class Volatility {

	/** Built-in volatile functions a default commonly calls. */
	private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
			"uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "setseed",
			"txid_current", "pg_current_xact_id", "random_normal", "uuidv4", "uuidv7");

	/** Built-in functions and expression keywords that are stable or immutable. */
	private static final Set<String> NOT_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
			"current_setting", "lower", "upper", "concat", "concat_ws", "coalesce", "nullif", "greatest", "least",
			"jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "to_jsonb", "to_json",
			"array", "row", "cast", "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval",
			"date_trunc", "timezone", "length", "substr", "substring", "replace", "trim", "abs", "round", "md5",
			"to_char", "to_date", "to_timestamp", "to_number", "format", "extract", "date_part", "localtimestamp",
			"current_timestamp", "current_date", "current_time", "localtime", "current_user", "session_user",
			"current_schema", "any", "some", "all", "exists", "in", "and", "or", "not");

	private Volatility() {
	}

	/**
	 * The first known volatile function the expression calls, or {@code null}; functions it calls that
	 * lint does not know are added to {@code unknown} (the database can tell).
	 */
	static String volatileFunction(List<Token> expression, Set<String> unknown) {
		for (int i = 0; i + 1 < expression.size(); i++) {
			Token token = expression.get(i);
			if (!token.isIdentifier() || !expression.get(i + 1).isSymbol("(")) {
				continue;
			}
			// a cast's target type (x::numeric(10, 2)) is not a call
			if (i > 0 && expression.get(i - 1).isSymbol("::")) {
				continue;
			}
			String name = token.value();
			if (VOLATILE.contains(name)) {
				return name;
			}
			if (!NOT_VOLATILE.contains(name)) {
				unknown.add(name);
			}
		}
		return null;
	}

}
