package dev.migrations.boot.tenant;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.TenantMigrations;
import dev.migrations.boot.MigrationStrategy;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.tenant.Tenant;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
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
	void theApplicationsOwnStrategyWins() {
		MigrationStrategy own = (migrations, target) -> {
		};
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(MigrationStrategy.class, () -> own)
			.withPropertyValues("migrations.tenants.query=select 'a'")
			.run((context) -> assertThat(context.getBeansOfType(MigrationStrategy.class).values()).containsExactly(own));
	}

	@Test
	void defaultsAreTheCoresDefaults() {
		assertThat(new MigrationsTenantsProperties().getParallelism()).isEqualTo(TenantMigrations.DEFAULT_PARALLELISM);
		assertThat(new MigrationsTenantsProperties().getSchemas()).isEmpty();
	}

}
