package dev.migrations.boot.diagnostics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.runner.FailedRevisionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The startup failure of a revision recorded as not completed. */
class FailedRevisionFailureAnalyzerTest {

	@Test
	void aRevisionThatMayBeRunningInAnotherProcessIsNotSaidToBeFromAnEarlierRun() {
		FailedRevisionException cause = new FailedRevisionException("The database has revisions that did not complete",
				List.of("bbbb00000002"), true);
		FailureAnalysis analysis = new FailedRevisionFailureAnalyzer().analyze(cause, cause);
		assertThat(analysis.getDescription()).startsWith("The database was not upgraded: revision bbbb00000002 did not"
				+ " complete: it may be running in another process").doesNotContain("earlier run");
		assertThat(analysis.getAction()).startsWith("If another instance is upgrading the database, wait for it");
	}

	@Test
	void aRevisionLeftByAnEarlierRunIsSaidToBe() {
		FailedRevisionException cause = new FailedRevisionException("The database has revisions that did not complete",
				List.of("bbbb00000002"));
		FailureAnalysis analysis = new FailedRevisionFailureAnalyzer().analyze(cause, cause);
		assertThat(analysis.getDescription()).contains("did not complete on an earlier run");
		assertThat(analysis.getAction()).startsWith("Finish or undo the revision's statements by hand");
	}

}
