package dev.migrations.boot.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack as an application has it: Boot's DataSource, JDBC and Hibernate JPA
 * auto-configurations with {@code ddl-auto=validate}, on a fresh PostgreSQL database.
 */
class StartupUpgradeBeforeJpaTests {

	private TestDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					TransactionAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
					MigrationsAutoConfiguration.class))
			.withUserConfiguration(EntitiesConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
					"spring.jpa.hibernate.ddl-auto=validate", "spring.jpa.open-in-view=false",
					"migrations.locations=classpath:db/jpa");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void upgradesBeforeHibernateValidatesTheSchema() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(EntityManagerFactory.class);
			var entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
			entityManager.getTransaction().begin();
			entityManager.persist(new Book(1L, "Revisions first"));
			entityManager.getTransaction().commit();
			entityManager.close();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("SELECT title FROM book", String.class)).containsExactly("Revisions first");
			assertThat(jdbc.queryForList("SELECT revision FROM migrations_version", String.class))
				.containsExactly("1a2b3c4d5e6f");
		});
	}

	@Test
	void beansCreatedBeforeTheAutoConfigurationSeeTheUpgradedSchema() {
		// User beans are created first unless they depend on database initialization: the JdbcTemplate
		// and the EntityManagerFactory do, through the initializer detector in spring.factories.
		this.contextRunner.withUserConfiguration(EarlyDatabaseUsersConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("booksCountedWithJdbc")).isEqualTo(0);
			assertThat(context.getBean("booksCountedWithJpa")).isEqualTo(0L);
		});
	}

	@Test
	void hibernateValidationFailsWithoutTheStartupUpgrade() {
		// Shows the test above depends on the ordering: without the upgrade, validation finds no table.
		this.contextRunner.withPropertyValues("migrations.upgrade-on-startup=false")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("book"));
	}

	@Test
	void twoInstancesStartingAtOnceApplyEachRevisionOnce() throws Exception {
		ApplicationContextRunner runner = this.contextRunner
			.withPropertyValues("migrations.locations=classpath:db/jpa,classpath:db/slow");
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<Throwable>> instances = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			instances.add(CompletableFuture.supplyAsync(() -> {
				Throwable[] failure = new Throwable[1];
				try {
					start.await(5, TimeUnit.MINUTES);
					runner.run((context) -> failure[0] = context.getStartupFailure());
				}
				catch (Exception ex) {
					failure[0] = ex;
				}
				return failure[0];
			}));
		}
		for (CompletableFuture<Throwable> instance : instances) {
			assertThat(instance.get(10, TimeUnit.MINUTES)).as("startup failure").isNull();
		}
		this.contextRunner.withPropertyValues("migrations.upgrade-on-startup=false").run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("SELECT revision FROM migrations_version ORDER BY revision", String.class))
				.containsExactly("1a2b3c4d5e6f", "3c4d5e6f7081");
			List<Map<String, Object>> log = jdbc
				.queryForList("SELECT revision, count(*) AS times FROM migrations_version_log GROUP BY revision ORDER BY revision");
			assertThat(log).extracting((row) -> row.get("revision") + "x" + row.get("times"))
				.containsExactly("1a2b3c4d5e6fx1", "3c4d5e6f7081x1");
		});
	}


	@Configuration(proxyBeanMethods = false)
	static class EarlyDatabaseUsersConfiguration {

		@Bean
		Integer booksCountedWithJdbc(JdbcTemplate jdbc) {
			return jdbc.queryForObject("SELECT count(*) FROM book", Integer.class);
		}

		@Bean
		Long booksCountedWithJpa(EntityManagerFactory entityManagerFactory) {
			var entityManager = entityManagerFactory.createEntityManager();
			try {
				return entityManager.createQuery("SELECT count(b) FROM Book b", Long.class).getSingleResult();
			}
			finally {
				entityManager.close();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = Book.class)
	static class EntitiesConfiguration {

	}

}
