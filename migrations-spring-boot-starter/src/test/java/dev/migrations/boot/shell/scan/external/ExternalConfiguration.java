package dev.migrations.boot.shell.scan.external;

import dev.migrations.boot.MigrationsConfigurationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Configuration outside the applications' packages, reached by an import or a scan of this package. */
@Configuration(proxyBeanMethods = false)
public class ExternalConfiguration {

	@Bean
	MigrationsConfigurationCustomizer externalCustomizer() {
		return (configuration) -> configuration.versionTable("external_versions");
	}

}
