package dev.migrations.maven;

import java.util.Properties;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code -Dmigrations.*} properties of a Maven command line that are not the plugin's own. */
class ApplicationPropertiesTest {

	private static Properties properties(String... pairs) {
		Properties properties = new Properties();
		for (int i = 0; i < pairs.length; i += 2) {
			properties.setProperty(pairs[i], pairs[i + 1]);
		}
		return properties;
	}

	@Test
	void theApplicationsSettingsGoToTheCommandsJvm() throws MojoFailureException {
		assertThat(AbstractDbMojo.applicationProperties(properties("migrations.baseline", "6bf095baeef4",
				"migrations.target", "+1", "migrations.url", "jdbc:postgresql://db/shop", "skipTests", "true")))
			.containsExactly("-Dmigrations.baseline=6bf095baeef4", "-Dmigrations.url=jdbc:postgresql://db/shop");
	}

	@Test
	void theApplicationsSpringSettingsGoToTheCommandsJvm() throws MojoFailureException {
		// the database the command line names, not the one of application.properties
		assertThat(AbstractDbMojo.applicationProperties(properties("spring.datasource.url", "jdbc:postgresql://staging/shop",
				"spring.profiles.active", "staging", "spring-boot.run.profiles", "dev")))
			.containsExactly("-Dspring.datasource.url=jdbc:postgresql://staging/shop", "-Dspring.profiles.active=staging");
	}

	@Test
	void aMisspeltPluginPropertyFailsTheGoalNamingTheRightOne() {
		assertThatThrownBy(() -> AbstractDbMojo.applicationProperties(properties("migrations.taget", "+1")))
			.isInstanceOf(MojoFailureException.class)
			.hasMessage("-Dmigrations.taget is not a property of the migrations plugin: did you mean -Dmigrations.target?");
		assertThatThrownBy(() -> AbstractDbMojo.applicationProperties(properties("migrations.failondrift", "true")))
			.hasMessageEndingWith("did you mean -Dmigrations.failOnDrift?");
		assertThatThrownBy(() -> AbstractDbMojo.applicationProperties(properties("migrations.mesage", "add age")))
			.hasMessageEndingWith("did you mean -Dmigrations.message?");
	}

}
