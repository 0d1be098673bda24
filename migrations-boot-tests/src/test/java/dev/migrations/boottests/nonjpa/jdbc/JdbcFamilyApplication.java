package dev.migrations.boottests.nonjpa.jdbc;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The shop without JPA, on what else Spring Boot offers over JDBC: jOOQ's {@code DSLContext}, a Spring Data JDBC
 * repository, the {@code JdbcTemplate} and the {@code JdbcClient}, each used while the application starts.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration" })
public class JdbcFamilyApplication {

}
