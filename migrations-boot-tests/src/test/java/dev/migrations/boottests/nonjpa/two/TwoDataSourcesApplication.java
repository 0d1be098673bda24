package dev.migrations.boottests.nonjpa.two;

import javax.sql.DataSource;

import dev.migrations.boot.MigrationsDataSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An application with two databases of its own and no {@code spring.datasource}: the orders' (primary, not
 * migrated) and the reporting one, whose schema the revisions manage and which the application queries through a
 * {@code JdbcTemplate} of its own.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration" })
public class TwoDataSourcesApplication {

	@Bean
	@Primary
	DataSource ordersDataSource(Environment environment) {
		return dataSource(environment, "orders");
	}

	@Bean
	@MigrationsDataSource
	DataSource reportingDataSource(Environment environment) {
		return dataSource(environment, "reporting");
	}

	@Bean
	JdbcTemplate reportingJdbc(@MigrationsDataSource DataSource reporting) {
		return new JdbcTemplate(reporting);
	}

	static DataSource dataSource(Environment environment, String name) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), environment.getProperty(name + ".url"),
				environment.getProperty(name + ".username"), environment.getProperty(name + ".password", ""));
	}

}
