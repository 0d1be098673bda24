package dev.migrations.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server of this JVM, started from the binaries on the class path the first time it is
 * needed and stopped when the JVM exits. Kept apart from the resolution so that the embedded library is only
 * loaded when this fallback is reached.
 */
final class EmbeddedPostgresServer {

	private static EmbeddedPostgres server;

	private EmbeddedPostgresServer() {
	}

	/** Starts the server unless it runs already, and returns its port. */
	static synchronized int start() {
		if (server == null) {
			try {
				// The library registers its own shutdown hook, which stops the server and deletes its data directory.
				server = EmbeddedPostgres.builder()
					.setPGStartupWait(Duration.ofMinutes(5))
					// A test server loses nothing worth keeping in a crash; skipping durability makes DDL fast.
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return server.getPort();
	}

	/**
	 * The directory holding the running embedded server's executables, found from its process because the
	 * library keeps its extraction directory to itself. Empty when no embedded server runs in this JVM.
	 */
	static synchronized Optional<Path> binDirectory() {
		if (server == null) {
			return Optional.empty();
		}
		return server.getProcess().info().command().map(Path::of).map(Path::getParent);
	}

}
