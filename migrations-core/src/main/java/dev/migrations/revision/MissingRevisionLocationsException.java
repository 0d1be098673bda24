package dev.migrations.revision;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

/**
 * Configured revision locations do not exist, so the revisions the application expects cannot be
 * read: a typo in a location, or revisions not built into the class path. Reported by every command
 * that reads revisions while {@code failOnMissingLocations} is on (the default).
 */
public class MissingRevisionLocationsException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final List<String> locations;

	private final String outputDirectory;

	private final String fileLocation;

	/**
	 * Creates the exception.
	 * @param locations the missing locations, after {@code {vendor}} substitution
	 * @param outputDirectory the directory {@code db init} creates
	 */
	public MissingRevisionLocationsException(List<String> locations, String outputDirectory) {
		this(locations, outputDirectory, aFile(locations));
	}

	private MissingRevisionLocationsException(List<String> locations, String outputDirectory, String fileLocation) {
		super(fileLocation != null ? "Revision location " + fileLocation + " is a file, not a directory: point"
				+ " migrations.locations at the directory holding the revision files (filesystem:"
				+ Paths.get(fileLocation.substring("filesystem:".length())).toAbsolutePath().getParent() + ")"
				: "Revision location" + ((locations.size() == 1) ? " " : "s ") + String.join(", ", locations)
				+ ((locations.size() == 1) ? " does" : " do") + " not exist: create "
				+ ((locations.size() == 1) ? "it" : "them") + " (`db init` creates " + outputDirectory
				+ "), point the locations (migrations.locations) at your revisions, or set"
				+ " migrations.fail-on-missing-locations=false (failOnMissingLocations(false) in the Java API)"
				+ " to run without revisions");
		this.locations = List.copyOf(locations);
		this.outputDirectory = outputDirectory;
		this.fileLocation = fileLocation;
	}

	/**
	 * The directory {@code db init} creates.
	 * @return the directory, as configured
	 */
	public String outputDirectory() {
		return this.outputDirectory;
	}

	/**
	 * The location that is a file, not a directory (a revision file given where its directory is meant).
	 * @return the location, {@code null} when none is a file
	 */
	public String fileLocation() {
		return this.fileLocation;
	}

	// a filesystem location naming a file (a revision file given where its directory is meant)
	private static String aFile(List<String> locations) {
		for (String location : locations) {
			if (location.startsWith("filesystem:")
					&& Files.isRegularFile(Paths.get(location.substring("filesystem:".length())))) {
				return location;
			}
		}
		return null;
	}

	/**
	 * The missing locations, after {@code {vendor}} substitution.
	 * @return the locations, in configuration order
	 */
	public List<String> locations() {
		return this.locations;
	}

}
