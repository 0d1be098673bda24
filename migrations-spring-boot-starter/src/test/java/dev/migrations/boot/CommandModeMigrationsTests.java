package dev.migrations.boot;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** When the properties alone name the database a command without the application context works on. */
class CommandModeMigrationsTests {

	@Test
	void aUrlInThePropertiesIsEnough() {
		assertThat(CommandModeMigrations.whyNotFromEnvironment(
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/app")))
			.isNull();
		assertThat(CommandModeMigrations.whyNotFromEnvironment(
				new MockEnvironment().withProperty("migrations.url", "jdbc:postgresql://db/app")))
			.isNull();
	}

	@Test
	void withoutAUrlTheDatabaseIsTheApplicationsToTell() {
		assertThat(CommandModeMigrations.whyNotFromEnvironment(new MockEnvironment()))
			.startsWith("neither spring.datasource.url nor migrations.url is set");
		assertThat(CommandModeMigrations.whyNotFromEnvironment(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/app")
			.withProperty("spring.datasource.jndi-name", "java:comp/env/jdbc/app")))
			.isEqualTo("spring.datasource.jndi-name is set");
	}

	@Test
	void tenantsNeedTheContextWhicheverWayTheyAreListed() {
		MockEnvironment indexed = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/app")
			.withProperty("migrations.tenants.schemas[0]", "acme");
		MockEnvironment commaSeparated = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/app")
			.withProperty("migrations.tenants.schemas", "acme,globex");
		MockEnvironment query = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/app")
			.withProperty("migrations.tenants.query", "SELECT name FROM tenant");
		assertThat(CommandModeMigrations.whyNotFromEnvironment(indexed)).startsWith("migrations.tenants is set");
		assertThat(CommandModeMigrations.whyNotFromEnvironment(commaSeparated)).startsWith("migrations.tenants is set");
		assertThat(CommandModeMigrations.whyNotFromEnvironment(query)).startsWith("migrations.tenants is set");
		MockEnvironment databases = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/app")
			.withProperty("migrations.tenants.databases.north.url", "jdbc:postgresql://db2/north");
		assertThat(CommandModeMigrations.whyNotFromEnvironment(databases)).startsWith("migrations.tenants is set");
		MockEnvironment none = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/app");
		assertThat(CommandModeMigrations.whyNotFromEnvironment(none)).isNull();
	}

}
