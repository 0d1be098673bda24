package dev.migrations.autogenerate;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.autogenerate.generated.Stamped;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Values Hibernate generates ({@code @CreationTimestamp}, {@code @UpdateTimestamp}): the schema it creates shows no drift. */
@ExtendWith(TestDatabaseExtension.class)
class GeneratedValuesTest {

	@TempDir
	Path revisions;

	@Test
	void aSchemaHibernateCreatedWithGeneratedTimestampsShowsNoDrift(TestDatabase db) {
		EntitySource entities = EntitySource.of(Stamped.class);
		HibernateSchemaCreation.create(db.dataSource(), entities);
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("filesystem:" + this.revisions).entities(entities).load();
		assertThat(migrations.check()).isEmpty();
	}

}
