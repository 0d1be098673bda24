package dev.migrations.boottests.nonjpa.jobs;

import dev.migrations.boottests.app.Customer;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;

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

	/** What many applications have: a runner that schedules their jobs, with Quartz's scheduler and Batch's repository. */
	@Bean
	ApplicationRunner jobsAtStartup(Scheduler scheduler, JobRepository jobs) {
		return (arguments) -> {
			if (!scheduler.isStarted() && !scheduler.isInStandbyMode()) {
				throw new SchedulerException("Quartz's scheduler is shut down");
			}
		};
	}

}
