package dev.migrations.boot.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code db} shell commands and of command mode.
 */
@ConfigurationProperties("migrations.shell")
public class MigrationsShellProperties {

	/**
	 * Whether to offer the 'db' commands: in command mode ('java -jar app.jar db ...') and, when Spring Shell
	 * is on the class path, in its console.
	 */
	private boolean enabled = true;

	private final CommandMode commandMode = new CommandMode();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public CommandMode getCommandMode() {
		return this.commandMode;
	}

	/**
	 * Command mode: the application started with 'db ...' arguments.
	 */
	public static class CommandMode {

		/**
		 * Whether starting the application with 'db ...' arguments runs that command without the web
		 * server, the interactive shell, the startup upgrade and drift detection, then exits.
		 */
		private boolean enabled = true;

		/**
		 * Whether command mode ends the JVM with the command's exit status (0 done, 1 'db check' found
		 * differences, 2 failed). When off, the status is the application context's exit code
		 * (SpringApplication.exit(context)), e.g. to run commands in-process in tests.
		 */
		private boolean exit = true;

		/**
		 * Whether the commands that read or write the database (upgrade, downgrade, stamp, current, check,
		 * migrate...) run on an in-memory database (jdbc:h2:mem:, jdbc:hsqldb:mem:, jdbc:derby:memory:, or
		 * the one Spring Boot makes up when no URL is set). Off: they exit with status 2, since the database
		 * ends with the command.
		 */
		private boolean allowInMemory;

		/**
		 * Whether a command runs without starting the application context when nothing it uses comes from
		 * it (the database named by a URL in the properties, no bean of the application's that the command
		 * takes). Off: every command starts the application context first. Read before the context starts.
		 */
		private boolean fastStart = true;

		public boolean isFastStart() {
			return this.fastStart;
		}

		public void setFastStart(boolean fastStart) {
			this.fastStart = fastStart;
		}

		public boolean isAllowInMemory() {
			return this.allowInMemory;
		}

		public void setAllowInMemory(boolean allowInMemory) {
			this.allowInMemory = allowInMemory;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isExit() {
			return this.exit;
		}

		public void setExit(boolean exit) {
			this.exit = exit;
		}

	}

}
