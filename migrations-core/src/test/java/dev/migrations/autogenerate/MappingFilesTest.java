package dev.migrations.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.entity.fixtures.xml.LedgerEntry;
import dev.migrations.entity.fixtures.xml.Memo;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entities mapped or changed by an {@code orm.xml}, as {@code spring.jpa.mapping-resources} or a
 * {@code META-INF/orm.xml} gives them to the application: a schema Hibernate created from them shows no
 * drift, and {@code migrate} writes what they describe.
 */
@ExtendWith(TestDatabaseExtension.class)
class MappingFilesTest {

	private static final EntitySource WITH_XML = EntitySource.of(Memo.class)
		.withClassNames(List.of(LedgerEntry.class.getName()))
		.withClassLoader(Memo.class.getClassLoader())
		.withMappingResources(List.of("dev/migrations/entity/fixtures/xml/orm.xml"));

	@TempDir
	Path revisions;

	@Test
	void aSchemaHibernateCreatedFromTheMappingFileShowsNoDrift(TestDatabase db) {
		HibernateSchemaCreation.create(db.dataSource(), WITH_XML);

		assertThat(migrations(db, WITH_XML).check()).isEmpty();
		// read without the mapping file, the same schema would be drift: the false positives avoided
		assertThat(migrations(db, EntitySource.of(Memo.class)).check()).isNotEmpty();
	}

	@Test
	void migrateWritesWhatTheMappingFileDescribes(TestDatabase db) throws Exception {
		Migrations migrations = migrations(db, WITH_XML);
		Path file = migrations.migrate("ledger and memo").file();
		String upgrade = Files.readString(file);
		assertThat(upgrade).contains("CREATE TABLE IF NOT EXISTS ledger (", "title character varying(120) NOT NULL",
				"amount numeric(12,2)", "body character varying(200)");
		migrations.reload();
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
	}

	private Migrations migrations(TestDatabase db, EntitySource entities) {
		return Migrations.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.revisions)
			.outputDirectory(this.revisions)
			.entities(entities)
			.load();
	}

}
