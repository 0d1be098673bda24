package dev.migrations.boottests.nonjpa.r2dbc;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The shop on R2DBC: no {@code DataSource}, migrations connect with {@code migrations.url}, {@code migrations.user}
 * and {@code migrations.password} as Flyway's users set {@code spring.flyway.url}. Two beans query the customers
 * while the application starts, one through a repository and one through the {@code DatabaseClient}.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class ReactiveShopApplication {

}
