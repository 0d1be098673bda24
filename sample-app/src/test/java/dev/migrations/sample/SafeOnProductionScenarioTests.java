package dev.migrations.sample;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintResult;
import dev.migrations.lint.LockMode;
import dev.migrations.lint.Suppression;
import dev.migrations.rehearse.LockTaken;
import dev.migrations.rehearse.RehearsalOptions;
import dev.migrations.rehearse.RehearsalReport;
import dev.migrations.rehearse.RevisionRehearsal;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrations.sample.ShippedRevisions.CREATE;
import static dev.migrations.sample.ShippedRevisions.GIN_INDEX;
import static dev.migrations.sample.ShippedRevisions.METADATA_BACKFILL;
import static dev.migrations.sample.ShippedRevisions.STATUS_INDEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample's shipped revisions checked for a large, busy database: they lint clean, the two index
 * builds on {@code bulletin} carrying a justified suppression in their downgrade section (which leaves
 * the checksums of databases that applied them alone), and a rehearsal of the upgrade shows the locks.
 */
@ExtendWith(TestDatabaseExtension.class)
class SafeOnProductionScenarioTests {

	@TempDir
	Path revisions;

	@Test
	@DisplayName("The shipped revisions lint clean, with reasons for the two suppressed index builds and unchanged checksums")
	void shippedRevisionsLintClean(TestDatabase database) {
		ShippedRevisions.copyTo(this.revisions);
		Migrations migrations = SampleEntities.migrations(database, this.revisions);

		LintResult result = migrations.lint(LintOptions.defaults().allRevisions());

		assertThat(result.findings()).isEmpty();
		assertThat(result.revisions()).containsExactly(CREATE, GIN_INDEX, METADATA_BACKFILL, STATUS_INDEX);
		assertThat(result.suppressed()).extracting((s) -> s.finding().revision(), (s) -> s.finding().rule())
			.containsExactly(tuple(GIN_INDEX, "index-without-concurrently"), tuple(GIN_INDEX, "missing-lock-timeout"),
					tuple(STATUS_INDEX, "index-without-concurrently"), tuple(STATUS_INDEX, "missing-lock-timeout"));
		assertThat(result.suppressed()).extracting(Suppression::reason)
			.allSatisfy((reason) -> assertThat(reason).startsWith("the sample's bulletin table holds a handful of rows"));
		assertThat(result.summary()).isEqualTo("Linted 4 revisions (27 statements): 0 errors, 0 warnings, 0 info,"
				+ " 4 suppressed. Lint passed.");
		// the checksums databases recorded when they applied the revisions before the suppressions were added
		assertThat(migrations.graph().get(GIN_INDEX).checksum())
			.isEqualTo("de61af9118a2589f2345649968074bd1e3d59e811dc0660b6754802875be6025");
		assertThat(migrations.graph().get(STATUS_INDEX).checksum())
			.isEqualTo("4980facc10c142d3abc2d5970a5cc311f48b8fe6b84835461343e2385e28b675");
	}

	@Test
	@DisplayName("A rehearsal of the sample's pending revisions on a copy shows each lock and leaves the database as it was")
	void rehearsalOfThePendingRevisions(TestDatabase database) {
		ShippedRevisions.copyTo(this.revisions);
		Migrations migrations = SampleEntities.migrations(database, this.revisions);
		migrations.upgrade(CREATE);
		Catalog catalog = new Catalog(database);
		catalog.execute("INSERT INTO bulletin (id, created_at, status, title) SELECT g, now(), 'DRAFT', 'title ' || g"
				+ " FROM generate_series(1, 250) g");
		List<String> before = catalog.rows("SELECT count(*), count(metadata) FROM bulletin");

		// the copy (CREATE DATABASE ... TEMPLATE) refuses while an idle session of the test is on the database
		database.newSessionForEachConnection();
		RehearsalReport report = migrations.rehearse("head",
				RehearsalOptions.copy(database.jdbcUrl(), database.username(), database.password()));

		assertThat(report.revisions()).extracting(RevisionRehearsal::revision)
			.containsExactly(GIN_INDEX, METADATA_BACKFILL, STATUS_INDEX);
		assertThat(report.revisions().get(0).statements().get(0).locks()).filteredOn((lock) -> !lock.newRelation())
			.extracting(LockTaken::relation, LockTaken::mode)
			.containsExactly(tuple("public.bulletin", LockMode.SHARE));
		assertThat(report.revisions().get(1).statements().get(0).rows()).isEqualTo(250L);
		assertThat(report.failed()).isFalse();
		assertThat(catalog.rows("SELECT count(*), count(metadata) FROM bulletin")).isEqualTo(before).containsExactly("250|0");
		assertThat(migrations.status().pending()).containsExactly(GIN_INDEX, METADATA_BACKFILL, STATUS_INDEX);
		assertThat(catalog.rows("SELECT count(*) FROM pg_database WHERE datname LIKE '%\\_rehearsal\\_%' AND datname LIKE '"
				+ database.name() + "%'")).containsExactly("0");
	}

}
