package dev.migrations.boot.jpa;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.drift.DriftStatus;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import dev.migrations.boot.entities.keywords.Quota;
import dev.migrations.boot.entities.library.LibraryMember;
import dev.migrations.boot.entities.library.Loan;
import dev.migrations.boot.entities.validated.ClubMember;
import dev.migrations.boot.entities.converted.Vault;
import dev.migrations.diff.Difference;
import dev.migrations.entity.EntitySource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entities migrations compares with the database are the application's, named exactly as
 * Spring Boot's Hibernate names them: a schema Hibernate created shows no difference.
 */
class MigrationsEntitiesAutoConfigurationTests {

	private TestDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					TransactionAutoConfiguration.class, HibernateJpaAutoConfiguration.class, MigrationsAutoConfiguration.class,
					MigrationsEntitiesAutoConfiguration.class, MigrationsDriftAutoConfiguration.class))
			.withUserConfiguration(LibraryEntities.class)
			.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
					"spring.jpa.open-in-view=false", "migrations.locations=classpath:db/library");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void givesMigrationsTheScannedEntities() {
		this.contextRunner.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EntitySource entities = context.getBean(EntitySource.class);
				assertThat(entities.classNames()).containsExactlyInAnyOrder(LibraryMember.class.getName(),
						Loan.class.getName());
				assertThat(entities.classLoader()).isSameAs(context.getClassLoader());
				// Spring Boot's default naming, as its EntityManagerFactory gets it
				assertThat(entities.physicalNamingStrategy())
					.isEqualTo("org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl");
				assertThat(entities.implicitNamingStrategy())
					.isEqualTo("org.springframework.boot.hibernate.SpringImplicitNamingStrategy");
				assertThat(entities.settings()).containsEntry("jakarta.persistence.database-product-name", "PostgreSQL")
					.doesNotContainKey("hibernate.hbm2ddl.auto");
				// an empty database lacks every table the entities map, by Spring Boot's names
				assertThat(context.getBean(Migrations.class).check()).filteredOn((d) -> d.kind().equals("TABLE_MISSING"))
					.extracting(Difference::object)
					.containsExactlyInAnyOrder("library_member", "library_member_tags", "loan");
			});
	}

	@Test
	void schemaCreatedByBootsHibernateShowsNoDifference() {
		this.contextRunner.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(context)).contains("library_member", "library_member_tags", "loan");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void mappingResourcesAreReadAsBootsHibernateReadsThem() {
		this.contextRunner
			.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create",
					"spring.jpa.mapping-resources=dev/migrations/boot/jpa/library-orm.xml")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(EntitySource.class).mappingResources())
					.containsExactly("dev/migrations/boot/jpa/library-orm.xml");
				// Hibernate created book_title as the mapping file says, not as the annotation does
				assertThat(context.getBean(JdbcTemplate.class)
					.queryForObject("select character_maximum_length from information_schema.columns where table_name"
							+ " = 'loan' and column_name = 'book_title'", Integer.class)).isEqualTo(320);
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void aMetaInfOrmXmlIsReadUnlessAPersistenceXmlIsBesideItOrMappingResourcesAreSet(@TempDir Path root)
			throws IOException {
		JpaProperties properties = new JpaProperties();
		URLClassLoader none = new URLClassLoader(new URL[] { root.toUri().toURL() }, null);
		assertThat(MigrationsEntitiesAutoConfiguration.mappingResources(properties, none)).isEmpty();

		Files.createDirectories(root.resolve("META-INF"));
		Files.writeString(root.resolve("META-INF/orm.xml"), "<entity-mappings/>");
		URLClassLoader withOrmXml = new URLClassLoader(new URL[] { root.toUri().toURL() }, null);
		assertThat(MigrationsEntitiesAutoConfiguration.mappingResources(properties, withOrmXml))
			.containsExactly("META-INF/orm.xml");

		properties.getMappingResources().add("mappings/one.xml");
		assertThat(MigrationsEntitiesAutoConfiguration.mappingResources(properties, withOrmXml))
			.containsExactly("mappings/one.xml");

		Files.writeString(root.resolve("META-INF/persistence.xml"), "<persistence/>");
		URLClassLoader withPersistenceXml = new URLClassLoader(new URL[] { root.toUri().toURL() }, null);
		assertThat(MigrationsEntitiesAutoConfiguration.mappingResources(new JpaProperties(), withPersistenceXml))
			.isEmpty();
	}

	@Test
	void historyTablesFlywayAndLiquibaseKeepUnderNamesOfTheirOwnAreNotDrift() {
		this.contextRunner
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate", "spring.flyway.table=legacy_flyway_history",
					"spring.liquibase.database-change-log-table=legacy_changelog")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				jdbc.execute("CREATE TABLE legacy_flyway_history (installed_rank int PRIMARY KEY, version varchar(50))");
				jdbc.execute("CREATE TABLE legacy_changelog (id varchar(255), author varchar(255))");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
		// the same tables, with Flyway and Liquibase left at their default names: tables the entities lack
		this.contextRunner.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrations.class).check()).extracting(Difference::object)
				.contains("legacy_flyway_history", "legacy_changelog");
		});
	}

	@Test
	void schemaCreatedByTheRevisionsShowsNoDifference() {
		this.contextRunner.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrations.class).check()).isEmpty();
		});
	}

	@Test
	void namingStrategyBeanIsUsedAsBootUsesIt() {
		this.contextRunner.withUserConfiguration(StandardNamingConfiguration.class)
			.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// names as written in the classes, folded by PostgreSQL: not Boot's snake case
				assertThat(tables(context)).contains("librarymember", "librarymember_tags", "loan")
					.doesNotContain("library_member");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void hibernatePropertiesCustomizersApply() {
		this.contextRunner.withUserConfiguration(StandardNamingCustomizerConfiguration.class)
			.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(context)).contains("librarymember").doesNotContain("library_member");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void namingStrategyPropertyIsUsed() {
		this.contextRunner
			.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create",
					"spring.jpa.hibernate.naming.physical-strategy=" + PhysicalNamingStrategyStandardImpl.class.getName())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(context)).contains("librarymember").doesNotContain("library_member");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void beanValidationAsBootsHibernateAppliesItShowsNoDifference() {
		this.contextRunner.withUserConfiguration(ValidatedEntities.class)
			.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// Boot's Hibernate made the constraints part of the schema: @NotBlank @Size(max = 40), @Min/@Max
				assertThat(columns(context, "club_member")).contains("handle character varying(40) NOT NULL");
				assertThat(context.getBean(JdbcTemplate.class).queryForList("SELECT pg_get_constraintdef(oid, true)"
						+ " FROM pg_constraint WHERE conrelid = 'club_member_clubs'::regclass AND contype = 'p'", String.class))
					.containsExactly("PRIMARY KEY (club_member_id, clubs_id)");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void columnsBootsHibernateAutoQuotesAsTheDriversKeywordsShowNoDifference() {
		this.contextRunner.withUserConfiguration(KeywordEntities.class)
			.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create",
					"spring.jpa.properties.hibernate.auto_quote_keyword=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// limit, offset and verbose are keywords only PostgreSQL's driver reports; Boot's Hibernate quoted them
				assertThat(columns(context, "quota")).contains("limit integer", "offset integer", "verbose boolean");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void validationModeFromSpringJpaPropertiesReachesTheEntities() {
		this.contextRunner.withUserConfiguration(ValidatedEntities.class)
			.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create",
					"spring.jpa.properties.jakarta.persistence.validation.mode=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(columns(context, "club_member")).contains("handle character varying(255)");
				assertThat(context.getBean(EntitySource.class).settings())
					.containsEntry("jakarta.persistence.validation.mode", "none");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void convertersThatAreBeansAreCreatedThroughTheBeanFactoryAsBootsHibernateCreatesThem() {
		this.contextRunner.withUserConfiguration(ConvertedEntities.class)
			.withPropertyValues("migrations.upgrade-on-startup=false", "spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(context)).contains("vault");
				assertThat(context.getBean(Migrations.class).check()).isEmpty();
			});
	}

	@Test
	void excludedTablesAreNotCompared() {
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");
		runner.run((context) -> {
			context.getBean(JdbcTemplate.class).execute("CREATE TABLE queue_job (id bigint PRIMARY KEY, payload text)");
			assertThat(context.getBean(Migrations.class).check()).extracting(Difference::kind, Difference::object)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("TABLE_EXTRA", "queue_job"));
		});
		runner.withPropertyValues("migrations.drift.exclude-tables=QUEUE_*")
			.run((context) -> assertThat(context.getBean(Migrations.class).check()).isEmpty());
		runner.withPropertyValues("migrations.drift.include-tables=library_*,loan")
			.run((context) -> assertThat(context.getBean(Migrations.class).check()).isEmpty());
	}

	@Test
	void extraIndexesAreLeftAloneWhenIgnored() {
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");
		runner.run((context) -> {
			context.getBean(JdbcTemplate.class).execute("CREATE INDEX ix_member_joined ON library_member (joined_on)");
			assertThat(context.getBean(Migrations.class).check()).extracting(Difference::kind, Difference::object)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("INDEX_EXTRA", "library_member(joined_on)"));
		});
		runner.withPropertyValues("migrations.drift.ignore-extra-indexes=true")
			.run((context) -> assertThat(context.getBean(Migrations.class).check()).isEmpty());
	}

	@Test
	void backsOffWithoutJpa() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
					MigrationsEntitiesAutoConfiguration.class, MigrationsDriftAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(), "migrations.locations=classpath:db/library")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(PersistenceManagedTypes.class)
					.doesNotHaveBean(EntitySource.class);
				MigrationsDriftMonitor monitor = context.getBean(MigrationsDriftMonitor.class);
				assertThat(monitor.check().status()).isEqualTo(DriftStatus.UNKNOWN);
				assertThat(monitor.report().reason()).contains("No JPA entities", "EntitySource bean");
			});
	}

	@Test
	void needsOnlyTheManagedTypesNotAnEntityManagerFactory() {
		managedTypesOnly().run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("entityManagerFactory");
			assertThat(context.getBean(EntitySource.class).classNames()).containsExactly(LibraryMember.class.getName());
		});
	}

	@Test
	void backsOffWithoutHibernate() {
		managedTypesOnly().withClassLoader(new FilteredClassLoader("org.hibernate.boot"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EntitySource.class));
	}

	private ApplicationContextRunner managedTypesOnly() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
					MigrationsEntitiesAutoConfiguration.class))
			.withBean(PersistenceManagedTypes.class, () -> PersistenceManagedTypes.of(LibraryMember.class.getName()))
			.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(), "migrations.locations=classpath:db/library",
					"migrations.upgrade-on-startup=false");
	}

	@Test
	void backsOffWhenMigrationsIsDisabled() {
		this.contextRunner.withPropertyValues("migrations.enabled=false", "spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EntitySource.class));
	}

	private static List<String> tables(org.springframework.context.ApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
					String.class);
	}

	private static List<String> columns(org.springframework.context.ApplicationContext context, String table) {
		return context.getBean(JdbcTemplate.class)
			.queryForList("SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN"
					+ " ' NOT NULL' ELSE '' END FROM pg_attribute WHERE attrelid = '" + table + "'::regclass AND attnum > 0"
					+ " AND NOT attisdropped", String.class);
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = LibraryMember.class)
	static class LibraryEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = ClubMember.class)
	static class ValidatedEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = Quota.class)
	static class KeywordEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = Vault.class)
	static class ConvertedEntities {

		@Bean
		UnaryOperator<String> seal() {
			return (value) -> "sealed:" + value;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StandardNamingConfiguration {

		@Bean
		PhysicalNamingStrategy physicalNamingStrategy() {
			return new PhysicalNamingStrategyStandardImpl();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StandardNamingCustomizerConfiguration {

		@Bean
		HibernatePropertiesCustomizer standardNaming() {
			return (properties) -> properties.put("hibernate.physical_naming_strategy",
					PhysicalNamingStrategyStandardImpl.INSTANCE);
		}

	}

}
