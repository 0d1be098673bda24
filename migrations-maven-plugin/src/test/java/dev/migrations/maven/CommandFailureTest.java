package dev.migrations.maven;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a goal says when the command it ran failed. */
class CommandFailureTest {

	@Test
	void classesCompiledForANewerJavaThanTheCommandsJvmNameBothJavasAndTheToolchain() {
		// what a JDK 17 says on classes compiled with --release 25
		CommandProcess.Result result = new CommandProcess.Result(1, List.of(),
				List.of("Error: LinkageError occurred while loading main class com.acme.shop.ShopApplication",
						"\tjava.lang.UnsupportedClassVersionError: com/acme/shop/ShopApplication has been compiled by a more recent"
								+ " version of the Java Runtime (class file version 69.0), this version of the Java Runtime only"
								+ " recognizes class file versions up to 61.0"));

		String message = new CurrentMojo().failure(result).getMessage();

		assertThat(message.lines().findFirst()).hasValue("`db current` failed (exit status 1): the application's classes are"
				+ " compiled for Java 25 and the command's JVM is Java 17 (" + Path.of(System.getProperty("java.home"), "bin", "java")
				+ "): run Maven on a JDK 25 or newer, or declare that JDK as the build's toolchain (maven-toolchains-plugin, or"
				+ " <jdkToolchain> of maven-compiler-plugin), which the goals run the command on");
		assertThat(message).contains("UnsupportedClassVersionError: com/acme/shop/ShopApplication");
	}

	@Test
	void anotherFailureIsTheCommandsMessage() {
		CommandProcess.Result result = new CommandProcess.Result(2, List.of(), List.of("no revision 'zzz' among the 2 known revisions"));

		assertThat(new CurrentMojo().failure(result).getMessage())
			.isEqualTo("`db current` failed (exit status 2): no revision 'zzz' among the 2 known revisions");
	}

}
