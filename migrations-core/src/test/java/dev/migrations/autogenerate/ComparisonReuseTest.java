package dev.migrations.autogenerate;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrations.Migrations;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.SnakeCasePhysicalNamingStrategy;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link Migrations} instance reads its entities once: later checks (the drift monitor's, on a
 * schedule) compare the same entities with the database as it is then.
 */
@ExtendWith(TestDatabaseExtension.class)
class ComparisonReuseTest {

	@TempDir
	Path directory;

	@Test
	void laterChecksReuseTheEntitiesAndStillSeeTheDatabaseChange(TestDatabase db) {
		CountingNamingStrategy naming = new CountingNamingStrategy();
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("filesystem:" + this.directory).outputDirectory(this.directory)
			.entities(EntitySource.of(dev.migrations.autogenerate.smoke.v1.Bulletin.class)
				.withPhysicalNamingStrategy(naming))
			.load();
		migrations.migrate("create bulletin");
		migrations.upgrade("head");
		int namedByTheFirstRead = naming.tables.get();
		assertThat(namedByTheFirstRead).isPositive();

		assertThat(migrations.check()).isEmpty();
		dev.migrations.autogenerate.ScenarioRunner.execute(db.dataSource(), "alter table bulletin add column extra integer");
		assertThat(migrations.check()).singleElement()
			.satisfies((difference) -> assertThat(difference.object()).isEqualTo("bulletin.extra"));

		assertThat(naming.tables.get()).as("Hibernate's metadata is built once per instance").isEqualTo(namedByTheFirstRead);
	}

	/** Boot's naming, counting the table names Hibernate asks for. */
	static final class CountingNamingStrategy implements PhysicalNamingStrategy {

		final AtomicInteger tables = new AtomicInteger();

		@Override
		public Identifier toPhysicalCatalogName(Identifier name, JdbcEnvironment environment) {
			return SnakeCasePhysicalNamingStrategy.INSTANCE.toPhysicalCatalogName(name, environment);
		}

		@Override
		public Identifier toPhysicalSchemaName(Identifier name, JdbcEnvironment environment) {
			return SnakeCasePhysicalNamingStrategy.INSTANCE.toPhysicalSchemaName(name, environment);
		}

		@Override
		public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
			this.tables.incrementAndGet();
			return SnakeCasePhysicalNamingStrategy.INSTANCE.toPhysicalTableName(name, environment);
		}

		@Override
		public Identifier toPhysicalSequenceName(Identifier name, JdbcEnvironment environment) {
			return SnakeCasePhysicalNamingStrategy.INSTANCE.toPhysicalSequenceName(name, environment);
		}

		@Override
		public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment environment) {
			return SnakeCasePhysicalNamingStrategy.INSTANCE.toPhysicalColumnName(name, environment);
		}

	}

}
