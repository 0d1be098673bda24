package dev.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes revision files into a directory for tests. */
public final class RevisionFiles {

	private final Path directory;

	public RevisionFiles(Path directory) {
		this.directory = directory;
	}

	public Path directory() {
		return this.directory;
	}

	public String location() {
		return "filesystem:" + this.directory;
	}

	/** Writes {@code <id>_<slug>.sql} with the usual headers. */
	public Path write(String id, String downRevision, String message, String upgrade, String downgrade) {
		return write(id, downRevision, message, "", upgrade, downgrade);
	}

	public Path write(String id, String downRevision, String message, String extraHeaders, String upgrade, String downgrade) {
		String text = "-- revision: " + id + "\n-- down_revision: " + downRevision + "\n-- message: " + message + "\n"
				+ "-- created: 2026-11-21T22:39:00Z\n" + extraHeaders + "\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n"
				+ downgrade + "\n";
		Path file = this.directory.resolve(id + "_" + message.replaceAll("[^a-z0-9]+", "_") + ".sql");
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** Writes a whole revision file as given. */
	public static Path writeText(Path file, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

}
