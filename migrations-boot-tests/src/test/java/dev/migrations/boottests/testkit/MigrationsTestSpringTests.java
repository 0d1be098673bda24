package dev.migrations.boottests.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The test kit in a booted application's test, run as JUnit runs the application's tests. */
class MigrationsTestSpringTests {

	@Test
	void twoHeadsFailTheSingleHeadCheckWithTheMergeToWriteInsteadOfTheContext() {
		List<Event> failures = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(TwoHeadsRevisionsCheck.class))
			.execute()
			.testEvents()
			.failed()
			.list();
		assertThat(failures).hasSize(1);
		Throwable failure = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
			.orElseThrow()
			.getThrowable()
			.orElseThrow();
		assertThat(failure).isInstanceOf(org.opentest4j.AssertionFailedError.class)
			.hasMessageStartingWith("The revisions have 2 heads, expected one:\n  5b0b00000002 (")
			.hasMessageContaining("\n  5b0b00000003 (")
			.hasMessageEndingWith("\nJoin them with a merge revision: db merge -m \"merge heads\" 5b0b00000002 5b0b00000003");
	}

	@Test
	void aRevisionDriftedFromTheEntitiesFailsTheCheckWithTheFixingSqlInsteadOfHibernateValidatingTheContext() {
		List<Event> failures = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(DriftedRevisionsCheck.class))
			.execute()
			.testEvents()
			.failed()
			.list();
		assertThat(failures).hasSize(1);
		Throwable failure = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
			.orElseThrow()
			.getThrowable()
			.orElseThrow();
		assertThat(failure).isInstanceOf(org.opentest4j.AssertionFailedError.class)
			.hasMessageStartingWith("At head (5b0b00000001) the schema differs from the entities in 1 place(s):")
			.hasMessageContaining("customer.email")
			.hasMessageContaining("ALTER TABLE customer ADD COLUMN IF NOT EXISTS email character varying(200);");
	}

}
