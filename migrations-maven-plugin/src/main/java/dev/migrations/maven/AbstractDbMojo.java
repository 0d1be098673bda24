package dev.migrations.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Runs one {@code db} command of the module's application in a JVM of its own, started on the module's
 * compiled classes and runtime dependencies: {@code java -cp target/classes:... MainClass db <command> ...},
 * the command mode of the starter. So the command sees what the application sees (its
 * {@code application.properties}, profiles, datasource, naming strategies and locations) without a jar
 * being built, and writes revisions into the module's sources: the JVM works in the module's directory,
 * where the default {@code migrations.generate.output-dir} (the source directory of the locations,
 * {@code src/main/resources/db/revisions} for the default ones) lies.
 * <p>
 * Exit status of the command: 0 done, 1 differences found by {@code db check} (see {@link CheckMojo}),
 * anything else fails the build with the command's message.
 */
abstract class AbstractDbMojo extends AbstractMojo {


	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	MavenProject project;

	@Parameter(defaultValue = "${session}", readonly = true)
	MavenSession session;

	@Component
	ToolchainManager toolchainManager;

	/** The {@code java} that runs the command, for a failure's message. */
	private String java;

	/**
	 * The application's main class; by default the {@code start-class} property, the {@code mainClass} of
	 * {@code spring-boot-maven-plugin}, or the one {@code @SpringBootApplication} class with a {@code main}
	 * method among the compiled classes (in Kotlin, the class of the top-level {@code fun main} that starts it,
	 * {@code ShopApplicationKt}).
	 */
	@Parameter(property = "migrations.mainClass")
	String mainClass;

	/** Spring profiles to activate, comma-separated ({@code spring.profiles.active}). */
	@Parameter(property = "migrations.profiles")
	String profiles;

	/**
	 * Where {@code db migrate}, {@code revision} and {@code merge} write revision files; by default the
	 * application's {@code migrations.generate.output-dir}, relative to the module's directory.
	 */
	@Parameter(property = "migrations.outputDir")
	File outputDirectory;

	/**
	 * JVM options of the command's JVM, e.g. {@code -Dspring.datasource.url=jdbc:postgresql://...}. The JVM
	 * starts with {@code -XX:TieredStopAtLevel=1} (no optimizing compiler: a command is over before it would
	 * pay off), which an option here can change.
	 */
	@Parameter(property = "migrations.jvmArguments")
	String jvmArguments;

	/** More arguments after the command's own, as typed after {@code db <command>}, e.g. {@code --sql}. */
	@Parameter(property = "migrations.arguments")
	String arguments;

	/** Skips the goal. */
	@Parameter(property = "migrations.skip", defaultValue = "false")
	boolean skip;

	/** The {@code db} command, e.g. {@code migrate}. */
	abstract String command();

	/** The command's own arguments, e.g. {@code -m "add phone"}. */
	abstract List<String> commandArguments() throws MojoFailureException;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping db " + command() + " (migrations.skip)");
			return;
		}
		if (!runsHere()) {
			return;
		}
		List<String> commandLine = commandLine();
		getLog().debug("Running " + MavenHints.shown(commandLine));
		CommandProcess.Result result;
		try {
			result = CommandProcess.run(commandLine, this.project.getBasedir(), hintOptions());
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not start the JVM for `db " + command() + "`: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("Interrupted while `db " + command() + "` ran", ex);
		}
		handle(result);
	}

	/**
	 * Whether the command runs in this module. A build of several modules ({@code mvn -pl app -am
	 * migrations:migrate} from the root, so that the entities of a sibling module are compiled first) runs
	 * the goal in each: it runs in the application's module, and the others (the parent pom, a module of
	 * entities) are skipped, as {@code spring-boot:run} skips a pom. When no module of the build is an
	 * application the goal fails in the last one, so that a build that ran no command does not pass.
	 */
	private boolean runsHere() throws MojoExecutionException, MojoFailureException {
		List<MavenProject> projects = (this.session != null) ? this.session.getProjects() : List.of();
		boolean several = projects.size() > 1;
		boolean pom = "pom".equals(this.project.getPackaging());
		if (!pom && !several) {
			return true;
		}
		Path classes = Path.of(this.project.getBuild().getOutputDirectory());
		if (MainClassFinder.isApplication(this.mainClass, this.project, classes, several)) {
			synchronized (BUILDS_THAT_RAN) {
				BUILDS_THAT_RAN.add(this.session.getRequest());
			}
			return true;
		}
		// named by the goal, or by the start-class property or spring-boot-maven-plugin's mainClass a parent pom gives
		// every module
		String declared = MainClassFinder.declared(this.mainClass, this.project);
		boolean named = declared != null;
		boolean byGoal = this.mainClass != null && !this.mainClass.isBlank();
		getLog().info("Skipping db " + command() + " in " + this.project.getArtifactId() + ": "
				+ (pom ? "a pom module" : named ? "it does not compile " + declared
						: "no @SpringBootApplication class with a main method")
				+ ", it runs in the application's module");
		boolean last = projects.isEmpty() || projects.get(projects.size() - 1) == this.project;
		boolean ran;
		synchronized (BUILDS_THAT_RAN) {
			ran = this.session != null && BUILDS_THAT_RAN.contains(this.session.getRequest());
		}
		if (last && !ran && (this.session == null || !this.session.isParallel()) && named) {
			throw new MojoFailureException("No module of this build compiles the main class " + declared
					+ (byGoal ? " (-Dmigrations.mainClass, or <mainClass> in the plugin's configuration)"
							: " (the start-class property, or spring-boot-maven-plugin's <mainClass>)")
					+ ", so `db " + command() + "` ran nowhere: check the class's name (its package included), and that"
					+ " the application's module is in the build (`mvn -pl <module> -am migrations:" + command()
					+ "` from the root)");
		}
		if (last && !ran && (this.session == null || !this.session.isParallel())) {
			throw new MojoFailureException("No module of this build is a Spring Boot application, so `db " + command()
					+ "` ran nowhere: run the goal in the application's module (`mvn -pl <module> -am migrations:"
					+ command() + "` from the root compiles the modules it depends on first), or name its main class with"
					+ " -Dmigrations.mainClass=com.example.Application");
		}
		return false;
	}

	/**
	 * The options of the build's command line that chose the application and its database, which the goals a
	 * hint names repeat ({@link #databaseOptions}).
	 */
	List<String> hintOptions() {
		return (this.session != null) ? databaseOptions(this.session.getUserProperties()) : List.of();
	}

	/** The builds (by their request) in which a goal ran the command in a module. */
	private static final Set<Object> BUILDS_THAT_RAN = Collections.newSetFromMap(new WeakHashMap<>());

	/** Acts on the command's exit status: 0 is done, anything else fails the build. */
	void handle(CommandProcess.Result result) throws MojoFailureException {
		if (result.exitCode() != 0) {
			throw failure(result);
		}
	}

	MojoFailureException failure(CommandProcess.Result result) {
		String message = result.message();
		String status = "`db " + command() + "` failed (exit status " + result.exitCode() + ")";
		Matcher newer = NEWER_CLASS_FILE.matcher(message);
		if (newer.find()) {
			int compiled = (int) Double.parseDouble(newer.group(1)) - 44;
			int running = (int) Double.parseDouble(newer.group(2)) - 44;
			String java = (this.java != null) ? this.java : javaExecutable();
			return new MojoFailureException(status + ": the application's classes are compiled for Java " + compiled
					+ " and the command's JVM is Java " + running + " (" + java + "): run Maven on a JDK " + compiled
					+ " or newer, or declare that JDK as the build's toolchain (maven-toolchains-plugin, or <jdkToolchain> of"
					+ " maven-compiler-plugin), which the goals run the command on" + System.lineSeparator() + message);
		}
		return new MojoFailureException(message.isEmpty() ? status + " without a message; run Maven with -X to see the command line"
				: status + ": " + message);
	}

	/** What the JVM says when a class is compiled for a newer Java than it runs. */
	private static final Pattern NEWER_CLASS_FILE = Pattern.compile(
			"UnsupportedClassVersionError: .*class file version ([0-9.]+)\\), this version of the Java Runtime only recognizes class file versions up to ([0-9.]+)");

	/**
	 * The {@code java} of the JDK the module builds with, as {@code spring-boot:run} and Surefire take it: the
	 * toolchain that {@code maven-toolchains-plugin} chose for the build, else the one {@code maven-compiler-plugin}'s
	 * {@code <jdkToolchain>} asks for (the JDK that compiled the classes), else the JVM running Maven.
	 */
	String javaExecutable() {
		Toolchain toolchain = toolchain();
		if (toolchain != null) {
			String java = toolchain.findTool("java");
			if (java != null) {
				getLog().info("Toolchain in migrations-maven-plugin: " + toolchain);
				return java;
			}
		}
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private Toolchain toolchain() {
		if (this.toolchainManager == null || this.session == null) {
			return null;
		}
		Toolchain chosen = this.toolchainManager.getToolchainFromBuildContext("jdk", this.session);
		if (chosen != null) {
			return chosen;
		}
		Map<String, String> requirements = compilerToolchainRequirements();
		if (requirements.isEmpty()) {
			return null;
		}
		List<Toolchain> found = this.toolchainManager.getToolchains(this.session, "jdk", requirements);
		return (found == null || found.isEmpty()) ? null : found.get(0);
	}

	/** The {@code <jdkToolchain>} of {@code maven-compiler-plugin}: of its main compilation, else of the plugin. */
	private Map<String, String> compilerToolchainRequirements() {
		Plugin compiler = this.project.getBuild().getPluginsAsMap().get("org.apache.maven.plugins:maven-compiler-plugin");
		if (compiler == null) {
			return Map.of();
		}
		PluginExecution compile = compiler.getExecutionsAsMap().get("default-compile");
		Map<String, String> requirements = (compile != null) ? jdkToolchain(compile.getConfiguration()) : Map.of();
		return requirements.isEmpty() ? jdkToolchain(compiler.getConfiguration()) : requirements;
	}

	private static Map<String, String> jdkToolchain(Object configuration) {
		Map<String, String> requirements = new LinkedHashMap<>();
		if (configuration instanceof Xpp3Dom dom && dom.getChild("jdkToolchain") != null) {
			for (Xpp3Dom requirement : dom.getChild("jdkToolchain").getChildren()) {
				if (requirement.getValue() != null && !requirement.getValue().isBlank()) {
					requirements.put(requirement.getName(), requirement.getValue().trim());
				}
			}
		}
		return requirements;
	}

	/**
	 * Fails on classes of deleted Kotlin files in the compiled classes of this module and of the modules of
	 * the build it depends on ({@link StaleKotlinClasses}).
	 */
	private void checkNoStaleKotlinClasses(List<String> classpath) throws MojoFailureException {
		List<MavenProject> modules = new ArrayList<>();
		modules.add(this.project);
		if (this.session != null) {
			modules.addAll(this.session.getProjects());
		}
		Set<Path> checked = new HashSet<>();
		for (String element : classpath) {
			Path directory = Path.of(element).toAbsolutePath().normalize();
			if (!Files.isDirectory(directory) || !checked.add(directory)) {
				continue;
			}
			for (MavenProject module : modules) {
				if (module.getBuild() != null && module.getBuild().getOutputDirectory() != null
						&& Path.of(module.getBuild().getOutputDirectory()).toAbsolutePath().normalize().equals(directory)) {
					List<Path> sources = new ArrayList<>();
					module.getCompileSourceRoots().forEach((root) -> sources.add(Path.of(root)));
					if (module.getBasedir() != null) {
						sources.add(module.getBasedir().toPath().resolve("src"));
					}
					if (module.getBuild().getDirectory() != null) {
						sources.add(Path.of(module.getBuild().getDirectory(), "generated-sources"));
					}
					StaleKotlinClasses.check(directory, sources, command());
					break;
				}
			}
		}
	}

	List<String> commandLine() throws MojoExecutionException, MojoFailureException {
		List<String> classpath;
		try {
			classpath = this.project.getRuntimeClasspathElements();
		}
		catch (DependencyResolutionRequiredException ex) {
			throw new MojoExecutionException("Could not resolve the runtime class path of " + this.project.getId(), ex);
		}
		Path classes = Path.of(this.project.getBuild().getOutputDirectory());
		checkNoStaleKotlinClasses(classpath);
		String main = MainClassFinder.find(this.mainClass, this.project, classes);
		List<String> line = new ArrayList<>();
		this.java = javaExecutable();
		line.add(this.java);
		// A command runs for seconds: the optimizing compiler's work would not pay off before the JVM ends, and it
		// takes a core. A later -XX:TieredStopAtLevel in jvmArguments wins.
		line.add("-XX:TieredStopAtLevel=1");
		if (this.jvmArguments != null && !this.jvmArguments.isBlank()) {
			line.addAll(words("migrations.jvmArguments", this.jvmArguments));
		}
		if (this.profiles != null && !this.profiles.isBlank()) {
			line.add("-Dspring.profiles.active=" + this.profiles.trim());
		}
		if (this.outputDirectory != null) {
			line.add("-Dmigrations.generate.output-dir=" + this.outputDirectory.getAbsolutePath());
		}
		if (this.session != null) {
			line.addAll(applicationProperties(this.session.getUserProperties()));
		}
		line.add("-cp");
		line.add(String.join(File.pathSeparator, classpath));
		line.add(main);
		line.add("db");
		line.add(command());
		line.addAll(commandArguments());
		if (this.arguments != null && !this.arguments.isBlank()) {
			line.addAll(words("migrations.arguments", this.arguments));
		}
		return line;
	}

	/**
	 * The {@code -Dmigrations.*} properties of the command line that are none of the plugin's, and the
	 * {@code -Dspring.*} ones, passed on to the command's JVM as system properties: the application's
	 * settings ({@code migrations.baseline}, {@code migrations.schema}, {@code spring.datasource.url}...),
	 * which its hints name. Left out, {@code -Dspring.datasource.url=...} would leave the command on the
	 * database of {@code application.properties}, not the one the command line names. One that is a plugin
	 * property misspelt ({@code migrations.taget}, {@code migrations.failondrift}) fails the goal, naming the
	 * right one: ignored, it would leave a default in force ({@code head} as the target, no failure on drift).
	 */
	static List<String> applicationProperties(Properties userProperties) throws MojoFailureException {
		List<String> forwarded = new ArrayList<>();
		for (String key : new TreeSet<>(userProperties.stringPropertyNames())) {
			if (!isApplicationProperty(key)) {
				continue;
			}
			String meant = key.startsWith("spring.") ? null : misspelt(key);
			if (meant != null) {
				throw new MojoFailureException("-D" + key + " is not a property of the migrations plugin: did you mean -D"
						+ meant + "?");
			}
			forwarded.add("-D" + key + "=" + userProperties.getProperty(key));
		}
		return forwarded;
	}

	/**
	 * The {@code -D} options of the command line that chose the application and its database: the application's
	 * settings passed on to the command's JVM ({@link #applicationProperties}) and the plugin's properties that
	 * shape that JVM ({@code migrations.profiles}, {@code migrations.jvmArguments}, {@code migrations.mainClass}).
	 * A hint's goal without them would run on the database of {@code application.properties}.
	 */
	static List<String> databaseOptions(Properties userProperties) {
		List<String> options = new ArrayList<>();
		for (String key : new TreeSet<>(userProperties.stringPropertyNames())) {
			if (isApplicationProperty(key) || DATABASE_PARAMETERS.contains(key)) {
				options.add(MavenHints.option(key, userProperties.getProperty(key)));
			}
		}
		return options;
	}

	/** A {@code -Dspring.*} property, or a {@code -Dmigrations.*} one that is none of the plugin's: the application's. */
	private static boolean isApplicationProperty(String key) {
		return key.startsWith("spring.") || (key.startsWith("migrations.") && !Parameters.ALL.contains(key));
	}

	private static final Set<String> DATABASE_PARAMETERS = Set.of("migrations.profiles", "migrations.jvmArguments",
			"migrations.mainClass");

	/**
	 * Every property a goal of the plugin reads, as the plugin's descriptor lists them (Maven builds it from the
	 * goals' {@code @Parameter} annotations, so a new parameter is known here without being named twice); read
	 * the first time a {@code -Dmigrations.*} property is given.
	 */
	private static final class Parameters {

		static final Set<String> ALL = pluginProperties();

	}

	private static Set<String> pluginProperties() {
		Pattern property = Pattern.compile("\\$\\{(migrations\\.[A-Za-z]+)}");
		try {
			Enumeration<URL> descriptors = AbstractDbMojo.class.getClassLoader().getResources("META-INF/maven/plugin.xml");
			while (descriptors.hasMoreElements()) {
				String descriptor;
				try (InputStream in = descriptors.nextElement().openStream()) {
					descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				if (descriptor.contains("<artifactId>migrations-maven-plugin</artifactId>")) {
					Set<String> properties = new TreeSet<>();
					Matcher matcher = property.matcher(descriptor);
					while (matcher.find()) {
						properties.add(matcher.group(1));
					}
					return Set.copyOf(properties);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the migrations plugin's descriptor", ex);
		}
		throw new IllegalStateException("The migrations plugin's descriptor (META-INF/maven/plugin.xml) is not on its"
				+ " class path");
	}

	private static String misspelt(String key) {
		String name = key.substring("migrations.".length());
		for (String parameter : Parameters.ALL) {
			String other = parameter.substring("migrations.".length());
			int allowed = (Math.min(name.length(), other.length()) >= 6) ? 2 : 1;
			if (name.equalsIgnoreCase(other) || distance(name, other) <= allowed) {
				return parameter;
			}
		}
		return null;
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static List<String> words(String property, String value) throws MojoFailureException {
		List<String> words = Words.split(value);
		if (words == null) {
			throw new MojoFailureException(property + " has a quote that is not closed: " + value);
		}
		return words;
	}

	static void addIfSet(List<String> arguments, String option, String value) {
		if (value != null && !value.isBlank()) {
			arguments.add(option);
			arguments.add(value);
		}
	}

}
