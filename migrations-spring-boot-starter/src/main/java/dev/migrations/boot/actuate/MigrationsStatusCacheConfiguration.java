package dev.migrations.boot.actuate;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link MigrationsStatusCache} shared by the endpoint and the health indicator, imported by
 * each of their auto-configurations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MigrationsProperties.class)
class MigrationsStatusCacheConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsStatusCache migrationsStatusCache(Migrations migrations, MigrationsProperties properties) {
		return new MigrationsStatusCache(migrations, properties.getActuator().getStatusCacheTtl());
	}

}
