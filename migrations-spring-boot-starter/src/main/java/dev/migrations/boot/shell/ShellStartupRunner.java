package dev.migrations.boot.shell;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.ShellRunner;

/**
 * Runs Spring Shell only when there is someone to talk to or a command to run, in place of Spring
 * Shell's own runner (which steps back when another {@code ApplicationRunner} exists).
 * <p>
 * Spring Shell's runner starts the console even when standard input is not a terminal (a container,
 * {@code nohup}, {@code </dev/null}, systemd), reads the end of the input at once and ends the
 * application right after it started; without the console
 * ({@code spring.shell.interactive.enabled=false}) it runs the application's arguments as a command,
 * {@code --server.port=0} included. And it runs the console inside an application runner, which holds
 * the application's start-up: Spring Boot publishes that the application is ready (readiness
 * {@code ACCEPTING_TRAFFIC}, the drift check) only once the runners have returned, so a web application
 * with its console open was never ready. Here:
 * <ul>
 * <li>arguments that are only Spring properties ({@code --name=value} with a dot in the name) or none:
 * the console starts when there is a terminal and the console is enabled, once the application is ready,
 * on a thread of its own; {@code exit} (or {@code quit}, or the end of the input) closes the application
 * and ends the JVM. Without a terminal nothing runs and the application goes on as it would without
 * Spring Shell;</li>
 * <li>a command ({@code java -jar app.jar hello --to world}): run as Spring Shell would, the Spring
 * properties left out, without the console; with the console enabled it starts only with a
 * terminal.</li>
 * </ul>
 */
final class ShellStartupRunner implements ApplicationRunner, ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ShellStartupRunner.class);

	private final ObjectProvider<ShellRunner> shellRunner;

	private final boolean interactive;

	private final AtomicBoolean consoleWanted = new AtomicBoolean();

	ShellStartupRunner(ObjectProvider<ShellRunner> shellRunner, boolean interactive) {
		this.shellRunner = shellRunner;
		this.interactive = interactive;
	}

	@Override
	public void run(ApplicationArguments arguments) throws Exception {
		List<String> command = CommandLineInput.commandWords(arguments.getSourceArgs());
		boolean terminal = System.console() != null;
		if (this.interactive && !terminal) {
			logger.debug("No terminal: Spring Shell's console does not start");
			return;
		}
		if (!this.interactive && command.isEmpty()) {
			logger.debug("No command in the arguments: Spring Shell runs none");
			return;
		}
		if (this.interactive) {
			// not here: the application is ready only once the runners have returned
			this.consoleWanted.set(true);
			return;
		}
		ShellRunner runner = this.shellRunner.getIfAvailable();
		if (runner != null) {
			runner.run(command.toArray(String[]::new));
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!this.consoleWanted.compareAndSet(true, false)) {
			return;
		}
		ShellRunner runner = this.shellRunner.getIfAvailable();
		if (runner == null) {
			return;
		}
		ConfigurableApplicationContext context = event.getApplicationContext();
		// not a daemon: the console keeps an application without a web server alive until `exit`
		Thread console = new Thread(() -> runConsole(runner, context), "shell-console");
		console.setDaemon(false);
		console.start();
	}

	private static void runConsole(ShellRunner runner, ConfigurableApplicationContext context) {
		int status = 0;
		try {
			runner.run(new String[0]);
		}
		catch (Exception ex) {
			logger.error("Spring Shell's console ended with an error; the application is closed", ex);
			status = 1;
		}
		if (!context.isActive()) {
			// closed meanwhile (a signal, SpringApplication.exit): the JVM ends as that closing decided
			return;
		}
		// leaving the console of an application started in a terminal means stopping it, as Ctrl+C does
		int exitCode = SpringApplication.exit(context, () -> 0);
		System.exit((status != 0) ? status : exitCode);
	}

}
