package dev.migrations.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.autogenerate.otherschema.Counter;
import dev.migrations.autogenerate.otherschema.Invoice;
import dev.migrations.diff.DiffOptions;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entity mapped to another schema than the one the revisions run in ({@code @Table(schema = "audit")}):
 * autogenerate reads only that one schema, so it leaves the table out, says so, and never writes it into the
 * wrong schema.
 */
@ExtendWith(TestDatabaseExtension.class)
class OtherSchemaEntitiesTest {

	@TempDir
	Path revisions;

	@Test
	void aTableOfAnotherSchemaIsNamedInAWarningAndNeitherComparedNorWritten(TestDatabase db) throws Exception {
		Migrations migrations = Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.revisions)
			.entities(EntitySource.of(Invoice.class, Counter.class))
			.load();

		Comparison comparison = migrations.compare(DiffOptions.defaults());
		assertThat(comparison.warnings()).anySatisfy((warning) -> assertThat(warning)
			.startsWith("Table audit.counter is mapped to schema audit, and autogenerate compares schema public only"));
		assertThat(comparison.entities().table("counter")).isEmpty();

		String revision = Files.readString(migrations.migrate("invoice").file());
		assertThat(revision).contains("CREATE TABLE IF NOT EXISTS invoice (").doesNotContain("counter");
		migrations.reload();
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
	}

}
