package dev.migrations.boot;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;

/**
 * Picks the {@link DataSource} migrations use, with the precedence Spring Boot documents for
 * Flyway: a {@link MigrationsDataSource @MigrationsDataSource} bean; else connections of its own when
 * {@link MigrationsConnectionDetails} give a URL (missing user and password are the application's)
 * or only a user (on the application's URL); else the application's {@code DataSource}. Connections
 * of its own are also opened when {@code migrations.init-sqls} is set, so that session settings
 * never reach the application's pool. The result is wrapped in a {@link RetryingDataSource}.
 * <p>
 * With only a user, on an embedded database (the one {@code @AutoConfigureTestDatabase} puts in place of
 * the application's in {@code @DataJpaTest} and {@code @JdbcTest}) the user is not used: such a database
 * knows only the login it was created with, so the connections of its own are opened with that login.
 */
final class MigrationsDataSources {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsDataSources.class);

	private MigrationsDataSources() {
	}

	static RetryingDataSource resolve(DataSource qualified, DataSource application, MigrationsConnectionDetails details,
			JdbcConnectionDetails applicationDetails, MigrationsProperties properties, ClassLoader classLoader) {
		DataSource target;
		// the application's data source whose database connections of their own reach
		DataSource derivedFrom = null;
		if (qualified != null) {
			target = qualified;
		}
		else if (details.getJdbcUrl() != null) {
			target = ofUrl(details, application, applicationDetails, classLoader);
		}
		else if (details.getUsername() != null) {
			DataSource applicationDataSource = requireApplication(application, "migrations.user");
			if (applicationDataSource instanceof EmbeddedDatabase) {
				logger.info("migrations.user ({}) is not used on the application's embedded database (a test's, from"
						+ " @AutoConfigureTestDatabase), which knows only the application's login: migrations connect"
						+ " with that one", details.getUsername());
				target = derived(applicationDataSource, null, null);
			}
			else {
				target = derived(applicationDataSource, details.getUsername(), details.getPassword());
			}
			derivedFrom = applicationDataSource;
		}
		else if (!properties.getInitSqls().isEmpty()) {
			derivedFrom = requireApplication(application, "migrations.init-sqls");
			target = derived(derivedFrom, null, null);
		}
		else {
			target = requireApplication(application, null);
		}
		return new RetryingDataSource(target, derivedFrom, DataSourceDescription.ofConnection(target),
				properties.getConnectRetries(),
				properties.getConnectRetriesInterval(), properties.getInitSqls());
	}

	private static DataSource ofUrl(MigrationsConnectionDetails details, DataSource application,
			JdbcConnectionDetails applicationDetails, ClassLoader classLoader) {
		String user = details.getUsername();
		String password = details.getPassword();
		if (user == null) {
			DataSourceDescription applicationLogin = (application != null) ? DataSourceDescription.of(application) : null;
			user = (applicationDetails != null) ? applicationDetails.getUsername()
					: (applicationLogin != null) ? applicationLogin.user() : null;
			if (password == null) {
				password = (applicationDetails != null) ? applicationDetails.getPassword() : null;
			}
		}
		DataSourceBuilder<SimpleDriverDataSource> builder = DataSourceBuilder.create(classLoader)
			.type(SimpleDriverDataSource.class)
			.url(details.getJdbcUrl())
			.username(user)
			.password(password);
		if (details.getDriverClassName() != null) {
			builder.driverClassName(details.getDriverClassName());
		}
		return builder.build();
	}

	private static DataSource derived(DataSource application, String user, String password) {
		DataSourceBuilder<SimpleDriverDataSource> builder;
		try {
			builder = DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Migrations need connections of their own (for migrations.user or"
					+ " migrations.init-sqls) but cannot tell the URL of the application's DataSource ("
					+ application.getClass().getName() + "): set migrations.url, or declare the DataSource migrations"
					+ " should use as a bean marked @MigrationsDataSource", ex);
		}
		if (user != null) {
			builder.username(user);
		}
		if (password != null) {
			builder.password(password);
		}
		return builder.build();
	}

	private static DataSource requireApplication(DataSource application, String property) {
		if (application == null) {
			throw new IllegalStateException("Migrations have no DataSource to use: "
					+ ((property != null) ? property + " is set but there is no single application DataSource to take the"
							+ " URL from. Set migrations.url, or" : "there is no single application DataSource (several"
									+ " exist and none is @Primary, or none exists). Set migrations.url, or")
					+ " mark the one to migrate with @MigrationsDataSource");
		}
		return application;
	}

}
