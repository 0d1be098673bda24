package dev.migrations.boot.jpa;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.entity.EntitySource;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;

/**
 * The application's entities for a {@code db} command started without the application context: the
 * classes in the packages Spring Boot's JPA auto-configuration would scan, with the Hibernate settings of
 * the {@code spring.jpa.*} properties, as {@link MigrationsEntitiesAutoConfiguration} gives them in the
 * context. Used only when JPA and Hibernate are on the class path and the application declares no bean that changes them (naming strategies,
 * {@code HibernatePropertiesCustomizer}s, an {@code EntitySource}): the caller checks that.
 */
public final class CommandModeEntities {

	private CommandModeEntities() {
	}

	/**
	 * The entities in the given packages.
	 * @param environment the application's environment
	 * @param packages the packages to scan: the {@code @EntityScan} packages, else the application's
	 * @param database the database, whose product and version Hibernate's dialect is given
	 * @param classLoader the application's class loader
	 * @return the entities
	 */
	public static EntitySource of(Environment environment, List<String> packages, DataSource database,
			ClassLoader classLoader) {
		Binder binder = Binder.get(environment);
		JpaProperties jpaProperties = binder.bindOrCreate("spring.jpa", JpaProperties.class);
		HibernateProperties hibernateProperties = binder.bindOrCreate("spring.jpa.hibernate", HibernateProperties.class);
		PersistenceManagedTypes managedTypes = new PersistenceManagedTypesScanner(new DefaultResourceLoader(classLoader))
			.scan(packages.toArray(String[]::new));
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.setBeanClassLoader(classLoader);
		Map<String, Object> settings = MigrationsEntitiesAutoConfiguration.hibernateSettings(jpaProperties,
				hibernateProperties, null, null, List.of(), beanFactory);
		return MigrationsEntitiesAutoConfiguration.entitySource(managedTypes, settings,
				MigrationsEntitiesAutoConfiguration.mappingResources(jpaProperties, classLoader), database, classLoader);
	}

}
