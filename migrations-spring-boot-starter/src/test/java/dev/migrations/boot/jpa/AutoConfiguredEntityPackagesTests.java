package dev.migrations.boot.jpa;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import library.LibraryAutoConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity packages a library's auto-configuration adds, as a {@code db} command reads them without running the
 * auto-configuration.
 */
class AutoConfiguredEntityPackagesTests {

	@TempDir
	Path directory;

	@Test
	void aPackageIsAddedWhenTheAutoConfigurationsPropertyConditionMatches() throws IOException {
		ClassLoader loader = listing(LibraryAutoConfigurations.EventsAutoConfiguration.class);

		assertThat(AutoConfiguredEntityPackages.find(loader, new MockEnvironment(), null).packages())
			.containsExactly("library.events");
		assertThat(AutoConfiguredEntityPackages
			.find(loader, new MockEnvironment().withProperty("library.events.enabled", "false"), null)
			.packages()).isEmpty();
	}

	@Test
	void aConditionThatCannotBeEvaluatedLeavesTheDecisionToTheContextInsteadOfFailingTheCommand() throws IOException {
		ClassLoader loader = listing(LibraryAutoConfigurations.FailingConditionAutoConfiguration.class);

		// without the context: undecided, so that the command starts the context
		AutoConfiguredEntityPackages.Found withoutContext = AutoConfiguredEntityPackages.find(loader, new MockEnvironment(),
				null);
		assertThat(withoutContext.undecided()).isEqualTo(LibraryAutoConfigurations.FailingConditionAutoConfiguration.class.getName());
		assertThat(withoutContext.packages()).isEmpty();
		// with it: the auto-configuration would not have run either
		AutoConfiguredEntityPackages.Found withContext = AutoConfiguredEntityPackages.find(loader, new MockEnvironment(),
				new DefaultListableBeanFactory());
		assertThat(withContext.undecided()).isNull();
		assertThat(withContext.packages()).isEmpty();
	}

	/** A class loader listing one auto-configuration besides those of the class path. */
	private ClassLoader listing(Class<?> autoConfiguration) throws IOException {
		Path imports = this.directory.resolve("META-INF/spring/" + AutoConfiguration.class.getName() + ".imports");
		Files.createDirectories(imports.getParent());
		Files.writeString(imports, autoConfiguration.getName() + "\n");
		return new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, getClass().getClassLoader());
	}

}
