package dev.migrations.entity;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * The reference every "no false positive" assertion is held against: the schema the application's
 * own Hibernate creates from the entities, as a Spring Boot application with
 * {@code spring.jpa.hibernate.ddl-auto=create} gets it. An EntityManagerFactory is started the way
 * Spring's {@code LocalContainerEntityManagerFactoryBean} starts it (a persistence unit listing the
 * classes, the settings as the integration map) on the database, with the source's settings and
 * naming strategies, and creates the schema; nothing of {@link EntityMetadataReader} takes part.
 */
public final class HibernateSchemaCreation {

	private HibernateSchemaCreation() {
	}

	/**
	 * Lets Hibernate create the schema of the entities in the database.
	 * @param dataSource the database, whose connections' current schema receives the tables
	 * @param source the entity classes and the application's Hibernate settings
	 */
	public static void create(DataSource dataSource, EntitySource source) {
		start(dataSource, source, "create");
	}

	/**
	 * Lets Hibernate validate the database's schema against the entities, as an application with
	 * {@code spring.jpa.hibernate.ddl-auto=validate} does on start.
	 * @param dataSource the database
	 * @param source the entity classes and the application's Hibernate settings
	 * @throws RuntimeException Hibernate's {@code SchemaManagementException} (wrapped) when the schema does not validate
	 */
	public static void validate(DataSource dataSource, EntitySource source) {
		start(dataSource, source, "validate");
	}

	private static void start(DataSource dataSource, EntitySource source, String action) {
		Map<String, Object> settings = new LinkedHashMap<>(source.settings());
		settings.put(MappingSettings.PHYSICAL_NAMING_STRATEGY, (source.physicalNamingStrategy() != null)
				? source.physicalNamingStrategy() : SnakeCasePhysicalNamingStrategy.INSTANCE);
		settings.put(MappingSettings.IMPLICIT_NAMING_STRATEGY, (source.implicitNamingStrategy() != null)
				? source.implicitNamingStrategy() : new OwningTableImplicitNamingStrategy());
		if (source.dialect() != null) {
			settings.put(JdbcSettings.DIALECT, source.dialect());
		}
		if (source.defaultSchema() != null) {
			settings.put(MappingSettings.DEFAULT_SCHEMA, source.defaultSchema());
		}
		settings.put(SchemaToolingSettings.HBM2DDL_AUTO, action);
		// a statement the server rejects fails the test instead of being logged
		settings.put(SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, true);
		List<Class<?>> classes = source.classes();
		ClassLoader classLoader = (!classes.isEmpty() && classes.get(0).getClassLoader() != null)
				? classes.get(0).getClassLoader() : HibernateSchemaCreation.class.getClassLoader();
		List<String> classNames = new ArrayList<>(classes.stream().map(Class::getName).toList());
		classNames.addAll(source.classNames());
		PersistenceUnit unit = new PersistenceUnit(classNames, source.mappingResources(), dataSource, classLoader);
		// as Spring passes them: spring.jpa.properties and Boot's settings are the integration map, so
		// they win over the persistence unit's defaults (e.g. its validation mode AUTO)
		try (EntityManagerFactory factory = new HibernatePersistenceProvider().createContainerEntityManagerFactory(unit,
				settings)) {
			// created on start; ddl-auto=create drops nothing on close
		}
	}

	/** A persistence unit as Spring's {@code MutablePersistenceUnitInfo} describes a Boot application's. */
	@SuppressWarnings("deprecation")
	private record PersistenceUnit(List<String> managedClassNames, List<String> mappingFileNames, DataSource dataSource,
			ClassLoader classLoader)
			implements PersistenceUnitInfo {

		@Override
		public String getPersistenceUnitName() {
			return "default";
		}

		@Override
		public String getPersistenceProviderClassName() {
			return HibernatePersistenceProvider.class.getName();
		}

		@Override
		public String getScopeAnnotationName() {
			return null;
		}

		@Override
		public List<String> getQualifierAnnotationNames() {
			return List.of();
		}

		@Override
		public PersistenceUnitTransactionType getTransactionType() {
			return PersistenceUnitTransactionType.RESOURCE_LOCAL;
		}

		@Override
		public DataSource getJtaDataSource() {
			return null;
		}

		@Override
		public DataSource getNonJtaDataSource() {
			return this.dataSource;
		}

		@Override
		public List<String> getMappingFileNames() {
			return this.mappingFileNames;
		}

		@Override
		public List<URL> getJarFileUrls() {
			return List.of();
		}

		@Override
		public URL getPersistenceUnitRootUrl() {
			return null;
		}

		@Override
		public List<String> getManagedClassNames() {
			return this.managedClassNames;
		}

		@Override
		public boolean excludeUnlistedClasses() {
			return true;
		}

		@Override
		public SharedCacheMode getSharedCacheMode() {
			return SharedCacheMode.UNSPECIFIED;
		}

		@Override
		public ValidationMode getValidationMode() {
			return ValidationMode.AUTO;
		}

		@Override
		public Properties getProperties() {
			return new Properties();
		}

		@Override
		public String getPersistenceXMLSchemaVersion() {
			return "3.2";
		}

		@Override
		public ClassLoader getClassLoader() {
			return this.classLoader;
		}

		@Override
		public void addTransformer(ClassTransformer transformer) {
		}

		@Override
		public ClassLoader getNewTempClassLoader() {
			return null;
		}

	}

}
