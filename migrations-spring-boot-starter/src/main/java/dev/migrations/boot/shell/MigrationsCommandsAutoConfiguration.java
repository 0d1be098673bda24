package dev.migrations.boot.shell;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.TenantMigrations;
import dev.migrations.boot.MigrationsAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code db} commands as a command line, and the runner of command mode ({@code java -jar app.jar
 * db upgrade}), with the starter alone: Spring Shell is not needed (it only adds the interactive
 * console, see {@link MigrationsShellAutoConfiguration}).
 * <p>
 * Ordered before Spring Shell's own auto-configuration so that, in command mode, its application
 * runner (which only exists while no other {@code ApplicationRunner} does) gives way to
 * {@link CommandModeRunner}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		beforeName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
@ConditionalOnBooleanProperty(name = "migrations.shell.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsShellProperties.class)
public final class MigrationsCommandsAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY)
	CommandModeRunner migrationsCommandModeRunner(ConfigurableApplicationContext context,
			MigrationsShellProperties properties) {
		return new CommandModeRunner(context, properties.getCommandMode().isExit());
	}

	@Bean
	@ConditionalOnBooleanProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY)
	static ScheduledBeansStayLazy migrationsCommandModeScheduledBeansStayLazy() {
		return new ScheduledBeansStayLazy();
	}

	@Bean
	@ConditionalOnBooleanProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY)
	static ApplicationRunnersLeftOut migrationsCommandModeApplicationRunnersLeftOut() {
		return new ApplicationRunnersLeftOut();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Migrations.class)
	static class DbCommandLineConfiguration {

		/**
		 * Progress of {@code db upgrade} and {@code db downgrade}: a {@code MigrationsListener} bean, which the
		 * {@code Migrations} bean combines with the others (metrics), so none replaces another.
		 */
		@Bean
		ProgressPrinter migrationsProgressPrinter() {
			return new ProgressPrinter();
		}

		@Bean
		DbCommandLine migrationsDbCommandLine(ObjectProvider<Migrations> migrations, ProgressPrinter progress,
				Environment environment, ObjectProvider<TenantMigrations> tenants,
				ObjectProvider<DataSource> dataSources) {
			TenantCommands tenantCommands = new TenantCommands(tenants::getIfAvailable,
					environment.getProperty("migrations.tenants.listed", Integer.class, TenantCommands.LISTED));
			// a process in command mode runs the command alone, so its pools may be emptied for a rehearsal's copy
			RehearsalConnections connections = environment
				.getProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY, Boolean.class, false)
						? RehearsalConnections.commandMode((rehearsed) -> dataSources.orderedStream().toList())
						: RehearsalConnections.APPLICATION_POOLS_KEPT;
			DbCommands commands = new DbCommands(tenantCommands.scoped(migrations::getObject), progress, System::getenv,
					connections);
			commands.setFailOnDatabaseAhead(environment.getProperty("migrations.fail-on-database-ahead", Boolean.class,
					false));
			return new DbCommandLine(tenantCommands.withTenantOption(DbCommandLine.all(commands)),
					CommandFailures.describer(environment));
		}

	}

}
