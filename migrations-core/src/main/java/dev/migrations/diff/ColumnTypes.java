package dev.migrations.diff;

import java.util.regex.Pattern;

/**
 * Column types as PostgreSQL means them, not as they are spelled: {@code timestamp(6)} and
 * {@code timestamp} are the same type to the server (microseconds are both the default and the
 * most it stores), and so are {@code time(6)}, {@code timestamptz(6)} and {@code timetz(6)} with
 * their unqualified forms. Hibernate writes the precision, hand-written and Liquibase-built schemas
 * usually do not.
 */
final class ColumnTypes {

	private static final Pattern DEFAULT_PRECISION = Pattern.compile("^(time|timestamp)\\(6\\)( with(?:out)? time zone)");

	private ColumnTypes() {
	}

	/** The type with a precision the server treats as absent left out. */
	static String canonical(String type) {
		return (type != null) ? DEFAULT_PRECISION.matcher(type).replaceFirst("$1$2") : null;
	}

	static boolean same(String a, String b) {
		return canonical(a).equals(canonical(b));
	}

}
