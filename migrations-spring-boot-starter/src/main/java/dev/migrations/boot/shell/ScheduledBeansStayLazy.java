package dev.migrations.boot.shell;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * In command mode, removes the filter with which Spring Boot's task scheduling keeps the application's beans that
 * have a {@code @Scheduled} method out of lazy initialization: those beans then stay asleep as the others (their
 * jobs do not start, and what they need is not created), while the scheduler itself stays, for the application's
 * beans that a command's process creates and that need one (a {@code TaskScheduler} injected).
 */
final class ScheduledBeansStayLazy implements BeanDefinitionRegistryPostProcessor {

	static final String TASK_SCHEDULING = "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration";

	static final String FILTER_METHOD = "scheduledBeanLazyInitializationExcludeFilter";

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		for (String name : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			if (FILTER_METHOD.equals(definition.getFactoryMethodName())
					&& TASK_SCHEDULING.equals(definition.getBeanClassName())) {
				registry.removeBeanDefinition(name);
			}
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

}
