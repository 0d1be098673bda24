package dev.migrations.boot.shell;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.shell.core.ShellRunner;

/**
 * Runs Spring Shell only when there is someone to talk to or a command to run, in place of Spring
 * Shell's own runner (which steps back when another {@code ApplicationRunner} exists).
 * <p>
 * Spring Shell's runner starts the console even when standard input is not a terminal (a container,
 * {@code nohup}, {@code </dev/null}, systemd), reads the end of the input at once and ends the
 * application right after it started; without the console
 * ({@code spring.shell.interactive.enabled=false}) it runs the application's arguments as a command,
 * {@code --server.port=0} included. Here:
 * <ul>
 * <li>arguments that are only Spring properties ({@code --name=value} with a dot in the name) or none:
 * the console starts when there is a terminal and the console is enabled; otherwise nothing runs and
 * the application goes on as it would without Spring Shell;</li>
 * <li>a command ({@code java -jar app.jar hello --to world}): run as Spring Shell would, the Spring
 * properties left out, without the console; with the console enabled it starts only with a
 * terminal.</li>
 * </ul>
 */
final class ShellStartupRunner implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ShellStartupRunner.class);

	private final ObjectProvider<ShellRunner> shellRunner;

	private final boolean interactive;

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
		ShellRunner runner = this.shellRunner.getIfAvailable();
		if (runner != null) {
			runner.run(this.interactive ? new String[0] : command.toArray(String[]::new));
		}
	}

}
