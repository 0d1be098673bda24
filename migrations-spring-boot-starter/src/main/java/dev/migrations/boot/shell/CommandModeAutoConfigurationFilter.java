package dev.migrations.boot.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out, in command mode, the auto-configurations a {@code db} command never uses, so that
 * {@code java -jar app.jar db current} starts little more than a connection: the web stack, actuator
 * and metrics, DevTools, Spring Data and the proxies for transactions and aspects always; JPA (the
 * EntityManagerFactory and what builds it) too, since even the commands that compare the entities
 * with the database only need Hibernate's boot metadata, which
 * {@link dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration} builds from the scanned entity
 * classes. The commands that need no entities at all ({@code current}, {@code upgrade},
 * {@code revision}, ...) also go without that auto-configuration, and so without scanning for
 * entities.
 * <p>
 * The application's own configuration stays, lazily (command mode turns lazy initialization on): a
 * bean of the application is created only when something the command uses needs it. Outside command
 * mode ({@link CommandModeEnvironmentPostProcessor#ACTIVE_PROPERTY} not set) nothing is left out.
 */
public final class CommandModeAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	/** The commands that work with a connection and the revision files only. */
	static final Set<String> CONNECTION_ONLY_COMMANDS = Set.of("current", "heads", "history", "show", "upgrade",
			"downgrade", "stamp", "merge", "revision", "init", "branches", "edit", "help", "");

	/**
	 * Never used by a command: web, actuator and metrics, transactions, Quartz and Spring Batch, DevTools, Spring Data,
	 * and JPA's own start-up. Task scheduling stays (the application's beans may need its scheduler), without keeping
	 * the beans with a {@code @Scheduled} method out of lazy initialization ({@link ScheduledBeansStayLazy}).
	 */
	private static final List<String> UNUSED = List.of(
			// the web stack
			"org.springframework.boot.webmvc.", "org.springframework.boot.webflux.", "org.springframework.boot.servlet.",
			"org.springframework.boot.reactor.", "org.springframework.boot.tomcat.", "org.springframework.boot.jetty.",
			"org.springframework.boot.undertow.", "org.springframework.boot.web.", "org.springframework.boot.http.",
			"org.springframework.boot.restclient.", "org.springframework.boot.webclient.",
			"org.springframework.boot.websocket.",
			// actuator, health and metrics, including this starter's endpoint, health indicator and metrics
			"org.springframework.boot.actuate.", "org.springframework.boot.health.", "org.springframework.boot.micrometer.",
			"org.springframework.boot.jdbc.autoconfigure.health.", "org.springframework.boot.jdbc.autoconfigure.metrics.",
			"dev.migrations.boot.actuate.",
			// proxies for the application's transactional and advised beans, which a command does not call
			"org.springframework.boot.transaction.", "org.springframework.boot.autoconfigure.aop.",
			// Quartz's scheduler, a lifecycle bean started even when lazy, which would run the application's jobs and
			// Quartz's schema script (spring.quartz.jdbc.initialize-schema) while a command looks at the database
			"org.springframework.boot.quartz.",
			// Spring Batch, whose runner of the application's jobs (an ApplicationRunner, created with the command's) needs
			// its job repository and so runs Batch's schema script (spring.batch.jdbc.initialize-schema)
			"org.springframework.boot.batch.",
			// DevTools (its restart would start the command twice) and Spring Data's repositories
			"org.springframework.boot.devtools.", "org.springframework.boot.data.",
			// the EntityManagerFactory: the entity metadata is built without it
			"org.springframework.boot.hibernate.", "org.springframework.boot.jpa.",
			// Spring Modulith's event publication registry, which needs the EntityManagerFactory left out above
			// (its entity is still compared: AutoConfiguredEntityPackages)
			"org.springframework.modulith.events.");

	/** Left out too when the command needs no entities. */
	private static final List<String> ENTITIES = List.of("dev.migrations.boot.jpa.");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		Arrays.fill(matches, true);
		if (this.environment == null
				|| !this.environment.getProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY, Boolean.class, false)) {
			return matches;
		}
		List<String> unused = unused(this.environment.getProperty(CommandModeEnvironmentPostProcessor.COMMAND_PROPERTY, ""));
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			if (candidate != null && unused.stream().anyMatch(candidate::startsWith)) {
				matches[i] = false;
			}
		}
		return matches;
	}

	/**
	 * The prefixes of the auto-configurations the command does not use. A command not known to need
	 * nothing but a connection keeps the entities, so a command added later still finds them.
	 */
	static List<String> unused(String command) {
		if (!CONNECTION_ONLY_COMMANDS.contains(command)) {
			return UNUSED;
		}
		List<String> unused = new ArrayList<>(UNUSED);
		unused.addAll(ENTITIES);
		return unused;
	}

}
