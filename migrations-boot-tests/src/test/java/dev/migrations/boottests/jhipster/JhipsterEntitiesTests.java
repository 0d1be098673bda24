package dev.migrations.boottests.jhipster;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JHipster application's entities in a Boot application, read the way the starter reads them (the
 * entities Boot scans, its naming strategies, Bean Validation on the class path): the revision
 * generated from an empty database applies and {@code db check} is then empty, and a schema
 * Hibernate creates itself ({@code ddl-auto=create}) shows no drift either.
 */
@ExtendWith(TestDatabaseExtension.class)
class JhipsterEntitiesTests {

	@TempDir
	Path revisions;

	@RegisterExtension
	final Apps apps = new Apps();

	@Test
	void theGeneratedRevisionAppliesAndLeavesNoDifference(TestDatabase db) {
		Migrations migrations = this.apps.start(JhipsterApplication.class, properties(db),
				"migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=none")
			.getBean(Migrations.class);
		assertThat(migrations.migrate("initial schema").written()).isTrue();
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
		assertThat(migrations.migrate("no change").written()).isFalse();
		assertThat(Sql.query(db, "SELECT sequencename FROM pg_sequences WHERE sequencename NOT LIKE 'migrations%'")).containsExactly("sequence_generator");
		assertThat(Sql.query(db, "SELECT increment_by FROM pg_sequences WHERE sequencename = 'sequence_generator'")).containsExactly("50");
	}

	@Test
	void aSchemaHibernateCreatedShowsNoDrift(TestDatabase db) {
		try (Apps once = new Apps()) {
			once.start(JhipsterApplication.class, properties(db), "migrations.enabled=false",
					"spring.jpa.hibernate.ddl-auto=create");
		}
		assertThat(Sql.tables(db, "public")).contains("jhi_user", "jhi_user_authority", "post", "rel_post__tag", "tag");
		Migrations migrations = this.apps.start(JhipsterApplication.class, properties(db),
				"migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=none")
			.getBean(Migrations.class);
		assertThat(migrations.check()).isEmpty();
	}

	private List<String> properties(TestDatabase database) {
		return Apps.with(Apps.database(database), "migrations.locations=filesystem:" + this.revisions,
				"migrations.generate.output-dir=" + this.revisions, "migrations.drift.enabled=false",
				"spring.liquibase.enabled=false", "spring.flyway.enabled=false");
	}

}
