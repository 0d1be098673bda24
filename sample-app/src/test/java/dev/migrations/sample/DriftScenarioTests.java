package dev.migrations.sample;

import dev.migrations.sample.SampleCommandLine.Run;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.migrations.sample.ShippedRevisions.HEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db check} on the revisions the sample ships: clean when the index is declared in the entity and
 * created by a revision, exit status 1 naming what is missing as soon as the database lacks it.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class DriftScenarioTests {

	private static final String NO_DIFFERENCES = "No differences: the database matches the entities.\n";

	private static final String STATUS_INDEX_MISSING = "1 difference between the entities and the database:\n"
			+ "  INDEX_MISSING  bulletin: the database lacks index ix_bulletin_status on (status)\n";

	private static final String WHAT_TO_DO = "the database differs from the entities: generate a revision with"
			+ " `db migrate -m \"...\"` and apply it with `db upgrade`";

	private static final String APPLY_FIRST = "the database differs from the entities, and 1 revision(s) are not applied yet ("
			+ HEAD + "): apply them with `db upgrade`, then check again";

	private Catalog catalog;

	private SampleCommandLine cli;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) {
		this.catalog = new Catalog(database);
		this.cli = new SampleCommandLine(database, null, output);
	}

	@Test
	@DisplayName("The shipped revisions on an empty database build exactly the schema the entities describe, from the command line")
	void shippedRevisionsBuildTheSchemaTheEntitiesDescribe() {
		assertThat(this.cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to " + HEAD + " from base: 4 revisions in \\d+ ms\\.");
		assertThat(this.cli.ok("db", "check").out()).isEqualTo(NO_DIFFERENCES);

		assertThat(this.cli.ok("db", "downgrade", "base").lines()).last().asString()
			.matches("Downgraded to base from " + HEAD + ": 4 revisions in \\d+ ms\\.");
		// that nothing but the version tables remains is RevisionsTest's assertDowngradeLeavesNoTrace

		this.cli.ok("db", "upgrade");
		assertThat(this.cli.ok("db", "check").out()).isEqualTo(NO_DIFFERENCES);
	}

	@Test
	@DisplayName("S6: the index in the entity and in a revision: db check exits 0; without it in the database, 1 with INDEX_MISSING")
	void checkIsCleanWithTheIndexInEntityAndRevisionAndFailsWithoutIt() {
		this.cli.ok("db", "upgrade");
		Run clean = this.cli.run("db", "check");
		assertThat(clean.exitCode()).isZero();
		assertThat(clean.out()).isEqualTo(NO_DIFFERENCES);

		// the revision that creates it, undone
		this.cli.ok("db", "downgrade", "-1");
		Run downgraded = this.cli.run("db", "check");
		assertThat(downgraded.exitCode()).isEqualTo(1);
		assertThat(downgraded.out()).isEqualTo(STATUS_INDEX_MISSING);
		// the revision is there to apply again: that is the way forward, not a new revision
		assertThat(downgraded.err()).isEqualTo(APPLY_FIRST + "\n");

		this.cli.ok("db", "upgrade");
		assertThat(this.cli.run("db", "check").exitCode()).isZero();

		// dropped behind the revisions' back: the version table still says head, the check does not
		this.catalog.execute("DROP INDEX ix_bulletin_status");
		Run dropped = this.cli.run("db", "check");
		assertThat(dropped.exitCode()).isEqualTo(1);
		assertThat(dropped.out()).isEqualTo(STATUS_INDEX_MISSING);
		assertThat(dropped.err()).isEqualTo(WHAT_TO_DO + "\n");
		assertThat(this.cli.ok("db", "upgrade").lines())
			.containsExactly("Nothing to upgrade: the database is at " + HEAD + " (target head).");

		// the guarded downgrade (DROP INDEX IF EXISTS) runs although the index is gone; the upgrade recreates it
		this.cli.ok("db", "downgrade", "-1");
		this.cli.ok("db", "upgrade");
		assertThat(this.cli.run("db", "check").exitCode()).isZero();
	}

}
