package dev.migrations.boot.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.TenantMigrations;
import dev.migrations.boot.MigrationStrategy;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.tenant.Tenant;
import dev.migrations.tenant.TenantRun;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@link MigrationsTenantsAutoConfiguration} applies, and what it configures. */
class MigrationsTenantsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class, MigrationsTenantsAutoConfiguration.class))
		.withPropertyValues("migrations.locations=classpath:db/jpa", "migrations.upgrade-on-startup=false");

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void isRegisteredAsAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(MigrationsTenantsAutoConfiguration.class.getName());
	}

	@Test
	void backsOffWithoutTenants() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrations.class)
				.doesNotHaveBean(TenantMigrations.class)
				.doesNotHaveBean(MigrationStrategy.class));
	}

	@Test
	void readsSchemasGivenAsAListWithTheirParallelism() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.tenants.schemas[0]=acme", "migrations.tenants.schemas[1]=globex",
					"migrations.tenants.parallelism=7")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationStrategy.class);
				TenantMigrations tenants = context.getBean(TenantMigrations.class);
				assertThat(tenants.tenants()).extracting(Tenant::name).containsExactly("acme", "globex");
				assertThat(tenants.parallelism()).isEqualTo(7);
			});
	}

	@Test
	void runsAtMostAsManyTenantsAtATimeAsThePoolHasConnections() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(this.database.jdbcUrl());
		pool.setUsername(this.database.username());
		pool.setPassword(this.database.password());
		pool.setMaximumPoolSize(2);
		try (pool) {
			this.contextRunner.withBean(DataSource.class, () -> pool)
				.withPropertyValues("migrations.tenants.schemas=acme,globex,initech", "migrations.tenants.parallelism=6")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					TenantMigrations tenants = context.getBean(TenantMigrations.class);
					assertThat(tenants.parallelism()).isEqualTo(2);
					TenantRun run = tenants.upgrade("head");
					assertThat(run.succeeded()).as(run.summary()).isTrue();
					assertThat(run.summary()).startsWith("upgrade head on 3 tenant(s), 2 at a time, ");
				});
		}
	}

	@Test
	void theApplicationsOwnStrategyWins() {
		MigrationStrategy own = (migrations, target) -> {
		};
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(MigrationStrategy.class, () -> own)
			.withPropertyValues("migrations.tenants.query=select 'a'")
			.run((context) -> assertThat(context.getBeansOfType(MigrationStrategy.class).values()).containsExactly(own));
	}

	@Test
	void databasesAloneAreTenantsEachReachedWithItsOwnLogin() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.tenants.databases.north.url=" + this.database.jdbcUrl(),
					"migrations.tenants.databases.north.user=" + this.database.username(),
					"migrations.tenants.databases.north.password="
							+ ((this.database.password() != null) ? this.database.password() : ""))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationStrategy.class);
				Tenant north = context.getBean(TenantMigrations.class).tenants().get(0);
				assertThat(north.name()).isEqualTo("north");
				assertThat(north.schema()).isNull();
				try (Connection connection = north.dataSource().getConnection();
						Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("SELECT current_database()")) {
					rows.next();
					assertThat(rows.getString(1)).isEqualTo(this.database.name());
				}
			});
	}

	@Test
	void aDatabaseWithoutAUrlFailsTheStartupNamingTheProperty() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.tenants.databases.north.user=north")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("migrations.tenants.databases.north.url is not set: give the JDBC URL of tenant"
						+ " north's database."));
	}

	@Test
	void aNegativeNumberOfTenantsListedIsToldByThePropertyAndValue() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("migrations.tenants.schemas=acme", "migrations.tenants.listed=-1")
			.run((context) -> {
				assertThat(context).hasFailed();
				// bound as any bad value is: Spring Boot's failure analysis names the property, the value and why
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessage("the number of tenants listed is 0 or more, not negative");
				BindException binding = null;
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					if (cause instanceof BindException bind) {
						binding = bind;
					}
				}
				assertThat(binding).isNotNull();
				assertThat(binding.getProperty().getName()).hasToString("migrations.tenants.listed");
				assertThat(binding.getProperty().getValue()).hasToString("-1");
			});
	}

	@Test
	void defaultsAreTheCoresDefaults() {
		assertThat(new MigrationsTenantsProperties().getParallelism()).isEqualTo(TenantMigrations.DEFAULT_PARALLELISM);
		assertThat(new MigrationsTenantsProperties().getSchemas()).isEmpty();
		assertThat(new MigrationsTenantsProperties().getDatabases()).isEmpty();
		assertThat(new MigrationsTenantsProperties().getDrift().getCacheTtl()).isEqualTo(Duration.ofMinutes(5));
	}

}
