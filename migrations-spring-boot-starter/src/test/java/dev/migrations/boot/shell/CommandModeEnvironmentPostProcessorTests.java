package dev.migrations.boot.shell;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the arguments an application is started with decide command mode, given the property sources
 * {@link SpringApplication} has set up when environment post-processors run.
 */
class CommandModeEnvironmentPostProcessorTests {

	private final CommandModeEnvironmentPostProcessor postProcessor = new CommandModeEnvironmentPostProcessor();

	@Test
	void dbAsTheFirstArgumentTurnsOffTheWebServerTheShellTheStartupUpgradeAndDrift() {
		StandardEnvironment environment = started("--spring.profiles.active=dev", "db", "upgrade", "+1");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY)).isEqualTo("true");
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.shell.interactive.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("migrations.upgrade-on-startup")).isEqualTo("false");
		assertThat(environment.getProperty("migrations.drift.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
	}

	@Test
	void theCommandIsNamedAndThePoolCappedAtWhatTheCommandsHoldAtOnce() {
		StandardEnvironment environment = started("db", "migrate", "-m", "add phone");
		environment.getPropertySources()
			.addLast(new MapPropertySource("application.properties",
					Map.of("spring.datasource.hikari.maximum-pool-size", "30", "spring.datasource.hikari.minimum-idle", "30")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(CommandModeEnvironmentPostProcessor.COMMAND_PROPERTY)).isEqualTo("migrate");
		// a connection for each of the 4 tenants a command over tenants runs at a time, and one for reading
		assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("5");
		assertThat(environment.getProperty("spring.datasource.hikari.minimum-idle")).isEqualTo("1");

		StandardEnvironment wider = started("db", "upgrade", "--tenant", "all");
		wider.getPropertySources()
			.addLast(new MapPropertySource("application.properties", Map.of("migrations.tenants.parallelism", "12")));
		this.postProcessor.postProcessEnvironment(wider, new SpringApplication());
		assertThat(wider.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("13");
		assertThat(wider.getProperty("spring.datasource.dbcp2.max-total")).isEqualTo("13");

		StandardEnvironment listing = started("db");
		this.postProcessor.postProcessEnvironment(listing, new SpringApplication());
		assertThat(listing.getProperty(CommandModeEnvironmentPostProcessor.COMMAND_PROPERTY)).isEmpty();
	}

	@Test
	void commandModeWinsOverTheApplicationsConfigurationButLeavesItsLoggingAlone() {
		StandardEnvironment environment = started("db", "current");
		environment.getPropertySources()
			.addLast(new MapPropertySource("application.properties", Map.of("spring.shell.interactive.enabled", "true",
					"migrations.upgrade-on-startup", "true", "spring.jpa.hibernate.ddl-auto", "validate",
					"logging.threshold.console", "debug")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.shell.interactive.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("migrations.upgrade-on-startup")).isEqualTo("false");
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
		assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("debug");
	}

	@Test
	void otherStartsAreLeftAlone() {
		for (String[] args : new String[][] { {}, { "--server.port=0" }, { "serve", "db" }, { "dbx", "upgrade" } }) {
			StandardEnvironment environment = started(args);
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY)).as(String.join(" ", args))
				.isNull();
			assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
		}
	}

	@Test
	void commandModeCanBeTurnedOff() {
		StandardEnvironment environment = started("db", "upgrade", "--migrations.shell.command-mode.enabled=false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY)).isNull();
	}

	/** An environment as {@link SpringApplication} prepares it for the given arguments. */
	private static StandardEnvironment started(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		if (args.length > 0) {
			environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		}
		return environment;
	}

}
