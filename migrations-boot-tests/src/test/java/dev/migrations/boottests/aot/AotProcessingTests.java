package dev.migrations.boottests.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's ahead-of-time processing of the shop (what {@code spring-boot-maven-plugin:process-aot}
 * runs before a GraalVM native build): it succeeds, generates the starter's bean definitions, and
 * writes the runtime hints for the revision files and the Java revisions read reflectively.
 */
class AotProcessingTests {

	@TempDir
	Path output;

	@Test
	void processingGeneratesTheBeansAndTheHintsForRevisions() {
		try (TestDatabase database = TestDatabases.postgres()) {
			process(ShopApplication.class, this.output, "--spring.datasource.url=" + database.jdbcUrl(),
					"--spring.datasource.username=" + database.username(),
					"--migrations.locations=classpath:apps/shop/revisions,classpath:apps/{vendor}/extra",
					"--migrations.java-packages=dev.migrations.boottests.app.data");
		}
		assertThat(this.output.resolve("sources/dev/migrations/boot/MigrationsAutoConfiguration__BeanDefinitions.java"))
			.exists();
		String hints = nativeImageMetadata(this.output.resolve("resources"));
		assertThat(hints).contains("dev.migrations.boottests.app.data.SeedDemoCustomers", "apps/shop/revisions",
				"apps/postgresql/extra", "apps/mariadb/extra", "db/revisions");
	}

	/** Runs the processor as the Maven plugin does; throws when the processing fails. */
	public static void process(Class<?> application, Path output, String... arguments) {
		AbstractAotProcessor.Settings settings = AbstractAotProcessor.Settings.builder()
			.sourceOutput(output.resolve("sources"))
			.resourceOutput(output.resolve("resources"))
			.classOutput(output.resolve("classes"))
			.groupId("dev.migrations")
			.artifactId(application.getSimpleName())
			.build();
		new SpringApplicationAotProcessor(application, settings, arguments).process();
	}

	/** Everything written under META-INF/native-image, as one text (JSON's escaped slashes as plain ones). */
	public static String nativeImageMetadata(Path resources) {
		try (Stream<Path> files = Files.walk(resources.resolve("META-INF/native-image"))) {
			return files.filter(Files::isRegularFile).map((file) -> {
				try {
					return Files.readString(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).collect(Collectors.joining("\n")).replace("\\/", "/");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
