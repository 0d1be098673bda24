package dev.migrations.boottests.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.MigrationsException;
import dev.migrations.boot.MigrationsConnectionDetails;
import dev.migrations.boot.MigrationsDataSource;
import dev.migrations.boottests.app.Customer;
import dev.migrations.boottests.app.CustomerRepository;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Roles;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which database and user migrations connect with, in the order Spring Boot documents for Flyway:
 * a {@code @MigrationsDataSource} bean, then {@link MigrationsConnectionDetails} ({@code migrations.url},
 * {@code migrations.user}, {@code migrations.password} by default), then the application's DataSource.
 */
class ConnectionDetailsTests {

	private static TestDatabase third;

	private final Apps apps = new Apps();

	private TestDatabase database;

	private TestDatabase other;

	private Roles roles;

	@BeforeEach
	void createDatabases() {
		this.database = TestDatabases.postgres();
		this.other = TestDatabases.postgres();
		third = TestDatabases.postgres();
		this.roles = new Roles(this.database);
	}

	@AfterEach
	void dropDatabases() {
		this.apps.close();
		this.roles.close();
		this.database.close();
		this.other.close();
		third.close();
	}

	@Test
	void aDdlUserOfItsOwnOwnsTheSchemaWhileTheApplicationUsesItsRestrictedUser() throws SQLException {
		String owner = this.roles.create("mig_owner", "owner-secret");
		String app = this.roles.create("mig_app", "app-secret");
		Sql.execute(this.database, "CREATE SCHEMA shop AUTHORIZATION " + owner, "GRANT USAGE ON SCHEMA shop TO " + app,
				"ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA shop GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "
						+ app,
				"ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA shop GRANT USAGE, SELECT ON SEQUENCES TO " + app,
				"ALTER ROLE " + owner + " IN DATABASE " + this.database.name() + " SET search_path = shop",
				"ALTER ROLE " + app + " IN DATABASE " + this.database.name() + " SET search_path = shop");

		ConfigurableApplicationContext context = this.apps.start(ShopApplication.class,
				Apps.with(Apps.database(this.database.jdbcUrl(), app, "app-secret"), ShopApplication.DEFAULTS),
				"migrations.user=" + owner, "migrations.password=owner-secret");

		assertThat(Sql.query(this.database, "SELECT tablename || ' ' || tableowner FROM pg_tables WHERE schemaname = 'shop'"
				+ " ORDER BY tablename"))
			.containsExactly("customer " + owner, "migrations_version " + owner, "migrations_version_log " + owner);
		CustomerRepository customers = context.getBean(CustomerRepository.class);
		customers.save(new Customer("Ada", "ada@example.com"));
		assertThat(customers.findByEmail("ada@example.com")).hasSize(1);
		try (Connection connection = DriverManager.getConnection(this.database.jdbcUrl(), app, "app-secret");
				Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("CREATE TABLE shop.intruder (id int)"))
				.hasMessageContaining("permission denied for schema shop");
		}
	}

	@Test
	void anApplicationUserThatMayOnlyChangeRowsIsToldToGiveMigrationsTheSchemasOwner() {
		String owner = this.roles.create("mig_owner", "owner-secret");
		String app = this.roles.create("mig_app", "app-secret");
		Sql.execute(this.database, "CREATE SCHEMA shop AUTHORIZATION " + owner, "GRANT USAGE ON SCHEMA shop TO " + app,
				"ALTER ROLE " + app + " IN DATABASE " + this.database.name() + " SET search_path = shop");

		// migrations.user forgotten: the application's own user, which may not create tables, would run the revisions
		Throwable failure = catchThrowable(() -> this.apps.start(ShopApplication.class,
				Apps.with(Apps.database(this.database.jdbcUrl(), app, "app-secret"), ShopApplication.DEFAULTS)));
		while (failure != null && !(failure instanceof MigrationsException)) {
			failure = failure.getCause();
		}
		assertThat(failure).isNotNull()
			.satisfies((refused) -> assertThat(refused.getMessage().lines().findFirst().orElseThrow())
				.isEqualTo("Could not create the version table shop.migrations_version: user " + app
						+ " may not (ERROR: permission denied for schema shop). Nothing was changed."))
			.hasMessageContaining("set migrations.user and migrations.password to the schema's owner")
			.hasMessageContaining("GRANT CREATE ON SCHEMA shop TO " + app);
		assertThat(Sql.tables(this.database, "shop")).isEmpty();
	}

	@Test
	void aUrlOfItsOwnMigratesThatDatabaseWithTheApplicationsLogin() {
		this.apps.start(ShopApplication.class, Apps.with(Apps.database(this.database), ShopApplication.DEFAULTS),
				"migrations.url=" + this.other.jdbcUrl(), "spring.jpa.hibernate.ddl-auto=none");
		assertThat(Sql.tables(this.other, "public")).containsExactly("customer", "migrations_version",
				"migrations_version_log");
		assertThat(Sql.tables(this.database, "public")).isEmpty();
	}

	@Test
	void aMigrationsDataSourceBeanComesBeforeTheProperties() {
		this.apps.start(new Class<?>[] { ShopApplication.class, QualifiedDataSource.class }, false,
				Apps.with(Apps.database(this.database), ShopApplication.DEFAULTS), "migrations.url=" + this.other.jdbcUrl(),
				"spring.jpa.hibernate.ddl-auto=none");
		assertThat(Sql.tables(third, "public")).contains("customer");
		assertThat(Sql.tables(this.other, "public")).isEmpty();
		assertThat(Sql.tables(this.database, "public")).isEmpty();
	}

	@Test
	void aMigrationsDataSourceThatIsNoDefaultCandidateLeavesTheApplicationsToSpringBoot() {
		ConfigurableApplicationContext context = this.apps.start(
				new Class<?>[] { ShopApplication.class, NonDefaultCandidateDataSource.class }, false,
				Apps.with(Apps.database(this.database), ShopApplication.DEFAULTS), "spring.jpa.hibernate.ddl-auto=none");
		assertThat(Sql.tables(third, "public")).contains("customer");
		assertThat(Sql.tables(this.database, "public")).isEmpty();
		// the application's DataSource is still the one Spring Boot builds from spring.datasource.*
		assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
	}

	@Test
	void aConnectionDetailsBeanComesBeforeTheProperties() {
		this.apps.start(new Class<?>[] { ShopApplication.class, OwnConnectionDetails.class }, false,
				Apps.with(Apps.database(this.database), ShopApplication.DEFAULTS), "migrations.url=" + this.other.jdbcUrl(),
				"spring.jpa.hibernate.ddl-auto=none");
		assertThat(Sql.tables(third, "public")).contains("customer");
		assertThat(Sql.tables(this.other, "public")).isEmpty();
	}

	@Test
	void aJdbcConnectionDetailsBeanIsFollowedAsSpringBootsDataSourceFollowsIt() {
		// what @ServiceConnection registers for a container, here without Docker
		this.apps.start(new Class<?>[] { ShopApplication.class, ServiceConnectionDetails.class }, false,
				Apps.with(Apps.database(this.database), ShopApplication.DEFAULTS));
		assertThat(Sql.tables(third, "public")).containsExactly("customer", "migrations_version",
				"migrations_version_log");
		assertThat(Sql.tables(this.database, "public")).isEmpty();
	}

	private static DataSource dataSource(TestDatabase database) {
		return new SimpleDriverDataSource(new Driver(), database.jdbcUrl(), database.username(),
				(database.password() != null) ? database.password() : "");
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedDataSource {

		@Bean
		@Primary
		DataSource applicationDataSource(Environment environment) {
			return new SimpleDriverDataSource(new Driver(), environment.getProperty("spring.datasource.url"),
					environment.getProperty("spring.datasource.username"),
					environment.getProperty("spring.datasource.password"));
		}

		@Bean
		@MigrationsDataSource
		DataSource migrationsDataSource() {
			return dataSource(third);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NonDefaultCandidateDataSource {

		@Bean(defaultCandidate = false)
		@MigrationsDataSource
		DataSource migrationsDataSource() {
			return dataSource(third);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConnectionDetails {

		@Bean
		JdbcConnectionDetails jdbcConnectionDetails() {
			return new JdbcConnectionDetails() {

				@Override
				public String getJdbcUrl() {
					return third.jdbcUrl();
				}

				@Override
				public String getUsername() {
					return third.username();
				}

				@Override
				public String getPassword() {
					return (third.password() != null) ? third.password() : "";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnectionDetails {

		@Bean
		MigrationsConnectionDetails migrationsConnectionDetails() {
			return new MigrationsConnectionDetails() {

				@Override
				public String getJdbcUrl() {
					return third.jdbcUrl();
				}

				@Override
				public String getUsername() {
					return third.username();
				}

				@Override
				public String getPassword() {
					return third.password();
				}

			};
		}

	}

}
