package dev.migrations.boot.tenant;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.boot.MigrationsProperties;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * The data sources of {@code migrations.tenants.databases.<name>.*}: connections opened when needed
 * and closed after use, as for {@code migrations.url} (a run holds at most {@code parallelism} of
 * them; nothing stays open between commands, so a thousand databases need no thousand pools).
 */
final class TenantDatabases {

	private TenantDatabases() {
	}

	static Map<String, DataSource> of(Map<String, MigrationsTenantsProperties.Database> databases,
			MigrationsProperties migrations, JdbcConnectionDetails application, ClassLoader classLoader) {
		Map<String, DataSource> dataSources = new LinkedHashMap<>();
		databases.forEach((name, database) -> {
			if (!StringUtils.hasText(database.getUrl())) {
				throw new IllegalStateException("migrations.tenants.databases." + name + ".url is not set: give the JDBC URL"
						+ " of tenant " + name + "'s database.");
			}
			String user = database.getUser();
			String password = database.getPassword();
			if (user == null) {
				user = (migrations.getUser() != null) ? migrations.getUser()
						: (application != null) ? application.getUsername() : null;
				if (password == null) {
					password = (migrations.getUser() != null) ? migrations.getPassword()
							: (application != null) ? application.getPassword() : null;
				}
			}
			DataSourceBuilder<SimpleDriverDataSource> builder = DataSourceBuilder.create(classLoader)
				.type(SimpleDriverDataSource.class)
				.url(database.getUrl().strip())
				.username(user)
				.password(password);
			if (StringUtils.hasText(database.getDriverClassName())) {
				builder.driverClassName(database.getDriverClassName());
			}
			dataSources.put(name, builder.build());
		});
		return dataSources;
	}

}
