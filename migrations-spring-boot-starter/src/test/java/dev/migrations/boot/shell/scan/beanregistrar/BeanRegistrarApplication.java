package dev.migrations.boot.shell.scan.beanregistrar;

import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** Registers a naming strategy with Spring Framework 7's {@code BeanRegistrar}. */
@SpringBootApplication
@Import(BeanRegistrarApplication.NamingBeans.class)
public class BeanRegistrarApplication {

	static class NamingBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			registry.registerBean(PhysicalNamingStrategy.class, (spec) -> spec.supplier((context) -> new PhysicalNamingStrategyStandardImpl()));
		}

	}

}
