package dev.migrations.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.migrations.sample.SampleCommandLine.Run;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.migrations.sample.ShippedRevisions.CREATE;
import static dev.migrations.sample.ShippedRevisions.GIN_INDEX;
import static dev.migrations.sample.ShippedRevisions.METADATA_BACKFILL;
import static dev.migrations.sample.ShippedRevisions.STATUS_INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db upgrade}, {@code db upgrade +1}, {@code db downgrade -1}, {@code db current}, {@code db history},
 * and branches joined with {@code db merge}.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class UpgradeDowngradeScenarioTests {

	private static final String STEP = " \\.\\.\\. done in \\d+ ms";

	@TempDir
	Path revisions;

	private TestDatabase database;

	private Catalog catalog;

	private CapturedOutput output;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) {
		this.database = database;
		this.catalog = new Catalog(database);
		this.output = output;
	}

	@Test
	@DisplayName("S4: db upgrade +1, db upgrade, db downgrade -1, db current and db history on the shipped revisions")
	void upgradeOneAtATimeDowngradeAndSeeWhereTheDatabaseStands() {
		SampleCommandLine cli = new SampleCommandLine(this.database, null, this.output);
		assertThat(cli.ok("db", "current").lines()).containsExactly("No revision is applied: the database is at base.",
				"4 revision(s) pending: c65845a72f8e, 9aaf6725bae6, 091a56720923, 5ee6eb1781be. Run `db upgrade`.");

		List<String> next = cli.ok("db", "upgrade", "+1").lines();
		assertThat(next).hasSize(2);
		assertThat(next.get(0)).matches("  \\[1/1] upgrade c65845a72f8e create bulletins, labels and crm" + STEP);
		assertThat(next.get(1)).matches("Upgraded to c65845a72f8e from base: 1 revision in \\d+ ms\\.");
		assertThat(this.catalog.tables()).contains("bulletin", "deal", "migrations_version");
		assertThat(this.catalog.index("ix_bulletin_metadata")).isEmpty();
		assertThat(cli.ok("db", "current").lines()).containsExactly("c65845a72f8e create bulletins, labels and crm",
				"3 revision(s) pending: 9aaf6725bae6, 091a56720923, 5ee6eb1781be. Run `db upgrade`.");

		List<String> rest = cli.ok("db", "upgrade").lines();
		assertThat(rest).hasSize(4);
		assertThat(rest.get(0)).matches("  \\[1/3] upgrade 9aaf6725bae6 add custom GIN index" + STEP);
		assertThat(rest.get(1)).matches("  \\[2/3] upgrade 091a56720923 default bulletin metadata" + STEP);
		assertThat(rest.get(2)).matches("  \\[3/3] upgrade 5ee6eb1781be add status index to bulletin" + STEP);
		assertThat(rest.get(3)).matches("Upgraded to 5ee6eb1781be from c65845a72f8e: 3 revisions in \\d+ ms\\.");
		assertThat(cli.ok("db", "current").lines()).containsExactly("5ee6eb1781be (head) add status index to bulletin");
		assertThat(this.catalog.index("ix_bulletin_status")).isPresent();

		List<String> back = cli.ok("db", "downgrade", "-1").lines();
		assertThat(back).hasSize(2);
		assertThat(back.get(0)).matches("  \\[1/1] downgrade 5ee6eb1781be add status index to bulletin" + STEP);
		assertThat(back.get(1)).matches("Downgraded to 091a56720923 from 5ee6eb1781be: 1 revision in \\d+ ms\\.");
		assertThat(this.catalog.index("ix_bulletin_status")).isEmpty();
		assertThat(this.catalog.index("ix_bulletin_metadata")).isPresent();
		assertThat(cli.ok("db", "current").lines()).containsExactly("091a56720923 default bulletin metadata",
				"1 revision(s) pending: 5ee6eb1781be. Run `db upgrade`.");
		assertThat(cli.ok("db", "history").lines()).containsExactly(
				"091a56720923 -> 5ee6eb1781be (head), add status index to bulletin [pending]",
				"9aaf6725bae6 -> 091a56720923, default bulletin metadata [applied]",
				"c65845a72f8e -> 9aaf6725bae6, add custom GIN index [applied]",
				"<base> -> c65845a72f8e, create bulletins, labels and crm [applied]");
		assertThat(this.catalog.appliedRevisions()).containsExactlyInAnyOrder(CREATE, GIN_INDEX, METADATA_BACKFILL);

		assertThat(cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to 5ee6eb1781be from 091a56720923: 1 revision in \\d+ ms\\.");
		assertThat(cli.ok("db", "upgrade").lines())
			.containsExactly("Nothing to upgrade: the database is at 5ee6eb1781be (target head).");
		assertThat(cli.ok("db", "history").lines()).allSatisfy((line) -> assertThat(line).endsWith(" [applied]"));
	}

	@Test
	@DisplayName("S9: two revisions on the same parent make two heads; db upgrade refuses until db merge joins them")
	void twoBranchesFromOneParentAreJoinedWithMerge() {
		ShippedRevisions.copyTo(this.revisions);
		SampleCommandLine cli = new SampleCommandLine(this.database, this.revisions, this.output);
		cli.ok("db", "upgrade");

		// two developers, each on a branch started from the same head
		Path emails = newRevision(cli, "index contact emails case-insensitively");
		RevisionFiles.fill(emails, "CREATE INDEX IF NOT EXISTS ix_contact_email_lower ON contact (lower(email));",
				"DROP INDEX IF EXISTS ix_contact_email_lower;");
		Path label = newRevision(cli, "add urgent label");
		RevisionFiles.fill(label, "INSERT INTO label (id, title) VALUES (nextval('label_seq'), 'urgent');",
				"DELETE FROM label WHERE title = 'urgent';");
		String first = RevisionFiles.idOf(emails);
		String second = RevisionFiles.idOf(label);
		List<String> branches = List.of(first, second).stream().sorted().toList();

		List<String> heads = cli.ok("db", "heads").lines();
		assertThat(heads).hasSize(3);
		assertThat(heads.subList(0, 2)).containsExactlyInAnyOrder(first + " (head) index contact emails case-insensitively",
				second + " (head) add urgent label");
		assertThat(heads.get(2)).isEqualTo("2 heads: join them with `db merge -m \"merge heads\"`.");

		Run refused = cli.run("db", "upgrade");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains("the revisions have 2 heads: ")
			.contains(first + " (index contact emails case-insensitively)")
			.contains(second + " (add urgent label)")
			.contains("`head` needs exactly one: run `db merge -m \"merge heads\"` to join them, or `db upgrade heads` to"
					+ " upgrade every branch");
		assertThat(this.catalog.index("ix_contact_email_lower")).isEmpty();
		assertThat(cli.ok("db", "current").lines()).first().isEqualTo(STATUS_INDEX + " add status index to bulletin");

		Set<Path> before = RevisionFiles.list(this.revisions);
		Run merge = cli.ok("db", "merge", "-m", "merge heads");
		Path file = RevisionFiles.added(this.revisions, before);
		String id = RevisionFiles.idOf(file);
		assertThat(merge.lines()).containsExactly(
				"Wrote " + file + " (merge revision " + id + " joining " + String.join(", ", branches) + ").");
		assertThat(RevisionFiles.header(RevisionFiles.read(file), "down_revision")).isEqualTo(String.join(", ", branches));
		assertThat(cli.ok("db", "heads").lines()).containsExactly(id + " (head) merge heads");

		List<String> upgrade = cli.ok("db", "upgrade").lines();
		assertThat(upgrade).hasSize(4);
		assertThat(upgrade.get(3)).matches("Upgraded to " + id + " from " + STATUS_INDEX + ": 3 revisions in \\d+ ms\\.");
		assertThat(upgrade.get(2)).matches("  \\[3/3] upgrade " + id + " merge heads" + STEP);
		assertThat(this.catalog.index("ix_contact_email_lower")).isPresent();
		assertThat(this.catalog.rows("SELECT title FROM label")).containsExactly("urgent");
		assertThat(cli.ok("db", "current").lines()).containsExactly(id + " (head) merge heads");
		assertThat(cli.ok("db", "history").lines()).first()
			.isEqualTo(String.join(", ", branches) + " -> " + id + " (head) (mergepoint), merge heads [applied]");
		assertThat(cli.ok("db", "check").out()).isEqualTo("No differences: the database matches the entities.\n");
	}

	private Path newRevision(SampleCommandLine cli, String message) {
		Set<Path> before = RevisionFiles.list(this.revisions);
		// the second branch starts from a revision that is no longer a head
		Run revision = cli.ok("db", "revision", "-m", message, "--head", STATUS_INDEX, "--splice");
		Path file = RevisionFiles.added(this.revisions, before);
		assertThat(revision.lines()).first()
			.isEqualTo("Wrote " + file + " (revision " + RevisionFiles.idOf(file) + " on top of " + STATUS_INDEX + ").");
		return file;
	}

}
