package dev.migrations.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.test.ServerResolver.Available;
import dev.migrations.test.ServerResolver.Resolution;
import dev.migrations.test.ServerResolver.Unavailable;
import dev.migrations.test.TestDatabase.Vendor;

/**
 * Creates fresh databases for tests on the first server available, looked for once per JVM in this order:
 * <ol>
 * <li>the JDBC URL in {@code MIGRATIONS_TEST_POSTGRES_URL} (or {@code -Dmigrations.test.postgres.url}), with
 * {@code MIGRATIONS_TEST_POSTGRES_USER} and {@code MIGRATIONS_TEST_POSTGRES_PASSWORD} when the URL carries no
 * credentials; when set, it is the only source tried;</li>
 * <li>a server on {@code 127.0.0.1:5432}, user {@code postgres} without password;</li>
 * <li>a Testcontainers container, when Docker is available;</li>
 * <li>an embedded PostgreSQL started from the binaries on the class path.</li>
 * </ol>
 * MariaDB follows the same order with {@code MIGRATIONS_TEST_MARIADB_*}, {@code 127.0.0.1:3306} and user
 * {@code root}, and has no embedded server: when none is found, {@link #mariadb()} aborts the test so that it is
 * reported as skipped. {@code -Dmigrations.test.postgres=url|local|testcontainers|embedded} (or
 * {@code MIGRATIONS_TEST_POSTGRES_SOURCE}) restricts the search to one source, likewise
 * {@code migrations.test.mariadb}.
 * <p>
 * The first time a server is used in a JVM, test databases older than six hours, left behind by killed runs,
 * are dropped. All methods are safe to call from tests running in parallel.
 */
public final class TestDatabases {

	private static final Logger logger = LoggerFactory.getLogger(TestDatabases.class);

	// Keyed by settings rather than vendor so that a test forcing a source gets that source, while every
	// other test keeps the server found first; probes run once per key.
	private static final Map<SourceSettings, Resolution> resolutions = new ConcurrentHashMap<>();

	private TestDatabases() {
	}

	/**
	 * Creates a fresh PostgreSQL database.
	 * @throws TestDatabaseException when no source gives a server, listing what was tried and how to provide one
	 */
	public static TestDatabase postgres() {
		return create(Vendor.POSTGRESQL);
	}

	/**
	 * Creates a fresh MariaDB database, or aborts the calling test (reported as skipped, with a message saying
	 * what was tried and how to provide a server) when there is no MariaDB server.
	 */
	public static TestDatabase mariadb() {
		return create(Vendor.MARIADB);
	}

	/** Creates a fresh database of the given vendor; see {@link #postgres()} and {@link #mariadb()}. */
	public static TestDatabase create(Vendor vendor) {
		return server(SourceSettings.fromEnvironment(vendor)).createDatabase();
	}

	/**
	 * Finds a {@code psql} executable: on the {@code PATH}, in {@code /usr/lib/postgresql/<version>/bin} (newest
	 * version first), in the embedded server's directory when one runs, or in a Homebrew {@code libpq}.
	 */
	public static Optional<Path> psqlExecutable() {
		boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
		String executable = windows ? "psql.exe" : "psql";
		List<Path> directories = new ArrayList<>();
		String path = System.getenv("PATH");
		if (path != null) {
			for (String entry : path.split(File.pathSeparator)) {
				if (!entry.isBlank()) {
					directories.add(Path.of(entry));
				}
			}
		}
		directories.addAll(debianPostgresBinDirectories());
		EmbeddedPostgresServer.binDirectory().ifPresent(directories::add);
		directories.add(Path.of("/opt/homebrew/opt/libpq/bin"));
		directories.add(Path.of("/usr/local/opt/libpq/bin"));
		return directories.stream()
			.map((directory) -> directory.resolve(executable))
			.filter((candidate) -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
			.findFirst();
	}

	/** Aborts the calling test unless a MariaDB server is available. */
	static void assumeMariaDbAvailable() {
		server(SourceSettings.fromEnvironment(Vendor.MARIADB));
	}

	static DatabaseServer server(SourceSettings settings) {
		Resolution resolution = resolutions.computeIfAbsent(settings, TestDatabases::resolveAndClean);
		if (resolution instanceof Available available) {
			return available.server();
		}
		String message = ((Unavailable) resolution).message();
		if (settings.vendor() == Vendor.MARIADB) {
			Assumptions.abort("Skipped: " + message);
		}
		throw new TestDatabaseException(message);
	}

	private static Resolution resolveAndClean(SourceSettings settings) {
		Resolution resolution = ServerResolver.resolve(settings);
		if (resolution instanceof Available available) {
			DatabaseServer server = available.server();
			String cleanup = "";
			try {
				List<String> dropped = server.dropStaleDatabases(Instant.now());
				if (!dropped.isEmpty()) {
					cleanup = "; dropped " + dropped.size() + " test database(s) older than "
							+ DatabaseServer.STALE_AFTER.toHours() + " hours";
				}
			}
			catch (SQLException ex) {
				cleanup = "; could not look for stale test databases: " + ex.getMessage();
			}
			logger.info("{} test databases on {}{}", settings.vendor().displayName(), server.description(), cleanup);
			if (!available.tried().isEmpty()) {
				logger.debug("{} sources tried before: {}", settings.vendor().displayName(), available.tried());
			}
		}
		return resolution;
	}

	private static List<Path> debianPostgresBinDirectories() {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.sorted(Comparator.comparing(TestDatabases::versionNumber).reversed())
				.map((version) -> version.resolve("bin"))
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static int versionNumber(Path directory) {
		try {
			return Integer.parseInt(directory.getFileName().toString().split("\\.")[0]);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
