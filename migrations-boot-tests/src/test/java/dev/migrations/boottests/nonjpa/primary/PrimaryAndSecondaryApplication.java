package dev.migrations.boottests.nonjpa.primary;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An application with two databases of its own, neither marked for migrations: the primary one (the orders'),
 * which Spring Boot's {@code JdbcTemplate} uses, and an archive it reads now and then.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration" })
public class PrimaryAndSecondaryApplication {

	@Bean
	@Primary
	DataSource ordersDataSource(Environment environment) {
		return dataSource(environment, "orders");
	}

	@Bean
	DataSource archiveDataSource(Environment environment) {
		return dataSource(environment, "archive");
	}

	static DataSource dataSource(Environment environment, String name) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), environment.getProperty(name + ".url"),
				environment.getProperty(name + ".username"), environment.getProperty(name + ".password", ""));
	}

}
