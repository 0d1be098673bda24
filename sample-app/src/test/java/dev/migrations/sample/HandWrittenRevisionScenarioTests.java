package dev.migrations.sample;

import java.nio.file.Path;
import java.util.Set;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.migrations.sample.ShippedRevisions.GIN_INDEX;
import static dev.migrations.sample.ShippedRevisions.STATUS_INDEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db revision}: an empty revision for what autogenerate cannot write (an index the entities
 * cannot declare, a data change), filled in by hand and applied with {@code db upgrade}.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class HandWrittenRevisionScenarioTests {

	@TempDir
	Path revisions;

	private Catalog catalog;

	private SampleCommandLine cli;

	@BeforeEach
	void prepare(TestDatabase database, CapturedOutput output) {
		this.catalog = new Catalog(database);
		this.cli = new SampleCommandLine(database, this.revisions, output);
		ShippedRevisions.copyTo(this.revisions);
	}

	@Test
	@DisplayName("S2: db revision writes an empty revision; a GIN index written in it is left alone by db check and db migrate")
	void emptyRevisionFilledWithAGinIndexTheEntitiesCannotDeclare() {
		this.cli.ok("db", "upgrade");

		Set<Path> before = RevisionFiles.list(this.revisions);
		SampleCommandLine.Run revision = this.cli.ok("db", "revision", "-m", "add custom GIN index");
		Path file = RevisionFiles.added(this.revisions, before);
		String id = RevisionFiles.idOf(file);
		assertThat(file.getFileName().toString()).isEqualTo(id + "_add_custom_gin_index.sql");
		assertThat(revision.lines()).containsExactly("Wrote " + file + " (revision " + id + " on top of " + STATUS_INDEX + ").",
				"Fill in its -- upgrade and -- downgrade sections, then run `db upgrade`.");
		String empty = RevisionFiles.read(file);
		assertThat(RevisionFiles.header(empty, "down_revision")).isEqualTo(STATUS_INDEX);
		assertThat(RevisionFiles.header(empty, "message")).isEqualTo("add custom GIN index");
		assertThat(RevisionFiles.section(empty, "upgrade")).isBlank();
		assertThat(RevisionFiles.section(empty, "downgrade")).isBlank();

		RevisionFiles.fill(file,
				"CREATE INDEX IF NOT EXISTS ix_bulletin_title_search ON bulletin USING gin (to_tsvector('english', title));",
				"DROP INDEX IF EXISTS ix_bulletin_title_search;");
		assertThat(this.cli.ok("db", "upgrade").lines()).last().asString()
			.matches("Upgraded to " + id + " from " + STATUS_INDEX + ": 1 revision in \\d+ ms\\.");
		assertThat(this.catalog.index("ix_bulletin_title_search")).hasValue(
				"CREATE INDEX ix_bulletin_title_search ON public.bulletin USING gin (to_tsvector('english'::regconfig, (title)::text))");
		assertThat(this.catalog.index("ix_bulletin_metadata"))
			.hasValue("CREATE INDEX ix_bulletin_metadata ON public.bulletin USING gin (metadata jsonb_path_ops)");

		// indexes no entity can declare are neither drift nor something to drop
		assertThat(this.cli.ok("db", "check").out()).isEqualTo("No differences: the database matches the entities.\n");
		Set<Path> written = RevisionFiles.list(this.revisions);
		assertThat(this.cli.ok("db", "migrate", "-m", "after the GIN index").lines())
			.containsExactly("No changes: the entities match the database, so no revision was written.");
		assertThat(RevisionFiles.list(this.revisions)).isEqualTo(written);

		this.cli.ok("db", "downgrade", "-1");
		assertThat(this.catalog.index("ix_bulletin_title_search")).isEmpty();
	}

	@Test
	@DisplayName("S3: SQL with JSON colons in a revision runs as written, with nothing escaped")
	void jsonWithColonsInARevisionRunsAsWritten() {
		// an imported bulletin without metadata, before the sample's hand-written backfill
		assertThat(this.cli.ok("db", "upgrade", GIN_INDEX).lines()).last().asString()
			.matches("Upgraded to " + GIN_INDEX + " from base: 2 revisions in \\d+ ms\\.");
		this.catalog.execute("INSERT INTO bulletin (id, title, status, created_at) VALUES (nextval('bulletin_seq'), 'Imported case', 'DRAFT', now())");
		this.cli.ok("db", "upgrade");
		assertThat(this.catalog.rows("SELECT metadata->>'source', metadata->>'imported_at', metadata->'reviewed' FROM bulletin"))
			.containsExactly("import|12:30|false");

		Set<Path> before = RevisionFiles.list(this.revisions);
		this.cli.ok("db", "revision", "-m", "seed a bulletin with metadata");
		Path file = RevisionFiles.added(this.revisions, before);
		RevisionFiles.fill(file, """
				INSERT INTO bulletin (id, title, status, created_at, metadata)
				VALUES (nextval('bulletin_seq'), 'Seeded', 'PUBLISHED', now(),
				        '{"key":true, "at":"12:30", "filter":":word", "escaped":"it''s"}'::jsonb);""",
				"DELETE FROM bulletin WHERE title = 'Seeded' AND metadata @> '{\"key\":true}'::jsonb;");
		this.cli.ok("db", "upgrade");

		assertThat(this.catalog.rows("SELECT metadata = '{\"key\":true, \"at\":\"12:30\", \"filter\":\":word\", \"escaped\":\"it''s\"}'::jsonb"
				+ " FROM bulletin WHERE title = 'Seeded'")).containsExactly("t");
		assertThat(this.catalog.rows("SELECT metadata->'key', metadata->>'at', metadata->>'filter', metadata->>'escaped'"
				+ " FROM bulletin WHERE title = 'Seeded'")).containsExactly("true|12:30|:word|it's");

		this.cli.ok("db", "downgrade", "-1");
		assertThat(this.catalog.rows("SELECT title FROM bulletin")).containsExactly("Imported case");
	}

}
