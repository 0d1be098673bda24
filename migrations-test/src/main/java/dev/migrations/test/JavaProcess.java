package dev.migrations.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An application of the test class path started in a JVM of its own, {@code java -cp ... Main args},
 * its standard input from {@code /dev/null} as in a container, its output in files.
 */
public final class JavaProcess implements AutoCloseable {

	/** What a stack trace looks like in output: the exception's name, or a frame. */
	public static final Pattern STACK_TRACE = Pattern.compile("(?m)(Exception|^\\s+at [a-z]+\\.)");

	private final Process process;

	private final Path out;

	private final Path err;

	private final String command;

	private JavaProcess(Process process, Path out, Path err, String command) {
		this.process = process;
		this.out = out;
		this.err = err;
		this.command = command;
	}

	/**
	 * {@code java <options> -cp <the test class path> <main>}, to which the caller adds the arguments: the JVM
	 * options are the ones a short-lived JVM starts fastest with, as {@code spring-boot:run} and our Maven goals
	 * give theirs (no optimizing compiler, whose work a command or a test's application is over before it
	 * repays, and one garbage collector thread), so that the build's two cores go to the tests.
	 */
	public static List<String> javaCommand(Class<?> main) {
		return javaCommand(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
	}

	/** {@code java <options>} and then {@code rest} (e.g. {@code -jar app.jar}), as {@link #javaCommand(Class)}. */
	public static List<String> javaCommand(List<String> rest) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.addAll(rest);
		return command;
	}

	public static JavaProcess start(Path directory, Class<?> main, List<String> args) throws IOException {
		List<String> command = javaCommand(main);
		command.addAll(args);
		return start(directory, command, String.join(" ", args));
	}

	/**
	 * Starts {@code main} as {@link #start(Path, Class, List)} does, with JVM options of the caller's before it
	 * (e.g. {@code -Dspring.context.exit=onRefresh}).
	 */
	public static JavaProcess start(Path directory, List<String> jvmOptions, Class<?> main, List<String> args)
			throws IOException {
		List<String> rest = new ArrayList<>(jvmOptions);
		rest.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
		List<String> command = javaCommand(rest);
		command.addAll(args);
		return start(directory, command, String.join(" ", jvmOptions) + " " + String.join(" ", args));
	}

	/**
	 * Starts {@code main} as {@link #start(Path, Class, List)} does, on a class path of the caller's (e.g. the test
	 * class path without a driver, as an application that does not depend on it has).
	 */
	public static JavaProcess startOnClassPath(Path directory, String classPath, Class<?> main, List<String> args)
			throws IOException {
		List<String> command = javaCommand(List.of("-cp", classPath, main.getName()));
		command.addAll(args);
		return start(directory, command, String.join(" ", args));
	}

	private static JavaProcess start(Path directory, List<String> command, String description) throws IOException {
		Files.createDirectories(directory);
		Path out = Files.createTempFile(directory, "out", ".txt");
		Path err = Files.createTempFile(directory, "err", ".txt");
		Process process = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		return new JavaProcess(process, out, err, description);
	}

	/** Waits for the JVM to end, for minutes: a slow machine is no failure. */
	public Finished await() throws IOException, InterruptedException {
		if (!this.process.waitFor(5, TimeUnit.MINUTES)) {
			this.process.destroyForcibly();
			throw new AssertionError("`" + this.command + "` did not end within 5 minutes:\n" + out() + err());
		}
		return new Finished(this.process.exitValue(), out(), err());
	}

	/**
	 * Waits until standard output has a line matching the pattern, or the JVM ended.
	 * @return the first match's group 1 (or the whole match), {@code null} when the JVM ended first
	 */
	public String awaitOutput(Pattern pattern) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (System.nanoTime() < deadline) {
			boolean ended = !this.process.isAlive();
			var matcher = pattern.matcher(out());
			if (matcher.find()) {
				return (matcher.groupCount() > 0) ? matcher.group(1) : matcher.group();
			}
			if (ended) {
				return null;
			}
			this.process.waitFor(200, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("`" + this.command + "` printed no line matching " + pattern + " within 5 minutes:\n"
				+ out() + err());
	}

	/** Asks the JVM to stop (SIGTERM, as Kubernetes and service managers send it), without waiting for it. */
	public void terminate() {
		this.process.destroy();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public String out() throws IOException {
		return Files.readString(this.out);
	}

	public String err() throws IOException {
		return Files.readString(this.err);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
				this.process.destroyForcibly();
			}
		}
	}

	/**
	 * A JVM that ended.
	 *
	 * @param exitCode its exit status
	 * @param out its standard output
	 * @param err its standard error
	 */
	public record Finished(int exitCode, String out, String err) {

		public String firstErrorLine() {
			return this.err.lines().findFirst().orElse("");
		}

		@Override
		public String toString() {
			return "exit status " + this.exitCode + "\n--- stdout:\n" + this.out + "\n--- stderr:\n" + this.err;
		}

	}

}
