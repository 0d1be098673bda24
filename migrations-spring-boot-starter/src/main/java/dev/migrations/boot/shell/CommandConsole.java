package dev.migrations.boot.shell;

import java.io.PrintWriter;

/**
 * Where a {@code db} command prints, and who answers its questions: Spring Shell's console in the
 * interactive shell, standard output, standard error and nobody in command mode.
 *
 * @param out where results are printed
 * @param prompt who answers a question, {@code null} when nobody is there to answer
 * @param err where a remark goes that must stay out of a result read by another program (a script of
 * {@code --sql}): standard error in command mode, the console in the shell
 */
record CommandConsole(PrintWriter out, Prompt prompt, PrintWriter err) {

	/** A console whose remarks are printed with its results. */
	CommandConsole(PrintWriter out, Prompt prompt) {
		this(out, prompt, out);
	}

	/** Asks a question and reads the answer. */
	@FunctionalInterface
	interface Prompt {

		/**
		 * Asks a question.
		 * @param question the question, ending with the choices, e.g. {@code [Y/n] }
		 * @return the answer, {@code null} when the input ended
		 */
		String ask(String question);

	}

}
