package dev.migrations.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which main class the goals start when the build names none. The Kotlin classes under
 * {@code src/test/resources/kotlin-app} are what {@code kotlin-maven-plugin} 2.3 (with the {@code spring} and
 * {@code jpa} compiler plugins) emits for the application start.spring.io generates:
 * <pre>
 * &#64;SpringBootApplication
 * class ShopApplication
 *
 * fun main(args: Array&lt;String&gt;) {
 *     runApplication&lt;ShopApplication&gt;(*args)
 * }
 * </pre>
 * The annotated class has no {@code main}; the top-level function is the static {@code main} of the file's
 * facade class, {@code ShopApplicationKt}.
 */
class MainClassFinderTest {

	private static final String KOTLIN_CLASSES = "/kotlin-app/com/example/shop/";

	@TempDir
	Path classes;

	private void copyKotlinClasses(String... names) throws IOException {
		Path directory = Files.createDirectories(this.classes.resolve("com/example/shop"));
		for (String name : names) {
			try (InputStream in = MainClassFinderTest.class.getResourceAsStream(KOTLIN_CLASSES + name + ".class")) {
				Files.copy(in, directory.resolve(name + ".class"));
			}
		}
	}

	private static MavenProject jarProject() {
		MavenProject project = new MavenProject();
		project.setPackaging("jar");
		return project;
	}

	@Test
	void aKotlinApplicationStartsFromItsTopLevelMainFunction() throws Exception {
		copyKotlinClasses("ShopApplication", "ShopApplicationKt", "Customer", "CustomerStatus");
		assertThat(MainClassFinder.find(null, jarProject(), this.classes)).isEqualTo("com.example.shop.ShopApplicationKt");
		assertThat(MainClassFinder.isApplication(null, jarProject(), this.classes, false)).isTrue();
	}

	@Test
	void kotlinEntitiesWithoutAnApplicationAreNoApplication() throws Exception {
		copyKotlinClasses("Customer", "CustomerStatus");
		assertThat(MainClassFinder.isApplication(null, jarProject(), this.classes, false)).isFalse();
		assertThatThrownBy(() -> MainClassFinder.find(null, jarProject(), this.classes))
			.isInstanceOf(MojoFailureException.class)
			.hasMessageStartingWith("No @SpringBootApplication class with a main method");
	}

	@Test
	void theApplicationClassWithoutItsMainFunctionIsNoApplication() throws Exception {
		// the annotated class alone cannot be started: java would say it has no main method
		copyKotlinClasses("ShopApplication", "Customer");
		assertThat(MainClassFinder.isApplication(null, jarProject(), this.classes, false)).isFalse();
	}

	@Test
	void inABuildOfSeveralModulesANamedMainClassIsTheApplicationOfTheModuleThatCompilesIt() throws Exception {
		// -Dmigrations.mainClass (or a start-class the parent pom gives every module) reaches each module of the build
		String main = "com.example.shop.ShopApplicationKt";
		Path entitiesModule = Files.createDirectories(this.classes.resolve("entities"));
		assertThat(MainClassFinder.isApplication(main, jarProject(), entitiesModule, true)).isFalse();

		this.classes = Files.createDirectories(this.classes.resolve("app"));
		copyKotlinClasses("ShopApplication", "ShopApplicationKt");
		assertThat(MainClassFinder.isApplication(main, jarProject(), this.classes, true)).isTrue();
		// in a build of one module the class may come from a dependency
		assertThat(MainClassFinder.isApplication(main, jarProject(), entitiesModule, false)).isTrue();
	}

	@Test
	void aNamedMainClassIsTakenAsGiven() throws Exception {
		copyKotlinClasses("ShopApplication", "ShopApplicationKt");
		assertThat(MainClassFinder.find("com.example.shop.ShopApplicationKt", jarProject(), this.classes))
			.isEqualTo("com.example.shop.ShopApplicationKt");
	}

}
