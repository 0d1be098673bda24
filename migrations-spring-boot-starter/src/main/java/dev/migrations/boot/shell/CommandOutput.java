package dev.migrations.boot.shell;

import java.io.PrintStream;

/**
 * Standard output of a command-mode process is the command's: its result, a script (`db upgrade --sql > up.sql`)
 * or JSON. Everything else that writes to {@code System.out} (the console log, the banner, a library's warning)
 * is sent to standard error from the moment command mode is known, before logging starts.
 */
final class CommandOutput {

	private static PrintStream commandOut;

	private CommandOutput() {
	}

	/** From now on, {@code System.out} is standard error; the command writes to {@link #standardOutput()}. */
	static synchronized void logsToStandardError() {
		if (commandOut == null) {
			commandOut = System.out;
			System.setOut(System.err);
		}
	}

	/** The process's standard output, for the command's own output. */
	static synchronized PrintStream standardOutput() {
		return (commandOut != null) ? commandOut : System.out;
	}

}
