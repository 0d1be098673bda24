package dev.migrations.revision;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.migrations.revision.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How squashes ({@code -- replaces:}) reshape the revisions the graph is built from. */
class SquashedHistoryTest {

	private static Revision squash(String id, String... replaces) {
		return RevisionFileParser.parse("-- revision: " + id + "\n-- down_revision: none\n-- message: squash\n-- replaces: "
				+ String.join(", ", replaces) + "\n\n-- upgrade\nCREATE TABLE t (id int);\n", "db/revisions/" + id + "_squash.sql");
	}

	@Test
	void theSquashTakesThePlaceOfWhatItReplacesAndRevisionsAfterThePointFollowIt() {
		SquashedHistory history = SquashedHistory.of(List.of(rev("1000aaaa", "a"), rev("2000bbbb", "b", "1000aaaa"),
				rev("3000cccc", "c", "2000bbbb"), squash("9000ssss", "1000aaaa", "2000bbbb")));
		RevisionGraph graph = RevisionGraph.of(history.revisions());
		assertThat(graph.bases()).containsExactly("9000ssss");
		assertThat(graph.get("3000cccc").downRevisions()).containsExactly("9000ssss");
		assertThat(graph.contains("1000aaaa")).isFalse();
		assertThat(history.replacedRevisions()).containsOnlyKeys("1000aaaa", "2000bbbb");
		assertThat(RevisionGraph.of(history.unsquashed()).bases()).containsExactly("1000aaaa");
		assertThat(SquashedHistory.squashes(graph)).extracting(Revision::id).containsExactly("9000ssss");
	}

	@Test
	void theReplacedFilesMayBeGone() {
		SquashedHistory history = SquashedHistory.of(List.of(rev("3000cccc", "c", "2000bbbb"),
				squash("9000ssss", "1000aaaa", "2000bbbb")));
		assertThat(RevisionGraph.of(history.revisions()).get("3000cccc").downRevisions()).containsExactly("9000ssss");
		assertThat(history.missingReplaced(history.squashes().get(0))).containsExactly("1000aaaa", "2000bbbb");
	}

	@Test
	void aRevisionFollowingTheMiddleOfASquashedHistoryIsAnError() {
		assertThatThrownBy(() -> SquashedHistory.of(List.of(rev("1000aaaa", "a"), rev("2000bbbb", "b", "1000aaaa"),
				rev("3100dddd", "side", "1000aaaa"), squash("9000ssss", "1000aaaa", "2000bbbb"))))
			.isInstanceOf(RevisionFileException.class)
			.hasMessageContaining("`down_revision` names 1000aaaa, which squash 9000ssss replaces in the middle of its history");
	}

	@Test
	void aSquashHasNoParent() {
		assertThatThrownBy(() -> RevisionFileParser.parse("-- revision: 9000ssss\n-- down_revision: 1000aaaa\n"
				+ "-- replaces: 0500aaaa\n\n-- upgrade\nSELECT 1;\n", "db/revisions/9000ssss_squash.sql"))
			.isInstanceOf(RevisionFileException.class)
			.hasMessageContaining("its down_revision must be none");
	}

	@Test
	void whatADatabaseStillHasToRunFollowsTheBranchesOfTheReplacedHistory() {
		// a root, two branches, their merge: the order the squash lists them in is the order they run
		Revision squash = squash("9000ssss", "1000aaaa", "2000bbbb", "3000cccc", "4000mmmm");
		Map<String, Revision> files = Map.of("1000aaaa", rev("1000aaaa", "a"), "2000bbbb", rev("2000bbbb", "b", "1000aaaa"),
				"3000cccc", rev("3000cccc", "c", "1000aaaa"), "4000mmmm", rev("4000mmmm", "m", "2000bbbb", "3000cccc"));
		// a revision recorded on one branch leaves the other branch to run, not only what is listed after it
		assertThat(SquashedHistory.remaining(squash, Map.of("1000aaaa", List.of(), "3000cccc", List.of("1000aaaa")), files))
			.containsExactly("2000bbbb", "4000mmmm");
		assertThat(SquashedHistory.remaining(squash, Map.of("1000aaaa", List.of(), "2000bbbb", List.of("1000aaaa")), files))
			.containsExactly("3000cccc", "4000mmmm");
		// without the files, the parents recorded in the rows tell the same
		assertThat(SquashedHistory.remaining(squash, Map.of("1000aaaa", List.of(), "3000cccc", List.of("1000aaaa")),
				Map.of())).containsExactly("2000bbbb", "4000mmmm");
		assertThat(SquashedHistory.remaining(squash, Map.of("4000mmmm", List.of("2000bbbb", "3000cccc")), files)).isEmpty();
		assertThat(SquashedHistory.remaining(squash, Map.of(), files)).containsExactly("1000aaaa", "2000bbbb", "3000cccc",
				"4000mmmm");
	}

	@Test
	void anEarlierSquashRecordedStandsForWhatItReplacedWithOrWithoutItsFile() {
		Revision first = squash("5000ssss", "1000aaaa", "2000bbbb");
		Revision second = squash("9000ssss", "1000aaaa", "2000bbbb", "5000ssss", "6000cccc", "7000dddd");
		Map<String, List<String>> atFirst = Map.of("5000ssss", List.of());
		assertThat(SquashedHistory.remaining(second, atFirst, Map.of("5000ssss", first))).containsExactly("6000cccc",
				"7000dddd");
		// its file gone, nothing says what it replaced but the order: what is listed before it is done
		assertThat(SquashedHistory.remaining(second, atFirst, Map.of())).containsExactly("6000cccc", "7000dddd");
	}

}
