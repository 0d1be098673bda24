package dev.migrations.boot.shell.scan.kotlinregistrar;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.BeanDefinitionDsl;
import org.springframework.objenesis.SpringObjenesis;

/**
 * What {@code beans { bean<PhysicalNamingStrategy> { ... } }} gives a Kotlin {@code main} to pass to
 * {@code addInitializers}: an instance of Spring's {@code BeanDefinitionDsl}. Made without its constructor,
 * which takes Kotlin functions, so that no Kotlin library is needed on the test class path.
 */
public final class KotlinBeansDsl {

	private KotlinBeansDsl() {
	}

	@SuppressWarnings("removal")
	public static ApplicationContextInitializer<?> initializer() {
		return new SpringObjenesis().newInstance(BeanDefinitionDsl.class);
	}

}
