package dev.migrations.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * P5, command mode: {@code java -jar app.jar db current} and {@code db check} on an application (the
 * sample's packaged jar by default), each in a fresh JVM and timed as a whole process, against what any
 * JVM tool pays: a fresh JVM that only connects ({@link ColdStart} {@code connect}), and for
 * {@code check} a fresh JVM that connects and builds Hibernate's boot metadata for the same entities
 * ({@link ColdStart} {@code metadata}).
 * <p>
 * The application: {@code -Dbench.app.jar=PATH} (default {@code sample-app/target/sample-app.jar}), or
 * {@code -Dbench.app.classpath=CP -Dbench.app.main=CLASS} to run it from a class path; its entity classes
 * for the metadata reference: {@code -Dbench.app.classes=DIR} (default {@code sample-app/target/classes}),
 * the classes annotated {@code @Entity} there. The database gets the application's revisions with
 * {@code db upgrade} first.
 */
final class CommandBenchmark {

	private final Benchmarks.Settings settings;

	CommandBenchmark(Benchmarks.Settings settings) {
		this.settings = settings;
	}

	void run(Report report) throws IOException, InterruptedException {
		Path classes = Path.of(System.getProperty("bench.app.classes", "sample-app/target/classes"));
		List<String> entities = entityClasses(classes);
		StartupBenchmark.require(!entities.isEmpty(), "finding the application's entities in " + classes);
		try (TestDatabase database = TestDatabases.postgres()) {
			Tools.Database target = Tools.Database.of(database);
			System.err.println("P5: db upgrade of the application (setup), then " + this.settings.coldRuns()
					+ " fresh JVMs per command");
			app(target, 0, "upgrade");
			List<Double> floor = new ArrayList<>();
			List<Double> current = new ArrayList<>();
			List<Double> metadata = new ArrayList<>();
			List<Double> check = new ArrayList<>();
			List<Double> inJar = new ArrayList<>();
			List<Double> bootInJar = new ArrayList<>();
			Path floorJar = floorJar();
			int kinds = (floorJar != null) ? 6 : 4;
			for (int i = 0; i < this.settings.coldRuns(); i++) {
				for (int k = 0; k < kinds; k++) {
					switch ((i + k) % kinds) {
						case 0 -> floor.add(child(target, List.of(ColdStart.class.getName(), "connect", "."), 0));
						case 1 -> current.add(app(target, 0, "current"));
						case 2 -> {
							List<String> command = new ArrayList<>(List.of(ColdStart.class.getName(), "metadata",
									classes.toAbsolutePath().toString()));
							command.addAll(entities);
							metadata.add(child(target, command, 0));
						}
						case 3 -> check.add(app(target, 1, "check"));
						case 4 -> inJar.add(jar(target, floorJar));
						default -> bootInJar.add(jar(target, floorJar, "boot",
								"--spring.datasource.url=" + target.jdbcUrl(), "--logging.level.root=warn"));
					}
				}
			}
			String runs = " (median of " + this.settings.coldRuns() + ", whole processes)";
			double currentMedian = Stats.median(current);
			double floorMedian = Stats.median(floor);
			report.add(new Report.Row("P5 `db current` in a fresh JVM" + runs, currentMedian,
					"a fresh JVM that connects and runs SELECT 1", floorMedian, "≤ 2× the floor",
					currentMedian <= 2 * floorMedian, Stats.spread(current) + " / " + Stats.spread(floor)));
			double checkMedian = Stats.median(check);
			double metadataMedian = Stats.median(metadata);
			report.add(new Report.Row("P5 `db check` in a fresh JVM, " + entities.size() + ((entities.size() == 1) ? " entity" : " entities") + runs, checkMedian,
					"a fresh JVM that connects and builds Hibernate's metadata", metadataMedian, "≤ 1.5× that",
					checkMedian <= 1.5 * metadataMedian, Stats.spread(check) + " / " + Stats.spread(metadata)));
			if (floorJar != null) {
				report.add(new Report.Row("P5 for reference: the connect-only floor started with `java -jar` on a copy of the"
						+ " application's jar (`JarFloor`: no Spring, the driver loaded from the nested jars)" + runs,
						Stats.median(inJar), "a fresh JVM that connects and runs SELECT 1", floorMedian,
						"(what `java -jar` on this jar costs any program)", null,
						Stats.spread(inJar) + " / " + Stats.spread(floor)));
				report.add(new Report.Row("P5 for reference: a Spring Boot application of no bean (`JarFloor boot`: no"
						+ " auto-configuration, no web server; the application's configuration files and listeners), started"
						+ " and closed, then the same connection, with `java -jar` on that copy" + runs,
						Stats.median(bootInJar), "a fresh JVM that connects and runs SELECT 1", floorMedian,
						"(what any Spring Boot application started from this jar pays)", null,
						Stats.spread(bootInJar) + " / " + Stats.spread(floor)));
				Files.deleteIfExists(floorJar);
				Files.deleteIfExists(floorJar.getParent());
			}
		}
	}

	/**
	 * A copy of the application's executable jar that only connects ({@link JarFloor}); {@code null} when
	 * the application runs from a class path, or with {@code -Dbench.jarFloor=false}.
	 */
	private static Path floorJar() throws IOException {
		if (System.getProperty("bench.app.classpath") != null || !Boolean.parseBoolean(System.getProperty("bench.jarFloor", "true"))) {
			return null;
		}
		Path jar = Path.of(System.getProperty("bench.app.jar", "sample-app/target/sample-app.jar"));
		return JarFloor.copyOf(jar, Files.createTempDirectory("p5-floor"));
	}

	/** {@code java -jar} on the floor's copy of the application's jar. */
	private static double jar(Tools.Database database, Path floorJar, String... arguments)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString()));
		command.addAll(childJvmArguments());
		command.addAll(List.of("-jar", floorJar.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = withDatabase(new ProcessBuilder(command), database);
		return time(builder, 0);
	}

	/** Runs a {@code db} command of the application; a status above {@code allowedStatus} fails the run. */
	private static double app(Tools.Database database, int allowedStatus, String... words)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString()));
		command.addAll(childJvmArguments());
		// the application's own, e.g. -XX:SharedArchiveFile=app.jsa for its class-data sharing archive
		String appJvmArguments = System.getProperty("bench.appJvmArgs", "").strip();
		if (!appJvmArguments.isEmpty()) {
			command.addAll(List.of(appJvmArguments.split("\\s+")));
		}
		String classpath = System.getProperty("bench.app.classpath");
		if (classpath != null) {
			command.addAll(List.of("-cp", classpath, System.getProperty("bench.app.main")));
		}
		else {
			command.addAll(List.of("-jar", System.getProperty("bench.app.jar", "sample-app/target/sample-app.jar")));
		}
		command.add("db");
		command.addAll(List.of(words));
		command.add("--spring.datasource.url=" + database.jdbcUrl());
		command.add("--spring.datasource.username=" + database.username());
		command.add("--spring.datasource.password=" + ((database.password() != null) ? database.password() : ""));
		return time(command, allowedStatus);
	}

	private static double child(Tools.Database database, List<String> arguments, int allowedStatus)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString()));
		command.addAll(childJvmArguments());
		command.addAll(List.of("-cp", System.getProperty("java.class.path")));
		command.addAll(arguments);
		ProcessBuilder builder = withDatabase(new ProcessBuilder(command), database);
		return time(builder, allowedStatus);
	}

	/** The database in the environment, where {@link ColdStart} and {@link JarFloor} read it. */
	private static ProcessBuilder withDatabase(ProcessBuilder builder, Tools.Database database) {
		builder.environment().put("BENCH_JDBC_URL", database.jdbcUrl());
		builder.environment().put("BENCH_USER", database.username());
		if (database.password() != null) {
			builder.environment().put("BENCH_PASSWORD", database.password());
		}
		return builder;
	}

	/**
	 * JVM options for every child, the application's and the floors' alike ({@code -Dbench.childJvmArgs=...},
	 * e.g. {@code -XX:TieredStopAtLevel=1}, as the sample's {@code ./db} and the Maven plugin start commands).
	 */
	private static List<String> childJvmArguments() {
		String arguments = System.getProperty("bench.childJvmArgs", "").strip();
		return arguments.isEmpty() ? List.of() : List.of(arguments.split("\\s+"));
	}

	private static double time(List<String> command, int allowedStatus) throws IOException, InterruptedException {
		return time(new ProcessBuilder(command), allowedStatus);
	}

	private static double time(ProcessBuilder builder, int allowedStatus) throws IOException, InterruptedException {
		builder.redirectErrorStream(true);
		long start = System.nanoTime();
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		int status = process.waitFor();
		long elapsed = System.nanoTime() - start;
		if (status > allowedStatus) {
			throw new IllegalStateException("`" + String.join(" ", builder.command()) + "` exited with " + status + ":\n"
					+ output);
		}
		return Stats.millis(elapsed);
	}

	/** The classes annotated {@code @Entity} under a class directory. */
	static List<String> entityClasses(Path classes) throws IOException {
		List<String> names;
		try (Stream<Path> files = Files.walk(classes)) {
			names = files.filter((file) -> file.toString().endsWith(".class") && !file.toString().contains("$"))
				.map((file) -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
				.sorted()
				.toList();
		}
		List<String> entities = new ArrayList<>();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				CommandBenchmark.class.getClassLoader())) {
			for (String name : names) {
				try {
					if (Class.forName(name, false, loader).isAnnotationPresent(Entity.class)) {
						entities.add(name);
					}
				}
				catch (ClassNotFoundException | LinkageError ex) {
					// a class needing what the benchmark's class path lacks (the sample's embedded server) is no entity
				}
			}
		}
		return entities;
	}

}
