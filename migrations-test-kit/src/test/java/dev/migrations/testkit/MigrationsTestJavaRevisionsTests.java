package dev.migrations.testkit;

import static dev.migrations.testkit.Row.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link MigrationsTest} without Spring, with Java revisions in the graph of the SQL ones. */
@MigrationsTest(locations = "classpath:revisions/java-parent", javaPackages = "dev.migrations.testkit.javarevisions")
class MigrationsTestJavaRevisionsTests {

	@Test
	void javaRevisionsOfTheAnnotationsPackagesJoinTheGraph(MigrationsTester tester) {
		assertThat(tester.migrations().graph().revisions()).extracting((revision) -> revision.id())
			.containsExactly("r20000000001", "r20000000002", "r20000000003");
		tester.assertSingleHead().assertUpgradeFromBase().assertStairway().assertDowngradeLeavesNoTrace();
		tester.at("r20000000001").insert("deal", row("id", 1, "code", "ab")).upgradeTo("head")
			.assertRows("deal", row("id", 1, "code", "AB"));
	}

}
