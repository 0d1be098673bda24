package dev.migrations.sample;

import dev.migrations.sample.SampleCommandLine.Run;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.migrations.sample.ShippedRevisions.CREATE;
import static dev.migrations.sample.ShippedRevisions.GIN_INDEX;
import static dev.migrations.sample.ShippedRevisions.HEAD;
import static dev.migrations.sample.ShippedRevisions.METADATA_BACKFILL;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code db create-db}: a fresh install builds the schema from the entities and records the head as applied. */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class FreshInstallScenarioTests {

	@Test
	@DisplayName("S7: db create-db on an empty database creates the schema from the entities and stamps the head")
	void createDbBuildsTheSchemaFromTheEntitiesAndStampsTheHead(TestDatabase database, CapturedOutput output) {
		SampleCommandLine cli = new SampleCommandLine(database, null, output);
		Catalog catalog = new Catalog(database);

		assertThat(cli.ok("db", "create-db").lines())
			.containsExactly("Created the schema from the entities and stamped " + HEAD + ".");
		assertThat(catalog.tables()).containsExactly("bulletin", "bulletin_labels", "contact", "contact_event", "deal",
				"invitation", "label", "migrations_version", "migrations_version_log");
		assertThat(catalog.enumLabels("dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP");
		assertThat(catalog.enumLabels("contacteventstatus"))
			.containsExactly("INVITED", "WONTSHOW", "ATTENDED", "DENIED", "COULDNTMAKEIT");
		assertThat(catalog.index("ix_bulletin_status")).isPresent();
		// Only what the entities declare: the GIN index lives in a hand-written revision, which a stamp does not run.
		assertThat(catalog.index("ix_bulletin_metadata")).isEmpty();
		assertThat(catalog.appliedRevisions()).containsExactlyInAnyOrder(CREATE, GIN_INDEX, METADATA_BACKFILL, HEAD);

		assertThat(cli.ok("db", "current").lines()).containsExactly(HEAD + " (head) add status index to bulletin");
		assertThat(cli.ok("db", "check").out()).isEqualTo("No differences: the database matches the entities.\n");
		assertThat(cli.ok("db", "upgrade").lines())
			.containsExactly("Nothing to upgrade: the database is at " + HEAD + " (target head).");
		assertThat(cli.ok("db", "history").lines()).hasSize(4).allSatisfy((line) -> assertThat(line).endsWith(" [applied]"));

		// the app can use the schema: a row through the entities' tables and sequences
		catalog.execute("INSERT INTO deal (id, title, amount, currency) VALUES (nextval('deal_seq'), 'Licence', 75, 'GBP')");
		assertThat(catalog.rows("SELECT title, currency FROM deal")).containsExactly("Licence|GBP");

		Run again = cli.run("db", "create-db");
		assertThat(again.exitCode()).isEqualTo(2);
		assertThat(again.err()).isEqualTo("The database already has 4 revision(s) recorded in migrations_version: create-db is"
				+ " for fresh installs. Use `db upgrade` instead.\n");
		assertThat(catalog.rows("SELECT title FROM deal")).containsExactly("Licence");
	}

}
