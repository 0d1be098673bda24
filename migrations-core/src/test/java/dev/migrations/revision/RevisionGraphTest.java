package dev.migrations.revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.migrations.revision.Revisions.chain;
import static dev.migrations.revision.Revisions.ids;
import static dev.migrations.revision.Revisions.orders;
import static dev.migrations.revision.Revisions.ordersRevisions;
import static dev.migrations.revision.Revisions.rev;
import static dev.migrations.revision.Revisions.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RevisionGraphTest {

	private final RevisionGraph graph = orders();

	@Test
	void revisionsAreInTopologicalOrderWithTiesByIdWhateverTheInputOrder() {
		List<Revision> shuffled = new ArrayList<>(ordersRevisions());
		Collections.shuffle(shuffled, new Random(42));
		List<String> expected = List.of("1000aaaa", "2000bbbb", "3000cccc", "3100dddd", "4000eeee", "5000ffff",
				"bill0001", "bill0002");
		assertThat(ids(this.graph.revisions())).containsExactlyElementsOf(expected);
		assertThat(ids(RevisionGraph.of(shuffled).revisions())).containsExactlyElementsOf(expected);
	}

	@Test
	void dependsOnOrdersBeforeTheDependentEvenWhenItsIdSortsLater() {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("zzzz0001", "late id"),
				rev("aaaa0001", List.of(), List.of("zzzz0001"), List.of(), "needs zzzz")));
		assertThat(ids(graph.revisions())).containsExactly("zzzz0001", "aaaa0001");
		assertThat(graph.heads()).containsExactly("aaaa0001", "zzzz0001");
	}

	@Test
	void headsAndBasesIgnoreDependsOn() {
		assertThat(this.graph.heads()).containsExactly("5000ffff", "bill0002");
		assertThat(this.graph.bases()).containsExactly("1000aaaa", "bill0001");
		assertThat(this.graph.size()).isEqualTo(8);
		assertThat(this.graph.isEmpty()).isFalse();
	}

	@Test
	void emptyGraphHasNothing() {
		RevisionGraph empty = RevisionGraph.of(List.of());
		assertThat(empty.isEmpty()).isTrue();
		assertThat(empty.heads()).isEmpty();
		assertThat(empty.bases()).isEmpty();
		assertThat(empty.revisions()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1000aaaa | 1000aaaa
			4000eeee | 1000aaaa 2000bbbb 3000cccc 3100dddd 4000eeee
			3100dddd | 1000aaaa 2000bbbb 3100dddd
			bill0002 | 1000aaaa 2000bbbb bill0001 bill0002
			""")
	void ancestorsFollowDownRevisionsAndDependsOnInclusively(String id, String expected) {
		assertThat(this.graph.ancestors(id)).containsExactly(expected.split(" "));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			5000ffff | 5000ffff
			3000cccc | 3000cccc 4000eeee 5000ffff
			2000bbbb | 2000bbbb 3000cccc 3100dddd 4000eeee 5000ffff bill0001 bill0002
			bill0001 | bill0001 bill0002
			""")
	void descendantsAreTheInverse(String id, String expected) {
		assertThat(this.graph.descendants(id)).containsExactly(expected.split(" "));
	}

	@Test
	void childrenFollowDownRevisionsOnly() {
		assertThat(this.graph.children("2000bbbb")).containsExactly("3000cccc", "3100dddd");
		assertThat(this.graph.children("3000cccc")).containsExactly("4000eeee");
		assertThat(this.graph.children("5000ffff")).isEmpty();
	}

	@Test
	void branchLabelsNameTheirRevision() {
		assertThat(this.graph.branchRoot("billing")).contains("bill0001");
		assertThat(this.graph.branchRoot("shipping")).isEmpty();
		assertThat(this.graph.branchLabels()).containsExactly(entry("billing", "bill0001"));
	}

	@Test
	void getAndFindAreExact() {
		assertThat(this.graph.get("4000eeee").message()).isEqualTo("merge order branches");
		assertThat(this.graph.get("4000eeee").isMerge()).isTrue();
		assertThat(this.graph.find("4000")).isEmpty();
		assertThat(this.graph.find("bill0001")).map(Revision::message).contains("create invoices");
		assertThat(thrown(UnknownRevisionException.class, () -> this.graph.get("4000")))
			.hasMessageContaining("no revision '4000'");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			4000eeee | 4000eeee
			4000     | 4000eeee
			3100d    | 3100dddd
			bill0002 | bill0002
			""")
	void resolveTakesAnIdOrAUniquePrefix(String given, String expected) {
		assertThat(this.graph.resolve(given).id()).isEqualTo(expected);
	}

	@Test
	void ambiguousPrefixListsCandidatesWithMessages() {
		AmbiguousRevisionException error = thrown(AmbiguousRevisionException.class, () -> this.graph.resolve("bill"));
		assertThat(error.prefix()).isEqualTo("bill");
		assertThat(error.candidates()).containsExactly("bill0001", "bill0002");
		assertThat(error).hasMessage("revision prefix 'bill' matches 2 revisions: bill0001 (create invoices),"
				+ " bill0002 (add invoice lines); type more characters of the id you mean");
	}

	@Test
	void prefixShorterThanFourCharactersIsRefused() {
		UnknownRevisionException error = thrown(UnknownRevisionException.class, () -> this.graph.resolve("400"));
		assertThat(error.revision()).isEqualTo("400");
		assertThat(error).hasMessage("no revision '400': a prefix needs at least 4 characters (1 revision starts"
				+ " with it); type more of the id");
	}

	@Test
	void unknownRevisionSaysHowToListThem() {
		assertThat(thrown(UnknownRevisionException.class, () -> this.graph.resolve("9999abcd")))
			.hasMessage("no revision '9999abcd' among the 8 known revisions; run `db history` to list them (is the"
					+ " revision file in the configured locations?)");
	}

	@Test
	void aMistypedHeadOrBaseIsAnsweredWithTheTargetMeant() {
		assertThat(thrown(UnknownRevisionException.class, () -> this.graph.resolve("hed")))
			.hasMessage("no revision 'hed' among the 8 known revisions, and 'hed' is not a target: did you mean `head`?");
		assertThat(thrown(UnknownRevisionException.class, () -> this.graph.resolve("bsae")))
			.hasMessage("no revision 'bsae' among the 8 known revisions, and 'bsae' is not a target: did you mean"
					+ " `base`?");
		assertThat(thrown(UnknownRevisionException.class, () -> this.graph.resolve("Haeds")))
			.hasMessageEndingWith("did you mean `heads`?");
		// hexadecimal digits are an id's, as generated: a mistyped id is not taken for a word
		assertThat(thrown(UnknownRevisionException.class, () -> this.graph.resolve("bead")))
			.hasMessage("no revision 'bead' among the 8 known revisions; run `db history` to list them (is the"
					+ " revision file in the configured locations?)");
	}

	@Test
	void branchLabelGivenAsRevisionPointsToLabelAtHead() {
		assertThat(thrown(UnknownRevisionException.class, () -> this.graph.resolve("billing")))
			.hasMessageContaining("'billing' is a branch label; use billing@head for its head or bill0001 for the"
					+ " revision carrying it");
	}

	@Test
	void duplicateIdNamesBothSources() {
		List<Revision> revisions = new ArrayList<>(ordersRevisions());
		revisions.add(new Revision("3000cccc", List.of("2000bbbb"), List.of(), List.of(), "copy", null, true,
				"db/revisions/3000cccc_copy.sql", null, new Revision.SqlBody("", 5, "", 0)));
		DuplicateRevisionException error = thrown(DuplicateRevisionException.class, () -> RevisionGraph.of(revisions));
		assertThat(error.revision()).isEqualTo("3000cccc");
		assertThat(error).hasMessageContaining("revision 3000cccc is defined twice: in"
				+ " db/revisions/3000cccc_add_order_status.sql and in db/revisions/3000cccc_copy.sql")
			.hasMessageContaining("give one of them a new id");
	}

	@Test
	void missingDownRevisionNamesTheFileAndTheId() {
		List<Revision> revisions = new ArrayList<>(ordersRevisions());
		revisions.add(rev("6000abcd", "orphan", "5000fffe"));
		MissingRevisionException error = thrown(MissingRevisionException.class, () -> RevisionGraph.of(revisions));
		assertThat(error.revision()).isEqualTo("6000abcd");
		assertThat(error.missingId()).isEqualTo("5000fffe");
		assertThat(error).hasMessage("db/revisions/6000abcd_orphan.sql (revision 6000abcd) names down_revision"
				+ " 5000fffe, which does not exist; add the missing revision file to the revision locations, or"
				+ " correct the header (use `none` for a root)");
	}

	@Test
	void aDownRevisionGivenAsAPrefixIsAnsweredWithTheWholeId() {
		List<Revision> revisions = new ArrayList<>(ordersRevisions());
		revisions.add(rev("6000abcd", "after", "5000"));
		MissingRevisionException error = thrown(MissingRevisionException.class, () -> RevisionGraph.of(revisions));
		assertThat(error).hasMessage("db/revisions/6000abcd_after.sql (revision 6000abcd) names down_revision 5000, which"
				+ " does not exist (did you mean 5000ffff? down_revision names whole revision ids, not prefixes); add the"
				+ " missing revision file to the revision locations, or correct the header (use `none` for a root)");
	}

	@Test
	void aMissingDependsOnIsNotAnsweredWithWhatARootWrites() {
		List<Revision> revisions = new ArrayList<>(ordersRevisions());
		revisions.add(rev("6000abcd", List.of("5000ffff"), List.of("gone0001"), List.of(), "needs gone"));
		MissingRevisionException error = thrown(MissingRevisionException.class, () -> RevisionGraph.of(revisions));
		assertThat(error).hasMessageEndingWith("names depends_on gone0001, which does not exist; add the missing revision"
				+ " file to the revision locations, or correct the header (remove an id from depends_on when nothing"
				+ " there is needed first)");
	}

	@Test
	void everyMissingReferenceIsListedIncludingDependsOn() {
		List<Revision> revisions = new ArrayList<>(ordersRevisions());
		revisions.add(rev("6000abcd", List.of("5000ffff"), List.of("gone0001"), List.of(), "needs gone"));
		revisions.add(rev("7000abcd", "orphan", "gone0002"));
		MissingRevisionException error = thrown(MissingRevisionException.class, () -> RevisionGraph.of(revisions));
		assertThat(error.references()).extracting(MissingRevisionException.Reference::missing)
			.containsExactly("gone0001", "gone0002");
		assertThat(error).hasMessageContaining("(revision 6000abcd) names depends_on gone0001")
			.hasMessageContaining("(revision 7000abcd) names down_revision gone0002")
			.hasMessageContaining("correct the headers");
	}

	@Test
	void cycleIsReportedAsAPath() {
		List<Revision> revisions = List.of(rev("aaaa0001", "root"), rev("bbbb0001", "b", "aaaa0001", "dddd0001"),
				rev("cccc0001", "c", "bbbb0001"), rev("dddd0001", "d", "cccc0001"), rev("eeee0001", "e", "dddd0001"));
		CycleException error = thrown(CycleException.class, () -> RevisionGraph.of(revisions));
		assertThat(error.cycle()).containsExactly("bbbb0001", "dddd0001", "cccc0001", "bbbb0001");
		assertThat(error).hasMessage("revisions form a cycle: bbbb0001 (db/revisions/bbbb0001_b.sql) -> dddd0001"
				+ " (db/revisions/dddd0001_d.sql) -> cccc0001 (db/revisions/cccc0001_c.sql) -> bbbb0001; a revision"
				+ " may only name older revisions as down_revision or depends_on: correct the header of the revision"
				+ " that points back");
	}

	@Test
	void cycleThroughDependsOnIsACycle() {
		List<Revision> revisions = List.of(rev("aaaa0001", List.of(), List.of("bbbb0001"), List.of(), "a"),
				rev("bbbb0001", "b", "aaaa0001"));
		assertThat(thrown(CycleException.class, () -> RevisionGraph.of(revisions)).cycle())
			.containsExactly("aaaa0001", "bbbb0001", "aaaa0001");
	}

	@Test
	void revisionNamingItselfIsACycle() {
		List<Revision> revisions = List.of(rev("aaaa0001", "self", "aaaa0001"));
		assertThat(thrown(CycleException.class, () -> RevisionGraph.of(revisions)).cycle())
			.containsExactly("aaaa0001", "aaaa0001");
	}

	@Test
	void duplicateBranchLabelNamesBothRevisions() {
		List<Revision> revisions = new ArrayList<>(ordersRevisions());
		revisions.add(rev("6000abcd", List.of("5000ffff"), List.of(), List.of("billing"), "also billing"));
		DuplicateBranchLabelException error = thrown(DuplicateBranchLabelException.class,
				() -> RevisionGraph.of(revisions));
		assertThat(error.label()).isEqualTo("billing");
		assertThat(error).hasMessageContaining("branch label 'billing' is on two revisions: 6000abcd"
				+ " (db/revisions/6000abcd_also_billing.sql) and bill0001 (db/revisions/bill0001_create_invoices.sql)")
			.hasMessageContaining("remove it from one of them");
	}

	@Test
	void tenThousandRevisionChainNeedsNoRecursion() {
		RevisionGraph chain = RevisionGraph.of(chain(10_000));
		assertThat(chain.size()).isEqualTo(10_000);
		assertThat(chain.heads()).containsExactly("r09999");
		assertThat(chain.bases()).containsExactly("r00000");
		assertThat(chain.revisions().get(9_999).id()).isEqualTo("r09999");
		assertThat(chain.ancestors("r09999")).hasSize(10_000).first().isEqualTo("r00000");
		assertThat(chain.descendants("r00000")).hasSize(10_000);
		assertThat(thrown(AmbiguousRevisionException.class, () -> chain.resolve("r0500")).candidates()).hasSize(10)
			.startsWith("r05000");
	}

	@Test
	void tenThousandRevisionCycleIsFoundIteratively() {
		List<Revision> revisions = new ArrayList<>(chain(10_000));
		revisions.set(0, rev("r00000", "closes the loop", "r09999"));
		assertThat(thrown(CycleException.class, () -> RevisionGraph.of(revisions)).cycle()).hasSize(10_001);
	}

}
