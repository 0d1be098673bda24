package dev.migrations.boot;

import dev.migrations.MigrationsConfiguration;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Revision files in the default location are resources of a native image. Configured locations and
 * Java revision classes are registered by {@link dev.migrations.boot.aot.MigrationsAotProcessor},
 * which sees the application's properties.
 */
class MigrationsRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		String path = MigrationsConfiguration.DEFAULT_LOCATION.substring("classpath:".length());
		hints.resources().registerPattern(path);
		hints.resources().registerPattern(path + "/**");
	}

}
