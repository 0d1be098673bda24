package dev.migrations.autogenerate.scenarios.validation;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.diff.Difference;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static dev.migrations.autogenerate.ScenarioRunner.beanValidationOnClassPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bean Validation constraints where Hibernate applies them to its DDL, and a join table's key in
 * Hibernate's column order. Run with Hibernate Validator on the class path (as with
 * spring-boot-starter-validation) and without it: in both, a schema the application's Hibernate
 * creates shows no difference.
 */
@ExtendWith(TestDatabaseExtension.class)
class BeanValidationScenariosTest {

	@TempDir
	Path directory;

	@Test
	void constraintsHibernateAppliesToTheDdlAreReadAndChangesToThemMigrated(TestDatabase db) {
		new ScenarioRunner(this.directory)
			.v1(dev.migrations.autogenerate.scenarios.validation.v1.Thing.class,
					dev.migrations.autogenerate.scenarios.validation.v1.Post.class,
					dev.migrations.autogenerate.scenarios.validation.v1.Label.class)
			.v2(dev.migrations.autogenerate.scenarios.validation.v2.Thing.class,
					dev.migrations.autogenerate.scenarios.validation.v2.Post.class,
					dev.migrations.autogenerate.scenarios.validation.v2.Label.class)
			.afterV1((ds) -> {
				if (beanValidationOnClassPath()) {
					// @NotBlank is NOT NULL, @Size(max = 40) a length, @Min/@Max a check; the join table's key
					// is in Hibernate's order
					assertThat(Sql.column(ds, "select format_type(atttypid, atttypmod) || ' ' || attnotnull"
							+ " from pg_attribute where attrelid = 'thing'::regclass and attname in ('code', 'name')"
							+ " order by attname")).containsExactly("character varying(40) false", "character varying(255) true");
					assertThat(Sql.column(ds, "select pg_get_constraintdef(oid, true) from pg_constraint"
							+ " where conrelid = 'thing'::regclass and contype = 'c'"))
						.singleElement(STRING)
						.containsAnyOf("CHECK (score >= 0 AND score <= 10)", "CHECK (score <= 10 AND score >= 0)");
				}
				assertThat(Sql.column(ds, "select pg_get_constraintdef(oid) from pg_constraint"
						+ " where conrelid = 'post_labels'::regclass and contype = 'p'"))
					.containsExactly("PRIMARY KEY (labels_id, post_id)");
			})
			.revision((text) -> {
				if (beanValidationOnClassPath()) {
					assertThat(text).contains("ALTER TABLE thing ADD COLUMN IF NOT EXISTS nickname character varying(20);\n")
						.contains("ALTER TABLE thing ALTER COLUMN code TYPE character varying(80);\n")
						.contains("ALTER TABLE thing DROP CONSTRAINT IF EXISTS thing_score_check;\n")
						.containsAnyOf("ALTER TABLE thing ADD CONSTRAINT thing_score_check CHECK (score >= 0 AND score <= 20);\n",
								"ALTER TABLE thing ADD CONSTRAINT thing_score_check CHECK (score <= 20 AND score >= 0);\n");
				}
				else {
					assertThat(upgrade(text))
						.isEqualTo("ALTER TABLE thing ADD COLUMN IF NOT EXISTS nickname character varying(255);\n");
				}
				assertThat(text).doesNotContain("post_labels").doesNotContain("label (").doesNotContain("NOT NULL");
			})
			.run(db);
	}

	/**
	 * Hibernate joins {@code @Min} and {@code @Max} in the order Hibernate Validator lists them,
	 * which changes from one JVM to the next: a database Hibernate created in another run has the
	 * same check with its conditions the other way round, and is in sync all the same.
	 */
	@Test
	void aCheckHibernateWroteWithItsBoundsInTheOtherOrderIsInSync(TestDatabase db) {
		assumeTrue(beanValidationOnClassPath(), "Hibernate writes no check without the validator");
		EntitySource source = EntitySource.of(dev.migrations.autogenerate.scenarios.validation.v1.Thing.class,
				dev.migrations.autogenerate.scenarios.validation.v1.Post.class,
				dev.migrations.autogenerate.scenarios.validation.v1.Label.class);
		HibernateSchemaCreation.create(db.dataSource(), source);
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("filesystem:" + this.directory).entities(source).load();
		assertThat(migrations.check()).isEmpty();

		String created = Sql.column(db.dataSource(), "select pg_get_constraintdef(oid, true) from pg_constraint"
				+ " where conname = 'thing_score_check'").get(0);
		String reversed = created.contains("score >= 0 AND score <= 10") ? "score <= 10 AND score >= 0"
				: "score >= 0 AND score <= 10";
		ScenarioRunner.execute(db.dataSource(), "alter table thing drop constraint thing_score_check,"
				+ " add constraint thing_score_check check (" + reversed + ")");

		assertThat(migrations.check()).isEmpty();
		// a real change of a bound is still one
		ScenarioRunner.execute(db.dataSource(), "alter table thing drop constraint thing_score_check,"
				+ " add constraint thing_score_check check (score <= 11 AND score >= 0)");
		assertThat(migrations.check()).extracting(Difference::kind, Difference::object)
			.containsExactlyInAnyOrder(tuple("CHECK_EXTRA", "thing"), tuple("CHECK_MISSING", "thing"));
	}

	/**
	 * A join table whose key lists its columns in the mapping's order, as Hibernate's
	 * {@code ddl-auto=update} and this tool's earlier releases left it: the same key, so no drift and
	 * no revision recreating it; a key over other columns is still a difference.
	 */
	@Test
	void aJoinTableKeyInAnotherColumnOrderIsInSync(TestDatabase db) {
		EntitySource source = EntitySource.of(dev.migrations.autogenerate.scenarios.validation.v1.Thing.class,
				dev.migrations.autogenerate.scenarios.validation.v1.Post.class,
				dev.migrations.autogenerate.scenarios.validation.v1.Label.class);
		HibernateSchemaCreation.create(db.dataSource(), source);
		ScenarioRunner.execute(db.dataSource(), "alter table post_labels drop constraint post_labels_pkey,"
				+ " add constraint post_labels_pkey primary key (post_id, labels_id)");
		Migrations migrations = Migrations.configure().dataSource(db.dataSource())
			.locations("filesystem:" + this.directory).entities(source).load();

		assertThat(migrations.check()).isEmpty();

		ScenarioRunner.execute(db.dataSource(), "alter table post_labels drop constraint post_labels_pkey,"
				+ " add constraint post_labels_pkey primary key (post_id)");
		assertThat(migrations.check()).extracting(Difference::kind).containsExactly("PRIMARY_KEY_CHANGED");
	}

	private static String upgrade(String revision) {
		String section = revision.substring(revision.indexOf("-- upgrade\n") + "-- upgrade\n".length(),
				revision.indexOf("\n-- downgrade\n"));
		return section.replaceAll("(?m)^-- Generated by .*\n", "");
	}

}
