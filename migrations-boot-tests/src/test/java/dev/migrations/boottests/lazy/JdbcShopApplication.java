package dev.migrations.boottests.lazy;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The shop without JPA, as an application on plain JDBC has it: nothing at startup uses the database, so
 * with lazy initialization no bean would ask for the upgrade until the first request that queries it.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class JdbcShopApplication {

}
