package dev.migrations.boot;

import dev.migrations.MigrationsException;

/**
 * A {@code JavaRevision} declared as a Spring bean cannot be used: creating it failed, or it uses the database the
 * revisions migrate through a bean of the application (a {@code JdbcTemplate}, JPA, a repository) instead of the
 * connection its {@code upgrade} and {@code downgrade} get. Raised before anything has run.
 */
public class JavaRevisionBeanException extends MigrationsException {

	private static final long serialVersionUID = 1L;

	/** What a Java revision declared as a bean may use, and how it reaches the database. */
	public static final String ADVICE = "A Java revision runs on the Connection its upgrade() and downgrade() get, in the"
			+ " revision's transaction and under the migrations' lock: query it directly, or through `new JdbcTemplate(new"
			+ " SingleConnectionDataSource(connection, true))` or `JdbcClient.create(new SingleConnectionDataSource(connection,"
			+ " true))`. Java revisions are created before the upgrade, so before the beans that use the database (JPA's"
			+ " EntityManagerFactory and repositories, JdbcTemplate, JdbcClient, jOOQ), which wait for it: inject only beans"
			+ " that do not use the database.";

	private final String beanName;

	public JavaRevisionBeanException(String beanName, String message) {
		super(message);
		this.beanName = beanName;
	}

	/** The name of the revision's bean. */
	public String beanName() {
		return this.beanName;
	}

}
