package dev.migrations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an {@code ALTER COLUMN ... TYPE} needs: a {@code USING} clause when PostgreSQL has no
 * assignment cast between the types, and warnings when the change can fail or lose data.
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

	private static final Set<String> STRINGS = Set.of("character varying", "character", "text", "name");

	private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);

	private static final Map<String, Integer> FLOAT_DIGITS = Map.of("real", 6, "double precision", 15);

	/** The longest text of a value of fixed-width types, sign included. */
	private static final Map<String, Integer> LONGEST_TEXT = Map.of("smallint", 6, "integer", 11, "bigint", 20,
			"boolean", 5, "uuid", 36);

	private static final Set<String> TEMPORAL = Set.of("date", "time without time zone", "time with time zone",
			"timestamp without time zone", "timestamp with time zone");

	/** The {@code USING} expression, {@code null} when none is needed. */
	final String using;

	final List<String> warnings;

	private TypeConversion(String using, List<String> warnings) {
		this.using = using;
		this.warnings = List.copyOf(warnings);
	}

	/**
	 * @param column the column as SQL (quoted when needed)
	 * @param label the column for messages, {@code table.column}
	 * @param from the current type
	 * @param to the wanted type
	 */
	static TypeConversion of(String column, String label, String from, String to) {
		ParsedType source = ParsedType.parse(from);
		ParsedType target = ParsedType.parse(to);
		List<String> warnings = new ArrayList<>();
		if (source.base.equals(target.base) && source.dimensions == target.dimensions) {
			modifiers(label, source, target, warnings);
			return new TypeConversion(null, warnings);
		}
		if (source.dimensions == 0 && target.dimensions == 0) {
			if (STRINGS.contains(target.base)) {
				Integer length = target.length();
				boolean fits = length != null && (STRINGS.contains(source.base) && source.length() != null
						&& source.length() <= length
						|| LONGEST_TEXT.containsKey(source.base) && LONGEST_TEXT.get(source.base) <= length);
				if (length != null && !fits) {
					warnings.add("values of " + label + " longer than " + length
							+ " characters make this fail; shorten them first");
				}
				return new TypeConversion(null, warnings);
			}
			if (isNumber(source) && isNumber(target)) {
				numbers(label, source, target, warnings);
				return new TypeConversion(null, warnings);
			}
			if (TEMPORAL.contains(source.base) && TEMPORAL.contains(target.base)
					&& temporal(label, source, target, warnings)) {
				return new TypeConversion(null, warnings);
			}
			if (Set.of(source.base, target.base).equals(Set.of("json", "jsonb"))) {
				return new TypeConversion(null, warnings);
			}
		}
		boolean throughText = !source.isBuiltIn() || !target.isBuiltIn();
		String cast = throughText ? "::text" + "[]".repeat(source.dimensions) + "::" + to : "::" + to;
		warnings.add("converts " + label + " from " + from + " to " + to + " with USING " + column + cast
				+ ": values that are not valid " + to + " make this fail");
		return new TypeConversion(column + cast, warnings);
	}

	private static void modifiers(String label, ParsedType source, ParsedType target, List<String> warnings) {
		switch (source.base) {
			case "character varying", "bit varying", "character", "bit" -> {
				boolean fixed = source.base.equals("character") || source.base.equals("bit");
				Integer sourceLength = (source.length() != null || !fixed) ? source.length() : Integer.valueOf(1);
				Integer targetLength = (target.length() != null || !fixed) ? target.length() : Integer.valueOf(1);
				if (targetLength != null && (sourceLength == null || targetLength < sourceLength)) {
					String unit = source.base.startsWith("bit") ? " bits" : " characters";
					warnings.add("narrows " + label + " from " + source.text + " to " + target.text + ": values longer than "
							+ targetLength + unit + " make this fail; shorten them first");
				}
			}
			case "numeric" -> {
				if (target.modifiers.isEmpty()) {
					return;
				}
				int targetScale = target.scale();
				int targetWhole = target.modifiers.get(0) - targetScale;
				if (source.modifiers.isEmpty() || source.scale() > targetScale) {
					warnings.add("narrows " + label + " from " + source.text + " to " + target.text + ": values are rounded to "
							+ targetScale + " decimal places");
				}
				if (source.modifiers.isEmpty() || source.modifiers.get(0) - source.scale() > targetWhole) {
					warnings.add("narrows " + label + " from " + source.text + " to " + target.text + ": values with more than "
							+ targetWhole + " digits before the decimal point make this fail");
				}
			}
			case "time without time zone", "time with time zone", "timestamp without time zone",
					"timestamp with time zone", "interval" -> {
				int sourcePrecision = source.modifiers.isEmpty() ? 6 : source.modifiers.get(0);
				int targetPrecision = target.modifiers.isEmpty() ? 6 : target.modifiers.get(0);
				if (targetPrecision < sourcePrecision) {
					warnings.add("narrows " + label + " from " + source.text + " to " + target.text
							+ ": fractional seconds are rounded to " + targetPrecision + " digits");
				}
			}
			default -> {
			}
		}
	}

	private static boolean isNumber(ParsedType type) {
		return INTEGER_DIGITS.containsKey(type.base) || FLOAT_DIGITS.containsKey(type.base) || type.base.equals("numeric");
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

	private static void numbers(String label, ParsedType source, ParsedType target, List<String> warnings) {
		String change = label + " from " + source.text + " to " + target.text;
		boolean sourceHasFraction = !INTEGER_DIGITS.containsKey(source.base)
				&& !(source.base.equals("numeric") && !source.modifiers.isEmpty() && source.scale() == 0);
		if (INTEGER_DIGITS.containsKey(target.base)) {
			if (sourceHasFraction) {
				warnings.add("converts " + change + ": values are rounded to whole numbers, and values out of range make this fail");
			}
			else if (exactDigits(source) > exactDigits(target)) {
				warnings.add("narrows " + change + ": values out of range make this fail");
			}
		}
		else if (target.base.equals("numeric")) {
			if (target.modifiers.isEmpty()) {
				return;
			}
			int targetWhole = target.modifiers.get(0) - target.scale();
			if (sourceHasFraction && target.scale() < 15) {
				warnings.add("converts " + change + ": values are rounded to " + target.scale() + " decimal places");
			}
			if (exactDigits(source) > targetWhole) {
				warnings.add("narrows " + change + ": values with more than " + targetWhole
						+ " digits before the decimal point make this fail");
			}
		}
		else if (exactDigits(source) > exactDigits(target)) {
			warnings.add("converts " + change + ": it keeps about " + exactDigits(target)
					+ " significant digits, so values may lose precision");
		}
	}

	/** Warnings for date and time conversions PostgreSQL makes without USING; false when it needs one. */
	private static boolean temporal(String label, ParsedType source, ParsedType target, List<String> warnings) {
		String change = label + " from " + source.text + " to " + target.text;
		boolean sourceTimestamp = source.base.startsWith("timestamp");
		boolean targetTimestamp = target.base.startsWith("timestamp");
		if (source.base.equals("date") && targetTimestamp) {
			return true;
		}
		if (sourceTimestamp && target.base.equals("date")) {
			warnings.add("converts " + change + ": the time of day is dropped");
			return true;
		}
		if (sourceTimestamp && targetTimestamp || source.base.startsWith("time ") && target.base.startsWith("time ")) {
			warnings.add("converts " + change + ": values are interpreted in the session's TimeZone setting");
			return true;
		}
		if (sourceTimestamp && target.base.startsWith("time ")) {
			warnings.add("converts " + change + ": the date is dropped");
			return true;
		}
		return false;
	}

	/** A type split into base name, modifiers and array dimensions. */
	private static final class ParsedType {

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

		int scale() {
			return (this.modifiers.size() > 1) ? this.modifiers.get(1) : 0;
		}

	}

}
