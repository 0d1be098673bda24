package dev.migrations.autogenerate;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TestDatabaseExtension.class)
class AutogenerateSmokeTest {

	@TempDir
	Path directory;

	Migrations migrations(TestDatabase db, Class<?>... entities) {
		return Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.outputDirectory(this.directory).entities(EntitySource.of(entities)).load();
	}

	@Test
	void createDbThenMigrateThenRoundTrip(TestDatabase db) throws Exception {
		Migrations v1 = migrations(db, dev.migrations.autogenerate.smoke.v1.Bulletin.class);
		MigrateResult first = v1.migrate("create bulletin");
		v1.upgrade("head");
		assertThat(v1.check()).isEmpty();
		assertThat(v1.migrate("nothing").written()).isFalse();

		Migrations v2 = migrations(db, dev.migrations.autogenerate.smoke.v2.Bulletin.class);
		MigrateResult second = v2.migrate("add status index to bulletin");
		v2.upgrade("head");
		assertThat(v2.check()).isEmpty();
		v2.downgrade("-1");
		assertThat(migrations(db, dev.migrations.autogenerate.smoke.v1.Bulletin.class).check()).isEmpty();
	}

	@Test
	void scenarioRunnerRoundTrip(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.smoke.v1.Bulletin.class)
			.v2(dev.migrations.autogenerate.smoke.v2.Bulletin.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into bulletin (id, title, status) values (1, 'kept', 'DRAFT')"))
			.revision((text) -> assertThat(text).contains("CREATE INDEX IF NOT EXISTS ix_bulletin_status ON bulletin (status);")
				.contains("'ARCHIVED'::character varying"))
			.afterV2((ds) -> assertThat(dev.migrations.Sql.column(ds, "select title from bulletin")).containsExactly("kept"))
			.run(db);
	}

}
