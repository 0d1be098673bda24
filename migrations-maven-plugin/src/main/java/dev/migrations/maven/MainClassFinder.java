package dev.migrations.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Which class the command's JVM starts: the application's main class. */
final class MainClassFinder {

	private static final String BOOT_PLUGIN = "org.springframework.boot:spring-boot-maven-plugin";

	private static final byte[] SPRING_BOOT_APPLICATION = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] MAIN_DESCRIPTOR = "([Ljava/lang/String;)V".getBytes(StandardCharsets.UTF_8);

	private MainClassFinder() {
	}

	static String find(String configured, MavenProject project, Path classes)
			throws MojoExecutionException, MojoFailureException {
		String declared = declared(configured, project);
		if (declared != null) {
			return declared;
		}
		if (!Files.isDirectory(classes)) {
			throw new MojoFailureException("No compiled classes in " + classes + ": run `mvn compile migrations:<goal>`");
		}
		List<String> candidates = applicationClasses(classes);
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		throw new MojoFailureException((candidates.isEmpty() ? "No @SpringBootApplication class with a main method in "
				+ classes : "Several @SpringBootApplication classes with a main method: " + String.join(", ", candidates))
				+ "; name the application's main class with -Dmigrations.mainClass=com.example.Application"
				+ " (or <mainClass> in the plugin's configuration)");
	}

	/**
	 * Whether the module is an application the command can start: a main class is named (the goal's
	 * {@code mainClass}, {@code start-class}, {@code spring-boot-maven-plugin}'s {@code mainClass}), or its
	 * compiled classes hold a {@code @SpringBootApplication} class with a {@code main} method (or, in Kotlin,
	 * a top-level {@code fun main} starting one). In a build of
	 * several modules, the others (the parent, a module of entities) are skipped.
	 */
	static boolean isApplication(String configured, MavenProject project, Path classes, boolean oneOfSeveral)
			throws MojoExecutionException {
		if ("pom".equals(project.getPackaging())) {
			return false;
		}
		String declared = declared(configured, project);
		if (declared != null) {
			// in a build of several modules the name reaches each (-Dmigrations.mainClass, a parent's start-class): it is
			// the application of the module that compiles it
			return !oneOfSeveral || Files.isRegularFile(classes.resolve(declared.replace('.', '/') + ".class"));
		}
		return Files.isDirectory(classes) && !applicationClasses(classes).isEmpty();
	}

	/** The main class the configuration names, {@code null} when it names none. */
	static String declared(String configured, MavenProject project) {
		if (configured != null && !configured.isBlank()) {
			return configured.trim();
		}
		String startClass = project.getProperties().getProperty("start-class");
		if (startClass != null && !startClass.isBlank() && !startClass.contains("${")) {
			return startClass.trim();
		}
		Plugin boot = project.getBuild().getPluginsAsMap().get(BOOT_PLUGIN);
		if (boot != null && boot.getConfiguration() instanceof Xpp3Dom configuration) {
			Xpp3Dom main = configuration.getChild("mainClass");
			if (main != null && main.getValue() != null && !main.getValue().isBlank() && !main.getValue().contains("${")) {
				return main.getValue().trim();
			}
		}
		return null;
	}

	/**
	 * The {@code @SpringBootApplication} classes with a {@code main} method; failing those, the classes
	 * with a {@code main} method that name one of them: Kotlin compiles {@code fun main} beside
	 * {@code @SpringBootApplication class ShopApplication} into the static {@code main} of the file's facade
	 * class, {@code ShopApplicationKt}, which refers to the annotated class (as a Java launcher class would).
	 */
	private static List<String> applicationClasses(Path classes) throws MojoExecutionException {
		List<String> annotated = new ArrayList<>();
		List<String> annotatedWithMain = new ArrayList<>();
		Map<String, byte[]> othersWithMain = new TreeMap<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : (Iterable<Path>) files.filter((path) -> path.toString().endsWith(".class")).sorted()::iterator) {
				byte[] bytes = read(file);
				String name = className(classes, file);
				boolean main = contains(bytes, MAIN_DESCRIPTOR);
				if (contains(bytes, SPRING_BOOT_APPLICATION)) {
					annotated.add(name);
					if (main) {
						annotatedWithMain.add(name);
					}
				}
				else if (main) {
					othersWithMain.put(name, bytes);
				}
			}
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not read the compiled classes in " + classes, ex);
		}
		if (!annotatedWithMain.isEmpty() || annotated.isEmpty()) {
			return annotatedWithMain;
		}
		List<byte[]> references = annotated.stream().map(MainClassFinder::classConstant).toList();
		return othersWithMain.entrySet()
			.stream()
			.filter((entry) -> references.stream().anyMatch((reference) -> contains(entry.getValue(), reference)))
			.map(Map.Entry::getKey)
			.toList();
	}

	/** The name of the class in {@code file}, a {@code .class} file under the directory {@code classes}. */
	static String className(Path classes, Path file) {
		String relative = classes.relativize(file).toString();
		return relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

	/**
	 * The constant pool entry of a class's internal name (tag 1, its length, its bytes), which a class that
	 * refers to it holds; the length makes {@code com/example/App} no match for {@code com/example/AppKt}.
	 */
	private static byte[] classConstant(String className) {
		byte[] name = className.replace('.', '/').getBytes(StandardCharsets.UTF_8);
		byte[] entry = new byte[name.length + 3];
		entry[0] = 1;
		entry[1] = (byte) (name.length >> 8);
		entry[2] = (byte) name.length;
		System.arraycopy(name, 0, entry, 3, name.length);
		return entry;
	}

	static boolean contains(byte[] bytes, byte[] wanted) {
		outer: for (int i = 0; i <= bytes.length - wanted.length; i++) {
			for (int j = 0; j < wanted.length; j++) {
				if (bytes[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
