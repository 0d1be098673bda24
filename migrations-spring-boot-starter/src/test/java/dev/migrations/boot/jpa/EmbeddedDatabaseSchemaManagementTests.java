package dev.migrations.boot.jpa;

import javax.sql.DataSource;

import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.MigrationsDataSource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an embedded database Hibernate defaults to {@code ddl-auto=create-drop}, which would drop what
 * the revisions built. The starter tells Boot the schema of the database it migrates is managed, so the
 * default becomes {@code none} there, and stays {@code create-drop} on an embedded database the revisions do
 * not migrate, as with Flyway.
 */
class EmbeddedDatabaseSchemaManagementTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				TransactionAutoConfiguration.class, HibernateJpaAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withUserConfiguration(EntitiesConfiguration.class)
		.withPropertyValues("spring.datasource.generate-unique-name=true", "spring.jpa.open-in-view=false",
				"migrations.locations=classpath:db/jpa,classpath:db/h2-seed");

	@Test
	void hibernateLeavesTheRevisionsSchemaAloneOnAnEmbeddedDatabase() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			// create-drop would have recreated the table empty.
			assertThat(jdbc.queryForList("SELECT title FROM book", String.class)).containsExactly("Written by a revision");
		});
	}

	@Test
	void hibernateLeavesTheRevisionsSchemaAloneWhenMigrationsOpenConnectionsOfTheirOwnToIt() {
		this.contextRunner.withPropertyValues("migrations.init-sqls=SET @migrations = 1").run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("SELECT title FROM book", String.class)).containsExactly("Written by a revision");
		});
	}

	@Test
	void hibernateCreatesTheSchemaOfAnEmbeddedDatabaseTheRevisionsDoNotMigrate() {
		try (TestDatabase postgres = TestDatabases.postgres()) {
			OtherDatabase.database = postgres;
			this.contextRunner.withPropertyValues("migrations.locations=classpath:db/jpa")
				.withUserConfiguration(OtherDatabase.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					// the application's embedded database: Hibernate's create-drop built the table of the entity
					JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
					assertThat(jdbc.queryForObject("SELECT count(*) FROM book", Integer.class)).isZero();
					// the database the revisions migrate
					assertThat(new JdbcTemplate(dataSource(postgres))
						.queryForList("SELECT revision FROM migrations_version", String.class)).containsExactly("1a2b3c4d5e6f");
				});
		}
	}

	private static DataSource dataSource(TestDatabase database) {
		return new SimpleDriverDataSource(new Driver(), database.jdbcUrl(), database.username(),
				(database.password() != null) ? database.password() : "");
	}

	@Configuration(proxyBeanMethods = false)
	static class OtherDatabase {

		static TestDatabase database;

		@Bean(defaultCandidate = false)
		@MigrationsDataSource
		DataSource migrationsDataSource() {
			return dataSource(database);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = Book.class)
	static class EntitiesConfiguration {

	}

}
