package dev.migrations.boot;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The tables (and sequences) that libraries on the class path keep for themselves, under the names the application
 * configures for them: Spring Batch's job repository ({@code spring.batch.jdbc.table-prefix}), Quartz's JDBC job
 * store ({@code spring.quartz.properties.org.quartz.jobStore.tablePrefix}) and Spring Session JDBC's sessions
 * ({@code spring.session.jdbc.table-name}). Whether Spring Boot creates them from the library's script or a revision
 * does, they are not the entities' tables: drift does not report them and {@code db migrate} writes no
 * {@code DROP TABLE} of them. Exact names, not prefixes, so that an entity's {@code batch_order} is still compared.
 */
final class LibraryTables {

	private static final String[] BATCH = { "JOB_INSTANCE", "JOB_EXECUTION", "JOB_EXECUTION_PARAMS",
			"JOB_EXECUTION_CONTEXT", "STEP_EXECUTION", "STEP_EXECUTION_CONTEXT", "JOB_INSTANCE_SEQ", "JOB_EXECUTION_SEQ",
			"STEP_EXECUTION_SEQ", "JOB_SEQ" };

	private static final String[] QUARTZ = { "JOB_DETAILS", "TRIGGERS", "SIMPLE_TRIGGERS", "CRON_TRIGGERS",
			"SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "CALENDARS", "PAUSED_TRIGGER_GRPS", "FIRED_TRIGGERS", "SCHEDULER_STATE",
			"LOCKS" };

	private LibraryTables() {
	}

	/** The names, for the tables and sequences that autogenerate and drift leave out. */
	static List<String> of(Environment environment, ClassLoader classLoader) {
		List<String> names = new ArrayList<>();
		if (ClassUtils.isPresent("org.springframework.batch.core.repository.JobRepository", classLoader)) {
			String prefix = environment.getProperty("spring.batch.jdbc.table-prefix", "BATCH_");
			for (String name : BATCH) {
				names.add(prefix + name);
			}
		}
		if (ClassUtils.isPresent("org.quartz.Scheduler", classLoader)) {
			String prefix = environment.getProperty("spring.quartz.properties.org.quartz.jobStore.tablePrefix", "QRTZ_");
			for (String name : QUARTZ) {
				names.add(prefix + name);
			}
		}
		if (ClassUtils.isPresent("org.springframework.session.jdbc.JdbcIndexedSessionRepository", classLoader)) {
			String table = environment.getProperty("spring.session.jdbc.table-name", "SPRING_SESSION");
			names.add(table);
			names.add(table + "_ATTRIBUTES");
		}
		// a prefix or name with a schema (app.BATCH_) names tables of that schema, compared by their own name
		return names.stream().map((name) -> name.substring(name.lastIndexOf('.') + 1)).toList();
	}

}
