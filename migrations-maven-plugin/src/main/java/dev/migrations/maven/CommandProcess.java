package dev.migrations.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A command's JVM: its output is passed on to Maven's as it comes, and the last lines of each stream are
 * kept for the build's failure message. Standard input is the build's, so a command that asks a question
 * can be answered.
 */
final class CommandProcess {

	private static final int KEPT_LINES = 40;

	private CommandProcess() {
	}

	/**
	 * Runs the command; the goals its hints name repeat {@code hintOptions}, the options of the build's command
	 * line that chose the database.
	 */
	static Result run(List<String> commandLine, File workingDirectory, List<String> hintOptions)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(commandLine).directory(workingDirectory)
			.redirectInput(ProcessBuilder.Redirect.INHERIT)
			.start();
		// a script or JSON on standard output is the command's result, passed on byte for byte; hints then go to
		// standard error
		boolean result = printsResult(commandLine);
		Pump out = new Pump(process.getInputStream(), System.out, result ? null : hintOptions);
		Pump err = new Pump(process.getErrorStream(), System.err, hintOptions);
		out.start();
		err.start();
		int exitCode;
		try {
			exitCode = process.waitFor();
		}
		catch (InterruptedException ex) {
			process.destroy();
			throw ex;
		}
		out.join();
		err.join();
		return new Result(exitCode, out.lines(), err.lines());
	}

	/**
	 * Whether the command prints a result for another program on standard output: a script ({@code --sql}) or
	 * JSON ({@code --format json}), each option written as its own word or as {@code --name=value}, as the
	 * command reads them.
	 */
	static boolean printsResult(List<String> commandLine) {
		int db = commandLine.indexOf("db");
		List<String> words = (db >= 0) ? commandLine.subList(db + 1, commandLine.size()) : commandLine;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (word.equals("--")) {
				return false;
			}
			if (word.equals("-m") || word.equals("--message")) {
				// a message, whatever it says
				i++;
				continue;
			}
			if (word.equals("--sql") || word.equalsIgnoreCase("--sql=true")) {
				return true;
			}
			if (word.equals("--format") && i + 1 < words.size() && words.get(i + 1).equalsIgnoreCase("json")) {
				return true;
			}
			if (word.equalsIgnoreCase("--format=json")) {
				return true;
			}
		}
		return false;
	}

	/** The exit status and the last lines the command printed on each stream. */
	record Result(int exitCode, List<String> out, List<String> err) {

		Result {
			out = List.copyOf(out);
			err = List.copyOf(err);
		}

		/** What the command said about its failure: its standard error, else the end of its output. */
		String message() {
			List<String> lines = this.err.stream().anyMatch((line) -> !line.isBlank()) ? this.err : this.out;
			return String.join(System.lineSeparator(), lines).strip();
		}

	}

	private static final Object CONSOLE = new Object();

	private static final class Pump extends Thread {

		private final InputStream input;

		private final PrintStream target;

		private final Deque<String> last = new ArrayDeque<>();

		// the options the goals of hints repeat; null when the stream is a result, whose lines are left as they are
		private final List<String> hints;

		Pump(InputStream input, PrintStream target, List<String> hints) {
			super("migrations-command-output");
			setDaemon(true);
			this.input = input;
			this.target = target;
			this.hints = hints;
		}

		@Override
		public void run() {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(this.input, Charset.defaultCharset()))) {
				String line;
				while ((line = reader.readLine()) != null) {
					// a hint names the goal that runs the command it suggests
					if (this.hints != null) {
						line = MavenHints.translate(line, this.hints);
					}
					// one line at a time on the console, whole and flushed: the two streams share a terminal, and
					// a line of one must not land inside a line of the other
					synchronized (CONSOLE) {
						this.target.println(line);
						this.target.flush();
					}
					synchronized (this.last) {
						this.last.addLast(line);
						if (this.last.size() > KEPT_LINES) {
							this.last.removeFirst();
						}
					}
				}
			}
			catch (IOException ex) {
				// the process ended: what was read is all there is
			}
			this.target.flush();
		}

		List<String> lines() {
			synchronized (this.last) {
				return List.copyOf(this.last);
			}
		}

	}

}
