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
 * the URL it could not read, a stack trace) has every known password masked.
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
