package dev.migrations.boot.diagnostics;

import java.nio.file.Paths;

import dev.migrations.revision.MissingRevisionLocationsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configured revision location does not exist. */
class MissingRevisionLocationsFailureAnalyzer extends AbstractFailureAnalyzer<MissingRevisionLocationsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingRevisionLocationsException cause) {
		String file = cause.fileLocation();
		if (file != null) {
			return new FailureAnalysis("The database was not upgraded: the revision location " + file
					+ " is a file, not a directory.", "Point migrations.locations at the directory holding the revision"
							+ " files (filesystem:" + Paths.get(file.substring("filesystem:".length())).toAbsolutePath()
								.getParent() + ").", cause);
		}
		boolean one = cause.locations().size() == 1;
		String description = "The database was not upgraded: the revision location" + (one ? " " : "s ")
				+ String.join(", ", cause.locations()) + (one ? " does" : " do") + " not exist.";
		String action = "Create the revisions directory (" + cause.outputDirectory() + ") and write a first revision:\n\n"
				+ "    db init\n    db migrate -m \"initial schema\"        (generated from the JPA entities; review it)\n\n"
				+ "(`db revision -m \"initial schema\"` writes an empty one to fill in by hand instead), "
				+ "or point migrations.locations at the directory that holds your revisions, or set"
				+ " migrations.fail-on-missing-locations=false to start without revisions.";
		return new FailureAnalysis(description, action, cause);
	}

}
