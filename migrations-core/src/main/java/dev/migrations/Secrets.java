package dev.migrations;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords kept out of what the tool prints (messages, logs, the failures of command mode): a JDBC URL is
 * shown with its password masked ({@code ?password=}, {@code ;password=}, {@code (password=...)},
 * {@code //user:password@host}), and a text that may repeat a password (a driver's message quoting the part of
 * the URL it could not read, a stack trace) has every known password masked. A statement, or a database's message
 * quoting one, is shown with its password literals masked ({@code PASSWORD '...'}, {@code IDENTIFIED BY '...'}): a
 * revision that creates a role or a user mapping leaves its password in no message, log line or recorded error.
 */
public final class Secrets {

	/** What a password is shown as. */
	public static final String MASK = "******";

	// shorter values would mask parts of ordinary words; no password of a real login is that short
	private static final int SHORTEST_MASKED = 3;

	// MariaDB's and MySQL's address=(host=db)(password=...) form, before the parameters' form
	private static final Pattern PASSWORD_IN_PARENTHESES = Pattern.compile("(?i)(\\((?:password|pwd)=)([^)]*)");

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?<!\\()(?:password|pwd)=)([^&;]*)");

	// the authority's user:password@, up to its last '@' (a password may hold one)
	private static final Pattern USER_INFO = Pattern.compile("//([^/@:?#]*):([^/?#]*)@");

	// what a password literal follows: PostgreSQL's [ENCRYPTED] PASSWORD '...' of CREATE/ALTER ROLE and USER, the
	// password '...' option of a user mapping or a foreign server; MariaDB's and MySQL's PASSWORD('...') and
	// OLD_PASSWORD('...'), IDENTIFIED BY '...', IDENTIFIED WITH plugin BY|AS '...', IDENTIFIED VIA plugin USING '...', and
	// SET PASSWORD [FOR user] = '...' (a user and host as long as MariaDB takes them). The literal is read by literalEnd:
	// a pattern for it would recurse once for each of its characters and exhaust the stack on a long one; the bounded
	// run keeps a long line from being read again for each of its words
	private static final List<Pattern> BEFORE_PASSWORD_LITERAL = List.of(
			Pattern.compile("(?i)(?<![\\w$])PASSWORD\\s+"),
			Pattern.compile("(?i)(?<![\\w$])(?:OLD_)?PASSWORD\\s*\\(\\s*"),
			Pattern.compile("(?i)(?<![\\w$])IDENTIFIED\\s+(?:(?:WITH|VIA)\\s+\\S+\\s+)?(?:BY|AS|USING)\\s+(?:PASSWORD\\s+)?"),
			Pattern.compile("(?i)(?<![\\w$])SET\\s+PASSWORD\\b[^=\\n]{0,400}=\\s*"));

	private static final List<Pattern> SQL_PASSWORD_VALUES = List.of(
			// a connection string's password=... (dblink_connect, a server's options), bare or in quotes (doubled within a
			// statement's literal)
			Pattern.compile("(?i)((?<![\\w$])(?:password|pwd)=)(''[^'\\n]++''|'[^'\\n]*+'|[^\\s'\"&;),]+)"),
			// a URL's user:password@ (dblink, a foreign server), up to its last '@'
			Pattern.compile("(//[^/@:?#\\s'\"]*:)([^/?#\\s'\"]*)(?=@)"));

	// the longest $tag$...$tag$ taken for a password: its closing tag is looked for no further
	private static final int LONGEST_DOLLAR_QUOTED = 4096;

	private Secrets() {
	}

	/**
	 * The URL with its passwords masked.
	 * @param url a JDBC URL, or {@code null}
	 * @return the URL as shown, {@code null} for {@code null}
	 */
	public static String maskUrl(String url) {
		if (url == null) {
			return null;
		}
		String masked = PASSWORD_IN_PARENTHESES.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
		masked = PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
		return USER_INFO.matcher(masked).replaceAll("//$1:" + Matcher.quoteReplacement(MASK) + "@");
	}

	/**
	 * The text with the password literals of SQL statements masked and the rest as it is, so that a failed statement
	 * stays readable: {@code CREATE ROLE app LOGIN PASSWORD '******'}. The forms masked: {@code [ENCRYPTED] PASSWORD
	 * '...'} (PostgreSQL's roles, a user mapping's or a foreign server's options), {@code IDENTIFIED BY|AS|USING
	 * [PASSWORD] '...'} and {@code PASSWORD('...')} (MariaDB, MySQL), {@code SET PASSWORD ... = '...'}, a connection
	 * string's {@code password=...} and a URL's {@code user:password@}.
	 * @param text a statement, or a message that may quote one, or {@code null}
	 * @return the text as shown, {@code null} for {@code null}
	 */
	public static String maskSql(String text) {
		if (text == null) {
			return null;
		}
		String masked = text;
		for (Pattern pattern : BEFORE_PASSWORD_LITERAL) {
			Matcher matcher = pattern.matcher(masked);
			StringBuilder out = null;
			int copied = 0;
			int from = 0;
			while (from < masked.length() && matcher.find(from)) {
				int end = literalEnd(masked, matcher.end());
				if (end < 0) {
					from = matcher.end();
					continue;
				}
				out = (out != null) ? out : new StringBuilder(masked.length());
				out.append(masked, copied, matcher.end()).append(maskedLiteral(masked.substring(matcher.end(), end)));
				copied = end;
				from = end;
			}
			if (out != null) {
				masked = out.append(masked, copied, masked.length()).toString();
			}
		}
		for (Pattern pattern : SQL_PASSWORD_VALUES) {
			Matcher matcher = pattern.matcher(masked);
			StringBuilder out = null;
			while (matcher.find()) {
				out = (out != null) ? out : new StringBuilder(masked.length());
				// a value masked already (a URL's, by maskUrl) is kept with what follows it: "password=******: check ..."
				String value = matcher.group(2).startsWith(MASK) ? matcher.group(2) : maskedLiteral(matcher.group(2));
				matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + value));
			}
			if (out != null) {
				masked = matcher.appendTail(out).toString();
			}
		}
		return masked;
	}

	/**
	 * Where the string literal at {@code start} ends, {@code -1} when none begins there: {@code '...'} (doubled quotes
	 * and backslash escapes within; MariaDB's {@code "..."} too), {@code E'...'}, {@code U&'...'}, {@code $tag$...$tag$}
	 * on one line, and {@code ''...''} as a literal quoted within another ({@code EXECUTE 'CREATE ROLE x PASSWORD
	 * ''...'''}). A quoted one cut short (an abbreviated statement) runs to the end of its line.
	 */
	private static int literalEnd(String text, int start) {
		int length = text.length();
		if (text.startsWith("''", start)) {
			int end = start + 2;
			while (end < length && text.charAt(end) != '\'' && text.charAt(end) != '\n') {
				end++;
			}
			if (end > start + 2 && text.startsWith("''", end)) {
				return end + 2;
			}
		}
		int open = start;
		if (text.regionMatches(true, open, "E'", 0, 2)) {
			open++;
		}
		else if (text.regionMatches(true, open, "U&'", 0, 3)) {
			open += 2;
		}
		if (open < length && (text.charAt(open) == '\'' || text.charAt(open) == '"')) {
			char quote = text.charAt(open);
			int i = open + 1;
			while (i < length) {
				char c = text.charAt(i);
				if (c == '\n') {
					return i;
				}
				if (c == '\\') {
					if (i + 1 < length && text.charAt(i + 1) != '\n') {
						i += 2;
						continue;
					}
					return i;
				}
				if (c == quote) {
					if (i + 1 < length && text.charAt(i + 1) == quote) {
						i += 2;
						continue;
					}
					return i + 1;
				}
				i++;
			}
			return length;
		}
		if (text.startsWith("$", start)) {
			int i = start + 1;
			while (i < length && i - start <= 64 && isWordChar(text.charAt(i))) {
				i++;
			}
			if (i < length && text.charAt(i) == '$') {
				String tag = text.substring(start, i + 1);
				int last = Math.min(length - tag.length(), i + 1 + LONGEST_DOLLAR_QUOTED);
				for (int j = i + 1; j <= last && text.charAt(j) != '\n'; j++) {
					if (text.startsWith(tag, j)) {
						return j + tag.length();
					}
				}
			}
		}
		return -1;
	}

	private static boolean isWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	// the literal's quotes kept around the mask, so that the statement reads as written
	private static String maskedLiteral(String value) {
		if (value.startsWith("''")) {
			return "''" + MASK + "''";
		}
		if (value.startsWith("E'") || value.startsWith("e'")) {
			return value.charAt(0) + "'" + MASK + "'";
		}
		if (value.regionMatches(true, 0, "U&'", 0, 3)) {
			return value.substring(0, 3) + MASK + "'";
		}
		if (value.startsWith("'") || value.startsWith("\"")) {
			return value.charAt(0) + MASK + value.charAt(0);
		}
		if (value.startsWith("$")) {
			String tag = value.substring(0, value.indexOf('$', 1) + 1);
			return tag + MASK + tag;
		}
		return MASK;
	}

	/**
	 * The passwords a JDBC URL holds, as written and decoded ({@code %40} as {@code @}): a driver's message may
	 * quote either.
	 * @param url a JDBC URL, or {@code null}
	 * @return the passwords, none for {@code null}
	 */
	public static Set<String> inUrl(String url) {
		Set<String> passwords = new LinkedHashSet<>();
		if (url == null) {
			return passwords;
		}
		for (Pattern pattern : List.of(PASSWORD_IN_PARENTHESES, PASSWORD_PARAMETER, USER_INFO)) {
			Matcher matcher = pattern.matcher(url);
			while (matcher.find()) {
				String password = matcher.group(2);
				passwords.add(password);
				try {
					passwords.add(URLDecoder.decode(password, StandardCharsets.UTF_8));
				}
				catch (IllegalArgumentException ex) {
					// not %-encoded: as written only
				}
			}
		}
		passwords.removeIf((password) -> password.isBlank() || password.equals(MASK));
		return passwords;
	}

	/**
	 * The text with the passwords masked, the longest first (one password may hold another). A password is masked
	 * where it stands as a word of its own: not where it starts or ends inside another word ({@code postgres} in
	 * {@code jdbc:postgresql:} or in a table {@code postgres_things}, {@code app} in {@code apps}), as a driver
	 * quotes it between other characters ({@code unknown host app:s3cret@db}, {@code password=s3cret&}). A blank
	 * password, and one shorter than three characters, would mask ordinary words: it is masked only where it stands
	 * as a URL's password ({@code :ab@}).
	 * @param text the text, or {@code null}
	 * @param passwords the passwords ({@code null} elements are ignored)
	 * @return the text as shown, {@code null} for {@code null}
	 */
	public static String mask(String text, Collection<String> passwords) {
		if (text == null || passwords == null || passwords.isEmpty()) {
			return text;
		}
		List<String> longestFirst = passwords.stream()
			.filter((password) -> password != null && !password.isEmpty())
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		String masked = text;
		for (String password : longestFirst) {
			masked = mask(masked, password);
		}
		return masked;
	}

	private static String mask(String text, String password) {
		boolean wordLong = password.strip().length() >= SHORTEST_MASKED;
		StringBuilder masked = null;
		int copied = 0;
		for (int at = text.indexOf(password); at >= 0; at = text.indexOf(password, at + 1)) {
			int end = at + password.length();
			boolean own = at >= copied
					&& ((wordLong && !joins(password.charAt(0), text, at - 1)
							&& !joins(password.charAt(password.length() - 1), text, end))
							|| (at > 0 && text.charAt(at - 1) == ':' && end < text.length() && text.charAt(end) == '@'));
			if (own) {
				masked = (masked != null) ? masked : new StringBuilder(text.length());
				masked.append(text, copied, at).append(MASK);
				copied = end;
			}
		}
		return (masked != null) ? masked.append(text, copied, text.length()).toString() : text;
	}

	// whether a password's first or last character and the text's character next to it are of one word
	private static boolean joins(char edge, String text, int next) {
		return next >= 0 && next < text.length() && isWordCharacter(edge) && isWordCharacter(text.charAt(next));
	}

	private static boolean isWordCharacter(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

}
