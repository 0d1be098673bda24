package dev.migrations.boot;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Where migrations connect when it is not the application's {@code DataSource}, like Spring Boot's
 * {@code FlywayConnectionDetails}. By default the {@code migrations.url}, {@code migrations.user} and
 * {@code migrations.password} properties; declare a bean of this type to take the details from
 * somewhere else (a secret store, a test container).
 * <p>
 * Which database migrations use, in order: a {@link MigrationsDataSource @MigrationsDataSource}
 * bean; else, when {@link #getJdbcUrl()} is set, connections of its own to that URL (with the
 * application's user and password where these details have none); else, when only
 * {@link #getUsername()} is set, connections of its own to the application's URL as that user;
 * else the application's {@code DataSource}.
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

	/** The JDBC URL, or {@code null} to use the application's database. */
	String getJdbcUrl();

	/** The login user, or {@code null} for the application's user. */
	String getUsername();

	/** The login password, or {@code null} for the application's password (when the user is not set either). */
	String getPassword();

	/** The JDBC driver class; by default the one {@link DatabaseDriver} knows for the URL. */
	default String getDriverClassName() {
		String url = getJdbcUrl();
		return (url != null) ? DatabaseDriver.fromJdbcUrl(url).getDriverClassName() : null;
	}

}
