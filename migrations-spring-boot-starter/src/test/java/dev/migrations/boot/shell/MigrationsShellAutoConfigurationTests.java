package dev.migrations.boot.shell;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;

import static org.assertj.core.api.Assertions.assertThat;

/** When the {@code db} commands and the command mode runner exist, and what TAB proposes. */
class MigrationsShellAutoConfigurationTests {

	@TempDir
	static Path revisions;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MigrationsCommandsAutoConfiguration.class, MigrationsShellAutoConfiguration.class));

	@Test
	void registersEveryDbCommandWhenAMigrationsBeanExists() {
		this.contextRunner.withUserConfiguration(MigrationsConfiguration.class).run((context) -> {
			List<String> names = context.getBeansOfType(Command.class).values().stream().map(Command::getName).sorted().toList();
			assertThat(names).containsExactly("db", "db branches", "db check", "db create-db", "db current", "db downgrade",
					"db edit", "db heads", "db history", "db init", "db lint", "db merge", "db migrate", "db rehearse",
					"db revision", "db show", "db squash", "db stamp", "db upgrade");
			assertThat(context).doesNotHaveBean(CommandModeRunner.class);
		});
	}

	@Test
	void keepsTheCommandLineWithoutSpringShell() {
		this.contextRunner.withUserConfiguration(MigrationsConfiguration.class)
			.withClassLoader(new FilteredClassLoader(Command.class))
			.run((context) -> assertThat(context).hasSingleBean(DbCommandLine.class).doesNotHaveBean(Command.class));
	}

	@Test
	void addsTheCommandModeRunnerWithoutSpringShell() {
		this.contextRunner.withUserConfiguration(MigrationsConfiguration.class)
			.withClassLoader(new FilteredClassLoader(Command.class))
			.withPropertyValues(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY + "=true")
			.run((context) -> assertThat(context).hasSingleBean(CommandModeRunner.class));
	}

	@Test
	void backsOffWithoutAMigrationsBean() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(Command.class)
			.doesNotHaveBean(DbCommandLine.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withUserConfiguration(MigrationsConfiguration.class)
			.withPropertyValues("migrations.shell.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Command.class).doesNotHaveBean(DbCommandLine.class));
	}

	@Test
	void addsTheCommandModeRunnerInCommandModeOnly() {
		this.contextRunner.withUserConfiguration(MigrationsConfiguration.class)
			.withPropertyValues(CommandModeEnvironmentPostProcessor.ACTIVE_PROPERTY + "=true")
			.run((context) -> assertThat(context).hasSingleBean(CommandModeRunner.class));
	}

	@Test
	void completesTargetsAndRevisionIdsWithTheirMessages() {
		ShellTestRevisions.writeBulletin(revisions);
		Migrations migrations = migrations();
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("migrations", migrations);
		RevisionFilesReloader reloader = new RevisionFilesReloader(beans.getBeanProvider(Migrations.class));
		RevisionCompletionProvider targets = new RevisionCompletionProvider(beans.getBeanProvider(Migrations.class), reloader,
				true, null);
		assertThat(values(targets.apply(typing("db", "upgrade", "")))).containsExactly("head", "heads", "base",
				"2b3c4d5e6f70", "1a2b3c4d5e6f");
		List<CompletionProposal> prefixed = targets.apply(typing("db", "upgrade", "2b"));
		assertThat(values(prefixed)).containsExactly("2b3c4d5e6f70");
		assertThat(prefixed.get(0).description()).isEqualTo("index bulletin titles (head)");
		assertThat(values(targets.apply(typing("db", "upgrade", "h")))).containsExactly("head", "heads");

		RevisionCompletionProvider parents = new RevisionCompletionProvider(beans.getBeanProvider(Migrations.class), reloader,
				false, "head");
		DbCommand command = new DbCommands(() -> migrations, new ProgressPrinter()).revision();
		Command revision = new ShellDbCommand(command, new DbCommandLine(List.of(command), DbCommand::describe),
				beans.getBeanProvider(Migrations.class), reloader);
		CompletionContext headValue = new CompletionContext(List.of("db", "revision", "--head", "1a"), 3, 2, revision,
				revision.getOptions().stream().filter((o) -> "head".equals(o.longName())).findFirst().orElseThrow());
		assertThat(values(parents.apply(headValue))).containsExactly("1a2b3c4d5e6f");
		CompletionContext messageValue = new CompletionContext(List.of("db", "revision", "-m", "1a"), 3, 2, revision,
				revision.getOptions().stream().filter((o) -> "message".equals(o.longName())).findFirst().orElseThrow());
		assertThat(parents.apply(messageValue)).isEmpty();
	}

	private static CompletionContext typing(String... words) {
		String last = words[words.length - 1];
		return new CompletionContext(List.of(words), words.length - 1, last.length(), null, null);
	}

	private static List<String> values(List<CompletionProposal> proposals) {
		return proposals.stream().map(CompletionProposal::value).toList();
	}

	static Migrations migrations() {
		return Migrations.configure().dialect(new PostgresDialect()).locations("filesystem:" + revisions).load();
	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationsConfiguration {

		@Bean
		Migrations migrations() {
			return MigrationsShellAutoConfigurationTests.migrations();
		}

	}

}
