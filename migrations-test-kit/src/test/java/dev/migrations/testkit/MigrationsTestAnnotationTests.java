package dev.migrations.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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

	@Nested
	class InANestedClass {

		@Test
		void theEnclosingClassSettingsApply(MigrationsTester tester) {
			assertThat(tester.migrations().locations()).containsExactly("classpath:revisions/matching");
		}

	}

}
