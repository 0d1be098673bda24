package dev.migrations.boot.jpa;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.MigrationsDataSource;
import dev.migrations.entity.EntityMetadataReader;
import dev.migrations.entity.EntitySource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.spi.SessionImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernateSettings;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.ManagedClassNameFilter;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Gives {@link Migrations} the application's JPA entities, so that {@code db migrate}, {@code db check}
 * and the drift report compare the database with them.
 * <p>
 * The entities are the {@link PersistenceManagedTypes} Spring Boot scanned, and the Hibernate settings
 * are built the way Spring Boot builds them for its EntityManagerFactory: {@code spring.jpa.*}
 * properties, the default naming strategies, {@link PhysicalNamingStrategy} and
 * {@link ImplicitNamingStrategy} beans, then the {@link HibernatePropertiesCustomizer} beans in order.
 * No EntityManagerFactory is needed, so this works while the database is still behind the entities.
 * <p>
 * In command mode ({@code java -jar app.jar db migrate}) JPA's auto-configuration is left out (see
 * {@code CommandModeAutoConfigurationFilter}); the entity classes are then scanned here, in the packages
 * and with the filter Spring Boot's JPA auto-configuration would use, under the same conditions.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, HibernateJpaAutoConfiguration.class })
@ConditionalOnClass({ EntitySource.class, MetadataSources.class, PersistenceManagedTypes.class,
		HibernateProperties.class })
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ JpaProperties.class, HibernateProperties.class })
public final class MigrationsEntitiesAutoConfiguration {

	// set by CommandModeEnvironmentPostProcessor (in the shell package)
	private static final String COMMAND_MODE_PROPERTY = "migrations.shell.command-mode.active";

	private static final Logger logger = LoggerFactory.getLogger(MigrationsEntitiesAutoConfiguration.class);

	/** The mapping file JPA reads for a persistence unit without naming it. */
	private static final String DEFAULT_ORM_XML = "META-INF/orm.xml";

	// only meaningful when Hibernate builds a SessionFactory; the metadata alone must never act on them
	private static final List<String> SCHEMA_ACTIONS = List.of(SchemaToolingSettings.HBM2DDL_AUTO,
			SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION);

	/**
	 * The entity classes Spring Boot's JPA auto-configuration would scan (the {@code @EntityScan}
	 * packages, else the application's package), for command mode, where that auto-configuration is left
	 * out.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(COMMAND_MODE_PROPERTY)
	@ConditionalOnClass({ LocalContainerEntityManagerFactoryBean.class, EntityManager.class, SessionImplementor.class })
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnMissingBean({ PersistenceManagedTypes.class, LocalContainerEntityManagerFactoryBean.class,
			EntityManagerFactory.class })
	static class CommandModeManagedTypesConfiguration {

		@Bean
		PersistenceManagedTypes migrationsPersistenceManagedTypes(ConfigurableListableBeanFactory beanFactory,
				ResourceLoader resourceLoader, Environment environment,
				ObjectProvider<ManagedClassNameFilter> managedClassNameFilter) {
			List<String> packages = EntityScanPackages.get(beanFactory).getPackageNames();
			if (packages.isEmpty()) {
				// the libraries' packages too, whose auto-configurations command mode leaves out
				Set<String> all = new LinkedHashSet<>();
				if (AutoConfigurationPackages.has(beanFactory)) {
					all.addAll(AutoConfigurationPackages.get(beanFactory));
				}
				all.addAll(AutoConfiguredEntityPackages.find(resourceLoader.getClassLoader(), environment, beanFactory)
					.packages());
				packages = List.copyOf(all);
			}
			return new PersistenceManagedTypesScanner(resourceLoader, managedClassNameFilter.getIfAvailable())
				.scan(packages.toArray(String[]::new));
		}

	}

	@Bean
	@ConditionalOnBean(PersistenceManagedTypes.class)
	@ConditionalOnMissingBean
	EntitySource migrationsEntitySource(PersistenceManagedTypes managedTypes, JpaProperties jpaProperties,
			HibernateProperties hibernateProperties, ObjectProvider<PhysicalNamingStrategy> physicalNamingStrategy,
			ObjectProvider<ImplicitNamingStrategy> implicitNamingStrategy,
			ObjectProvider<HibernatePropertiesCustomizer> customizers, ObjectProvider<DataSource> dataSource,
			@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource, ResourceLoader resourceLoader,
			BeanFactory beanFactory, Environment environment) {
		Map<String, Object> settings = hibernateSettings(jpaProperties, hibernateProperties,
				physicalNamingStrategy.getIfAvailable(), implicitNamingStrategy.getIfAvailable(),
				customizers.orderedStream().toList(), beanFactory);
		DataSource database;
		try {
			database = dataSource.getIfUnique(migrationsDataSource::getIfAvailable);
		}
		catch (RuntimeException ex) {
			if (!MigrationsAutoConfiguration.filesOnlyWithoutUrl(environment)) {
				throw ex;
			}
			// a command of the revision files (db lint --all, db history...) with no database configured: the
			// entities go with Hibernate's defaults for the server, as when it cannot be reached
			logger.debug("No DataSource for the entities of a command of the revision files", ex);
			database = null;
		}
		if (managedTypes.getManagedClassNames().isEmpty()) {
			settings.put(EntityMetadataReader.SCANNED_FOR_ENTITIES, scannedForEntities(beanFactory));
		}
		return entitySource(managedTypes, settings, mappingResources(jpaProperties, resourceLoader.getClassLoader()),
				database, resourceLoader.getClassLoader());
	}

	/**
	 * Where Spring Boot looked for the entities, for a scan that found none: in a build of several modules
	 * the entities often sit in a package the application class does not cover, which only
	 * {@code @EntityScan} brings in.
	 */
	static String scannedForEntities(BeanFactory beanFactory) {
		List<String> named = EntityScanPackages.get(beanFactory).getPackageNames();
		String where;
		if (!named.isEmpty()) {
			where = String.join(", ", named) + " (the packages @EntityScan names)";
		}
		else if (AutoConfigurationPackages.has(beanFactory)) {
			where = String.join(", ", AutoConfigurationPackages.get(beanFactory))
					+ " (the application's package; no @EntityScan names others)";
		}
		else {
			where = "none (no @EntityScan, no application package)";
		}
		return "no @Entity class in the packages scanned for entities, " + where + ". If the entities are in"
				+ " another package or module, name it with @EntityScan(\"...\") on the application class"
				+ " (org.springframework.boot.persistence.autoconfigure.EntityScan; the application's JPA needs it too),"
				+ " with the application's own package if it holds entities as well.";
	}

	/**
	 * The XML mapping files the application's EntityManagerFactory reads, as Spring's default persistence
	 * unit finds them: {@code spring.jpa.mapping-resources}, else a {@code META-INF/orm.xml} on the class path
	 * that has no {@code persistence.xml} beside it.
	 */
	static List<String> mappingResources(JpaProperties jpaProperties, ClassLoader classLoader) {
		if (!jpaProperties.getMappingResources().isEmpty()) {
			return List.copyOf(jpaProperties.getMappingResources());
		}
		Resource ormXml = new DefaultResourceLoader(classLoader).getResource("classpath:" + DEFAULT_ORM_XML);
		if (!ormXml.exists()) {
			return List.of();
		}
		try {
			return ormXml.createRelative("persistence.xml").exists() ? List.of() : List.of(DEFAULT_ORM_XML);
		}
		catch (IOException ex) {
			return List.of(DEFAULT_ORM_XML);
		}
	}

	/**
	 * The entities of the managed types, with the Hibernate settings and the naming strategies among them,
	 * and the server's product and version read from the database when there is one.
	 */
	static EntitySource entitySource(PersistenceManagedTypes managedTypes, Map<String, Object> settings,
			List<String> mappingResources, DataSource database, ClassLoader classLoader) {
		if (database != null) {
			serverSettings(database).forEach(settings::putIfAbsent);
		}
		Object physical = settings.remove(MappingSettings.PHYSICAL_NAMING_STRATEGY);
		Object implicit = settings.remove(MappingSettings.IMPLICIT_NAMING_STRATEGY);
		return EntitySource.ofClassNames(managedTypes.getManagedClassNames(), classLoader)
			.withPackages(managedTypes.getManagedPackages())
			.withMappingResources(mappingResources)
			.withPhysicalNamingStrategy(physical)
			.withImplicitNamingStrategy(implicit)
			.withSettings(settings);
	}

	/**
	 * The Hibernate settings Spring Boot's EntityManagerFactory would get, without the schema
	 * actions ({@code ddl-auto}). Among them, from Spring's JPA vendor adapter, the bean container
	 * through which Hibernate creates converters (and other managed beans) from the application's
	 * bean factory, so a converter that needs a bean is created as the application creates it.
	 */
	static Map<String, Object> hibernateSettings(JpaProperties jpaProperties, HibernateProperties hibernateProperties,
			PhysicalNamingStrategy physicalNamingStrategy, ImplicitNamingStrategy implicitNamingStrategy,
			List<HibernatePropertiesCustomizer> userCustomizers, BeanFactory beanFactory) {
		List<HibernatePropertiesCustomizer> customizers = new ArrayList<>();
		// naming strategy beans come first, as Spring Boot applies them, so user customizers can still override
		if (physicalNamingStrategy != null || implicitNamingStrategy != null) {
			customizers.add((properties) -> {
				putIfNotNull(properties, MappingSettings.PHYSICAL_NAMING_STRATEGY, physicalNamingStrategy);
				putIfNotNull(properties, MappingSettings.IMPLICIT_NAMING_STRATEGY, implicitNamingStrategy);
			});
		}
		customizers.addAll(userCustomizers);
		Map<String, Object> settings = new LinkedHashMap<>(hibernateProperties.determineHibernateProperties(
				jpaProperties.getProperties(),
				new HibernateSettings().ddlAuto(() -> "none").hibernatePropertiesCustomizers(customizers)));
		// the vendor adapter's settings (dialect from spring.jpa.database-platform or spring.jpa.database)
		// yield to explicit ones, as in the EntityManagerFactory
		vendorAdapter(jpaProperties, beanFactory).getJpaPropertyMap().forEach(settings::putIfAbsent);
		SCHEMA_ACTIONS.forEach(settings::remove);
		return settings;
	}

	private static HibernateJpaVendorAdapter vendorAdapter(JpaProperties jpaProperties, BeanFactory beanFactory) {
		HibernateJpaVendorAdapter adapter = new HibernateJpaVendorAdapter();
		adapter.setBeanFactory(beanFactory);
		adapter.setShowSql(jpaProperties.isShowSql());
		if (jpaProperties.getDatabase() != null) {
			adapter.setDatabase(jpaProperties.getDatabase());
		}
		if (jpaProperties.getDatabasePlatform() != null) {
			adapter.setDatabasePlatform(jpaProperties.getDatabasePlatform());
		}
		adapter.setGenerateDdl(jpaProperties.isGenerateDdl());
		return adapter;
	}

	/**
	 * The server's product, version and SQL keywords, which the EntityManagerFactory reads from a
	 * connection to pick the dialect, its version-dependent types and the words it quotes; the metadata is
	 * built without a connection, so they are passed as settings. Without a reachable database Hibernate's defaults apply.
	 */
	private static Map<String, Object> serverSettings(DataSource dataSource) {
		Map<String, Object> settings = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			settings.put(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, metaData.getDatabaseProductName());
			settings.put(JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, metaData.getDatabaseProductVersion());
			settings.put(JdbcSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, metaData.getDatabaseMajorVersion());
			settings.put(JdbcSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, metaData.getDatabaseMinorVersion());
			// the keywords the application's Hibernate registers from the connection (auto_quote_keyword quotes them)
			settings.put(EntityMetadataReader.SQL_KEYWORDS, metaData.getSQLKeywords());
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not read the database version for the entity metadata; Hibernate's defaults apply", ex);
			settings.clear();
		}
		return settings;
	}

	private static void putIfNotNull(Map<String, Object> properties, String key, Object value) {
		if (value != null) {
			properties.put(key, value);
		}
	}

}
