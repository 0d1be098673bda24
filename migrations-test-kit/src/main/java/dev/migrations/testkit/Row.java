package dev.migrations.testkit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A row of a table as column names and values, for {@link DataStep#insert} and {@link DataStep#assertRows}:
 * <pre class="code">
 * row("id", 1, "currency", "EUR")
 * </pre>
 * Values are compared by what they say, not by their Java type: {@code 1}, {@code 1L} and {@code 1.0} are the
 * same number, an enum label read back from the database equals the string written, a timestamp with time zone
 * equals any {@code OffsetDateTime}, {@code ZonedDateTime} or {@code Instant} of the same instant, one without
 * equals the {@code LocalDateTime}, JSON equals the same JSON spaced otherwise, an interval equals the same span
 * as PostgreSQL's {@code =} has it ({@code "1 day"}, {@code "24 hours"}, {@code Duration.ofDays(1)}), bytes ({@code bytea}, {@code blob})
 * equal a {@code byte[]} of the same bytes, and an array column equals a Java array or list of the same elements.
 * <p>
 * Columns are named as the database stores them ({@code row("User_id", 7)} for a column created as
 * {@code "User_id"}); the kit quotes them as the database needs (see {@link DataStep}).
 */
public final class Row {

	private final Map<String, Object> values;

	private Row(Map<String, Object> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	/**
	 * A row from alternating column names and values.
	 * @param namesAndValues {@code "column", value, "column", value, ...}
	 */
	public static Row row(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("row(...) takes column names and values in pairs, but got "
					+ namesAndValues.length + " arguments: give each column a value, e.g. row(\"id\", 1, \"name\", \"a\").");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (!(namesAndValues[i] instanceof String name)) {
				throw new IllegalArgumentException("row(...): argument " + (i + 1) + " must be a column name, but is "
						+ namesAndValues[i] + ".");
			}
			values.put(name, namesAndValues[i + 1]);
		}
		return new Row(values);
	}

	/** The columns and their values, in the order given. */
	public Map<String, Object> values() {
		return this.values;
	}

	/** This row with only the given columns, values normalised for comparison. */
	Map<String, String> comparable(Iterable<String> columns) {
		Map<String, String> result = new LinkedHashMap<>();
		for (String column : columns) {
			result.put(column, normalise(this.values.get(column)));
		}
		return result;
	}

	static String normalise(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Number number && !(value instanceof BigDecimal)) {
			try {
				value = new BigDecimal(number.toString());
			}
			catch (NumberFormatException ex) {
				return number.toString();
			}
		}
		if (value instanceof BigDecimal decimal) {
			return (decimal.signum() == 0) ? "0" : decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		// points in time by the instant, whatever the offset or zone they are written in
		if (value instanceof OffsetDateTime time) {
			return time.toInstant().toString();
		}
		if (value instanceof ZonedDateTime time) {
			return time.toInstant().toString();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toLocalDateTime().toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof java.sql.Time time) {
			return time.toLocalTime().toString();
		}
		// bytes as PostgreSQL prints bytea, whatever array holds them
		if (value instanceof byte[] bytes) {
			StringBuilder hex = new StringBuilder("\\x");
			for (byte b : bytes) {
				hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
			}
			return hex.toString();
		}
		// an array (a SQL array read back, or one a test gives) or a list by its elements, each compared as a value
		if (value.getClass().isArray() || value instanceof java.util.Collection<?>) {
			List<String> elements = new ArrayList<>();
			if (value instanceof java.util.Collection<?> collection) {
				collection.forEach((element) -> elements.add(normalise(element)));
			}
			else {
				for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
					elements.add(normalise(java.lang.reflect.Array.get(value, i)));
				}
			}
			StringJoiner shown = new StringJoiner(", ", "[", "]");
			elements.forEach((element) -> shown.add((element == null) ? "null" : quotedIf(element, true)));
			return shown.toString();
		}
		return value.toString();
	}

	/**
	 * Rows as a failed assertion shows them: a null as {@code null}, a string that would read as something else
	 * (the word null, an empty string, one with spaces around it) in double quotes.
	 */
	static String shown(List<Map<String, String>> rows) {
		if (rows == null) {
			return "null";
		}
		StringJoiner shown = new StringJoiner(", ", "[", "]");
		for (Map<String, String> row : rows) {
			StringJoiner columns = new StringJoiner(", ", "{", "}");
			row.forEach((column, value) -> columns.add(column + "=" + ((value == null) ? "null" : quotedIf(value, false))));
			shown.add(columns.toString());
		}
		return shown.toString();
	}

	// quoted when it could be read as another value: among an array's elements also when it holds a separator
	private static String quotedIf(String text, boolean element) {
		boolean quote = text.isEmpty() || text.equalsIgnoreCase("null") || !text.equals(text.strip())
				|| text.startsWith("\"");
		for (int i = 0; element && !quote && i < text.length(); i++) {
			quote = ",[]\"".indexOf(text.charAt(i)) >= 0;
		}
		return quote ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : text;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Row row && Objects.equals(this.values, row.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	@Override
	public String toString() {
		// bytes and arrays by what they hold, not by their identity
		Map<String, Object> shown = new LinkedHashMap<>();
		this.values.forEach((column, value) -> shown.put(column,
				(value != null && (value.getClass().isArray() || value instanceof java.util.Collection<?>)) ? normalise(value)
						: value));
		return shown.toString();
	}

}
