package dev.migrations.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
	 * compiled classes hold a {@code @SpringBootApplication} class with a {@code main} method. In a build of
	 * several modules, the others (the parent, a module of entities) are skipped.
	 */
	static boolean isApplication(String configured, MavenProject project, Path classes) throws MojoExecutionException {
		return !"pom".equals(project.getPackaging())
				&& (declared(configured, project) != null || (Files.isDirectory(classes) && !applicationClasses(classes).isEmpty()));
	}

	/** The main class the configuration names, {@code null} when it names none. */
	private static String declared(String configured, MavenProject project) {
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

	private static List<String> applicationClasses(Path classes) throws MojoExecutionException {
		try (Stream<Path> files = Files.walk(classes)) {
			return files.filter((file) -> file.toString().endsWith(".class"))
				.filter(MainClassFinder::isApplicationWithMain)
				.map((file) -> {
					String relative = classes.relativize(file).toString();
					return relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
				})
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not read the compiled classes in " + classes, ex);
		}
	}

	private static boolean isApplicationWithMain(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			return contains(bytes, SPRING_BOOT_APPLICATION) && contains(bytes, MAIN_DESCRIPTOR);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean contains(byte[] bytes, byte[] wanted) {
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
