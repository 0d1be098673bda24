package dev.migrations.boottests.nonjpa.two;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes to the reporting database in its constructor, through the application's own {@code JdbcTemplate}. */
@Component
public class ReportingStartup {

	public ReportingStartup(@Qualifier("reportingJdbc") JdbcTemplate reporting) {
		reporting.update("INSERT INTO customer (name, email) VALUES ('report', 'report@example.com')");
	}

}
