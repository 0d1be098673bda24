package dev.migrations.sample;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.diff.Difference;
import dev.migrations.sample.SampleCommandLine.Run;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.variants.followup.FollowUp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.migrations.sample.ShippedRevisions.HEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM's PostgreSQL enum types: a label added to or removed from {@code dealcurrency}, and a new table
 * using {@code contacteventstatus}, which events and invitations already share. The entity changes are
 * variants of the sample's classes ({@code dev.migrations.variants}) given to the facade the
 * {@code db migrate} command calls; the revisions are applied with the commands.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class PostgresEnumScenarioTests {

	private static final List<String> DEALS = List.of("Website|100.00|USD", "Consulting|250.50|EUR", "Licence|75.00|GBP");

	@TempDir
	Path revisions;

	private TestDatabase database;

	private Catalog catalog;

	private SampleCommandLine cli;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) {
		this.database = database;
		this.catalog = new Catalog(database);
		this.cli = new SampleCommandLine(database, this.revisions, output);
		ShippedRevisions.copyTo(this.revisions);
		this.cli.ok("db", "upgrade");
		// the facade given the sample's own entities sees what the application sees: no drift
		assertThat(SampleEntities.migrations(database, this.revisions).check()).isEmpty();
		this.catalog.execute("INSERT INTO contact (id, name, email) VALUES (nextval('contact_seq'), 'Ada', 'ada@example.com')",
				"INSERT INTO deal (id, title, amount, currency, contact_id) VALUES"
						+ " (nextval('deal_seq'), 'Website', 100, 'USD', (SELECT id FROM contact WHERE email = 'ada@example.com')),"
						+ " (nextval('deal_seq'), 'Consulting', 250.50, 'EUR', (SELECT id FROM contact WHERE email = 'ada@example.com')),"
						+ " (nextval('deal_seq'), 'Licence', 75, 'GBP', NULL)");
	}

	@Test
	@DisplayName("S10: DealCurrency gains BTC (ALTER TYPE ... ADD VALUE), then loses AED (the type swap); deals keep their values")
	void dealCurrencyGainsAndLosesLabelsWhileDealsKeepTheirValues() {
		Migrations withBtc = SampleEntities.migrations(this.database, this.revisions, dev.migrations.variants.btc.Deal.class);
		assertThat(withBtc.check()).containsExactly(new Difference("ENUM_VALUES", "dealcurrency",
				"dealcurrency: database has (USD, EUR, AED, GBP), entities want (USD, EUR, AED, GBP, BTC)"));
		MigrateResult added = withBtc.migrate("add BTC to deal currency");
		assertThat(added.files()).hasSize(1);
		String addText = RevisionFiles.read(added.file());
		assertThat(RevisionFiles.statements(addText, "upgrade")).containsExactly("ALTER TYPE dealcurrency ADD VALUE IF NOT EXISTS 'BTC';");
		// PostgreSQL cannot drop a label: the downgrade swaps the type back, and says which rows would stop it
		assertThat(RevisionFiles.statements(addText, "downgrade")).contains(
				"CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'AED', 'GBP');",
				"ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency;");
		assertThat(RevisionFiles.comments(addText, "downgrade")).contains("-- WARNING: rows of deal holding 'BTC' in currency"
				+ " will fail this conversion: update them first, e.g. UPDATE deal SET currency = '<replacement>' WHERE currency = 'BTC'");

		assertThat(this.cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to " + added.revision() + " from " + HEAD + ": 1 revision in \\d+ ms\\.");
		assertThat(this.catalog.enumLabels("dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP", "BTC");
		assertThat(deals()).containsExactlyElementsOf(DEALS);
		assertThat(withBtc.check()).isEmpty();
		this.catalog.execute("INSERT INTO deal (id, title, amount, currency) VALUES (nextval('deal_seq'), 'Mining rig', 1.5, 'BTC')");

		// AED goes: PostgreSQL has no ALTER TYPE ... DROP VALUE, so the type is swapped
		Migrations withoutAed = SampleEntities.migrations(this.database, this.revisions,
				dev.migrations.variants.noaed.Deal.class);
		MigrateResult removed = withoutAed.migrate("drop AED from deal currency");
		assertThat(removed.files()).hasSize(1);
		String removeText = RevisionFiles.read(removed.file());
		assertThat(RevisionFiles.statements(removeText, "upgrade")).containsExactly(
				"ALTER TYPE dealcurrency RENAME TO dealcurrency_old;",
				"CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'GBP', 'BTC');",
				"CREATE CAST (dealcurrency AS character varying) WITH INOUT AS IMPLICIT;",
				"CREATE CAST (character varying AS dealcurrency) WITH INOUT AS IMPLICIT;",
				"ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency;",
				"DROP CAST IF EXISTS (dealcurrency_old AS character varying);",
				"DROP CAST IF EXISTS (character varying AS dealcurrency_old);",
				"DROP TYPE IF EXISTS dealcurrency_old;");
		assertThat(RevisionFiles.comments(removeText, "upgrade")).contains("-- WARNING: rows of deal holding 'AED' in currency"
				+ " will fail this conversion: update them first, e.g. UPDATE deal SET currency = '<replacement>' WHERE currency = 'AED'");

		assertThat(this.cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to " + removed.revision() + " from " + added.revision() + ": 1 revision in \\d+ ms\\.");
		assertThat(this.catalog.enumLabels("dealcurrency")).containsExactly("USD", "EUR", "GBP", "BTC");
		assertThat(this.catalog.enumTypes()).containsExactly("contacteventstatus", "dealcurrency");
		assertThat(deals()).containsExactly("Website|100.00|USD", "Consulting|250.50|EUR", "Licence|75.00|GBP",
				"Mining rig|1.50|BTC");
		// the implicit casts Hibernate's named enums rely on come with the new type
		assertThat(this.catalog.value("SELECT count(*) FROM pg_cast WHERE castsource = 'dealcurrency'::regtype"
				+ " OR casttarget = 'dealcurrency'::regtype")).isEqualTo("2");
		assertThat(withoutAed.check()).isEmpty();

		// and back: AED returns, the deals stay
		this.cli.ok("db", "downgrade", "-1");
		assertThat(this.catalog.enumLabels("dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP", "BTC");
		assertThat(deals()).hasSize(4);
		assertThat(withBtc.check()).isEmpty();
	}

	@Test
	@DisplayName("S10: removing a label a deal still holds fails and rolls back; updated as the warning says, it passes")
	void removingALabelADealStillHoldsFailsUntilTheDealIsUpdated() {
		this.catalog.execute("INSERT INTO deal (id, title, amount, currency) VALUES (nextval('deal_seq'), 'Dubai office', 900, 'AED')");
		// straight from the shipped {USD, EUR, AED, GBP} to {USD, EUR, GBP, BTC}: one swap adds and removes
		MigrateResult removed = SampleEntities
			.migrations(this.database, this.revisions, dev.migrations.variants.noaed.Deal.class)
			.migrate("drop AED from deal currency");
		assertThat(removed.files()).hasSize(1);
		assertThat(RevisionFiles.statements(RevisionFiles.read(removed.file()), "upgrade"))
			.contains("CREATE TYPE dealcurrency AS ENUM ('USD', 'EUR', 'GBP', 'BTC');");

		Run failed = this.cli.run("db", "upgrade");
		assertThat(failed.exitCode()).isEqualTo(2);
		assertThat(failed.err()).contains("Revision " + removed.revision() + " (" + removed.file() + ") failed at upgrade statement 5")
			.contains("ALTER TABLE deal ALTER COLUMN currency TYPE dealcurrency USING currency::text::dealcurrency")
			.contains("invalid input value for enum dealcurrency: \"AED\"")
			.contains("The revision was rolled back: nothing of it was applied");
		assertThat(this.catalog.enumLabels("dealcurrency")).containsExactly("USD", "EUR", "AED", "GBP");
		assertThat(this.catalog.enumTypes()).containsExactly("contacteventstatus", "dealcurrency");
		assertThat(this.catalog.appliedRevisions()).doesNotContain(removed.revision());

		this.catalog.execute("UPDATE deal SET currency = 'USD' WHERE currency = 'AED'");
		this.cli.ok("db", "upgrade");
		assertThat(this.catalog.enumLabels("dealcurrency")).containsExactly("USD", "EUR", "GBP", "BTC");
		assertThat(deals()).containsExactly("Website|100.00|USD", "Consulting|250.50|EUR", "Licence|75.00|GBP",
				"Dubai office|900.00|USD");
	}

	@Test
	@DisplayName("S11: a new table using the existing contacteventstatus type reuses it: no second CREATE TYPE")
	void newTableReusesTheSharedEnumType() {
		this.catalog.execute("INSERT INTO contact_event (id, name, contact_event_status, contact_id)"
				+ " VALUES (nextval('contact_event_seq'), 'Kick-off', 'ATTENDED', (SELECT id FROM contact WHERE email = 'ada@example.com'))");
		Migrations withFollowUps = SampleEntities.migrations(this.database, this.revisions, FollowUp.class);
		MigrateResult generated = withFollowUps.migrate("add follow up");
		String text = RevisionFiles.read(generated.file());
		assertThat(text).doesNotContain("CREATE TYPE").doesNotContain("DROP TYPE").doesNotContain("CAST");
		assertThat(RevisionFiles.statements(text, "upgrade")).containsExactly(
				"CREATE SEQUENCE IF NOT EXISTS follow_up_seq INCREMENT BY 50;",
				// the columns in Hibernate's order for a table it creates: by size, then by name
				"CREATE TABLE IF NOT EXISTS follow_up ( due_on date, contact_id bigint NOT NULL, id bigint NOT NULL,"
						+ " note character varying(255) NOT NULL, contact_event_status contacteventstatus,"
						+ " CONSTRAINT follow_up_pkey PRIMARY KEY (id) );",
				"ALTER TABLE follow_up ADD CONSTRAINT fk_follow_up_contact_id__contact FOREIGN KEY (contact_id) REFERENCES contact (id);");
		assertThat(RevisionFiles.statements(text, "downgrade")).containsExactly(
				"ALTER TABLE follow_up DROP CONSTRAINT IF EXISTS fk_follow_up_contact_id__contact;",
				"DROP TABLE IF EXISTS follow_up;", "DROP SEQUENCE IF EXISTS follow_up_seq;");

		this.cli.ok("db", "upgrade");
		assertThat(this.catalog.value("SELECT udt_name FROM information_schema.columns WHERE table_schema = current_schema()"
				+ " AND table_name = 'follow_up' AND column_name = 'contact_event_status'")).isEqualTo("contacteventstatus");
		assertThat(this.catalog.enumTypes()).containsExactly("contacteventstatus", "dealcurrency");
		this.catalog.execute("INSERT INTO follow_up (id, note, contact_event_status, contact_id)"
				+ " VALUES (nextval('follow_up_seq'), 'Send the proposal', 'INVITED', (SELECT id FROM contact WHERE email = 'ada@example.com'))");
		assertThat(withFollowUps.check()).isEmpty();

		this.cli.ok("db", "downgrade", "-1");
		assertThat(this.catalog.tables()).doesNotContain("follow_up");
		assertThat(this.catalog.enumLabels("contacteventstatus"))
			.containsExactly("INVITED", "WONTSHOW", "ATTENDED", "DENIED", "COULDNTMAKEIT");
		assertThat(this.catalog.rows("SELECT name, contact_event_status FROM contact_event")).containsExactly("Kick-off|ATTENDED");
	}

	private List<String> deals() {
		return this.catalog.rows("SELECT title, amount, currency FROM deal ORDER BY id");
	}

}
