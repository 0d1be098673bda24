package dev.migrations.autogenerate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.MigrateSqlResult;
import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.Sql;
import dev.migrations.autogenerate.otherschema.Counter;
import dev.migrations.autogenerate.otherschema.Invoice;
import dev.migrations.autogenerate.otherschema.Ticket;
import dev.migrations.diff.DiffOptions;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

		MigrateResult written = migrations.migrate("invoice");
		assertThat(written.warnings()).anySatisfy((warning) -> assertThat(warning).startsWith("Table audit.counter"));
		String revision = Files.readString(written.file());
		assertThat(revision).contains("CREATE TABLE IF NOT EXISTS invoice (").doesNotContain("counter");
		migrations.reload();
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
		// said again when nothing is left to write
		MigrateResult inSync = migrations.migrate("nothing");
		assertThat(inSync.written()).isFalse();
		assertThat(inSync.warnings()).anySatisfy((warning) -> assertThat(warning).startsWith("Table audit.counter"));
	}

	@Test
	void theRevisionPrintedAndNotWrittenComesWithTheWarningItDoesNotCarry(TestDatabase db) throws Exception {
		Migrations migrations = Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.revisions)
			.entities(EntitySource.of(Invoice.class, Counter.class))
			.load();

		MigrateSqlResult printed = migrations.migrateSqlResult("invoice", DiffOptions.defaults(),
				migrations.migrateOptions());
		assertThat(printed.revisions()).hasSize(1);
		assertThat(printed.revisions().values().iterator().next()).contains("CREATE TABLE IF NOT EXISTS invoice (")
			.doesNotContain("counter");
		assertThat(printed.warnings()).singleElement().asString().startsWith("Table audit.counter is mapped to schema audit");
		assertThat(this.revisions.toFile().list()).as("nothing written").isEmpty();
		// the method returning the texts alone is unchanged
		assertThat(migrations.migrateSql("invoice", DiffOptions.defaults(), migrations.migrateOptions()).values())
			.singleElement().asString().contains("CREATE TABLE IF NOT EXISTS invoice (");

		migrations.migrate("invoice");
		migrations.reload();
		migrations.upgrade("head");
		// said again when nothing is left to print
		MigrateSqlResult inSync = migrations.migrateSqlResult("nothing", DiffOptions.defaults(), migrations.migrateOptions());
		assertThat(inSync.revisions()).isEmpty();
		assertThat(inSync.warnings()).singleElement().asString().startsWith("Table audit.counter");
	}

	@Test
	void aSequenceOfAnotherSchemaIsNamedInAWarningAndNeitherComparedNorWritten(TestDatabase db) throws Exception {
		Migrations migrations = Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.revisions)
			.entities(EntitySource.of(Ticket.class))
			.load();

		MigrateResult written = migrations.migrate("ticket");
		assertThat(written.warnings()).anySatisfy((warning) -> assertThat(warning)
			.startsWith("Sequence seqs.ticket_seq is mapped to schema seqs (@SequenceGenerator(schema = ...)), and"
					+ " autogenerate compares schema public only"));
		assertThat(Files.readString(written.file())).contains("CREATE TABLE IF NOT EXISTS ticket (")
			.doesNotContain("ticket_seq");
	}

	@Test
	void entitiesInAnotherDefaultSchemaThanTheOneComparedAreRefusedWithTheSetting(TestDatabase db) {
		Migrations migrations = Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.revisions)
			.entities(EntitySource.of(Invoice.class).withSettings(Map.of("hibernate.default_schema", "app")))
			.load();

		assertThatThrownBy(() -> migrations.compare(DiffOptions.defaults())).isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("The entities' tables are in schema app (hibernate.default_schema), but autogenerate"
					+ " compares and migrates schema public")
			.hasMessageContaining("Set migrations.schema=app");
		assertThatThrownBy(migrations::check).hasMessageStartingWith("The entities' tables are in schema app");
		assertThat(Sql.postgresTables(db.dataSource())).doesNotContain("invoice");
	}

	/**
	 * PostgreSQL folds an unquoted name to lower case, and Hibernate writes {@code hibernate.default_schema=SALES}
	 * unquoted: its tables are in {@code sales}. {@code migrations.schema} is a name as the database stores it,
	 * so {@code SALES} is another schema, where the application would not find the revisions' tables.
	 */
	@Test
	void aDefaultSchemaDifferingInCaseOnlyIsAnotherSchema(TestDatabase db) throws IOException {
		Migrations migrations = Migrations.configure()
			.dataSource(db.dataSource())
			.schema("SALES")
			.locations("filesystem:" + this.revisions)
			.entities(EntitySource.of(Invoice.class).withDefaultSchema("SALES"))
			.load();

		assertThatThrownBy(() -> migrations.migrate("invoice")).isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("The entities' tables are in schema sales (hibernate.default_schema), but autogenerate"
					+ " compares and migrates schema SALES")
			.hasMessageContaining("Set migrations.schema=sales");
		assertThat(this.revisions.toFile().list()).isEmpty();

		// the schema Hibernate uses, named as the database stores it, is compared
		Migrations lower = Migrations.configure()
			.dataSource(db.dataSource())
			.schema("sales")
			.locations("filesystem:" + this.revisions)
			.entities(EntitySource.of(Invoice.class).withDefaultSchema("SALES"))
			.load();
		assertThat(lower.migrate("invoice").written()).isTrue();

		// quoted by hibernate.globally_quoted_identifiers, as Hibernate quotes it, SALES is SALES
		Files.createDirectories(this.revisions.resolve("quoted"));
		Migrations quoted = Migrations.configure()
			.dataSource(db.dataSource())
			.schema("SALES")
			.locations("filesystem:" + this.revisions.resolve("quoted"))
			.outputDirectory(this.revisions.resolve("quoted"))
			.entities(EntitySource.of(Invoice.class).withDefaultSchema("SALES")
				.withSetting("hibernate.globally_quoted_identifiers", "true"))
			.load();
		assertThat(quoted.migrate("invoice").written()).isTrue();
	}

}
