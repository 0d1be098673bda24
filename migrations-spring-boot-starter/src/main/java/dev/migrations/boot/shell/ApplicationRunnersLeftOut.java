package dev.migrations.boot.shell;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;

/**
 * In command mode, removes the application's {@code ApplicationRunner}s and {@code CommandLineRunner}s (and the
 * libraries'): the command's runner ends the process before they would run, but Spring Boot creates every runner
 * before it calls the first, and with them what they need (a repository, Quartz's scheduler), which a command's
 * process does not have, or must not start.
 */
final class ApplicationRunnersLeftOut implements BeanDefinitionRegistryPostProcessor {

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			return;
		}
		for (Class<?> type : new Class<?>[] { ApplicationRunner.class, CommandLineRunner.class }) {
			for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
				if (registry.containsBeanDefinition(name)
						&& !CommandModeRunner.class.equals(beanFactory.getType(name, false))) {
					registry.removeBeanDefinition(name);
				}
			}
		}
	}

}
