package dev.migrations.boot;

import dev.migrations.MigrationsConfiguration;

/**
 * Adjusts the {@link MigrationsConfiguration} built from the properties before the auto-configured
 * {@link dev.migrations.Migrations} is loaded. Beans of this type are applied in their
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface MigrationsConfigurationCustomizer {

	void customize(MigrationsConfiguration configuration);

}
