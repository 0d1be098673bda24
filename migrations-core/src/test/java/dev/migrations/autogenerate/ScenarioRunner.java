package dev.migrations.autogenerate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.entity.EntityMetadataReader;
import dev.migrations.entity.EntityModel;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.entity.PredictionAssertions;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The autogenerate round trip every scenario goes through, against a real PostgreSQL:
 * <ol>
 * <li>entities v1 → {@code migrate} → {@code upgrade} → {@code check} is empty, and a second {@code migrate} writes nothing;</li>
 * <li>a schema Hibernate itself creates from v1 (and from v2), as the application's EntityManagerFactory does
 * with {@code ddl-auto=create}, gives an empty {@code check} (no false positives), and every table the DDL
 * prediction claims to know is exactly what the server makes of the DDL;</li>
 * <li>entities v2 → {@code migrate} writes a revision (the scenario asserts its SQL) → {@code upgrade} →
 * {@code check} is empty → {@code downgrade -1} → {@code check} against v1 is empty.</li>
 * </ol>
 */
public final class ScenarioRunner {

	private final Path directory;

	private List<Class<?>> v1 = List.of();

	private List<Class<?>> v2 = List.of();

	private Consumer<DataSource> afterV1 = (ds) -> {
	};

	private Consumer<String> revisionAssertions = (text) -> {
	};

	private Consumer<DataSource> afterV2 = (ds) -> {
	};

	private Consumer<DataSource> afterDowngrade = (ds) -> {
	};

	private boolean hibernateCreateCheck = true;

	private boolean hibernateValidation;

	private UnaryOperator<MigrationsConfiguration> migrationsConfiguration = UnaryOperator.identity();

	private UnaryOperator<EntitySource> configuration = UnaryOperator.identity();

	private String generatedRevision;

	public ScenarioRunner(Path directory) {
		this.directory = directory;
	}

	public ScenarioRunner v1(Class<?>... entities) {
		this.v1 = List.of(entities);
		return this;
	}

	public ScenarioRunner v2(Class<?>... entities) {
		this.v2 = List.of(entities);
		return this;
	}

	/** Runs after v1 is applied, e.g. to insert rows that v2 must keep. */
	public ScenarioRunner afterV1(Consumer<DataSource> action) {
		this.afterV1 = action;
		return this;
	}

	/** Asserts the text of the revision generated for v2. */
	public ScenarioRunner revision(Consumer<String> assertions) {
		this.revisionAssertions = assertions;
		return this;
	}

	/** Runs after v2 is applied, e.g. to check the rows kept. */
	public ScenarioRunner afterV2(Consumer<DataSource> action) {
		this.afterV2 = action;
		return this;
	}

	/** Runs after the downgrade back to v1. */
	public ScenarioRunner afterDowngrade(Consumer<DataSource> action) {
		this.afterDowngrade = action;
		return this;
	}

	/** Settings every {@link Migrations} of the round trip gets, e.g. {@code ignoreExtraIndexes(true)}. */
	public ScenarioRunner configureMigrations(UnaryOperator<MigrationsConfiguration> configuration) {
		this.migrationsConfiguration = configuration;
		return this;
	}

	/**
	 * Configures the entity source of both versions as the application configures its Hibernate
	 * (settings, naming strategies); the schema Hibernate creates gets the same configuration.
	 */
	public ScenarioRunner configure(UnaryOperator<EntitySource> configuration) {
		this.configuration = configuration;
		return this;
	}

	/** Skips the "schema created by Hibernate" check, for mappings Hibernate's own DDL cannot create. */
	public ScenarioRunner withoutHibernateCreateCheck() {
		this.hibernateCreateCheck = false;
		return this;
	}

	/**
	 * After each upgrade, the application's Hibernate validates the schema the revisions made
	 * ({@code ddl-auto=validate}), as an application that keeps validation on starts.
	 */
	public ScenarioRunner validatedByHibernate() {
		this.hibernateValidation = true;
		return this;
	}

	/** The text of the revision generated for v2, after {@link #run}. */
	public String generatedRevision() {
		return this.generatedRevision;
	}

	public Migrations migrations(DataSource dataSource, List<Class<?>> entities) {
		return this.migrationsConfiguration.apply(Migrations.configure().dataSource(dataSource).locations("filesystem:" + this.directory)
			.outputDirectory(this.directory).entities(this.configuration.apply(EntitySource.of(entities)))).load();
	}

	public void run(TestDatabase db) {
		DataSource dataSource = db.dataSource();
		Migrations first = migrations(dataSource, this.v1);
		MigrateResult created = first.migrate("v1");
		assertThat(created.written()).as("v1 from an empty database writes a revision").isTrue();
		first.upgrade("head");
		assertThat(first.check()).as("check after upgrading to v1").isEmpty();
		assertThat(first.migrate("no change").written()).as("migrate with no change writes nothing").isFalse();
		validate(dataSource, this.v1);
		this.afterV1.accept(dataSource);

		Migrations second = migrations(dataSource, this.v2);
		MigrateResult generated = second.migrate("v2");
		assertThat(generated.written()).as("v2 differs from v1, so migrate writes a revision").isTrue();
		// Usually one file; two when enum labels are added and used in the same change.
		this.generatedRevision = generated.files().stream().map(ScenarioRunner::read)
			.collect(java.util.stream.Collectors.joining());
		this.revisionAssertions.accept(this.generatedRevision);
		second.upgrade("head");
		assertThat(second.check()).as("check after upgrading to v2; revision:%n%s", this.generatedRevision).isEmpty();
		assertThat(second.migrate("no change").written()).isFalse();
		validate(dataSource, this.v2);
		this.afterV2.accept(dataSource);

		second.downgrade("-" + generated.files().size());
		assertThat(migrations(dataSource, this.v1).check()).as("check against v1 after downgrading; revision:%n%s",
				this.generatedRevision).isEmpty();
		validate(dataSource, this.v1);
		this.afterDowngrade.accept(dataSource);

		if (this.hibernateCreateCheck) {
			// The round trip is over, so its database serves as the empty one Hibernate creates its schema in:
			// emptied, it is what a new database is to the check, and the server need not create and drop two more.
			emptyDatabase(dataSource);
			assertHibernateCreatedSchemaHasNoDrift(db, this.v1);
			emptyDatabase(dataSource);
			assertHibernateCreatedSchemaHasNoDrift(db, this.v2);
		}
	}

	private void validate(DataSource dataSource, List<Class<?>> entities) {
		if (this.hibernateValidation) {
			HibernateSchemaCreation.validate(dataSource, this.configuration.apply(EntitySource.of(entities)));
		}
	}

	/**
	 * Drops every schema of the database but the system's, with all they hold (tables, types, sequences, the
	 * extensions in them), and creates an empty {@code public} again.
	 */
	private static void emptyDatabase(DataSource dataSource) {
		execute(dataSource, """
				DO $$
				DECLARE s name;
				BEGIN
				  FOR s IN SELECT nspname FROM pg_namespace
				      WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%'
				  LOOP
				    EXECUTE format('DROP SCHEMA %I CASCADE', s);
				  END LOOP;
				  CREATE SCHEMA public;
				END $$""");
	}

	/**
	 * A schema the application's own Hibernate creates from the entities (an EntityManagerFactory
	 * with {@code ddl-auto=create}) shows no difference, and every table the DDL prediction claims to
	 * know is what the server makes of the reader's DDL.
	 */
	public void assertHibernateCreatedSchemaHasNoDrift(List<Class<?>> entities) {
		TestDatabase fresh = TestDatabases.postgres();
		try {
			assertHibernateCreatedSchemaHasNoDrift(fresh, entities);
		}
		finally {
			// nothing looks at it again: the next scenario need not wait for the server's drop
			fresh.closeInBackground();
		}
	}

	private void assertHibernateCreatedSchemaHasNoDrift(TestDatabase database, List<Class<?>> entities) {
		EntitySource source = this.configuration.apply(EntitySource.of(entities));
		EntityModel model = new EntityMetadataReader().read(source);
		try (Connection connection = database.connection()) {
			PredictionAssertions.assertPredictionsMatchTheServer(connection, model);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		HibernateSchemaCreation.create(database.dataSource(), source);
		Path noRevisions = this.directory.resolve("hibernate-" + System.nanoTime());
		try {
			Files.createDirectories(noRevisions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Migrations migrations = this.migrationsConfiguration.apply(Migrations.configure().dataSource(database.dataSource())
			.locations("filesystem:" + noRevisions).entities(source)).load();
		assertThat(migrations.check()).as("check against a schema Hibernate created from %s", entities).isEmpty();
	}

	/**
	 * Whether this run has Hibernate Validator on its class path, as an application with
	 * spring-boot-starter-validation has: the corpus runs once with it and once without it (the
	 * {@code without-bean-validation} test execution), and scenarios assert the SQL of each.
	 */
	public static boolean beanValidationOnClassPath() {
		try {
			Class.forName("org.hibernate.validator.HibernateValidator", false, ScenarioRunner.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/** Runs SQL against the data source. */
	public static void execute(DataSource dataSource, String... sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** The statements of a revision's upgrade section, with their warnings, without the generated header comment. */
	public static String upgradeSection(String revision) {
		String section = revision.substring(revision.indexOf("-- upgrade\n") + "-- upgrade\n".length(),
				revision.indexOf("\n-- downgrade\n"));
		return section.replaceAll("(?m)^-- Generated by .*\n", "");
	}

	/** The statements of a revision's downgrade section, with their warnings. */
	public static String downgradeSection(String revision) {
		return revision.substring(revision.indexOf("-- downgrade\n") + "-- downgrade\n".length());
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
