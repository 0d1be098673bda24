package dev.migrations.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's ahead-of-time processing of the sample, what {@code spring-boot-maven-plugin:process-aot}
 * runs before a GraalVM native build (which needs GraalVM and is not run here): it succeeds with the
 * starter, the actuator and the shell, and the hints name the sample's revision files.
 */
class SampleAotProcessingTests {

	@TempDir
	Path output;

	@Test
	void aheadOfTimeProcessingSucceeds() throws IOException {
		AbstractAotProcessor.Settings settings = AbstractAotProcessor.Settings.builder()
			.sourceOutput(this.output.resolve("sources"))
			.resourceOutput(this.output.resolve("resources"))
			.classOutput(this.output.resolve("classes"))
			.groupId("dev.migrations")
			.artifactId("sample-app")
			.build();
		try (TestDatabase database = TestDatabases.postgres()) {
			// a URL keeps the sample from starting its embedded PostgreSQL; nothing connects during the processing
			new SpringApplicationAotProcessor(SampleApplication.class, settings,
					new String[] { "--spring.datasource.url=" + database.jdbcUrl() }).process();
		}
		assertThat(this.output.resolve("sources/dev/migrations/sample/SampleApplication__ApplicationContextInitializer.java"))
			.exists();
		assertThat(this.output.resolve("sources/dev/migrations/boot/MigrationsAutoConfiguration__BeanDefinitions.java"))
			.exists();
		try (Stream<Path> files = Files.walk(this.output.resolve("resources/META-INF/native-image"))) {
			String hints = files.filter(Files::isRegularFile).map((file) -> {
				try {
					return Files.readString(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).collect(Collectors.joining("\n")).replace("\\/", "/");
			assertThat(hints).contains("db/revisions");
		}
	}

}
