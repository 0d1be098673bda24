package dev.migrations.boot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.MigrateOptions;
import dev.migrations.Migrations;
import dev.migrations.revision.JavaRevision;
import dev.migrations.revision.MissingRevisionLocationsException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class MigrationsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.locations=classpath:db/jpa");

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void isRegisteredAsAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(MigrationsAutoConfiguration.class.getName());
	}

	@Test
	void warnsOfMisspeltPropertiesNamingTheClosestKnownOne(CapturedOutput output) {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.basline=x", "migrations.upgrade-on-start=false", "migrations.lock-timeout=5s",
					"migrations.tenants.databases.acme.url=jdbc:postgresql://127.0.0.1/acme")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN").contains("migrations.basline is not a property of migrations and is ignored: did"
				+ " you mean migrations.baseline?")
			.contains("migrations.upgrade-on-start is not a property of migrations and is ignored: did you mean"
					+ " migrations.upgrade-on-startup?")
			.doesNotContain("migrations.lock-timeout is not")
			.doesNotContain("migrations.tenants.databases.acme.url is not")
			.doesNotContain("migrations.locations is not");
	}

	@Test
	void backsOffWithoutDataSource() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(Migrations.class)
			.doesNotHaveBean(MigrationsInitializer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(Migrations.class);
				assertThat(tables()).doesNotContain("book", "migrations_version");
			});
	}

	@Test
	void upgradesToHeadOnStartup() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class);
			assertThat(tables()).contains("book", "migrations_version", "migrations_version_log");
			assertThat(context.getBean(Migrations.class).current()).containsExactly("1a2b3c4d5e6f");
		});
	}

	@Test
	void migrateWritesTheOnlineFormWhenTheGeneratePropertySaysSo() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.generate.online=true", "migrations.generate.online-lock-timeout=2s")
			.run((context) -> assertThat(context.getBean(Migrations.class).migrateOptions())
				.isEqualTo(MigrateOptions.onlineForm(Duration.ofSeconds(2))));
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.run((context) -> assertThat(context.getBean(Migrations.class).migrateOptions())
				.isEqualTo(new MigrateOptions(false, Duration.ofSeconds(5))));
	}

	@Test
	void warnsWhenHibernateIsAllowedToChangeTheSchema(CapturedOutput output) {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=update")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("spring.jpa.hibernate.ddl-auto=update lets Hibernate change the schema");
			});
	}

	@Test
	void doesNotWarnWhenHibernateOnlyValidates(CapturedOutput output) {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("lets Hibernate change the schema");
			});
	}

	@Test
	void doesNotUpgradeWhenUpgradeOnStartupIsOff() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.upgrade-on-startup=false", "migrations.locations=classpath:db/nowhere")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrations.class).doesNotHaveBean(MigrationsInitializer.class);
				assertThat(tables()).doesNotContain("book");
			});
	}

	@Test
	void userMigrationsBeanWinsAndIsUpgradedOnStartup() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("customMigrations", Migrations.class,
					() -> Migrations.configure().dataSource(this.database.dataSource()).locations("classpath:db/jpa")
						.versionTable("custom_version").load())
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrations.class).hasBean("customMigrations");
				assertThat(tables()).contains("book", "custom_version").doesNotContain("migrations_version");
			});
	}

	@Test
	void bindsLocationsLockTimeoutAndTarget() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/jpa,classpath:db/jpa-next", "migrations.lock-timeout=30",
					"migrations.target=1a2b", "migrations.version-table=schema_revisions")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationsProperties properties = context.getBean(MigrationsProperties.class);
				assertThat(properties.getLocations()).containsExactly("classpath:db/jpa", "classpath:db/jpa-next");
				assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(30));
				Migrations migrations = context.getBean(Migrations.class);
				assertThat(migrations.graph().heads()).containsExactly("2b3c4d5e6f70");
				// The target stops the startup upgrade before the head.
				assertThat(migrations.current()).containsExactly("1a2b3c4d5e6f");
				assertThat(tables()).contains("book", "schema_revisions");
			});
	}

	@Test
	void upgradesWithoutJpaOnTheClassPath() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withClassLoader(new FilteredClassLoader("org.hibernate", "jakarta.persistence", "org.springframework.orm.jpa"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables()).contains("book");
			});
	}

	@Test
	void appliesCustomizersInOrder() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// The customizer with the later order runs last, so its table name is the one used.
				assertThat(tables()).contains("second_version").doesNotContain("first_version", "migrations_version");
			});
	}

	@Test
	void addsJavaRevisionBeansToTheGraph() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(JavaRevision.class, SeedBooks::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrations.class).current()).containsExactly("5eed00000001");
				assertThat(query("SELECT title FROM book")).containsExactly("Seeded by a Java revision");
			});
	}

	@Test
	void aJavaRevisionBeanNeedingTheJdbcTemplateIsRefusedNamingItNotReportedAsACycle() {
		// the JdbcTemplate waits for the startup upgrade, which the revision is part of
		this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withBean(DataSource.class, this.database::dataSource)
			.withBean("seedWithTemplate", SeedBooksWithTemplate.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				JavaRevisionBeanException failure = findCause(context.getStartupFailure(), JavaRevisionBeanException.class);
				assertThat(failure).isNotNull();
				assertThat(failure.getMessage()).startsWith("The Java revision bean 'seedWithTemplate' ("
						+ SeedBooksWithTemplate.class.getName() + ") needs a bean that is created after the upgrade it is part of")
					.contains("new JdbcTemplate(new SingleConnectionDataSource(connection, true))")
					.endsWith("Nothing was run.");
				assertThat(findCause(context.getStartupFailure(), BeanCurrentlyInCreationException.class)).isNull();
				assertThat(tables()).doesNotContain("book", "migrations_version");
			});
	}

	@Test
	void aJavaRevisionBeanUsingTheMigratedDataSourceThroughABeanIsRefusedWithoutAStartupUpgrade() {
		// without the startup upgrade (as in command mode) the JdbcTemplate is there, but on another connection
		this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("migrations.upgrade-on-startup=false")
			.withBean(DataSource.class, this.database::dataSource)
			.withBean("seedWithTemplate", SeedBooksWithTemplate.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				JavaRevisionBeanException failure = findCause(context.getStartupFailure(), JavaRevisionBeanException.class);
				assertThat(failure).isNotNull();
				assertThat(failure.getMessage()).startsWith("The Java revision bean 'seedWithTemplate' ("
						+ SeedBooksWithTemplate.class.getName() + ") uses the database the revisions migrate through the bean"
						+ " 'dataSource' instead of the connection the revision gets");
			});
	}

	@Test
	void aJavaRevisionBeanOfAConfigurationThatNeedsTheDataSourceItselfIsUsed() {
		// the configuration's own DataSource is not one the revision uses: its @Bean method gets nothing
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withUserConfiguration(RevisionsBesideADataSource.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrations.class).current()).containsExactly("5eed00000001");
				assertThat(query("SELECT title FROM book")).containsExactly("Seeded by a Java revision");
			});
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	@Test
	void runsTheMigrationStrategyInsteadOfTheUpgrade() {
		List<String> seen = new ArrayList<>();
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.target=heads")
			.withBean(MigrationStrategy.class, () -> (migrations, target) -> seen.add(target))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(seen).containsExactly("heads");
				assertThat(tables()).doesNotContain("book");
			});
	}

	@Test
	void migratesTheMigrationsDataSourceRatherThanThePrimaryOne() {
		try (TestDatabase ddlDatabase = TestDatabases.postgres()) {
			this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class)
				.withBean("ddlDatabase", TestDatabase.class, () -> ddlDatabase)
				.withBean("appDatabase", TestDatabase.class, () -> this.database)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(tables()).doesNotContain("book");
					assertThat(query(ddlDatabase, "SELECT table_name FROM information_schema.tables WHERE table_name = 'book'"))
						.containsExactly("book");
				});
		}
	}

	@Test
	void failsWhenARevisionLocationIsMissing() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/jpa,classpath:db/nowhere")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MissingRevisionLocationsException.class)
				.hasMessageContaining("classpath:db/nowhere does not exist")
				.hasMessageContaining("migrations.fail-on-missing-locations=false"));
	}

	@Test
	void aMissingLocationFailsTheCommandsWithoutTheStartupUpgrade() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/jpa,classpath:db/nowhere",
					"migrations.upgrade-on-startup=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Migrations migrations = context.getBean(Migrations.class);
				assertThatExceptionOfType(MissingRevisionLocationsException.class)
					.isThrownBy(() -> migrations.upgrade("head"))
					.withMessageStartingWith("Revision location classpath:db/nowhere does not exist");
				assertThatExceptionOfType(MissingRevisionLocationsException.class).isThrownBy(migrations::status);
				assertThat(tables()).doesNotContain("book");
			});
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/jpa,classpath:db/nowhere",
					"migrations.upgrade-on-startup=false", "migrations.fail-on-missing-locations=false")
			.run((context) -> {
				context.getBean(Migrations.class).upgrade("head");
				assertThat(tables()).contains("book");
			});
	}

	@Test
	void startsWithAMissingLocationWhenAllowed() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/jpa,classpath:db/nowhere",
					"migrations.fail-on-missing-locations=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables()).contains("book");
			});
	}

	@Test
	void replacesVendorInLocations() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/{vendor}", "migrations.fail-on-missing-locations=false")
			.run((context) -> assertThat(context.getBean(Migrations.class).locations())
				.containsExactly("classpath:db/postgresql"));
	}

	private List<String> tables() throws SQLException {
		return query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
	}

	private List<String> query(String sql) throws SQLException {
		return query(this.database, sql);
	}

	private static List<String> query(TestDatabase database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = database.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		@Order(2)
		MigrationsConfigurationCustomizer second() {
			return (configuration) -> configuration.versionTable("second_version");
		}

		@Bean
		@Order(1)
		MigrationsConfigurationCustomizer first() {
			return (configuration) -> configuration.versionTable("first_version");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		@Primary
		DataSource dataSource(TestDatabase appDatabase) {
			return appDatabase.dataSource();
		}

		@Bean
		@MigrationsDataSource
		DataSource ddlDataSource(TestDatabase ddlDatabase) {
			return ddlDatabase.dataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RevisionsBesideADataSource {

		private final DataSource dataSource;

		RevisionsBesideADataSource(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@Bean
		SeedBooks seedBooks() {
			return new SeedBooks();
		}

		@Bean
		JdbcTemplate reportingTemplate() {
			return new JdbcTemplate(this.dataSource);
		}

	}

	static class SeedBooksWithTemplate extends SeedBooks {

		private final JdbcTemplate jdbcTemplate;

		SeedBooksWithTemplate(JdbcTemplate jdbcTemplate) {
			this.jdbcTemplate = jdbcTemplate;
		}

		@Override
		public void upgrade(Connection connection) {
			this.jdbcTemplate.update("INSERT INTO book (id, title) VALUES (1, 'Seeded by a Java revision')");
		}

	}

	static class SeedBooks implements JavaRevision {

		@Override
		public String revision() {
			return "5eed00000001";
		}

		@Override
		public List<String> downRevisions() {
			return List.of("1a2b3c4d5e6f");
		}

		@Override
		public String message() {
			return "seed books";
		}

		@Override
		public void upgrade(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO book (id, title) VALUES (1, 'Seeded by a Java revision')");
			}
		}

		@Override
		public void downgrade(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DELETE FROM book WHERE id = 1");
			}
		}

	}

}
