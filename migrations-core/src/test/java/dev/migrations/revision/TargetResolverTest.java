package dev.migrations.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
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

/**
 * Targets on the graph of {@link Revisions#orders()}: a trunk that branches at 2000bbbb and merges
 * at 4000eeee, and a billing branch (label {@code billing}) that {@code depends_on} 2000bbbb.
 */
class TargetResolverTest {

	private static final List<String> NOTHING = List.of();

	/** Everything but 5000ffff, applied in an order a team could have produced. */
	private static final List<String> APPLIED = List.of("1000aaaa", "2000bbbb", "bill0001", "3000cccc", "3100dddd",
			"bill0002", "4000eeee");

	private final TargetResolver resolver = new TargetResolver(orders());

	private static List<String> list(String ids) {
		return ids.isBlank() ? List.of() : Arrays.asList(ids.trim().split("\\s+"));
	}

	@Test
	void currentHeadsAreAppliedRevisionsNoAppliedRevisionHasAsParent() {
		assertThat(this.resolver.current(APPLIED)).containsExactly("bill0002", "4000eeee");
		assertThat(this.resolver.current(List.of("1000aaaa", "2000bbbb", "bill0001"))).containsExactly("2000bbbb",
				"bill0001");
		assertThat(this.resolver.current(NOTHING)).isEmpty();
	}

	@Test
	void currentKeepsAppliedRevisionsUnknownToTheGraph() {
		assertThat(this.resolver.current(List.of("1000aaaa", "9999zzzz"))).containsExactly("1000aaaa", "9999zzzz");
	}

	@Test
	void pendingIsWhatUpgradeHeadsWouldApply() {
		assertThat(ids(this.resolver.pending(List.of("1000aaaa", "2000bbbb", "9999zzzz")))).containsExactly("3000cccc",
				"3100dddd", "4000eeee", "5000ffff", "bill0001", "bill0002");
	}

	@Nested
	class Upgrade {

		@ParameterizedTest(name = "upgrade {0} from [{1}]")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				heads         |                             | 1000aaaa 2000bbbb 3000cccc 3100dddd 4000eeee 5000ffff bill0001 bill0002
				heads         | 1000aaaa 2000bbbb 3000cccc  | 3100dddd 4000eeee 5000ffff bill0001 bill0002
				heads         | 1000aaaa 2000bbbb 3000cccc 3100dddd 4000eeee 5000ffff bill0001 bill0002 |
				4000eeee      |                             | 1000aaaa 2000bbbb 3000cccc 3100dddd 4000eeee
				4000          | 1000aaaa 2000bbbb 3000cccc  | 3100dddd 4000eeee
				3100dddd      | 1000aaaa 2000bbbb 3000cccc  | 3100dddd
				2000bbbb      | 1000aaaa 2000bbbb 3000cccc  |
				bill0002      | 1000aaaa                    | 2000bbbb bill0001 bill0002
				billing@head  |                             | 1000aaaa 2000bbbb bill0001 bill0002
				bill0001@head |                             | 1000aaaa 2000bbbb bill0001 bill0002
				3000@head     | 1000aaaa 2000bbbb           | 3000cccc 3100dddd 4000eeee 5000ffff
				+1            |                             | 1000aaaa
				+3            |                             | 1000aaaa 2000bbbb 3000cccc
				+2            | 1000aaaa 2000bbbb 3000cccc  | 3100dddd 4000eeee
				3000cccc+1    |                             | 1000aaaa 2000bbbb 3000cccc 3100dddd 4000eeee
				3000+2        | 1000aaaa 2000bbbb           | 3000cccc 3100dddd 4000eeee 5000ffff
				bill0001+1    | 1000aaaa 2000bbbb           | bill0001 bill0002
				5000ffff-1    | 1000aaaa 2000bbbb 3000cccc  | 3100dddd 4000eeee
				base          | 1000aaaa                    |
				""")
		void plans(String target, String applied, String expected) {
			Plan plan = resolver.upgrade(target, list(applied == null ? "" : applied));
			assertThat(plan.ids()).containsExactlyElementsOf(list(expected == null ? "" : expected));
			assertThat(plan.target()).isEqualTo(target);
			assertThat(plan.isEmpty()).isEqualTo(expected == null);
		}

		@Test
		void headWithSeveralHeadsSuggestsMergeOrHeads() {
			MultipleHeadsException error = thrown(MultipleHeadsException.class, () -> resolver.upgrade("head", NOTHING));
			assertThat(error.heads()).containsExactly("5000ffff", "bill0002");
			assertThat(error).hasMessage("the revisions have 2 heads: 5000ffff (add order index), bill0002 (add invoice"
					+ " lines); `head` needs exactly one: run `db merge -m \"merge heads\"` to join them, or"
					+ " `db upgrade heads` to upgrade every branch");
		}

		@Test
		void headWithOneHeadAppliesEverythingPending() {
			List<Revision> revisions = new ArrayList<>(ordersRevisions());
			revisions.add(rev("6000abcd", "merge billing", "5000ffff", "bill0002"));
			TargetResolver merged = new TargetResolver(RevisionGraph.of(revisions));
			assertThat(merged.upgrade("head", List.of("1000aaaa", "2000bbbb", "bill0001")).ids())
				.containsExactly("3000cccc", "3100dddd", "4000eeee", "5000ffff", "bill0002", "6000abcd");
		}

		@Test
		void headOfAnEmptyGraphIsNothingToDo() {
			TargetResolver empty = new TargetResolver(RevisionGraph.of(List.of()));
			assertThat(empty.upgrade("head", NOTHING).isEmpty()).isTrue();
			assertThat(empty.upgrade("heads", NOTHING).isEmpty()).isTrue();
		}

		@Test
		void labelsAreCaseSensitiveUnlikeKeywords() {
			assertThat(resolver.upgrade("HEADS", NOTHING).ids()).hasSize(8);
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("BILLING@head", NOTHING)))
				.hasMessageStartingWith("no branch label or revision 'BILLING'");
		}

		@Test
		void unknownLabelListsKnownLabels() {
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("shipping@head", NOTHING)))
				.hasMessage("no branch label or revision 'shipping'; known labels: billing (on bill0001)");
		}

		@Test
		void revisionWhoseDescendantsHaveSeveralHeadsIsAnError() {
			List<Revision> revisions = new ArrayList<>(ordersRevisions());
			revisions.add(rev("bill0003", "add credit notes", "bill0001"));
			TargetResolver forked = new TargetResolver(RevisionGraph.of(revisions));
			MultipleHeadsException error = thrown(MultipleHeadsException.class,
					() -> forked.upgrade("bill0001@head", NOTHING));
			assertThat(error.heads()).containsExactly("bill0002", "bill0003");
			assertThat(error).hasMessageStartingWith("the revisions from bill0001 have 2 heads: bill0002 (add invoice"
					+ " lines), bill0003 (add credit notes); `bill0001@head` needs exactly one: run `db merge -m \"merge"
					+ " heads\" bill0002 bill0003` to join them, or upgrade to one of them by id");
		}

		@Test
		void labelWithoutAnyLabelsSaysHowToAddOne() {
			TargetResolver unlabelled = new TargetResolver(RevisionGraph.of(chain(3)));
			assertThat(thrown(TargetException.class, () -> unlabelled.upgrade("billing@head", NOTHING)))
				.hasMessageContaining("add `-- branch_labels: billing` to the first revision of the branch");
		}

		@Test
		void labelWhoseBranchHasSeveralHeadsIsAnError() {
			List<Revision> revisions = new ArrayList<>(ordersRevisions());
			revisions.add(rev("bill0003", "add credit notes", "bill0001"));
			TargetResolver forked = new TargetResolver(RevisionGraph.of(revisions));
			MultipleHeadsException error = thrown(MultipleHeadsException.class,
					() -> forked.upgrade("billing@head", NOTHING));
			assertThat(error.heads()).containsExactly("bill0002", "bill0003");
			assertThat(error).hasMessageContaining("branch 'billing' (from bill0001) has 2 heads: bill0002 (add invoice"
					+ " lines), bill0003 (add credit notes)")
				.hasMessageContaining("db merge -m \"merge billing heads\" bill0002 bill0003");
		}

		@Test
		void labelHeadIgnoresBranchesThatOnlyDependOnIt() {
			List<Revision> revisions = new ArrayList<>(ordersRevisions());
			revisions.add(rev("rep00001", List.of(), List.of("bill0001"), List.of(), "invoice report"));
			TargetResolver resolver = new TargetResolver(RevisionGraph.of(revisions));
			assertThat(resolver.upgrade("billing@head", NOTHING).ids()).endsWith("bill0002");
		}

		@Test
		void moreStepsThanPendingAppliesNothing() {
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("+9", NOTHING)))
				.hasMessage("cannot upgrade +9: only 8 revisions are pending (1000aaaa, 2000bbbb, 3000cccc, 3100dddd,"
						+ " 4000eeee, 5000ffff, bill0001, bill0002); run `db upgrade heads` to apply them all");
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("+1", list(
					"1000aaaa 2000bbbb 3000cccc 3100dddd 4000eeee 5000ffff bill0001 bill0002"))))
				.hasMessage("cannot upgrade +1: only 0 revisions are pending; the database is up to date");
		}

		@Test
		void stepsFromARevisionWithSeveralChildrenListThem() {
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("2000bbbb+1", NOTHING)))
				.hasMessage("'2000bbbb+1': 2000bbbb has 2 children: 3000cccc (add order status), 3100dddd (add order"
						+ " notes); the way on is ambiguous: give the id of the revision you mean (or <id>+N from one"
						+ " of these)");
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("1000aaaa+2", NOTHING)))
				.hasMessageStartingWith("'1000aaaa+2': 2000bbbb (reached after 1 step) has 2 children");
		}

		@Test
		void stepsPastAHeadAreAnError() {
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("4000eeee+2", NOTHING)))
				.hasMessage("'4000eeee+2': 5000ffff (reached after 1 step) is a head; no revision follows it");
		}

		@Test
		void stepsBackThroughAMergeOrPastABaseAreAnError() {
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("5000ffff-2", NOTHING)))
				.hasMessageContaining("4000eeee (reached after 1 step) is a merge of 3000cccc (add order status),"
						+ " 3100dddd (add order notes)");
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("1000aaaa-1", NOTHING)))
				.hasMessage("'1000aaaa-1': 1000aaaa is a base; no revision precedes it: use `base` to go before it");
		}

		@Test
		void minusNPointsToDowngrade() {
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("-1", APPLIED)))
				.hasMessage("'-1' goes back: run `db downgrade -1` to unapply 1 revision");
		}

		@Test
		void unknownAndAmbiguousRevisionsAreTyped() {
			assertThat(thrown(UnknownRevisionException.class, () -> resolver.upgrade("9999abcd", NOTHING)))
				.hasMessageContaining("no revision '9999abcd'");
			assertThat(thrown(AmbiguousRevisionException.class, () -> resolver.upgrade("bill", NOTHING)).candidates())
				.containsExactly("bill0001", "bill0002");
		}

	}

	@Nested
	class Downgrade {

		@ParameterizedTest(name = "downgrade {0}")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				-1          | 4000eeee
				-2          | 4000eeee bill0002
				-4          | 4000eeee bill0002 3100dddd 3000cccc
				-5          | 4000eeee bill0002 3100dddd 3000cccc bill0001
				-7          | 4000eeee bill0002 3100dddd 3000cccc bill0001 2000bbbb 1000aaaa
				base        | 4000eeee bill0002 3100dddd 3000cccc bill0001 2000bbbb 1000aaaa
				4000eeee    |
				3000cccc    | 4000eeee
				3000        | 4000eeee
				2000bbbb    | 4000eeee 3100dddd 3000cccc
				3000cccc-1  | 4000eeee 3100dddd 3000cccc
				bill0001    | bill0002
				1000aaaa    | 4000eeee bill0002 3100dddd 3000cccc bill0001 2000bbbb
				1000aaaa+1  | 4000eeee 3100dddd 3000cccc
				billing@base | bill0002 bill0001
				3100dddd@base | 4000eeee 3100dddd
				2000@base   | 4000eeee bill0002 3100dddd 3000cccc bill0001 2000bbbb
				""")
		void plans(String target, String expected) {
			Plan plan = resolver.downgrade(target, APPLIED);
			assertThat(plan.ids()).containsExactlyElementsOf(list(expected == null ? "" : expected));
			assertThat(plan.target()).isEqualTo(target);
		}

		@Test
		void branchBaseOfABranchNotAppliedIsNothingToDo() {
			assertThat(resolver.downgrade("billing@base", List.of("1000aaaa", "2000bbbb")).isEmpty()).isTrue();
			assertThat(thrown(TargetException.class, () -> resolver.upgrade("billing@base", NOTHING)))
				.hasMessage("'billing@base' is a downgrade target: run `db downgrade billing@base` to unapply the branch;"
						+ " to go forward give head, heads, billing@head or a revision id");
		}

		@Test
		void mostRecentlyAppliedGoesFirst() {
			List<String> applied = List.of("1000aaaa", "2000bbbb", "3100dddd", "bill0001", "3000cccc");
			assertThat(resolver.downgrade("-3", applied).ids()).containsExactly("3000cccc", "bill0001", "3100dddd");
		}

		@Test
		void revisionIsNotUnappliedWhileAnAppliedRevisionDependsOnIt() {
			// stamping can record a dependency as applied after its dependent
			List<String> applied = List.of("1000aaaa", "bill0001", "2000bbbb");
			assertThat(resolver.current(applied)).containsExactly("bill0001", "2000bbbb");
			assertThat(resolver.downgrade("-1", applied).ids()).containsExactly("bill0001");
			assertThat(resolver.downgrade("-2", applied).ids()).containsExactly("bill0001", "2000bbbb");
		}

		@Test
		void toARevisionKeepsUnrelatedBranches() {
			List<String> applied = List.of("1000aaaa", "2000bbbb", "3000cccc", "3100dddd", "bill0001");
			assertThat(resolver.downgrade("3100dddd", applied).ids()).isEmpty();
			assertThat(resolver.downgrade("2000bbbb", applied).ids()).containsExactly("3100dddd", "3000cccc");
		}

		@Test
		void moreStepsThanAppliedUnappliesNothing() {
			assertThat(thrown(TargetException.class, () -> resolver.downgrade("-8", APPLIED)))
				.hasMessage("cannot downgrade -8: only 7 revisions are applied; run `db downgrade base` to unapply them"
						+ " all");
			assertThat(thrown(TargetException.class, () -> resolver.downgrade("-1", NOTHING)))
				.hasMessage("cannot downgrade -1: the database is at base, no revision is applied");
		}

		@Test
		void baseWithNothingAppliedIsNothingToDo() {
			assertThat(resolver.downgrade("base", NOTHING).isEmpty()).isTrue();
		}

		@Test
		void toARevisionNotAppliedIsAnErrorListingAppliedHeads() {
			assertThat(thrown(TargetException.class, () -> resolver.downgrade("5000ffff", APPLIED)))
				.hasMessage("revision 5000ffff (add order index) is not applied; nothing to downgrade to; applied heads"
						+ " are bill0002, 4000eeee");
			assertThat(thrown(TargetException.class, () -> resolver.downgrade("1000aaaa", NOTHING)))
				.hasMessageEndingWith("applied heads are none (nothing is applied)");
		}

		@Test
		void stepsBackThroughAMergeAreAnError() {
			assertThat(thrown(TargetException.class, () -> resolver.downgrade("4000eeee-1", APPLIED)))
				.hasMessageContaining("'4000eeee-1': 4000eeee is a merge of 3000cccc (add order status), 3100dddd (add"
						+ " order notes); the way on is ambiguous");
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				head         | 'head' is an upgrade target: run `db upgrade head`; to go back give -N, base or a revision id
				heads        | 'heads' is an upgrade target: run `db upgrade heads`
				billing@head | 'billing@head' is an upgrade target: run `db upgrade billing@head`
				+2           | '+2' goes forward: run `db upgrade +2` to apply 2 revisions
				""")
		void upgradeTargetsPointToUpgrade(String target, String message) {
			assertThat(thrown(TargetException.class, () -> resolver.downgrade(target, APPLIED)))
				.hasMessageStartingWith(message);
		}

	}

	@Nested
	class DatabaseAheadOfCode {

		private final List<String> applied = List.of("1000aaaa", "2000bbbb", "9999zzzz", "9998zzzz");

		@Test
		void upgradePlanNamesUnknownAppliedRevisions() {
			List<String> everyRevisionApplied = new ArrayList<>(resolver.graph().revisions().stream().map(Revision::id).toList());
			everyRevisionApplied.addAll(List.of("9999zzzz", "9998zzzz"));
			UnknownAppliedRevisionException error = thrown(UnknownAppliedRevisionException.class,
					() -> resolver.upgrade("heads", everyRevisionApplied));
			assertThat(error.revisions()).containsExactly("9999zzzz", "9998zzzz");
			assertThat(error.pending()).isEmpty();
			assertThat(error).hasMessage("the database has revisions 9999zzzz, 9998zzzz applied, which are not among"
					+ " this code's revisions: the database is ahead of this code, or revision files were removed;"
					+ " deploy the code that has them, or run `db stamp <revision>` to record a known revision as the"
					+ " database's state");
		}

		@Test
		void upgradePlanWithRevisionsOfTheCodePendingTellsTheDatabaseWentAnotherWay() {
			// a hotfix applied from a release branch, or a revision deleted and generated again after a rebase
			UnknownAppliedRevisionException error = thrown(UnknownAppliedRevisionException.class,
					() -> resolver.upgrade("heads", List.of("1000aaaa", "9999zzzz")));
			assertThat(error.revisions()).containsExactly("9999zzzz");
			assertThat(error.pending()).startsWith("2000bbbb");
			assertThat(error).hasMessageStartingWith("the database has revision 9999zzzz applied, which is not among this"
					+ " code's revisions, while this code's revisions 2000bbbb, ")
				.hasMessageContaining(" are not applied: the database went another way, by a revision of another branch"
						+ " (a hotfix applied from a release branch) or one whose file was deleted after it was applied"
						+ " (generated again after a rebase); bring its file into this code (merge the branch that has"
						+ " it) and join the heads with `db merge`, or restore the deleted file and `db downgrade` it")
				.hasMessageNotContaining("ahead of this code");
		}

		@Test
		void downgradePlanRefusesToo() {
			assertThat(thrown(UnknownAppliedRevisionException.class, () -> resolver.downgrade("-1", List.of("9999zzzz"))))
				.hasMessageStartingWith("the database has revision 9999zzzz applied, which is not among");
		}

	}

	@Nested
	class Resolve {

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				heads        | 5000ffff bill0002
				base         |
				4000         | 4000eeee
				billing@head | bill0002
				3000cccc+2   | 5000ffff
				""")
		void namesRevisionsWithoutTheDatabase(String target, String expected) {
			assertThat(resolver.resolve(target)).containsExactlyElementsOf(list(expected == null ? "" : expected));
		}

		@Test
		void relativeTargetsNeedTheDatabase() {
			assertThat(thrown(TargetException.class, () -> resolver.resolve("+1")))
				.hasMessageContaining("counts from the database's current revisions");
			assertThat(thrown(MultipleHeadsException.class, () -> resolver.resolve("head")).heads()).hasSize(2);
		}

	}

	@Test
	void tenThousandRevisionChainPlansBothWays() {
		TargetResolver chain = new TargetResolver(RevisionGraph.of(chain(10_000)));
		Plan up = chain.upgrade("head", NOTHING);
		assertThat(up.steps()).hasSize(10_000);
		assertThat(up.ids().get(0)).isEqualTo("r00000");
		List<String> applied = up.ids();
		assertThat(chain.current(applied)).containsExactly("r09999");
		Plan down = chain.downgrade("base", applied);
		assertThat(down.ids()).hasSize(10_000).startsWith("r09999", "r09998").endsWith("r00000");
		assertThat(chain.downgrade("r00000", applied).steps()).hasSize(9_999);
		assertThat(chain.upgrade("r00000+9999", List.of("r00000")).steps()).hasSize(9_999);
	}

}
