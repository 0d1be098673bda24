package dev.migrations.boot;

import java.util.Arrays;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Keeps the startup upgrade before JPA when {@code spring.jpa.defer-datasource-initialization=true}.
 * <p>
 * With that setting Spring Boot makes every database initializer wait for the {@code EntityManagerFactory},
 * so that {@code data.sql} runs once Hibernate has built the schema. For the startup upgrade that is a cycle
 * (the {@code EntityManagerFactory} waits for the upgrade, since Hibernate validates or uses the upgraded
 * schema), and the application stopped with "Circular depends-on relationship between 'migrationsInitializer'
 * and 'entityManagerFactory'". The revisions are what builds the schema here, so the upgrade keeps its place
 * before JPA and only the other initializers (the SQL scripts, Flyway, Liquibase) wait for JPA: revisions,
 * then Hibernate, then {@code data.sql}.
 * <p>
 * Runs after Spring Boot's own post-processor (order 0) that sets these dependencies, and removes from the
 * {@link MigrationsInitializer} beans only the dependencies on the beans JPA's detector reported.
 */
final class UpgradeBeforeDeferredJpaPostProcessor implements BeanFactoryPostProcessor, Ordered {

	/** The detector that reports the {@code EntityManagerFactory} beans as initializers when deferring. */
	private static final String JPA_DETECTOR = "org.springframework.boot.jpa.JpaDatabaseInitializerDetector";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanNamesForType(MigrationsInitializer.class, true, false)) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			String[] dependsOn = definition.getDependsOn();
			if (dependsOn == null) {
				continue;
			}
			String[] kept = Arrays.stream(dependsOn).filter((bean) -> !reportedByJpa(beanFactory, bean)).toArray(String[]::new);
			if (kept.length != dependsOn.length) {
				definition.setDependsOn(kept);
			}
		}
	}

	private static boolean reportedByJpa(ConfigurableListableBeanFactory beanFactory, String bean) {
		return beanFactory.containsBeanDefinition(bean) && JPA_DETECTOR
			.equals(beanFactory.getBeanDefinition(bean).getAttribute(DatabaseInitializerDetector.class.getName()));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
