package dev.migrations.boot.shell;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Which auto-configurations a {@code db} command goes without, by the command's name. */
class CommandModeAutoConfigurationFilterTests {

	private static final String[] CANDIDATES = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"dev.migrations.boot.MigrationsAutoConfiguration",
			"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
			"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
			"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
			"dev.migrations.boot.actuate.MigrationsEndpointAutoConfiguration",
			"dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration", null };

	@Test
	void outsideCommandModeEverythingStays() {
		assertThat(match(new MockEnvironment())).containsExactly(true, true, true, true, true, true, true, true, true);
	}

	@Test
	void aCommandNeedingOnlyAConnectionGoesWithoutJpaDataWebActuatorAndTheEntities() {
		for (String command : new String[] { "current", "upgrade", "revision", "" }) {
			assertThat(match(commandMode(command))).as(command)
				.containsExactly(true, true, false, false, false, false, false, false, true);
		}
	}

	@Test
	void theCommandsComparingEntitiesKeepTheEntitiesButNotTheEntityManagerFactory() {
		for (String command : new String[] { "migrate", "check", "create-db", "a-command-added-later" }) {
			assertThat(match(commandMode(command))).as(command)
				.containsExactly(true, true, false, false, false, false, false, true, true);
		}
	}

	private static MockEnvironment commandMode(String command) {
		return new MockEnvironment().withProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY, "true")
			.withProperty(CommandModeEnvironmentPostProcessor.COMMAND_PROPERTY, command);
	}

	private static boolean[] match(MockEnvironment environment) {
		CommandModeAutoConfigurationFilter filter = new CommandModeAutoConfigurationFilter();
		filter.setEnvironment(environment);
		return filter.match(CANDIDATES.clone(), null);
	}

}
