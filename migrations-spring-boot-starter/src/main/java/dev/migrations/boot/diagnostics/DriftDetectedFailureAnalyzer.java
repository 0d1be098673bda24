package dev.migrations.boot.diagnostics;

import dev.migrations.boot.drift.DriftDetectedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The startup drift check found that the entities and the database differ. */
class DriftDetectedFailureAnalyzer extends AbstractFailureAnalyzer<DriftDetectedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DriftDetectedException cause) {
		String description = "The application did not start because migrations.drift.on-startup=fail and the JPA entities"
				+ " and the database differ:\n\n" + cause.getMessage();
		boolean onlyInvalidIndexes = cause.differences().stream()
			.allMatch((difference) -> difference.kind().equals("INDEX_INVALID"));
		// an index a concurrent build left INVALID is no entity change: `db migrate` writes nothing for it
		String action = (onlyInvalidIndexes ? "Rebuild or drop each index left INVALID as its line above says (`db migrate`"
				+ " writes nothing for it). To start anyway and only log the differences, set"
				+ " migrations.drift.on-startup=warn."
				: "Turn the entity changes into a revision and apply it:\n\n    db migrate -m \"...\"\n    db upgrade\n\n"
						+ "or change the entities back. To start anyway and only log the differences, set"
						+ " migrations.drift.on-startup=warn.");
		return new FailureAnalysis(description, action, cause);
	}

}
