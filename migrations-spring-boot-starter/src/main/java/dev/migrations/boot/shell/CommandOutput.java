package dev.migrations.boot.shell;

import java.io.PrintStream;

/**
 * Standard output of a command-mode process that writes a script ({@code db upgrade --sql > up.sql}) or JSON is
 * the command's alone: everything else that writes to {@code System.out} (the console log, the banner, a
 * library's warning) is sent to standard error from the moment command mode is known, before logging starts.
 */
final class CommandOutput {

	private static PrintStream commandOut;

	private static PrintStream redirectedTo;

	private CommandOutput() {
	}

	/** From now on, {@code System.out} is standard error; the command writes to {@link #standardOutput()}. */
	static synchronized void logsToStandardError() {
		if (commandOut == null) {
			commandOut = System.out;
			redirectedTo = System.err;
			System.setOut(redirectedTo);
		}
	}

	/** The process's standard output, for the command's own output. */
	static synchronized PrintStream standardOutput() {
		// where System.out was replaced since (output captured in a test), that is what the command writes to
		return (commandOut != null && System.out == redirectedTo) ? commandOut : System.out;
	}

}
