package dev.migrations.boot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.boot.shell.app.ShellTestApplication;
import dev.migrations.test.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

/**
 * The test application started as a user's application with the shell, lines typed as in the
 * shell: parsed by the application's own {@link CommandParser} and run by Spring Shell's executor.
 */
final class ShellSession implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final Deque<String> answers = new ArrayDeque<>();

	private final List<String> questions = new ArrayList<>();

	private ShellSession(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static ShellSession start(TestDatabase database, Path revisions, String... properties) {
		List<String> settings = new ArrayList<>(connectionArguments(database, revisions));
		settings.add("--migrations.upgrade-on-startup=false");
		settings.add("--migrations.drift.enabled=false");
		settings.add("--spring.shell.interactive.enabled=false");
		settings.add("--spring.main.web-application-type=none");
		settings.addAll(Arrays.asList(properties));
		// As settings rather than arguments: Spring Shell's runner would take arguments for a command.
		Map<String, Object> defaults = new LinkedHashMap<>();
		for (String setting : settings) {
			int equals = setting.indexOf('=');
			defaults.put(setting.substring(2, equals), setting.substring(equals + 1));
		}
		SpringApplication application = new SpringApplication(ShellTestApplication.class);
		application.setDefaultProperties(defaults);
		return new ShellSession(application.run());
	}

	/** What a test passes to point the application at its database and revisions directory. */
	static List<String> connectionArguments(TestDatabase database, Path revisions) {
		return List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + ((database.password() != null) ? database.password() : ""),
				"--spring.jpa.open-in-view=false", "--migrations.locations=filesystem:" + revisions,
				"--migrations.generate.output-dir=" + revisions);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	/** Answers the next questions a command asks, in order; without answers, nobody is there to answer. */
	ShellSession answering(String... answers) {
		this.answers.addAll(Arrays.asList(answers));
		return this;
	}

	/** The questions commands asked so far. */
	List<String> questions() {
		return this.questions;
	}

	Result run(String line) {
		CommandRegistry registry = this.context.getBean(CommandRegistry.class);
		CommandParser parser = this.context.getBean(CommandParser.class);
		StringWriter output = new StringWriter();
		ExitStatus status;
		try (PrintWriter writer = new PrintWriter(output)) {
			status = new CommandExecutor(registry)
				.execute(new CommandContext(parser.parse(line), registry, writer, input()));
		}
		return new Result(status.code(), status.description(), output.toString());
	}

	private InputReader input() {
		if (this.answers.isEmpty()) {
			return new InputReader() {
			};
		}
		return new InputReader() {
			@Override
			public String readInput(String prompt) {
				ShellSession.this.questions.add(prompt);
				return ShellSession.this.answers.poll();
			}
		};
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * What a command did.
	 *
	 * @param status its exit status
	 * @param message the status description: the error message when it failed
	 * @param output what it printed
	 */
	record Result(int status, String message, String output) {

		List<String> lines() {
			return this.output.lines().toList();
		}

	}

}
