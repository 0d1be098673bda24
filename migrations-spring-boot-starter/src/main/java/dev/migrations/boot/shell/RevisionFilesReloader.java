package dev.migrations.boot.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.migrations.Migrations;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Reads the revisions again before a shell command when the revision files changed on disk since they
 * were last read: a file written, edited or deleted from another terminal (or by an editor) is seen by
 * the next {@code db} command of the running application, as it is by command mode, which reads them at
 * every start.
 * <p>
 * What changed is told by a fingerprint of the directories the revisions come from (the
 * {@code filesystem:} locations, the output directory, and class path locations that are directories,
 * as when the application runs from its build output): the path, size and modification time of each
 * file, and which directories exist. Computing it lists the directories; reading the revisions again
 * happens only when it differs. Revisions inside a jar cannot change while the application runs.
 */
final class RevisionFilesReloader {

	private final ObjectProvider<Migrations> migrations;

	private List<String> fingerprint;

	private Migrations loaded;

	RevisionFilesReloader(ObjectProvider<Migrations> migrations) {
		this.migrations = migrations;
	}

	/**
	 * Reads the revisions again when their files changed since the last call (at the first call: since
	 * the application read them, which cannot be known, so they are read again).
	 * @throws RuntimeException when the files changed and do not load: the message of the error names
	 * the file and what to do, and the next call tries again
	 */
	synchronized void reloadIfChanged() {
		Migrations facade = this.migrations.getIfAvailable();
		if (facade == null) {
			return;
		}
		// taken before reading, so a change made while the files are read is seen by the next call
		List<String> current = fingerprint(directories(facade));
		if (facade == this.loaded && current.equals(this.fingerprint)) {
			return;
		}
		facade.reload();
		this.loaded = facade;
		this.fingerprint = current;
	}

	/** The directories on disk the revisions of the facade are read from, existing or not. */
	static Set<Path> directories(Migrations facade) {
		Set<Path> directories = new LinkedHashSet<>();
		directories.add(facade.outputDirectory().toAbsolutePath().normalize());
		ClassLoader classLoader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
				RevisionFilesReloader.class.getClassLoader());
		for (String location : facade.locations()) {
			if (location.startsWith("filesystem:")) {
				directories.add(Paths.get(location.substring("filesystem:".length())).toAbsolutePath().normalize());
				continue;
			}
			String path = (location.startsWith("classpath:") ? location.substring("classpath:".length()) : location)
				.replaceAll("^/+|/+$", "");
			try {
				Enumeration<URL> roots = classLoader.getResources(path);
				while (roots.hasMoreElements()) {
					URL root = roots.nextElement();
					if ("file".equals(root.getProtocol())) {
						directories.add(Paths.get(root.toURI()).toAbsolutePath().normalize());
					}
				}
			}
			catch (IOException | URISyntaxException | RuntimeException ex) {
				// a location that cannot be listed is reported by the command that reads it
			}
		}
		return directories;
	}

	/** Each directory, whether it exists, and the path, size and modification time of each file below it. */
	static List<String> fingerprint(Set<Path> directories) {
		List<String> entries = new ArrayList<>();
		for (Path directory : directories) {
			if (!Files.isDirectory(directory)) {
				entries.add(directory + " (missing)");
				continue;
			}
			entries.add(directory.toString());
			try {
				Files.walkFileTree(directory, new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
						if (attributes.isRegularFile()) {
							entries.add(file + " " + attributes.size() + " " + attributes.lastModifiedTime());
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) {
						// a file that vanished while the directory was listed: the next call sees the directory as it is
						entries.add(file + " (unreadable)");
						return FileVisitResult.CONTINUE;
					}

				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not list the revision files in " + directory, ex);
			}
		}
		return entries;
	}

}
