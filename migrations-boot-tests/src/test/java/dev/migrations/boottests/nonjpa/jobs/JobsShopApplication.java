package dev.migrations.boottests.nonjpa.jobs;

import dev.migrations.boottests.app.Customer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * The JPA shop with the schemas Spring Boot initializes for other libraries beside the revisions: Spring Batch's
 * job repository, Quartz's JDBC job store and Spring Session JDBC's sessions.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration" })
@EntityScan(basePackageClasses = Customer.class)
public class JobsShopApplication {

	/** Spring Boot creates the three libraries' tables from their scripts. */
	public static final String[] LIBRARY_SCHEMAS = { "spring.batch.jdbc.initialize-schema=always",
			"spring.quartz.job-store-type=jdbc", "spring.quartz.jdbc.initialize-schema=always",
			"spring.session.jdbc.initialize-schema=always" };

}
