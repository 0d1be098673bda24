package dev.migrations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migrations.render.PostgresCasts.Context;

/**
 * What an {@code ALTER COLUMN ... TYPE} needs: a {@code USING} clause when PostgreSQL has no
 * assignment cast between the types, and warnings when the change can fail or lose data.
 * <p>
 * Between built-in types only conversions PostgreSQL has are written ({@link PostgresCasts}, the
 * conversions through a type's text form to and from string types, and one step through
 * {@code numeric} or {@code integer} where the server has both casts, as from {@code real} to
 * {@code money} or from {@code bit(1)} to {@code boolean}).
 * Where it has none, the statement is written with a placeholder the reviewer must replace, and a
 * warning saying so: it does not run as written. Columns holding large objects ({@code oid}, what
 * {@code @Lob} maps to) are converted with the large-object functions, so their content moves into
 * or out of the row; {@code bytea} and string types are converted as UTF-8.
 * <p>
 * {@code USING} is left out wherever an assignment cast exists, on purpose: an explicit cast
 * silently truncates ({@code 'hello world'::varchar(5)} is {@code 'hello'}) where the assignment
 * cast fails, and failing is what a reviewer wants when data does not fit.
 */
final class TypeConversion {

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("int4", "integer"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
			Map.entry("varchar", "character varying"), Map.entry("char", "character"), Map.entry("bpchar", "character"),
			Map.entry("bool", "boolean"), Map.entry("float8", "double precision"), Map.entry("float4", "real"),
			Map.entry("decimal", "numeric"), Map.entry("timestamp", "timestamp without time zone"),
			Map.entry("timestamptz", "timestamp with time zone"), Map.entry("time", "time without time zone"),
			Map.entry("timetz", "time with time zone"), Map.entry("varbit", "bit varying"));

	private static final Set<String> BUILT_IN = Set.of("smallint", "integer", "bigint", "numeric", "real",
			"double precision", "money", "character varying", "character", "text", "\"char\"", "name", "boolean", "date",
			"time without time zone", "time with time zone", "timestamp without time zone", "timestamp with time zone",
			"interval", "bytea", "uuid", "json", "jsonb", "xml", "inet", "cidr", "macaddr", "macaddr8", "bit",
			"bit varying", "tsvector", "tsquery", "point", "line", "lseg", "box", "path", "polygon", "circle", "oid",
			"regclass", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "jsonpath",
			"pg_lsn");

	// what Hibernate stores an @Enumerated(ORDINAL) in
	private static final Set<String> ORDINAL_TYPES = Set.of("smallint");

	private static final Set<String> STRINGS = Set.of("character varying", "character", "text", "name");

	private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);

	private static final Map<String, Integer> INTEGER_BITS = Map.of("smallint", 16, "integer", 32, "bigint", 64);

	private static final Map<String, Integer> FLOAT_DIGITS = Map.of("real", 6, "double precision", 15);

	/** The longest text of a value of fixed-width types, sign included; an address with its netmask. */
	private static final Map<String, Integer> LONGEST_TEXT = Map.of("smallint", 6, "integer", 11, "bigint", 20,
			"boolean", 5, "uuid", 36, "inet", 49, "cidr", 49);

	/** The {@code USING} expression, {@code null} when none is needed; a placeholder when not {@link #complete}. */
	final String using;

	final List<String> warnings;

	/** Whether values can come out different from what they were (rounded, cut, reinterpreted), not only fail. */
	final boolean losesData;

	/** Whether values that do not fit the new type make the statement fail. */
	final boolean mayFail;

	/** False when PostgreSQL has no conversion: {@link #using} is a placeholder and the statement does not run. */
	final boolean complete;

	/** Whether the column held large objects that the conversion read: they are unlinked after it. */
	final boolean releasesLargeObjects;

	private TypeConversion(String using, Notes notes, boolean complete, boolean releasesLargeObjects) {
		this.using = using;
		this.warnings = List.copyOf(notes.warnings);
		this.losesData = notes.losesData;
		this.mayFail = notes.mayFail;
		this.complete = complete;
		this.releasesLargeObjects = releasesLargeObjects;
	}

	/**
	 * @param column the column as SQL (quoted when needed)
	 * @param label the column for messages, {@code table.column}
	 * @param from the current type
	 * @param to the wanted type
	 */
	static TypeConversion of(String column, String label, String from, String to) {
		return of(column, label, from, to, null);
	}

	/**
	 * As {@link #of(String, String, String, String)}, for a column whose checks say it holds an enum
	 * stored by position on one side and by label on the other ({@code @Enumerated(ORDINAL)} changed to
	 * {@code STRING}, or back): each value is converted to the other form by the constants' order.
	 * @param labels the enum's labels as SQL literals in the constants' order, {@code null} when the
	 *        column is not known to hold an enum
	 */
	static TypeConversion of(String column, String label, String from, String to, List<String> labels) {
		return of(column, label, from, to, labels, null);
	}

	/**
	 * As {@link #of(String, String, String, String, List)}, for a boolean column that becomes a
	 * string whose check admits two letters for true and false, as Hibernate's {@code YesNoConverter}
	 * ({@code 'Y'}, {@code 'N'}) and {@code TrueFalseConverter} ({@code 'T'}, {@code 'F'}) store it:
	 * each value becomes its letter, where its text form ({@code true}) would not fit nor pass the check.
	 * @param letters the literals for true and for false, {@code null} when the column's check names none
	 */
	static TypeConversion of(String column, String label, String from, String to, List<String> labels,
			List<String> letters) {
		ParsedType source = ParsedType.parse(from);
		ParsedType target = ParsedType.parse(to);
		Notes notes = new Notes(label, source, target);
		if (source.base.equals(target.base) && source.dimensions == target.dimensions) {
			modifiers(label, source, target, notes);
			return new TypeConversion(null, notes, true, false);
		}
		if (source.dimensions != target.dimensions) {
			return none(column, label, from, to, notes);
		}
		if (!source.isBuiltIn() || !target.isBuiltIn()) {
			if (STRINGS.contains(target.base)) {
				toString(label, source, target, notes);
				return new TypeConversion(null, notes, true, false);
			}
			// enum types, domains and extension types: through their text form
			String using = column + "::text" + "[]".repeat(source.dimensions) + "::" + to;
			notes.mayFail(using, "values that are not valid " + to + " make this fail");
			return new TypeConversion(using, notes, true, false);
		}
		if (source.base.equals("oid") || target.base.equals("oid")) {
			return largeObjects(column, label, from, to, source, target, notes);
		}
		if (source.dimensions == 0 && source.base.equals("bytea") && STRINGS.contains(target.base)) {
			String using = "convert_from(" + column + ", 'UTF8')";
			notes.mayFail(using, "values that are not valid UTF-8 make this fail");
			toString(label, source, target, notes);
			return new TypeConversion(using, notes, true, false);
		}
		if (source.dimensions == 0 && STRINGS.contains(source.base) && target.base.equals("bytea")) {
			return new TypeConversion("convert_to(" + column + ", 'UTF8')", notes, true, false);
		}
		if (STRINGS.contains(target.base)) {
			if (source.dimensions == 0 && source.base.equals("boolean") && letters != null) {
				return new TypeConversion("CASE WHEN " + column + " THEN " + letters.get(0) + " WHEN NOT " + column + " THEN "
						+ letters.get(1) + " END", notes, true, false);
			}
			toString(label, source, target, notes);
			if (source.base.equals("inet")) {
				// the cast to text appends the netmask to every host address (10.0.0.1/32), which the
				// application never read: abbrev() is the text an inet is read as. An array's own text form
				// ({10.0.0.1,10.1.0.0/16}) writes each element so, and USING takes no subquery over unnest()
				return new TypeConversion((source.dimensions == 0) ? "abbrev(" + column + ")" : column + "::text::" + to,
						notes, true, false);
			}
			if (source.dimensions == 0 && ORDINAL_TYPES.contains(source.base) && labels != null) {
				String using = "(ARRAY[" + String.join(", ", labels) + "])[" + column + " + 1]";
				notes.warnings.add("converts the enum positions in " + label + " to its labels (" + positions(labels)
						+ "), as its checks before and after say it holds the same enum");
				return new TypeConversion(using, notes, true, false);
			}
			if (source.dimensions == 0 && ORDINAL_TYPES.contains(source.base)) {
				notes.warnings.add("numbers become their digits ('2'): if " + label + " holds an enum's positions"
						+ " (@Enumerated(ORDINAL) changed to STRING), convert them to the labels instead, e.g. USING"
						+ " (ARRAY['FIRST', 'SECOND', ...])[" + column + " + 1]");
			}
			return new TypeConversion(null, notes, true, false);
		}
		String array = "[]".repeat(source.dimensions);
		if (!PostgresCasts.TYPES.contains(source.base) || !PostgresCasts.TYPES.contains(target.base)) {
			if (STRINGS.contains(source.base)) {
				return fromString(column, source, target, to, notes, labels);
			}
			return none(column, label, from, to, notes);
		}
		Context cast = PostgresCasts.cast(source.base, target.base);
		if (cast == Context.ASSIGNMENT) {
			assignment(source, target, notes);
			return new TypeConversion(null, notes, true, false);
		}
		if (cast == Context.EXPLICIT) {
			String using = column + "::" + to;
			explicit(using, source, target, notes);
			return new TypeConversion(using, notes, true, false);
		}
		if (STRINGS.contains(source.base)) {
			return fromString(column, source, target, to, notes, labels);
		}
		if (PostgresCasts.cast(source.base, "numeric") != null && PostgresCasts.cast("numeric", target.base) != null) {
			String using = column + "::numeric" + array + "::" + to;
			throughNumeric(using, source, target, notes);
			return new TypeConversion(using, notes, true, false);
		}
		if (PostgresCasts.cast(source.base, "integer") != null && PostgresCasts.cast("integer", target.base) != null) {
			String using = column + "::integer" + array + "::" + to;
			throughInteger(using, source, target, notes);
			return new TypeConversion(using, notes, true, false);
		}
		return none(column, label, from, to, notes);
	}

	private static String positions(List<String> labels) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < labels.size(); i++) {
			text.append((i > 0) ? ", " : "").append(i).append(" is ").append(labels.get(i));
		}
		return text.toString();
	}

	/** No conversion: a placeholder the reviewer must replace, so the statement cannot run as written. */
	private static TypeConversion none(String column, String label, String from, String to, Notes notes) {
		String placeholder = "<expression computing the new value from " + column + ">";
		notes.warnings.add("PostgreSQL has no conversion from " + from + " to " + to + " for " + label + ": replace "
				+ placeholder + " with one, or drop the column and add it again if its values can go; as written, this"
				+ " statement fails");
		return new TypeConversion(placeholder, notes, false, false);
	}

	private static TypeConversion fromString(String column, ParsedType source, ParsedType target, String to,
			Notes notes, List<String> labels) {
		if (source.dimensions == 0 && ORDINAL_TYPES.contains(target.base) && labels != null) {
			notes.warnings.add("converts the enum labels in " + notes.label + " to their positions (" + positions(labels)
					+ "), as its checks before and after say it holds the same enum");
			return new TypeConversion("array_position(ARRAY[" + String.join(", ", labels) + "], " + column + "::text) - 1",
					notes, true, false);
		}
		String using = column + "::" + to;
		notes.mayFail(using, "values that are not valid " + to + " make this fail");
		if (source.dimensions == 0 && ORDINAL_TYPES.contains(target.base)) {
			notes.warnings.add("if " + notes.label + " holds an enum's labels (@Enumerated(STRING) changed to ORDINAL),"
					+ " convert them to their positions instead, e.g. USING array_position(ARRAY['FIRST', 'SECOND', ...], "
					+ column + ") - 1");
		}
		if (target.base.equals("numeric") && !target.modifiers.isEmpty()) {
			notes.lose("values are rounded to " + target.scale() + " decimal places");
		}
		else if (isFractionalSeconds(target) && target.precision() < 6) {
			notes.lose("fractional seconds are rounded to " + target.precision() + " digits");
		}
		return new TypeConversion(using, notes, true, false);
	}

	/**
	 * A large object's content moves into the row, or a value into a new large object; what
	 * {@code @Lob} maps to on PostgreSQL is {@code oid}. Text is encoded as UTF-8, as the JDBC
	 * driver writes a {@code Clob}. A column read out of large objects has them unlinked afterwards
	 * by the renderer: they would be left behind, unreachable, otherwise.
	 */
	private static TypeConversion largeObjects(String column, String label, String from, String to, ParsedType source,
			ParsedType target, Notes notes) {
		boolean text = STRINGS.contains(source.base) || STRINGS.contains(target.base);
		boolean binary = source.base.equals("bytea") || target.base.equals("bytea");
		if (source.dimensions > 0 || !text && !binary) {
			return none(column, label, from, to, notes);
		}
		if (target.base.equals("oid")) {
			String using = "lo_from_bytea(0, " + (text ? "convert_to(" + column + ", 'UTF8')" : column) + ")";
			notes.warnings.add("converts " + label + " from " + from + " to oid with USING " + using + ": each value"
					+ " becomes a new large object holding its " + (text ? "UTF-8 text" : "bytes") + ", owned by the user"
					+ " running this revision (another user must own it, or be granted SELECT and UPDATE on it, to use it)");
			return new TypeConversion(using, notes, true, false);
		}
		String using = text ? "convert_from(lo_get(" + column + "), 'UTF8')" : "lo_get(" + column + ")";
		notes.warnings.add("converts " + label + " from oid to " + to + " with USING " + using + ": each large object's"
				+ " content " + (text ? "is read as UTF-8 text" : "becomes the value") + " and the large objects are unlinked"
				+ " afterwards; " + (text ? "content that is not valid UTF-8, or " : "") + "a large object that does not"
				+ " exist makes this fail");
		notes.mayFail = true;
		if (text) {
			toString(label, source, target, notes);
		}
		return new TypeConversion(using, notes, true, true);
	}

	/** Towards a string type, through the value's text form: it fails only when the text is too long. */
	private static void toString(String label, ParsedType source, ParsedType target, Notes notes) {
		Integer length = target.length();
		if (length == null) {
			return;
		}
		boolean fits = STRINGS.contains(source.base) && source.length() != null && source.length() <= length
				|| LONGEST_TEXT.containsKey(source.base) && LONGEST_TEXT.get(source.base) <= length;
		if (!fits) {
			notes.warnings.add("values of " + label + " longer than " + length + " characters make this fail; shorten them first");
			notes.mayFail = true;
		}
	}

	/** Warnings for the casts PostgreSQL applies on its own. */
	private static void assignment(ParsedType source, ParsedType target, Notes notes) {
		String from = source.base;
		String to = target.base;
		if (isNumber(source) && isNumber(target)) {
			numbers(source, target, notes);
		}
		else if (to.equals("money")) {
			if (hasFraction(source)) {
				notes.lose("values are rounded to the currency's decimal places");
			}
		}
		else if (from.startsWith("bit") && to.startsWith("bit")) {
			Integer length = target.bitLength();
			if (to.equals("bit") && !length.equals(source.bitLength())) {
				notes.fail("values that are not exactly " + length + " bits long make this fail");
			}
			else if (to.equals("bit varying") && length != null
					&& (source.bitLength() == null || source.bitLength() > length)) {
				notes.fail("values longer than " + length + " bits make this fail");
			}
		}
		else if (isTemporal(source) || from.equals("interval")) {
			temporal(source, target, notes);
		}
		else if (from.equals("json")) {
			notes.lose("duplicate keys keep only their last value, and whitespace and key order are not kept");
		}
		else if (from.equals("inet")) {
			notes.lose("bits right of each value's netmask are set to zero (192.168.1.5/24 becomes 192.168.1.0/24)");
		}
	}

	/** Warnings for the casts PostgreSQL applies only when asked. */
	private static void explicit(String using, ParsedType source, ParsedType target, Notes notes) {
		notes.using = using;
		String from = source.base;
		String to = target.base;
		if (from.equals("jsonb")) {
			notes.fail("values that are not JSON " + (to.equals("boolean") ? "booleans" : "numbers") + " make this fail");
			if (INTEGER_DIGITS.containsKey(to)) {
				notes.lose("fractions are rounded to whole numbers");
			}
			else if (to.equals("numeric") && !target.modifiers.isEmpty()) {
				notes.lose("values are rounded to " + target.scale() + " decimal places");
			}
		}
		else if (to.equals("boolean")) {
			notes.lose("0 becomes false and every other value true");
		}
		else if (to.equals("bit")) {
			if (INTEGER_BITS.get(from) > target.bitLength()) {
				notes.lose("only the lowest " + target.bitLength() + " bits of each value are kept");
			}
		}
		else if (from.equals("bit")) {
			int width = INTEGER_BITS.get(to);
			if (source.bitLength() > width) {
				notes.fail("values longer than " + width + " bits make this fail");
			}
		}
	}

	/** Two casts through {@code numeric}: the bridge between {@code money} and the other number types. */
	private static void throughNumeric(String using, ParsedType source, ParsedType target, Notes notes) {
		notes.using = using;
		if (source.base.equals("jsonb")) {
			notes.fail("values that are not JSON numbers make this fail");
		}
		if (target.base.equals("money")) {
			if (hasFraction(source)) {
				notes.lose("values are rounded to the currency's decimal places");
			}
		}
		else {
			// money holds whole cents
			numbers(ParsedType.parse(source.base.equals("money") ? "numeric(19,2)" : source.text), target, notes);
		}
	}

	/**
	 * Two explicit casts, to {@code integer} and from it: the bridge between {@code bit},
	 * {@code boolean} and the number types, which PostgreSQL does not cast into each other directly.
	 */
	private static void throughInteger(String using, ParsedType source, ParsedType target, Notes notes) {
		notes.using = using;
		String from = source.base;
		String to = target.base;
		boolean flag = from.equals("boolean") || from.equals("bit") && source.bitLength() == 1;
		if (from.equals("bit") && source.bitLength() > 32) {
			notes.fail("values longer than 32 bits make this fail");
		}
		else if (from.equals("jsonb")) {
			notes.fail("values that are not JSON numbers make this fail");
			notes.lose("fractions are rounded to whole numbers");
		}
		else if (isNumber(source)) {
			if (hasFraction(source)) {
				notes.lose("values are rounded to whole numbers");
			}
			if (exactDigits(source) > INTEGER_DIGITS.get("integer")) {
				notes.fail("values out of integer range make this fail");
			}
		}
		if (to.equals("boolean")) {
			if (!flag) {
				notes.lose("0 becomes false and every other value true");
			}
		}
		else if (to.equals("bit")) {
			if (!flag) {
				notes.lose("only the lowest " + target.bitLength() + " bits of each value are kept");
			}
		}
		else if (to.equals("smallint")) {
			if (!flag && !(from.equals("bit") && source.bitLength() < 16)) {
				notes.fail("values out of smallint range make this fail");
			}
		}
		else if (to.equals("money")) {
			return;
		}
		else if (from.equals("bit") && to.equals("real") && source.bitLength() > 24) {
			notes.lose("it keeps about 6 significant digits, so values may lose precision");
		}
		else if (!flag && !from.equals("bit") && isNumber(target)) {
			numbers(ParsedType.parse("integer"), target, notes);
		}
	}

	private static void modifiers(String label, ParsedType source, ParsedType target, Notes notes) {
		switch (source.base) {
			case "character varying", "bit varying", "character", "bit" -> {
				boolean fixed = source.base.equals("character") || source.base.equals("bit");
				Integer sourceLength = (source.length() != null || !fixed) ? source.length() : Integer.valueOf(1);
				Integer targetLength = (target.length() != null || !fixed) ? target.length() : Integer.valueOf(1);
				if (targetLength != null && (sourceLength == null || targetLength < sourceLength)) {
					String unit = source.base.startsWith("bit") ? " bits" : " characters";
					notes.warnings.add("narrows " + label + " from " + source.text + " to " + target.text + ": values longer than "
							+ targetLength + unit + " make this fail; shorten them first");
					notes.mayFail = true;
				}
				else if (source.base.equals("bit") && targetLength > sourceLength) {
					notes.warnings.add("widens " + label + " from " + source.text + " to " + target.text + ": values that are"
							+ " not exactly " + targetLength + " bits long make this fail");
					notes.mayFail = true;
				}
			}
			case "numeric" -> {
				if (target.modifiers.isEmpty()) {
					return;
				}
				int targetScale = target.scale();
				int targetWhole = target.modifiers.get(0) - targetScale;
				if (source.modifiers.isEmpty() || source.scale() > targetScale) {
					notes.warnings.add("narrows " + label + " from " + source.text + " to " + target.text + ": values are rounded to "
							+ targetScale + " decimal places");
					notes.losesData = true;
				}
				if (source.modifiers.isEmpty() || source.modifiers.get(0) - source.scale() > targetWhole) {
					notes.warnings.add("narrows " + label + " from " + source.text + " to " + target.text + ": values with more than "
							+ targetWhole + " digits before the decimal point make this fail");
					notes.mayFail = true;
				}
			}
			case "time without time zone", "time with time zone", "timestamp without time zone",
					"timestamp with time zone", "interval" -> {
				if (target.precision() < source.precision()) {
					notes.warnings.add("narrows " + label + " from " + source.text + " to " + target.text
							+ ": fractional seconds are rounded to " + target.precision() + " digits");
					notes.losesData = true;
				}
			}
			default -> {
			}
		}
	}

	private static boolean isNumber(ParsedType type) {
		return INTEGER_DIGITS.containsKey(type.base) || FLOAT_DIGITS.containsKey(type.base) || type.base.equals("numeric");
	}

	private static boolean hasFraction(ParsedType type) {
		return !INTEGER_DIGITS.containsKey(type.base)
				&& !(type.base.equals("numeric") && !type.modifiers.isEmpty() && type.scale() == 0);
	}

	private static boolean isTemporal(ParsedType type) {
		return type.base.equals("date") || type.base.startsWith("time");
	}

	private static boolean isFractionalSeconds(ParsedType type) {
		return type.base.startsWith("time") || type.base.equals("interval");
	}

	/** Integer digits a type holds exactly, {@code Integer.MAX_VALUE} for unconstrained numeric. */
	private static int exactDigits(ParsedType type) {
		if (INTEGER_DIGITS.containsKey(type.base)) {
			return INTEGER_DIGITS.get(type.base);
		}
		if (FLOAT_DIGITS.containsKey(type.base)) {
			return FLOAT_DIGITS.get(type.base);
		}
		return type.modifiers.isEmpty() ? Integer.MAX_VALUE : type.modifiers.get(0);
	}

	private static void numbers(ParsedType source, ParsedType target, Notes notes) {
		boolean sourceHasFraction = hasFraction(source);
		if (INTEGER_DIGITS.containsKey(target.base)) {
			if (sourceHasFraction) {
				notes.warnings.add("converts " + notes.change() + ": values are rounded to whole numbers, and values out of"
						+ " range make this fail");
				notes.losesData = true;
				notes.mayFail = true;
			}
			else if (exactDigits(source) > exactDigits(target)) {
				notes.warnings.add("narrows " + notes.change() + ": values out of range make this fail");
				notes.mayFail = true;
			}
		}
		else if (target.base.equals("numeric")) {
			if (target.modifiers.isEmpty()) {
				return;
			}
			int targetWhole = target.modifiers.get(0) - target.scale();
			if (sourceHasFraction && target.scale() < 15) {
				notes.warnings.add("converts " + notes.change() + ": values are rounded to " + target.scale() + " decimal places");
				notes.losesData = true;
			}
			if (exactDigits(source) > targetWhole) {
				notes.warnings.add("narrows " + notes.change() + ": values with more than " + targetWhole
						+ " digits before the decimal point make this fail");
				notes.mayFail = true;
			}
		}
		else if (exactDigits(source) > exactDigits(target)) {
			notes.warnings.add("converts " + notes.change() + ": it keeps about " + exactDigits(target)
					+ " significant digits, so values may lose precision");
			notes.losesData = true;
		}
	}

	/** Warnings for the date and time conversions PostgreSQL makes on assignment. */
	private static void temporal(ParsedType source, ParsedType target, Notes notes) {
		String from = source.base;
		String to = target.base;
		boolean sourceTimestamp = from.startsWith("timestamp");
		if (from.equals("interval")) {
			notes.lose("days, months and years are dropped, only the time of day is kept");
		}
		else if (sourceTimestamp && to.equals("date")) {
			notes.lose("the time of day is dropped");
		}
		else if (sourceTimestamp && to.startsWith("time ")) {
			notes.lose("the date is dropped");
		}
		else if (from.equals("time with time zone") && to.equals("time without time zone")) {
			notes.lose("the time zone offset is dropped");
		}
		else if (from.equals("date") && to.equals("timestamp with time zone")
				|| sourceTimestamp && to.startsWith("timestamp") || from.startsWith("time ") && to.startsWith("time ")) {
			notes.warn("values are interpreted in the session's TimeZone setting");
		}
		if (isFractionalSeconds(source) && isFractionalSeconds(target) && target.precision() < source.precision()) {
			notes.lose("fractional seconds are rounded to " + target.precision() + " digits");
		}
	}

	/** The warnings of one conversion, and what they say about the data. */
	private static final class Notes {

		final String label;

		final ParsedType source;

		final ParsedType target;

		final List<String> warnings = new ArrayList<>();

		String using;

		boolean losesData;

		boolean mayFail;

		Notes(String label, ParsedType source, ParsedType target) {
			this.label = label;
			this.source = source;
			this.target = target;
		}

		String change() {
			return this.label + " from " + this.source.text + " to " + this.target.text;
		}

		private String prefix() {
			return "converts " + change() + ((this.using != null) ? " with USING " + this.using : "") + ": ";
		}

		void warn(String detail) {
			this.warnings.add(prefix() + detail);
		}

		void lose(String detail) {
			warn(detail);
			this.losesData = true;
		}

		void fail(String detail) {
			warn(detail);
			this.mayFail = true;
		}

		void mayFail(String using, String detail) {
			this.using = using;
			fail(detail);
		}

	}

	/** A type split into base name, modifiers and array dimensions. */
	static final class ParsedType {

		final String text;

		final String base;

		final List<Integer> modifiers;

		final int dimensions;

		private ParsedType(String text, String base, List<Integer> modifiers, int dimensions) {
			this.text = text;
			this.base = base;
			this.modifiers = modifiers;
			this.dimensions = dimensions;
		}

		static ParsedType parse(String type) {
			String text = type.trim();
			int dimensions = 0;
			while (text.endsWith("[]")) {
				text = text.substring(0, text.length() - 2).trim();
				dimensions++;
			}
			List<Integer> modifiers = new ArrayList<>();
			String base = text;
			int open = text.startsWith("\"") ? -1 : text.indexOf('(');
			int close = text.indexOf(')', open + 1);
			if (open > 0 && close > open) {
				for (String part : text.substring(open + 1, close).split(",")) {
					try {
						modifiers.add(Integer.parseInt(part.trim()));
					}
					catch (NumberFormatException ex) {
						// not a numeric modifier: leave it in the base name
						return new ParsedType(type.trim(), normalize(text), List.of(), dimensions);
					}
				}
				base = text.substring(0, open) + text.substring(close + 1);
			}
			return new ParsedType(type.trim(), normalize(base), List.copyOf(modifiers), dimensions);
		}

		private static String normalize(String base) {
			String collapsed = base.trim().replaceAll("\\s+", " ");
			if (collapsed.startsWith("\"")) {
				return collapsed;
			}
			String lower = collapsed.toLowerCase(Locale.ROOT);
			if (lower.startsWith("interval")) {
				return "interval";
			}
			return ALIASES.getOrDefault(lower, lower);
		}

		boolean isBuiltIn() {
			return BUILT_IN.contains(this.base);
		}

		Integer length() {
			return this.modifiers.isEmpty() ? null : this.modifiers.get(0);
		}

		/** The length of a bit string type: {@code bit} alone is {@code bit(1)}; {@code null} for unlimited. */
		Integer bitLength() {
			return (this.base.equals("bit") && this.modifiers.isEmpty()) ? Integer.valueOf(1) : length();
		}

		int scale() {
			return (this.modifiers.size() > 1) ? this.modifiers.get(1) : 0;
		}

		/** Fractional digits of seconds: 6 when not given. */
		int precision() {
			return this.modifiers.isEmpty() ? 6 : this.modifiers.get(0);
		}

	}

}
