package dev.migrations.autogenerate;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.TestDataSources;
import dev.migrations.autogenerate.insync.Book;
import dev.migrations.autogenerate.insync.Shelf;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code check()} sends to the database when every table's outcome is predicted (benchmark P3's shapes:
 * identity keys, unique columns, enum checks, decimals, indexes, a foreign key): the current schema and the
 * introspector's seven catalog reads, then the read of the indexes left INVALID, and no DDL, neither for a database in sync nor for a changed table whose
 * checks the live database shows.
 */
@ExtendWith(TestDatabaseExtension.class)
class CheckStatementsTest {

	private static final EntitySource ENTITIES = EntitySource.of(Shelf.class, Book.class);

	@TempDir
	Path directory;

	@Test
	void aCheckOfADatabaseInSyncSendsTheCatalogReadsAndNoDdl(TestDatabase db) {
		HibernateSchemaCreation.create(db.dataSource(), ENTITIES);
		List<String> sql = new CopyOnWriteArrayList<>();
		Migrations migrations = load(db, sql);
		sql.clear();

		assertThat(migrations.check()).isEmpty();

		assertOnlyTheCatalogReads(sql);
	}

	@Test
	void aCheckOfAChangedTableSendsTheSameReadsAndNoDdl(TestDatabase db) {
		HibernateSchemaCreation.create(db.dataSource(), ENTITIES);
		ScenarioRunner.execute(db.dataSource(), "alter table book drop column summary");
		List<String> sql = new CopyOnWriteArrayList<>();
		Migrations migrations = load(db, sql);
		sql.clear();

		assertThat(migrations.check()).singleElement()
			.satisfies((difference) -> assertThat(difference.object()).isEqualTo("book.summary"));

		assertOnlyTheCatalogReads(sql);
	}

	private Migrations load(TestDatabase db, List<String> sql) {
		return Migrations.configure()
			.dataSource(TestDataSources.recording(db.dataSource(), sql))
			.locations("filesystem:" + this.directory)
			.entities(ENTITIES)
			.load();
	}

	private static void assertOnlyTheCatalogReads(List<String> sql) {
		assertThat(sql).as("statements sent by check()")
			.allSatisfy((statement) -> assertThat(statement.strip()).startsWithIgnoringCase("select"))
			.noneMatch((statement) -> statement.toLowerCase(java.util.Locale.ROOT).contains("create "))
			.hasSize(9);
		assertThat(sql.get(0)).isEqualToIgnoringCase("select current_schema()");
		assertThat(sql.get(8)).contains("not i.indisvalid");
	}

}
