package dev.migrations.boot.shell;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;

/**
 * The {@code db} commands in Spring Shell, when Spring Shell is on the class path and a
 * {@link Migrations} bean exists, and the runner of command mode ({@code java -jar app.jar db upgrade}).
 * <p>
 * Ordered before Spring Shell's own auto-configuration so that, in command mode, its application
 * runner (which only exists while no other {@code ApplicationRunner} does) gives way to
 * {@link CommandModeRunner}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		beforeName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
@ConditionalOnClass(Command.class)
@ConditionalOnBooleanProperty(name = "migrations.shell.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsShellProperties.class)
public final class MigrationsShellAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY)
	CommandModeRunner migrationsCommandModeRunner(ConfigurableApplicationContext context,
			MigrationsShellProperties properties) {
		return new CommandModeRunner(context, properties.getCommandMode().isExit());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Migrations.class)
	static class DbCommandsConfiguration {

		/**
		 * Progress of {@code db upgrade} and {@code db downgrade}: a {@code MigrationsListener} bean, which the
		 * {@code Migrations} bean combines with the others (metrics), so none replaces another.
		 */
		@Bean
		ProgressPrinter migrationsProgressPrinter() {
			return new ProgressPrinter();
		}

		@Bean
		DbCommands migrationsDbCommands(ObjectProvider<Migrations> migrations, ProgressPrinter progress) {
			return new DbCommands(migrations, progress);
		}

		@Bean
		DbGroupCommand dbCommand(ObjectProvider<DbCommand> commands) {
			return new DbGroupCommand(commands);
		}

		@Bean
		DbCommand dbInitCommand(DbCommands commands) {
			return commands.init();
		}

		@Bean
		DbCommand dbRevisionCommand(DbCommands commands) {
			return commands.revision();
		}

		@Bean
		DbCommand dbMigrateCommand(DbCommands commands) {
			return commands.migrate();
		}

		@Bean
		DbCommand dbUpgradeCommand(DbCommands commands) {
			return commands.upgrade();
		}

		@Bean
		DbCommand dbDowngradeCommand(DbCommands commands) {
			return commands.downgrade();
		}

		@Bean
		DbCommand dbCurrentCommand(DbCommands commands) {
			return commands.current();
		}

		@Bean
		DbCommand dbHeadsCommand(DbCommands commands) {
			return commands.heads();
		}

		@Bean
		DbCommand dbHistoryCommand(DbCommands commands) {
			return commands.history();
		}

		@Bean
		DbCommand dbShowCommand(DbCommands commands) {
			return commands.show();
		}

		@Bean
		DbCommand dbStampCommand(DbCommands commands) {
			return commands.stamp();
		}

		@Bean
		DbCommand dbCheckCommand(DbCommands commands) {
			return commands.check();
		}

		@Bean
		DbCommand dbMergeCommand(DbCommands commands) {
			return commands.merge();
		}

		@Bean
		DbCommand dbCreateDbCommand(DbCommands commands) {
			return commands.createDb();
		}

	}

}
