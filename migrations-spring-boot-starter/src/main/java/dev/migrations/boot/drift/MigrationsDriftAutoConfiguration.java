package dev.migrations.boot.drift;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.MigrationsProperties;
import dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration;
import dev.migrations.entity.EntitySource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Checks for drift between the JPA entities and the database in the background, see
 * {@link MigrationsDriftMonitor}.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationsEntitiesAutoConfiguration.class })
@ConditionalOnBean(Migrations.class)
@ConditionalOnBooleanProperty(name = "migrations.drift.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationsDriftAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsDriftMonitor migrationsDriftMonitor(Migrations migrations, MigrationsProperties properties,
			ObjectProvider<EntitySource> entities) {
		return new MigrationsDriftMonitor(migrations, entities.getIfAvailable() != null,
				properties.getDrift().getOnStartup(), properties.getDrift().getInterval());
	}

}
