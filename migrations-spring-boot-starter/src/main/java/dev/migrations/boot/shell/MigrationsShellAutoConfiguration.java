package dev.migrations.boot.shell;

import dev.migrations.Migrations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;

/**
 * The {@code db} commands in Spring Shell's interactive console, when Spring Shell is on the class path
 * and the commands exist ({@link MigrationsCommandsAutoConfiguration}); and the decision of when Spring
 * Shell's runner runs at all (see {@link ShellStartupRunner}).
 * <p>
 * Ordered before Spring Shell's own auto-configuration, whose application runner only exists while no
 * other {@code ApplicationRunner} does.
 */
@AutoConfiguration(after = MigrationsCommandsAutoConfiguration.class,
		beforeName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
@ConditionalOnClass(Command.class)
@ConditionalOnBooleanProperty(name = "migrations.shell.enabled", matchIfMissing = true)
public final class MigrationsShellAutoConfiguration {

	/**
	 * Takes the place of Spring Shell's runner, which would end a web application started without a
	 * terminal and run {@code --server.port=0} as a command.
	 */
	@Bean
	@ConditionalOnMissingBean(ApplicationRunner.class)
	@ConditionalOnClass(ShellRunner.class)
	ShellStartupRunner migrationsShellStartupRunner(ObjectProvider<ShellRunner> shellRunner, Environment environment) {
		return new ShellStartupRunner(shellRunner,
				environment.getProperty("spring.shell.interactive.enabled", Boolean.class, true));
	}

	/**
	 * TAB completion that also completes an argument once its first characters are typed
	 * ({@code db downgrade 1a<TAB>}), with Spring Shell's JLine module (line editing, history, completion).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.shell.jline.CommandCompleter")
	static class JLineCompletionConfiguration {

		/**
		 * Puts {@link ArgumentCompleter} in place of the completer Spring Shell's JLine auto-configuration
		 * makes (a completer the application defines itself is left alone).
		 */
		@Bean
		static BeanPostProcessor migrationsArgumentCompleterPostProcessor(ObjectProvider<CommandRegistry> commandRegistry) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean.getClass() == CommandCompleter.class) ? new ArgumentCompleter(commandRegistry.getObject())
							: bean;
				}

			};
		}

		/**
		 * Without a terminal (a container, systemd, {@code nohup}) the console does not start, yet Spring Shell
		 * makes its JLine terminal at startup, and JLine warns that it fell back to a dumb one: allowed
		 * here, so it says nothing. With a terminal JLine uses it as before.
		 */
		@Bean
		@ConditionalOnClass(name = "org.springframework.shell.core.autoconfigure.TerminalCustomizer")
		TerminalCustomizer migrationsQuietDumbTerminal() {
			return (builder) -> builder.dumb(true);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(DbCommandLine.class)
	static class DbShellCommandsConfiguration {

		@Bean
		RevisionFilesReloader migrationsRevisionFilesReloader(ObjectProvider<Migrations> migrations) {
			return new RevisionFilesReloader(migrations);
		}

		@Bean
		DbGroupCommand dbCommand(ObjectProvider<ShellDbCommand> commands, DbCommandLine commandLine) {
			return new DbGroupCommand(commands, commandLine);
		}

		@Bean
		ShellDbCommand dbInitCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "init", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbRevisionCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "revision", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbMigrateCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "migrate", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbUpgradeCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "upgrade", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbDowngradeCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "downgrade", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbCurrentCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "current", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbHeadsCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "heads", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbHistoryCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "history", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbShowCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "show", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbStampCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "stamp", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbCheckCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "check", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbMergeCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "merge", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbCreateDbCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "create-db", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbEditCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "edit", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbBranchesCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "branches", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbLintCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "lint", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbRehearseCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "rehearse", migrations, reloader);
		}

		@Bean
		ShellDbCommand dbSquashCommand(DbCommandLine commands, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return shell(commands, "squash", migrations, reloader);
		}

		private static ShellDbCommand shell(DbCommandLine commands, String name, ObjectProvider<Migrations> migrations,
				RevisionFilesReloader reloader) {
			return new ShellDbCommand(commands.find(name), commands, migrations, reloader);
		}

	}

}
