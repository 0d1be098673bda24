package dev.migrations.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JDBC URL of the form {@code jdbc:<driver>://<hosts>/<database>?<parameters>}, taken apart so that the
 * database can be swapped for a test database and the credentials handled separately.
 *
 * @param prefix everything up to and including {@code //}, e.g. {@code jdbc:postgresql://}
 * @param authority the host list, e.g. {@code 127.0.0.1:5432} or {@code h1:5432,h2:5432}
 * @param database the database name, empty when the URL names none
 * @param parameters the query parameters in their original order, values still URL-encoded
 */
record JdbcUrl(String prefix, String authority, String database, Map<String, String> parameters) {

	private static final String USER = "user";

	private static final String PASSWORD = "password";

	JdbcUrl {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	static JdbcUrl parse(String url) {
		int slashes = url.indexOf("//");
		if (!url.startsWith("jdbc:") || slashes < 0) {
			throw new TestDatabaseException("'" + redact(url) + "' is not a JDBC URL of the form "
					+ "jdbc:<driver>://host[:port]/[database][?parameters]; fix the URL given for the test database.");
		}
		String rest = url.substring(slashes + 2);
		int question = rest.indexOf('?');
		String hostAndPath = (question < 0) ? rest : rest.substring(0, question);
		int slash = hostAndPath.indexOf('/');
		String authority = (slash < 0) ? hostAndPath : hostAndPath.substring(0, slash);
		String database = (slash < 0) ? "" : hostAndPath.substring(slash + 1);
		Map<String, String> parameters = new LinkedHashMap<>();
		if (question >= 0) {
			for (String pair : rest.substring(question + 1).split("&")) {
				if (!pair.isEmpty()) {
					int equals = pair.indexOf('=');
					parameters.put((equals < 0) ? pair : pair.substring(0, equals),
							(equals < 0) ? "" : pair.substring(equals + 1));
				}
			}
		}
		return new JdbcUrl(url.substring(0, slashes + 2), authority, database, parameters);
	}

	/** The {@code user} parameter, decoded. */
	Optional<String> user() {
		return decoded(USER);
	}

	/** The {@code password} parameter, decoded. */
	Optional<String> password() {
		return decoded(PASSWORD);
	}

	JdbcUrl withDatabase(String database) {
		return new JdbcUrl(this.prefix, this.authority, database, this.parameters);
	}

	/** This URL without {@code user} and {@code password}, which are passed to the driver separately. */
	JdbcUrl withoutCredentials() {
		Map<String, String> remaining = new LinkedHashMap<>(this.parameters);
		remaining.remove(USER);
		remaining.remove(PASSWORD);
		return new JdbcUrl(this.prefix, this.authority, this.database, remaining);
	}

	/** The first host of the authority, without port and without IPv6 brackets. */
	String host() {
		String first = firstAuthority();
		if (first.startsWith("[")) {
			return first.substring(1, first.indexOf(']'));
		}
		int colon = first.lastIndexOf(':');
		return (colon < 0) ? first : first.substring(0, colon);
	}

	/** The port of the first host, or {@code defaultPort} when the URL gives none. */
	int port(int defaultPort) {
		String first = firstAuthority();
		int colon = first.lastIndexOf(':');
		if (colon < 0 || first.lastIndexOf(']') > colon) {
			return defaultPort;
		}
		return Integer.parseInt(first.substring(colon + 1));
	}

	/** The URL with the password parameter masked, for messages and logs. */
	String redacted() {
		return redact(toString());
	}

	@Override
	public String toString() {
		String query = this.parameters.entrySet()
			.stream()
			.map((entry) -> entry.getValue().isEmpty() ? entry.getKey() : entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&"));
		return this.prefix + this.authority + "/" + this.database + (query.isEmpty() ? "" : "?" + query);
	}

	private String firstAuthority() {
		int comma = this.authority.indexOf(',');
		return (comma < 0) ? this.authority : this.authority.substring(0, comma);
	}

	private Optional<String> decoded(String name) {
		return Optional.ofNullable(this.parameters.get(name))
			.map((value) -> URLDecoder.decode(value, StandardCharsets.UTF_8));
	}

	private static String redact(String url) {
		return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
	}

}
