package dev.migrations.boot.jpa;

import dev.migrations.boot.MigrationsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an embedded database Hibernate defaults to {@code ddl-auto=create-drop}, which would drop what
 * the revisions built. The starter tells Boot the schema is managed, so the default becomes
 * {@code none}.
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

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = Book.class)
	static class EntitiesConfiguration {

	}

}
