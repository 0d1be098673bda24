package dev.migrations.sample;

import static dev.migrations.testkit.Row.row;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.migrations.testkit.MigrationsTest;
import dev.migrations.testkit.MigrationsTester;

/**
 * The sample's own revisions, checked the way an application checks its own: with the application's
 * {@code Migrations} bean and entities, on a fresh PostgreSQL database of this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "sample.embedded-postgres.enabled=false", "migrations.drift.enabled=false",
				"spring.shell.interactive.enabled=false" })
@MigrationsTest
class RevisionsTest {

	static final String METADATA = "{\"source\": \"import\", \"reviewed\": false, \"imported_at\": \"12:30\"}";

	@Test
	void revisions(MigrationsTester tester) {
		tester.assertSingleHead();
		tester.assertUpgradeFromBase();
		tester.assertStairway();
		tester.assertEntitiesMatchSchema();
		tester.assertDowngradeLeavesNoTrace();
	}

	@Test
	void metadataBackfillFillsEmptyRowsAndItsDowngradeEmptiesThemAgain(MigrationsTester tester) {
		tester.at(ShippedRevisions.GIN_INDEX)
			.insert("bulletin",
					row("id", 1, "title", "empty", "status", "DRAFT", "created_at", OffsetDateTime.now()),
					row("id", 2, "title", "kept", "status", "DRAFT", "created_at", OffsetDateTime.now(), "metadata",
							"{\"source\": \"editor\"}"))
			.upgradeTo("head")
			.assertRows("bulletin", row("id", 1, "metadata", METADATA), row("id", 2, "metadata", "{\"source\": \"editor\"}"))
			.downgradeTo(ShippedRevisions.GIN_INDEX)
			.assertRows("bulletin", row("id", 1, "metadata", null), row("id", 2, "metadata", "{\"source\": \"editor\"}"));
	}

}
