package dev.migrations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check that admits a set of values of one column, as PostgreSQL prints the checks Hibernate
 * writes for enums: {@code status::text = ANY (ARRAY['NEW'::character varying, ...]::text[])} for
 * {@code @Enumerated(STRING)} ({@code status IN (...)} as written) and {@code kind >= 0 AND kind <= 2}
 * for ordinals ({@code kind BETWEEN 0 AND 2}), and the bounds of {@code @Min}/{@code @Max} (one or
 * both, {@code lat >= '-90'::integer}, {@code percent <= 100::numeric}). An enum that gains constants
 * replaces its check by a wider one, which the rows passing the old check pass too.
 *
 * @param subject the column, without casts or parentheses
 * @param values the admitted values as written (literals without their casts), for a list
 * @param low the lowest admitted value, for a range
 * @param high the highest admitted value, for a range
 */
record ValueSetCheck(String subject, List<String> values, long low, long high) {

	private static final Pattern ANY = Pattern.compile("(.+?) = ANY \\((.*)\\)");

	// PostgreSQL prints a negative bound as '-90'::integer, and casts a bound to a numeric column's type
	private static final Pattern BOUND = Pattern.compile("(.+?) (>=|<=) \\(?'?(-?\\d+)'?(?:::[a-z ]+)?\\)?");

	private static final Pattern CASTS = Pattern.compile("(?:::[a-z ]+(?:\\[\\])?)+$");

	/**
	 * Whether every value {@code narrower} admits, {@code wider} admits too; false when either is not
	 * a check of this form.
	 */
	static boolean admitsAllOf(String wider, String narrower) {
		Optional<ValueSetCheck> outer = parse(wider);
		Optional<ValueSetCheck> inner = parse(narrower);
		if (outer.isEmpty() || inner.isEmpty() || !outer.get().subject.equals(inner.get().subject)) {
			return false;
		}
		ValueSetCheck a = outer.get();
		ValueSetCheck b = inner.get();
		if (a.values != null && b.values != null) {
			return a.values.containsAll(b.values);
		}
		return a.values == null && b.values == null && a.low <= b.low && a.high >= b.high;
	}

	static Optional<ValueSetCheck> parse(String expression) {
		String text = unwrap(expression.trim());
		Matcher any = ANY.matcher(text);
		if (any.matches()) {
			String array = unwrap(withoutCasts(unwrap(any.group(2).trim())));
			if (!array.startsWith("ARRAY[") || !array.endsWith("]")) {
				return Optional.empty();
			}
			List<String> values = new ArrayList<>();
			for (String item : split(array.substring("ARRAY[".length(), array.length() - 1), ",")) {
				values.add(unwrap(withoutCasts(unwrap(item.trim()))));
			}
			return Optional.of(new ValueSetCheck(column(any.group(1)), List.copyOf(values), 0, 0));
		}
		List<String> conjuncts = split(text, " AND ");
		if (conjuncts.size() == 1) {
			// a single @Min or @Max
			Matcher bound = BOUND.matcher(text);
			if (bound.matches() && fitsALong(bound.group(3))) {
				long value = Long.parseLong(bound.group(3));
				boolean low = bound.group(2).equals(">=");
				return Optional.of(new ValueSetCheck(column(bound.group(1)), null, low ? value : Long.MIN_VALUE,
						low ? Long.MAX_VALUE : value));
			}
		}
		if (conjuncts.size() == 2) {
			Matcher first = BOUND.matcher(unwrap(conjuncts.get(0).trim()));
			Matcher second = BOUND.matcher(unwrap(conjuncts.get(1).trim()));
			if (first.matches() && second.matches() && !first.group(2).equals(second.group(2))
					&& fitsALong(first.group(3)) && fitsALong(second.group(3))
					&& column(first.group(1)).equals(column(second.group(1)))) {
				// Bean Validation's @Min and @Max reach the DDL in either order
				Matcher low = first.group(2).equals(">=") ? first : second;
				Matcher high = (low == first) ? second : first;
				return Optional.of(new ValueSetCheck(column(low.group(1)), null, Long.parseLong(low.group(3)),
						Long.parseLong(high.group(3))));
			}
		}
		return Optional.empty();
	}

	private static boolean fitsALong(String digits) {
		try {
			Long.parseLong(digits);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String column(String operand) {
		return unwrap(withoutCasts(unwrap(operand.trim())));
	}

	private static String withoutCasts(String text) {
		if (text.endsWith("'")) {
			return text;
		}
		return CASTS.matcher(text).replaceFirst("");
	}

	/** The text without parentheses around all of it. */
	private static String unwrap(String text) {
		String current = text;
		while (current.startsWith("(") && closing(current, 0) == current.length() - 1) {
			current = current.substring(1, current.length() - 1).trim();
		}
		return current;
	}

	private static int closing(String text, int open) {
		int depth = 0;
		boolean quoted = false;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** The parts of a text between separators at the top level: not inside literals, parentheses or brackets. */
	private static List<String> split(String text, String separator) {
		List<String> items = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '[')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == ']')) {
				depth--;
			}
			else if (!quoted && depth == 0 && text.startsWith(separator, i)) {
				items.add(text.substring(start, i));
				i += separator.length();
				start = i;
				continue;
			}
			i++;
		}
		items.add(text.substring(start));
		return items;
	}

}
