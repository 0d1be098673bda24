package dev.migrations.rehearse;

import dev.migrations.MigrationsException;
import dev.migrations.Secrets;

/** The database part of a PostgreSQL JDBC URL, read and replaced; host, port and parameters are kept. */
final class JdbcUrls {

	private static final String PREFIX = "jdbc:postgresql:";

	private JdbcUrls() {
	}

	/**
	 * The URL with another database: {@code jdbc:postgresql://host:5432/app?ssl=true} with {@code copy}
	 * gives {@code jdbc:postgresql://host:5432/copy?ssl=true}.
	 */
	static String withDatabase(String url, String database) {
		if (url == null || !url.startsWith(PREFIX)) {
			throw new MigrationsException("A rehearsal on a copy needs a PostgreSQL JDBC URL (jdbc:postgresql://host:port/"
					+ "database), got " + Secrets.maskUrl(url) + ".");
		}
		int question = url.indexOf('?');
		String query = (question < 0) ? "" : url.substring(question);
		String body = url.substring(PREFIX.length(), (question < 0) ? url.length() : question);
		if (body.startsWith("//")) {
			int slash = body.indexOf('/', 2);
			String authority = (slash < 0) ? body : body.substring(0, slash);
			return PREFIX + authority + "/" + database + query;
		}
		return PREFIX + database + query;
	}

}
