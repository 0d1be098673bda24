package dev.migrations.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import dev.migrations.testkit.entities.Deal;

/** {@link MigrationsTest} without Spring: a fresh database per class, locations and entities from the annotation. */
@MigrationsTest(locations = "classpath:revisions/matching", entities = Deal.class)
class MigrationsTestAnnotationTests {

	@Test
	void everyCheckOnTheAnnotationsRevisionsAndEntities(MigrationsTester tester) {
		tester.assertSingleHead();
		tester.assertUpgradeFromBase();
		tester.assertStairway();
		tester.assertEntitiesMatchSchema();
		tester.assertDowngradeLeavesNoTrace();
	}

	@Test
	void testsOfOneClassShareItsDatabase(MigrationsTester first, MigrationsTester second) {
		assertThat(first.migrations()).isSameAs(second.migrations());
	}

	@Test
	void testsOfOneClassRunOneAfterTheOtherWhereJUnitRunsMethodsInParallel() {
		// JUnit reads the execution mode through meta-annotations: the class's tests share its database
		assertThat(org.junit.platform.commons.support.AnnotationSupport
			.findAnnotation(MigrationsTestAnnotationTests.class, org.junit.jupiter.api.parallel.Execution.class))
			.hasValueSatisfying((execution) -> assertThat(execution.value())
				.isEqualTo(org.junit.jupiter.api.parallel.ExecutionMode.SAME_THREAD));
	}

	@Test
	void aCheckInTheNextMethodNamesWhatAFailedCheckOfTheClassLeftInsteadOfFailingOnIt() {
		Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ChecksInMethodsOfTheirOwn.class))
			.execute()
			.testEvents();

		tests.assertStatistics((stats) -> stats.started(2).failed(2));
		// the stairway stopped at e20000000001 with the type its downgrade left; the next method's check goes
		// through base, as within one method, and names the type instead of failing on CREATE TYPE
		tests.assertThatEvents()
			.haveExactly(1, event(test("wayDown"), finishedWithFailure(message((text) -> text
				.startsWith("Before upgrading to head: going back down to base does not restore the schema it had at base:")
					&& text.contains("deal_kind")))));
	}

	/** Run through the JUnit Platform by the test above: each check in a method of its own, in this order. */
	@MigrationsTest(locations = "classpath:revisions/enum-left-behind")
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class ChecksInMethodsOfTheirOwn {

		@Test
		@Order(1)
		void stairway(MigrationsTester tester) {
			tester.assertStairway();
		}

		@Test
		@Order(2)
		void wayDown(MigrationsTester tester) {
			tester.assertDowngradeLeavesNoTrace();
		}

	}

	@Nested
	class InANestedClass {

		@Test
		void theEnclosingClassSettingsApply(MigrationsTester tester) {
			assertThat(tester.migrations().locations()).containsExactly("classpath:revisions/matching");
		}

	}

}
